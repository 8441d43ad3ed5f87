//! The structured answers the renderings print. Every question a user asks (check, explain,
//! timeline, audit, unblock, diff, lint, test, validate) gets one answer built here, in the
//! library; text, JSON, the board report and the web page only format it and never derive a
//! reason of their own. Texts in an answer are in the current language
//! ([`crate::i18n`]); ids, keys and enum values are the same in every language. JSON is the
//! answer serialised as it is, and its schema is derived from these types (`akkoord schema`).

mod assumptions;
mod board;
mod decision;
mod formatting;
mod history;
mod plain;
pub(crate) use plain::MONTHS_NL;
mod record;
mod source;
mod staff;
mod testing;

pub use board::{BoardReport, Provenance, board_report};
pub use decision::{
    Answer, AnswerOptions, Count, Obstacle, Overview, OverviewStream, RuleResult, Stale,
    StreamedOverview, Tally, TreeNode, answer, explain, facts_updated, overview, value_word,
};
pub use formatting::{FileFormat, FormatAnswer, FormatStatus};
pub use history::{
    AuditAnswer, HappeningInfo, PeriodInfo, RecordInfo, ReservationInfo, TimelineAnswer, audit,
    timeline,
};
pub(crate) use plain::verdict_sentence;
pub use plain::{long_date, requirement};
pub use record::{
    AttributeInfo, ChangedVerdict, NewAgreementAnswer, QuestionInfo, RecordAnswer, ReplacedInfo,
    VerdictInfo, WrittenInfo, new_agreement, question, record, verdicts_of,
};
pub use source::{DecisionInfo, SourceAnswer, SourceRule, source, source_ids, sources};
pub use staff::{
    ChangeInfo, Cut, DiffAnswer, DifferenceInfo, LintAnswer, LintInfo, UnblockAnswer, Way, diff,
    lint, unblock,
};
pub use testing::{PropertyInfo, ScenarioInfo, TestAnswer, ValidateAnswer, test, validate};

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::compiled::{AgreementId, DocId, RuleBase, RuleId};
use crate::eval::{Atom, EndReason, Evaluator, FactUse};
use crate::facts::World;
use crate::tr;
use crate::value::{Tri, Value};

/// An agreement, by id and name.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct AgreementRef {
    /// Its id, as rules and the CLI name it.
    pub id: String,
    /// Its full name.
    pub name: String,
}

/// A source: what a meeting or the board decided.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct SourceRef {
    /// Its id.
    pub id: String,
    /// `motie`, `resolutie`, `besluit` or `standpunt` (the same in every language).
    pub kind: String,
    /// The kind in the current language.
    pub kind_text: String,
    /// Its title, as the documents give it.
    pub title: String,
    /// The body that decided it: ALV, BALV, bestuur.
    pub meeting: String,
    /// The date of that meeting, `YYYY-MM-DD`.
    pub date: String,
    /// True when no document gives that date: it is an assumption.
    pub date_assumed: bool,
    /// What later meetings decided about it, up to the date asked about, in words that say what
    /// it means for the board (e.g. held open: still binds).
    pub status: Vec<String>,
    /// How the meeting voted, when recorded: `stemming: 87% voor, 13% tegen`.
    pub vote: Option<String>,
}

/// A rule, with its source and the sentence it encodes.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct RuleRef {
    /// `source.rule`.
    pub id: String,
    /// The source it belongs to.
    pub source: SourceRef,
    /// The sentence of the source document it encodes.
    pub quote: String,
    /// `motie "Titel" (ALV 27 juni 2018)`: the rule as a person names it.
    pub label: String,
}

/// A fact, per-agreement fact or attribute, and what is known about it on the date.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FactInfo {
    /// How reports name it: `x` or `x(ggz)`.
    pub name: String,
    /// The declared name.
    pub fact: String,
    /// The agreement, for a per-agreement fact or an attribute.
    pub agreement: Option<String>,
    /// The value: `true`/`false`, a number, a date or amount or choice as text, `null` when
    /// unknown. Written as a facts file would take it.
    #[schemars(schema_with = "value_schema")]
    pub value: serde_json::Value,
    /// The value in words: `ja`, `nee`, `onbekend`, `€ 100 mln`.
    pub value_text: String,
    /// The question to ask when it is unknown.
    pub question: String,
    /// Since when the value holds, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// The document that established it.
    pub source: Option<String>,
    /// When the value is an assumption, why.
    pub assumption: Option<String>,
}

