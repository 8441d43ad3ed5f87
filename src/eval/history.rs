//! History: the verdict as consecutive periods (timeline), and an audit of recorded actions.

use jiff::civil::Date;

use crate::ast::Action;
use crate::compiled::{AgreementId, Node, NodeId, RuleBase, RuleId, Selector, Target};
use crate::facts::{Recorded, World};
use crate::value::Tri;

use super::{Atom, Decision, Evaluator, Verdict};

/// Something dated that can change a verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Happening {
    /// A source was adopted.
    Adopted(usize),
    /// The agreement came on the table.
    OnTable,
    /// A decision changed a source or rule (index into `RuleBase::events`).
    Event(usize),
    /// A rule's own validity began (`geldig vanaf`).
    ValidFrom(RuleId),
    /// A rule's own validity ended (`geldig tot`).
    ValidTo(RuleId),
    /// A fact or attribute took a new value: its display name, the new value as text, and the
    /// source when recorded.
    Fact {
        /// `x` or `x(ggz)`.
        name: String,
        /// The value as reports print it, or `onbekend`.
        value: String,
        /// The document that established it.
        source: Option<String>,
    },
}

/// A stretch of days with one verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    /// First day; `None` for "since the beginning".
    pub from: Option<Date>,
    /// Last day (inclusive); `None` for "still".
    pub until: Option<Date>,
    /// The decision on the first day (its verdict holds for the whole period).
    pub decision: Decision,
    /// What happened on the first day that opened the period.
    pub opened_by: Vec<Happening>,
}

/// The verdict for one agreement and action as consecutive, non-overlapping periods covering
/// all time, each with the happenings that opened it. A new period opens when the verdict or
/// the set of rules that decide it changes.
pub fn timeline(
    base: &RuleBase,
    world: &World,
    agreement: AgreementId,
    action: Action,
) -> Vec<Period> {
    let candidates: Vec<RuleId> = base
        .index
        .about(agreement)
        .into_iter()
        .filter(|&r| base.rules[r].conditions(action))
        .collect();
    // A rule is relevant when its selector takes in the agreement on some day that matters;
    // the ROB block, for instance, never speaks of the GGZ agreement.
    let days = change_days(&happenings(base, world, agreement, &candidates));
    let rules: Vec<RuleId> = candidates
        .into_iter()
        .filter(|&r| {
            std::iter::once(Date::MIN)
                .chain(days.iter().copied())
                .any(|d| {
                    Evaluator::new(base, world, d).selects(r, agreement) != crate::value::Tri::No
                })
        })
        .collect();
    let mut all = happenings(base, world, agreement, &rules);
    let on_table = world.agreements.get(agreement).and_then(|a| a.since);
    if let Some(since) = on_table {
        all.retain(|(d, _)| *d > since);
        all.insert(0, (since, Happening::OnTable));
    }
    let dates = change_days(&all);
    let mut on_day: std::collections::BTreeMap<Date, Vec<Happening>> = Default::default();
    for (d, h) in &all {
        on_day.entry(*d).or_default().push(h.clone());
    }
    let mut periods: Vec<Period> = Vec::new();
    let first = if on_table.is_some() { None } else { Some(None) };
    let starts = first.into_iter().chain(dates.into_iter().map(Some));
    for start in starts {
        let decision =
            Evaluator::new(base, world, start.unwrap_or(Date::MIN)).decide(agreement, action);
        let key = |d: &Decision| (d.verdict, d.deciding().map(|f| f.rule).collect::<Vec<_>>());
        let same = periods
            .last()
            .is_some_and(|p| key(&p.decision) == key(&decision));
        if same {
            continue;
        }
        if let (Some(last), Some(day)) = (periods.last_mut(), start) {
            last.until = day.yesterday().ok();
        }
        let opened_by = start
            .and_then(|d| on_day.get(&d).cloned())
            .unwrap_or_default();
        periods.push(Period {
            from: start,
            until: None,
            decision,
            opened_by,
        });
    }
    periods
}

fn change_days(happenings: &[(Date, Happening)]) -> Vec<Date> {
    let mut days: Vec<Date> = happenings.iter().map(|(d, _)| *d).collect();
    days.sort();
    days.dedup();
    days
}

