//! Answers to staff questions: what unblocks an agreement, what a rule change changes, and
//! what the linter found.

use std::fmt::Write as _;

use serde_json::json;

use crate::compiled::RuleBase;
use crate::diff::Diff;
use crate::facts::World;
use crate::lint::{Lint, Severity};
use crate::unblock::Unblock;

use super::rule_label;

/// The plans, smallest first, each change with its question and the rules it satisfies.
pub fn unblock_text(base: &RuleBase, world: &World, u: &Unblock, fixed: &[String]) -> String {
    let d = &u.decision;
    let mut out = super::heading(world, d);
    if !fixed.is_empty() {
        let _ = writeln!(out, "Vastgehouden: {}\n", fixed.join(", "));
    }
    if d.verdict == crate::eval::Verdict::Mag {
        let _ = writeln!(out, "Dit mag al; er hoeft niets te veranderen.");
        return out;
    }
    match u.plans.len() {
        0 => {
            let _ = writeln!(
                out,
                "Geen combinatie van feitwijzigingen maakt dit \"mag\"."
            );
            let _ = writeln!(
                out,
                "Wat in de weg staat hangt dan af van kenmerken van het akkoord of van vastgehouden feiten."
            );
        }
        1 => {
            let _ = writeln!(out, "Eén minimale manier om tot \"mag\" te komen:");
        }
        n => {
            let _ = writeln!(
                out,
                "{n} minimale manieren om tot \"mag\" te komen, kleinste eerst:"
            );
        }
    }
    for (i, plan) in u.plans.iter().enumerate() {
        let n = plan.len();
        let _ = writeln!(
            out,
            "\n{}. {n} wijziging{}",
            i + 1,
            if n == 1 { "" } else { "en" }
        );
        for c in plan {
            let from = c
                .from
                .as_ref()
                .map_or("onbekend".to_string(), ToString::to_string);
            let _ = writeln!(out, "   {}: {from} → {}", c.name, c.to);
            let _ = writeln!(out, "     {}", c.question);
            if !c.satisfies.is_empty() {
                let rules: Vec<String> = c.satisfies.iter().map(|&r| rule_label(base, r)).collect();
                let _ = writeln!(out, "     voldoet aan: {}", rules.join(", "));
            }
        }
    }
    if u.truncated {
        let _ = writeln!(
            out,
            "\nLet op: de zoektocht is begrensd; er kunnen meer manieren zijn. Houd feiten vast met --vast om hem te verkleinen."
        );
    }
    out
}

/// The same as JSON.
pub fn unblock_json(base: &RuleBase, world: &World, u: &Unblock) -> String {
    let plans: Vec<_> = u
        .plans
        .iter()
        .map(|plan| {
            plan.iter()
                .map(|c| {
                    json!({
                        "fact": c.name,
                        "from": c.from.as_ref().map(ToString::to_string),
                        "to": c.to.to_string(),
                        "question": c.question,
                        "satisfies": c.satisfies.iter().map(|&r| base.rule_name(r)).collect::<Vec<_>>(),
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let doc = json!({
        "agreement": world.agreement_id(u.decision.agreement),
        "action": u.decision.action.dutch(),
        "date": u.decision.date.to_string(),
        "verdict": u.decision.verdict.word(),
        "plans": plans,
        "truncated": u.truncated,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// Only the verdicts that differ, each with what changed in the rules that bears on it.
pub fn diff_text(
    base: &RuleBase,
    world: &World,
    d: &Diff,
    old_label: &str,
    new_label: &str,
) -> String {
    let mut out = format!("Verschil tussen {old_label} en {new_label}\n\n");
    let c = &d.changes;
    let lists = [
        ("Regels toegevoegd", &c.added),
        ("Regels verwijderd", &c.removed),
        ("Regels gewijzigd", &c.changed),
        ("Besluiten toegevoegd", &c.events_added),
        ("Besluiten verwijderd", &c.events_removed),
    ];
    for (title, list) in lists.iter().filter(|(_, l)| !l.is_empty()) {
        let _ = writeln!(out, "{title}:");
        for item in list.iter() {
            let _ = writeln!(out, "  {item}");
        }
    }
    if lists.iter().all(|(_, l)| l.is_empty()) {
        let _ = writeln!(out, "De regels zijn gelijk.");
    }
    out.push('\n');
    for diff in &d.differences {
        let name = &world.agreements[diff.new.agreement].name;
        let _ = writeln!(
            out,
            "{name}, {}: {} → {}",
            diff.new.action.dutch(),
            diff.old.verdict,
            diff.new.verdict
        );
        for cause in &diff.causes {
            let _ = writeln!(out, "  door: {cause}");
        }
        for f in diff
            .new
            .deciding()
            .filter(|_| diff.new.verdict != crate::eval::Verdict::Mag)
        {
            let atoms: Vec<String> = f
                .because
                .iter()
                .map(|a| super::atom_text(base, a))
                .collect();
            let _ = writeln!(
                out,
                "  nu: {} {}: {}",
                super::mark(f.value),
                rule_label(base, f.rule),
                atoms.join("; ")
            );
        }
    }
    let n = d.differences.len();
    let _ = writeln!(
        out,
        "{}{n} {} verschil{}",
        if n > 0 { "\n" } else { "" },
        if n == 1 { "oordeel" } else { "oordelen" },
        if n == 1 { "t" } else { "len" }
    );
    out
}

/// The same as JSON.
pub fn diff_json(world: &World, d: &Diff) -> String {
    let differences: Vec<_> = d
        .differences
        .iter()
        .map(|x| {
            json!({
                "agreement": world.agreement_id(x.new.agreement),
                "action": x.new.action.dutch(),
                "old": x.old.verdict.word(),
                "new": x.new.verdict.word(),
                "causes": x.causes,
            })
        })
        .collect();
    let c = &d.changes;
    let doc = json!({
        "rules_added": c.added,
        "rules_removed": c.removed,
        "rules_changed": c.changed,
        "decisions_added": c.events_added,
        "decisions_removed": c.events_removed,
        "differences": differences,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// One line per finding, `file:line:column: severity [code] message`, then a count.
pub fn lint_text(base: &RuleBase, lints: &[Lint], coverage: bool) -> String {
    let mut out = String::new();
    for l in lints {
        let (line, col) = base.sources.line_col(l.span);
        let file = base.sources.name(l.span.file);
        let _ = writeln!(
            out,
            "{file}:{line}:{col}: {} [{}] {}",
            l.severity.word(),
            l.code,
            l.message
        );
    }
    let warnings = lints
        .iter()
        .filter(|l| l.severity == Severity::Warning)
        .count();
    let _ = writeln!(
        out,
        "{}{} bevindingen: {warnings} waarschuwingen, {} info",
        if lints.is_empty() { "" } else { "\n" },
        lints.len(),
        lints.len() - warnings
    );
    if !coverage {
        let _ = writeln!(out, "(geen scenario's gevonden; dekking niet bepaald)");
    }
    out
}

/// The same as JSON.
pub fn lint_json(base: &RuleBase, lints: &[Lint]) -> String {
    let items: Vec<_> = lints
        .iter()
        .map(|l| {
            let (line, column) = base.sources.line_col(l.span);
            json!({
                "file": base.sources.name(l.span.file),
                "line": line,
                "column": column,
                "severity": l.severity.word(),
                "code": l.code,
                "message": l.message,
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!(items)).unwrap_or_default() + "\n"
}
