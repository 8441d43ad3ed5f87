//! The answer to "may the board take this action on this agreement, on this day, and if not,
//! what must happen?": the verdict, in plain words, with everything it rests on.

use std::collections::BTreeSet;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::ast::Action;
use crate::compiled::{AgreementId, RuleBase, RuleId, Selector};
use crate::eval::{Decision, Finding, Verdict};
use crate::facts::World;
use crate::tr;
use crate::value::Tri;

use super::history::{ReservationInfo, failed_for};
use super::plain::{listed, long_date, numbered, verdict_sentence};
use super::staff::{Way, ways};
use super::{
    AgreementRef, AssumptionInfo, Cx, FactInfo, Inactive, Part, RuleRef, SignalInfo, tri_json,
    tri_text,
};

/// How much to work out for an answer.
#[derive(Clone, Copy, Debug)]
pub struct AnswerOptions {
    /// Work out what must happen (the ways to *mag*); the search is bounded.
    pub ways: bool,
    /// Facts older than this many days are flagged as possibly stale.
    pub max_age_days: u32,
}

impl Default for AnswerOptions {
    fn default() -> Self {
        AnswerOptions {
            ways: true,
            max_age_days: 365,
        }
    }
}

/// One agreement, one action, one day: the verdict and everything it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Answer {
    /// The agreement.
    pub agreement: AgreementRef,
    /// The action (`ondertekening`, `instemming`, `uitvoering`, `onderhandeling`).
    pub action: Action,
    /// The action in the current language.
    pub action_text: String,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict in the current language.
    pub verdict_text: String,
    /// The answer as one paragraph in plain language.
    pub plain: String,
    /// What stands in the way, each part once, with the rules it blocks: the false parts for
    /// *niet*, the unknown ones for *onbepaald* and *mag onder voorbehoud*.
    pub obstacles: Vec<Obstacle>,
    /// What must happen for *mag*: the first minimal ways found (up to ten), smallest first.
    pub ways: Vec<Way>,
    /// How many minimal ways the search found, listed or not.
    pub ways_found: usize,
    /// True when `ways_found` is the exact number of ways; false when the search was cut
    /// short: there may be more.
    pub ways_complete: bool,
    /// The rules that decide the verdict (`source.rule`).
    pub deciding: Vec<String>,
    /// Every rule that binds on the day and speaks of the agreement, with its outcome.
    pub rules: Vec<RuleResult>,
    /// Rules that would speak of the agreement but do not bind on the day, and why.
    pub not_in_force: Vec<Inactive>,
    /// Unknown facts that could change the verdict, each once, with their questions.
    pub open: Vec<FactInfo>,
    /// For *mag onder voorbehoud*: the open reservations.
    pub reservations: Vec<RuleRef>,
    /// Choices no document gives that the verdict rests on.
    pub assumptions: Vec<AssumptionInfo>,
    /// Signals in force that concern this agreement.
    pub signals: Vec<SignalInfo>,
    /// Reservations of past actions on this agreement that have failed.
    pub failed_reservations: Vec<ReservationInfo>,
    /// The newest date of the facts the verdict reads, `YYYY-MM-DD`.
    pub facts_updated: Option<String>,
    /// Facts the verdict reads that may be out of date, with why.
    pub stale: Vec<Stale>,
}

/// A part of a condition that stands in the way, and the rules it blocks.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Obstacle {
    /// The part, with its value and facts.
    pub part: Part,
    /// The rules whose verdict it decides.
    pub rules: Vec<RuleRef>,
}

/// A fact that may be out of date.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Stale {
    /// The fact.
    pub fact: FactInfo,
    /// Why it may be out of date.
    pub why: String,
}

