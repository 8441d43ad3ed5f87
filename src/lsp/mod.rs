//! `akkoord lsp`: a language server over standard input and output, on `lsp-server` and
//! `lsp-types`. A thin layer: every answer comes from [`crate::editor`], and the problems it
//! publishes are exactly those of `akkoord validate` ([`crate::load::validate`]).
//!
//! The server never stops on bad input: a request it does not know gets `MethodNotFound`, bad
//! parameters get `InvalidParams`, and a handler that fails unexpectedly gets `InternalError`
//! (and the failure is logged to the editor) while the server goes on serving.

mod convert;
mod documents;
mod requests;

use std::path::PathBuf;

use jiff::civil::Date;
use lsp_server::{Connection, Message};
use lsp_types as lsp;

use crate::editor::Workspace;

pub use convert::{path_of, uri_of};

/// How the server answers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Settings {
    /// The day values and verdicts are given for; today when `None`.
    pub date: Option<Date>,
}

/// Why the server stopped before the editor asked it to.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The editor broke the protocol, or went away.
    #[error("{0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// Standard input or output failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Serves the editor on standard input and output until it asks the server to exit.
pub fn run_stdio(settings: Settings) -> Result<(), ServerError> {
    let (connection, threads) = Connection::stdio();
    serve(&connection, settings)?;
    drop(connection);
    threads.join()?;
    Ok(())
}

/// Serves the editor on a connection: the handshake, then every message until `shutdown` and
/// `exit` (or until the editor goes away).
pub fn serve(connection: &Connection, settings: Settings) -> Result<(), ServerError> {
    let (id, params) = connection.initialize_start()?;
    let root = root(&params);
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": { "name": "akkoord", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result)?;
    let mut server = documents::Server::new(connection, Workspace::new(root, settings.date));
    server.start();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                // Problems first: what a request answers is about the text they were found in.
                server.publish();
                server.request(request);
            }
            Message::Notification(n) if n.method == "exit" => return Ok(()),
            Message::Notification(n) => server.notification(n),
            Message::Response(_) => {}
        }
        if connection.receiver.is_empty() {
            server.publish();
        }
    }
    Ok(())
}

/// The folder the editor opened: the first workspace folder, or the root URI.
fn root(params: &serde_json::Value) -> Option<PathBuf> {
    let folder = params
        .get("workspaceFolders")
        .and_then(|f| f.get(0))
        .and_then(|f| f.get("uri"));
    let uri = folder.or_else(|| params.get("rootUri"))?.as_str()?;
    let uri: lsp::Uri = uri.parse().ok()?;
    path_of(&uri)
}

/// What the server offers: whole documents on every change, and the five kinds of request.
fn capabilities() -> lsp::ServerCapabilities {
    let sync = lsp::TextDocumentSyncOptions {
        open_close: Some(true),
        change: Some(lsp::TextDocumentSyncKind::FULL),
        save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
        ..lsp::TextDocumentSyncOptions::default()
    };
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(sync)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![".".into(), "{".into(), "(".into()]),
            ..lsp::CompletionOptions::default()
        }),
        ..lsp::ServerCapabilities::default()
    }
}
