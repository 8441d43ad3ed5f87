//! The results of `akkoord test`: scenarios, properties, and the closing count.

use std::fmt::Write as _;

use crate::compiled::RuleBase;
use crate::facts::World;
use crate::testing::{PropertyOutcome, ScenarioOutcome};

/// One line per scenario and property, what differed for each failure, then `N passed, M failed`.
pub fn test_text(
    base: &RuleBase,
    world: &World,
    scenarios: &[ScenarioOutcome],
    properties: &[PropertyOutcome],
) -> String {
    let mut out = String::new();
    let (mut passed, mut failed) = (0, 0);
    if !scenarios.is_empty() {
        out.push_str("Scenario's\n");
    }
    for o in scenarios {
        let s = &base.scenarios[o.scenario];
        let ok = o.failures.is_empty();
        if ok {
            passed += 1
        } else {
            failed += 1
        }
        let n = o.checked;
        let _ = writeln!(
            out,
            "{} {}: {} (op {}, {n} verwachting{})",
            if ok { "✓" } else { "✗" },
            s.id,
            s.title,
            s.date,
            if n == 1 { "" } else { "en" }
        );
        for m in &o.failures {
            let _ = writeln!(out, "    verwacht: {}", m.expected);
            let _ = writeln!(out, "    gekregen: {}", m.verdict);
            for r in &m.missing {
                let _ = writeln!(
                    out,
                    "    - {r} (verwacht als beslissend, maar besliste niet)"
                );
            }
            for r in &m.extra {
                let _ = writeln!(out, "    + {r} (besliste, maar werd niet verwacht)");
            }
        }
    }
    if !properties.is_empty() {
        out.push_str(if scenarios.is_empty() {
            "Eigenschappen\n"
        } else {
            "\nEigenschappen\n"
        });
    }
    for (p, o) in base.properties.iter().zip(properties) {
        match o {
            PropertyOutcome::Exhaustive { combinations } => {
                passed += 1;
                let _ = writeln!(
                    out,
                    "✓ {}: {} (uitputtend: alle {combinations} combinaties)",
                    p.id, p.title
                );
            }
            PropertyOutcome::Sampled { cases, seed } => {
                passed += 1;
                let _ = writeln!(
                    out,
                    "✓ {}: {} ({cases} gegenereerde feitensets, zaad {seed})",
                    p.id, p.title
                );
            }
            PropertyOutcome::Failed(c) => {
                failed += 1;
                let _ = writeln!(out, "✗ {}: {}", p.id, p.title);
                let _ = writeln!(out, "    bewering: {}", p.text);
                let _ = writeln!(
                    out,
                    "    tegenvoorbeeld op {} voor {}:",
                    c.date,
                    world.agreement_id(c.agreement)
                );
                for line in c.facts_json.lines() {
                    let _ = writeln!(out, "      {line}");
                }
                let _ = writeln!(
                    out,
                    "    bewaar dit als tegenvoorbeeld.json en bekijk: akkoord explain {} --op {} --facts tegenvoorbeeld.json",
                    world.agreement_id(c.agreement),
                    c.date
                );
            }
        }
    }
    let _ = writeln!(out, "\n{passed} passed, {failed} failed");
    out
}