/// One rule that binds, and how it came out.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct RuleResult {
    /// The rule.
    pub rule: RuleRef,
    /// The selector as written.
    pub selector: String,
    /// Whether the selector takes in the agreement (`null`: unknown).
    pub applies: Option<bool>,
    /// The parts of the selector, when it is unknown whether it applies.
    pub selector_parts: Vec<Part>,
    /// The condition as written.
    pub condition: String,
    /// Whether it holds.
    pub holds: Option<bool>,
    /// `niet applies of holds`: whether the rule is satisfied.
    pub value: Option<bool>,
    /// `voldaan`, `niet voldaan`, `onbepaald`, `open voorbehoud`.
    pub state_text: String,
    /// The parts of the condition, each with its value, as a tree.
    pub tree: Vec<TreeNode>,
    /// The parts that decide its value.
    pub because: Vec<Part>,
    /// `onder voorbehoud "…"`: may still be met after the action.
    pub reservation: Option<String>,
}

/// A part of a condition with its value, and its own parts.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct TreeNode {
    /// The part as written.
    pub condition: String,
    /// Its value.
    pub value: Option<bool>,
    /// Its parts; empty for a comparison or a fact.
    pub parts: Vec<TreeNode>,
    /// For a comparison or a fact: the facts it reads.
    pub facts: Vec<FactInfo>,
}

/// Every agreement on the table and its answers on one day, with what concerns them all.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Overview {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The answers, per agreement and action.
    pub answers: Vec<Answer>,
    /// How many answers have each verdict.
    pub counts: Vec<Count>,
    /// Agreements not (yet, or no longer) on the table on the day.
    pub not_on_table: Vec<AgreementRef>,
    /// Every signal in force.
    pub signals: Vec<SignalInfo>,
    /// Every reservation of a past action that has failed.
    pub failed_reservations: Vec<ReservationInfo>,
    /// The unknown facts that could change a verdict, each once.
    pub open: Vec<FactInfo>,
    /// Every assumption a verdict rests on, each once.
    pub assumptions: Vec<AssumptionInfo>,
    /// The newest date of the facts read, `YYYY-MM-DD`.
    pub facts_updated: Option<String>,
}

/// How many answers have a verdict.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Count {
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict in the current language.
    pub verdict_text: String,
    /// How many.
    pub count: usize,
}

/// The answer for one agreement and action on one day.
pub fn answer(
    base: &RuleBase,
    world: &World,
    date: Date,
    agreement: AgreementId,
    action: Action,
    options: AnswerOptions,
) -> Answer {
    let cx = Cx::new(base, world, date);
    let signals = cx.signals();
    let failed = failed_for(base, world, date);
    cx.build(agreement, action, options, &signals, &failed)
}

/// The answers for one agreement: the action asked for, or every action rules speak of.
pub fn explain(
    base: &RuleBase,
    world: &World,
    date: Date,
    agreement: AgreementId,
    action: Option<Action>,
    options: AnswerOptions,
) -> Vec<Answer> {
    let cx = Cx::new(base, world, date);
    let signals = cx.signals();
    let failed = failed_for(base, world, date);
    actions(&cx, agreement, action)
        .into_iter()
        .map(|h| cx.build(agreement, h, options, &signals, &failed))
        .collect()
}

/// The answers for the agreements asked for (every agreement on the table when none), with the
/// signals, failed reservations, open facts and assumptions of all of them.
pub fn overview(
    base: &RuleBase,
    world: &World,
    date: Date,
    agreements: &[AgreementId],
    action: Option<Action>,
    options: AnswerOptions,
) -> Overview {
    let stream = OverviewStream::new(base, world, date, agreements, action, options);
    let mut tally = Tally::default();
    let answers: Vec<Answer> = stream.answers().inspect(|a| tally.add(a)).collect();
    stream.finish(answers, tally)
}

