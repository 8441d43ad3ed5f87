//! The pages: the overview on a day, one agreement (see [`super::agreement`]), one source.
//! Server-rendered HTML in the board report's look, every text escaped, readable without
//! JavaScript; the style and the what-if script are served from here, so the content security
//! policy allows nothing else.

use std::fmt::Write as _;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;

use super::{App, Asked, Params, Refusal, Reply, Snapshot, agreement};
use crate::answer::{self, AnswerOptions, SourceAnswer, SourceRule};
use crate::eval::Verdict;
use crate::i18n::Lang;
use crate::report::html::{STYLE, day, esc, overview_table, sources_rows, verdict_class};
use crate::{lookup, tr};

/// The pages' routes, with the style and the script.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/", get(overview))
        .route("/bron/{id}", get(source))
        .route("/static/stijl.css", get(style))
        .route("/static/wat-als.js", get(script))
        .merge(agreement::routes())
}

/// The what-if script of the agreement page.
const SCRIPT: &str = include_str!("wat-als.js");

/// What the pages add to the board report's style.
const PAGE_STYLE: &str = include_str!("pagina.css");

async fn style() -> Reply {
    Reply {
        status: StatusCode::OK,
        kind: "text/css; charset=utf-8",
        body: format!("{STYLE}{PAGE_STYLE}"),
    }
}

async fn script() -> Reply {
    Reply {
        status: StatusCode::OK,
        kind: "text/javascript; charset=utf-8",
        body: SCRIPT.to_string(),
    }
}

/// Runs `work` with what the query asks; a refusal becomes an error page.
pub(super) async fn page<F>(app: App, params: Params, work: F) -> Reply
where
    F: FnOnce(&Snapshot, &Asked) -> Result<Reply, Refusal> + Send + 'static,
{
    app.reply(params.lang(), move |snapshot| {
        params
            .asked()
            .and_then(|asked| work(snapshot, &asked))
            .unwrap_or_else(|r| refused(snapshot, &r))
    })
    .await
}

/// A refusal as a page that says what is wrong, in the CLI's words.
pub(super) fn refused(snapshot: &Snapshot, r: &Refusal) -> Reply {
    let mut body = format!(
        "<h1>{}</h1>\n<ul class=\"errors\">",
        esc(&tr!("Fout", "Error"))
    );
    for e in r.json().errors {
        let help = e.help.map_or(String::new(), |h| {
            format!(" <span class=\"small\">{}</span>", esc(&h))
        });
        let _ = write!(body, "<li>{}{help}</li>", esc(&e.message));
    }
    body.push_str("</ul>\n");
    let asked = Asked {
        lang: crate::i18n::lang(),
        date: None,
        action: None,
        set: Vec::new(),
    };
    let title = tr!("Fout", "Error");
    Reply::html(r.status, layout(snapshot, &asked, "/", &title, &body))
}

/// A link to `path` that keeps the day and the language asked for.
pub(super) fn link(path: &str, asked: &Asked) -> String {
    link_in(path, asked, asked.lang)
}

