//! Answers about recording: what `akkoord stel` wrote and which verdicts it changed, the
//! agreement `akkoord nieuw-akkoord` put on the table, and the questions `akkoord vragen` asks.

use std::collections::BTreeSet;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::ast::Action;
use crate::check::Loaded;
use crate::compiled::AgreementId;
use crate::eval::{Decision, Evaluator, Verdict};
use crate::record::{NewAgreement, Placed, Question};
use crate::tr;
use crate::value::Type;

use super::staff::DifferenceInfo;
use super::{AgreementRef, Cx, value_json, value_text};

/// What `akkoord stel` (or `akkoord vragen`) wrote, and the verdicts it changed.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct RecordAnswer {
    /// The facts file written.
    pub file: String,
    /// The values written, in order.
    pub written: Vec<WrittenInfo>,
    /// The day the verdicts before and after were compared on, `YYYY-MM-DD`.
    pub date: String,
    /// The verdicts that differ on that day, as `akkoord diff` gives them.
    pub changed: Vec<ChangedVerdict>,
}

/// One value written.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct WrittenInfo {
    /// `x` or `x(ggz)`.
    pub name: String,
    /// The fact.
    pub fact: String,
    /// The agreement, for a per-agreement fact.
    pub agreement: Option<String>,
    /// The value as the facts file has it; `null` records an explicit unknown.
    #[schemars(schema_with = "super::value_schema")]
    pub value: serde_json::Value,
    /// The value in words.
    pub value_text: String,
    /// From when it holds, `YYYY-MM-DD`.
    pub since: String,
    /// True when no date was given: the value holds from today.
    pub since_today: bool,
    /// The document that establishes it.
    pub source: Option<String>,
    /// Why it is an assumption.
    pub assumption: Option<String>,
    /// When a later value takes over, its date: this one holds until then.
    pub until: Option<String>,
    /// For a correction: the value of the same day it replaced, kept under `vervangt`.
    pub replaced: Option<ReplacedInfo>,
}

/// The value a correction replaced.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ReplacedInfo {
    /// As the facts file had it.
    #[schemars(schema_with = "super::value_schema")]
    pub value: serde_json::Value,
    /// In words.
    pub value_text: String,
    /// Its source.
    pub source: Option<String>,
}

/// A verdict that a record changed.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ChangedVerdict {
    /// The difference, as `akkoord diff` gives it.
    #[serde(flatten)]
    pub difference: DifferenceInfo,
    /// The facts just written that the verdict reads, before or after.
    pub facts: Vec<String>,
}

/// `akkoord stel`: what was written and the verdicts on `date` that differ between `before`
/// and `after`.
pub fn record(
    before: &Loaded,
    after: &Loaded,
    file: &str,
    placed: &[Placed],
    since_today: bool,
    date: Date,
) -> RecordAnswer {
    let written: Vec<WrittenInfo> = placed
        .iter()
        .map(|p| written(before, p, since_today))
        .collect();
    let names: Vec<String> = written.iter().map(|w| w.name.clone()).collect();
    let (old_ev, new_ev) = (
        Evaluator::new(&before.base, &before.world, date),
        Evaluator::new(&after.base, &after.world, date),
    );
    let changed = super::diff(before, file, date, after, file, date)
        .differences
        .into_iter()
        .map(|difference| {
            let mut read = BTreeSet::new();
            for (loaded, ev) in [(before, &old_ev), (after, &new_ev)] {
                if let Some(a) = loaded.world.agreement(&difference.agreement.id) {
                    read.extend(facts_read(&ev.decide(a, difference.action)));
                }
            }
            let mut facts: Vec<String> = names
                .iter()
                .filter(|n| read.contains(*n))
                .cloned()
                .collect();
            if facts.is_empty() {
                facts.clone_from(&names);
            }
            ChangedVerdict { difference, facts }
        })
        .collect();
    RecordAnswer {
        file: file.to_string(),
        written,
        date: date.to_string(),
        changed,
    }
}

