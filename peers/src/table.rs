//! The tables of `BENCHMARKS.md`, from the medians criterion saved under
//! `target/criterion/<group>/<function>/new/estimates.json`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::cases::{self, EVAL_CASES, EvalCase, LOAD_EXTRAS_UP_TO, LOAD_SIZES, engine};
use crate::{akk, cedar, model, rego};

/// Where criterion keeps its results: `$CARGO_TARGET_DIR/criterion`, or `target/criterion` in
/// the workspace.
pub fn criterion_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("criterion")
}

/// The median of one benchmark in nanoseconds, if criterion has measured it.
pub fn median_ns(dir: &Path, group: &str, function: &str) -> Option<f64> {
    let path = dir.join(group).join(function).join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}

/// A duration with three significant digits and a fitting unit.
pub fn duration(ns: f64) -> String {
    let (value, unit) = if ns >= 1e9 {
        (ns / 1e9, "s")
    } else if ns >= 1e6 {
        (ns / 1e6, "ms")
    } else if ns >= 1e3 {
        (ns / 1e3, "µs")
    } else {
        (ns, "ns")
    };
    format!("{} {unit}", significant(value))
}

/// A number with three significant digits.
pub fn significant(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}")
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else if x >= 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

fn ratio(akkoord: Option<f64>, other: Option<f64>) -> String {
    match (akkoord, other) {
        (Some(a), Some(o)) if o > 0.0 => significant(a / o),
        _ => "—".into(),
    }
}

const MISSING: &str = "not measured";

fn eval_section(dir: &Path, case: &EvalCase, out: &mut String) {
    let g = case.group;
    let n = case.decisions();
    let _ = writeln!(
        out,
        "\n**{g}**: {} rules × {} agreements{}; one iteration decides every {}th agreement ({n} decisions).\n",
        case.rules,
        case.agreements,
        if case.lifts {
            ", every rule lifted once (half of the lifts before the evaluation day)"
        } else {
            ""
        },
        case.every,
    );
    let _ = writeln!(
        out,
        "| engine | median, {n} decisions | per decision | all {} verdicts | akkoord ÷ engine |",
        case.agreements
    );
    out.push_str("|---|---:|---:|---:|---:|\n");
    let akkoord = median_ns(dir, g, engine::AKKOORD);
    let mut rows: Vec<(String, Option<f64>, Option<&str>)> = vec![(
        if case.lifts {
            "akkoord (with the lifts)".into()
        } else {
            "akkoord".into()
        },
        akkoord,
        None,
    )];
    rows.push((
        "akkoord, verdict only".into(),
        median_ns(dir, g, engine::AKKOORD_VERDICT),
        None,
    ));
    if case.lifts {
        let without = EVAL_CASES
            .iter()
            .find(|c| !c.lifts && c.rules == case.rules && c.agreements == case.agreements);
        if let Some(c) = without {
            rows.push((
                format!("akkoord, same rules without lifts ({})", c.group),
                median_ns(dir, c.group, engine::AKKOORD)
                    .map(|t| t * n as f64 / c.decisions() as f64),
                None,
            ));
        }
        let none = "no dated lifts: a peer is given the binding rules only";
        rows.push(("Cedar".into(), None, Some(none)));
        rows.push(("regorus".into(), None, Some(none)));
    } else {
        rows.push(("Cedar".into(), median_ns(dir, g, engine::CEDAR), None));
        rows.push((
            "regorus (interpreter)".into(),
            median_ns(dir, g, engine::REGORUS),
            None,
        ));
        if case.rules <= cases::RVM_MAX_RULES {
            rows.push((
                "regorus (RVM)".into(),
                median_ns(dir, g, engine::REGORUS_RVM),
                None,
            ));
        } else {
            rows.push((
                "regorus (RVM)".into(),
                None,
                Some("does not compile: program exceeds 65 535 instructions"),
            ));
        }
    }
    rows.push((
        "plain Rust (hand-written loop)".into(),
        median_ns(dir, g, engine::PLAIN_RUST),
        None,
    ));
    for (name, t, note) in rows {
        match (t, note) {
            (Some(t), _) => {
                let per = t / n as f64;
                let _ = writeln!(
                    out,
                    "| {name} | {} | {} | {} | {} |",
                    duration(t),
                    duration(per),
                    duration(per * case.agreements as f64),
                    ratio(akkoord, Some(t)),
                );
            }
            (None, note) => {
                let _ = writeln!(out, "| {name} | {} | | | |", note.unwrap_or(MISSING));
            }
        }
    }
}

