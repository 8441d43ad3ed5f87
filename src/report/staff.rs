//! Answers to staff questions: what unblocks an agreement, what a rule change changes, and
//! what the linter found.

use std::fmt::Write as _;

use serde_json::json;

use crate::compiled::RuleBase;
use crate::facts::World;
use crate::unblock::Unblock;

use super::rule_label;

/// The plans, smallest first, each change with its question and the rules it satisfies.
pub fn unblock_text(base: &RuleBase, world: &World, u: &Unblock, fixed: &[String]) -> String {
    let d = &u.decision;
    let agreement = &world.agreements[d.agreement];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), {}, op {}: {}\n",
        agreement.name,
        agreement.id,
        d.action.dutch(),
        d.date,
        d.verdict
    );
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
