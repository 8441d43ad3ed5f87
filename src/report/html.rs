//! The board report as one self-contained HTML file: no network, no scripts, no external assets
//! (a content security policy forbids them), so it works from an e-mail attachment and prints to
//! PDF cleanly. Every text from the rule and facts files is escaped. The timeline of each
//! agreement is an inline SVG: the verdict over time as coloured bands, with the meetings and
//! fact changes that moved it numbered and listed.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::answer_html;
use super::chart::Axis;
use crate::answer::{Answer, BoardReport, Overview, SourceRef, TimelineAnswer, long_date};
use crate::eval::Verdict;
use crate::i18n::lang;
use crate::tr;

/// Escapes text for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "&#x{:x};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// The verdict's class and icon.
pub(crate) fn verdict_class(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Mag => ("v-mag", "✓"),
        Verdict::MagOnderVoorbehoud => ("v-voorbehoud", "◐"),
        Verdict::Niet => ("v-niet", "✗"),
        Verdict::Onbepaald => ("v-onbepaald", "?"),
    }
}

pub(crate) fn colour(v: Verdict) -> &'static str {
    match v {
        Verdict::Mag => "#1b7f3b",
        Verdict::MagOnderVoorbehoud => "#b7791f",
        Verdict::Niet => "#b42318",
        Verdict::Onbepaald => "#667085",
    }
}

pub(crate) fn day(text: &str) -> String {
    text.parse::<Date>()
        .map_or_else(|_| text.to_string(), long_date)
}

