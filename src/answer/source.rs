//! What one source decided and what became of it by a day (the web page's `/bron/{id}`): each
//! of its rules, binding or not and why, with the agreements it speaks of; and what its
//! meeting decided about earlier sources.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::ast::{Action, RuleKind};
use crate::compiled::{DocId, Effect, RuleBase, RuleId};
use crate::facts::World;
use crate::tr;
use crate::value::Tri;

use super::plain::{event_meaning, long_date};
use super::{AgreementRef, Cx, Inactive, RuleRef, SourceRef};

/// One source on one day: its rules and its decisions.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct SourceAnswer {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The source, with what later meetings decided about it.
    pub source: SourceRef,
    /// Its rules, in the order written.
    pub rules: Vec<SourceRule>,
    /// What its meeting decided about sources and rules (lifted, settled, held, …).
    pub decisions: Vec<DecisionInfo>,
}

/// A rule of the source and what became of it.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct SourceRule {
    /// The rule.
    pub rule: RuleRef,
    /// `vereis`, `verbied` or `signaal` (the same in every language).
    pub kind: String,
    /// The actions it conditions; none for a signal.
    pub actions: Vec<Action>,
    /// The selector as written; empty for a signal.
    pub selector: String,
    /// The condition as written.
    pub condition: String,
    /// For a signal: what falls due.
    pub signal: Option<String>,
    /// `onder voorbehoud "…"`: may still be met after the action.
    pub reservation: Option<String>,
    /// Whether it binds on the day.
    pub in_force: bool,
    /// Whether it binds, in words: since when, or why not.
    pub state_text: String,
    /// When it no longer binds (or never did): why.
    pub not_in_force: Option<Inactive>,
    /// The agreements on the table it speaks of on the day (by id, or by attributes that hold
    /// or are unknown).
    pub agreements: Vec<AgreementRef>,
}

/// A decision the source's meeting took about a source or rule.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct DecisionInfo {
    /// What it is about: `source` or `source.rule`.
    pub target: String,
    /// The decision's keyword: `hef op`, `afgehandeld`, `aangehouden`, … (the same in every
    /// language).
    pub kind: String,
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// What it means for the board, in words.
    pub text: String,
    /// The decision's sentence, when quoted.
    pub quote: Option<String>,
}

/// The answer for one source on `date`.
pub fn source(base: &RuleBase, world: &World, date: Date, doc: DocId) -> SourceAnswer {
    let cx = Cx::new(base, world, date);
    let rules = (0..base.rules.len())
        .filter(|&r| base.rules[r].doc == doc)
        .map(|r| source_rule(&cx, r))
        .collect();
    let decisions = base
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.by == doc)
        .map(|(i, e)| DecisionInfo {
            target: base.target_name(e.target),
            kind: e.kind.dutch().to_string(),
            date: e.date.to_string(),
            text: event_meaning(base, i),
            quote: e.quote.as_ref().map(|(q, _)| q.clone()),
        })
        .collect();
    SourceAnswer {
        date: date.to_string(),
        source: cx.source(doc),
        rules,
        decisions,
    }
}

fn source_rule(cx: &Cx, r: RuleId) -> SourceRule {
    let rule = &cx.base.rules[r];
    let (kind, selector, signal) = match &rule.effect {
        Effect::Condition {
            kind,
            selector_text,
            ..
        } => {
            let kind = match kind {
                RuleKind::Require => "vereis",
                RuleKind::Forbid => "verbied",
            };
            (kind, selector_text.clone(), None)
        }
        Effect::Signal { text } => ("signaal", String::new(), Some(text.clone())),
    };
    let in_force = cx.ev.in_force(r);
    let not_in_force = cx.ev.ended_by(r).map(|why| cx.inactive(r, why));
    let state_text = match &not_in_force {
        Some(i) => i.text.clone(),
        None => binds(rule.life.start.map(|(d, _)| d), in_force),
    };
    SourceRule {
        rule: cx.rule(r),
        kind: kind.to_string(),
        actions: rule.actions().to_vec(),
        selector,
        condition: cx.base.text(rule.condition),
        signal,
        reservation: rule.reservation.clone(),
        in_force,
        state_text,
        not_in_force,
        agreements: speaks_of(cx, r),
    }
}

/// Since when a rule binds, or from when it will, in words.
fn binds(start: Option<Date>, in_force: bool) -> String {
    match start {
        Some(start) if in_force => tr!("bindt sinds {}", "binds since {}", long_date(start)),
        Some(start) => tr!("bindt vanaf {}", "binds from {}", long_date(start)),
        None => tr!("bindt niet", "does not bind"),
    }
}

/// The agreements on the table the rule speaks of on the day.
fn speaks_of(cx: &Cx, r: RuleId) -> Vec<AgreementRef> {
    (0..cx.world.agreements.len())
        .filter(|&a| cx.ev.on_table(a))
        .filter(|&a| cx.ev.selects(r, a) != Tri::No)
        .map(|a| cx.agreement(a))
        .collect()
}

/// Every source as it stands on `date`, in the order of their meetings.
pub fn sources(base: &RuleBase, world: &World, date: Date) -> Vec<SourceRef> {
    let cx = Cx::new(base, world, date);
    let mut sources: Vec<SourceRef> = (0..base.docs.len()).map(|d| cx.source(d)).collect();
    sources.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    sources
}

/// The ids of the sources, in the order of their meetings, for lists and hints.
pub fn source_ids(base: &RuleBase) -> Vec<String> {
    let mut docs: Vec<&crate::compiled::Doc> = base.docs.iter().collect();
    docs.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    docs.into_iter().map(|d| d.id.clone()).collect()
}
