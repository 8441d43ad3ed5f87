//! Rego through regorus: a partial set `deny` of rule ids and `allow if count(deny) == 0`. A
//! rule becomes one `deny` body per conjunct of "selector and not condition" in disjunctive
//! normal form, as one writes deny rules by hand. `data` has the shape of akkoord's facts file;
//! the input names the agreement: `{"akkoord": "a17"}`. Evaluated with the interpreter
//! (`Engine::eval_rule`) and with the RVM (the policy compiled to a program for
//! `rvm::RegoVM`).

use std::fmt::Write;
use std::sync::Arc;

use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::program::Program;
use regorus::rvm::vm::RegoVM;
use regorus::{Engine, PolicyLengthConfig, Rc, Value};

use crate::model::{Expr, Selector, Workload};

/// The rule every evaluation asks for.
pub const ENTRY: &str = "data.akkoord.allow";

/// An atom of a `deny` body.
#[derive(Clone, Debug, PartialEq)]
enum Atom {
    Fact(usize),
    AgreementFact(usize),
    KindIn(Vec<usize>),
    DomainIs(usize),
    Financial,
    Ids(Vec<usize>),
}

impl Atom {
    /// Whether the atom reads the agreement's attributes (`a := data.akkoorden[…]`).
    fn reads_agreement(&self) -> bool {
        matches!(self, Atom::KindIn(_) | Atom::DomainIs(_) | Atom::Financial)
    }
}

/// A conjunction of atoms, each with its sign.
type Conjunct = Vec<(Atom, bool)>;

/// The disjunctive normal form of `e` (negated when `positive` is false).
fn dnf(e: &Expr, positive: bool) -> Vec<Conjunct> {
    let atom = |a: Atom| vec![vec![(a, positive)]];
    match (e, positive) {
        (Expr::Fact(f), _) => atom(Atom::Fact(*f)),
        (Expr::AgreementFact(f), _) => atom(Atom::AgreementFact(*f)),
        (Expr::KindIn(kinds), _) => atom(Atom::KindIn(kinds.clone())),
        (Expr::DomainIs(d), _) => atom(Atom::DomainIs(*d)),
        (Expr::Financial, _) => atom(Atom::Financial),
        (Expr::Not(x), _) => dnf(x, !positive),
        (Expr::And(x, y), true) | (Expr::Or(x, y), false) => {
            let (xs, ys) = (dnf(x, positive), dnf(y, positive));
            let mut out = Vec::new();
            for a in &xs {
                for b in &ys {
                    out.push(a.iter().chain(b).cloned().collect());
                }
            }
            out
        }
        (Expr::Or(x, y), true) | (Expr::And(x, y), false) => {
            let mut out = dnf(x, positive);
            out.extend(dnf(y, positive));
            out
        }
    }
}

fn literal(w: &Workload, atom: &Atom, positive: bool, out: &mut String) {
    let not = if positive { "" } else { "not " };
    let quoted = |names: Vec<&str>| -> String {
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match atom {
        Atom::Ids(ids) => {
            let names = ids.iter().map(|a| w.agreements[*a].id.as_str()).collect();
            let _ = write!(out, "{not}input.akkoord in {{{}}}", quoted(names));
        }
        Atom::Fact(f) => {
            let _ = write!(out, "{not}data.feiten.{}", w.facts[*f].0);
        }
        Atom::AgreementFact(f) => {
            let _ = write!(
                out,
                "{not}data.feiten.{}[input.akkoord]",
                w.agreement_facts[*f].0
            );
        }
        Atom::KindIn(kinds) => {
            let names = kinds.iter().map(|k| w.kinds[*k].as_str()).collect();
            let _ = write!(out, "{not}a.soort in {{{}}}", quoted(names));
        }
        Atom::DomainIs(d) => {
            let op = if positive { "==" } else { "!=" };
            let _ = write!(out, "a.domein {op} \"{}\"", w.domains[*d]);
        }
        Atom::Financial => {
            let _ = write!(out, "{not}a.financieel");
        }
    }
}

/// The Rego module.
pub fn policy_text(w: &Workload) -> String {
    let mut out = String::from(
        "package akkoord\n\nimport rego.v1\n\ndefault allow := false\n\nallow if count(deny) == 0\n",
    );
    for (m, r) in w.binding_rules() {
        let selector = match &r.selector {
            Selector::Where(e) => dnf(e, true),
            Selector::Ids(ids) => vec![vec![(Atom::Ids(ids.clone()), true)]],
        };
        let violated = dnf(&r.condition, false);
        for s in &selector {
            for v in &violated {
                let body: Vec<&(Atom, bool)> = s.iter().chain(v).collect();
                let _ = writeln!(out, "\ndeny contains \"{}.{}\" if {{", m.id, r.id);
                if body.iter().any(|(a, _)| a.reads_agreement()) {
                    out.push_str("\ta := data.akkoorden[input.akkoord]\n");
                }
                for (atom, sign) in body {
                    out.push('\t');
                    literal(w, atom, *sign, &mut out);
                    out.push('\n');
                }
                out.push_str("}\n");
            }
        }
    }
    out
}

/// The `data` document: the facts file's shape.
pub fn data_value(w: &Workload) -> Result<Value, String> {
    Value::from_json_str(&crate::akk::facts_text(w)).map_err(|e| format!("rego data: {e}"))
}

/// The inputs, one per agreement to decide.
pub fn inputs(w: &Workload) -> Result<Vec<Value>, String> {
    w.decide
        .iter()
        .map(|&a| {
            Value::from_json_str(&format!("{{\"akkoord\": \"{}\"}}", w.agreements[a].id))
                .map_err(|e| format!("rego input: {e}"))
        })
        .collect()
}

/// No limit on a policy's size: the generated modules are far beyond the defaults (1 MiB,
/// 20 000 lines).
pub fn unlimited() -> PolicyLengthConfig {
    PolicyLengthConfig {
        max_col: std::num::NonZeroU32::MAX,
        max_file_bytes: std::num::NonZeroUsize::MAX,
        max_lines: std::num::NonZeroUsize::MAX,
    }
}

/// A fresh engine with the module added (parsed).
pub fn engine_with(policy: &str) -> Result<Engine, String> {
    let mut engine = Engine::new();
    engine.set_policy_length_config(unlimited());
    engine
        .add_policy("akkoord.rego".to_string(), policy.to_string())
        .map_err(|e| format!("rego policy: {e}"))?;
    Ok(engine)
}

fn allowed(v: &Value) -> Result<bool, String> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(format!("rego allow is {other}")),
    }
}

