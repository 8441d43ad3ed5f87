//! Properties, decided exactly where that is feasible.
//!
//! A verdict is a function of finitely many fact values, and a number, amount, date or text only
//! matters relative to the constants it is compared with. So each fact's values fall into
//! finitely many classes the rules cannot tell apart (for a number compared with 3: below,
//! equal, above; plus unknown), and a property holds for every fact set exactly when it holds
//! for one representative of every combination of classes. Those combinations are searched
//! depth first with pruning: a partial assignment is abandoned as soon as a three-valued
//! over-approximation shows that no completion can violate the claim. A search that finishes
//! proves the property (*bewezen*); a violation found is shrunk to the fewest known facts and
//! refutes it (*weerlegd*). Only when facts are compared with each other (no finite classes) or
//! the search exceeds its budget are fact sets generated instead, and the outcome says *getest,
//! niet bewezen*.

use std::collections::HashMap;

use jiff::civil::Date;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use serde_json::{Map, Value as Json, json};

use crate::compiled::{
    AgreementId, FactId, Node, NodeId, Property, RuleBase, RuleId, Selector, Who,
};
use crate::eval::{Evaluator, Verdict};
use crate::facts::{Timeline, World};
use crate::tr;
use crate::value::{Tri, Value};

use super::{set, verdict_of};

/// How hard to look.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Generated fact sets per property, when it cannot be proven.
    pub cases: u32,
    /// Seed of the generator; the same seed gives the same cases.
    pub seed: u64,
    /// The most partial assignments the proof search visits before it gives up.
    pub budget: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cases: 1000,
            seed: 0,
            budget: 5_000_000,
        }
    }
}

/// What checking a property found.
#[derive(Clone, Debug, PartialEq)]
pub enum PropertyOutcome {
    /// It holds for every fact set: every combination of value classes was searched or ruled
    /// out.
    Proven {
        /// Combinations of value classes times days; `None` when more than fits in 128 bits.
        combinations: Option<u128>,
        /// The days checked.
        dates: usize,
    },
    /// It held on every generated fact set, but was not proven.
    Sampled {
        /// How many fact sets.
        cases: u32,
        /// With which seed.
        seed: u64,
        /// Combinations of value classes times days, when known.
        combinations: Option<u128>,
        /// Why it could not be proven.
        why: String,
    },
    /// It fails; the counterexample is shrunk to the fewest known facts.
    Refuted(Counterexample),
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

/// One fact slot the property depends on, and one value per class (`None`: unknown).
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
    let dates = dates(base, world, p);
    let blank = blank(world);
    let candidates = candidates(base, &blank, p, &dates);
    let slots = slots(base, &blank, p, &candidates);
    let combinations = slots.iter().try_fold(dates.len() as u128, |acc, s| {
        acc.checked_mul(s.domain.len() as u128)
    });
    let space = Space {
        base,
        blank: &blank,
        p,
        slots: &slots,
        candidates: &candidates,
        index: slots
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.fact, s.agreement), i))
            .collect(),
    };
    let why = if compares_facts(base, p) {
        tr!(
            "feiten worden met elkaar vergeleken, dus hun waarden vallen niet in eindig veel klassen",
            "facts are compared with each other, so their values do not fall into finitely many classes"
        )
    } else {
        let mut budget = options.budget;
        let mut proven = true;
        for &date in &dates {
            let mut choice = vec![None; slots.len()];
            match space.search(date, &mut choice, &mut budget) {
                Search::Found(choice) => {
                    let choice = space.shrink(date, choice);
                    let agreement = space.violation(date, &choice).unwrap_or_default();
                    return refuted(base, &blank, &slots, date, &choice, agreement);
                }
                Search::Exhausted => {}
                Search::OutOfBudget => {
                    proven = false;
                    break;
                }
            }
        }
        if proven {
            return PropertyOutcome::Proven {
                combinations,
                dates: dates.len(),
            };
        }
        tr!(
            "de zoektocht overschreed zijn grens van {} deeltoewijzingen",
            "the search exceeded its bound of {} partial assignments",
            options.budget
        )
    };
    sample(&space, &dates, options, combinations, why)
}

