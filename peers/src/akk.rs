//! akkoord: the rule text and facts file for a workload, and the decisions through akkoord's
//! public API (`check::load`, `Evaluator::new`, `decide`).

use std::fmt::Write;

use akkoord::ast::Action;
use akkoord::check::{self, Loaded};
use akkoord::compiled::AgreementId;
use akkoord::eval::{Evaluator, Verdict};
use serde_json::{Map, Value, json};

use crate::model::{Expr, Form, Selector, Workload};

/// The evaluation day of every workload.
pub fn evaluation_day() -> jiff::civil::Date {
    jiff::civil::date(2019, 1, 1)
}

/// A condition in akkoord syntax; every binary operation in parentheses.
pub fn expr(w: &Workload, e: &Expr, out: &mut String) {
    match e {
        Expr::Fact(f) => out.push_str(&w.facts[*f].0),
        Expr::AgreementFact(f) => {
            let _ = write!(out, "{}(akkoord)", w.agreement_facts[*f].0);
        }
        Expr::KindIn(kinds) => {
            let names: Vec<&str> = kinds.iter().map(|k| w.kinds[*k].as_str()).collect();
            let _ = write!(out, "soort in {{{}}}", names.join(", "));
        }
        Expr::DomainIs(d) => {
            let _ = write!(out, "domein = {}", w.domains[*d]);
        }
        Expr::Financial => out.push_str("financieel"),
        Expr::Not(x) => {
            out.push_str("niet ");
            group(w, x, out);
        }
        Expr::And(x, y) => {
            group(w, x, out);
            out.push_str(" en ");
            group(w, y, out);
        }
        Expr::Or(x, y) => {
            group(w, x, out);
            out.push_str(" of ");
            group(w, y, out);
        }
    }
}

fn group(w: &Workload, e: &Expr, out: &mut String) {
    if matches!(
        e,
        Expr::And(..) | Expr::Or(..) | Expr::KindIn(_) | Expr::DomainIs(_)
    ) {
        out.push('(');
        expr(w, e, out);
        out.push(')');
    } else {
        expr(w, e, out);
    }
}

fn selector(w: &Workload, s: &Selector, out: &mut String) {
    match s {
        Selector::Where(e) => {
            out.push_str("akkoord waar ");
            expr(w, e, out);
        }
        Selector::Ids(ids) => {
            let names: Vec<&str> = ids.iter().map(|a| w.agreements[*a].id.as_str()).collect();
            let _ = write!(out, "akkoord {}", names.join(", "));
        }
    }
}

/// The declarations and motions (and lifting decisions) as one rule file.
pub fn rules_text(w: &Workload) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "keuze soort {{ {} }}", w.kinds.join(", "));
    let _ = writeln!(out, "keuze domein {{ {} }}", w.domains.join(", "));
    out.push_str("kenmerk soort: soort \"Wat voor akkoord is het?\"\n");
    out.push_str("kenmerk domein: domein \"In welk domein valt het?\"\n");
    out.push_str("kenmerk financieel: janee \"Heeft het financiële consequenties?\"\n");
    for (name, _) in &w.facts {
        let _ = writeln!(out, "feit {name}: janee \"Geldt {name}?\"");
    }
    for (name, _) in &w.agreement_facts {
        let _ = writeln!(
            out,
            "feit {name}(akkoord): janee \"Geldt {name} voor dit akkoord?\""
        );
    }
    for m in &w.motions {
        let _ = writeln!(
            out,
            "\nmotie {} \"{}\" {{\n  vergadering ALV 2018-01-01",
            m.id, m.title
        );
        for r in &m.rules {
            let _ = write!(out, "  regel {} {{\n    bron \"{}\"\n    ", r.id, m.title);
            match r.form {
                Form::ForbidUntil => {
                    out.push_str("verbied ondertekening van ");
                    selector(w, &r.selector, &mut out);
                    out.push_str("\n      totdat ");
                    expr(w, &r.condition, &mut out);
                }
                Form::Require => {
                    out.push_str("vereis ");
                    expr(w, &r.condition, &mut out);
                    out.push_str("\n      voor ondertekening van ");
                    selector(w, &r.selector, &mut out);
                }
            }
            out.push_str("\n  }\n");
        }
        out.push_str("}\n");
    }
    // Lifts, a hundred to a decision, those in force before the evaluation day and the others
    // after it.
    for (when, date) in [(true, "2018-06-01"), (false, "2019-06-01")] {
        let lifts: Vec<_> = w.lifts.iter().filter(|l| l.in_force == when).collect();
        for (d, chunk) in lifts.chunks(100).enumerate() {
            let _ = writeln!(
                out,
                "\nbesluit b_{date_id}_{d} \"Besluit {d}\" {{\n  vergadering ALV {date}",
                date_id = date.replace('-', "")
            );
            for l in chunk {
                let m = &w.motions[l.motion];
                let _ = writeln!(
                    out,
                    "  hef op {}.{} bron \"De regel op te heffen\"",
                    m.id, m.rules[l.rule].id
                );
            }
            out.push_str("}\n");
        }
    }
    out
}

