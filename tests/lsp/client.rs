//! The editor's side of the conversation: a server on its own thread, spoken to through
//! `Connection::memory`, and helpers to find places in the frozen VNG rule base.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Duration;

use akkoord::editor::{LineIndex, Position};
use akkoord::i18n::{Lang, set_lang};
use akkoord::lsp::{ServerError, Settings, serve, uri_of};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};

use crate::common::{VNG, root};

/// The day the tests ask about: after the ALV of 12 June 2019, before anything of 2024.
pub const DAY: jiff::civil::Date = jiff::civil::date(2019, 6, 1);

/// An editor talking to a server running on its own thread.
pub struct Editor {
    connection: Connection,
    server: Option<JoinHandle<Result<(), ServerError>>>,
    next: i32,
    /// The last problems published per URI.
    published: HashMap<String, Vec<Value>>,
}

impl Editor {
    /// Starts a server in `lang` and does the handshake, with `root` as the workspace.
    pub fn start(lang: Lang, root: Option<&Path>) -> Editor {
        let (server, connection) = Connection::memory();
        let thread = std::thread::Builder::new()
            .stack_size(64 * 1024 * 1024)
            .spawn(move || {
                set_lang(lang);
                serve(&server, Settings { date: Some(DAY) })
            })
            .expect("the server thread starts");
        let mut editor = Editor {
            connection,
            server: Some(thread),
            next: 0,
            published: HashMap::new(),
        };
        let root_uri = root.map(|r| uri(r).as_str().to_string());
        let init = editor.request(
            "initialize",
            json!({ "processId": null, "rootUri": root_uri, "capabilities": {} }),
        );
        assert!(init.response_result.is_ok(), "{init:?}");
        editor.notify("initialized", json!({}));
        editor
    }

    fn send(&self, message: Message) {
        self.connection
            .sender
            .send(message)
            .expect("the server listens");
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.send(Notification::new(method.into(), params).into());
    }

    /// Sends a request and waits for its response, keeping what is published meanwhile.
    pub fn request(&mut self, method: &str, params: Value) -> Response {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.send(Request::new(id.clone(), method.into(), params).into());
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => return r,
                _ => {}
            }
        }
    }

    fn receive(&mut self) -> Message {
        let message = self
            .connection
            .receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 seconds");
        if let Message::Notification(n) = &message
            && n.method == "textDocument/publishDiagnostics"
        {
            let uri = n.params["uri"].as_str().unwrap_or_default().to_string();
            let list = n.params["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            self.published.insert(uri, list);
        }
        message
    }

    /// The result of a request that must succeed.
    pub fn ask(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        match response.response_result {
            Ok(result) => result,
            Err(e) => panic!("{method}: {e:?}"),
        }
    }

    /// Waits until every message sent so far is handled, so that what it published is in.
    pub fn settle(&mut self) {
        self.request("akkoord/nothing", json!(null));
    }

    pub fn open(&mut self, path: &Path, text: &str) {
        let doc = json!({ "uri": uri(path), "languageId": "akkoord", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    }

    pub fn change(&mut self, path: &Path, version: i32, text: &str) {
        let doc = json!({ "uri": uri(path), "version": version });
        let changes = json!([{ "text": text }]);
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": doc, "contentChanges": changes }),
        );
    }

    /// The problems last published for a file; `None` when none were published at all.
    pub fn problems(&self, path: &Path) -> Option<&Vec<Value>> {
        self.published.get(uri(path).as_str())
    }

    /// Every problem last published, with its file.
    pub fn all_problems(&self) -> Vec<(PathBuf, Value)> {
        let mut out = Vec::new();
        for (uri, list) in &self.published {
            let uri: lsp_types::Uri = uri.parse().expect("a published URI");
            let path = akkoord::lsp::path_of(&uri).expect("a file URI");
            out.extend(list.iter().map(|d| (path.clone(), d.clone())));
        }
        out
    }

    /// A request about a place in a file.
    pub fn at(&mut self, method: &str, path: &Path, at: Position, extra: Value) -> Value {
        let mut params = json!({
            "textDocument": { "uri": uri(path) },
            "position": { "line": at.line, "character": at.character },
        });
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        self.ask(method, params)
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        self.next += 1;
        let id = RequestId::from(self.next);
        self.send(Request::new(id, "shutdown".into(), json!(null)).into());
        self.notify("exit", json!(null));
        if let Some(server) = self.server.take() {
            let ended = server
                .join()
                .expect("the server thread ends without panicking");
            assert!(ended.is_ok(), "{ended:?}");
        }
    }
}

pub fn uri(path: &Path) -> lsp_types::Uri {
    uri_of(path).expect("an absolute path has a URI")
}

fn vng() -> PathBuf {
    root().join(VNG)
}

/// Every shipped file of the frozen rule base, with its text.
pub fn shipped() -> Vec<(PathBuf, String)> {
    let mut paths = vec![vng().join("feiten.json")];
    for dir in [vng(), vng().join("tests")] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("the fixture folder lists")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "akk"))
            .collect();
        found.sort();
        paths.extend(found);
    }
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a shipped file reads");
            (p, text)
        })
        .collect()
}

pub fn file(name: &str) -> (PathBuf, String) {
    let path = vng().join(name);
    let text = std::fs::read_to_string(&path).expect("a shipped file reads");
    (path, text)
}

/// The editor position of the `nth` byte of the first `needle` in `text`.
pub fn place(text: &str, needle: &str, nth: usize) -> Position {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is in the file"));
    LineIndex::new(text).position(at + nth)
}

/// An editor with the file open.
pub fn open(name: &str) -> (Editor, PathBuf, String) {
    let (path, text) = file(name);
    let mut editor = Editor::start(Lang::Nl, None);
    editor.open(&path, &text);
    (editor, path, text)
}

pub fn hover_text(editor: &mut Editor, path: &Path, at: Position) -> String {
    let hover = editor.at("textDocument/hover", path, at, json!({}));
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

pub fn labels(found: &Value) -> Vec<String> {
    labels_of(found, "label")
}

pub fn labels_of(found: &Value, key: &str) -> Vec<String> {
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c[key].as_str().map(str::to_string))
        .collect()
}

/// Completes at the end of `text` + `typed`, in a file of the rule folder.
pub fn complete_after(typed: &str) -> Value {
    let (mut editor, path, text) = open("2019-voorjaar-ggz.akk");
    let edited = format!("{text}\n{typed}");
    editor.change(&path, 2, &edited);
    let end = LineIndex::new(&edited).position(edited.len());
    editor.at("textDocument/completion", &path, end, json!({}))
}

pub fn code(response: &Response) -> Option<i32> {
    response.response_result.as_ref().err().map(|e| e.code)
}
