//! Which drawn lifts and statuses make a possible history, by the README's "History": the
//! generator keeps those and drops the rest, so that every case loads.

use std::collections::{HashMap, HashSet};

use super::{Event, EventKind, Source, Target};

/// Histories the README allows but the engine gets wrong, each a finding in
/// `regressions/FINDINGS.md` with a reproducer in `regressions/OPEN`. While one is open the
/// generator leaves it out, so that fuzzing can find something new; once it is fixed, set it to
/// `true` (and then delete it).
mod open {
    /// `differential/adopted-source-revives-rejected-rule`: a source adopted as a whole after
    /// one of its rules was rejected.
    pub const ADOPT_SOURCE_WITH_REJECTED_RULE: bool = true;
    /// `differential/settled-after-adopted-part`: a lift, settlement or holding of what was
    /// adopted after a deferred vote, when the deferral named something else (the rule's
    /// whole source, or the rule itself when the source was adopted as a whole).
    pub const END_PART_OF_DEFERRED_SOURCE: bool = true;
}

/// What the events kept so far decided, by target.
#[derive(Default)]
struct State {
    /// How many rules each source has.
    rules: Vec<usize>,
    /// Votes deferred, with their date.
    deferred: HashMap<Target, usize>,
    /// Deferred votes adopted later.
    adopted: HashSet<Target>,
    /// Rejected (at the own meeting or after a deferred vote).
    rejected: HashSet<Target>,
    /// The first day each target stopped binding (lifted, settled, withdrawn, rejected).
    ended: HashMap<Target, usize>,
    /// The kind decided about each target on each day.
    same_day: HashMap<(Target, usize), EventKind>,
}

impl State {
    /// The rule waits for a deferred vote: its own or its source's vote was deferred, and
    /// neither has been adopted or rejected since.
    fn rule_pending(&self, s: usize, r: usize) -> bool {
        let (rule, doc) = (Target::Rule(s, r), Target::Source(s));
        (self.deferred.contains_key(&rule) || self.deferred.contains_key(&doc))
            && ![rule, doc]
                .iter()
                .any(|t| self.adopted.contains(t) || self.rejected.contains(t))
    }

    /// The whole source's vote waits: it was deferred and nothing of it adopted or rejected.
    fn source_pending(&self, s: usize) -> bool {
        let doc = Target::Source(s);
        self.deferred.contains_key(&doc)
            && !self.adopted.contains(&doc)
            && !self.rejected.contains(&doc)
            && !self
                .adopted
                .iter()
                .any(|t| matches!(t, Target::Rule(x, _) if *x == s))
    }

    /// Some of the target waits for its vote.
    fn pending(&self, target: Target) -> bool {
        match target {
            Target::Rule(s, r) => self.rule_pending(s, r),
            Target::Source(s) => {
                self.source_pending(s) || (0..self.rules[s]).any(|r| self.rule_pending(s, r))
            }
        }
    }

    /// The day the vote on `target` was deferred (its own or its source's).
    fn deferred_on(&self, target: Target) -> Option<usize> {
        let doc = Target::Source(target.source());
        self.deferred
            .get(&target)
            .or_else(|| self.deferred.get(&doc))
            .copied()
    }

    /// Whether an event of `kind` about `target` on `day` (the source's own meeting being
    /// `own`) is possible after what was kept so far.
    fn allows(&self, kind: EventKind, target: Target, day: usize, own: usize) -> bool {
        if day < own {
            return false; // a change dated before its target
        }
        if self
            .same_day
            .get(&(target, day))
            .is_some_and(|k| *k != kind)
        {
            return false; // two different decisions on one day
        }
        let doc = Target::Source(target.source());
        let ended_before = |t: &Target| self.ended.get(t).is_some_and(|&d| d < day);
        if ended_before(&target) || ended_before(&doc) {
            return false; // something changed after it ended
        }
        match kind {
            EventKind::Deferred => day == own && !self.adopted.contains(&target),
            // Only what waits for its vote, at a later meeting; a whole source only when it
            // was deferred as a whole.
            EventKind::Adopted => {
                let deferred_as_such = match target {
                    Target::Rule(..) => true,
                    Target::Source(s) => {
                        self.deferred.contains_key(&target)
                            && (open::ADOPT_SOURCE_WITH_REJECTED_RULE
                                || !self
                                    .rejected
                                    .iter()
                                    .any(|t| matches!(t, Target::Rule(x, _) if *x == s)))
                    }
                };
                deferred_as_such
                    && self.pending_or_source_waits(target)
                    && self.deferred_on(target).is_some_and(|d| d < day)
            }
            // The rest of a source deferred as a whole may be rejected after a part of it was
            // adopted (the adopted part binds on).
            EventKind::Rejected => {
                day == own || self.all_pending(target) || self.rest_pending(target)
            }
            // The README says what these do to an adopted motion; not to one whose vote waits.
            EventKind::Lift | EventKind::Settled | EventKind::Held => {
                self.may_end(target)
                    && (open::END_PART_OF_DEFERRED_SOURCE || !self.deferral_remembered(target))
            }
            // Withdrawn also while its vote waits: then it never binds.
            EventKind::Withdrawn => {
                let doc = Target::Source(target.source());
                !self.rejected.contains(&target) && !self.rejected.contains(&doc)
            }
        }
    }

