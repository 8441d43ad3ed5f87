//! Text for the checks staff keep: `akkoord test` and `akkoord validate`.

use std::fmt::Write as _;

use crate::answer::{TestAnswer, ValidateAnswer};
use crate::terminal::safe;
use crate::tr;

/// One line per scenario and property, what differed for each failure, a counterexample for a
/// refuted property, then `N passed, M failed`.
pub fn test_text(t: &TestAnswer) -> String {
    let mut out = String::new();
    if !t.scenarios.is_empty() {
        let _ = writeln!(out, "{}", tr!("Scenario's", "Scenarios"));
    }
    for s in &t.scenarios {
        let n = s.expectations;
        let expectations = if n == 1 {
            tr!("verwachting", "expectation")
        } else {
            tr!("verwachtingen", "expectations")
        };
        let _ = writeln!(
            out,
            "{} {}: {} ({} {}, {n} {expectations})",
            if s.passed { "✓" } else { "✗" },
            s.id,
            safe(&s.title),
            tr!("op", "on"),
            s.date
        );
        for m in &s.failures {
            let _ = writeln!(
                out,
                "    {}: {}",
                tr!("verwacht", "expected"),
                safe(&m.expected)
            );
            let _ = writeln!(out, "    {}: {}", tr!("gekregen", "got"), m.got_text);
            for r in &m.missing {
                let _ = writeln!(
                    out,
                    "    - {r} {}",
                    tr!(
                        "(verwacht als beslissend, maar besliste niet)",
                        "(expected to decide, but did not)"
                    )
                );
            }
            for r in &m.extra {
                let _ = writeln!(
                    out,
                    "    + {r} {}",
                    tr!(
                        "(besliste, maar werd niet verwacht)",
                        "(decided, but was not expected)"
                    )
                );
            }
        }
    }
    if !t.properties.is_empty() {
        if !t.scenarios.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", tr!("Eigenschappen", "Properties"));
    }
    let mut sampled = 0;
    for p in &t.properties {
        let sign = match p.outcome.as_str() {
            "bewezen" => "✓",
            "weerlegd" => "✗",
            _ => {
                sampled += 1;
                "?"
            }
        };
        let _ = writeln!(
            out,
            "{sign} {}: {} ({})",
            p.id,
            safe(&p.title),
            safe(&p.outcome_text)
        );
        if let Some(c) = &p.counterexample {
            let _ = writeln!(out, "    {}: {}", tr!("bewering", "claim"), safe(&p.claim));
            let _ = writeln!(
                out,
                "    {}:",
                tr!(
                    "tegenvoorbeeld op {} voor {}",
                    "counterexample on {} for {}",
                    c.date,
                    c.agreement
                )
            );
            let facts = serde_json::to_string_pretty(&c.facts).unwrap_or_default();
            for line in facts.lines() {
                let _ = writeln!(out, "      {}", safe(line));
            }
            let _ = writeln!(
                out,
                "    {}",
                tr!(
                    "bewaar dit als tegenvoorbeeld.json en bekijk: akkoord explain {} --op {} --facts tegenvoorbeeld.json",
                    "save this as counterexample.json and look: akkoord explain {} --op {} --facts counterexample.json",
                    c.agreement,
                    c.date
                )
            );
        }
    }
    if sampled > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                "{sampled} eigenschap(pen) alleen getest, niet bewezen (?)",
                "{sampled} propert(y/ies) only tested, not proven (?)"
            )
        );
    }
    let _ = writeln!(out, "\n{} passed, {} failed", t.passed, t.failed);
    out
}

/// `ok: …` with what was checked.
pub fn validate_text(v: &ValidateAnswer) -> String {
    tr!(
        "ok: {} regelbestanden, {} bronnen, {} regels, {} feiten gedeclareerd, {} akkoorden, {} vastgelegde handelingen, {} scenario's, {} eigenschappen; {} citaten gevonden in {} brondocumenten\n",
        "ok: {} rule files, {} sources, {} rules, {} facts declared, {} agreements, {} recorded actions, {} scenarios, {} properties; {} quotes found in {} source documents\n",
        v.rule_files,
        v.sources,
        v.rules,
        v.facts,
        v.agreements,
        v.recorded_actions,
        v.scenarios,
        v.properties,
        v.quotes,
        v.documents.len()
    )
}
