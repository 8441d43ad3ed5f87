//! Text for staff questions: what unblocks an agreement, what a rule change changes, and what
//! the linter found.

use std::fmt::Write as _;

use crate::answer::{Cut, DiffAnswer, DifferenceInfo, LintAnswer, UnblockAnswer};
use crate::eval::Verdict;
use crate::terminal::safe;
use crate::tr;

use super::{mark, part_line};

/// The ways to *mag*, smallest first, each change with its requirement and the rules it
/// satisfies.
pub fn unblock_text(u: &UnblockAnswer) -> String {
    let mut out = format!(
        "{} ({}), {}, {} {}: {}\n\n",
        safe(&u.agreement.name),
        u.agreement.id,
        u.action_text,
        tr!("op", "on"),
        u.date,
        u.verdict_text
    );
    if !u.fixed.is_empty() {
        let _ = writeln!(
            out,
            "{}: {}\n",
            tr!("Vastgehouden", "Held fixed"),
            u.fixed.join(", ")
        );
    }
    if u.verdict == Verdict::Mag {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "Dit mag al; er hoeft niets te veranderen.",
                "This is already allowed; nothing needs to change."
            )
        );
        return out;
    }
    match (u.found, u.complete) {
        (0, false) => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "Binnen de grenzen van de zoektocht is geen combinatie van feitwijzigingen gevonden die dit \"mag\" maakt; verhoog --budget of --grens, of houd feiten vast met --vast.",
                    "Within the search's limits no combination of fact changes was found that makes this \"mag\"; raise --budget or --grens, or hold facts with --vast."
                )
            );
        }
        (0, true) => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "Geen combinatie van feitwijzigingen maakt dit \"mag\".",
                    "No combination of fact changes makes this \"mag\"."
                )
            );
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "Wat in de weg staat hangt dan af van kenmerken van het akkoord of van vastgehouden feiten.",
                    "What stands in the way then depends on the agreement's attributes or on facts held fixed."
                )
            );
        }
        (1, true) => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "Eén minimale manier om tot \"mag\" te komen:",
                    "One minimal way to \"mag\":"
                )
            );
        }
        (n, true) if n == u.ways.len() => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "{n} minimale manieren om tot \"mag\" te komen, kleinste eerst:",
                    "{n} minimal ways to \"mag\", smallest first:"
                )
            );
        }
        (n, true) => {
            let shown = u.ways.len();
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "{n} minimale manieren om tot \"mag\" te komen; de eerste {shown}, kleinste eerst (--alle toont ze allemaal):",
                    "{n} minimal ways to \"mag\"; the first {shown}, smallest first (--alle shows them all):"
                )
            );
        }
        (n, false) => {
            let shown = u.ways.len();
            let why = match (u.cut_by, u.at_most) {
                (Some(Cut::Budget), Some(at_most)) => tr!(
                    "de zoektocht stopte bij zijn budget; er zijn er hoogstens {at_most}",
                    "the search stopped at its budget; there are at most {at_most}"
                ),
                _ => tr!(
                    "een voorwaarde had meer deelplannen dan --grens toestaat",
                    "a condition had more partial plans than --grens allows"
                ),
            };
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "Ten minste {n} minimale manieren om tot \"mag\" te komen ({why}); de eerste {shown}, kleinste eerst:",
                    "At least {n} minimal ways to \"mag\" ({why}); the first {shown}, smallest first:"
                )
            );
        }
    }
    for (i, way) in u.ways.iter().enumerate() {
        let n = way.changes.len();
        let changes = if n == 1 {
            tr!("wijziging", "change")
        } else {
            tr!("wijzigingen", "changes")
        };
        let _ = writeln!(out, "\n{}. {n} {changes}", i + 1);
        for c in &way.changes {
            let _ = writeln!(
                out,
                "   {}: {} → {}",
                c.fact.name,
                safe(&c.fact.value_text),
                safe(&c.to_text)
            );
            let _ = writeln!(out, "     {}", safe(&c.requirement));
            if !c.rules.is_empty() {
                let rules: Vec<String> = c
                    .rules
                    .iter()
                    .map(|r| format!("{} ({} {})", r.id, r.source.meeting, r.source.date))
                    .collect();
                let _ = writeln!(
                    out,
                    "     {}: {}",
                    tr!("voldoet aan", "satisfies"),
                    rules.join(", ")
                );
            }
        }
    }
    if !u.complete && !u.ways.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                "Let op: de zoektocht is begrensd; er kunnen meer manieren zijn. Verhoog --budget of --grens, of houd feiten vast met --vast om hem te verkleinen.",
                "Note: the search was bounded; there may be more ways. Raise --budget or --grens, or hold facts with --vast to narrow it."
            )
        );
    }
    out
}