/// Generated fact sets, for a property that cannot be proven.
fn sample(
    space: &Space,
    dates: &[Date],
    options: Options,
    combinations: Option<u128>,
    why: String,
) -> PropertyOutcome {
    let domains: Vec<usize> = space.slots.iter().map(|s| s.domain.len()).collect();
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
    let full = |choice: &[usize]| choice.iter().map(|&c| Some(c)).collect::<Vec<_>>();
    let result = runner.run(&strategy, |(d, choice)| {
        match space.violation(dates[d], &full(&choice)) {
            Some(_) => Err(TestCaseError::fail("claim does not hold")),
            None => Ok(()),
        }
    });
    match result {
        Err(TestError::Fail(_, (d, choice))) => {
            let choice = space.shrink(dates[d], full(&choice));
            let agreement = space.violation(dates[d], &choice).unwrap_or_default();
            refuted(
                space.base,
                space.blank,
                space.slots,
                dates[d],
                &choice,
                agreement,
            )
        }
        _ => PropertyOutcome::Sampled {
            cases: options.cases,
            seed: options.seed,
            combinations,
            why,
        },
    }
}

enum Search {
    Found(Vec<Option<usize>>),
    Exhausted,
    OutOfBudget,
}

/// The space of fact sets for one property: its slots and candidate agreements.
struct Space<'a> {
    base: &'a RuleBase,
    blank: &'a World,
    p: &'a Property,
    slots: &'a [Slot],
    candidates: &'a [AgreementId],
    index: HashMap<(FactId, Option<AgreementId>), usize>,
}

/// The possible three-valued results of a node, as a set: bit 0 no, bit 1 unknown, bit 2 yes.
type Tris = u8;

const NO: Tris = 1;
const UNKNOWN: Tris = 2;
const YES: Tris = 4;

fn tris(t: Tri) -> Tris {
    match t {
        Tri::No => NO,
        Tri::Unknown => UNKNOWN,
        Tri::Yes => YES,
    }
}

fn each(set: Tris) -> impl Iterator<Item = Tri> {
    [(NO, Tri::No), (UNKNOWN, Tri::Unknown), (YES, Tri::Yes)]
        .into_iter()
        .filter(move |(bit, _)| set & bit != 0)
        .map(|(_, t)| t)
}

fn combine(a: Tris, b: Tris, op: impl Fn(Tri, Tri) -> Tri) -> Tris {
    each(a)
        .flat_map(|x| each(b).map(move |y| (x, y)))
        .fold(0, |acc, (x, y)| acc | tris(op(x, y)))
}

impl Space<'_> {
    /// Depth-first over the slots' classes, unknown first, pruning every partial assignment no
    /// completion of which can violate the claim.
    fn search(&self, date: Date, choice: &mut Vec<Option<usize>>, budget: &mut u64) -> Search {
        if *budget == 0 {
            return Search::OutOfBudget;
        }
        *budget -= 1;
        if !self.may_violate(date, choice) {
            return Search::Exhausted;
        }
        let Some(i) = choice.iter().position(Option::is_none) else {
            return match self.violation(date, choice) {
                Some(_) => Search::Found(choice.clone()),
                None => Search::Exhausted,
            };
        };
        for v in 0..self.slots[i].domain.len() {
            choice[i] = Some(v);
            match self.search(date, choice, budget) {
                Search::Exhausted => {}
                other => return other,
            }
        }
        choice[i] = None;
        Search::Exhausted
    }

    /// Fewer known facts while the claim still fails: each known fact in turn made unknown.
    fn shrink(&self, date: Date, mut choice: Vec<Option<usize>>) -> Vec<Option<usize>> {
        for i in 0..choice.len() {
            if choice[i] != Some(0) {
                let kept = choice[i];
                choice[i] = Some(0);
                if self.violation(date, &choice).is_none() {
                    choice[i] = kept;
                }
            }
        }
        choice
    }

    /// The first candidate agreement for which the claim fails under a full assignment.
    fn violation(&self, date: Date, choice: &[Option<usize>]) -> Option<AgreementId> {
        let world = world_for(self.blank, self.slots, choice);
        let ev = Evaluator::new(self.base, &world, date);
        self.candidates.iter().copied().find(|&a| {
            ev.on_table(a)
                && selected(self.p, &ev, a) == Tri::Yes
                && ev.verdict(a, self.p.action) == verdict_of(self.p.verdict)
                && ev.tri(self.p.then, a) != Tri::Yes
        })
    }

    /// False when no completion of the partial assignment can violate the claim for any
    /// candidate: an over-approximation, so it never rules out a real violation.
    fn may_violate(&self, date: Date, choice: &[Option<usize>]) -> bool {
        let cx = Abstract {
            space: self,
            date,
            choice,
            ev: Evaluator::new(self.base, self.blank, date),
        };
        self.candidates.iter().any(|&a| {
            let selected = match &self.p.selector {
                Selector::Every => YES,
                Selector::Ids(ids) => tris(Tri::from(ids.contains(&a))),
                Selector::Where(n) => cx.truth(*n, a),
            };
            cx.ev.on_table(a)
                && selected & YES != 0
                && cx.truth(self.p.then, a) & (NO | UNKNOWN) != 0
                && cx.verdicts(a).contains(&verdict_of(self.p.verdict))
        })
    }
}