/// An overview whose answers are worked out one at a time, so that a renderer can write each
/// as it comes and nothing holds them all: what does not depend on the answers is known at
/// once, what does is gathered in a [`Tally`] on the way.
pub struct OverviewStream<'a> {
    cx: Cx<'a>,
    on: Vec<AgreementId>,
    action: Option<Action>,
    options: AnswerOptions,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Agreements not (yet, or no longer) on the table on the day.
    pub not_on_table: Vec<AgreementRef>,
    /// Every signal in force.
    pub signals: Vec<SignalInfo>,
    /// Every reservation of a past action that has failed.
    pub failed_reservations: Vec<ReservationInfo>,
    /// The newest date in the facts file on or before the day, `YYYY-MM-DD`.
    pub facts_updated: Option<String>,
}

impl<'a> OverviewStream<'a> {
    /// The overview of `agreements` (every agreement on the table when none) on `date`.
    pub fn new(
        base: &'a RuleBase,
        world: &'a World,
        date: Date,
        agreements: &[AgreementId],
        action: Option<Action>,
        options: AnswerOptions,
    ) -> Self {
        let cx = Cx::new(base, world, date);
        let all: Vec<AgreementId> = if agreements.is_empty() {
            (0..world.agreements.len()).collect()
        } else {
            agreements.to_vec()
        };
        let (on, off): (Vec<AgreementId>, Vec<AgreementId>) =
            all.into_iter().partition(|&a| cx.ev.on_table(a));
        OverviewStream {
            date: date.to_string(),
            not_on_table: off.iter().map(|&a| cx.agreement(a)).collect(),
            signals: cx.signals(),
            failed_reservations: failed_for(base, world, date),
            facts_updated: facts_updated(world, date),
            cx,
            on,
            action,
            options,
        }
    }

    /// The names of the agreements on the table, in the order of the answers.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.on
            .iter()
            .map(|&a| self.cx.world.agreements[a].name.as_str())
    }

    /// The answers, per agreement on the table and action, each worked out when asked for.
    pub fn answers(&self) -> impl Iterator<Item = Answer> + '_ {
        self.on
            .iter()
            .flat_map(|&a| {
                actions(&self.cx, a, self.action)
                    .into_iter()
                    .map(move |h| (a, h))
            })
            .map(|(a, h)| {
                self.cx
                    .build(a, h, self.options, &self.signals, &self.failed_reservations)
            })
    }

    /// The whole overview, from its answers and their tally.
    pub fn finish(self, answers: Vec<Answer>, tally: Tally) -> Overview {
        Overview {
            date: self.date,
            answers,
            counts: tally.counts(),
            not_on_table: self.not_on_table,
            signals: self.signals,
            failed_reservations: self.failed_reservations,
            open: tally.open,
            assumptions: tally.assumptions.into_iter().collect(),
            facts_updated: self.facts_updated,
        }
    }
}

/// The newest date in the facts file on or before `date`: when the facts were last updated,
/// as of that day.
pub fn facts_updated(world: &World, date: Date) -> Option<String> {
    world
        .facts
        .iter()
        .flatten()
        .flat_map(|t| t.0.iter().filter_map(|e| e.since))
        .filter(|d| *d <= date)
        .max()
        .map(|d| d.to_string())
}

/// What an overview gathers from its answers: how many have each verdict, the open facts and
/// the assumptions, each once.
#[derive(Debug, Default)]
pub struct Tally {
    counts: [usize; 4],
    open: Vec<FactInfo>,
    open_names: std::collections::HashSet<String>,
    assumptions: BTreeSet<AssumptionInfo>,
}

/// The verdicts in the order the counts are given.
const COUNTED: [Verdict; 4] = [
    Verdict::Mag,
    Verdict::MagOnderVoorbehoud,
    Verdict::Niet,
    Verdict::Onbepaald,
];

impl Tally {
    /// Counts one answer in.
    pub fn add(&mut self, a: &Answer) {
        if let Some(i) = COUNTED.iter().position(|v| *v == a.verdict) {
            self.counts[i] += 1;
        }
        for f in &a.open {
            if self.open_names.insert(f.name.clone()) {
                self.open.push(f.clone());
            }
        }
        self.assumptions.extend(a.assumptions.iter().cloned());
    }

