//! The JSON API under `/api/v1/`: the same documents as the CLI's `--format json` (the same
//! answer types, serialised the same way), and what-if by `POST` with the facts to set in the
//! body. Every refusal is the CLI's error document (`akkoord schema fouten`) with a 4xx.

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use super::{App, Asked, Params, Refusal, Reply, Snapshot, state};
use crate::answer::{self, AnswerOptions};
use crate::ast::Action;
use crate::error::{ErrorsJson, Problem};
use crate::eval::Evaluator;
use crate::{lookup, tr};

/// The API's routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/api/v1/check", get(check).post(check_what_if))
        .route(
            "/api/v1/explain/{akkoord}",
            get(explain).post(explain_what_if),
        )
        .route("/api/v1/timeline/{akkoord}", get(timeline))
        .route("/api/v1/unblock/{akkoord}", get(unblock))
        .route("/api/v1/audit", get(audit))
        .route("/api/v1/status", get(status))
}

/// A refusal as the CLI's error document.
pub(super) fn refused(r: &Refusal) -> Reply {
    Reply::json(r.status, &r.json())
}

/// Runs `work` with what the query (and body) ask; a refusal becomes the error document.
async fn answer<F>(app: App, params: Params, body: Option<Body>, work: F) -> Reply
where
    F: FnOnce(&Snapshot, Asked) -> Result<Reply, Refusal> + Send + 'static,
{
    app.reply(params.lang(), move |snapshot| {
        let asked = params.asked().and_then(|a| match body {
            None => Ok(a),
            Some(Ok(bytes)) => a.with_body(&bytes),
            Some(Err(e)) => Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                Problem::Argument {
                    message: tr!(
                        "de inhoud van het verzoek is niet te lezen: {}",
                        "the request body cannot be read: {}",
                        e.body_text()
                    ),
                    help: None,
                },
            )),
        });
        asked
            .and_then(|a| work(snapshot, a))
            .unwrap_or_else(|r| refused(&r))
    })
    .await
}

type Body = Result<Bytes, BytesRejection>;

fn ok<T: Serialize>(value: &T) -> Result<Reply, Refusal> {
    Ok(Reply::json(StatusCode::OK, value))
}

/// The agreement named in the path, on the table on the day; 404 or 422 otherwise.
fn on_table(snapshot: &Snapshot, id: &str, date: Option<Date>) -> Result<usize, Refusal> {
    let loaded = &snapshot.loaded;
    let a = lookup::agreement(loaded, id).map_err(|p| Refusal::new(StatusCode::NOT_FOUND, p))?;
    if let Some(date) = date {
        lookup::on_table(loaded, a, date)
            .map_err(|p| Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, p))?;
    }
    Ok(a)
}

/// The agreement id in the path; a path that is not UTF-8 names no agreement.
fn agreement_id(path: Result<Path<String>, axum::extract::rejection::PathRejection>) -> String {
    path.map_or_else(|_| String::new(), |p| p.0)
}

fn overview(snapshot: &Snapshot, asked: &Asked) -> Result<Reply, Refusal> {
    let loaded = state::what_if(&snapshot.loaded, &asked.set)?;
    let o = answer::overview(
        &loaded.base,
        &loaded.world,
        asked.day(),
        &[],
        asked.action,
        AnswerOptions::default(),
    );
    ok(&o)
}

fn explained(snapshot: &Snapshot, asked: &Asked, id: &str) -> Result<Reply, Refusal> {
    let date = asked.day();
    let a = on_table(snapshot, id, Some(date))?;
    let loaded = state::what_if(&snapshot.loaded, &asked.set)?;
    let answers = answer::explain(
        &loaded.base,
        &loaded.world,
        date,
        a,
        asked.action,
        AnswerOptions::default(),
    );
    ok(&answers)
}

async fn check(State(app): State<App>, params: Params) -> Reply {
    answer(app, params, None, |s, a| overview(s, &a)).await
}

async fn check_what_if(State(app): State<App>, params: Params, body: Body) -> Reply {
    answer(app, params, Some(body), |s, a| overview(s, &a)).await
}

async fn explain(
    State(app): State<App>,
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    params: Params,
) -> Reply {
    let id = agreement_id(path);
    answer(app, params, None, move |s, a| explained(s, &a, &id)).await
}

async fn explain_what_if(
    State(app): State<App>,
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    params: Params,
    body: Body,
) -> Reply {
    let id = agreement_id(path);
    answer(app, params, Some(body), move |s, a| explained(s, &a, &id)).await
}

async fn timeline(
    State(app): State<App>,
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    params: Params,
) -> Reply {
    let id = agreement_id(path);
    answer(app, params, None, move |s, asked| {
        let a = on_table(s, &id, None)?;
        let (base, world) = (&s.loaded.base, &s.loaded.world);
        let actions = asked.action.map_or_else(
            || Evaluator::new(base, world, Date::MAX).actions(a),
            |h| vec![h],
        );
        let timelines: Vec<_> = actions
            .into_iter()
            .map(|h| answer::timeline(base, world, a, h))
            .collect();
        ok(&timelines)
    })
    .await
}

async fn unblock(
    State(app): State<App>,
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    params: Params,
) -> Reply {
    let id = agreement_id(path);
    answer(app, params, None, move |s, asked| {
        let date = asked.day();
        let a = on_table(s, &id, Some(date))?;
        let (base, world) = (&s.loaded.base, &s.loaded.world);
        let h = asked.action.unwrap_or(Action::Signing);
        // The CLI's defaults, so that the API gives `unblock --format json`'s answer.
        let limits = crate::unblock::Limits::default();
        let u = answer::unblock(base, world, date, a, h, &[], &[], limits);
        ok(&u)
    })
    .await
}

async fn audit(State(app): State<App>, params: Params) -> Reply {
    answer(app, params, None, |s, asked| {
        ok(&answer::audit(&s.loaded.base, &s.loaded.world, asked.day()))
    })
    .await
}

/// What the server serves, and whether the files on disk load (`GET /api/v1/status`).
#[derive(Serialize, JsonSchema)]
pub struct Status {
    /// The rule folder served.
    pub rules: String,
    /// When the version served was loaded (RFC 3339).
    pub loaded_at: String,
    /// How many rule files it has.
    pub rule_files: usize,
    /// How many agreements its facts file lists.
    pub agreements: usize,
    /// True when the files on disk are the version served; false when they changed and do not
    /// load, and the previous version is still served.
    pub ok: bool,
    /// Why the files on disk do not load, when they do not: the CLI's error document.
    pub errors: Option<ErrorsJson>,
}

async fn status(State(app): State<App>, params: Params) -> Reply {
    let rules = app.rules();
    answer(app, params, None, move |s, _| {
        ok(&Status {
            rules,
            loaded_at: s.loaded_at.clone(),
            rule_files: s.loaded.rule_files,
            agreements: s.loaded.world.agreements.len(),
            ok: s.failed.is_none(),
            errors: s
                .failed
                .as_ref()
                .map(|f| crate::error::json(&f.problems, &f.sources)),
        })
    })
    .await
}
