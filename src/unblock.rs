//! "What has to happen before we may sign?": every minimal set of fact changes (setting an
//! unknown fact, or changing a known one) that makes the verdict *mag*.
//!
//! The search follows the structure of the conditions: for each rule in the way it finds the
//! smallest changes that make the rule hold (for *and* every part must hold, for *or* one part
//! is enough), then visits the combinations of the rules' ways best first. Every combination
//! is applied and evaluated in full: a plan is listed only when the verdict really becomes
//! *mag* and no change in it can be left out. The search says when a bound or budget cut it.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashSet};

use jiff::civil::Date;

use crate::ast::Action;
use crate::compiled::{AgreementId, FactId, Node, NodeId, RuleBase, RuleId, Selector};
use crate::eval::{Changes, Decision, Evaluator, Verdict};
use crate::facts::World;
use crate::value::{Tri, Value};

/// A fact slot: the fact, and the agreement for a per-agreement fact (0 otherwise).
pub type Slot = (FactId, usize);

/// One change in a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The slot.
    pub slot: Slot,
    /// How reports name it: `x` or `x(ggz)`.
    pub name: String,
    /// Its value now; `None` when unknown.
    pub from: Option<Value>,
    /// The value it needs.
    pub to: Value,
    /// The fact's question.
    pub question: String,
    /// The rules this change helps satisfy.
    pub satisfies: Vec<RuleId>,
}

/// What unblocking an agreement takes.
#[derive(Clone, Debug, PartialEq)]
pub struct Unblock {
    /// The decision as things stand.
    pub decision: Decision,
    /// The first plans found, smallest first (at most [`Limits::keep`]).
    pub plans: Vec<Vec<Change>>,
    /// How many plans the search found, kept or not.
    pub found: usize,
    /// True when every combination of the rules' ways was examined: `found` is then the exact
    /// number of plans.
    pub complete: bool,
    /// An upper bound on the number of plans: the number of combinations of the rules' ways
    /// (saturating).
    pub at_most: u64,
    /// True when a search inside one rule's condition was cut by its bound (`--grens`), so some
    /// ways of that rule may be missing.
    pub truncated: bool,
    /// Why the search stopped before examining every combination, if it did.
    pub stopped: Option<Stopped>,
}

/// Why the search for plans stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// It found the plans asked for.
    Enough,
    /// It examined as many combinations as the budget allows.
    Budget,
}

/// How much to look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Keep (and describe) the first this many plans; the others are only counted.
    pub keep: usize,
    /// Stop after finding this many plans; `None`: count them all (within the budget).
    pub stop_after: Option<usize>,
    /// Examine at most this many combinations of the rules' ways.
    pub budget: u64,
    /// Keep at most this many partial sets while combining the parts of one condition.
    pub bound: usize,
}

impl Limits {
    /// How many plans are kept and described by default.
    pub const KEEP: usize = 10;
    /// How many combinations of ways the search examines by default.
    pub const BUDGET: u64 = 20_000;
    /// How many partial sets one condition's search keeps by default.
    pub const BOUND: usize = 10_000;

    /// The first `n` plans only: the search stops when it has them.
    pub fn first(n: usize) -> Self {
        Limits {
            keep: n,
            stop_after: Some(n),
            ..Limits::default()
        }
    }

    /// Every plan, kept and counted, within the default budget.
    pub fn all() -> Self {
        Limits {
            keep: usize::MAX,
            ..Limits::default()
        }
    }
}

impl Default for Limits {
    /// The first ten plans kept, all counted within a budget of 20 000 combinations.
    fn default() -> Self {
        Limits {
            keep: Limits::KEEP,
            stop_after: None,
            budget: Limits::BUDGET,
            bound: Limits::BOUND,
        }
    }
}

