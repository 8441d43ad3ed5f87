//! One agreement's page: per action the plain answer, the reasons with their quotes, the ways
//! to *mag* and the open questions; the verdict over time; and "what if?", a control for each
//! fact the answer reads. Changing a control posts the values to `/akkoord/{id}/wat-als`, which
//! answers with the same part of the page, made with the facts set for that request only.

use std::fmt::Write as _;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};

use super::pages::{date_form, layout, link, page};
use super::{App, Asked, Params, Refusal, Reply, Snapshot, api, state};
use crate::answer::{self, Answer, AnswerOptions, FactInfo, TimelineAnswer, long_date};
use crate::compiled::RuleBase;
use crate::report::answer_html;
use crate::report::chart::Axis;
use crate::report::html::{esc, verdict_cell};
use crate::value::Type;
use crate::{lookup, tr};

/// The agreement page and its what-if.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/akkoord/{id}", get(agreement))
        .route("/akkoord/{id}/wat-als", post(what_if))
}

type PathId = Result<Path<String>, axum::extract::rejection::PathRejection>;

/// The answers for the agreement on the day asked, with the facts set that the request sets.
fn answers(s: &Snapshot, asked: &Asked, id: &str) -> Result<(usize, Vec<Answer>), Refusal> {
    let a = lookup::agreement(&s.loaded, id).map_err(|p| Refusal::new(StatusCode::NOT_FOUND, p))?;
    let date = asked.day();
    lookup::on_table(&s.loaded, a, date)
        .map_err(|p| Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, p))?;
    let loaded = state::what_if(&s.loaded, &asked.set)?;
    let answers = answer::explain(
        &loaded.base,
        &loaded.world,
        date,
        a,
        asked.action,
        AnswerOptions::default(),
    );
    Ok((a, answers))
}

async fn agreement(State(app): State<App>, path: PathId, params: Params) -> Reply {
    let id = path.map_or_else(|_| String::new(), |p| p.0);
    page(app, params, move |s, asked| {
        let (a, answers) = answers(s, asked, &id)?;
        let name = s.loaded.world.agreements[a].name.clone();
        let here = format!("/akkoord/{id}");
        let mut body = format!(
            "<header><h1>{}</h1><p>{} · <code>{}</code></p></header>\n",
            esc(&name),
            esc(&tr!("Stand op {}", "As of {}", long_date(asked.day()))),
            esc(&id)
        );
        date_form(&mut body, &here, asked);
        controls(&mut body, &s.loaded.base, &answers);
        let url = link(
            &format!("{here}/wat-als"),
            &Asked {
                date: None,
                ..asked.clone()
            },
        );
        let _ = writeln!(
            body,
            "<div id=\"antwoord\" data-url=\"{}\" data-op=\"{}\">",
            esc(&url),
            asked.day()
        );
        fragment(&mut body, &answers, &[]);
        body.push_str("</div>\n");
        timeline(&mut body, s, a, &answers, asked);
        Ok(Reply::html(
            StatusCode::OK,
            layout(s, asked, &here, &name, &body),
        ))
    })
    .await
}

/// `POST /akkoord/{id}/wat-als` with `{"op": …, "stel": […]}`: the answer part of the page,
/// or the CLI's error document with a 4xx.
async fn what_if(State(app): State<App>, path: PathId, params: Params, body: Bytes) -> Reply {
    let id = path.map_or_else(|_| String::new(), |p| p.0);
    app.reply(params.lang(), move |s| {
        let made = params
            .asked()
            .and_then(|asked| asked.with_body(&body))
            .and_then(|asked| {
                let (_, answers) = answers(s, &asked, &id)?;
                let mut out = String::new();
                fragment(&mut out, &answers, &asked.set);
                Ok(Reply::html(StatusCode::OK, out))
            });
        made.unwrap_or_else(|r| api::refused(&r))
    })
    .await
}

/// The part of the page a what-if replaces: per action the verdict, the plain answer, the
/// reasons, the ways to *mag* and the open questions.
fn fragment(out: &mut String, answers: &[Answer], set: &[String]) {
    if !set.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"what-if-note\"><strong>{}</strong> {}</p>",
            esc(&tr!("Wat als:", "What if:")),
            esc(&set.join("; "))
        );
    }
    for a in answers {
        let _ = writeln!(
            out,
            "<section class=\"answer\" data-action=\"{}\" data-verdict=\"{}\">\n<h2>{} {}</h2>",
            a.action.dutch(),
            a.verdict.id(),
            esc(&a.action_text),
            verdict_cell(a.verdict, &a.verdict_text)
        );
        answer_html::plain(out, a);
        answer_html::ways(out, a);
        answer_html::reasons(out, a);
        answer_html::questions(out, a);
        out.push_str("</section>\n");
    }
}

/// The verdict over time for each action on the page, with the recorded facts.
fn timeline(out: &mut String, s: &Snapshot, a: usize, answers: &[Answer], asked: &Asked) {
    let (base, world) = (&s.loaded.base, &s.loaded.world);
    let timelines: Vec<TimelineAnswer> = answers
        .iter()
        .map(|x| answer::timeline(base, world, a, x.action))
        .collect();
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p class=\"small\">{}</p>",
        esc(&tr!("Het oordeel door de tijd", "The verdict over time")),
        esc(&tr!(
            "Met de vastgelegde feiten, zonder wat als.",
            "With the recorded facts, without what-if."
        ))
    );
    let axis = Axis::new(&timelines, asked.day());
    for t in &timelines {
        let _ = writeln!(out, "<h3>{}</h3>", esc(&t.action_text));
        axis.chart(out, t);
    }
}

