//! Every engine gives the same verdicts on small workloads, and reads the load cases' rules.

use akkoord_peers::cases::{EVAL_CASES, load_workload};
use akkoord_peers::{Engines, akk, cedar, check_agreement, model, rego};

#[test]
fn motions4_every_agreement() {
    let mut w = model::motions4();
    w.decide = (0..w.agreements.len()).collect();
    // ggz, preventie, klimaatadaptatie, buig_raming, ibp
    assert_eq!(w.expected(), vec![false, true, false, false, true]);
    assert_eq!(check_agreement(&w, Engines::ALL), Ok(2));
}

#[test]
fn rules_x_agreements_small() {
    for seed in [1, 2, 3] {
        let w = model::rules_x_agreements(300, 60, seed);
        let mag = check_agreement(&w, Engines::ALL).unwrap_or_else(|e| panic!("{e}"));
        assert!(mag > 0 && mag < 60, "seed {seed}: {mag} of 60 mag");
    }
}

#[test]
fn lifts_small() {
    let w = model::with_lifts(300, 60, 4);
    assert!(w.lifts.iter().any(|l| l.in_force) && w.lifts.iter().any(|l| !l.in_force));
    let mag = check_agreement(&w, Engines::ALL).unwrap_or_else(|e| panic!("{e}"));
    assert!(mag > 0 && mag < 60, "{mag} of 60 mag");
    // The lifts change verdicts: without them fewer agreements may be signed.
    let without = model::rules_x_agreements(300, 60, 4).expected();
    assert!(without.iter().filter(|v| **v).count() < mag);
}

#[test]
fn timed_subsets_are_the_cases_agreements() {
    for case in &EVAL_CASES {
        let w = case.timed();
        assert_eq!(w.decide.len(), case.decisions());
        assert_eq!(w.rule_count(), case.rules);
    }
}

#[test]
fn load_rules_read_everywhere() {
    let w = load_workload(200);
    assert!(akk::load(&akk::rules_text(&w), &akk::facts_text(&w)).is_ok());
    let validator = cedar::validator(&w).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        cedar::parse_and_validate(&cedar::policies_text(&w), &validator)
            .map(|p| p.policies().count()),
        Ok(201)
    );
    assert!(rego::add_and_compile(&rego::policy_text(&w)).is_ok());
}
