//! Properties: generate fact sets, evaluate, and shrink a failure to the smallest
//! counterexample. When the facts involved are few, every combination is checked instead.

use jiff::civil::Date;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use serde_json::{Map, Value as Json, json};

use crate::compiled::{AgreementId, FactId, Node, NodeId, Property, RuleBase, Selector, Who};
use crate::eval::Evaluator;
use crate::facts::{Timeline, World};
use crate::value::{Tri, Value};

use super::{set, verdict_of};

/// How hard to look.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Generated fact sets per property; also the largest number of combinations checked
    /// exhaustively.
    pub cases: u32,
    /// Seed of the generator; the same seed gives the same cases.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cases: 1000,
            seed: 0,
        }
    }
}

/// What checking a property found.
#[derive(Clone, Debug, PartialEq)]
pub enum PropertyOutcome {
    /// It held on every combination of the facts involved.
    Exhaustive {
        /// How many combinations (dates × fact values).
        combinations: u64,
    },
    /// It held on every generated fact set.
    Sampled {
        /// How many.
        cases: u32,
        /// With which seed.
        seed: u64,
    },
    /// It failed; the counterexample is shrunk to the fewest known facts.
    Failed(Counterexample),
}

/// A smallest known failure of a property.
#[derive(Clone, Debug, PartialEq)]
pub struct Counterexample {
    /// The date.
    pub date: Date,
    /// The agreement for which the claim fails.
    pub agreement: AgreementId,
    /// A complete facts file with the counterexample, to run `explain` on.
    pub facts_json: String,
}

/// One fact slot the property depends on, and the values it may take (`None`: unknown).
#[derive(Clone, Debug)]
struct Slot {
    fact: FactId,
    agreement: Option<AgreementId>,
    domain: Vec<Option<Value>>,
}

