//! Answers about time: the verdict over the years (timeline), and what was done with
//! agreements and what became of the reservations it was done under (audit).

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::ast::Action;
use crate::compiled::{AgreementId, RuleBase};
use crate::eval::{self, Audited, Followed, Happening, Reservation, Verdict};
use crate::facts::{Recorded, World};
use crate::tr;

use super::decision::{Obstacle, obstacles_of};
use super::plain::long_date;
use super::{AgreementRef, Cx, Part, RuleRef, kind_text};

/// The verdict for one agreement and action as consecutive periods (`akkoord timeline`).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct TimelineAnswer {
    /// The agreement.
    pub agreement: AgreementRef,
    /// The action.
    pub action: Action,
    /// The action in the current language.
    pub action_text: String,
    /// The periods, oldest first; together they cover all time (from the day the agreement
    /// came on the table, when it has one).
    pub periods: Vec<PeriodInfo>,
}

/// A stretch of days with one verdict and the same deciding rules.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct PeriodInfo {
    /// The first day, `YYYY-MM-DD`; `null`: since the beginning.
    pub from: Option<String>,
    /// The last day; `null`: still.
    pub until: Option<String>,
    /// The verdict throughout.
    pub verdict: Verdict,
    /// The verdict in the current language.
    pub verdict_text: String,
    /// What happened on the first day that opened the period.
    pub opened_by: Vec<HappeningInfo>,
    /// What stands in the way during the period.
    pub obstacles: Vec<Obstacle>,
    /// How many rules bind and are satisfied (for *mag*).
    pub satisfied: usize,
}

/// Something dated that can change a verdict.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct HappeningInfo {
    /// `aangenomen`, `besluit`, `geldig_vanaf`, `geldig_tot`, `feit`, `op_tafel`.
    pub kind: String,
    /// What happened, in words.
    pub text: String,
}

/// `akkoord timeline`: one answer per action.
pub fn timeline(
    base: &RuleBase,
    world: &World,
    agreement: AgreementId,
    action: Action,
) -> TimelineAnswer {
    let cx = Cx::new(base, world, Date::MAX);
    let periods = eval::timeline(base, world, agreement, action)
        .into_iter()
        .map(|p| {
            let at = Cx::new(base, world, p.from.unwrap_or(Date::MIN));
            PeriodInfo {
                from: p.from.map(|d| d.to_string()),
                until: p.until.map(|d| d.to_string()),
                verdict: p.decision.verdict,
                verdict_text: p.decision.verdict.word().to_string(),
                opened_by: p.opened_by.iter().map(|h| happening(base, h)).collect(),
                obstacles: obstacles_of(&at, &p.decision),
                satisfied: p.decision.findings.len(),
            }
        })
        .collect();
    TimelineAnswer {
        agreement: cx.agreement(agreement),
        action,
        action_text: action.word().to_string(),
        periods,
    }
}

fn happening(base: &RuleBase, h: &Happening) -> HappeningInfo {
    let (kind, text) = match h {
        Happening::Adopted(d) => {
            let doc = &base.docs[*d];
            let (kind, id, meeting, date) = (kind_text(doc.kind), &doc.id, &doc.meeting, doc.date);
            (
                "aangenomen",
                tr!(
                    "{kind} {id} aangenomen ({meeting} {date})",
                    "{kind} {id} adopted ({meeting} {date})"
                ),
            )
        }
        Happening::Event(i) => ("besluit", base.event_text(*i)),
        Happening::ValidFrom(r) => {
            let name = base.rule_name(*r);
            (
                "geldig_vanaf",
                tr!("{name} gaat gelden", "{name} starts to bind"),
            )
        }
        Happening::ValidTo(r) => {
            let name = base.rule_name(*r);
            (
                "geldig_tot",
                tr!("{name} geldt niet meer", "{name} no longer binds"),
            )
        }
        Happening::OnTable => (
            "op_tafel",
            tr!(
                "het akkoord komt op tafel",
                "the agreement comes on the table"
            ),
        ),
        Happening::Fact {
            name,
            value,
            source,
        } => (
            "feit",
            match source {
                Some(s) => tr!(
                    "{name} = {value} [bron: {s}]",
                    "{name} = {value} [source: {s}]"
                ),
                None => format!("{name} = {value}"),
            },
        ),
    };
    HappeningInfo {
        kind: kind.to_string(),
        text,
    }
}

/// What was done with the agreements, checked (`akkoord audit`).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct AuditAnswer {
    /// The day reservations were followed up to, `YYYY-MM-DD`.
    pub date: String,
    /// Every recorded action on or before that day, oldest first.
    pub records: Vec<RecordInfo>,
    /// How many are not in order: taken without the rules' consent, or under a reservation
    /// that has since failed.
    pub not_in_order: usize,
}

