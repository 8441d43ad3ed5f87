//! Checked rules + facts + a date → verdicts with explanations, in three-valued logic.
//!
//! Each rule in force for an action contributes `niet selector of voorwaarde`; the verdict is
//! their conjunction: *mag* (yes), *niet* (no) or *onbepaald* (unknown), or *mag onder
//! voorbehoud* when only requirements marked `onder voorbehoud` are still open.

mod explain;
mod history;

pub use history::{
    Audited, Followed, Happening, Period, Reservation, audit, failed_reservations, timeline,
};

use std::fmt;

use jiff::civil::Date;

use crate::ast::Action;
use crate::compiled::{
    AgreementId, Effect, FactId, Node, NodeId, RuleBase, RuleId, Selector, Stop, Who,
};
use crate::facts::{Entry, World};
use crate::value::{Tri, Value};

/// The answer to "may the board take this action on this agreement?".
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No: at least one rule in force stands in the way.
    Niet,
    /// Unknown: no rule says no, but some depend on facts not yet known.
    Onbepaald,
    /// Yes, under reservation: every rule holds except requirements the rules mark as ones that
    /// may be met after the action, and those are still open.
    MagOnderVoorbehoud,
    /// Yes: every rule in force is satisfied.
    Mag,
}

impl Verdict {
    /// The words reports print, in the current language.
    pub fn word(self) -> &'static str {
        use crate::i18n::t;
        match self {
            Verdict::Mag => t("mag", "may"),
            Verdict::MagOnderVoorbehoud => t("mag onder voorbehoud", "may under reservation"),
            Verdict::Niet => t("niet", "may not"),
            Verdict::Onbepaald => t("onbepaald", "undetermined"),
        }
    }

    /// The verdict's id in JSON, the same in every language: `mag`, `mag_onder_voorbehoud`,
    /// `niet`, `onbepaald`.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Mag => "mag",
            Verdict::MagOnderVoorbehoud => "mag_onder_voorbehoud",
            Verdict::Niet => "niet",
            Verdict::Onbepaald => "onbepaald",
        }
    }

    /// True for *mag* and *niet*: verdicts no unknown fact can change.
    pub fn is_definite(self) -> bool {
        matches!(self, Verdict::Mag | Verdict::Niet)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// Something a fact, attribute or per-agreement fact is known (or not known) to be.
#[derive(Clone, Debug, PartialEq)]
pub struct FactUse {
    /// How reports name it: `x`, `x(ggz)`.
    pub name: String,
    /// Its value on the date, if known.
    pub value: Option<Value>,
    /// The question to ask when it is unknown.
    pub question: String,
    /// The entry that gave the value, with its date and source.
    pub entry: Option<Entry>,
    /// True for an attribute of the agreement (its values need no date).
    pub attribute: bool,
}

/// A smallest part of a condition (a fact, a comparison, a membership test) and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Atom {
    /// The node.
    pub node: NodeId,
    /// Its value.
    pub value: Tri,
    /// The facts it reads.
    pub facts: Vec<FactUse>,
}

/// How one rule in force came out for one agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule.
    pub rule: RuleId,
    /// Whether its selector matches the agreement.
    pub applies: Tri,
    /// Whether its condition holds.
    pub holds: Tri,
    /// `niet applies of holds`.
    pub value: Tri,
    /// The atoms that decide `value`: the false ones for *no*, the unknown ones for *unknown*,
    /// the true ones for *yes*.
    pub because: Vec<Atom>,
}

/// A rule that would speak of this agreement but is no longer in force on the date.
#[derive(Clone, Debug, PartialEq)]
pub struct Ended {
    /// The rule.
    pub rule: RuleId,
    /// Why it ended.
    pub why: EndReason,
}

/// Why a rule does not bind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndReason {
    /// A later decision lifted, settled or withdrew it (index into `RuleBase::events`).
    Event(usize),
    /// Its own validity ran out on this date (`geldig tot`).
    Expired(Date),
    /// It never bound: rejected, or its vote deferred and not (yet) taken (index into
    /// `RuleBase::events`).
    Withheld(usize),
}