fn written(before: &Loaded, p: &Placed, since_today: bool) -> WrittenInfo {
    let v = &p.value;
    let fact = before.base.facts[v.fact].name.clone();
    let agreement = v
        .agreement
        .map(|a| before.world.agreement_id(a).to_string());
    WrittenInfo {
        name: match &agreement {
            Some(a) => format!("{fact}({a})"),
            None => fact.clone(),
        },
        fact,
        agreement,
        value: value_json(v.value.as_ref()),
        value_text: value_text(v.value.as_ref()),
        since: v.since.to_string(),
        since_today,
        source: v.source.clone(),
        assumption: v.assumption.clone(),
        until: p.until.map(|d| d.to_string()),
        replaced: p.replaced.as_ref().map(|e| ReplacedInfo {
            value: value_json(e.value.as_ref()),
            value_text: value_text(e.value.as_ref()),
            source: e.source.clone(),
        }),
    }
}

/// The names of the facts a decision reads in its reasons and open questions.
fn facts_read(d: &Decision) -> BTreeSet<String> {
    d.findings
        .iter()
        .flat_map(|f| &f.because)
        .flat_map(|atom| &atom.facts)
        .chain(&d.open)
        .map(|f| f.name.clone())
        .collect()
}

/// The agreement `akkoord nieuw-akkoord` put on the table, and its verdicts.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct NewAgreementAnswer {
    /// The facts file written.
    pub file: String,
    /// The agreement.
    pub agreement: AgreementRef,
    /// The day it came on the table, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// True when no date was given: it is on the table from today.
    pub since_today: bool,
    /// The document that puts it there.
    pub source: Option<String>,
    /// Why something about it is an assumption.
    pub assumption: Option<String>,
    /// Its attributes.
    pub attributes: Vec<AttributeInfo>,
    /// The day of the verdicts, `YYYY-MM-DD`.
    pub date: String,
    /// True when it is on the table on that day.
    pub on_table: bool,
    /// Its verdict for every action the rules speak of, on that day; empty when it is not on
    /// the table then.
    pub verdicts: Vec<VerdictInfo>,
}

/// An attribute and its value.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct AttributeInfo {
    /// The attribute.
    pub name: String,
    /// Its value, as the facts file has it.
    #[schemars(schema_with = "super::value_schema")]
    pub value: serde_json::Value,
    /// In words.
    pub value_text: String,
}

/// A verdict for one action.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct VerdictInfo {
    /// The agreement.
    pub agreement: AgreementRef,
    /// The action.
    pub action: Action,
    /// The action in the current language.
    pub action_text: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict in the current language.
    pub verdict_text: String,
}

/// `akkoord nieuw-akkoord`: the agreement as written, with its verdicts on `date`.
pub fn new_agreement(
    after: &Loaded,
    file: &str,
    new: &NewAgreement,
    since_today: bool,
    date: Date,
) -> NewAgreementAnswer {
    let (base, world) = (&after.base, &after.world);
    let cx = Cx::new(base, world, date);
    let a = world.agreement(&new.id);
    NewAgreementAnswer {
        file: file.to_string(),
        agreement: AgreementRef {
            id: new.id.clone(),
            name: new.name.clone(),
        },
        since: new.since.map(|d| d.to_string()),
        since_today,
        source: new.source.clone(),
        assumption: new.assumption.clone(),
        attributes: new
            .attributes
            .iter()
            .map(|(attr, value)| AttributeInfo {
                name: base.attrs[*attr].name.clone(),
                value: value_json(Some(value)),
                value_text: value_text(Some(value)),
            })
            .collect(),
        date: date.to_string(),
        on_table: a.is_some_and(|a| world.on_table(a, date)),
        verdicts: a.map_or_else(Vec::new, |a| verdicts(&cx, a)),
    }
}

/// The verdict for every action the rules speak of, when the agreement is on the table.
fn verdicts(cx: &Cx, a: AgreementId) -> Vec<VerdictInfo> {
    if !cx.world.on_table(a, cx.date) {
        return Vec::new();
    }
    cx.ev
        .actions(a)
        .into_iter()
        .map(|h| verdict_info(cx, a, h, cx.ev.verdict(a, h)))
        .collect()
}

fn verdict_info(cx: &Cx, a: AgreementId, h: Action, verdict: Verdict) -> VerdictInfo {
    VerdictInfo {
        agreement: cx.agreement(a),
        action: h,
        action_text: h.word().to_string(),
        verdict,
        verdict_text: verdict.word().to_string(),
    }
}

