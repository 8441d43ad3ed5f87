//! The pages: the overview on a day; one agreement ([`super::agreement`]) and one source
//! ([`super::source`]) have their own modules; the layout, links and date form are here.
//! Server-rendered HTML in the board report's look, every text escaped, readable without
//! JavaScript; the style and the what-if script are served from here, so the content security
//! policy allows nothing else.

use std::fmt::Write as _;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;

use super::{App, Asked, Params, Refusal, Reply, Snapshot, agreement, source};
use crate::answer::{self, AnswerOptions};
use crate::i18n::Lang;
use crate::report::html::{STYLE, day, esc, overview_table, sources_rows};
use crate::tr;

/// The pages' routes, with the style and the script.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route("/", get(overview))
        .route("/static/stijl.css", get(style))
        .route("/static/wat-als.js", get(script))
        .merge(agreement::routes())
        .merge(source::routes())
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
        let title = tr!(
            "Akkoorden en de moties van de leden",
            "Agreements and the members' motions"
        );
        let body = overview_body(s, asked, &title);
        Ok(Reply::html(
            StatusCode::OK,
            layout(s, asked, "/", &title, &body),
        ))
    })
    .await
}

/// The overview: every answer on the day, with links to each agreement; every source, with
/// links to each.
fn overview_body(s: &Snapshot, asked: &Asked, title: &str) -> String {
    let (base, world) = (&s.loaded.base, &s.loaded.world);
    let date = asked.day();
    let o = answer::overview(base, world, date, &[], None, AnswerOptions::default());
    let mut body = format!("<header><h1>{}</h1><p>", esc(title));
    body.push_str(&esc(&tr!("Stand op {}", "As of {}", day(&o.date))));
    if let Some(updated) = &o.facts_updated {
        let updated = day(updated);
        let text = tr!(
            "feiten laatst bijgewerkt op {updated}",
            "facts last updated on {updated}"
        );
        let _ = write!(body, " · {}", esc(&text));
    }
    body.push_str("</p></header>\n");
    date_form(&mut body, "/", asked);
    let _ = writeln!(body, "<h2>{}</h2>", esc(&tr!("Overzicht", "Overview")));
    let to_agreement = |a: &answer::Answer| link(&format!("/akkoord/{}", a.agreement.id), asked);
    overview_table(&mut body, &o, &to_agreement);
    let _ = write!(
        body,
        "<h2>{}</h2>\n<table class=\"sources\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr!("Bronnen", "Sources")),
        esc(&tr!("vergadering", "meeting")),
        esc(&tr!("bron", "source")),
        esc(&tr!("wat ervan werd", "what became of it")),
    );
    let to_source = |src: &answer::SourceRef| Some(link(&format!("/bron/{}", src.id), asked));
    sources_rows(&mut body, &answer::sources(base, world, date), &to_source);
    body.push_str("</tbody></table>\n");
    body
}