/// Whether a signal (a commitment that falls due when its condition holds) is due on a date.
#[derive(Clone, Debug, PartialEq)]
pub struct SignalState {
    /// The signal rule.
    pub rule: RuleId,
    /// Yes: due; no: not due; unknown: cannot tell yet.
    pub due: Tri,
    /// The parts of the condition that decide it.
    pub because: Vec<Atom>,
}

/// The verdict for one agreement and action on one date, with its reasons.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// The agreement.
    pub agreement: AgreementId,
    /// The action.
    pub action: Action,
    /// The date.
    pub date: Date,
    /// The verdict.
    pub verdict: Verdict,
    /// Every rule in force whose selector does not rule the agreement out, in rule order.
    pub findings: Vec<Finding>,
    /// For *mag onder voorbehoud*: the rules whose reservations are still open.
    pub reservations: Vec<RuleId>,
    /// For *onbepaald* and *mag onder voorbehoud*: the unknown facts that could change the
    /// outcome, each once.
    pub open: Vec<FactUse>,
    /// Rules that selected the agreement but had ended by the date.
    pub ended: Vec<Ended>,
}

impl Decision {
    /// The findings that decide the verdict: the failing rules for *niet*, the unknown ones for
    /// *onbepaald*, the open reservations for *mag onder voorbehoud*, all applicable ones for *mag*.
    pub fn deciding(&self) -> impl Iterator<Item = &Finding> {
        let want = match self.verdict {
            Verdict::Niet => Tri::No,
            Verdict::Onbepaald | Verdict::MagOnderVoorbehoud => Tri::Unknown,
            Verdict::Mag => Tri::Yes,
        };
        self.findings.iter().filter(move |f| f.value == want)
    }
}

/// The agreement index signals are evaluated with: they read no agreement (the checker
/// ensures it), and every lookup by this index finds nothing.
const NO_AGREEMENT: AgreementId = AgreementId::MAX;

/// Fact values that replace the world's for one evaluation, keyed by fact and slot (the
/// agreement for a per-agreement fact, 0 otherwise). `None` makes a fact unknown.
pub type Changes = std::collections::BTreeMap<(FactId, usize), Option<Value>>;

/// Evaluates rules against facts on one date.
pub struct Evaluator<'a> {
    base: &'a RuleBase,
    world: &'a World,
    date: Date,
    changes: Option<&'a Changes>,
}

impl<'a> Evaluator<'a> {
    /// An evaluator for `date`.
    pub fn new(base: &'a RuleBase, world: &'a World, date: Date) -> Self {
        Evaluator {
            base,
            world,
            date,
            changes: None,
        }
    }

    /// An evaluator for `date` that reads `changes` before the world.
    pub fn with_changes(
        base: &'a RuleBase,
        world: &'a World,
        date: Date,
        changes: &'a Changes,
    ) -> Self {
        Evaluator {
            base,
            world,
            date,
            changes: Some(changes),
        }
    }

    /// The slot a fact is read from for an agreement: the agreement for a per-agreement fact.
    pub fn slot(&self, fact: FactId, agreement: AgreementId) -> usize {
        if self.base.facts[fact].per_agreement {
            agreement
        } else {
            0
        }
    }