/// Finds the plans that make the verdict *mag*: sets of fact changes of which no change can be
/// left out, smallest first. `fixed` slots may not change.
///
/// For every rule that stands in the way the search finds its *ways*: the smallest sets of
/// changes that make the rule hold (or rule the agreement out of its selector). A plan takes
/// one way per rule. The combinations are visited best first (fewest changes asked for
/// first), so the first plans come at once however many combinations there are; each
/// combination costs the same whatever came before it: merge the ways, evaluate the verdict,
/// and leave out what is not needed (greedily, one change at a time). The search stops when it
/// has the plans asked for or has examined the budget's combinations, and says which.
pub fn unblock(
    base: &RuleBase,
    world: &World,
    date: Date,
    agreement: AgreementId,
    action: Action,
    fixed: &[Slot],
    limits: Limits,
) -> Unblock {
    let ev = Evaluator::new(base, world, date);
    let decision = ev.decide(agreement, action);
    let mut search = Search {
        base,
        world,
        date,
        agreement,
        fixed,
        bound: limits.bound,
        truncated: false,
    };
    let mut result = Unblock {
        decision,
        plans: Vec::new(),
        found: 0,
        complete: true,
        at_most: 0,
        truncated: false,
        stopped: None,
    };
    if result.decision.verdict == Verdict::Mag {
        return result;
    }
    // The rules in the way, each with its ways (smallest first).
    let mut blocking: Vec<RuleId> = result
        .decision
        .findings
        .iter()
        .filter(|f| f.value != Tri::Yes)
        .map(|f| f.rule)
        .collect();
    blocking.sort_unstable();
    let mut ways: Vec<Vec<Set>> = Vec::new();
    for &r in &blocking {
        let rule = &base.rules[r];
        let mut options = search.fixes(rule.condition, Tri::Yes);
        if let Some(Selector::Where(sel)) = rule.selector() {
            options.extend(search.fixes(*sel, Tri::No));
        }
        ways.push(minimal(options));
    }
    result.truncated = search.truncated;
    let ways = distinct_requirements(ways);
    result.at_most = ways
        .iter()
        .fold(1u64, |n, w| n.saturating_mul(w.len() as u64));
    if ways.iter().any(Vec::is_empty) {
        result.at_most = 0;
        return result;
    }
    let gives_mag = |set: &Set| {
        let changes = as_changes(set);
        Evaluator::with_changes(base, world, date, &changes).verdict(agreement, action)
            == Verdict::Mag
    };
    let mut seen: HashSet<Set> = HashSet::new();
    let mut kept: Vec<Set> = Vec::new();
    let mut examined = 0u64;
    let mut combinations = BestFirst::new(&ways);
    while let Some(pick) = combinations.next() {
        if examined == limits.budget {
            result.stopped = Some(Stopped::Budget);
            result.complete = false;
            break;
        }
        examined += 1;
        let Some(set) = pick
            .iter()
            .enumerate()
            .try_fold(Set::new(), |acc, (r, &w)| merge(&acc, &ways[r][w as usize]))
        else {
            continue;
        };
        if !gives_mag(&set) {
            continue;
        }
        // Where rules share facts, one rule's way may already do another's work: leave out
        // what is not needed.
        let set = reduce(set, &gives_mag);
        if !seen.insert(set.clone()) {
            continue;
        }
        result.found += 1;
        if kept.len() < limits.keep {
            kept.push(set);
        }
        if limits.stop_after.is_some_and(|n| result.found >= n) {
            result.complete = combinations.exhausted();
            if !result.complete {
                result.stopped = Some(Stopped::Enough);
            }
            break;
        }
    }
    kept.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    result.plans = kept
        .iter()
        .map(|set| describe(base, world, date, &result.decision, &blocking, set))
        .collect();
    result
}

/// The rules' ways as requirements to combine: rules with the same ways are one requirement
/// (many rules often ask for the same facts), and a requirement that the forced changes (the
/// ways of rules with only one) already meet is met. Smallest requirements first.
fn distinct_requirements(mut ways: Vec<Vec<Set>>) -> Vec<Vec<Set>> {
    ways.sort();
    ways.dedup();
    let forced: Option<Set> = ways
        .iter()
        .filter(|w| w.len() == 1)
        .try_fold(Set::new(), |acc, w| merge(&acc, &w[0]));
    if let Some(forced) = forced {
        let met = |way: &Set| way.iter().all(|(slot, v)| forced.get(slot) == Some(v));
        ways.retain(|w| w.len() == 1 || !w.iter().any(met));
    }
    ways.sort_by_key(Vec::len);
    ways
}

/// A part of a plan that gives *mag* and of which no change can be left out: each change is
/// left out in turn while the rest still gives *mag*; a plan of up to six changes is then
/// replaced by its smallest part that gives *mag*, so that no part of it does.
fn reduce(mut set: Set, gives_mag: &dyn Fn(&Set) -> bool) -> Set {
    let slots: Vec<Slot> = set.keys().copied().collect();
    for slot in slots {
        if let Some(value) = set.remove(&slot)
            && !gives_mag(&set)
        {
            set.insert(slot, value);
        }
    }
    if set.len() <= 6 {
        let items: Vec<(Slot, Value)> = set.iter().map(|(s, v)| (*s, v.clone())).collect();
        let mut masks: Vec<u32> = (1u32..(1 << items.len()) - 1).collect();
        masks.sort_by_key(|m| (m.count_ones(), *m));
        for mask in masks {
            let part: Set = items
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, c)| c.clone())
                .collect();
            if gives_mag(&part) {
                return part;
            }
        }
    }
    set
}

/// The combinations of one way per rule, fewest changes asked for first: a heap over index
/// vectors where each vector is reached once (a successor only advances a position at or
/// after the one its parent advanced).
struct BestFirst {
    sizes: Vec<Vec<usize>>,
    heap: BinaryHeap<Reverse<(usize, Vec<u32>, usize)>>,
}

