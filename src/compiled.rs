//! The checked, compiled rule base: facts and agreements interned as indices, expressions
//! flattened into one arena, rules indexed by the agreements they select. Evaluation works on
//! this alone: no parsing, no name lookup.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::ast::{Action, CmpOp, EventKind, RuleKind, SourceKind, VerdictWord};
use crate::span::{Sources, Span};
use crate::value::{Amount, Type, Value};

/// Index of a declared fact.
pub type FactId = usize;
/// Index of a declared agreement attribute.
pub type AttrId = usize;
/// Index of an agreement on the table.
pub type AgreementId = usize;
/// Index of a source (motie, resolutie, besluit, standpunt).
pub type DocId = usize;
/// Index of a rule.
pub type RuleId = usize;
/// Index of an expression node in [`RuleBase::nodes`].
pub type NodeId = usize;

/// A declared fact.
#[derive(Clone, Debug)]
pub struct FactDecl {
    /// Its name.
    pub name: String,
    /// True when it has a value per agreement.
    pub per_agreement: bool,
    /// Its type.
    pub ty: Type,
    /// The question reports show.
    pub question: String,
    /// What is needed, stated as a requirement (`eis "…"`), for plain answers.
    pub requirement: Option<String>,
    /// Where it was declared.
    pub span: Span,
}

/// A declared agreement attribute.
#[derive(Clone, Debug)]
pub struct AttrDecl {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: Type,
    /// The question reports show.
    pub question: String,
    /// Where it was declared.
    pub span: Span,
}

/// A declared choice: a named set of values.
#[derive(Clone, Debug)]
pub struct ChoiceDecl {
    /// Its name.
    pub name: String,
    /// Its values, in declaration order.
    pub values: Vec<String>,
}

/// A choice the rule base makes that no document gives (`aanname "…"`): a date, a reading of
/// a text, a scope. Verdicts that rest on one say so.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumed {
    /// Why the choice was made.
    pub reason: String,
    /// Where it was written.
    pub span: Span,
}

/// How a meeting voted on a source: `stemming voor 87% tegen 13%`.
#[derive(Clone, Debug, PartialEq)]
pub struct Vote {
    /// Share of the votes for, as written (`87%`).
    pub for_share: Option<String>,
    /// Share of the votes against.
    pub against_share: Option<String>,
}

/// A source document's decision: a motie, resolutie, besluit or standpunt.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The kind of source.
    pub kind: SourceKind,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The body that adopted it (ALV, BALV, bestuur).
    pub meeting: String,
    /// The date it was adopted.
    pub date: Date,
    /// When the meeting's date is an assumption: why.
    pub date_assumption: Option<Assumed>,
    /// How the meeting voted, when recorded.
    pub vote: Option<Vote>,
    /// Where it was written.
    pub span: Span,
}

/// Which agreements a rule selects.
#[derive(Clone, Debug)]
pub enum Selector {
    /// every agreement
    Every,
    /// agreements for which the boolean node holds
    Where(NodeId),
    /// the listed agreements
    Ids(Vec<AgreementId>),
}

/// A checked rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The source it belongs to.
    pub doc: DocId,
    /// Its id within the source.
    pub id: String,
    /// The sentence it encodes, with whitespace runs collapsed to one space.
    pub quote: String,
    /// Where the quote was written.
    pub quote_span: Span,
    /// What the rule does.
    pub effect: Effect,
    /// The condition, a boolean node.
    pub condition: NodeId,
    /// For a requirement that may be met after the action: what remains to be met.
    pub reservation: Option<String>,
    /// The first day the rule binds, when later than its source's adoption.
    pub valid_from: Option<Date>,
    /// The first day the rule no longer binds.
    pub valid_to: Option<Date>,
    /// When the rule's reading or scope is an assumption: why.
    pub assumption: Option<Assumed>,
    /// When the rule binds, resolved from its source, its validity and the decisions about it.
    pub life: Life,
    /// Where it was written.
    pub span: Span,
}

/// When a rule binds: from `start` (if ever) until `end` (if ever), both resolved once by the
/// checker, so evaluation decides "in force?" without looking at events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Life {
    /// The first day it binds, and why then; `None` when it never binds.
    pub start: Option<(Date, Start)>,
    /// The first day it no longer binds, and why.
    pub end: Option<(Date, Stop)>,
    /// The decision that kept it from binding from its own meeting on: a rejection, or a
    /// deferred vote (which a later adoption may have ended).
    pub withheld: Option<usize>,
}

