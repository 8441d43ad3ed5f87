//! One source's page (`/bron/{id}`): what the meeting decided, each of its rules with its quote,
//! whether it binds on the day and why, and the agreements it speaks of.

use std::fmt::Write as _;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;

use super::pages::{date_form, layout, link, page};
use super::{App, Asked, Params, Refusal, Reply};
use crate::answer::{self, DecisionInfo, SourceAnswer, SourceRule};
use crate::eval::Verdict;
use crate::report::html::{day, esc, verdict_class};
use crate::{lookup, tr};

/// The source page.
pub(super) fn routes() -> Router<App> {
    Router::new().route("/bron/{id}", get(source))
}

async fn source(
    State(app): State<App>,
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    params: Params,
) -> Reply {
    let id = path.map_or_else(|_| String::new(), |p| p.0);
    page(app, params, move |s, asked| {
        let doc =
            lookup::source(&s.loaded, &id).map_err(|p| Refusal::new(StatusCode::NOT_FOUND, p))?;
        let a = answer::source(&s.loaded.base, &s.loaded.world, asked.day(), doc);
        let title = format!("{} “{}”", a.source.kind_text, a.source.title);
        let here = format!("/bron/{id}");
        let mut body = String::new();
        header(&mut body, &a);
        date_form(&mut body, &here, asked);
        rules(&mut body, &a.rules, asked);
        decisions(&mut body, &a.decisions);
        let html = layout(s, asked, &here, &title, &body);
        Ok(Reply::html(StatusCode::OK, html))
    })
    .await
}

fn header(out: &mut String, a: &SourceAnswer) {
    let s = &a.source;
    let assumed = if s.date_assumed {
        format!(" ({})", esc(&tr!("datum aangenomen", "date assumed")))
    } else {
        String::new()
    };
    let vote = s
        .vote
        .as_ref()
        .map_or(String::new(), |v| format!(" · {}", esc(v)));
    let _ = writeln!(
        out,
        "<header><h1>{} “{}”</h1><p>{} {}{assumed}{vote}</p></header>",
        esc(&s.kind_text),
        esc(&s.title),
        esc(&s.meeting),
        esc(&day(&s.date)),
    );
    for status in &s.status {
        let _ = writeln!(out, "<p class=\"status\">{}</p>", esc(status));
    }
}

fn rules(out: &mut String, rules: &[SourceRule], asked: &Asked) {
    let _ = writeln!(out, "<h2>{}</h2>", esc(&tr!("Regels", "Rules")));
    if rules.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"small\">{}</p>",
            esc(&tr!(
                "Deze bron heeft geen regels.",
                "This source has no rules."
            ))
        );
    }
    for r in rules {
        rule(out, r, asked);
    }
}

fn rule(out: &mut String, r: &SourceRule, asked: &Asked) {
    let state = if r.in_force {
        Verdict::Mag
    } else {
        Verdict::Onbepaald
    };
    let _ = write!(
        out,
        "<div class=\"rule\" data-rule=\"{}\" data-in-force=\"{}\"><div><strong>{}</strong> — <span class=\"verdict {}\">{}</span></div><blockquote>{}</blockquote>",
        esc(&r.rule.id),
        r.in_force,
        esc(&r.rule.id),
        verdict_class(state).0,
        esc(&r.state_text),
        esc(&r.rule.quote),
    );
    let _ = write!(out, "<div class=\"small\">{}</div>", what(r));
    if let Some(res) = &r.reservation {
        let _ = write!(
            out,
            "<div class=\"small\">{}: {}</div>",
            esc(&tr!("onder voorbehoud", "under reservation")),
            esc(res)
        );
    }
    speaks_of(out, r, asked);
    out.push_str("</div>\n");
}

/// What the rule asks, escaped: `vereist <condition> — ondertekening akkoord ggz`.
fn what(r: &SourceRule) -> String {
    let verb = match r.kind.as_str() {
        "vereis" => tr!("vereist", "requires"),
        "verbied" => tr!("verbiedt tot", "forbids until"),
        _ => tr!("signaal wanneer", "signal when"),
    };
    let actions: Vec<&str> = r.actions.iter().map(|h| h.word()).collect();
    let scope = if actions.is_empty() {
        String::new()
    } else {
        format!(" — {} {}", esc(&actions.join(", ")), esc(&r.selector))
    };
    let signal = r
        .signal
        .as_ref()
        .map_or(String::new(), |t| format!(" — “{}”", esc(t)));
    format!(
        "{} <code>{}</code>{scope}{signal}",
        esc(&verb),
        esc(&r.condition)
    )
}

fn speaks_of(out: &mut String, r: &SourceRule, asked: &Asked) {
    if r.agreements.is_empty() {
        return;
    }
    let links: Vec<String> = r
        .agreements
        .iter()
        .map(|a| {
            let href = link(&format!("/akkoord/{}", a.id), asked);
            format!("<a href=\"{}\">{}</a>", esc(&href), esc(&a.name))
        })
        .collect();
    let _ = write!(
        out,
        "<div class=\"small\">{}: {}</div>",
        esc(&tr!("gaat over", "speaks of")),
        links.join(", ")
    );
}

fn decisions(out: &mut String, decisions: &[DecisionInfo]) {
    if decisions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h2>{}</h2><ul>",
        esc(&tr!(
            "Wat deze vergadering besloot over eerdere bronnen",
            "What this meeting decided about earlier sources"
        ))
    );
    for d in decisions {
        let quote = d.quote.as_ref().map_or(String::new(), |q| {
            format!("<blockquote>{}</blockquote>", esc(q))
        });
        let _ = writeln!(
            out,
            "<li class=\"decision\"><strong>{}</strong>: {}{quote}</li>",
            esc(&d.target),
            esc(&d.text)
        );
    }
    out.push_str("</ul>\n");
}
