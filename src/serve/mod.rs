//! `akkoord serve`: the verdicts in a browser, and a JSON API for tools, on this machine.
//!
//! ```text
//! rule folder ──load (again when a file changes)──▶ state::Shared ──▶ pages   (HTML, what-if)
//!                                                                 └─▶ api     (/api/v1, JSON)
//! ```
//!
//! The pages and the API print the same answers as the CLI ([`crate::answer`]); nothing here
//! decides what is true. What-if values live in one request only. Each request is computed on
//! the blocking pool in its own language; a request that fails is refused with a 4xx and the
//! problems in the CLI's words, and a computation that panics answers 500 while the server
//! keeps serving. It listens on 127.0.0.1 unless another address is asked for.

mod agreement;
mod api;
mod guard;
mod pages;
mod request;
mod source;
mod state;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::{ErrorJson, ErrorsJson, Problem};
use crate::i18n::{self, Lang};
use crate::load::{LoadError, Options};
use crate::span::Sources;
use crate::{terminal, tr};

pub use guard::CSP;
pub(crate) use request::{Asked, Params};
pub(crate) use state::Snapshot;

/// Where to listen and what to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// What to load: the rule folder, its facts, and anything laid over them.
    pub options: Options,
    /// The address to listen on; the CLI's default is 127.0.0.1.
    pub address: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The language of the server's own messages on standard error.
    pub lang: Lang,
}

/// Stack of the threads that evaluate: as deep as the CLI's worker thread.
const STACK_BYTES: usize = crate::limits::STACK_BYTES;

/// Loads the rule folder, listens, calls `listening` with the address (its real port), and
/// serves until Ctrl-C or SIGTERM. The load's problems, or why it cannot listen, as an error.
pub fn serve(config: Config, listening: impl FnOnce(SocketAddr)) -> Result<(), LoadError> {
    let shared = state::Shared::load(config.options.clone())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(8)
        .thread_stack_size(STACK_BYTES)
        .enable_all()
        .build()
        .map_err(|e| {
            failure(&tr!(
                "kan de server niet starten: {e}",
                "cannot start the server: {e}"
            ))
        })?;
    let app = App {
        shared: Arc::new(shared),
        lang: config.lang,
        local: config.address.is_loopback().then_some(config.address),
    };
    let result = runtime.block_on(run(app, &config, listening));
    runtime.shutdown_timeout(Duration::from_secs(2));
    result
}

async fn run(
    app: App,
    config: &Config,
    listening: impl FnOnce(SocketAddr),
) -> Result<(), LoadError> {
    let at = SocketAddr::new(config.address, config.port);
    let listener = tokio::net::TcpListener::bind(at).await.map_err(|e| {
        failure(&tr!(
            "kan niet luisteren op {at}: {e}",
            "cannot listen on {at}: {e}"
        ))
    })?;
    let local = listener.local_addr().unwrap_or(at);
    listening(local);
    tokio::spawn(poll(app.clone()));
    axum::serve(listener, router(app))
        .with_graceful_shutdown(stopped())
        .await
        .map_err(|e| failure(&tr!("de server stopte: {e}", "the server stopped: {e}")))
}

fn failure(message: &str) -> LoadError {
    LoadError {
        problems: vec![Problem::Argument {
            message: message.to_string(),
            help: Some(tr!(
                "kies een ander adres of een andere poort (`--poort 0` kiest een vrije)",
                "choose another address or port (`--port 0` picks a free one)"
            )),
        }],
        sources: Sources::new(),
    }
}

/// Every route: the pages, the API, the script and style, and answers for the rest.
fn router(app: App) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            guard::guard,
        ))
        .with_state(app)
}

/// Resolves on Ctrl-C or SIGTERM; never when neither can be listened for.
async fn stopped() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Looks at the files every second; reloads and says so when they changed.
async fn poll(app: App) {
    let mut tick = tokio::time::interval(state::POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let shared = Arc::clone(&app.shared);
        let lang = app.lang;
        let said = tokio::task::spawn_blocking(move || {
            i18n::with_lang(lang, || match shared.reload_if_changed()? {
                Ok(()) => Some(tr!(
                    "regels opnieuw geladen uit {}\n",
                    "rules reloaded from {}\n",
                    shared.rules().display()
                )),
                Err(e) => Some(tr!(
                    "de gewijzigde regels laden niet; de vorige versie blijft in gebruik:\n{}",
                    "the changed rules do not load; the previous version stays in use:\n{}",
                    e.render()
                )),
            })
        })
        .await;
        if let Ok(Some(text)) = said {
            terminal::eprint(&text);
        }
    }
}

/// What every request shares: the served rule base, and the server's own language.
#[derive(Clone)]
pub(crate) struct App {
    shared: Arc<state::Shared>,
    lang: Lang,
    /// The loopback address listened on, when it is one: then only requests that name this
    /// computer are answered.
    local: Option<IpAddr>,
}