    /// A fact's value on the date, after the changes.
    fn fact_value(&self, fact: FactId, agreement: AgreementId) -> Option<&'a Value> {
        if let Some(changed) = self
            .changes
            .and_then(|c| c.get(&(fact, self.slot(fact, agreement))))
        {
            return changed.as_ref();
        }
        self.world.fact(fact, agreement).at(self.date)
    }

    /// The date evaluated on.
    pub fn date(&self) -> Date {
        self.date
    }

    /// Why `rule` does not bind on the date, once it would have: the decision that ended it,
    /// the end of its validity, or the decision that kept it from ever binding.
    pub fn ended_by(&self, rule: RuleId) -> Option<EndReason> {
        let r = &self.base.rules[rule];
        if !r.started_on(self.date) {
            return r
                .life
                .withheld
                .filter(|&e| self.base.events[e].date <= self.date)
                .map(EndReason::Withheld);
        }
        r.ended_on(self.date).map(|(date, stop)| match stop {
            Stop::Event(e) => EndReason::Event(e),
            Stop::Expired => EndReason::Expired(date),
        })
    }

    /// True when the rule binds on the date (resolved once by the checker into its life).
    pub fn in_force(&self, rule: RuleId) -> bool {
        self.base.rules[rule].in_force_on(self.date)
    }

    /// True when the agreement is on the table on the date; before that no verdict is given.
    pub fn on_table(&self, agreement: AgreementId) -> bool {
        self.world.on_table(agreement, self.date)
    }

    /// The actions rules speak of for this agreement, signing always first.
    pub fn actions(&self, agreement: AgreementId) -> Vec<Action> {
        let mut actions = vec![Action::Signing];
        for r in self.base.index.candidates(agreement, self.date, self.world) {
            let rule = &self.base.rules[r];
            if !rule.started_on(self.date) || self.selects(r, agreement) == Tri::No {
                continue;
            }
            for &action in rule.actions() {
                if !actions.contains(&action) {
                    actions.push(action);
                }
            }
        }
        actions.sort();
        actions
    }

    /// Every signal in force on the date, in rule order.
    pub fn signals(&self) -> Vec<SignalState> {
        (0..self.base.rules.len())
            .filter(|&r| {
                matches!(self.base.rules[r].effect, Effect::Signal { .. }) && self.in_force(r)
            })
            .map(|rule| {
                let cond = self.base.rules[rule].condition;
                let mut nodes = Vec::new();
                self.reasons(cond, NO_AGREEMENT, &mut nodes);
                let because = nodes
                    .into_iter()
                    .map(|n| self.atom(n, NO_AGREEMENT))
                    .collect();
                SignalState {
                    rule,
                    due: self.tri(cond, NO_AGREEMENT),
                    because,
                }
            })
            .collect()
    }

    /// The verdict for one agreement and action.
    pub fn decide(&self, agreement: AgreementId, action: Action) -> Decision {
        let mut findings = Vec::new();
        let mut ended = Vec::new();
        for r in self.base.index.candidates(agreement, self.date, self.world) {
            if !self.base.rules[r].conditions(action) {
                continue;
            }
            let why = self.ended_by(r);
            if why.is_none() && !self.in_force(r) {
                continue;
            }
            let applies = self.selects(r, agreement);
            if applies == Tri::No {
                continue;
            }
            match why {
                Some(why) => ended.push(Ended { rule: r, why }),
                None => findings.push(self.finding(r, agreement, applies)),
            }
        }
        findings.sort_by_key(|f| f.rule);
        ended.sort_by_key(|e| e.rule);
        let unknown: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.value == Tri::Unknown)
            .collect();
        let reserved = |f: &&&Finding| self.base.rules[f.rule].reservation.is_some();
        let verdict = if findings.iter().any(|f| f.value == Tri::No) {
            Verdict::Niet
        } else if unknown.iter().any(|f| !reserved(&f)) {
            Verdict::Onbepaald
        } else if !unknown.is_empty() {
            Verdict::MagOnderVoorbehoud
        } else {
            Verdict::Mag
        };
        let reservations = match verdict {
            Verdict::MagOnderVoorbehoud => unknown.iter().map(|f| f.rule).collect(),
            _ => Vec::new(),
        };
        let mut open: Vec<FactUse> = Vec::new();
        if matches!(verdict, Verdict::Onbepaald | Verdict::MagOnderVoorbehoud) {
            for fact in unknown
                .iter()
                .flat_map(|f| &f.because)
                .flat_map(|a| &a.facts)
            {
                if fact.value.is_none() && !open.iter().any(|o| o.name == fact.name) {
                    open.push(fact.clone());
                }
            }
        }
        Decision {
            agreement,
            action,
            date: self.date,
            verdict,
            findings,
            reservations,
            open,
            ended,
        }
    }

    /// The verdict alone, as [`Evaluator::decide`] gives it, without building the reasons:
    /// the path for when only the verdict is asked (regression checks, properties, benches).
    /// It stops at the first rule that forbids the action.
    pub fn verdict(&self, agreement: AgreementId, action: Action) -> Verdict {
        let (mut unknown, mut reserved) = (false, false);
        let index = &self.base.index;
        for r in index.candidates(agreement, self.date, self.world) {
            let rule = index.hot(r);
            if !rule.binds(action, self.date) {
                continue;
            }
            let applies = rule.selector.map_or(Tri::Yes, |s| self.tri(s, agreement));
            if applies == Tri::No {
                continue;
            }
            match (!applies).or(self.tri(rule.condition, agreement)) {
                Tri::No => return Verdict::Niet,
                Tri::Unknown if rule.reserved => reserved = true,
                Tri::Unknown => unknown = true,
                Tri::Yes => {}
            }
        }
        if unknown {
            Verdict::Onbepaald
        } else if reserved {
            Verdict::MagOnderVoorbehoud
        } else {
            Verdict::Mag
        }
    }

    /// Whether the rule's selector picks the agreement (*no* for a signal, which selects none).
    pub fn selects(&self, rule: RuleId, agreement: AgreementId) -> Tri {
        match self.base.rules[rule].selector() {
            None => Tri::No,
            Some(Selector::Every) => Tri::Yes,
            Some(Selector::Ids(ids)) => Tri::from(ids.contains(&agreement)),
            Some(Selector::Where(node)) => self.tri(*node, agreement),
        }
    }

    fn finding(&self, rule: RuleId, agreement: AgreementId, applies: Tri) -> Finding {
        let cond = self.base.rules[rule].condition;
        let holds = self.tri(cond, agreement);
        let value = (!applies).or(holds);
        let mut nodes = Vec::new();
        if applies == Tri::Unknown
            && holds != Tri::Yes
            && let Some(Selector::Where(sel)) = self.base.rules[rule].selector()
        {
            self.reasons(*sel, agreement, &mut nodes);
        }
        if holds == value {
            self.reasons(cond, agreement, &mut nodes);
        }
        let because = nodes.into_iter().map(|n| self.atom(n, agreement)).collect();
        Finding {
            rule,
            applies,
            holds,
            value,
            because,
        }
    }

    /// The truth value of a boolean node. Evaluation borrows every value it reads (from the
    /// rules, the world or the changes) and allocates nothing.
    pub fn tri(&self, node: NodeId, agreement: AgreementId) -> Tri {
        match &self.base.nodes[node].node {
            Node::Not(k) => !self.tri(*k, agreement),
            Node::And(kids) => {
                let mut acc = Tri::Yes;
                for &k in kids {
                    acc = acc.and(self.tri(k, agreement));
                    if acc == Tri::No {
                        break;
                    }
                }
                acc
            }
            Node::Or(kids) => {
                let mut acc = Tri::No;
                for &k in kids {
                    acc = acc.or(self.tri(k, agreement));
                    if acc == Tri::Yes {
                        break;
                    }
                }
                acc
            }
            Node::Cmp(op, a, b) => match (self.value(*a, agreement), self.value(*b, agreement)) {
                (Some(a), Some(b)) => Tri::from(op.holds(a.cmp(b))),
                _ => Tri::Unknown,
            },
            Node::In(k, set) => match self.value(*k, agreement) {
                Some(v) => Tri::from(set.contains(v)),
                None => Tri::Unknown,
            },
            _ => match self.value(node, agreement) {
                Some(Value::Bool(b)) => Tri::from(*b),
                _ => Tri::Unknown,
            },
        }
    }

    /// The value of a node, `None` when unknown.
    fn value(&self, node: NodeId, agreement: AgreementId) -> Option<&'a Value> {
        match &self.base.nodes[node].node {
            Node::Const(v) => Some(v),
            Node::Fact(f) => self.fact_value(*f, agreement),
            Node::FactOf(f, who) => self.fact_value(*f, who.resolve(agreement)),
            Node::Attr(attr) => self.world.attr(agreement, *attr).at(self.date),
            _ => known(self.tri(node, agreement)),
        }
    }
}

impl Who {
    /// The agreement a per-agreement fact is read for, given the one at hand.
    pub fn resolve(self, at_hand: AgreementId) -> AgreementId {
        match self {
            Who::This => at_hand,
            Who::Agreement(a) => a,
        }
    }
}

fn known(t: Tri) -> Option<&'static Value> {
    match t {
        Tri::Yes => Some(&Value::Bool(true)),
        Tri::No => Some(&Value::Bool(false)),
        Tri::Unknown => None,
    }
}