/// A part of a condition and its value.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Part {
    /// The condition as written.
    pub condition: String,
    /// `true`, `false`, or `null` for unknown.
    pub value: Option<bool>,
    /// The part in one line: `x(ggz) = nee`, or the condition with its value and facts.
    pub text: String,
    /// The facts it reads.
    pub facts: Vec<FactInfo>,
}

/// A rule that speaks of the agreement but does not bind on the date.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Inactive {
    /// The rule.
    pub rule: RuleRef,
    /// `opgeheven`, `afgehandeld`, `ingetrokken`, `verlopen`, `verworpen`,
    /// `stemming_uitgesteld` (the same in every language).
    pub why: String,
    /// Since when, `YYYY-MM-DD`.
    pub date: String,
    /// The source whose meeting decided it, when a decision did.
    pub by: Option<String>,
    /// What it means, in words: `verworpen (ALV 2018-06-27): heeft nooit gegolden`.
    pub text: String,
    /// The decision's sentence, when quoted.
    pub quote: Option<String>,
}

/// A choice the answer rests on that no document gives.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct AssumptionInfo {
    /// What is assumed, in words: `de vergaderdatum van standpunt x: 2018-07-11`.
    pub what: String,
    /// Why, as the rule base or facts file says.
    pub reason: String,
    /// Where it is written: `file:line:column`.
    pub place: String,
}

/// A signal: a commitment that falls due when its condition holds.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct SignalInfo {
    /// The signal rule.
    pub rule: RuleRef,
    /// What falls due.
    pub signal: String,
    /// `true`: due; `false`: not due; `null`: cannot tell yet.
    pub due: Option<bool>,
    /// `aan de orde`, `niet aan de orde`, `onbepaald`.
    pub due_text: String,
    /// The parts of the condition that decide it.
    pub parts: Vec<Part>,
    /// The agreements it concerns: those its source's rules speak of.
    pub agreements: Vec<String>,
}

fn value_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": ["boolean", "integer", "string", "null"] })
}

/// A value as JSON, written as a facts file takes it.
pub fn value_json(value: Option<&Value>) -> serde_json::Value {
    match value {
        None => serde_json::Value::Null,
        Some(Value::Bool(b)) => (*b).into(),
        Some(Value::Number(n)) => (*n).into(),
        Some(Value::Text(t) | Value::Choice(t)) => t.clone().into(),
        Some(other) => other.to_string().into(),
    }
}

/// A value in words, in the current language.
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None => tr!("onbekend", "unknown"),
        Some(Value::Bool(true)) => tr!("ja", "yes"),
        Some(Value::Bool(false)) => tr!("nee", "no"),
        Some(other) => other.to_string(),
    }
}

/// A truth value in words.
pub fn tri_text(t: Tri) -> String {
    match t {
        Tri::Yes => tr!("ja", "yes"),
        Tri::No => tr!("nee", "no"),
        Tri::Unknown => tr!("onbekend", "unknown"),
    }
}

/// A truth value as JSON: `true`, `false`, `null`.
pub fn tri_json(t: Tri) -> Option<bool> {
    match t {
        Tri::Yes => Some(true),
        Tri::No => Some(false),
        Tri::Unknown => None,
    }
}

/// What the builders share: the rule base, the facts, the date.
pub(crate) struct Cx<'a> {
    pub base: &'a RuleBase,
    pub world: &'a World,
    pub date: Date,
    pub ev: Evaluator<'a>,
}

impl<'a> Cx<'a> {
    pub fn new(base: &'a RuleBase, world: &'a World, date: Date) -> Self {
        Cx {
            base,
            world,
            date,
            ev: Evaluator::new(base, world, date),
        }
    }

    pub fn agreement(&self, a: AgreementId) -> AgreementRef {
        let agreement = &self.world.agreements[a];
        AgreementRef {
            id: agreement.id.clone(),
            name: agreement.name.clone(),
        }
    }