/// Only the verdicts that differ, each with what changed in the rules that bears on it.
pub fn diff_text(d: &DiffAnswer) -> String {
    let on = tr!("op", "on");
    let mut out = tr!(
        "Verschil tussen {} ({on} {}) en {} ({on} {})\n\n",
        "Difference between {} ({on} {}) and {} ({on} {})\n\n",
        d.old,
        d.old_date,
        d.new,
        d.new_date
    );
    let lists = [
        (tr!("Regels toegevoegd", "Rules added"), &d.rules_added),
        (tr!("Regels verwijderd", "Rules removed"), &d.rules_removed),
        (tr!("Regels gewijzigd", "Rules changed"), &d.rules_changed),
        (
            tr!("Besluiten toegevoegd", "Decisions added"),
            &d.decisions_added,
        ),
        (
            tr!("Besluiten verwijderd", "Decisions removed"),
            &d.decisions_removed,
        ),
    ];
    for (title, list) in lists.iter().filter(|(_, l)| !l.is_empty()) {
        let _ = writeln!(out, "{title}:");
        for item in list.iter() {
            let _ = writeln!(out, "  {item}");
        }
    }
    if lists.iter().all(|(_, l)| l.is_empty()) {
        let _ = writeln!(
            out,
            "{}",
            tr!("De regels zijn gelijk.", "The rules are the same.")
        );
    }
    out.push('\n');
    for x in &d.differences {
        let causes: Vec<String> = x.causes.iter().map(|c| c.text()).collect();
        out.push_str(&difference_text(x, &causes));
    }
    let n = d.differences.len();
    let _ = writeln!(
        out,
        "{}{}",
        if n > 0 { "\n" } else { "" },
        match n {
            1 => tr!("1 oordeel verschilt", "1 verdict differs"),
            n => tr!("{n} oordelen verschillen", "{n} verdicts differ"),
        }
    );
    if !d.undeclared_in_old.is_empty() {
        let _ = writeln!(
            out,
            "\n{}: {}",
            tr!(
                "Niet gedeclareerd in de oude regels, daar dus onbekend",
                "Not declared in the old rules, so unknown there"
            ),
            d.undeclared_in_old.join(", ")
        );
    }
    out
}

/// One verdict that differs, as `akkoord diff` prints it: the agreement and action, old → new,
/// a line for each of `causes`, and what now stands in the way.
pub(crate) fn difference_text(x: &DifferenceInfo, causes: &[String]) -> String {
    let mut out = format!(
        "{}, {}: {} → {}\n",
        safe(&x.agreement.name),
        x.action_text,
        x.old_text,
        x.new_text
    );
    for cause in causes {
        let _ = writeln!(out, "  {}: {}", tr!("door", "by"), safe(cause));
    }
    for o in &x.obstacles {
        let rules: Vec<String> = o
            .rules
            .iter()
            .map(|r| format!("{} ({} {})", r.id, r.source.meeting, r.source.date))
            .collect();
        let _ = writeln!(
            out,
            "  {}: {} {} — {}",
            tr!("nu", "now"),
            mark(o.part.value),
            part_line(&o.part),
            rules.join(", ")
        );
    }
    out
}

/// One line per finding, `file:line:column: severity [code] message`, a count, and every
/// assumption with its place.
pub fn lint_text(l: &LintAnswer) -> String {
    let mut out = String::new();
    for f in &l.findings {
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            f.file,
            f.line,
            f.column,
            f.severity_text,
            f.code,
            safe(&f.message)
        );
    }
    let (n, w, i) = (l.findings.len(), l.warnings, l.infos);
    let _ = writeln!(out, "{}{}", if n == 0 { "" } else { "\n" }, {
        let findings = if n == 1 {
            tr!("bevinding", "finding")
        } else {
            tr!("bevindingen", "findings")
        };
        let warnings = if w == 1 {
            tr!("waarschuwing", "warning")
        } else {
            tr!("waarschuwingen", "warnings")
        };
        format!("{n} {findings}: {w} {warnings}, {i} info")
    });
    if !l.coverage {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "(geen scenario's gevonden; dekking niet bepaald)",
                "(no scenarios found; coverage not determined)"
            )
        );
    }
    if !l.assumptions.is_empty() {
        let n = l.assumptions.len();
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                "Aannames ({n}): keuzes die geen document geeft",
                "Assumptions ({n}): choices no document gives"
            )
        );
        for a in &l.assumptions {
            let _ = writeln!(out, "{}: {} — {}", a.place, safe(&a.what), safe(&a.reason));
        }
    }
    out
}
