//! Which facts to ask about for `akkoord vragen`, most decisive first. A fact matters when it
//! lies on a way to *mag* ([`crate::unblock`]: a minimal set of changes that gives *mag*), or
//! when it is unknown and could change an undetermined verdict. The facts on the shortest ways
//! come first; among those, the ones on more ways, then the unknown before the known.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::ast::Action;
use crate::compiled::{AgreementId, FactId, RuleBase};
use crate::eval::{Evaluator, FactUse, Verdict};
use crate::facts::World;
use crate::unblock::{self, Slot};
use crate::value::Value;

/// How far the search for ways goes to order the questions: the first hundred ways, within a
/// budget of 2 000 combinations, 2 000 partial sets per condition (as answers).
const LIMITS: unblock::Limits = unblock::Limits {
    keep: 100,
    stop_after: Some(100),
    budget: 2_000,
    bound: 2_000,
};

/// A fact to ask about.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The fact.
    pub fact: FactId,
    /// The agreement, for a per-agreement fact.
    pub agreement: Option<AgreementId>,
    /// `x` or `x(ggz)`.
    pub name: String,
    /// The agreements and actions whose verdict it bears on, in order.
    pub about: Vec<(AgreementId, Action)>,
    /// The number of changes in the smallest way to *mag* it is part of; `None` when it is on
    /// no way to *mag* but could still change a verdict.
    pub shortest: Option<usize>,
    /// The value that way needs.
    pub needed: Option<Value>,
    /// The agreement and action that way gives *mag*.
    pub needed_for: Option<(AgreementId, Action)>,
    /// On how many ways it lies.
    ways: usize,
}

/// The facts to ask about for `agreements` (those on the table on `date`), most decisive
/// first, leaving out the slots in `skip` (already asked) and facts with a value dated `date`
/// itself (a second value for that day would be refused).
pub fn questions(
    base: &RuleBase,
    world: &World,
    date: Date,
    agreements: &[AgreementId],
    skip: &[Slot],
) -> Vec<Question> {
    let mut found: BTreeMap<Slot, Question> = BTreeMap::new();
    let ev = Evaluator::new(base, world, date);
    for &a in agreements.iter().filter(|&&a| world.on_table(a, date)) {
        for h in ev.actions(a) {
            let d = ev.decide(a, h);
            if d.verdict != Verdict::Mag {
                ways_to_mag(&mut found, base, world, date, (a, h));
                for f in d.open.iter().filter(|f| !f.attribute) {
                    if let Some(slot) = slot_of(base, world, f) {
                        add_about(entry(&mut found, base, world, slot, &f.name), (a, h));
                    }
                }
            }
        }
    }
    // A fact with a value dated `date` itself cannot get a second one that day.
    let open = |slot: &Slot| {
        world
            .fact(slot.0, slot.1)
            .entry_at(date)
            .is_none_or(|e| e.since != Some(date))
    };
    let mut list: Vec<Question> = found
        .into_iter()
        .filter(|(slot, _)| !skip.contains(slot) && open(slot))
        .map(|(_, q)| q)
        .collect();
    let known = |q: &Question| {
        world
            .fact(q.fact, q.agreement.unwrap_or(0))
            .at(date)
            .is_some()
    };
    list.sort_by_key(|q| {
        (
            q.shortest.unwrap_or(usize::MAX),
            Reverse(q.ways),
            known(q),
            q.fact,
            q.agreement,
        )
    });
    list
}

/// Adds the facts on the ways to *mag* for one agreement and action, keeping for each the
/// smallest way it is on.
fn ways_to_mag(
    found: &mut BTreeMap<Slot, Question>,
    base: &RuleBase,
    world: &World,
    date: Date,
    (a, h): (AgreementId, Action),
) {
    let u = unblock::unblock(base, world, date, a, h, &[], LIMITS);
    for plan in &u.plans {
        for c in plan {
            let q = entry(found, base, world, c.slot, &c.name);
            q.ways += 1;
            if q.shortest.is_none_or(|s| plan.len() < s) {
                q.shortest = Some(plan.len());
                q.needed = Some(c.to.clone());
                q.needed_for = Some((a, h));
            }
            add_about(q, (a, h));
        }
    }
}

impl Question {
    /// The slot: the fact, and the agreement for a per-agreement fact (0 otherwise).
    pub fn slot(&self) -> Slot {
        (self.fact, self.agreement.unwrap_or(0))
    }
}

fn entry<'q>(
    found: &'q mut BTreeMap<Slot, Question>,
    base: &RuleBase,
    world: &World,
    slot: Slot,
    name: &str,
) -> &'q mut Question {
    found.entry(slot).or_insert_with(|| Question {
        fact: slot.0,
        agreement: (base.facts[slot.0].per_agreement && slot.1 < world.agreements.len())
            .then_some(slot.1),
        name: name.to_string(),
        about: Vec::new(),
        shortest: None,
        needed: None,
        needed_for: None,
        ways: 0,
    })
}

fn add_about(q: &mut Question, pair: (AgreementId, Action)) {
    if !q.about.contains(&pair) {
        q.about.push(pair);
    }
}

/// The slot a fact use names: `x` or `x(ggz)`.
fn slot_of(base: &RuleBase, world: &World, f: &FactUse) -> Option<Slot> {
    let (fact, agreement) = match f.name.split_once('(') {
        Some((fact, rest)) => (fact, Some(rest.trim_end_matches(')'))),
        None => (f.name.as_str(), None),
    };
    let fact = base.fact_id(fact)?;
    match agreement {
        Some(id) => Some((fact, world.agreement(id)?)),
        None => Some((fact, 0)),
    }
}