/// Why a rule starts binding when it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// Its source was adopted.
    Adoption,
    /// Its own validity began (`geldig vanaf`).
    ValidFrom,
    /// A later meeting adopted it after a deferred vote (index into `RuleBase::events`).
    Adopted(usize),
}

/// Why a rule stops binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// A decision lifted, settled or withdrew it (index into `RuleBase::events`).
    Event(usize),
    /// Its own validity ran out (`geldig tot`).
    Expired,
}

/// What a rule does.
#[derive(Clone, Debug)]
pub enum Effect {
    /// Conditions an action on the selected agreements.
    Condition {
        /// Forbid-until or require.
        kind: RuleKind,
        /// The actions it conditions.
        actions: Vec<Action>,
        /// The agreements it speaks of.
        selector: Selector,
        /// The selector's text as written, for reports.
        selector_text: String,
    },
    /// A commitment that falls due when the condition holds.
    Signal {
        /// What falls due.
        text: String,
    },
}

impl Rule {
    /// The actions a conditioning rule speaks of; none for a signal.
    pub fn actions(&self) -> &[Action] {
        match &self.effect {
            Effect::Condition { actions, .. } => actions,
            Effect::Signal { .. } => &[],
        }
    }

    /// True when the rule conditions this action.
    pub fn conditions(&self, action: Action) -> bool {
        self.actions().contains(&action)
    }

    /// The selector of a conditioning rule; `None` for a signal.
    pub fn selector(&self) -> Option<&Selector> {
        match &self.effect {
            Effect::Condition { selector, .. } => Some(selector),
            Effect::Signal { .. } => None,
        }
    }

    /// True when the rule has started binding on `date` (it may have ended since).
    pub fn started_on(&self, date: Date) -> bool {
        self.life.start.is_some_and(|(s, _)| s <= date)
    }

    /// The end of the rule's force, when it lies on or before `date`.
    pub fn ended_on(&self, date: Date) -> Option<(Date, Stop)> {
        self.life.end.filter(|(e, _)| *e <= date)
    }

    /// True when the rule binds on `date`.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.started_on(date) && self.ended_on(date).is_none()
    }
}

/// What an event applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// a whole source
    Doc(DocId),
    /// one rule
    Rule(RuleId),
}

/// A dated decision about a source or rule.
#[derive(Clone, Debug)]
pub struct Event {
    /// What was decided.
    pub kind: EventKind,
    /// About what.
    pub target: Target,
    /// The source whose meeting decided it.
    pub by: DocId,
    /// The date of that meeting.
    pub date: Date,
    /// The decision's sentence, when quoted, and where.
    pub quote: Option<(String, Span)>,
    /// When the decision as encoded is an assumption: why.
    pub assumption: Option<Assumed>,
    /// Where it was written.
    pub span: Span,
}

/// Who a per-agreement fact is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// the agreement being evaluated
    This,
    /// a named agreement
    Agreement(AgreementId),
}

/// One node of a flattened expression.
#[derive(Clone, Debug)]
pub enum Node {
    /// a literal or choice value
    Const(Value),
    /// a fact that has one value
    Fact(FactId),
    /// a per-agreement fact
    FactOf(FactId, Who),
    /// an attribute of the agreement being evaluated
    Attr(AttrId),
    /// negation
    Not(NodeId),
    /// n-ary conjunction
    And(Vec<NodeId>),
    /// n-ary disjunction
    Or(Vec<NodeId>),
    /// comparison
    Cmp(CmpOp, NodeId, NodeId),
    /// membership in a set of constants
    In(NodeId, Vec<Value>),
}

/// An expression node with the text it was written as.
#[derive(Clone, Debug)]
pub struct ExprNode {
    /// What it computes.
    pub node: Node,
    /// Where it was written.
    pub span: Span,
}

/// An agreement on the table.
#[derive(Clone, Debug)]
pub struct Agreement {
    /// Its id, as rules and the CLI name it.
    pub id: String,
    /// Its full name.
    pub name: String,
    /// The day it came on the table; before it, no verdict is given for it.
    pub since: Option<Date>,
    /// The first day it is no longer on the table.
    pub until: Option<Date>,
    /// The document that gives those dates.
    pub source: Option<String>,
    /// When the dates are an assumption, why.
    pub assumption: Option<String>,
    /// Where the facts file names it.
    pub span: Span,
}