pub(crate) const STYLE: &str = r#"
:root { --ink: #1d2939; --muted: #667085; --line: #d0d5dd; --mag: #1b7f3b; --voorbehoud: #b7791f; --niet: #b42318; --onbepaald: #667085; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #f8f9fb; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
nav { margin: 16px 0 8px; font-size: 14px; }
nav a { margin-right: 14px; color: #175cd3; }
h2 { font-size: 20px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 36px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.verdict { font-weight: 700; white-space: nowrap; }
.verdict .icon { display: inline-block; width: 1.4em; text-align: center; border-radius: 4px; color: #fff; margin-right: 6px; }
.v-mag { color: var(--mag); } .v-mag .icon { background: var(--mag); }
.v-voorbehoud { color: var(--voorbehoud); } .v-voorbehoud .icon { background: var(--voorbehoud); }
.v-niet { color: var(--niet); } .v-niet .icon { background: var(--niet); }
.v-onbepaald { color: var(--onbepaald); } .v-onbepaald .icon { background: var(--onbepaald); }
section.agreement { border-top: 1px solid var(--line); margin-top: 28px; padding-top: 8px; }
.plain { font-size: 16px; background: #f2f4f7; padding: 12px 16px; border-radius: 6px; }
blockquote { margin: 6px 0 10px; padding: 6px 12px; border-left: 3px solid var(--line); color: #344054; font-style: italic; }
.rule { margin: 10px 0 14px; }
.rule .meta { color: var(--muted); font-size: 13px; }
.assumption { color: #7a2e0e; }
.small { font-size: 13px; color: var(--muted); }
svg.timeline { width: 100%; height: auto; margin: 4px 0; }
ol.events { font-size: 13px; margin: 4px 0 0; padding-left: 22px; }
.legend span { display: inline-block; margin-right: 14px; font-size: 13px; }
.legend i.v-mag { background: var(--mag); } .legend i.v-voorbehoud { background: var(--voorbehoud); } .legend i.v-niet { background: var(--niet); } .legend i.v-onbepaald { background: var(--onbepaald); }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
@media print {
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  section.agreement { page-break-before: always; border-top: none; }
  h2 { page-break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The whole report as one HTML document.
pub fn board_html(r: &BoardReport) -> String {
    let mut out = String::new();
    let title = tr!(
        "Akkoorden en de moties van de leden",
        "Agreements and the members' motions"
    );
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang().code(),
        esc(&title),
        esc(&day(&r.date))
    );
    header(&mut out, r, &title);
    overview(&mut out, r);
    let today = r.date.parse::<Date>().unwrap_or(Date::MIN);
    let axis = Axis::new(&r.timelines, today);
    for (a, t) in r.overview.answers.iter().zip(&r.timelines) {
        agreement(&mut out, a, t, &axis);
    }
    signals(&mut out, r);
    audit(&mut out, r);
    provenance(&mut out, r);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, r: &BoardReport, title: &str) {
    let _ = write!(out, "<header>\n<h1>{}</h1>\n<p>", esc(title));
    let _ = write!(
        out,
        "{}",
        esc(&tr!("Stand op {}", "As of {}", day(&r.date)))
    );
    if let Some(updated) = &r.overview.facts_updated {
        let _ = write!(
            out,
            " · {}",
            esc(&tr!(
                "feiten laatst bijgewerkt op {}",
                "facts last updated on {}",
                day(updated)
            ))
        );
    }
    out.push_str("</p>\n</header>\n<nav>");
    for (id, text) in [
        ("overzicht", tr!("Overzicht", "Overview")),
        ("signalen", tr!("Signalen", "Signals")),
        ("audit", tr!("Vastgelegde handelingen", "Recorded actions")),
        ("herkomst", tr!("Herkomst", "Provenance")),
    ] {
        let _ = write!(out, "<a href=\"#{id}\">{}</a>", esc(&text));
    }
    out.push_str("</nav>\n");
}

pub(crate) fn verdict_cell(v: Verdict, text: &str) -> String {
    let (class, icon) = verdict_class(v);
    format!(
        "<span class=\"verdict {class}\"><span class=\"icon\">{icon}</span>{}</span>",
        esc(text)
    )
}

fn anchor(a: &Answer) -> String {
    format!("akkoord-{}-{}", a.agreement.id, a.action.dutch())
}

fn overview(out: &mut String, r: &BoardReport) {
    let _ = writeln!(
        out,
        "<section id=\"overzicht\">\n<h2>{}</h2>",
        esc(&tr!("Overzicht", "Overview"))
    );
    overview_table(out, &r.overview, &|a| format!("#{}", anchor(a)));
    out.push_str("</section>\n");
}

/// Every answer of an overview as a table row (agreement, action, verdict, what stands in the
/// way or is needed), the agreements not on the table, and the legend. `link` gives the
/// address of an answer's details.
pub(crate) fn overview_table(out: &mut String, o: &Overview, link: &dyn Fn(&Answer) -> String) {
    let _ = write!(
        out,
        "<table class=\"overview\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        esc(&tr!("akkoord", "agreement")),
        esc(&tr!("handeling", "action")),
        esc(&tr!("oordeel", "verdict")),
        esc(&tr!(
            "wat in de weg staat of nodig is",
            "what stands in the way or is needed"
        )),
    );
    for a in &o.answers {
        let needed = match (a.verdict, a.ways.first()) {
            (Verdict::Mag, _) => String::new(),
            (_, Some(way)) => way
                .changes
                .iter()
                .map(|c| esc(&c.requirement))
                .collect::<Vec<_>>()
                .join("; "),
            (_, None) => a
                .obstacles
                .iter()
                .map(|o| esc(&o.part.text))
                .collect::<Vec<_>>()
                .join("; "),
        };
        let _ = writeln!(
            out,
            "<tr class=\"answer\" data-agreement=\"{}\" data-action=\"{}\" data-verdict=\"{}\"><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{needed}</td></tr>",
            esc(&a.agreement.id),
            a.action.dutch(),
            a.verdict.id(),
            esc(&link(a)),
            esc(&a.agreement.name),
            esc(&a.action_text),
            verdict_cell(a.verdict, &a.verdict_text),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if !o.not_on_table.is_empty() {
        let names: Vec<String> = o.not_on_table.iter().map(|a| esc(&a.name)).collect();
        let _ = writeln!(
            out,
            "<p class=\"small\">{} {}</p>",
            esc(&tr!(
                "Niet op tafel op deze dag:",
                "Not on the table on this day:"
            )),
            names.join(", ")
        );
    }
    out.push_str("<p class=\"legend\">");
    for v in [
        Verdict::Mag,
        Verdict::MagOnderVoorbehoud,
        Verdict::Niet,
        Verdict::Onbepaald,
    ] {
        let _ = write!(
            out,
            "<span><i class=\"{}\"></i>{}</span>",
            verdict_class(v).0,
            esc(v.word())
        );
    }
    out.push_str("</p>\n");
}
fn agreement(out: &mut String, a: &Answer, t: &TimelineAnswer, axis: &Axis) {
    let _ = writeln!(
        out,
        "<section class=\"agreement\" id=\"{}\" data-verdict=\"{}\">\n<h2>{} — {} {}</h2>",
        esc(&anchor(a)),
        a.verdict.id(),
        esc(&a.agreement.name),
        esc(&a.action_text),
        verdict_cell(a.verdict, &a.verdict_text),
    );
    answer_html::plain(out, a);
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        esc(&tr!("Het oordeel door de tijd", "The verdict over time"))
    );
    axis.chart(out, t);
    answer_html::reasons(out, a);
    answer_html::questions(out, a);
    out.push_str("</section>\n");
}

fn signals(out: &mut String, r: &BoardReport) {
    let _ = writeln!(
        out,
        "<section id=\"signalen\">\n<h2>{}</h2>",
        esc(&tr!("Signalen en voorbehouden", "Signals and reservations"))
    );
    if r.overview.signals.is_empty() && r.overview.failed_reservations.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"small\">{}</p>",
            esc(&tr!(
                "Geen signalen in kracht, geen vervallen voorbehouden.",
                "No signals in force, no failed reservations."
            ))
        );
    }
    if !r.overview.signals.is_empty() {
        out.push_str("<ul>");
        for s in &r.overview.signals {
            let v = match s.due {
                Some(true) => Verdict::Niet,
                Some(false) => Verdict::Mag,
                None => Verdict::Onbepaald,
            };
            let _ = writeln!(
                out,
                "<li class=\"signal\"><span class=\"verdict {}\">{}</span>: {} <span class=\"small\">({})</span></li>",
                verdict_class(v).0,
                esc(&s.due_text),
                esc(&s.signal),
                esc(&s.rule.label)
            );
        }
        out.push_str("</ul>\n");
    }
    for f in &r.overview.failed_reservations {
        let _ = writeln!(
            out,
            "<p class=\"verdict v-niet failed-reservation\">{}</p>",
            esc(&f.text)
        );
    }
    out.push_str("</section>\n");
}

fn audit(out: &mut String, r: &BoardReport) {
    let _ = write!(
        out,
        "<section id=\"audit\">\n<h2>{}</h2>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr!("Vastgelegde handelingen", "Recorded actions")),
        esc(&tr!("datum", "date")),
        esc(&tr!("akkoord en handeling", "agreement and action")),
        esc(&tr!("oordeel die dag", "verdict that day")),
        esc(&tr!("voorbehouden", "reservations")),
    );
    for rec in &r.audit.records {
        let reservations: Vec<String> = rec.reservations.iter().map(|f| esc(&f.text)).collect();
        let _ = write!(
            out,
            "<tr class=\"record {}\"><td>{}</td><td>{} — {}{}</td><td>{}</td><td>{}</td></tr>",
            if rec.in_order {
                "in-order"
            } else {
                "not-in-order"
            },
            esc(&day(&rec.date)),
            esc(&rec.agreement.name),
            esc(&rec.action_text),
            rec.by
                .as_deref()
                .map_or(String::new(), |b| format!(" ({})", esc(b))),
            verdict_cell(rec.verdict, &rec.verdict_text),
            reservations.join("<br>"),
        );
    }
    out.push_str("</tbody></table>\n");
    let n = r.audit.not_in_order;
    let _ = writeln!(
        out,
        "<p class=\"small\">{}</p>\n</section>",
        esc(&tr!("{n} niet in orde", "{n} not in order"))
    );
}

fn provenance(out: &mut String, r: &BoardReport) {
    let p = &r.provenance;
    let _ = write!(
        out,
        "<section id=\"herkomst\">\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
        esc(&tr!("Herkomst", "Provenance")),
        esc(&tr!(
            "De regels citeren deze documenten letterlijk; {} keuzes geeft geen document en zijn als aanname gemarkeerd (akkoord lint).",
            "The rules quote these documents word for word; {} choices no document gives are marked as assumptions (akkoord lint).",
            p.assumptions
        ))
    );
    for d in &p.documents {
        let _ = write!(out, "<li>{}</li>", esc(d));
    }
    let _ = write!(
        out,
        "</ul>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr!("vergadering", "meeting")),
        esc(&tr!("bron", "source")),
        esc(&tr!("wat ervan werd", "what became of it")),
    );
    sources_rows(out, &p.sources, &|_| None);
    out.push_str("</tbody></table>\n");
    if let Some(updated) = &p.facts_updated {
        let _ = writeln!(
            out,
            "<p class=\"small\">{}</p>",
            esc(&tr!(
                "Feiten laatst bijgewerkt op {}.",
                "Facts last updated on {}.",
                day(updated)
            ))
        );
    }
    out.push_str("</section>\n");
}

/// A row per source: meeting and date, kind and title (a link when `link` gives one), and what
/// became of it.
pub(crate) fn sources_rows(
    out: &mut String,
    sources: &[SourceRef],
    link: &dyn Fn(&SourceRef) -> Option<String>,
) {
    for s in sources {
        let assumed = if s.date_assumed {
            format!(
                " <span class=\"assumption small\">({})</span>",
                esc(&tr!("datum aangenomen", "date assumed"))
            )
        } else {
            String::new()
        };
        let title = format!("{} “{}”", esc(&s.kind_text), esc(&s.title));
        let title = match link(s) {
            Some(href) => format!("<a href=\"{}\">{title}</a>", esc(&href)),
            None => title,
        };
        let _ = write!(
            out,
            "<tr class=\"source\"><td>{} {}{assumed}</td><td>{title}</td><td>{}</td></tr>",
            esc(&s.meeting),
            esc(&day(&s.date)),
            s.status
                .iter()
                .map(|x| esc(x))
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
}
