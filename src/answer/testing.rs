//! Answers about the checks staff keep: scenarios and properties (`akkoord test`), and whether
//! everything loads (`akkoord validate`).

use schemars::JsonSchema;
use serde::Serialize;

use crate::check::Loaded;
use crate::eval::Verdict;
use crate::testing::{PropertyOutcome, ScenarioOutcome};
use crate::tr;

/// What `akkoord test` found.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct TestAnswer {
    /// Every scenario, in file order.
    pub scenarios: Vec<ScenarioInfo>,
    /// Every property, in file order.
    pub properties: Vec<PropertyInfo>,
    /// How many passed (scenarios that held, properties proven or not refuted by testing).
    pub passed: usize,
    /// How many failed.
    pub failed: usize,
}

/// One scenario and how it came out.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ScenarioInfo {
    /// Its id.
    pub id: String,
    /// What it checks.
    pub title: String,
    /// The day it replays, `YYYY-MM-DD`.
    pub date: String,
    /// How many expectations it checked.
    pub expectations: usize,
    /// True when every expectation held.
    pub passed: bool,
    /// The expectations that did not hold.
    pub failures: Vec<MismatchInfo>,
}

/// An expectation that did not hold.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct MismatchInfo {
    /// The expectation as written.
    pub expected: String,
    /// The verdict that came out, for an expected verdict.
    pub got: Option<Verdict>,
    /// What came out, in words.
    pub got_text: String,
    /// Rules expected to decide that did not.
    pub missing: Vec<String>,
    /// Rules that decided but were not expected.
    pub extra: Vec<String>,
}

/// One property and how it came out.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct PropertyInfo {
    /// Its id.
    pub id: String,
    /// The principle in words.
    pub title: String,
    /// The claim as written.
    pub claim: String,
    /// `bewezen` (proven for every fact set), `weerlegd` (refuted, with a counterexample) or
    /// `getest` (held on generated cases, not proven).
    pub outcome: String,
    /// What that means, in words.
    pub outcome_text: String,
    /// How many combinations of fact values (classes of values that the rules cannot tell
    /// apart) there are, times the days checked; `null` when more than 10^38.
    pub combinations: Option<String>,
    /// For a refuted property: the smallest counterexample.
    pub counterexample: Option<CounterexampleInfo>,
}

/// The smallest set of facts for which a property fails.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct CounterexampleInfo {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The agreement for which the claim fails.
    pub agreement: String,
    /// A complete facts file with the counterexample, to run `explain` on.
    pub facts: serde_json::Value,
}

/// `akkoord test`: the outcomes as an answer.
pub fn test(
    loaded: &Loaded,
    scenarios: &[ScenarioOutcome],
    properties: &[PropertyOutcome],
) -> TestAnswer {
    let base = &loaded.base;
    let scenarios: Vec<ScenarioInfo> = scenarios
        .iter()
        .map(|o| {
            let s = &base.scenarios[o.scenario];
            ScenarioInfo {
                id: s.id.clone(),
                title: s.title.clone(),
                date: s.date.to_string(),
                expectations: o.checked,
                passed: o.failures.is_empty(),
                failures: o
                    .failures
                    .iter()
                    .map(|m| MismatchInfo {
                        expected: m.expected.clone(),
                        got: m.verdict,
                        got_text: m
                            .verdict
                            .map(|v| v.word().to_string())
                            .or_else(|| m.got.clone())
                            .unwrap_or_default(),
                        missing: m.missing.clone(),
                        extra: m.extra.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    let properties: Vec<PropertyInfo> = base
        .properties
        .iter()
        .zip(properties)
        .map(|(p, o)| property_info(loaded, p, o))
        .collect();
    let failed = scenarios.iter().filter(|s| !s.passed).count()
        + properties
            .iter()
            .filter(|p| p.outcome == "weerlegd")
            .count();
    TestAnswer {
        passed: scenarios.len() + properties.len() - failed,
        failed,
        scenarios,
        properties,
    }
}

fn property_info(
    loaded: &Loaded,
    p: &crate::compiled::Property,
    o: &PropertyOutcome,
) -> PropertyInfo {
    let count = |c: Option<u128>| c.map(|n| n.to_string());
    let (outcome, outcome_text, combinations, counterexample) = match o {
        PropertyOutcome::Proven {
            combinations,
            dates,
        } => (
            "bewezen",
            tr!(
                "bewezen voor elke feitenset: alle {} combinaties op {dates} dag(en) doorzocht of uitgesloten",
                "proven for every fact set: all {} combinations on {dates} day(s) searched or ruled out",
                combinations.map_or_else(
                    || tr!("meer dan 10^38", "more than 10^38"),
                    |n| n.to_string()
                )
            ),
            count(*combinations),
            None,
        ),
        PropertyOutcome::Sampled {
            cases,
            seed,
            combinations,
            why,
        } => (
            "getest",
            tr!(
                "getest met {cases} gegenereerde feitensets (zaad {seed}), niet bewezen: {why}",
                "tested with {cases} generated fact sets (seed {seed}), not proven: {why}"
            ),
            count(*combinations),
            None,
        ),
        PropertyOutcome::Refuted(c) => (
            "weerlegd",
            tr!(
                "weerlegd: op {} geldt de bewering niet voor {}",
                "refuted: on {} the claim does not hold for {}",
                c.date,
                loaded.world.agreement_id(c.agreement)
            ),
            None,
            Some(CounterexampleInfo {
                date: c.date.to_string(),
                agreement: loaded.world.agreement_id(c.agreement).to_string(),
                facts: serde_json::from_str(&c.facts_json).unwrap_or_default(),
            }),
        ),
    };
    PropertyInfo {
        id: p.id.clone(),
        title: p.title.clone(),
        claim: p.text.clone(),
        outcome: outcome.to_string(),
        outcome_text,
        combinations,
        counterexample,
    }
}

/// What `akkoord validate` checked: everything loads, every quote is found.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ValidateAnswer {
    /// Always true: problems are reported as errors instead.
    pub ok: bool,
    /// Rule files read.
    pub rule_files: usize,
    /// Sources (moties, resoluties, besluiten, standpunten).
    pub sources: usize,
    /// Rules.
    pub rules: usize,
    /// Facts declared.
    pub facts: usize,
    /// Agreements in the facts file.
    pub agreements: usize,
    /// Recorded actions.
    pub recorded_actions: usize,
    /// Scenarios checked against the rules.
    pub scenarios: usize,
    /// Properties checked against the rules.
    pub properties: usize,
    /// Quotes found in the source documents.
    pub quotes: usize,
    /// The source documents.
    pub documents: Vec<String>,
}

/// `akkoord validate`: the counts as an answer.
pub fn validate(loaded: &Loaded, documents: &[String]) -> ValidateAnswer {
    let (base, world) = (&loaded.base, &loaded.world);
    ValidateAnswer {
        ok: true,
        rule_files: loaded.rule_files,
        sources: base.docs.len(),
        rules: base.rules.len(),
        facts: base.facts.len(),
        agreements: world.agreements.len(),
        recorded_actions: world.recorded.len(),
        scenarios: base.scenarios.len(),
        properties: base.properties.len(),
        quotes: base.rules.len() + base.events.iter().filter(|e| e.quote.is_some()).count(),
        documents: documents.to_vec(),
    }
}