    /// A lift, settlement, holding or withdrawal needs something that binds: nothing of it
    /// waits for its vote, and neither it nor its source was rejected (it never bound).
    fn may_end(&self, target: Target) -> bool {
        let doc = Target::Source(target.source());
        !self.pending(target) && !self.rejected.contains(&target) && !self.rejected.contains(&doc)
    }

    /// A deferral of the target or its source that was not adopted under that same name.
    fn deferral_remembered(&self, target: Target) -> bool {
        let doc = Target::Source(target.source());
        [target, doc]
            .iter()
            .any(|t| self.deferred.contains_key(t) && !self.adopted.contains(t))
    }

    /// A source deferred as a whole, neither adopted nor rejected as a whole (parts of it may
    /// have been adopted one by one).
    fn rest_pending(&self, target: Target) -> bool {
        match target {
            Target::Rule(..) => false,
            Target::Source(_) => {
                self.deferred.contains_key(&target)
                    && !self.adopted.contains(&target)
                    && !self.rejected.contains(&target)
            }
        }
    }

    /// All of the target waits for its vote.
    fn all_pending(&self, target: Target) -> bool {
        match target {
            Target::Rule(s, r) => self.rule_pending(s, r),
            Target::Source(s) => self.source_pending(s),
        }
    }

    /// A rule waits for its vote; a source deferred as a whole is not yet adopted as a whole
    /// (some of its rules may have been adopted one by one).
    fn pending_or_source_waits(&self, target: Target) -> bool {
        match target {
            Target::Rule(s, r) => self.rule_pending(s, r),
            Target::Source(_) => {
                !self.adopted.contains(&target) && !self.rejected.contains(&target)
            }
        }
    }

    fn record(&mut self, kind: EventKind, target: Target, day: usize) {
        self.same_day.insert((target, day), kind);
        match kind {
            EventKind::Deferred => {
                self.deferred.entry(target).or_insert(day);
            }
            EventKind::Adopted => {
                self.adopted.insert(target);
            }
            EventKind::Rejected => {
                self.rejected.insert(target);
                self.ended.entry(target).or_insert(day);
            }
            kind if kind.ends_force() => {
                self.ended.entry(target).or_insert(day);
            }
            _ => {}
        }
    }
}

/// Keeps the events that make a possible history, in their order. Events are weighed by
/// date, deferrals first within a day: none dated before its target's adoption; no two
/// different decisions about one thing on one day; nothing about what stopped binding on an
/// earlier day (a rule whose source stopped binding included); a deferral only at the own
/// meeting; an adoption only of a deferred vote, at a later meeting; a rejection at the own
/// meeting or of a vote still deferred (not once part of it was adopted); and no lift, status
/// or withdrawal of what is still waiting for its vote, in whole or in part (the README does
/// not say what those would mean).
pub(super) fn possible(sources: &[Source], drawn: Vec<(usize, Event)>) -> Vec<(usize, Event)> {
    let date = |s: usize| sources[s].date;
    let mut order: Vec<usize> = (0..drawn.len()).collect();
    order.sort_by_key(|&i| (date(drawn[i].0), drawn[i].1.kind != EventKind::Deferred));
    let mut keep = vec![false; drawn.len()];
    let mut state = State {
        rules: sources.iter().map(|s| s.rules.len()).collect(),
        ..State::default()
    };
    for i in order {
        let (by, e) = &drawn[i];
        let (day, own) = (date(*by), date(e.target.source()));
        if state.allows(e.kind, e.target, day, own) {
            keep[i] = true;
            state.record(e.kind, e.target, day);
        }
    }
    drawn
        .into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect()
}