impl BestFirst {
    fn new(ways: &[Vec<Set>]) -> Self {
        let sizes: Vec<Vec<usize>> = ways
            .iter()
            .map(|w| w.iter().map(BTreeMap::len).collect())
            .collect();
        let start = vec![0u32; ways.len()];
        let cost = sizes.iter().map(|s| s[0]).sum();
        let mut heap = BinaryHeap::new();
        heap.push(Reverse((cost, start, 0)));
        BestFirst { sizes, heap }
    }

    fn exhausted(&self) -> bool {
        self.heap.is_empty()
    }
}

impl Iterator for BestFirst {
    type Item = Vec<u32>;

    fn next(&mut self) -> Option<Vec<u32>> {
        let Reverse((cost, pick, from)) = self.heap.pop()?;
        for p in from..pick.len() {
            let i = pick[p] as usize;
            if let Some(&bigger) = self.sizes[p].get(i + 1) {
                let mut next = pick.clone();
                next[p] += 1;
                let cost = cost - self.sizes[p][i] + bigger;
                self.heap.push(Reverse((cost, next, p)));
            }
        }
        Some(pick)
    }
}

/// A partial plan: slot → new value.
type Set = BTreeMap<Slot, Value>;

struct Search<'a> {
    base: &'a RuleBase,
    world: &'a World,
    date: Date,
    agreement: AgreementId,
    fixed: &'a [Slot],
    bound: usize,
    truncated: bool,
}

impl Search<'_> {
    fn tri(&self, node: NodeId, set: &Set) -> Tri {
        let changes = as_changes(set);
        Evaluator::with_changes(self.base, self.world, self.date, &changes)
            .tri(node, self.agreement)
    }

    /// Minimal sets of changes that give `node` the value `want`.
    fn fixes(&mut self, node: NodeId, want: Tri) -> Vec<Set> {
        if self.tri(node, &Set::new()) == want {
            return vec![Set::new()];
        }
        let every_part = matches!(
            (&self.base.nodes[node].node, want),
            (Node::And(_), Tri::Yes) | (Node::Or(_), Tri::No)
        );
        match &self.base.nodes[node].node {
            Node::Not(k) => self.fixes(*k, !want),
            Node::And(kids) | Node::Or(kids) if every_part => {
                let options = kids
                    .clone()
                    .into_iter()
                    .map(|k| self.fixes(k, want))
                    .collect();
                self.product(options)
            }
            Node::And(kids) | Node::Or(kids) => minimal(
                kids.clone()
                    .into_iter()
                    .flat_map(|k| self.fixes(k, want))
                    .collect(),
            ),
            _ => self.atom_fixes(node, want),
        }
    }

    /// Changes to one slot of an atom that give it the value `want`; pairs when no single
    /// change does.
    fn atom_fixes(&self, node: NodeId, want: Tri) -> Vec<Set> {
        let mut slots = Vec::new();
        slots_of(self.base, node, self.agreement, &mut slots);
        slots.retain(|s| !self.fixed.contains(s));
        slots.sort();
        slots.dedup();
        let mut found: Vec<Set> = Vec::new();
        for &slot in &slots {
            for value in self.base.values_worth_trying(slot.0) {
                let set = Set::from([(slot, value)]);
                if self.tri(node, &set) == want {
                    found.push(set);
                }
            }
        }
        if found.is_empty() {
            for (i, &a) in slots.iter().enumerate() {
                for &b in &slots[i + 1..] {
                    for va in self.base.values_worth_trying(a.0) {
                        for vb in self.base.values_worth_trying(b.0) {
                            let set = Set::from([(a, va.clone()), (b, vb)]);
                            if self.tri(node, &set) == want {
                                found.push(set);
                            }
                        }
                    }
                }
            }
        }
        minimal(found)
    }

    /// Every consistent union of one set from each list, minimal, within the bound.
    fn product(&mut self, options: Vec<Vec<Set>>) -> Vec<Set> {
        let mut acc = vec![Set::new()];
        for list in options {
            let mut next = Vec::new();
            for a in &acc {
                for b in &list {
                    if let Some(merged) = merge(a, b) {
                        next.push(merged);
                    }
                }
            }
            acc = minimal(next);
            if acc.len() > self.bound {
                acc.truncate(self.bound);
                self.truncated = true;
            }
        }
        acc
    }
}

fn merge(a: &Set, b: &Set) -> Option<Set> {
    let mut out = a.clone();
    for (slot, v) in b {
        match out.get(slot) {
            Some(existing) if existing != v => return None,
            _ => {
                out.insert(*slot, v.clone());
            }
        }
    }
    Some(out)
}