/// A question `akkoord vragen` asks.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct QuestionInfo {
    /// `x` or `x(ggz)`.
    pub name: String,
    /// The agreement, for a per-agreement fact.
    pub agreement: Option<AgreementRef>,
    /// The question the rules declare for the fact.
    pub question: String,
    /// The fact's type: `janee`, `bedrag`, `getal`, `datum`, `tekst` or a choice.
    pub kind: String,
    /// The answers it takes, in words.
    pub answers: String,
    /// The value now, in words, with its date and source when known.
    pub now: String,
    /// For the smallest way to *mag* it is on: the value needed, for which agreement and action,
    /// and how many other changes that way takes.
    pub needed: Option<String>,
    /// The day the answer will hold from, `YYYY-MM-DD`.
    pub date: String,
    /// The verdicts it bears on, as they are now.
    pub about: Vec<VerdictInfo>,
}

/// The question for `q`, on `date`, as things are in `loaded`.
pub fn question(loaded: &Loaded, date: Date, q: &Question) -> QuestionInfo {
    let (base, world) = (&loaded.base, &loaded.world);
    let cx = Cx::new(base, world, date);
    let decl = &base.facts[q.fact];
    let entry = world.fact(q.fact, q.agreement.unwrap_or(0)).entry_at(date);
    let now = match entry {
        None => value_text(None),
        Some(e) => {
            let mut text = value_text(e.value.as_ref());
            if let Some(since) = e.since {
                text.push_str(&tr!(" sinds {since}", " since {since}"));
            }
            if let Some(source) = &e.source {
                text.push_str(&format!(" ({source})"));
            }
            text
        }
    };
    QuestionInfo {
        name: q.name.clone(),
        agreement: q.agreement.map(|a| cx.agreement(a)),
        question: decl.question.clone(),
        kind: decl.ty.to_string(),
        answers: answers(base, &decl.ty),
        now,
        needed: needed(&cx, q),
        date: date.to_string(),
        about: q
            .about
            .iter()
            .map(|&(a, h)| verdict_info(&cx, a, h, cx.ev.verdict(a, h)))
            .collect(),
    }
}

/// `ja, voor mag bij Hoofdlijnenakkoord GGZ (ondertekening), samen met 2 andere wijzigingen`
fn needed(cx: &Cx, q: &Question) -> Option<String> {
    let (value, n, (a, h)) = (q.needed.as_ref()?, q.shortest?, q.needed_for?);
    let value = value_text(Some(value));
    let (name, action) = (cx.agreement(a).name, h.word());
    let others = match n {
        1 => tr!("als enige wijziging", "as the only change"),
        2 => tr!(
            "samen met één andere wijziging",
            "together with one other change"
        ),
        n => tr!(
            "samen met {} andere wijzigingen",
            "together with {} other changes",
            n - 1
        ),
    };
    Some(tr!(
        "{value}, voor mag bij {name} ({action}), {others}",
        "{value}, for mag on {name} ({action}), {others}"
    ))
}

/// The answers a type takes, in words.
fn answers(base: &crate::compiled::RuleBase, ty: &Type) -> String {
    let unknown = tr!("onbekend", "unknown");
    match ty {
        Type::Bool => tr!("ja, nee of {unknown}", "yes, no or {unknown}"),
        Type::Amount => tr!(
            "een bedrag, bijvoorbeeld € 100 mln of € 40,25; of {unknown}",
            "an amount, e.g. € 100 mln or € 40,25; or {unknown}"
        ),
        Type::Number => tr!(
            "een geheel getal; of {unknown}",
            "a whole number; or {unknown}"
        ),
        Type::Date => tr!(
            "een datum JJJJ-MM-DD; of {unknown}",
            "a date YYYY-MM-DD; or {unknown}"
        ),
        Type::Text => tr!("tekst; of {unknown}", "text; or {unknown}"),
        Type::Choice(c) => {
            let values = base
                .choice(c)
                .map_or(String::new(), |d| d.values.join(", "));
            tr!(
                "een van: {values}; of {unknown}",
                "one of: {values}; or {unknown}"
            )
        }
    }
}

/// The verdicts for `pairs` in `loaded` on `date`, to show after an answer.
pub fn verdicts_of(
    loaded: &Loaded,
    date: Date,
    pairs: &[(AgreementId, Action)],
) -> Vec<VerdictInfo> {
    let cx = Cx::new(&loaded.base, &loaded.world, date);
    pairs
        .iter()
        .map(|&(a, h)| verdict_info(&cx, a, h, cx.ev.verdict(a, h)))
        .collect()
}
