//! JSON for tools. Keys are English; verdicts and values as the text reports print them.

use serde_json::{Value as Json, json};

use crate::compiled::RuleBase;
use crate::eval::{Decision, FactUse, Finding};
use crate::facts::World;
use crate::value::Value;

use super::kind_word;

/// All decisions of a `check`, as one JSON document.
pub fn check_json(base: &RuleBase, world: &World, decisions: &[Decision]) -> String {
    let date = decisions.first().map(|d| d.date.to_string());
    let doc = json!({
        "date": date,
        "decisions": decisions.iter().map(|d| decision(base, world, d)).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// One decision with every finding, as `explain --format json` prints it.
pub fn explain_json(base: &RuleBase, world: &World, d: &Decision) -> String {
    serde_json::to_string_pretty(&decision(base, world, d)).unwrap_or_default() + "\n"
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
        "open": d.open.iter().map(fact).collect::<Vec<_>>(),
        "ended": d.ended.iter().map(|e| {
            let event = &base.events[e.event];
            json!({
                "rule": base.rule_name(e.rule),
                "event": event.kind.participle(),
                "date": event.date.to_string(),
                "by": base.docs[event.by].id,
            })
        }).collect::<Vec<_>>(),
    })
}

fn finding(base: &RuleBase, f: &Finding) -> Json {
    let rule = &base.rules[f.rule];
    let doc = &base.docs[rule.doc];
    json!({
        "rule": base.rule_name(f.rule),
        "source": { "id": doc.id, "kind": kind_word(doc.kind), "title": doc.title, "meeting": doc.meeting, "date": doc.date.to_string() },
        "quote": rule.quote,
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
