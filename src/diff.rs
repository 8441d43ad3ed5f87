//! "What does this rule change change?": every agreement and action evaluated under two rule
//! sets (or two dates) with the same facts; only the verdicts that differ, each with the rules
//! added, removed or changed that bear on it.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::ast::Action;
use crate::check::Loaded;
use crate::compiled::{Effect, RuleBase};
use crate::eval::{Decision, Evaluator};

/// What changed between the rule sets, by name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleChanges {
    /// Rules only in the new set.
    pub added: Vec<String>,
    /// Rules only in the old set.
    pub removed: Vec<String>,
    /// Rules in both whose text, source, meeting or validity differ.
    pub changed: Vec<String>,
    /// Decisions about sources and rules (lifts, statuses) only in the new set.
    pub events_added: Vec<String>,
    /// Decisions only in the old set.
    pub events_removed: Vec<String>,
}

/// One verdict that differs.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The decision under the old rules.
    pub old: Decision,
    /// The decision under the new rules.
    pub new: Decision,
    /// The changes that bear on it.
    pub causes: Vec<Cause>,
}

/// A change in the rules that bears on a verdict that differs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Cause {
    /// `added`, `removed` or `changed`.
    pub change: Change,
    /// `rule` or `decision` (a lift or status).
    pub item: Item,
    /// The rule's name, or the decision in words.
    pub name: String,
}

/// How something changed between the rule sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// only in the new rules
    Added,
    /// only in the old rules
    Removed,
    /// in both, but different
    Changed,
}

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// a rule
    Rule,
    /// a decision about a source or rule
    Decision,
}

impl Cause {
    /// `+ bron.regel`, `- opgeheven …`, `~ bron.regel`.
    pub fn text(&self) -> String {
        let mark = match self.change {
            Change::Added => "+",
            Change::Removed => "-",
            Change::Changed => "~",
        };
        format!("{mark} {}", self.name)
    }
}

/// The comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// What changed in the rules.
    pub changes: RuleChanges,
    /// The verdicts that differ, in agreement order.
    pub differences: Vec<Difference>,
}

/// Compares `old` on `old_date` with `new` on `new_date`. Both were loaded with the same facts
/// file, so agreements match by id.
pub fn diff(old: &Loaded, old_date: Date, new: &Loaded, new_date: Date) -> Diff {
    let (old_rules, new_rules) = (signatures(&old.base), signatures(&new.base));
    let (old_events, new_events) = (events(&old.base), events(&new.base));
    let changes = RuleChanges {
        added: new_rules
            .keys()
            .filter(|k| !old_rules.contains_key(*k))
            .cloned()
            .collect(),
        removed: old_rules
            .keys()
            .filter(|k| !new_rules.contains_key(*k))
            .cloned()
            .collect(),
        changed: new_rules
            .iter()
            .filter(|(k, v)| old_rules.get(*k).is_some_and(|o| o != *v))
            .map(|(k, _)| k.clone())
            .collect(),
        events_added: new_events
            .iter()
            .filter(|e| !old_events.contains(e))
            .map(|e| e.0.clone())
            .collect(),
        events_removed: old_events
            .iter()
            .filter(|e| !new_events.contains(e))
            .map(|e| e.0.clone())
            .collect(),
    };
    let old_ev = Evaluator::new(&old.base, &old.world, old_date);
    let new_ev = Evaluator::new(&new.base, &new.world, new_date);
    let mut differences = Vec::new();
    for (a, agreement) in new.world.agreements.iter().enumerate() {
        let Some(old_a) = old.world.agreement(&agreement.id) else {
            continue;
        };
        let mut actions: Vec<Action> = old_ev.actions(old_a);
        actions.extend(new_ev.actions(a));
        actions.sort();
        actions.dedup();
        for action in actions {
            let (o, n) = (old_ev.decide(old_a, action), new_ev.decide(a, action));
            if o.verdict != n.verdict {
                let causes = causes(
                    &old.base,
                    &o,
                    &new.base,
                    &n,
                    &changes,
                    &old_events,
                    &new_events,
                );
                differences.push(Difference {
                    old: o,
                    new: n,
                    causes,
                });
            }
        }
    }
    Diff {
        changes,
        differences,
    }
}

/// Each rule's name and everything that gives it its meaning.
fn signatures(base: &RuleBase) -> BTreeMap<String, String> {
    (0..base.rules.len())
        .map(|r| {
            let rule = &base.rules[r];
            let doc = &base.docs[rule.doc];
            let effect = match &rule.effect {
                Effect::Condition {
                    kind,
                    actions,
                    selector_text,
                    ..
                } => {
                    let actions: Vec<&str> = actions.iter().map(|a| a.dutch()).collect();
                    format!("{kind:?} {} {selector_text}", actions.join(","))
                }
                Effect::Signal { text } => format!("signaal {text}"),
            };
            let sig = format!(
                "{} {}|{}|{effect}|{}|{:?}|{:?}|{:?}",
                doc.meeting,
                doc.date,
                rule.quote,
                base.text(rule.condition),
                rule.reservation,
                rule.valid_from,
                rule.valid_to
            );
            (base.rule_name(r), sig)
        })
        .collect()
}

/// Each decision about a source or rule, in words, with the name it touches.
fn events(base: &RuleBase) -> Vec<(String, String)> {
    (0..base.events.len())
        .map(|i| (base.event_text(i), base.target_name(base.events[i].target)))
        .collect()
}

fn involved(base: &RuleBase, d: &Decision) -> Vec<String> {
    d.findings
        .iter()
        .map(|f| f.rule)
        .chain(d.ended.iter().map(|e| e.rule))
        .map(|r| base.rule_name(r))
        .collect()
}

fn causes(
    old_base: &RuleBase,
    old: &Decision,
    new_base: &RuleBase,
    new: &Decision,
    changes: &RuleChanges,
    old_events: &[(String, String)],
    new_events: &[(String, String)],
) -> Vec<Cause> {
    let mut names = involved(old_base, old);
    names.extend(involved(new_base, new));
    let touches = |target: &str| {
        names
            .iter()
            .any(|n| n == target || n.split('.').next() == Some(target))
    };
    let mut out: Vec<Cause> = Vec::new();
    for (change, list) in [
        (Change::Added, &changes.added),
        (Change::Removed, &changes.removed),
        (Change::Changed, &changes.changed),
    ] {
        out.extend(list.iter().filter(|n| names.contains(n)).map(|n| Cause {
            change,
            item: Item::Rule,
            name: n.clone(),
        }));
    }
    for (change, list, all) in [
        (Change::Added, &changes.events_added, new_events),
        (Change::Removed, &changes.events_removed, old_events),
    ] {
        for (text, target) in all.iter().filter(|(t, _)| list.contains(t)) {
            if touches(target) {
                out.push(Cause {
                    change,
                    item: Item::Decision,
                    name: text.clone(),
                });
            }
        }
    }
    out.dedup();
    out
}