/// Checks a property against every fact set over the facts it involves.
pub fn check_property(
    base: &RuleBase,
    world: &World,
    index: usize,
    options: Options,
) -> PropertyOutcome {
    let p = &base.properties[index];
    let dates = dates(base, p);
    let blank = blank(world);
    let candidates = candidates(base, &blank, p);
    let slots = slots(base, &blank, p, &candidates);
    let total = slots.iter().try_fold(dates.len() as u64, |acc, s| {
        acc.checked_mul(s.domain.len() as u64)
    });
    let check = |date: Date, choice: &[usize]| {
        violation(base, &blank, p, &slots, &candidates, date, choice)
    };
    if let Some(total) = total.filter(|t| *t <= u64::from(options.cases)) {
        // Every combination is seen, so the smallest counterexample (fewest known facts, then
        // the earliest date) is found, not merely the first.
        let mut smallest: Option<(usize, Date, Vec<usize>, AgreementId)> = None;
        for &date in &dates {
            let mut choice = vec![0usize; slots.len()];
            loop {
                let known = choice.iter().filter(|&&c| c != 0).count();
                if smallest.as_ref().is_none_or(|s| known < s.0)
                    && let Some(a) = check(date, &choice)
                {
                    smallest = Some((known, date, choice.clone(), a));
                }
                if !next(&mut choice, &slots) {
                    break;
                }
            }
        }
        return match smallest {
            Some((_, date, choice, a)) => failed(base, &blank, &slots, date, &choice, a),
            None => PropertyOutcome::Exhaustive {
                combinations: total,
            },
        };
    }
    let domains: Vec<usize> = slots.iter().map(|s| s.domain.len()).collect();
    let strategy = (
        0..dates.len(),
        domains.iter().map(|&n| 0..n).collect::<Vec<_>>(),
    );
    let config = Config {
        cases: options.cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut seed = [0u8; 32];
    seed[..8].copy_from_slice(&options.seed.to_le_bytes());
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let result = runner.run(&strategy, |(d, choice)| match check(dates[d], &choice) {
        Some(_) => Err(TestCaseError::fail("claim does not hold")),
        None => Ok(()),
    });
    match result {
        Err(TestError::Fail(_, (d, choice))) => {
            let agreement = check(dates[d], &choice).unwrap_or_default();
            failed(base, &blank, &slots, dates[d], &choice, agreement)
        }
        _ => PropertyOutcome::Sampled {
            cases: options.cases,
            seed: options.seed,
        },
    }
}

/// Mixed-radix increment; false when every combination has been seen.
fn next(choice: &mut [usize], slots: &[Slot]) -> bool {
    for (c, s) in choice.iter_mut().zip(slots) {
        *c += 1;
        if *c < s.domain.len() {
            return true;
        }
        *c = 0;
    }
    false
}

/// The world with every fact unknown; agreements and attributes as the facts file has them.
fn blank(world: &World) -> World {
    let mut w = world.clone();
    for slot in w.facts.iter_mut().flatten() {
        *slot = Timeline::default();
    }
    w
}

/// The dates to check: the property's own, or every date on which the rule base changes.
fn dates(base: &RuleBase, p: &Property) -> Vec<Date> {
    if let Some(d) = p.date {
        return vec![d];
    }
    let mut dates: Vec<Date> = base.docs.iter().map(|d| d.date).collect();
    dates.extend(base.events.iter().map(|e| e.date));
    dates.extend(
        base.rules
            .iter()
            .flat_map(|r| [r.valid_from, r.valid_to])
            .flatten(),
    );
    dates.sort();
    dates.dedup();
    dates
}

/// Agreements the selector could take in, whatever the facts.
fn candidates(base: &RuleBase, blank: &World, p: &Property) -> Vec<AgreementId> {
    let ev = Evaluator::new(base, blank, Date::MAX);
    (0..blank.agreements.len())
        .filter(|&a| match &p.selector {
            Selector::Every => true,
            Selector::Ids(ids) => ids.contains(&a),
            Selector::Where(n) => ev.tri(*n, a) != Tri::No,
        })
        .collect()
}

/// The fact slots the property, and the rules about its action, read for the candidates.
fn slots(base: &RuleBase, blank: &World, p: &Property, candidates: &[AgreementId]) -> Vec<Slot> {
    let mut nodes: Vec<NodeId> = vec![p.then];
    if let Selector::Where(n) = p.selector {
        nodes.push(n);
    }
    for rule in base.rules.iter().filter(|r| r.conditions(p.action)) {
        nodes.push(rule.condition);
        if let Some(Selector::Where(n)) = rule.selector() {
            nodes.push(*n);
        }
    }
    let mut reads: Vec<(FactId, Option<AgreementId>)> = Vec::new();
    for &n in &nodes {
        reads_of(base, n, candidates, &mut reads);
    }
    reads.sort();
    reads.dedup();
    reads
        .into_iter()
        .filter(|(f, _)| blank.facts.get(*f).is_some())
        .map(|(fact, agreement)| Slot {
            fact,
            agreement,
            domain: domain(base, fact),
        })
        .collect()
}

fn reads_of(
    base: &RuleBase,
    node: NodeId,
    candidates: &[AgreementId],
    out: &mut Vec<(FactId, Option<AgreementId>)>,
) {
    match &base.nodes[node].node {
        Node::Fact(f) => out.push((*f, None)),
        Node::FactOf(f, Who::Agreement(a)) => out.push((*f, Some(*a))),
        Node::FactOf(f, Who::This) => out.extend(candidates.iter().map(|&a| (*f, Some(a)))),
        Node::Const(_) | Node::Attr(_) => {}
        Node::Not(k) | Node::In(k, _) => reads_of(base, *k, candidates, out),
        Node::Cmp(_, a, b) => {
            reads_of(base, *a, candidates, out);
            reads_of(base, *b, candidates, out);
        }
        Node::And(kids) | Node::Or(kids) => kids
            .iter()
            .for_each(|&k| reads_of(base, k, candidates, out)),
    }
}

/// The values to try for a fact: unknown first, so shrinking leaves facts unknown.
fn domain(base: &RuleBase, fact: FactId) -> Vec<Option<Value>> {
    std::iter::once(None)
        .chain(base.values_worth_trying(fact).into_iter().map(Some))
        .collect()
}

fn world_for(blank: &World, slots: &[Slot], choice: &[usize]) -> World {
    let mut w = blank.clone();
    for (slot, &c) in slots.iter().zip(choice) {
        let value = slot.domain.get(c).cloned().flatten();
        if value.is_some() {
            set(&mut w, slot.fact, slot.agreement, value, "eigenschap");
        }
    }
    w
}

/// The first candidate agreement for which the claim fails, if any.
fn violation(
    base: &RuleBase,
    blank: &World,
    p: &Property,
    slots: &[Slot],
    candidates: &[AgreementId],
    date: Date,
    choice: &[usize],
) -> Option<AgreementId> {
    let world = world_for(blank, slots, choice);
    let ev = Evaluator::new(base, &world, date);
    candidates.iter().copied().find(|&a| {
        let selected = match &p.selector {
            Selector::Every => Tri::Yes,
            Selector::Ids(ids) => Tri::from(ids.contains(&a)),
            Selector::Where(n) => ev.tri(*n, a),
        };
        selected == Tri::Yes
            && ev.decide(a, p.action).verdict == verdict_of(p.verdict)
            && ev.tri(p.then, a) != Tri::Yes
    })
}

fn failed(
    base: &RuleBase,
    blank: &World,
    slots: &[Slot],
    date: Date,
    choice: &[usize],
    agreement: AgreementId,
) -> PropertyOutcome {
    let world = world_for(blank, slots, choice);
    PropertyOutcome::Failed(Counterexample {
        date,
        agreement,
        facts_json: facts_file(base, &world, date),
    })
}

/// A complete facts file for the counterexample: the agreements with their attributes on the
/// date, and only the facts the counterexample sets.
fn facts_file(base: &RuleBase, world: &World, date: Date) -> String {
    let mut agreements = Map::new();
    for (a, agreement) in world.agreements.iter().enumerate() {
        let mut fields = Map::new();
        fields.insert("naam".into(), json!(agreement.name));
        for (i, attr) in base.attrs.iter().enumerate() {
            if let Some(v) = world.attr(a, i).at(date) {
                fields.insert(attr.name.clone(), to_json(v));
            }
        }
        agreements.insert(agreement.id.clone(), Json::Object(fields));
    }
    let mut facts = Map::new();
    for (f, decl) in base.facts.iter().enumerate() {
        let Some(slots) = world.facts.get(f) else {
            continue;
        };
        if decl.per_agreement {
            let per: Map<String, Json> = slots
                .iter()
                .enumerate()
                .filter_map(|(a, t)| {
                    t.at(date)
                        .map(|v| (world.agreement_id(a).to_string(), to_json(v)))
                })
                .collect();
            if !per.is_empty() {
                facts.insert(decl.name.clone(), Json::Object(per));
            }
        } else if let Some(v) = slots.first().and_then(|t| t.at(date)) {
            facts.insert(decl.name.clone(), to_json(v));
        }
    }
    let doc = json!({ "akkoorden": agreements, "feiten": facts });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn to_json(v: &Value) -> Json {
    match v {
        Value::Bool(b) => json!(b),
        Value::Number(n) => json!(n),
        Value::Text(t) | Value::Choice(t) => json!(t),
        other => json!(other.to_string()),
    }
}
