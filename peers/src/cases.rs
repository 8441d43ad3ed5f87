//! The benchmark cases: their criterion group and function names, sizes and seeds, shared by
//! the benchmarks and the table printer.

use crate::model::{self, Workload};

/// The seed of every generated workload.
pub const SEED: u64 = 2019;

/// An evaluation case: rules × agreements, every verdict for signing.
#[derive(Clone, Copy, Debug)]
pub struct EvalCase {
    /// The criterion group.
    pub group: &'static str,
    /// Rules.
    pub rules: usize,
    /// Agreements.
    pub agreements: usize,
    /// Every rule lifted once by a later decision (half of them before the evaluation day).
    pub lifts: bool,
    /// One iteration decides every `every`-th agreement, so that the slowest peers fit the
    /// time budget; the table gives the time per decision and for all agreements.
    pub every: usize,
}

impl EvalCase {
    /// The workload with every agreement to decide.
    pub fn full(&self) -> Workload {
        if self.lifts {
            model::with_lifts(self.rules, self.agreements, SEED)
        } else {
            model::rules_x_agreements(self.rules, self.agreements, SEED)
        }
    }

    /// The workload with the agreements one iteration decides.
    pub fn timed(&self) -> Workload {
        let mut w = self.full();
        w.decide = (0..self.agreements).step_by(self.every).collect();
        w
    }

    /// The number of decisions in one iteration.
    pub fn decisions(&self) -> usize {
        self.agreements.div_ceil(self.every)
    }
}

/// The evaluation cases.
pub const EVAL_CASES: [EvalCase; 3] = [
    EvalCase {
        group: "rules_1000x1000",
        rules: 1_000,
        agreements: 1_000,
        lifts: false,
        every: 4,
    },
    EvalCase {
        group: "rules_10000x1000",
        rules: 10_000,
        agreements: 1_000,
        lifts: false,
        every: 20,
    },
    EvalCase {
        group: "lifts_10000x1000",
        rules: 10_000,
        agreements: 1_000,
        lifts: true,
        every: 20,
    },
];

/// The rule counts of the load cases.
pub const LOAD_SIZES: [usize; 4] = [1_000, 10_000, 30_000, 100_000];

/// Up to this many rules the load cases also time Cedar's validation against a schema and
/// regorus's compilation (the analysis it otherwise does on the first evaluation).
pub const LOAD_EXTRAS_UP_TO: usize = 30_000;

/// Agreements in the load cases' facts file: few, so that akkoord's load is about the rules.
pub const LOAD_AGREEMENTS: usize = 10;

/// The criterion group of a load case.
pub fn load_group(rules: usize) -> String {
    format!("load_{rules}")
}

/// The workload of a load case.
pub fn load_workload(rules: usize) -> Workload {
    model::rules_x_agreements(rules, LOAD_AGREEMENTS, SEED)
}

/// The RVM addresses instructions with 16 bits (at most 65 535 in a program); the generated
/// rules take about 46 instructions each, so 1 000 fit and 10 000 do not compile.
pub const RVM_MAX_RULES: usize = 1_000;

/// Criterion function names, one per engine.
pub mod engine {
    /// akkoord: `Evaluator::decide`.
    pub const AKKOORD: &str = "akkoord";
    /// akkoord: `Evaluator::verdict`, the verdict without its reasons.
    pub const AKKOORD_VERDICT: &str = "akkoord_verdict";
    /// Cedar: `Authorizer::is_authorized`.
    pub const CEDAR: &str = "cedar";
    /// regorus's interpreter: `Engine::eval_rule`.
    pub const REGORUS: &str = "regorus";
    /// regorus's RVM: `RegoVM::execute`.
    pub const REGORUS_RVM: &str = "regorus_rvm";
    /// The hand-written loop.
    pub const PLAIN_RUST: &str = "plain_rust";
    /// akkoord: `check::load` (parse, check, compile, facts).
    pub const AKKOORD_LOAD: &str = "akkoord_load";
    /// Cedar: `PolicySet::from_str`.
    pub const CEDAR_PARSE: &str = "cedar_parse";
    /// Cedar: `PolicySet::from_str` and `Validator::validate` (strict).
    pub const CEDAR_PARSE_VALIDATE: &str = "cedar_parse_validate";
    /// regorus: `Engine::add_policy` on a new engine.
    pub const REGORUS_ADD_POLICY: &str = "regorus_add_policy";
    /// regorus: `add_policy` and `compile_with_entrypoint`.
    pub const REGORUS_ADD_POLICY_COMPILE: &str = "regorus_add_policy_compile";
}