/// A fact the page offers to change.
struct Control {
    /// `fact` or `fact(agreement)`.
    name: String,
    question: String,
    ty: Type,
    /// The value now, as `--stel` takes it; empty when unknown.
    now: String,
    /// For a choice: its values.
    choices: Vec<String>,
}

/// The facts the answers read (every part of every rule, the ways, the open questions), once
/// each, in the order met; attributes are not facts and are left out.
fn facts_read(base: &RuleBase, answers: &[Answer]) -> Vec<Control> {
    let mut controls: Vec<Control> = Vec::new();
    for f in answers.iter().flat_map(read_by) {
        if controls.iter().any(|c| c.name == f.name) {
            continue;
        }
        let Some(decl) = base.fact_id(&f.fact).map(|id| &base.facts[id]) else {
            continue;
        };
        let choices = match &decl.ty {
            Type::Choice(c) => base.choice(c).map(|c| c.values.clone()).unwrap_or_default(),
            _ => Vec::new(),
        };
        controls.push(Control {
            name: f.name.clone(),
            question: f.question.clone(),
            ty: decl.ty.clone(),
            now: as_set(&f.value),
            choices,
        });
    }
    controls
}

/// Every fact one answer reads, in the order met, with repeats.
fn read_by(a: &Answer) -> Vec<&FactInfo> {
    fn tree<'a>(nodes: &'a [answer::TreeNode], out: &mut Vec<&'a FactInfo>) {
        for n in nodes {
            out.extend(&n.facts);
            tree(&n.parts, out);
        }
    }
    let mut facts: Vec<&FactInfo> = Vec::new();
    for r in &a.rules {
        tree(&r.tree, &mut facts);
        let parts = r.because.iter().chain(&r.selector_parts);
        facts.extend(parts.flat_map(|p| &p.facts));
    }
    facts.extend(
        a.ways
            .iter()
            .flat_map(|w| w.changes.iter().map(|c| &c.fact)),
    );
    facts.extend(&a.open);
    facts
}

/// A value as `--stel` takes it (text without its quotes); empty when unknown.
fn as_set(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::Bool(true) => "ja".into(),
        serde_json::Value::Bool(false) => "nee".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The what-if panel: hidden until the script shows it, since without script it does nothing.
fn controls(out: &mut String, base: &RuleBase, answers: &[Answer]) {
    let controls = facts_read(base, answers);
    if controls.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section id=\"wat-als\" hidden data-busy=\"{}\" data-failed=\"{}\"><h2>{}</h2><p class=\"small\">{}</p><form class=\"controls\">",
        esc(&tr!("bezig…", "working…")),
        esc(&tr!(
            "de server gaf geen antwoord",
            "the server did not answer"
        )),
        esc(&tr!("Wat als?", "What if?")),
        esc(&tr!(
            "Zet een feit anders en zie het oordeel veranderen. Er wordt niets opgeslagen: het geldt alleen op deze pagina.",
            "Set a fact differently and see the verdict change. Nothing is saved: it holds on this page only."
        )),
    );
    for c in &controls {
        control(out, c);
    }
    let _ = writeln!(
        out,
        "<p><button type=\"reset\">{}</button> <span id=\"wat-als-status\" role=\"status\"></span></p></form></section>",
        esc(&tr!(
            "Terug naar de vastgelegde feiten",
            "Back to the recorded facts"
        ))
    );
}

fn control(out: &mut String, c: &Control) {
    let _ = write!(
        out,
        "<label class=\"control\"><span>{}<br><code>{}</code></span>",
        esc(&c.question),
        esc(&c.name)
    );
    let options = options(c);
    if options.is_empty() {
        let kind = match c.ty {
            Type::Amount => "bedrag",
            Type::Number => "getal",
            Type::Date => "datum",
            _ => "tekst",
        };
        let _ = write!(
            out,
            "<input type=\"text\" data-fact=\"{}\" data-kind=\"{kind}\" data-initial=\"{}\" value=\"{}\" placeholder=\"{}\"></label>",
            esc(&c.name),
            esc(&c.now),
            esc(&c.now),
            esc(&tr!("onbekend", "unknown"))
        );
        return;
    }
    let now = if c.now.is_empty() {
        "onbekend"
    } else {
        c.now.as_str()
    };
    let _ = write!(
        out,
        "<select data-fact=\"{}\" data-initial=\"{}\">",
        esc(&c.name),
        esc(now)
    );
    for (value, text) in options {
        let selected = if value == now { " selected" } else { "" };
        let (value, text) = (esc(&value), esc(&text));
        let _ = write!(out, "<option value=\"{value}\"{selected}>{text}</option>");
    }
    out.push_str("</select></label>");
}

/// The values a select offers (value as `--stel` takes it, and as shown), with unknown last;
/// none for a fact typed in.
fn options(c: &Control) -> Vec<(String, String)> {
    let unknown = ("onbekend".to_string(), tr!("onbekend", "unknown"));
    match &c.ty {
        Type::Bool => vec![
            ("ja".into(), tr!("ja", "yes")),
            ("nee".into(), tr!("nee", "no")),
            unknown,
        ],
        Type::Choice(_) => c
            .choices
            .iter()
            .map(|v| (v.clone(), v.clone()))
            .chain([unknown])
            .collect(),
        _ => Vec::new(),
    }
}