/// Three-valued evaluation over sets: what a node can still come out as, given the slots
/// assigned so far (the others may take any of their classes).
struct Abstract<'a> {
    space: &'a Space<'a>,
    date: Date,
    choice: &'a [Option<usize>],
    ev: Evaluator<'a>,
}

impl Abstract<'_> {
    fn values(&self, node: NodeId, a: AgreementId) -> Vec<Option<Value>> {
        let base = self.space.base;
        let slot = |f: FactId, who: Option<AgreementId>| {
            let key = (
                f,
                if base.facts[f].per_agreement {
                    who
                } else {
                    None
                },
            );
            match self.space.index.get(&key) {
                Some(&i) => match self.choice[i] {
                    Some(c) => vec![self.space.slots[i].domain[c].clone()],
                    None => self.space.slots[i].domain.clone(),
                },
                None => vec![None],
            }
        };
        match &base.nodes[node].node {
            Node::Const(v) => vec![Some(v.clone())],
            Node::Fact(f) => slot(*f, None),
            Node::FactOf(f, who) => slot(*f, Some(who.resolve(a))),
            Node::Attr(attr) => vec![self.space.blank.attr(a, *attr).at(self.date).cloned()],
            Node::Cmp(op, x, y) => {
                let (xs, ys) = (self.values(*x, a), self.values(*y, a));
                let mut out = Vec::new();
                for x in &xs {
                    for y in &ys {
                        let v = match (x, y) {
                            (Some(x), Some(y)) => Some(Value::Bool(op.holds(x.cmp(y)))),
                            _ => None,
                        };
                        if !out.contains(&v) {
                            out.push(v);
                        }
                    }
                }
                out
            }
            Node::In(k, set) => {
                let mut out = Vec::new();
                for v in self.values(*k, a) {
                    let r = v.map(|v| Value::Bool(set.contains(&v)));
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
                out
            }
            Node::Not(_) | Node::And(_) | Node::Or(_) => each(self.truth(node, a))
                .map(|t| match t {
                    Tri::Yes => Some(Value::Bool(true)),
                    Tri::No => Some(Value::Bool(false)),
                    Tri::Unknown => None,
                })
                .collect(),
        }
    }

    fn truth(&self, node: NodeId, a: AgreementId) -> Tris {
        match &self.space.base.nodes[node].node {
            Node::Not(k) => each(self.truth(*k, a)).fold(0, |acc, t| acc | tris(!t)),
            Node::And(kids) => kids
                .iter()
                .fold(YES, |acc, &k| combine(acc, self.truth(k, a), Tri::and)),
            Node::Or(kids) => kids
                .iter()
                .fold(NO, |acc, &k| combine(acc, self.truth(k, a), Tri::or)),
            _ => self.values(node, a).into_iter().fold(0, |acc, v| {
                acc | match v {
                    Some(Value::Bool(true)) => YES,
                    Some(Value::Bool(false)) => NO,
                    _ => UNKNOWN,
                }
            }),
        }
    }

    /// The verdicts the agreement can still get.
    fn verdicts(&self, a: AgreementId) -> Vec<Verdict> {
        let base = self.space.base;
        let action = self.space.p.action;
        let rules: Vec<(RuleId, Tris)> = base
            .index
            .candidates(a, self.date, self.space.blank)
            .filter(|&r| base.rules[r].conditions(action) && self.ev.in_force(r))
            .map(|r| {
                let applies = match base.rules[r].selector() {
                    Some(Selector::Where(n)) => self.truth(*n, a),
                    _ => tris(self.ev.selects(r, a)),
                };
                let holds = self.truth(base.rules[r].condition, a);
                (r, combine(applies, holds, |x, y| (!x).or(y)))
            })
            .collect();
        let reserved = |r: RuleId| base.rules[r].reservation.is_some();
        let can_pass = rules.iter().all(|(_, s)| s & (YES | UNKNOWN) != 0);
        let mut out = Vec::new();
        if rules.iter().any(|(_, s)| s & NO != 0) {
            out.push(Verdict::Niet);
        }
        if rules.iter().all(|(_, s)| s & YES != 0) {
            out.push(Verdict::Mag);
        }
        if can_pass && rules.iter().any(|&(r, s)| !reserved(r) && s & UNKNOWN != 0) {
            out.push(Verdict::Onbepaald);
        }
        let others_yes = rules.iter().all(|&(r, s)| reserved(r) || s & YES != 0);
        if can_pass && others_yes && rules.iter().any(|&(r, s)| reserved(r) && s & UNKNOWN != 0) {
            out.push(Verdict::MagOnderVoorbehoud);
        }
        out
    }
}

