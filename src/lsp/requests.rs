//! Requests and their responses: hover, definition, references, completion and the outline,
//! each answered by [`crate::editor`]. A request the server does not know gets
//! `MethodNotFound`; parameters that do not fit get `InvalidParams`; a handler that fails
//! unexpectedly gets `InternalError`, and the server goes on.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use lsp_server::{ErrorCode, Request, Response};
use lsp_types as lsp;
use lsp_types::request::{
    Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest, References,
    Request as LspRequest,
};

use crate::editor::{self, Workspace};
use crate::tr;

use super::convert::{self, from_position};

/// The response to a request.
pub fn respond(workspace: &mut Workspace, request: Request) -> Response {
    match request.method.as_str() {
        HoverRequest::METHOD => handle::<HoverRequest>(workspace, request, hover),
        GotoDefinition::METHOD => handle::<GotoDefinition>(workspace, request, definition),
        References::METHOD => handle::<References>(workspace, request, references),
        Completion::METHOD => handle::<Completion>(workspace, request, completion),
        DocumentSymbolRequest::METHOD => {
            handle::<DocumentSymbolRequest>(workspace, request, outline)
        }
        method => {
            let message = tr!(
                "akkoord kent het verzoek `{method}` niet",
                "akkoord does not know the request `{method}`"
            );
            Response::new_err(request.id, ErrorCode::MethodNotFound as i32, message)
        }
    }
}

/// Reads the parameters, runs the handler with failures caught, and answers.
fn handle<R: LspRequest>(
    workspace: &mut Workspace,
    request: Request,
    handler: fn(&mut Workspace, R::Params) -> R::Result,
) -> Response {
    let params: R::Params = match serde_json::from_value(request.params) {
        Ok(params) => params,
        Err(e) => {
            let message = tr!("ongeldige parameters: {e}", "invalid parameters: {e}");
            return Response::new_err(request.id, ErrorCode::InvalidParams as i32, message);
        }
    };
    let answered = guarded(|| serde_json::to_value(handler(workspace, params)));
    match answered {
        Ok(Ok(result)) => Response {
            id: request.id,
            response_result: Ok(result),
        },
        Ok(Err(e)) => Response::new_err(request.id, ErrorCode::InternalError as i32, e.to_string()),
        Err(message) => Response::new_err(request.id, ErrorCode::InternalError as i32, message),
    }
}

/// Runs `f`; a panic becomes an error message instead of ending the server.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let detail = panic_text(payload.as_ref());
        tr!(
            "akkoord liep vast bij dit verzoek ({detail}); meld dit alstublieft met het bestand",
            "akkoord failed on this request ({detail}); please report this with the file"
        )
    })
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// The path and editor position of a request about a place.
fn place(p: &lsp::TextDocumentPositionParams) -> Option<(PathBuf, editor::Position)> {
    let path = convert::path_of(&p.text_document.uri).filter(|p| Workspace::is_ours(p))?;
    Some((path, from_position(p.position)))
}

fn hover(workspace: &mut Workspace, p: lsp::HoverParams) -> Option<lsp::Hover> {
    let (path, at) = place(&p.text_document_position_params)?;
    let found = editor::hover(workspace.analysis_of(&path), &path, at)?;
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: found.markdown,
        }),
        range: Some(convert::range(found.range)),
    })
}

fn definition(
    workspace: &mut Workspace,
    p: lsp::GotoDefinitionParams,
) -> Option<lsp::GotoDefinitionResponse> {
    let (path, at) = place(&p.text_document_position_params)?;
    let found = editor::definition(workspace.analysis_of(&path), &path, at);
    let locations: Vec<lsp::Location> = found.iter().filter_map(convert::location).collect();
    Some(lsp::GotoDefinitionResponse::Array(locations))
}

fn references(workspace: &mut Workspace, p: lsp::ReferenceParams) -> Option<Vec<lsp::Location>> {
    let (path, at) = place(&p.text_document_position)?;
    let with_declarations = p.context.include_declaration;
    let analysis = workspace.analysis_of(&path);
    let found = editor::references(analysis, &path, at, with_declarations);
    Some(found.iter().filter_map(convert::location).collect())
}

fn completion(
    workspace: &mut Workspace,
    p: lsp::CompletionParams,
) -> Option<lsp::CompletionResponse> {
    let (path, at) = place(&p.text_document_position)?;
    let found = editor::complete(workspace.analysis_of(&path), &path, at);
    let items = found.into_iter().map(convert::completion).collect();
    Some(lsp::CompletionResponse::Array(items))
}

fn outline(
    workspace: &mut Workspace,
    p: lsp::DocumentSymbolParams,
) -> Option<lsp::DocumentSymbolResponse> {
    let path = convert::path_of(&p.text_document.uri).filter(|p| Workspace::is_ours(p))?;
    let found = editor::outline(workspace.analysis_of(&path), &path);
    let symbols = found.into_iter().map(convert::symbol).collect();
    Some(lsp::DocumentSymbolResponse::Nested(symbols))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handler_that_panics_gives_an_error_and_the_next_one_runs() {
        let failed = guarded(|| -> u8 { panic!("kapot") });
        assert!(failed.is_err_and(|m| m.contains("kapot")));
        assert_eq!(guarded(|| 7), Ok(7));
    }
}