fn motions4_section(dir: &Path, out: &mut String) {
    out.push_str(
        "\n**motions4**: four motion-like rules over five agreements; one decision (signing of `ggz`, *niet*, with its reasons).\n\n",
    );
    out.push_str("| engine | median, one decision | akkoord ÷ engine |\n|---|---:|---:|\n");
    let akkoord = median_ns(dir, "motions4", engine::AKKOORD);
    for (name, f) in [
        ("akkoord", engine::AKKOORD),
        ("akkoord, verdict only", engine::AKKOORD_VERDICT),
        ("Cedar", engine::CEDAR),
        ("regorus (interpreter)", engine::REGORUS),
        ("regorus (RVM)", engine::REGORUS_RVM),
        ("plain Rust (hand-written loop)", engine::PLAIN_RUST),
    ] {
        match median_ns(dir, "motions4", f) {
            Some(t) => {
                let _ = writeln!(
                    out,
                    "| {name} | {} | {} |",
                    duration(t),
                    ratio(akkoord, Some(t))
                );
            }
            None => {
                let _ = writeln!(out, "| {name} | {MISSING} | |");
            }
        }
    }
}

/// The bytes each engine reads in a load case: akkoord its rule file and facts file, Cedar
/// its policies, regorus its module.
pub fn load_bytes(rules: usize) -> [(&'static str, usize); 3] {
    let w: model::Workload = cases::load_workload(rules);
    [
        (
            "akkoord",
            akk::rules_text(&w).len() + akk::facts_text(&w).len(),
        ),
        ("cedar", cedar::policies_text(&w).len()),
        ("regorus", rego::policy_text(&w).len()),
    ]
}

fn load_section(dir: &Path, out: &mut String) {
    out.push_str(
        "\n**load**: parse and check N rules (akkoord: `check::load` of the rule file and a facts file with 10 agreements; Cedar: `PolicySet::from_str`, and with `Validator::validate` against a schema; regorus: `add_policy` on a new engine, and with `compile_with_entrypoint`).\n\n",
    );
    out.push_str(
        "| rules | engine | median | per rule | MB/s | akkoord ÷ engine |\n|---:|---|---:|---:|---:|---:|\n",
    );
    for rules in LOAD_SIZES {
        let g = cases::load_group(rules);
        let bytes = load_bytes(rules);
        let akkoord = median_ns(dir, &g, engine::AKKOORD_LOAD);
        let mut rows = vec![
            ("akkoord load", engine::AKKOORD_LOAD, bytes[0].1),
            ("Cedar parse", engine::CEDAR_PARSE, bytes[1].1),
        ];
        if rules <= LOAD_EXTRAS_UP_TO {
            rows.push((
                "Cedar parse + validate",
                engine::CEDAR_PARSE_VALIDATE,
                bytes[1].1,
            ));
        }
        rows.push(("regorus add_policy", engine::REGORUS_ADD_POLICY, bytes[2].1));
        if rules <= LOAD_EXTRAS_UP_TO {
            rows.push((
                "regorus add_policy + compile",
                engine::REGORUS_ADD_POLICY_COMPILE,
                bytes[2].1,
            ));
        }
        for (name, f, size) in rows {
            match median_ns(dir, &g, f) {
                Some(t) => {
                    let _ = writeln!(
                        out,
                        "| {rules} | {name} | {} | {} | {} | {} |",
                        duration(t),
                        duration(t / rules as f64),
                        significant(size as f64 / (t / 1e9) / 1e6),
                        ratio(akkoord, Some(t)),
                    );
                }
                None => {
                    let _ = writeln!(out, "| {rules} | {name} | {MISSING} | | | |");
                }
            }
        }
    }
}

/// Every table, in markdown.
pub fn render(dir: &Path) -> String {
    let mut out = String::new();
    motions4_section(dir, &mut out);
    for case in &EVAL_CASES {
        eval_section(dir, case, &mut out);
    }
    load_section(dir, &mut out);
    out
}