/// Every dated happening that bears on the rules about one agreement and action.
fn happenings(
    base: &RuleBase,
    world: &World,
    agreement: AgreementId,
    rules: &[RuleId],
) -> Vec<(Date, Happening)> {
    let mut out = Vec::new();
    let docs: Vec<usize> = rules.iter().map(|&r| base.rules[r].doc).collect();
    // A source whose rules were all rejected or deferred at its own meeting was not adopted.
    let adopted = |d: usize| {
        rules.iter().any(|&r| {
            let rule = &base.rules[r];
            rule.doc == d
                && rule
                    .life
                    .withheld
                    .is_none_or(|e| base.events[e].date > base.docs[d].date)
        })
    };
    for (d, doc) in base.docs.iter().enumerate() {
        if docs.contains(&d) && adopted(d) {
            out.push((doc.date, Happening::Adopted(d)));
        }
    }
    for (i, e) in base.events.iter().enumerate() {
        let about = match e.target {
            Target::Doc(d) => docs.contains(&d),
            Target::Rule(r) => rules.contains(&r),
        };
        if about {
            out.push((e.date, Happening::Event(i)));
        }
    }
    for &r in rules {
        let rule = &base.rules[r];
        out.extend(rule.valid_from.map(|d| (d, Happening::ValidFrom(r))));
        out.extend(rule.valid_to.map(|d| (d, Happening::ValidTo(r))));
    }
    let mut reads = Vec::new();
    for &r in rules {
        read_by(base, base.rules[r].condition, agreement, &mut reads);
        if let Some(Selector::Where(sel)) = base.rules[r].selector() {
            read_by(base, *sel, agreement, &mut reads);
        }
    }
    reads.sort();
    reads.dedup();
    for read in reads {
        let (name, timeline) = match read {
            Read::Fact(f, a) => {
                let decl = &base.facts[f];
                let name = if decl.per_agreement {
                    format!("{}({})", decl.name, world.agreement_id(a))
                } else {
                    decl.name.clone()
                };
                (name, world.fact(f, a))
            }
            Read::Attr(attr) => (
                format!(
                    "{}({})",
                    base.attrs[attr].name,
                    world.agreement_id(agreement)
                ),
                world.attr(agreement, attr),
            ),
        };
        for entry in &timeline.0 {
            if let Some(since) = entry.since {
                let value = entry
                    .value
                    .as_ref()
                    .map_or("onbekend".to_string(), ToString::to_string);
                out.push((
                    since,
                    Happening::Fact {
                        name: name.clone(),
                        value,
                        source: entry.source.clone(),
                    },
                ));
            }
        }
    }
    out.sort_by_key(|(d, _)| *d);
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Read {
    Fact(usize, AgreementId),
    Attr(usize),
}

fn read_by(base: &RuleBase, node: NodeId, agreement: AgreementId, out: &mut Vec<Read>) {
    match &base.nodes[node].node {
        Node::Const(_) => {}
        Node::Fact(f) => out.push(Read::Fact(*f, 0)),
        Node::FactOf(f, who) => out.push(Read::Fact(*f, who.resolve(agreement))),
        Node::Attr(a) => out.push(Read::Attr(*a)),
        Node::Not(k) | Node::In(k, _) => read_by(base, *k, agreement, out),
        Node::Cmp(_, a, b) => {
            read_by(base, *a, agreement, out);
            read_by(base, *b, agreement, out);
        }
        Node::And(kids) | Node::Or(kids) => {
            kids.iter().for_each(|&k| read_by(base, k, agreement, out))
        }
    }
}

/// One recorded action, whether the rules allowed it on its date, and what became of the
/// reservations it was taken under.
#[derive(Clone, Debug, PartialEq)]
pub struct Audited {
    /// The record.
    pub record: Recorded,
    /// The decision on the day it was taken.
    pub decision: Decision,
    /// True when the action was allowed: *mag*, or *mag onder voorbehoud* with every open
    /// reservation named in the record.
    pub allowed: bool,
    /// Reservations open that day that the record does not name.
    pub unnamed: Vec<RuleId>,
    /// Each reservation the record names, followed up to the date of the audit.
    pub reservations: Vec<Followed>,
}

impl Audited {
    /// True when the record passes: allowed, and no reservation it was taken under has failed.
    pub fn in_order(&self) -> bool {
        self.allowed
            && !self
                .reservations
                .iter()
                .any(|f| matches!(f.state, Reservation::Failed { .. }))
    }
}

/// A reservation an action was taken under, followed after the action.
#[derive(Clone, Debug, PartialEq)]
pub struct Followed {
    /// The rule with the reservation.
    pub rule: RuleId,
    /// What became of it.
    pub state: Reservation,
    /// The parts of the rule's condition that decide the state, on the date of the audit.
    pub because: Vec<Atom>,
}

/// What became of a reservation by the date of the audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reservation {
    /// The requirement holds, since this day.
    Met {
        /// The first day of the latest stretch in which it held.
        since: Date,
    },
    /// The requirement is still unknown.
    Open,
    /// The requirement turned false after the action (*vervallen voorbehoud*).
    Failed {
        /// The first day of the latest stretch in which it was false.
        since: Date,
    },
    /// The rule no longer binds (lifted, settled, withdrawn or expired), since this day.
    Ended {
        /// The day it stopped binding.
        since: Date,
    },
}