impl App {
    /// Runs `work` on the blocking pool in `lang` with what is served now. A panic in it is
    /// answered with 500; the server goes on.
    pub(crate) async fn reply<F>(&self, lang: Lang, work: F) -> Reply
    where
        F: FnOnce(&Snapshot) -> Reply + Send + 'static,
    {
        let snapshot = self.shared.snapshot();
        let done =
            tokio::task::spawn_blocking(move || i18n::with_lang(lang, || work(&snapshot))).await;
        done.unwrap_or_else(|_| i18n::with_lang(lang, internal))
    }

    /// What is served now.
    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        self.shared.snapshot()
    }

    /// The rule folder served.
    pub(crate) fn rules(&self) -> String {
        self.shared.rules().display().to_string()
    }
}

/// An answer: status, content type, body.
pub(crate) struct Reply {
    /// The status.
    pub status: StatusCode,
    /// The content type.
    pub kind: &'static str,
    /// The body.
    pub body: String,
}

impl Reply {
    /// A JSON document, as the CLI prints it.
    pub(crate) fn json<T: serde::Serialize>(status: StatusCode, value: &T) -> Reply {
        Reply {
            status,
            kind: "application/json",
            body: crate::report::json(value),
        }
    }

    /// An HTML page or fragment.
    pub(crate) fn html(status: StatusCode, body: String) -> Reply {
        Reply {
            status,
            kind: "text/html; charset=utf-8",
            body,
        }
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        (self.status, [(header::CONTENT_TYPE, self.kind)], self.body).into_response()
    }
}

/// Problems that refuse a request, with the status to answer and the texts they point into.
pub(crate) struct Refusal {
    /// 400 for what cannot be read, 404 for what does not exist, 422 for what does not fit.
    pub status: StatusCode,
    /// The problems, in the CLI's words.
    pub problems: Vec<Problem>,
    /// The texts they point into.
    pub sources: Sources,
}

impl Refusal {
    /// One problem.
    pub(crate) fn new(status: StatusCode, problem: Problem) -> Refusal {
        Refusal {
            status,
            problems: vec![problem],
            sources: Sources::new(),
        }
    }

    /// The problems as the CLI's `--format json` gives them.
    pub(crate) fn json(&self) -> ErrorsJson {
        crate::error::json(&self.problems, &self.sources)
    }
}

/// A computation that panicked: a bug, reported as one.
fn internal() -> Reply {
    let error = ErrorJson {
        code: "akkoord::internal".into(),
        message: tr!(
            "interne fout: akkoord kon deze vraag niet beantwoorden; meld dit alstublieft met de vraag",
            "internal error: akkoord could not answer this request; please report it with the request"
        ),
        file: None,
        line: None,
        column: None,
        label: None,
        help: None,
    };
    let errors = ErrorsJson {
        errors: vec![error],
        count: 1,
    };
    Reply::json(StatusCode::INTERNAL_SERVER_ERROR, &errors)
}

async fn not_found(State(app): State<App>, uri: axum::http::Uri, params: Params) -> Reply {
    refuse(app, uri, params, StatusCode::NOT_FOUND).await
}

async fn not_allowed(State(app): State<App>, uri: axum::http::Uri, params: Params) -> Reply {
    refuse(app, uri, params, StatusCode::METHOD_NOT_ALLOWED).await
}

/// A path that is not there, or a method a path does not take: JSON under `/api/`, a page
/// elsewhere.
async fn refuse(app: App, uri: axum::http::Uri, params: Params, status: StatusCode) -> Reply {
    let lang = params.lang();
    let path = uri.path().to_string();
    app.reply(lang, move |snapshot| {
        let message = if status == StatusCode::NOT_FOUND {
            tr!("hier is niets: `{path}`", "nothing here: `{path}`")
        } else {
            tr!(
                "`{path}` neemt deze methode niet",
                "`{path}` does not take this method"
            )
        };
        let help = Some(tr!(
            "de API staat onder /api/v1/: check, explain/AKKOORD, timeline/AKKOORD, unblock/AKKOORD, audit, status",
            "the API is under /api/v1/: check, explain/AGREEMENT, timeline/AGREEMENT, unblock/AGREEMENT, audit, status"
        ));
        let refusal = Refusal::new(status, Problem::Argument { message, help });
        if path.starts_with("/api/") {
            api::refused(&refusal)
        } else {
            pages::refused(snapshot, &refusal)
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_computation_that_panics_answers_500_and_the_next_request_is_answered() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let options = Options::new(root.join("tests/fixtures/vng"));
        let Ok(shared) = state::Shared::load(options) else {
            panic!("the frozen rule base loads");
        };
        let app = App {
            shared: Arc::new(shared),
            lang: Lang::Nl,
            local: None,
        };
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
            panic!("a runtime");
        };
        let crashed = runtime.block_on(app.reply(Lang::En, |_| panic!("a bug")));
        assert_eq!(crashed.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            crashed.body.contains("akkoord::internal"),
            "{}",
            crashed.body
        );
        assert!(
            crashed.body.contains("internal error"),
            "in the language asked"
        );
        let fine = runtime.block_on(app.reply(Lang::Nl, |s| {
            Reply::json(StatusCode::OK, &s.loaded.world.agreements.len())
        }));
        assert_eq!(fine.status, StatusCode::OK);
    }
}