/// The interpreter, with the module and data loaded.
pub struct Interpreter {
    engine: Engine,
    inputs: Vec<Value>,
}

impl Interpreter {
    /// Renders and loads a workload.
    pub fn new(w: &Workload) -> Result<Self, String> {
        let mut engine = engine_with(&policy_text(w))?;
        engine
            .add_data(data_value(w)?)
            .map_err(|e| format!("rego data: {e}"))?;
        Ok(Interpreter {
            engine,
            inputs: inputs(w)?,
        })
    }

    /// `allow` for each input (what is timed).
    pub fn decide_all(&mut self) -> Result<Vec<Value>, String> {
        let mut out = Vec::with_capacity(self.inputs.len());
        for input in &self.inputs {
            self.engine.set_input(input.clone());
            out.push(
                self.engine
                    .eval_rule(ENTRY.to_string())
                    .map_err(|e| format!("rego eval: {e}"))?,
            );
        }
        Ok(out)
    }

    /// The decisions as may-sign booleans.
    pub fn verdicts(&mut self) -> Result<Vec<bool>, String> {
        self.decide_all()?.iter().map(allowed).collect()
    }
}

/// The RVM: the module compiled to a program, with the data loaded.
pub struct Rvm {
    vm: RegoVM,
    inputs: Vec<Value>,
}

/// Parses a module on a new engine and compiles it for evaluating [`ENTRY`] (regorus's
/// analysis, otherwise done on the first evaluation).
pub fn add_and_compile(policy: &str) -> Result<regorus::CompiledPolicy, String> {
    let mut engine = engine_with(policy)?;
    let entry: Rc<str> = ENTRY.into();
    engine
        .compile_with_entrypoint(&entry)
        .map_err(|e| format!("rego compile: {e}"))
}

/// Compiles a module for the RVM.
pub fn compile(engine: &mut Engine) -> Result<Arc<Program>, String> {
    let entry: Rc<str> = ENTRY.into();
    let compiled = engine
        .compile_with_entrypoint(&entry)
        .map_err(|e| format!("rego compile: {e}"))?;
    Compiler::compile_from_policy(&compiled, &[ENTRY]).map_err(|e| format!("rvm compile: {e}"))
}

impl Rvm {
    /// Renders, compiles and loads a workload.
    pub fn new(w: &Workload) -> Result<Self, String> {
        let mut engine = engine_with(&policy_text(w))?;
        let program = compile(&mut engine)?;
        let mut vm = RegoVM::new();
        vm.load_program(program);
        vm.set_max_instructions(usize::MAX);
        vm.set_data(data_value(w)?)
            .map_err(|e| format!("rvm data: {e}"))?;
        Ok(Rvm {
            vm,
            inputs: inputs(w)?,
        })
    }

    /// `allow` for each input (what is timed).
    pub fn decide_all(&mut self) -> Result<Vec<Value>, String> {
        let mut out = Vec::with_capacity(self.inputs.len());
        for input in &self.inputs {
            self.vm.set_input(input.clone());
            out.push(self.vm.execute().map_err(|e| format!("rvm eval: {e}"))?);
        }
        Ok(out)
    }

    /// The decisions as may-sign booleans.
    pub fn verdicts(&mut self) -> Result<Vec<bool>, String> {
        self.decide_all()?.iter().map(allowed).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{Atom, dnf};
    use crate::model::Expr;

    #[test]
    fn negated_condition_in_disjunctive_normal_form() {
        // not ((g0 or p1) and (g2 or not g3)) = (not g0 and not p1) or (not g2 and g3)
        let e = Expr::and(
            Expr::or(Expr::Fact(0), Expr::AgreementFact(1)),
            Expr::or(Expr::Fact(2), Expr::not(Expr::Fact(3))),
        );
        assert_eq!(
            dnf(&e, false),
            vec![
                vec![(Atom::Fact(0), false), (Atom::AgreementFact(1), false)],
                vec![(Atom::Fact(2), false), (Atom::Fact(3), true)],
            ]
        );
    }
}