fn link_in(path: &str, asked: &Asked, lang: Lang) -> String {
    let mut query = Vec::new();
    if let Some(d) = asked.date {
        query.push(format!("op={d}"));
    }
    if lang != Lang::Nl {
        query.push(format!("taal={}", lang.code()));
    }
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The page around `body`: the style, the script, the navigation with a switch of language,
/// and a banner when the files on disk do not load.
pub(super) fn layout(
    snapshot: &Snapshot,
    asked: &Asked,
    path: &str,
    title: &str,
    body: &str,
) -> String {
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"/static/stijl.css\">\n\
         <script src=\"/static/wat-als.js\" defer></script>\n</head>\n<body>\n<main>\n",
        asked.lang.code(),
        esc(title)
    );
    let other = match asked.lang {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    };
    let _ = writeln!(
        out,
        "<nav><a href=\"{}\">{}</a><a href=\"{}\" lang=\"{}\">{}</a></nav>",
        esc(&link("/", asked)),
        esc(&tr!("Overzicht", "Overview")),
        esc(&link_in(path, asked, other)),
        other.code(),
        other.pick("Nederlands", "English"),
    );
    banner(&mut out, snapshot);
    out.push_str(body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// While the files on disk do not load: what is wrong, and that the previous version is shown.
fn banner(out: &mut String, snapshot: &Snapshot) {
    let Some(failed) = &snapshot.failed else {
        return;
    };
    let _ = write!(
        out,
        "<div class=\"banner\" role=\"alert\"><strong>{}</strong><ul>",
        esc(&tr!(
            "De regels op schijf laden niet; deze pagina toont de vorige versie (geladen {}).",
            "The rules on disk do not load; this page shows the previous version (loaded {}).",
            snapshot.loaded_at
        ))
    );
    for e in crate::error::json(&failed.problems, &failed.sources).errors {
        let place = match (&e.file, e.line, e.column) {
            (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}: "),
            (Some(f), _, _) => format!("{f}: "),
            _ => String::new(),
        };
        let help = e.help.map_or(String::new(), |h| format!(" — {h}"));
        let _ = write!(
            out,
            "<li>{}</li>",
            esc(&format!("{place}{}{help}", e.message))
        );
    }
    out.push_str("</ul></div>\n");
}

/// The form that picks the day, for the page at `path`.
pub(super) fn date_form(out: &mut String, path: &str, asked: &Asked) {
    let lang = match asked.lang {
        Lang::Nl => String::new(),
        other => format!(
            "<input type=\"hidden\" name=\"taal\" value=\"{}\">",
            other.code()
        ),
    };
    let _ = writeln!(
        out,
        "<form class=\"date\" method=\"get\" action=\"{}\"><label>{} <input type=\"date\" name=\"op\" value=\"{}\" required></label>{lang}<button type=\"submit\">{}</button></form>",
        esc(path),
        esc(&tr!("Stand op", "As of")),
        asked.day(),
        esc(&tr!("Toon", "Show")),
    );
}

async fn overview(State(app): State<App>, params: Params) -> Reply {
    page(app, params, |s, asked| {
        let (base, world) = (&s.loaded.base, &s.loaded.world);
        let date = asked.day();
        let o = answer::overview(base, world, date, &[], None, AnswerOptions::default());
        let title = tr!(
            "Akkoorden en de moties van de leden",
            "Agreements and the members' motions"
        );
        let mut body = format!("<header><h1>{}</h1><p>", esc(&title));
        let _ = write!(body, "{}", esc(&tr!("Stand op {}", "As of {}", day(&o.date))));
        if let Some(updated) = &o.facts_updated {
            let _ = write!(
                body,
                " · {}",
                esc(&tr!("feiten laatst bijgewerkt op {}", "facts last updated on {}", day(updated)))
            );
        }
        body.push_str("</p></header>\n");
        date_form(&mut body, "/", asked);
        let _ = writeln!(body, "<h2>{}</h2>", esc(&tr!("Overzicht", "Overview")));
        overview_table(&mut body, &o, &|a| link(&format!("/akkoord/{}", a.agreement.id), asked));
        let _ = write!(
            body,
            "<h2>{}</h2>\n<table class=\"sources\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(&tr!("Bronnen", "Sources")),
            esc(&tr!("vergadering", "meeting")),
            esc(&tr!("bron", "source")),
            esc(&tr!("wat ervan werd", "what became of it")),
        );
        let sources = answer::sources(base, world, date);
        sources_rows(&mut body, &sources, &|src| Some(link(&format!("/bron/{}", src.id), asked)));
        body.push_str("</tbody></table>\n");
        Ok(Reply::html(StatusCode::OK, layout(s, asked, "/", &title, &body)))
    })
    .await
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
        let body = source_body(&a, asked, &here);
        Ok(Reply::html(
            StatusCode::OK,
            layout(s, asked, &here, &title, &body),
        ))
    })
    .await
}