    /// How many answers have each verdict, for the verdicts that occur.
    pub fn counts(&self) -> Vec<Count> {
        COUNTED
            .iter()
            .zip(self.counts)
            .filter(|(_, n)| *n > 0)
            .map(|(&v, count)| Count {
                verdict: v,
                verdict_text: v.word().to_string(),
                count,
            })
            .collect()
    }

    /// The unknown facts that could change a verdict, each once, in the order first met.
    pub fn open(&self) -> &[FactInfo] {
        &self.open
    }

    /// Every assumption a verdict rests on, each once.
    pub fn assumptions(&self) -> impl Iterator<Item = &AssumptionInfo> {
        self.assumptions.iter()
    }
}

/// An overview written as it is worked out: the JSON of [`Overview`], field for field, with
/// each answer serialised as soon as it is built.
pub struct StreamedOverview<'s, 'a>(pub &'s OverviewStream<'a>);

impl Serialize for StreamedOverview<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let o = self.0;
        let tally = std::cell::RefCell::new(Tally::default());
        let mut st = serializer.serialize_struct("Overview", 9)?;
        st.serialize_field("date", &o.date)?;
        st.serialize_field("answers", &StreamedAnswers { o, tally: &tally })?;
        let tally = tally.into_inner();
        st.serialize_field("counts", &tally.counts())?;
        st.serialize_field("not_on_table", &o.not_on_table)?;
        st.serialize_field("signals", &o.signals)?;
        st.serialize_field("failed_reservations", &o.failed_reservations)?;
        st.serialize_field("open", &tally.open)?;
        let assumptions: Vec<&AssumptionInfo> = tally.assumptions.iter().collect();
        st.serialize_field("assumptions", &assumptions)?;
        st.serialize_field("facts_updated", &o.facts_updated)?;
        st.end()
    }
}

struct StreamedAnswers<'s, 'a, 't> {
    o: &'s OverviewStream<'a>,
    tally: &'t std::cell::RefCell<Tally>,
}

impl Serialize for StreamedAnswers<'_, '_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.o.answers().inspect(|a| self.tally.borrow_mut().add(a)))
    }
}

fn actions(cx: &Cx, agreement: AgreementId, asked: Option<Action>) -> Vec<Action> {
    asked.map_or_else(|| cx.ev.actions(agreement), |h| vec![h])
}