/// Checks every recorded action dated on or before `as_of` against the verdict on the day it
/// was taken, and follows its reservations up to `as_of`.
pub fn audit(base: &RuleBase, world: &World, as_of: Date) -> Vec<Audited> {
    // A meeting's consent recorded on its source (`instemming met akkoord …`) is an action too.
    let approvals = base.approvals.iter().map(|ap| {
        let doc = &base.docs[ap.doc];
        Recorded {
            agreement: ap.agreement,
            action: ap.action,
            date: doc.date,
            by: Some(doc.meeting.clone()),
            reservations: Vec::new(),
            under: Vec::new(),
            source: Some(format!("{} {}", doc.id, doc.title)),
            path: String::new(),
            span: ap.span,
        }
    });
    let mut records: Vec<Recorded> = world
        .recorded
        .iter()
        .cloned()
        .chain(approvals)
        .filter(|r| r.date <= as_of)
        .collect();
    records.sort_by_key(|r| r.date);
    records
        .iter()
        .map(|record| {
            let decision =
                Evaluator::new(base, world, record.date).decide(record.agreement, record.action);
            let unnamed: Vec<RuleId> = decision
                .reservations
                .iter()
                .copied()
                .filter(|r| !record.under.contains(r))
                .collect();
            let allowed = match decision.verdict {
                Verdict::Mag => true,
                Verdict::MagOnderVoorbehoud => unnamed.is_empty(),
                Verdict::Niet | Verdict::Onbepaald => false,
            };
            let reservations = record
                .under
                .iter()
                .map(|&rule| follow(base, world, record, rule, as_of))
                .collect();
            Audited {
                record: record.clone(),
                decision,
                allowed,
                unnamed,
                reservations,
            }
        })
        .collect()
}

/// The reservations of past actions that have failed by `date`: what `check` warns about.
pub fn failed_reservations(
    base: &RuleBase,
    world: &World,
    date: Date,
) -> Vec<(Recorded, Followed)> {
    audit(base, world, date)
        .into_iter()
        .flat_map(|a| {
            let record = a.record;
            a.reservations
                .into_iter()
                .filter(|f| matches!(f.state, Reservation::Failed { .. }))
                .map(move |f| (record.clone(), f))
        })
        .collect()
}

/// The state of one reservation on `as_of`, and since when it has been so.
fn follow(
    base: &RuleBase,
    world: &World,
    record: &Recorded,
    rule: RuleId,
    as_of: Date,
) -> Followed {
    let agreement = record.agreement;
    let value_on = |day: Date| {
        let ev = Evaluator::new(base, world, day);
        if !ev.in_force(rule) {
            return None;
        }
        Some(ev.tri(base.rules[rule].condition, agreement))
    };
    let mut days: Vec<Date> = vec![record.date];
    let mut reads = Vec::new();
    read_by(base, base.rules[rule].condition, agreement, &mut reads);
    for read in reads {
        let timeline = match read {
            Read::Fact(f, a) => world.fact(f, a),
            Read::Attr(attr) => world.attr(agreement, attr),
        };
        days.extend(timeline.0.iter().filter_map(|e| e.since));
    }
    days.extend(base.rules[rule].life.end.map(|(d, _)| d));
    days.retain(|d| *d >= record.date && *d <= as_of);
    days.sort();
    days.dedup();
    let now = value_on(as_of);
    // The first day of the last run of days with the same value as now.
    let since = days
        .iter()
        .rev()
        .take_while(|&&d| value_on(d) == now)
        .last()
        .copied()
        .unwrap_or(as_of);
    let state = match now {
        None => Reservation::Ended { since },
        Some(Tri::Yes) => Reservation::Met { since },
        Some(Tri::No) => Reservation::Failed { since },
        Some(Tri::Unknown) => Reservation::Open,
    };
    let ev = Evaluator::new(base, world, as_of);
    let mut nodes = Vec::new();
    ev.reasons(base.rules[rule].condition, agreement, &mut nodes);
    let because = nodes.into_iter().map(|n| ev.atom(n, agreement)).collect();
    Followed {
        rule,
        state,
        because,
    }
}
