//! The board report as one self-contained HTML file: no network, no scripts, no external assets
//! (a content security policy forbids them), so it works from an e-mail attachment and prints to
//! PDF cleanly. Every text from the rule and facts files is escaped. The timeline of each
//! agreement is an inline SVG: the verdict over time as coloured bands, with the meetings and
//! fact changes that moved it numbered and listed.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::answer::{Answer, BoardReport, Obstacle, PeriodInfo, TimelineAnswer, long_date};
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
fn verdict_class(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Mag => ("v-mag", "✓"),
        Verdict::MagOnderVoorbehoud => ("v-voorbehoud", "◐"),
        Verdict::Niet => ("v-niet", "✗"),
        Verdict::Onbepaald => ("v-onbepaald", "?"),
    }
}

fn colour(v: Verdict) -> &'static str {
    match v {
        Verdict::Mag => "#1b7f3b",
        Verdict::MagOnderVoorbehoud => "#b7791f",
        Verdict::Niet => "#b42318",
        Verdict::Onbepaald => "#667085",
    }
}

fn day(text: &str) -> String {
    text.parse::<Date>()
        .map_or_else(|_| text.to_string(), long_date)
}

const STYLE: &str = r#"
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
    let axis = Axis::new(r);
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

fn verdict_cell(v: Verdict, text: &str) -> String {
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
    let _ = write!(
        out,
        "<section id=\"overzicht\">\n<h2>{}</h2>\n<table class=\"overview\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        esc(&tr!("Overzicht", "Overview")),
        esc(&tr!("akkoord", "agreement")),
        esc(&tr!("handeling", "action")),
        esc(&tr!("oordeel", "verdict")),
        esc(&tr!(
            "wat in de weg staat of nodig is",
            "what stands in the way or is needed"
        )),
    );
    for a in &r.overview.answers {
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
            "<tr class=\"answer\" data-agreement=\"{}\" data-action=\"{}\" data-verdict=\"{}\"><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{needed}</td></tr>",
            esc(&a.agreement.id),
            a.action.dutch(),
            a.verdict.id(),
            esc(&anchor(a)),
            esc(&a.agreement.name),
            esc(&a.action_text),
            verdict_cell(a.verdict, &a.verdict_text),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if !r.overview.not_on_table.is_empty() {
        let names: Vec<String> = r
            .overview
            .not_on_table
            .iter()
            .map(|a| esc(&a.name))
            .collect();
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
            "<span><i style=\"background:{}\"></i>{}</span>",
            colour(v),
            esc(v.word())
        );
    }
    out.push_str("</p>\n</section>\n");
}