    pub fn source(&self, d: DocId) -> SourceRef {
        let doc = &self.base.docs[d];
        SourceRef {
            id: doc.id.clone(),
            kind: kind_id(doc.kind).to_string(),
            kind_text: kind_text(doc.kind).to_string(),
            title: doc.title.clone(),
            meeting: doc.meeting.clone(),
            date: doc.date.to_string(),
            date_assumed: doc.date_assumption.is_some(),
            status: self.status_of(crate::compiled::Target::Doc(d)),
            vote: doc.vote.as_ref().map(|v| {
                let parts: Vec<String> = [
                    v.for_share.as_ref().map(|s| tr!("{s} voor", "{s} for")),
                    v.against_share
                        .as_ref()
                        .map(|s| tr!("{s} tegen", "{s} against")),
                ]
                .into_iter()
                .flatten()
                .collect();
                tr!("stemming: {}", "vote: {}", parts.join(", "))
            }),
        }
    }

    /// What later meetings decided about a source or rule, up to the date, in words.
    pub fn status_of(&self, target: crate::compiled::Target) -> Vec<String> {
        self.base
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.target == target && e.date <= self.date)
            .map(|(i, _)| plain::event_meaning(self.base, i))
            .collect()
    }

    pub fn rule(&self, r: RuleId) -> RuleRef {
        let rule = &self.base.rules[r];
        let mut source = self.source(rule.doc);
        source
            .status
            .extend(self.status_of(crate::compiled::Target::Rule(r)));
        RuleRef {
            id: self.base.rule_name(r),
            label: plain::source_label(&source),
            source,
            quote: rule.quote.clone(),
        }
    }

    pub fn fact(&self, f: &FactUse) -> FactInfo {
        let (fact, agreement) = match f.name.split_once('(') {
            Some((fact, rest)) => (
                fact.to_string(),
                Some(rest.trim_end_matches(')').to_string()),
            ),
            None => (f.name.clone(), None),
        };
        let entry = f.entry.as_ref();
        FactInfo {
            name: f.name.clone(),
            fact,
            agreement,
            value: value_json(f.value.as_ref()),
            value_text: value_text(f.value.as_ref()),
            question: f.question.clone(),
            since: entry.and_then(|e| e.since).map(|d| d.to_string()),
            source: entry.and_then(|e| e.source.clone()),
            assumption: entry.and_then(assumptions::entry_assumption),
        }
    }

    pub fn part(&self, atom: &Atom) -> Part {
        let facts: Vec<FactInfo> = atom.facts.iter().map(|f| self.fact(f)).collect();
        let condition = self.base.text(atom.node);
        let lone = matches!(
            self.base.nodes[atom.node].node,
            crate::compiled::Node::Fact(_)
                | crate::compiled::Node::FactOf(..)
                | crate::compiled::Node::Attr(_)
        );
        let value = tri_text(atom.value);
        let text = match facts.as_slice() {
            [only] if lone => format!("{} = {}", only.name, only.value_text),
            [] => tr!("{condition} is {value}", "{condition} is {value}"),
            facts => {
                let values: Vec<String> = facts
                    .iter()
                    .map(|f| format!("{} = {}", f.name, f.value_text))
                    .collect();
                format!("{condition} is {value} ({})", values.join(", "))
            }
        };
        Part {
            condition,
            value: tri_json(atom.value),
            text,
            facts,
        }
    }

    pub fn inactive(&self, rule: RuleId, why: EndReason) -> Inactive {
        let (id, date, by, quote) = match why {
            EndReason::Event(i) | EndReason::Withheld(i) => {
                let e = &self.base.events[i];
                let id = match e.kind {
                    crate::ast::EventKind::Lift => "opgeheven",
                    crate::ast::EventKind::Settled => "afgehandeld",
                    crate::ast::EventKind::Withdrawn => "ingetrokken",
                    crate::ast::EventKind::Rejected => "verworpen",
                    crate::ast::EventKind::Deferred => "stemming_uitgesteld",
                    crate::ast::EventKind::Held => "aangehouden",
                    crate::ast::EventKind::Adopted => "aangenomen",
                };
                let quote = e.quote.as_ref().map(|(q, _)| q.clone());
                (id, e.date, Some(self.base.docs[e.by].id.clone()), quote)
            }
            EndReason::Expired(date) => ("verlopen", date, None, None),
        };
        Inactive {
            rule: self.rule(rule),
            why: id.to_string(),
            date: date.to_string(),
            by,
            text: plain::inactive_meaning(self.base, why),
            quote,
        }
    }

    /// The signals in force, with the agreements they concern.
    pub fn signals(&self) -> Vec<SignalInfo> {
        self.ev
            .signals()
            .into_iter()
            .map(|s| {
                let rule = &self.base.rules[s.rule];
                let text = match &rule.effect {
                    crate::compiled::Effect::Signal { text } => text.clone(),
                    crate::compiled::Effect::Condition { .. } => String::new(),
                };
                let agreements = self.concerned(rule.doc);
                SignalInfo {
                    rule: self.rule(s.rule),
                    signal: text,
                    due: tri_json(s.due),
                    due_text: match s.due {
                        Tri::Yes => tr!("aan de orde", "due"),
                        Tri::No => tr!("niet aan de orde", "not due"),
                        Tri::Unknown => tr!("onbepaald", "undetermined"),
                    },
                    parts: s.because.iter().map(|a| self.part(a)).collect(),
                    agreements,
                }
            })
            .collect()
    }

    /// The agreements the rules of a source speak of (by id, or by attribute on the date).
    fn concerned(&self, doc: DocId) -> Vec<String> {
        let rules: Vec<RuleId> = (0..self.base.rules.len())
            .filter(|&r| self.base.rules[r].doc == doc && self.base.rules[r].selector().is_some())
            .collect();
        (0..self.world.agreements.len())
            .filter(|&a| rules.iter().any(|&r| self.ev.selects(r, a) != Tri::No))
            .map(|a| self.world.agreements[a].id.clone())
            .collect()
    }
}

