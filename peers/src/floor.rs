//! A plain-Rust floor: the binding rules as data, evaluated by a hand-written loop over the
//! same agreements and facts, collecting the failing rules of each decision.

use crate::model::{Rule, Workload};

/// The binding rules of a workload, ready to evaluate.
pub struct Floor<'w> {
    w: &'w Workload,
    rules: Vec<&'w Rule>,
}

impl<'w> Floor<'w> {
    /// The binding rules of `w`.
    pub fn new(w: &'w Workload) -> Self {
        let rules = w.binding_rules().into_iter().map(|(_, r)| r).collect();
        Floor { w, rules }
    }

    /// For each agreement to decide, the indices of the rules that select it and fail (what
    /// is timed); none means *mag*.
    pub fn decide_all(&self) -> Vec<Vec<usize>> {
        self.w
            .decide
            .iter()
            .map(|&a| {
                self.rules
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.selector.selects(self.w, a) && !r.condition.eval(self.w, a))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect()
    }

    /// The decisions as may-sign booleans.
    pub fn verdicts(&self) -> Vec<bool> {
        self.decide_all().iter().map(|f| f.is_empty()).collect()
    }
}