fn agreement(out: &mut String, a: &Answer, t: &TimelineAnswer, axis: &Axis) {
    let _ = write!(
        out,
        "<section class=\"agreement\" id=\"{}\" data-verdict=\"{}\">\n<h2>{} — {} {}</h2>\n<p class=\"plain\">{}</p>\n",
        esc(&anchor(a)),
        a.verdict.id(),
        esc(&a.agreement.name),
        esc(&a.action_text),
        verdict_cell(a.verdict, &a.verdict_text),
        esc(&a.plain)
    );
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        esc(&tr!("Het oordeel door de tijd", "The verdict over time"))
    );
    axis.chart(out, t);
    obstacles(out, &a.obstacles);
    if !a.rules.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            esc(&tr!(
                "De regels die erover gaan",
                "The rules that speak of it"
            ))
        );
        for r in &a.rules {
            let s = &r.rule.source;
            let _ = write!(
                out,
                "<div class=\"rule\"><div><strong>{}</strong> — <span class=\"verdict {}\">{}</span></div>\
                 <div class=\"meta\">{} “{}”, {} {}{}</div><blockquote>{}</blockquote>",
                esc(&r.rule.id),
                verdict_class(match r.value {
                    Some(true) => Verdict::Mag,
                    Some(false) => Verdict::Niet,
                    None => Verdict::Onbepaald,
                })
                .0,
                esc(&r.state_text),
                esc(&s.kind_text),
                esc(&s.title),
                esc(&s.meeting),
                esc(&day(&s.date)),
                s.status
                    .iter()
                    .map(|x| format!("; {}", esc(x)))
                    .collect::<String>(),
                esc(&r.rule.quote)
            );
            let facts: Vec<String> = r.because.iter().map(|p| esc(&p.text)).collect();
            if !facts.is_empty() {
                let _ = write!(out, "<div class=\"small\">{}</div>", facts.join("; "));
            }
            out.push_str("</div>\n");
        }
    }
    facts_table(out, a);
    if !a.open.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3><ul>",
            esc(&tr!("Open vragen", "Open questions"))
        );
        for f in &a.open {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"small\">({})</span></li>",
                esc(&f.question),
                esc(&f.name)
            );
        }
        out.push_str("</ul>\n");
    }
    if !a.assumptions.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3><ul class=\"assumption\">",
            esc(&tr!(
                "Aannames waar dit oordeel op rust",
                "Assumptions this verdict rests on"
            ))
        );
        for x in &a.assumptions {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>: {} <span class=\"small\">({})</span></li>",
                esc(&x.what),
                esc(&x.reason),
                esc(&x.place)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn obstacles(out: &mut String, obstacles: &[Obstacle]) {
    if obstacles.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3><ul>",
        esc(&tr!("Wat in de weg staat", "What stands in the way"))
    );
    for o in obstacles {
        let rules: Vec<String> = o.rules.iter().map(|r| esc(&r.label)).collect();
        let _ = writeln!(
            out,
            "<li>{} — <span class=\"small\">{}</span></li>",
            esc(&o.part.text),
            rules.join("; ")
        );
    }
    out.push_str("</ul>\n");
}