fn source_body(a: &SourceAnswer, asked: &Asked, here: &str) -> String {
    let s = &a.source;
    let mut body = format!(
        "<header><h1>{} “{}”</h1><p>{} {}{}{}</p></header>\n",
        esc(&s.kind_text),
        esc(&s.title),
        esc(&s.meeting),
        esc(&day(&s.date)),
        if s.date_assumed {
            format!(" ({})", esc(&tr!("datum aangenomen", "date assumed")))
        } else {
            String::new()
        },
        s.vote
            .as_ref()
            .map_or(String::new(), |v| format!(" · {}", esc(v))),
    );
    for status in &s.status {
        let _ = writeln!(body, "<p class=\"status\">{}</p>", esc(status));
    }
    date_form(&mut body, here, asked);
    let _ = writeln!(body, "<h2>{}</h2>", esc(&tr!("Regels", "Rules")));
    if a.rules.is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"small\">{}</p>",
            esc(&tr!(
                "Deze bron heeft geen regels.",
                "This source has no rules."
            ))
        );
    }
    for r in &a.rules {
        source_rule(&mut body, r, asked);
    }
    if !a.decisions.is_empty() {
        let _ = writeln!(
            body,
            "<h2>{}</h2><ul>",
            esc(&tr!(
                "Wat deze vergadering besloot over eerdere bronnen",
                "What this meeting decided about earlier sources"
            ))
        );
        for d in &a.decisions {
            let quote = d.quote.as_ref().map_or(String::new(), |q| {
                format!("<blockquote>{}</blockquote>", esc(q))
            });
            let _ = writeln!(
                body,
                "<li class=\"decision\"><strong>{}</strong>: {}{quote}</li>",
                esc(&d.target),
                esc(&d.text)
            );
        }
        body.push_str("</ul>\n");
    }
    body
}

fn source_rule(out: &mut String, r: &SourceRule, asked: &Asked) {
    let class = verdict_class(if r.in_force {
        Verdict::Mag
    } else {
        Verdict::Onbepaald
    })
    .0;
    let what = match r.kind.as_str() {
        "vereis" => tr!("vereist", "requires"),
        "verbied" => tr!("verbiedt tot", "forbids until"),
        _ => tr!("signaal", "signal"),
    };
    let actions: Vec<&str> = r.actions.iter().map(|h| h.word()).collect();
    let _ = write!(
        out,
        "<div class=\"rule\" data-rule=\"{}\" data-in-force=\"{}\"><div><strong>{}</strong> — <span class=\"verdict {class}\">{}</span></div>\
         <blockquote>{}</blockquote><div class=\"small\">{} <code>{}</code>{}{}</div>",
        esc(&r.rule.id),
        r.in_force,
        esc(&r.rule.id),
        esc(&r.state_text),
        esc(&r.rule.quote),
        esc(&what),
        esc(&r.condition),
        if actions.is_empty() {
            String::new()
        } else {
            format!(" — {} {}", esc(&actions.join(", ")), esc(&r.selector))
        },
        r.signal
            .as_ref()
            .map_or(String::new(), |t| format!(" — “{}”", esc(t))),
    );
    if let Some(res) = &r.reservation {
        let _ = write!(
            out,
            "<div class=\"small\">{}: {}</div>",
            esc(&tr!("onder voorbehoud", "under reservation")),
            esc(res)
        );
    }
    if !r.agreements.is_empty() {
        let links: Vec<String> = r
            .agreements
            .iter()
            .map(|a| {
                format!(
                    "<a href=\"{}\">{}</a>",
                    esc(&link(&format!("/akkoord/{}", a.id), asked)),
                    esc(&a.name)
                )
            })
            .collect();
        let _ = write!(
            out,
            "<div class=\"small\">{}: {}</div>",
            esc(&tr!("gaat over", "speaks of")),
            links.join(", ")
        );
    }
    out.push_str("</div>\n");
}