/// The facts file: agreements with their attributes, global and per-agreement facts. The
/// same shape serves as Rego's `data`.
pub fn facts_value(w: &Workload) -> Value {
    let agreements: Map<String, Value> = w
        .agreements
        .iter()
        .map(|a| {
            (
                a.id.clone(),
                json!({
                    "soort": w.kinds[a.kind],
                    "domein": w.domains[a.domain],
                    "financieel": a.financial,
                }),
            )
        })
        .collect();
    let mut facts: Map<String, Value> = w
        .facts
        .iter()
        .map(|(n, v)| (n.clone(), Value::Bool(*v)))
        .collect();
    for (name, values) in &w.agreement_facts {
        let per: Map<String, Value> = w
            .agreements
            .iter()
            .zip(values)
            .map(|(a, v)| (a.id.clone(), Value::Bool(*v)))
            .collect();
        facts.insert(name.clone(), Value::Object(per));
    }
    json!({ "akkoorden": agreements, "feiten": facts })
}

/// The facts file as text.
pub fn facts_text(w: &Workload) -> String {
    facts_value(w).to_string()
}

/// A loaded rule base and the agreements to decide.
pub struct Akkoord {
    /// What `check::load` returned.
    pub loaded: Loaded,
    /// The agreements to decide, resolved once by id.
    pub ids: Vec<AgreementId>,
}

/// Loads rule text and facts text: parse, check, compile, read the facts.
pub fn load(rules: &str, facts: &str) -> Result<Loaded, String> {
    check::load(
        &[("regels.akk".to_string(), rules.to_string())],
        ("feiten.json", facts),
    )
    .map_err(|(problems, sources)| akkoord::error::render_all(&problems, &sources))
}

impl Akkoord {
    /// Renders and loads a workload.
    pub fn new(w: &Workload) -> Result<Self, String> {
        let loaded = load(&rules_text(w), &facts_text(w))?;
        let ids = w
            .decide
            .iter()
            .map(|&a| {
                let id = &w.agreements[a].id;
                loaded
                    .world
                    .agreement(id)
                    .ok_or_else(|| format!("agreement {id} not loaded"))
            })
            .collect::<Result<_, _>>()?;
        Ok(Akkoord { loaded, ids })
    }

    /// The verdict for signing each agreement, with its explanation (what is timed).
    pub fn decide_all(&self) -> Vec<Verdict> {
        let ev = Evaluator::new(&self.loaded.base, &self.loaded.world, evaluation_day());
        self.ids
            .iter()
            .map(|&a| ev.decide(a, Action::Signing).verdict)
            .collect()
    }

    /// The verdict for signing each agreement without its reasons (`Evaluator::verdict`).
    pub fn verdicts_only(&self) -> Vec<Verdict> {
        let ev = Evaluator::new(&self.loaded.base, &self.loaded.world, evaluation_day());
        self.ids
            .iter()
            .map(|&a| ev.verdict(a, Action::Signing))
            .collect()
    }

    /// The verdicts as may-sign booleans; an error for a verdict other than *mag* or *niet*,
    /// which a workload with every fact known must not give.
    pub fn verdicts(&self) -> Result<Vec<bool>, String> {
        self.decide_all()
            .into_iter()
            .map(|v| match v {
                Verdict::Mag => Ok(true),
                Verdict::Niet => Ok(false),
                other => Err(format!("akkoord gave {other:?} with every fact known")),
            })
            .collect()
    }
}