fn facts_table(out: &mut String, a: &Answer) {
    let mut facts: Vec<&crate::answer::FactInfo> = Vec::new();
    for f in a
        .rules
        .iter()
        .flat_map(|r| r.because.iter().flat_map(|p| &p.facts))
    {
        if !facts.iter().any(|x| x.name == f.name) {
            facts.push(f);
        }
    }
    if facts.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h3>{}</h3><table class=\"facts\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr!("De feiten die meewegen", "The facts it reads")),
        esc(&tr!("feit", "fact")),
        esc(&tr!("waarde", "value")),
        esc(&tr!("sinds", "since")),
        esc(&tr!("bron", "source")),
    );
    for f in facts {
        let assumed = f.assumption.as_ref().map_or(String::new(), |x| {
            format!(
                "<div class=\"assumption small\">{}: {}</div>",
                esc(&tr!("aanname", "assumption")),
                esc(x)
            )
        });
        let _ = write!(
            out,
            "<tr><td>{}<div class=\"small\">{}</div></td><td>{}</td><td>{}</td><td>{}{assumed}</td></tr>",
            esc(&f.name),
            esc(&f.question),
            esc(&f.value_text),
            f.since.as_deref().map_or(String::new(), |s| esc(&day(s))),
            esc(f.source.as_deref().unwrap_or("")),
        );
    }
    out.push_str("</tbody></table>\n");
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
    for s in &p.sources {
        let assumed = if s.date_assumed {
            format!(
                " <span class=\"assumption small\">({})</span>",
                esc(&tr!("datum aangenomen", "date assumed"))
            )
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<tr><td>{} {}{assumed}</td><td>{} “{}”</td><td>{}</td></tr>",
            esc(&s.meeting),
            esc(&day(&s.date)),
            esc(&s.kind_text),
            esc(&s.title),
            s.status
                .iter()
                .map(|x| esc(x))
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
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

/// The time axis all charts share: from before the first change to after the report's day.
struct Axis {
    start: Date,
    end: Date,
    today: Date,
}

const WIDTH: f64 = 760.0;

impl Axis {
    fn new(r: &BoardReport) -> Axis {
        let today = r.date.parse::<Date>().unwrap_or(Date::MIN);
        let starts = r
            .timelines
            .iter()
            .flat_map(|t| &t.periods)
            .filter_map(|p| p.from.as_deref().and_then(|d| d.parse::<Date>().ok()));
        let first = starts.clone().min().unwrap_or(today);
        let last = starts.max().unwrap_or(today).max(today);
        let start = first.saturating_sub(jiff::Span::new().days(180));
        let end = last.saturating_add(jiff::Span::new().days(120));
        Axis { start, end, today }
    }

    fn x(&self, d: Date) -> f64 {
        let total = f64::from((self.end - self.start).get_days().max(1));
        let at = f64::from((d.max(self.start).min(self.end) - self.start).get_days());
        (at / total * WIDTH).round()
    }

    fn chart(&self, out: &mut String, t: &TimelineAnswer) {
        let _ = write!(
            out,
            "<svg class=\"timeline\" viewBox=\"0 0 {WIDTH} 72\" role=\"img\" aria-label=\"{}\">",
            esc(&tr!("tijdlijn van het oordeel", "timeline of the verdict"))
        );
        let mut events = Vec::new();
        for p in &t.periods {
            self.band(out, p);
            if let Some(from) = p.from.as_deref().and_then(|d| d.parse::<Date>().ok())
                && !p.opened_by.is_empty()
                && from >= self.start
            {
                events.push((from, p));
            }
        }
        for year in self.start.year()..=self.end.year() {
            let Ok(jan) = Date::new(year, 1, 1) else {
                continue;
            };
            if jan < self.start || jan > self.end {
                continue;
            }
            let x = self.x(jan);
            let label = x.clamp(14.0, WIDTH - 14.0);
            let _ = write!(
                out,
                "<line x1=\"{x}\" y1=\"40\" x2=\"{x}\" y2=\"46\" stroke=\"#98a2b3\"/><text x=\"{label}\" y=\"58\" font-size=\"10\" text-anchor=\"middle\" fill=\"#667085\">{year}</text>"
            );
        }
        for (i, (from, _)) in events.iter().enumerate() {
            let x = self.x(*from);
            let _ = write!(
                out,
                "<line x1=\"{x}\" y1=\"8\" x2=\"{x}\" y2=\"40\" stroke=\"#1d2939\" stroke-width=\"1\"/><circle cx=\"{x}\" cy=\"8\" r=\"7\" fill=\"#1d2939\"/><text x=\"{x}\" y=\"11\" font-size=\"9\" text-anchor=\"middle\" fill=\"#fff\">{}</text>",
                i + 1
            );
        }
        let x = self.x(self.today);
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"14\" x2=\"{x}\" y2=\"46\" stroke=\"#175cd3\" stroke-dasharray=\"3 2\"/><text x=\"{x}\" y=\"70\" font-size=\"10\" text-anchor=\"middle\" fill=\"#175cd3\">{}</text>",
            esc(&self.today.to_string())
        );
        out.push_str("</svg>\n");
        if !events.is_empty() {
            out.push_str("<ol class=\"events\">");
            for (from, p) in &events {
                let what: Vec<String> = p.opened_by.iter().map(|h| esc(&h.text)).collect();
                let _ = write!(
                    out,
                    "<li><strong>{}</strong> → {}: {}</li>",
                    esc(&long_date(*from)),
                    verdict_cell(p.verdict, &p.verdict_text),
                    what.join("; ")
                );
            }
            out.push_str("</ol>\n");
        }
    }

    fn band(&self, out: &mut String, p: &PeriodInfo) {
        let from = p
            .from
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .unwrap_or(self.start);
        let until = p
            .until
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .and_then(|d| d.tomorrow().ok())
            .unwrap_or(self.end);
        let (x1, x2) = (self.x(from), self.x(until));
        if x2 <= x1 {
            return;
        }
        let span = match (&p.from, &p.until) {
            (Some(f), Some(u)) => format!("{f} – {u}"),
            (Some(f), None) => tr!("vanaf {f}", "from {f}"),
            (None, Some(u)) => tr!("t/m {u}", "until {u}"),
            (None, None) => tr!("altijd", "always"),
        };
        let _ = write!(
            out,
            "<rect class=\"band {}\" x=\"{x1}\" y=\"16\" width=\"{}\" height=\"24\" fill=\"{}\"><title>{}: {}</title></rect>",
            verdict_class(p.verdict).0,
            x2 - x1,
            colour(p.verdict),
            esc(&span),
            esc(&p.verdict_text)
        );
    }
}