/// Sets that contain no other set, smallest first; each set once.
fn minimal(mut sets: Vec<Set>) -> Vec<Set> {
    sets.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    sets.dedup();
    let mut kept: Vec<Set> = Vec::new();
    for s in sets {
        if !kept
            .iter()
            .any(|k| k.iter().all(|(slot, v)| s.get(slot) == Some(v)))
        {
            kept.push(s);
        }
    }
    kept
}

fn as_changes(set: &Set) -> Changes {
    set.iter()
        .map(|(slot, v)| (*slot, Some(v.clone())))
        .collect()
}

/// The fact slots a node reads for the agreement at hand.
fn slots_of(base: &RuleBase, node: NodeId, agreement: AgreementId, out: &mut Vec<Slot>) {
    let slot = |f: FactId, a: AgreementId| (f, if base.facts[f].per_agreement { a } else { 0 });
    match &base.nodes[node].node {
        Node::Fact(f) => out.push(slot(*f, agreement)),
        Node::FactOf(f, who) => out.push(slot(*f, who.resolve(agreement))),
        Node::Const(_) | Node::Attr(_) => {}
        Node::Not(k) | Node::In(k, _) => slots_of(base, *k, agreement, out),
        Node::Cmp(_, a, b) => {
            slots_of(base, *a, agreement, out);
            slots_of(base, *b, agreement, out);
        }
        Node::And(kids) | Node::Or(kids) => {
            kids.iter().for_each(|&k| slots_of(base, k, agreement, out))
        }
    }
}

fn describe(
    base: &RuleBase,
    world: &World,
    date: Date,
    before: &Decision,
    rules: &[RuleId],
    set: &Set,
) -> Vec<Change> {
    let changes = as_changes(set);
    let after = Evaluator::with_changes(base, world, date, &changes)
        .decide(before.agreement, before.action);
    let value_of = |d: &Decision, r: RuleId| {
        d.findings
            .iter()
            .find(|f| f.rule == r)
            .map_or(Tri::Yes, |f| f.value)
    };
    let helped: Vec<RuleId> = rules
        .iter()
        .copied()
        .filter(|&r| value_of(before, r) != Tri::Yes && value_of(&after, r) == Tri::Yes)
        .collect();
    set.iter()
        .map(|(&slot, to)| {
            let (fact, a) = slot;
            let decl = &base.facts[fact];
            let name = if decl.per_agreement {
                format!("{}({})", decl.name, world.agreement_id(a))
            } else {
                decl.name.clone()
            };
            let satisfies = helped
                .iter()
                .copied()
                .filter(|&r| {
                    let mut read = Vec::new();
                    slots_of(base, base.rules[r].condition, before.agreement, &mut read);
                    if let Some(Selector::Where(sel)) = base.rules[r].selector() {
                        slots_of(base, *sel, before.agreement, &mut read);
                    }
                    read.contains(&slot)
                })
                .collect();
            let from = world.fact(fact, a).at(date).cloned();
            Change {
                slot,
                name,
                from,
                to: to.clone(),
                question: decl.question.clone(),
                satisfies,
            }
        })
        .collect()
}

/// Reads `--vast` arguments: `fact` fixes every slot of the fact, `fact(id)` one slot.
pub fn fixed_slots(base: &RuleBase, world: &World, names: &[String]) -> Result<Vec<Slot>, String> {
    use crate::tr;
    let mut slots = Vec::new();
    for name in names {
        let (fact_name, agreement) = match name.split_once('(') {
            Some((f, rest)) => (f, Some(rest.trim_end_matches(')'))),
            None => (name.as_str(), None),
        };
        let Some(f) = base.fact_id(fact_name) else {
            let hint =
                crate::suggest::did_you_mean(fact_name, base.facts.iter().map(|d| d.name.as_str()))
                    .unwrap_or_else(|| {
                        tr!("zie de gedeclareerde feiten", "see the declared facts")
                    });
            return Err(tr!(
                "`--vast {name}`: onbekend feit `{fact_name}`; {hint}",
                "`--vast {name}`: unknown fact `{fact_name}`; {hint}"
            ));
        };
        let per = base.facts[f].per_agreement;
        match (agreement, per) {
            (None, false) => slots.push((f, 0)),
            (None, true) => slots.extend((0..world.agreements.len()).map(|a| (f, a))),
            (Some(id), true) => match world.agreement(id) {
                Some(a) => slots.push((f, a)),
                None => {
                    return Err(tr!(
                        "`--vast {name}`: onbekend akkoord `{id}`",
                        "`--vast {name}`: unknown agreement `{id}`"
                    ));
                }
            },
            (Some(_), false) => {
                return Err(tr!(
                    "`--vast {name}`: `{fact_name}` heeft één waarde, niet een per akkoord",
                    "`--vast {name}`: `{fact_name}` has one value, not one per agreement"
                ));
            }
        }
    }
    Ok(slots)
}