/// `motie`, `resolutie`, `besluit`, `standpunt`: the kind's id.
pub fn kind_id(kind: crate::ast::SourceKind) -> &'static str {
    use crate::ast::SourceKind::*;
    match kind {
        Motion => "motie",
        Resolution => "resolutie",
        Decision => "besluit",
        Position => "standpunt",
    }
}

/// The kind in the current language.
pub fn kind_text(kind: crate::ast::SourceKind) -> &'static str {
    use crate::ast::SourceKind::*;
    use crate::i18n::t;
    match kind {
        Motion => t("motie", "motion"),
        Resolution => t("resolutie", "resolution"),
        Decision => t("besluit", "decision"),
        Position => t("standpunt", "position"),
    }
}

/// The JSON Schema of a command's `--format json` output (`check`, `vraag`, `explain`,
/// `timeline`, `audit`, `unblock`, `diff`, `lint`, `test`, `validate`, `stel`, `nieuw-akkoord`),
/// or of the errors (`fouten`); `None` for anything else.
pub fn schema(what: &str) -> Option<serde_json::Value> {
    use schemars::schema_for;
    let schema = match what {
        "check" | "vraag" => schema_for!(Overview),
        "explain" => schema_for!(Vec<Answer>),
        "timeline" => schema_for!(Vec<TimelineAnswer>),
        "audit" => schema_for!(AuditAnswer),
        "unblock" => schema_for!(UnblockAnswer),
        "diff" => schema_for!(DiffAnswer),
        "lint" => schema_for!(LintAnswer),
        "test" => schema_for!(TestAnswer),
        "validate" => schema_for!(ValidateAnswer),
        "rapport" | "report" => schema_for!(BoardReport),
        "stel" | "set" => schema_for!(RecordAnswer),
        "nieuw-akkoord" | "new-agreement" => schema_for!(NewAgreementAnswer),
        "fouten" | "errors" => schema_for!(crate::error::ErrorsJson),
        "motie" | "motion" => schema_for!(crate::motie::Skeleton),
        "fmt" => schema_for!(FormatAnswer),
        _ => return None,
    };
    serde_json::to_value(schema).ok()
}

/// The names [`schema`] knows, for help and errors.
pub const SCHEMAS: [&str; 17] = [
    "feiten",
    "fouten",
    "check",
    "vraag",
    "explain",
    "timeline",
    "audit",
    "unblock",
    "diff",
    "lint",
    "test",
    "validate",
    "rapport",
    "motie",
    "stel",
    "nieuw-akkoord",
    "fmt",
];