impl Cx<'_> {
    fn build(
        &self,
        agreement: AgreementId,
        action: Action,
        options: AnswerOptions,
        signals: &[SignalInfo],
        failed: &[ReservationInfo],
    ) -> Answer {
        let d = self.ev.decide(agreement, action);
        let id = &self.world.agreements[agreement].id;
        let (ways, ways_found, ways_complete) =
            if options.ways && !matches!(d.verdict, Verdict::Mag) {
                ways(self, agreement, action)
            } else {
                (Vec::new(), 0, true)
            };
        let mut answer = Answer {
            agreement: self.agreement(agreement),
            action,
            action_text: action.word().to_string(),
            date: self.date.to_string(),
            verdict: d.verdict,
            verdict_text: d.verdict.word().to_string(),
            plain: String::new(),
            obstacles: obstacles_of(self, &d),
            ways,
            ways_found,
            ways_complete,
            deciding: d.deciding().map(|f| self.base.rule_name(f.rule)).collect(),
            rules: d
                .findings
                .iter()
                .map(|f| self.rule_result(f, agreement))
                .collect(),
            not_in_force: d
                .ended
                .iter()
                .map(|e| self.inactive(e.rule, e.why))
                .collect(),
            open: d.open.iter().map(|f| self.fact(f)).collect(),
            reservations: d.reservations.iter().map(|&r| self.rule(r)).collect(),
            assumptions: self.assumptions(&d),
            signals: signals
                .iter()
                .filter(|s| s.agreements.contains(id))
                .cloned()
                .collect(),
            failed_reservations: failed
                .iter()
                .filter(|f| &f.agreement.id == id)
                .cloned()
                .collect(),
            facts_updated: None,
            stale: Vec::new(),
        };
        self.freshness(&d, options, &mut answer);
        answer.plain = plain_answer(&answer, self.date);
        answer
    }

    fn rule_result(&self, f: &Finding, agreement: AgreementId) -> RuleResult {
        let rule = &self.base.rules[f.rule];
        let (selector, selector_parts) = match &rule.effect {
            crate::compiled::Effect::Condition {
                selector,
                selector_text,
                ..
            } => {
                let parts = match selector {
                    Selector::Where(sel) if f.applies == Tri::Unknown => {
                        let mut nodes = Vec::new();
                        self.ev.reasons(*sel, agreement, &mut nodes);
                        nodes
                            .iter()
                            .map(|&n| self.part(&self.ev.atom(n, agreement)))
                            .collect()
                    }
                    _ => Vec::new(),
                };
                (selector_text.clone(), parts)
            }
            crate::compiled::Effect::Signal { .. } => (String::new(), Vec::new()),
        };
        let state_text = match f.value {
            Tri::Yes => tr!("voldaan", "satisfied"),
            Tri::No => tr!("niet voldaan", "not satisfied"),
            Tri::Unknown if rule.reservation.is_some() => {
                tr!("open voorbehoud", "open reservation")
            }
            Tri::Unknown => tr!("onbepaald", "undetermined"),
        };
        RuleResult {
            rule: self.rule(f.rule),
            selector,
            applies: tri_json(f.applies),
            selector_parts,
            condition: self.base.text(rule.condition),
            holds: tri_json(f.holds),
            value: tri_json(f.value),
            state_text,
            tree: self.tree(rule.condition, agreement),
            because: f.because.iter().map(|a| self.part(a)).collect(),
            reservation: rule.reservation.clone(),
        }
    }

    /// A condition's parts with their values, down to the facts.
    fn tree(&self, node: usize, agreement: AgreementId) -> Vec<TreeNode> {
        use crate::compiled::Node;
        let kids: Vec<usize> = match &self.base.nodes[node].node {
            Node::And(kids) | Node::Or(kids) => kids.clone(),
            Node::Not(k) => vec![*k],
            _ => return Vec::new(),
        };
        kids.into_iter()
            .map(|k| {
                let parts = self.tree(k, agreement);
                let facts = if parts.is_empty() {
                    self.ev
                        .atom(k, agreement)
                        .facts
                        .iter()
                        .map(|f| self.fact(f))
                        .collect()
                } else {
                    Vec::new()
                };
                TreeNode {
                    condition: self.base.text(k),
                    value: tri_json(self.ev.tri(k, agreement)),
                    parts,
                    facts,
                }
            })
            .collect()
    }

    /// When the facts read were last set, and which may be out of date: older than the last
    /// meeting that changed the rules deciding the verdict, or older than the age limit.
    fn freshness(&self, d: &Decision, options: AnswerOptions, answer: &mut Answer) {
        let mut facts = Vec::new();
        for f in &d.findings {
            let rule = &self.base.rules[f.rule];
            facts.extend(self.ev.atom(rule.condition, d.agreement).facts);
            if let Some(Selector::Where(sel)) = rule.selector() {
                facts.extend(self.ev.atom(*sel, d.agreement).facts);
            }
        }
        let dated: Vec<(Date, &crate::eval::FactUse)> = facts
            .iter()
            .filter_map(|f| f.entry.as_ref().and_then(|e| e.since).map(|s| (s, f)))
            .collect();
        answer.facts_updated = dated.iter().map(|(s, _)| *s).max().map(|d| d.to_string());
        let rules: Vec<RuleId> = d.findings.iter().map(|f| f.rule).collect();
        let last_change = self.last_change(&rules);
        let mut seen = BTreeSet::new();
        for (since, f) in dated {
            if f.attribute || !seen.insert(f.name.clone()) {
                continue;
            }
            let age = (self.date - since).get_days();
            let why = match last_change {
                Some(change) if since < change => Some(tr!(
                    "vastgesteld op {}, vóór de laatste wijziging van de regels op {}",
                    "established on {}, before the rules last changed on {}",
                    long_date(since),
                    long_date(change)
                )),
                _ if age > i32::try_from(options.max_age_days).unwrap_or(i32::MAX) => Some(tr!(
                    "vastgesteld op {}, {age} dagen geleden",
                    "established on {}, {age} days ago",
                    long_date(since)
                )),
                _ => None,
            };
            if let Some(why) = why {
                answer.stale.push(Stale {
                    fact: self.fact(f),
                    why,
                });
            }
        }
    }

    /// The last day on or before the date on which a source of these rules was adopted or a
    /// decision about them was taken.
    fn last_change(&self, rules: &[RuleId]) -> Option<Date> {
        let docs: Vec<usize> = rules.iter().map(|&r| self.base.rules[r].doc).collect();
        let adopted = docs.iter().map(|&d| self.base.docs[d].date);
        let decided = self.base.events.iter().filter_map(|e| {
            let about = match e.target {
                crate::compiled::Target::Doc(d) => docs.contains(&d),
                crate::compiled::Target::Rule(r) => rules.contains(&r),
            };
            about.then_some(e.date)
        });
        adopted.chain(decided).filter(|d| *d <= self.date).max()
    }
}

