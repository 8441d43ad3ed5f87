//! JSON for tools. Keys are English; verdicts and values as the text reports print them.

use serde_json::{Value as Json, json};

use crate::compiled::{Effect, RuleBase};
use crate::eval::{Audited, Decision, EndReason, FactUse, Finding, Period, SignalState};
use crate::facts::World;
use crate::value::Value;

use super::kind_word;
use super::text::happening_text;

/// All decisions of a `check` and the signals in force, as one JSON document.
pub fn check_json(
    base: &RuleBase,
    world: &World,
    decisions: &[Decision],
    signals: &[SignalState],
) -> String {
    let date = decisions.first().map(|d| d.date.to_string());
    let doc = json!({
        "date": date,
        "decisions": decisions.iter().map(|d| decision(base, world, d)).collect::<Vec<_>>(),
        "signals": signals.iter().map(|s| signal(base, s)).collect::<Vec<_>>(),
    });
    pretty(&doc)
}

/// Decisions with every finding, as `explain --format json` prints them.
pub fn explain_json(base: &RuleBase, world: &World, decisions: &[Decision]) -> String {
    pretty(&json!(
        decisions
            .iter()
            .map(|d| decision(base, world, d))
            .collect::<Vec<_>>()
    ))
}

/// A timeline's periods.
pub fn timeline_json(base: &RuleBase, world: &World, periods: &[Period]) -> String {
    let periods: Vec<Json> = periods
        .iter()
        .map(|p| {
            json!({
                "from": p.from.map(|d| d.to_string()),
                "until": p.until.map(|d| d.to_string()),
                "verdict": p.decision.verdict.word(),
                "opened_by": p.opened_by.iter().map(|h| happening_text(base, h)).collect::<Vec<_>>(),
                "decision": decision(base, world, &p.decision),
            })
        })
        .collect();
    pretty(&json!(periods))
}

/// The audit of recorded actions.
pub fn audit_json(base: &RuleBase, world: &World, audited: &[Audited]) -> String {
    let items: Vec<Json> = audited
        .iter()
        .map(|a| {
            json!({
                "agreement": world.agreement_id(a.record.agreement),
                "action": a.record.action.dutch(),
                "date": a.record.date.to_string(),
                "by": a.record.by,
                "reservations": a.record.under.iter().map(|&r| base.rule_name(r)).collect::<Vec<_>>(),
                "source": a.record.source,
                "allowed": a.allowed,
                "decision": decision(base, world, &a.decision),
            })
        })
        .collect();
    pretty(&json!(items))
}

fn pretty(doc: &Json) -> String {
    serde_json::to_string_pretty(doc).unwrap_or_default() + "\n"
}

fn decision(base: &RuleBase, world: &World, d: &Decision) -> Json {
    let agreement = &world.agreements[d.agreement];
    json!({
        "agreement": agreement.id,
        "name": agreement.name,
        "action": d.action.dutch(),
        "date": d.date.to_string(),
        "verdict": d.verdict.word(),
        "rules": d.findings.iter().map(|f| finding(base, f)).collect::<Vec<_>>(),
        "reservations": d.reservations.iter().map(|&r| json!({
            "rule": base.rule_name(r),
            "reservation": base.rules[r].reservation,
        })).collect::<Vec<_>>(),
        "open": d.open.iter().map(fact).collect::<Vec<_>>(),
        "ended": d.ended.iter().map(|e| match e.why {
            EndReason::Event(i) => {
                let event = &base.events[i];
                json!({
                    "rule": base.rule_name(e.rule),
                    "event": event.kind.participle(),
                    "date": event.date.to_string(),
                    "by": base.docs[event.by].id,
                })
            }
            EndReason::Withheld(i) => {
                let event = &base.events[i];
                json!({
                    "rule": base.rule_name(e.rule),
                    "event": event.kind.participle(),
                    "date": event.date.to_string(),
                    "by": base.docs[event.by].id,
                })
            }
            EndReason::Expired(date) => json!({
                "rule": base.rule_name(e.rule),
                "event": "verlopen",
                "date": date.to_string(),
            }),
        }).collect::<Vec<_>>(),
    })
}

fn source(base: &RuleBase, rule: usize) -> Json {
    let doc = &base.docs[base.rules[rule].doc];
    json!({ "id": doc.id, "kind": kind_word(doc.kind), "title": doc.title, "meeting": doc.meeting, "date": doc.date.to_string() })
}

fn finding(base: &RuleBase, f: &Finding) -> Json {
    json!({
        "rule": base.rule_name(f.rule),
        "source": source(base, f.rule),
        "quote": base.rules[f.rule].quote,
        "applies": f.applies.to_string(),
        "holds": f.holds.to_string(),
        "value": f.value.to_string(),
        "because": f.because.iter().map(|a| json!({
            "condition": base.text(a.node),
            "value": a.value.to_string(),
            "facts": a.facts.iter().map(fact).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn signal(base: &RuleBase, s: &SignalState) -> Json {
    let text = match &base.rules[s.rule].effect {
        Effect::Signal { text } => text.clone(),
        Effect::Condition { .. } => String::new(),
    };
    json!({
        "rule": base.rule_name(s.rule),
        "signal": text,
        "due": s.due.to_string(),
        "source": source(base, s.rule),
        "quote": base.rules[s.rule].quote,
        "because": s.because.iter().map(|a| json!({
            "condition": base.text(a.node),
            "value": a.value.to_string(),
            "facts": a.facts.iter().map(fact).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn fact(f: &FactUse) -> Json {
    json!({
        "name": f.name,
        "value": f.value.as_ref().map(value),
        "question": f.question,
        "since": f.entry.as_ref().and_then(|e| e.since).map(|d| d.to_string()),
        "source": f.entry.as_ref().and_then(|e| e.source.clone()),
    })
}

fn value(v: &Value) -> Json {
    match v {
        Value::Bool(b) => json!(b),
        Value::Number(n) => json!(n),
        Value::Text(t) | Value::Choice(t) => json!(t),
        other => json!(other.to_string()),
    }
}