fn selected(p: &Property, ev: &Evaluator, a: AgreementId) -> Tri {
    match &p.selector {
        Selector::Every => Tri::Yes,
        Selector::Ids(ids) => Tri::from(ids.contains(&a)),
        Selector::Where(n) => ev.tri(*n, a),
    }
}

/// True when some comparison the property depends on compares two facts (or attributes) with
/// each other, so that values do not fall into classes by constants alone.
fn compares_facts(base: &RuleBase, p: &Property) -> bool {
    let reads = |n: NodeId| !matches!(base.nodes[n].node, Node::Const(_));
    let mut nodes = vec![p.then];
    if let Selector::Where(n) = p.selector {
        nodes.push(n);
    }
    for rule in base.rules.iter().filter(|r| r.conditions(p.action)) {
        nodes.push(rule.condition);
        if let Some(Selector::Where(n)) = rule.selector() {
            nodes.push(*n);
        }
    }
    let mut stack = nodes;
    while let Some(n) = stack.pop() {
        match &base.nodes[n].node {
            Node::Cmp(_, a, b) if reads(*a) && reads(*b) => return true,
            Node::Not(k) | Node::In(k, _) => stack.push(*k),
            Node::And(kids) | Node::Or(kids) => stack.extend(kids),
            Node::Cmp(_, a, b) => stack.extend([*a, *b]),
            _ => {}
        }
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

/// The dates to check: the property's own, or every date on which the rule base, an
/// agreement's attributes, or the agreements on the table change; between two of them, with
/// facts held fixed, no verdict can change.
fn dates(base: &RuleBase, world: &World, p: &Property) -> Vec<Date> {
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
    let first = dates.iter().min().copied();
    let attrs = world
        .attrs
        .iter()
        .flatten()
        .flat_map(|t| t.0.iter().filter_map(|e| e.since));
    let table = world
        .agreements
        .iter()
        .flat_map(|a| [a.since, a.until])
        .flatten();
    dates.extend(attrs.chain(table).filter(|d| first.is_some_and(|f| *d > f)));
    if let Some(from) = p.from {
        dates.retain(|d| *d >= from);
        dates.push(from);
    }
    dates.sort();
    dates.dedup();
    dates
}

/// Agreements the selector could take in on some date, whatever the facts.
fn candidates(base: &RuleBase, blank: &World, p: &Property, dates: &[Date]) -> Vec<AgreementId> {
    (0..blank.agreements.len())
        .filter(|&a| match &p.selector {
            Selector::Every => true,
            Selector::Ids(ids) => ids.contains(&a),
            Selector::Where(n) => dates
                .iter()
                .any(|&d| Evaluator::new(base, blank, d).tri(*n, a) != Tri::No),
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

/// One value per class, unknown first (so shrinking leaves facts unknown): every value of a
/// yes/no or choice fact; for a number, amount or date each constant it is compared with and
/// the values just below and above it; for text each constant and one other text.
fn domain(base: &RuleBase, fact: FactId) -> Vec<Option<Value>> {
    let mut values = base.values_worth_trying(fact);
    if base.facts[fact].ty == crate::value::Type::Text {
        values.push(Value::Text("\u{2063}anders".into()));
    }
    std::iter::once(None)
        .chain(values.into_iter().map(Some))
        .collect()
}

fn world_for(blank: &World, slots: &[Slot], choice: &[Option<usize>]) -> World {
    let mut w = blank.clone();
    for (slot, c) in slots.iter().zip(choice) {
        let value = c.and_then(|c| slot.domain.get(c).cloned().flatten());
        if value.is_some() {
            set(&mut w, slot.fact, slot.agreement, value, "eigenschap");
        }
    }
    w
}

fn refuted(
    base: &RuleBase,
    blank: &World,
    slots: &[Slot],
    date: Date,
    choice: &[Option<usize>],
    agreement: AgreementId,
) -> PropertyOutcome {
    let world = world_for(blank, slots, choice);
    PropertyOutcome::Refuted(Counterexample {
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
    crate::answer::value_json(Some(v))
}