/// Each deciding part once, with every rule it decides.
pub(crate) fn obstacles_of(cx: &Cx, d: &Decision) -> Vec<Obstacle> {
    let mut out: Vec<Obstacle> = Vec::new();
    if d.verdict == Verdict::Mag {
        return out;
    }
    for f in d.deciding() {
        for atom in &f.because {
            let part = cx.part(atom);
            let rule = cx.rule(f.rule);
            match out.iter_mut().find(|o| o.part.text == part.text) {
                Some(o) if !o.rules.iter().any(|r| r.id == rule.id) => o.rules.push(rule),
                Some(_) => {}
                None => out.push(Obstacle {
                    part,
                    rules: vec![rule],
                }),
            }
        }
    }
    out
}

/// The answer as one paragraph: the verdict as a sentence, what must happen (each requirement
/// once, with the sources that ask for it), reservations, how old the facts are, and the
/// assumptions, signals and failed reservations that go with it.
fn plain_answer(a: &Answer, date: Date) -> String {
    let mut out = vec![verdict_sentence(
        a.verdict,
        a.action,
        &a.agreement.name,
        date,
    )];
    match a.verdict {
        Verdict::Mag => out.push(match a.rules.len() {
            0 => tr!(
                "Geen regel in kracht gaat erover.",
                "No rule in force speaks of it."
            ),
            1 => tr!(
                "De ene regel die erover gaat is voldaan.",
                "The one rule that speaks of it is satisfied."
            ),
            n => tr!(
                "Alle {n} regels die erover gaan zijn voldaan.",
                "All {n} rules that speak of it are satisfied."
            ),
        }),
        Verdict::MagOnderVoorbehoud => {
            let reservations: Vec<String> = a
                .rules
                .iter()
                .filter(|r| r.value.is_none())
                .filter_map(|r| {
                    r.reservation
                        .as_ref()
                        .map(|res| format!("“{res}” ({})", r.rule.label))
                })
                .collect();
            out.push(tr!(
                "Voorbehoud, dat na de handeling nog vervuld moet worden: {}.",
                "Reservation, still to be met after the action: {}.",
                listed(&reservations)
            ));
        }
        Verdict::Niet | Verdict::Onbepaald => out.push(what_must_happen(a)),
    }
    if let Some(updated) = &a.facts_updated {
        let date = updated.parse::<Date>().map_or(updated.clone(), long_date);
        out.push(tr!(
            "Feiten laatst bijgewerkt op {date}.",
            "Facts last updated on {date}."
        ));
    }
    if !a.stale.is_empty() {
        let stale: Vec<String> = a
            .stale
            .iter()
            .map(|s| format!("{} ({})", s.fact.name, s.why))
            .collect();
        out.push(tr!(
            "Mogelijk verouderd: {}.",
            "Possibly out of date: {}.",
            listed(&stale)
        ));
    }
    if !a.assumptions.is_empty() {
        let what: Vec<String> = a.assumptions.iter().map(|x| x.what.clone()).collect();
        let n = what.len();
        out.push(tr!(
            "Dit oordeel rust op {n} aanname(n) die geen document geeft: {}.",
            "This verdict rests on {n} assumption(s) no document gives: {}.",
            listed(&what)
        ));
    }
    for s in &a.signals {
        out.push(tr!(
            "Signaal: “{}” is {} ({}).",
            "Signal: “{}” is {} ({}).",
            s.signal,
            s.due_text,
            s.rule.label
        ));
    }
    for f in &a.failed_reservations {
        out.push(f.text.clone());
    }
    out.join(" ")
}

