//! Open documents and their problems: every open, change, save or close lays the editor's text
//! over the file (or takes it away) and marks the rule folder; once no message is waiting, each
//! marked folder is checked with `validate` and its problems are published, with an empty list
//! for every file that has none.

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Notification, Request};
use lsp_types as lsp;
use lsp_types::notification::{self as note, Notification as _};
use serde::de::DeserializeOwned;

use crate::editor::{LineIndex, Workspace};
use crate::tr;

use super::convert;

/// The server's state: the connection, what the editor has open, and the rule folders whose
/// problems are still to be published.
pub struct Server<'c> {
    connection: &'c Connection,
    workspace: Workspace,
    pending: BTreeSet<PathBuf>,
}

impl<'c> Server<'c> {
    /// A server for a workspace.
    pub fn new(connection: &'c Connection, workspace: Workspace) -> Self {
        Server {
            connection,
            workspace,
            pending: BTreeSet::new(),
        }
    }

    /// Checks `rules/` under the workspace root, when there is one, so its problems show at once.
    pub fn start(&mut self) {
        if let Some(folder) = self.workspace.root_folder() {
            self.pending.insert(folder);
        }
    }

    /// Handles a notification; one that fails unexpectedly is logged, and the server goes on.
    pub fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.notified(n)));
        if outcome.is_err() {
            self.log(&tr!(
                "akkoord kon `{method}` niet verwerken; de server gaat door",
                "akkoord could not handle `{method}`; the server goes on"
            ));
        }
    }

    fn notified(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidOpenTextDocumentParams>(n) {
                    let doc = p.text_document;
                    self.set_text(&doc.uri, doc.text);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidChangeTextDocumentParams>(n) {
                    self.change(&p.text_document.uri, p.content_changes);
                }
            }
            note::DidSaveTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidSaveTextDocumentParams>(n) {
                    self.touch(&p.text_document.uri, Workspace::touch);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidCloseTextDocumentParams>(n) {
                    self.touch(&p.text_document.uri, Workspace::close);
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                if let Some(p) = params::<lsp::DidChangeWatchedFilesParams>(n) {
                    for change in p.changes {
                        self.touch(&change.uri, Workspace::touch);
                    }
                }
            }
            _ => {}
        }
    }

    /// A file of ours: lay the text over it and mark its folder.
    fn set_text(&mut self, uri: &lsp::Uri, text: String) {
        if let Some(path) = ours(uri) {
            let folder = self.workspace.set_text(&path, text);
            self.pending.insert(folder);
        }
    }

    /// Applies changes: a whole new text, or (for clients that send them anyway) ranges.
    fn change(&mut self, uri: &lsp::Uri, changes: Vec<lsp::TextDocumentContentChangeEvent>) {
        let Some(path) = ours(uri) else {
            return;
        };
        let mut text = self.workspace.text(&path).unwrap_or_default();
        for change in changes {
            match change.range {
                None => text = change.text,
                Some(range) => {
                    let lines = LineIndex::new(&text);
                    let start = lines.offset(convert::from_position(range.start));
                    let end = lines.offset(convert::from_position(range.end)).max(start);
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        self.set_text(uri, text);
    }

    fn touch(&mut self, uri: &lsp::Uri, what: fn(&mut Workspace, &Path) -> PathBuf) {
        if let Some(path) = ours(uri) {
            let folder = what(&mut self.workspace, &path);
            self.pending.insert(folder);
        }
    }

    /// Publishes the problems of every marked folder.
    pub fn publish(&mut self) {
        for folder in std::mem::take(&mut self.pending) {
            let outcome = catch_unwind(AssertUnwindSafe(|| self.workspace.diagnostics(&folder)));
            let Ok(files) = outcome else {
                let folder = folder.display();
                self.log(&tr!(
                    "akkoord kon `{folder}` niet controleren; de server gaat door",
                    "akkoord could not check `{folder}`; the server goes on"
                ));
                continue;
            };
            for (path, problems) in files {
                let Some(uri) = convert::uri_of(&path) else {
                    continue;
                };
                let diagnostics = problems.iter().map(convert::diagnostic).collect();
                let params = lsp::PublishDiagnosticsParams::new(uri, diagnostics, None);
                self.send(note::PublishDiagnostics::METHOD, params);
            }
        }
    }

    /// Handles a request and sends its response.
    pub fn request(&mut self, request: Request) {
        let response = super::requests::respond(&mut self.workspace, request);
        let _ = self.connection.sender.send(response.into());
    }

    /// Tells the editor's log about a failure.
    fn log(&self, message: &str) {
        let params = lsp::LogMessageParams {
            typ: lsp::MessageType::ERROR,
            message: message.to_string(),
        };
        self.send(note::LogMessage::METHOD, params);
    }

    fn send(&self, method: &str, params: impl serde::Serialize) {
        let n = Notification::new(method.to_string(), params);
        let _ = self.connection.sender.send(n.into());
    }
}

/// The parameters of a notification; `None` when they do not fit (the notification is ignored).
fn params<P: DeserializeOwned>(n: Notification) -> Option<P> {
    serde_json::from_value(n.params).ok()
}

/// The path of a URI that names a file of ours (`.akk`, `.json`).
fn ours(uri: &lsp::Uri) -> Option<PathBuf> {
    convert::path_of(uri).filter(|p| Workspace::is_ours(p))
}