/// One recorded action and what the rules said.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct RecordInfo {
    /// The agreement.
    pub agreement: AgreementRef,
    /// What was done.
    pub action: Action,
    /// The action in the current language.
    pub action_text: String,
    /// When, `YYYY-MM-DD`.
    pub date: String,
    /// By whom.
    pub by: Option<String>,
    /// The document that records it.
    pub source: Option<String>,
    /// The verdict on that day.
    pub verdict: Verdict,
    /// The verdict in words.
    pub verdict_text: String,
    /// True when the rules allowed it that day.
    pub allowed: bool,
    /// True when allowed and no reservation it was taken under has failed.
    pub in_order: bool,
    /// The reservations it was taken under.
    pub under: Vec<RuleRef>,
    /// Reservations open that day that the record does not name.
    pub unnamed: Vec<RuleRef>,
    /// What became of each reservation it was taken under.
    pub reservations: Vec<ReservationInfo>,
    /// What stood in the way that day, if anything.
    pub obstacles: Vec<Obstacle>,
}

/// A reservation an action was taken under, and what became of it.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ReservationInfo {
    /// The agreement.
    pub agreement: AgreementRef,
    /// The action.
    pub action: Action,
    /// The day of the action, `YYYY-MM-DD`.
    pub action_date: String,
    /// The rule with the reservation.
    pub rule: RuleRef,
    /// What remained to be met.
    pub reservation: String,
    /// `vervuld`, `open`, `vervallen` (failed) or `beeindigd` (the rule no longer binds).
    pub state: String,
    /// Since when it has been so, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// The parts of the requirement that decide it now.
    pub parts: Vec<Part>,
    /// What became of it, in words.
    pub text: String,
}

/// `akkoord audit`: every recorded action and its reservations, up to `as_of`.
pub fn audit(base: &RuleBase, world: &World, as_of: Date) -> AuditAnswer {
    let records: Vec<RecordInfo> = eval::audit(base, world, as_of)
        .iter()
        .map(|a| record_info(base, world, as_of, a))
        .collect();
    AuditAnswer {
        date: as_of.to_string(),
        not_in_order: records.iter().filter(|r| !r.in_order).count(),
        records,
    }
}

fn record_info(base: &RuleBase, world: &World, as_of: Date, a: &Audited) -> RecordInfo {
    let r = &a.record;
    let on_day = Cx::new(base, world, r.date);
    let now = Cx::new(base, world, as_of);
    RecordInfo {
        agreement: on_day.agreement(r.agreement),
        action: r.action,
        action_text: r.action.word().to_string(),
        date: r.date.to_string(),
        by: r.by.clone(),
        source: r.source.clone(),
        verdict: a.decision.verdict,
        verdict_text: a.decision.verdict.word().to_string(),
        allowed: a.allowed,
        in_order: a.in_order(),
        under: r.under.iter().map(|&u| on_day.rule(u)).collect(),
        unnamed: a.unnamed.iter().map(|&u| on_day.rule(u)).collect(),
        reservations: a
            .reservations
            .iter()
            .map(|f| reservation_info(&now, r, f))
            .collect(),
        obstacles: obstacles_of(&on_day, &a.decision),
    }
}

/// A followed reservation as an answer, with what became of it in words.
pub(crate) fn reservation_info(cx: &Cx, record: &Recorded, f: &Followed) -> ReservationInfo {
    let rule = cx.rule(f.rule);
    let reservation = cx.base.rules[f.rule]
        .reservation
        .clone()
        .unwrap_or_default();
    let (name, action, day) = (
        &cx.world.agreements[record.agreement].name,
        record.action.word(),
        long_date(record.date),
    );
    let (state, since, text) = match f.state {
        Reservation::Met { since } => (
            "vervuld",
            Some(since),
            tr!(
                "Voorbehoud “{reservation}” bij {action} van {name} ({day}) is vervuld sinds {}.",
                "Reservation “{reservation}” on {action} of {name} ({day}) has been met since {}.",
                long_date(since)
            ),
        ),
        Reservation::Open => (
            "open",
            None,
            tr!(
                "Voorbehoud “{reservation}” bij {action} van {name} ({day}) is nog open.",
                "Reservation “{reservation}” on {action} of {name} ({day}) is still open."
            ),
        ),
        Reservation::Failed { since } => (
            "vervallen",
            Some(since),
            tr!(
                "Vervallen voorbehoud: “{reservation}” bij {action} van {name} ({day}) is sinds {} niet meer vervuld.",
                "Failed reservation: “{reservation}” on {action} of {name} ({day}) has not been met since {}.",
                long_date(since)
            ),
        ),
        Reservation::Ended { since } => (
            "beeindigd",
            Some(since),
            tr!(
                "Voorbehoud “{reservation}” bij {action} van {name} ({day}): de regel geldt sinds {} niet meer.",
                "Reservation “{reservation}” on {action} of {name} ({day}): the rule no longer binds since {}.",
                long_date(since)
            ),
        ),
    };
    ReservationInfo {
        agreement: cx.agreement(record.agreement),
        action: record.action,
        action_date: record.date.to_string(),
        rule,
        reservation,
        state: state.to_string(),
        since: since.map(|d| d.to_string()),
        parts: f.because.iter().map(|a| cx.part(a)).collect(),
        text,
    }
}

/// The reservations of past actions that have failed by `date`.
pub(crate) fn failed_for(base: &RuleBase, world: &World, date: Date) -> Vec<ReservationInfo> {
    let cx = Cx::new(base, world, date);
    eval::failed_reservations(base, world, date)
        .iter()
        .map(|(record, f)| reservation_info(&cx, record, f))
        .collect()
}