/// A meeting's consent to an agreement, recorded on its source: `instemming met akkoord ibp`.
#[derive(Clone, Debug)]
pub struct Approval {
    /// The source whose meeting gave it.
    pub doc: DocId,
    /// The agreement.
    pub agreement: AgreementId,
    /// The action taken (consent).
    pub action: Action,
    /// Where it was written.
    pub span: Span,
}

/// Names to indices, so that loading is linear in the size of the rule base.
#[derive(Clone, Debug, Default)]
pub struct Names {
    /// Facts by name.
    pub facts: HashMap<String, FactId>,
    /// Attributes by name.
    pub attrs: HashMap<String, AttrId>,
    /// Choices by name.
    pub choices: HashMap<String, usize>,
    /// Sources by id.
    pub docs: HashMap<String, DocId>,
    /// Rules by source and id.
    pub rules: HashMap<(DocId, String), RuleId>,
}

/// The checked and compiled rule base.
#[derive(Clone, Debug, Default)]
pub struct RuleBase {
    /// Texts of all rule files, for reports and diagnostics.
    pub sources: Sources,
    /// Declared choices.
    pub choices: Vec<ChoiceDecl>,
    /// Declared facts.
    pub facts: Vec<FactDecl>,
    /// Declared agreement attributes.
    pub attrs: Vec<AttrDecl>,
    /// Sources, in file order.
    pub docs: Vec<Doc>,
    /// Rules, in file order.
    pub rules: Vec<Rule>,
    /// Events, in file order.
    pub events: Vec<Event>,
    /// Meetings' consents to agreements, recorded on sources.
    pub approvals: Vec<Approval>,
    /// Names to indices.
    pub names: Names,
    /// All expression nodes.
    pub nodes: Vec<ExprNode>,
    /// The rules that can speak of each agreement, indexed by what their selectors test.
    pub index: crate::index::RuleIndex,
    /// Scenarios from the test files.
    pub scenarios: Vec<Scenario>,
    /// Properties from the test files.
    pub properties: Vec<Property>,
}

impl RuleBase {
    /// A declared fact by name.
    pub fn fact_id(&self, name: &str) -> Option<FactId> {
        self.names.facts.get(name).copied()
    }

    /// A declared attribute by name.
    pub fn attr_id(&self, name: &str) -> Option<AttrId> {
        self.names.attrs.get(name).copied()
    }

    /// A declared choice by name.
    pub fn choice(&self, name: &str) -> Option<&ChoiceDecl> {
        self.names.choices.get(name).map(|&c| &self.choices[c])
    }

    /// A source by id.
    pub fn doc_id(&self, id: &str) -> Option<DocId> {
        self.names.docs.get(id).copied()
    }

    /// A rule by source and id.
    pub fn rule_id(&self, doc: DocId, id: &str) -> Option<RuleId> {
        self.names.rules.get(&(doc, id.to_string())).copied()
    }

    /// The text an expression node was written as, with whitespace runs collapsed.
    pub fn text(&self, node: NodeId) -> String {
        squash(self.sources.slice(self.nodes[node].span))
    }

    /// The values worth trying for a fact when searching: every value of a yes/no or choice
    /// fact; for other types the constants it is compared with and their neighbours.
    pub fn values_worth_trying(&self, fact: FactId) -> Vec<Value> {
        let mut values: Vec<Value> = match &self.facts[fact].ty {
            Type::Bool => vec![Value::Bool(false), Value::Bool(true)],
            Type::Choice(c) => self
                .choice(c)
                .into_iter()
                .flat_map(|d| d.values.iter().map(|v| Value::Choice(v.clone())))
                .collect(),
            _ => self
                .compared_with(fact)
                .into_iter()
                .flat_map(neighbours)
                .collect(),
        };
        if values.is_empty() {
            values.push(match &self.facts[fact].ty {
                Type::Amount => Value::Amount(Amount(0)),
                Type::Date => Value::Date(Date::MIN),
                Type::Text => Value::Text(String::new()),
                _ => Value::Number(0),
            });
        }
        values.sort();
        values.dedup();
        values
    }