/// `Daarvoor moet: (1) …; (2) …` with the sources asking for each, or the ways when there are
/// several, or why there is none.
fn what_must_happen(a: &Answer) -> String {
    let way_text = |way: &Way| {
        let items: Vec<String> = way
            .changes
            .iter()
            .map(|c| {
                let by: Vec<String> = c.rules.iter().map(rule_with_status).collect();
                if by.is_empty() {
                    c.requirement.clone()
                } else {
                    tr!(
                        "{} — gevraagd door {}",
                        "{} — asked for by {}",
                        c.requirement,
                        listed(&dedup(by))
                    )
                }
            })
            .collect();
        numbered(&items)
    };
    let cut = if a.ways_complete {
        String::new()
    } else {
        tr!(
            " (de zoektocht is begrensd; er kunnen meer manieren zijn)",
            " (the search was bounded; there may be more ways)"
        )
    };
    match a.ways.as_slice() {
        [] if a.ways_complete => tr!(
            "Geen wijziging van feiten maakt dit mogelijk: het hangt af van de kenmerken van het akkoord.",
            "No change of facts makes it possible: it depends on the agreement's attributes."
        ),
        [] => tr!(
            "Binnen de grens van de zoektocht is geen manier gevonden om dit mogelijk te maken.",
            "Within the search's bound no way was found to make it possible."
        ),
        [one] if a.ways_found == 1 => tr!(
            "Daarvoor moet gelden: {}{cut}.",
            "That needs: {}{cut}.",
            way_text(one)
        ),
        ways => {
            let shown: Vec<String> = ways.iter().take(3).map(way_text).collect();
            let n = a.ways_found;
            let more = if n > shown.len() {
                tr!(" (en {} meer)", " (and {} more)", n - shown.len())
            } else {
                String::new()
            };
            let count = if a.ways_complete {
                tr!("Dat kan op {n} manieren", "There are {n} ways")
            } else {
                tr!(
                    "Dat kan op ten minste {n} manieren",
                    "There are at least {n} ways"
                )
            };
            tr!(
                "{count}{cut}: {}{more}.",
                "{count}{cut}: {}{more}.",
                shown.join(tr!(" — of: ", " — or: ").as_str())
            )
        }
    }
}

/// A rule's source as a person names it, with what later meetings decided about it.
fn rule_with_status(r: &RuleRef) -> String {
    if r.source.status.is_empty() {
        r.label.clone()
    } else {
        format!("{}; {}", r.label, r.source.status.join("; "))
    }
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The truth value of a part in words (for renderers that print trees).
pub fn value_word(value: Option<bool>) -> String {
    tri_text(match value {
        Some(true) => Tri::Yes,
        Some(false) => Tri::No,
        None => Tri::Unknown,
    })
}
