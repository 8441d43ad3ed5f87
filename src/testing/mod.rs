//! Regression checks: scenarios (a day, facts, expected verdicts and deciding rules) and
//! properties (claims over every possible fact set, checked by generation or exhaustively).

mod property;

pub use property::{Options, PropertyOutcome, check_property};

use std::path::Path;

use crate::ast::VerdictWord;
use crate::check::Loaded;
use crate::compiled::{AgreementId, RuleBase, Scenario};
use crate::error::Problem;
use crate::eval::{Evaluator, Verdict};
use crate::facts::{self, Entry, Timeline, World};
use crate::load::Overlay;

/// What one scenario found: empty when every expectation held.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioOutcome {
    /// Index into `RuleBase::scenarios`.
    pub scenario: usize,
    /// How many expectations it checked.
    pub checked: usize,
    /// One entry per expectation that failed: what was expected and what came out.
    pub failures: Vec<Mismatch>,
    /// The rules that applied in its decisions, and the signals in force on its date.
    pub covered: Vec<usize>,
}

/// An expectation that did not hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    /// The expectation as written.
    pub expected: String,
    /// The verdict that came out, for an expected verdict.
    pub verdict: Option<Verdict>,
    /// What came out otherwise (a reservation's state), in words.
    pub got: Option<String>,
    /// Rules expected to decide but that did not.
    pub missing: Vec<String>,
    /// Rules that decided but were not expected.
    pub extra: Vec<String>,
}

/// The verdict a scenario or property names.
pub fn verdict_of(word: VerdictWord) -> Verdict {
    match word {
        VerdictWord::Mag => Verdict::Mag,
        VerdictWord::MagOnderVoorbehoud => Verdict::MagOnderVoorbehoud,
        VerdictWord::Niet => Verdict::Niet,
        VerdictWord::Onbepaald => Verdict::Onbepaald,
    }
}

/// Runs every scenario. A scenario's own facts file is read relative to the file it is in;
/// problems in those files are returned, not guessed around.
pub fn run_scenarios(loaded: &mut Loaded) -> Result<Vec<ScenarioOutcome>, Vec<Problem>> {
    run_scenarios_in(loaded, &Overlay::new())
}

/// As [`run_scenarios`], reading the scenarios' facts files through an overlay of texts in
/// memory (an editor's open documents).
pub fn run_scenarios_in(
    loaded: &mut Loaded,
    texts: &Overlay,
) -> Result<Vec<ScenarioOutcome>, Vec<Problem>> {
    let mut outcomes = Vec::new();
    let mut problems = Vec::new();
    for (i, s) in loaded.base.scenarios.clone().iter().enumerate() {
        match scenario_world(loaded, s, texts) {
            Ok(world) => outcomes.push(run_scenario(&loaded.base, &world, i)),
            Err(e) => problems.extend(e),
        }
    }
    if problems.is_empty() {
        Ok(outcomes)
    } else {
        Err(problems)
    }
}

/// The world a scenario sees: the rule base's facts, or its own facts file, with its `stel`
/// lines on top.
fn scenario_world(
    loaded: &mut Loaded,
    s: &Scenario,
    texts: &Overlay,
) -> Result<World, Vec<Problem>> {
    let mut world = loaded.world.clone();
    if let Some(file) = &s.facts_file {
        let dir = Path::new(loaded.base.sources.name(s.span.file))
            .parent()
            .unwrap_or(Path::new("."));
        let path = dir.join(file);
        let text = texts.read(&path).map_err(|p| vec![p])?;
        let name = path.display().to_string();
        let id = loaded.base.sources.add(name.clone(), text.clone());
        let (read, errors) = facts::load_values(
            id,
            loaded.base.sources.text(id),
            &loaded.base,
            &loaded.world,
        );
        if !errors.is_empty() {
            return Err(errors.into_iter().map(Problem::Facts).collect());
        }
        world = read;
    }
    for (fact, agreement, value) in &s.sets {
        set(
            &mut world,
            *fact,
            *agreement,
            value.clone(),
            &format!("scenario {}", s.id),
        );
    }
    Ok(world)
}

/// Replaces every value of a fact slot with one undated value.
pub(crate) fn set(
    world: &mut World,
    fact: usize,
    agreement: Option<AgreementId>,
    value: Option<crate::value::Value>,
    source: &str,
) {
    let Some(slots) = world.facts.get_mut(fact) else {
        return;
    };
    let slot = if slots.len() == 1 {
        0
    } else {
        agreement.unwrap_or(0)
    };
    if let Some(timeline) = slots.get_mut(slot) {
        *timeline = Timeline(vec![Entry::set(value, source)]);
    }
}

fn run_scenario(base: &RuleBase, world: &World, index: usize) -> ScenarioOutcome {
    let s = &base.scenarios[index];
    let ev = Evaluator::new(base, world, s.date);
    let mut failures = Vec::new();
    let mut covered: Vec<usize> = ev.signals().iter().map(|s| s.rule).collect();
    for e in &s.expects {
        let d = ev.decide(e.agreement, e.action);
        covered.extend(d.findings.iter().map(|f| f.rule));
        let deciding: Vec<usize> = d.deciding().map(|f| f.rule).collect();
        let (missing, extra) = match &e.by {
            Some(by) => (
                by.iter()
                    .filter(|r| !deciding.contains(r))
                    .map(|&r| base.rule_name(r))
                    .collect(),
                deciding
                    .iter()
                    .filter(|r| !by.contains(r))
                    .map(|&r| base.rule_name(r))
                    .collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let missing: Vec<String> = missing;
        let extra: Vec<String> = extra;
        if d.verdict != verdict_of(e.verdict) || !missing.is_empty() || !extra.is_empty() {
            failures.push(Mismatch {
                expected: e.text.clone(),
                verdict: Some(d.verdict),
                got: None,
                missing,
                extra,
            });
        }
    }
    if !s.reservations.is_empty() {
        let audited = crate::eval::audit(base, world, s.date);
        for (rule, expected) in &s.reservations {
            let states: Vec<&'static str> = audited
                .iter()
                .flat_map(|a| &a.reservations)
                .filter(|f| f.rule == *rule)
                .map(|f| match f.state {
                    crate::eval::Reservation::Met { .. } => "vervuld",
                    crate::eval::Reservation::Open => "open",
                    crate::eval::Reservation::Failed { .. } => "vervallen",
                    crate::eval::Reservation::Ended { .. } => "beeindigd",
                })
                .collect();
            let name = base.rule_name(*rule);
            if states.is_empty() || states.iter().any(|s| s != expected) {
                failures.push(Mismatch {
                    expected: format!("voorbehoud {name}: {expected}"),
                    verdict: None,
                    got: Some(if states.is_empty() {
                        crate::tr!(
                            "geen vastgelegde handeling onder dit voorbehoud",
                            "no recorded action under this reservation"
                        )
                    } else {
                        states.join(", ")
                    }),
                    missing: Vec::new(),
                    extra: Vec::new(),
                });
            }
        }
    }
    covered.sort_unstable();
    covered.dedup();
    ScenarioOutcome {
        scenario: index,
        checked: s.expects.len() + s.reservations.len(),
        failures,
        covered,
    }
}
