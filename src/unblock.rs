//! "What has to happen before we may sign?": every minimal set of fact changes (setting an
//! unknown fact, or changing a known one) that makes the verdict *mag*.
//!
//! The search follows the structure of the conditions: for each rule in force it finds the
//! smallest changes that make the rule hold (for *and* every part must hold, for *or* one part
//! is enough), combines the rules' options, and keeps only sets that contain no other. Every
//! set is then applied and evaluated in full: a set is listed only when the verdict really
//! becomes *mag*. The number of partial sets kept is bounded; when the bound cuts the search,
//! the result says so.

use std::collections::BTreeMap;

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
    /// Minimal plans, smallest first.
    pub plans: Vec<Vec<Change>>,
    /// True when the bound on partial sets cut the search: there may be more plans.
    pub truncated: bool,
}

/// Finds every minimal plan that makes the verdict *mag*. `fixed` slots may not change;
/// `bound` caps the partial sets kept while combining rules.
pub fn unblock(
    base: &RuleBase,
    world: &World,
    date: Date,
    agreement: AgreementId,
    action: Action,
    fixed: &[Slot],
    bound: usize,
) -> Unblock {
    let ev = Evaluator::new(base, world, date);
    let decision = ev.decide(agreement, action);
    let mut search = Search {
        base,
        world,
        date,
        agreement,
        fixed,
        bound,
        truncated: false,
    };
    if decision.verdict == Verdict::Mag {
        return Unblock {
            decision,
            plans: Vec::new(),
            truncated: false,
        };
    }
    let mut rules: Vec<RuleId> = base
        .index
        .candidates(agreement, date, world)
        .filter(|&r| base.rules[r].conditions(action) && ev.in_force(r))
        .collect();
    rules.sort_unstable();
    let mut options = Vec::new();
    for &r in &rules {
        let rule = &base.rules[r];
        let mut ways = search.fixes(rule.condition, Tri::Yes);
        if let Some(Selector::Where(sel)) = rule.selector() {
            ways.extend(search.fixes(*sel, Tri::No));
        }
        options.push(minimal(ways));
    }
    let candidates = search.product(options);
    let verified: Vec<Set> = candidates
        .into_iter()
        .filter(|set| {
            let changes = as_changes(set);
            Evaluator::with_changes(base, world, date, &changes).verdict(agreement, action)
                == Verdict::Mag
        })
        .collect();
    let gives_mag = |set: &Set| {
        let changes = as_changes(set);
        Evaluator::with_changes(base, world, date, &changes).verdict(agreement, action)
            == Verdict::Mag
    };
    // The structural search may combine more than needed where rules share facts; replace
    // each plan by its smallest subsets that still give mag, so that no plan has a subset
    // that would do.
    let shrunk: Vec<Set> = minimal(verified)
        .iter()
        .flat_map(|set| smallest_subsets(set, &gives_mag))
        .collect();
    let plans = minimal(shrunk)
        .into_iter()
        .map(|set| describe(base, world, date, &decision, &rules, &set))
        .collect();
    Unblock {
        decision,
        plans,
        truncated: search.truncated,
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

/// The minimal subsets of `set` that still pass `ok`: every subset when the set is small,
/// otherwise by removing one change at a time while it still passes.
fn smallest_subsets(set: &Set, ok: &dyn Fn(&Set) -> bool) -> Vec<Set> {
    let items: Vec<(Slot, Value)> = set.iter().map(|(s, v)| (*s, v.clone())).collect();
    if items.len() <= 10 {
        let subsets = (1u32..(1 << items.len())).map(|mask| {
            items
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, c)| c.clone())
                .collect::<Set>()
        });
        return minimal(subsets.filter(|s| ok(s)).collect());
    }
    let mut current = set.clone();
    for (slot, _) in &items {
        let mut smaller = current.clone();
        smaller.remove(slot);
        if ok(&smaller) {
            current = smaller;
        }
    }
    vec![current]
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