    /// The constants a fact is compared with anywhere in the rule base.
    fn compared_with(&self, fact: FactId) -> Vec<Value> {
        let is_fact = |n: NodeId| matches!(self.nodes[n].node, Node::Fact(f) | Node::FactOf(f, _) if f == fact);
        let constant = |n: NodeId| match &self.nodes[n].node {
            Node::Const(v) => Some(v.clone()),
            _ => None,
        };
        self.nodes
            .iter()
            .flat_map(|n| match &n.node {
                Node::Cmp(_, a, b) if is_fact(*a) => constant(*b).into_iter().collect(),
                Node::Cmp(_, a, b) if is_fact(*b) => constant(*a).into_iter().collect(),
                Node::In(k, set) if is_fact(*k) => set.clone(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// The name of what an event is about: a source id or `source.rule`.
    pub fn target_name(&self, target: Target) -> String {
        match target {
            Target::Doc(d) => self.docs[d].id.clone(),
            Target::Rule(r) => self.rule_name(r),
        }
    }

    /// `rob_bijstand.blokkade opgeheven op 2018-11-30 (BALV, balv_2018_11)`
    pub fn event_text(&self, event: usize) -> String {
        let e = &self.events[event];
        let by = &self.docs[e.by];
        let (target, kind, date, meeting, id) = (
            self.target_name(e.target),
            e.kind.participle(),
            e.date,
            &by.meeting,
            &by.id,
        );
        crate::tr!(
            "{target} {kind} op {date} ({meeting}, {id})",
            "{target} {kind} on {date} ({meeting}, {id})"
        )
    }

    /// `source.rule`, the name a rule goes by.
    pub fn rule_name(&self, rule: RuleId) -> String {
        let r = &self.rules[rule];
        format!("{}.{}", self.docs[r.doc].id, r.id)
    }
}

/// A value and the values just below and above it, for searching around a boundary.
fn neighbours(v: Value) -> Vec<Value> {
    match v {
        Value::Number(n) => vec![
            Value::Number(n.saturating_sub(1)),
            Value::Number(n),
            Value::Number(n.saturating_add(1)),
        ],
        Value::Amount(Amount(c)) => {
            vec![
                Value::Amount(Amount(c.saturating_sub(1))),
                Value::Amount(Amount(c)),
                Value::Amount(Amount(c.saturating_add(1))),
            ]
        }
        Value::Date(d) => [d.yesterday().ok(), Some(d), d.tomorrow().ok()]
            .into_iter()
            .flatten()
            .map(Value::Date)
            .collect(),
        other => vec![other],
    }
}

/// Collapses every run of whitespace to one space, so quotes broken over lines read as one.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Event {
    /// The source the event is about, directly or through one of its rules.
    pub fn target_doc(&self, base: &RuleBase) -> DocId {
        match self.target {
            Target::Doc(d) => d,
            Target::Rule(r) => base.rules[r].doc,
        }
    }
}

/// A checked scenario: a date, fact overrides and expected verdicts.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// Its id.
    pub id: String,
    /// What it checks.
    pub title: String,
    /// The date to evaluate on.
    pub date: Date,
    /// A facts file (path relative to the scenario's file) whose `feiten` replace the rule base's.
    pub facts_file: Option<String>,
    /// Facts set on top: fact, agreement for a per-agreement fact, value (`None`: unknown).
    pub sets: Vec<(FactId, Option<AgreementId>, Option<Value>)>,
    /// The verdicts expected.
    pub expects: Vec<Expectation>,
    /// What became of reservations, expected: the rule and the state.
    pub reservations: Vec<(RuleId, String)>,
    /// Where it was written.
    pub span: Span,
}

/// One expected verdict.
#[derive(Clone, Debug)]
pub struct Expectation {
    /// The agreement.
    pub agreement: AgreementId,
    /// The action.
    pub action: Action,
    /// The verdict expected.
    pub verdict: VerdictWord,
    /// The rules expected to decide it, when the scenario names them.
    pub by: Option<Vec<RuleId>>,
    /// The expectation as written, for reports.
    pub text: String,
}

/// A checked property: whenever a selected agreement gets the verdict, `then` holds.
#[derive(Clone, Debug)]
pub struct Property {
    /// Its id.
    pub id: String,
    /// The principle in words.
    pub title: String,
    /// The date; `None`: every date on which the rule base changes.
    pub date: Option<Date>,
    /// With no date: only from this day on.
    pub from: Option<Date>,
    /// The action.
    pub action: Action,
    /// The agreements it speaks of.
    pub selector: Selector,
    /// The verdict that triggers the claim.
    pub verdict: VerdictWord,
    /// What must then hold, a boolean node.
    pub then: NodeId,
    /// The claim as written, for reports.
    pub text: String,
}
