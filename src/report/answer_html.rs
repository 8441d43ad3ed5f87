//! One answer in HTML, in parts the board report and the web page both use: the plain answer,
//! what stands in the way, the rules with their quotes, the facts read, the open questions,
//! the assumptions, and the ways to *mag*. Every text is escaped.

use std::fmt::Write as _;

use super::html::{day, esc, verdict_class};
use crate::answer::{Answer, FactInfo, Obstacle, Way};
use crate::eval::Verdict;
use crate::tr;

/// The answer in one paragraph.
pub(crate) fn plain(out: &mut String, a: &Answer) {
    let _ = writeln!(out, "<p class=\"plain\">{}</p>", esc(&a.plain));
}

/// What stands in the way, the rules that speak of the agreement (with quotes), and the facts
/// they read.
pub(crate) fn reasons(out: &mut String, a: &Answer) {
    obstacles(out, &a.obstacles);
    rules(out, a);
    facts_table(out, a);
}

/// The open questions and the assumptions the verdict rests on.
pub(crate) fn questions(out: &mut String, a: &Answer) {
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
}

/// Every way to *mag*, each with its changes and the rules they satisfy.
pub(crate) fn ways(out: &mut String, a: &Answer) {
    if a.verdict == Verdict::Mag {
        return;
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        esc(&tr!("Wat nodig is voor mag", "What is needed for mag"))
    );
    if a.ways.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"small\">{}</p>",
            esc(&tr!(
                "Geen wijziging van feiten maakt dit mogelijk.",
                "No change of facts makes it possible."
            ))
        );
        return;
    }
    out.push_str("<ol class=\"ways\">");
    for w in &a.ways {
        way(out, w);
    }
    out.push_str("</ol>\n");
    if !a.ways_complete {
        let _ = writeln!(
            out,
            "<p class=\"small\">{}</p>",
            esc(&tr!(
                "De zoektocht is begrensd; er kunnen meer manieren zijn.",
                "The search was bounded; there may be more ways."
            ))
        );
    }
}

fn way(out: &mut String, w: &Way) {
    out.push_str("<li class=\"way\"><ul>");
    for c in &w.changes {
        let rules: Vec<String> = c.rules.iter().map(|r| esc(&r.label)).collect();
        let _ = write!(
            out,
            "<li>{} <span class=\"small\">({} → {}; {})</span></li>",
            esc(&c.requirement),
            esc(&c.fact.name),
            esc(&c.to_text),
            rules.join("; ")
        );
    }
    out.push_str("</ul></li>");
}

fn rules(out: &mut String, a: &Answer) {
    if a.rules.is_empty() {
        return;
    }
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
    let mut facts: Vec<&FactInfo> = Vec::new();
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
