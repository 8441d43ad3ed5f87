//! Dates and decisions: a rule's validity, the targets of lifts and statuses, histories that
//! cannot be (a change before its target, a second end, two decisions on one day, a rejection
//! after a motion bound), and, from all of it, when each rule binds.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::ast::{self, EventKind};
use crate::compiled::{DocId, Event, Life, RuleId, Start, Stop, Target, squash};
use crate::error::{CheckError, What};
use crate::suggest::did_you_mean;
use crate::tr;

use super::{Checker, assumed, unknown};

impl Checker {
    /// `geldig vanaf … tot …` must lie after the source's adoption and be a real period.
    pub(super) fn validity(&mut self, doc: DocId, rule: &ast::Rule) {
        let adopted = self.base.docs[doc].date;
        let id = &rule.id.node;
        if let Some(from) = &rule.valid_from
            && from.node < adopted
        {
            let from = from.node;
            self.errors.push(CheckError::History {
                message: tr!(
                    "regel `{id}` geldt vanaf {from}, maar de bron werd pas op {adopted} aangenomen",
                    "rule `{id}` is valid from {from} but its source was adopted on {adopted}"
                ),
                span: rule.valid_from.as_ref().map_or(rule.id.span, |f| f.span),
                label: tr!("voor de aanneming", "before the adoption"),
                help: Some(tr!(
                    "een regel kan niet binden voor de vergadering die hem aannam; laat `vanaf` weg of verbeter de datum",
                    "a rule cannot bind before the meeting that adopted it; drop `vanaf` or correct the date"
                )),
            });
        }
        let start = rule
            .valid_from
            .as_ref()
            .map_or(adopted, |f| f.node.max(adopted));
        if let Some(to) = &rule.valid_to
            && to.node <= start
        {
            let to_date = to.node;
            self.errors.push(CheckError::History {
                message: tr!(
                    "regel `{id}` houdt op met gelden op {to_date}, voordat hij begint op {start}",
                    "rule `{id}` stops being valid on {to_date}, before it starts on {start}"
                ),
                span: to.span,
                label: tr!("eindigt voor het begin", "ends before it starts"),
                help: Some(tr!(
                    "`tot` is de eerste dag dat de regel niet meer bindt; die ligt na `vanaf`",
                    "`tot` is the first day the rule no longer binds; it must come after `vanaf`"
                )),
            });
        }
    }

    pub(super) fn event(&mut self, by: DocId, event: &ast::Event) {
        for target in &event.targets {
            let Some(resolved) = self.target(target) else {
                continue;
            };
            let target_doc = self.doc_of(resolved);
            let (date, target_date) = (self.base.docs[by].date, self.base.docs[target_doc].date);
            if date < target_date {
                let kind = event.kind.dutch();
                self.errors.push(CheckError::History {
                    message: tr!(
                        "`{kind}` op {date} ligt voor de aanneming van `{target}` op {target_date}",
                        "`{kind}` on {date} is dated before `{target}` was adopted on {target_date}"
                    ),
                    span: target.span,
                    label: tr!("veranderd voordat het bestond", "changed before it existed"),
                    help: Some(tr!(
                        "controleer de vergaderdatums van beide bronnen",
                        "check the meeting dates of both sources"
                    )),
                });
            }
            self.base.events.push(Event {
                kind: event.kind,
                target: resolved,
                by,
                date,
                quote: event.quote.as_ref().map(|q| (squash(&q.node), q.span)),
                assumption: assumed(event.assumption.as_ref()),
                span: target.span,
            });
        }
    }

    fn doc_of(&self, target: Target) -> DocId {
        match target {
            Target::Doc(d) => d,
            Target::Rule(r) => self.base.rules[r].doc,
        }
    }

    pub(super) fn target(&mut self, target: &ast::Target) -> Option<Target> {
        let Some(doc) = self.base.doc_id(&target.source.node) else {
            let known = self.base.docs.iter().map(|d| d.id.as_str()).collect();
            let error = unknown(What::Source, &target.source.node, target.source.span, known);
            self.unknown(error);
            return None;
        };
        let Some(rule) = &target.rule else {
            return Some(Target::Doc(doc));
        };
        let found = self.base.rule_id(doc, &rule.node);
        if found.is_none() {
            let known: Vec<&str> = self
                .base
                .rules
                .iter()
                .filter(|r| r.doc == doc)
                .map(|r| r.id.as_str())
                .collect();
            let source = &target.source.node;
            let help = did_you_mean(&rule.node, known)
                .map(|h| h.replacen('`', &format!("`{source}."), 1))
                .unwrap_or_else(|| {
                    tr!(
                        "bron `{source}` heeft geen regel met die naam",
                        "source `{source}` has no rule by that name"
                    )
                });
            self.errors.push(CheckError::Unknown {
                what: What::Rule,
                name: target.to_string(),
                span: rule.span,
                help: Some(help),
            });
        }
        found.map(Target::Rule)
    }

    /// Rejects impossible histories: a thing that stopped binding and is then changed again,
    /// two different decisions about one thing on one day, a vote deferred or a motion rejected
    /// after its own meeting, an adoption of what was never deferred.
    pub(super) fn check_histories(&mut self) {
        let mut order: Vec<usize> = (0..self.base.events.len()).collect();
        // A day's deferrals first, then its adoptions, so that what else that day decides
        // reads the same in any order of the files.
        order.sort_by_key(|&i| {
            let e = &self.base.events[i];
            let rank = match e.kind {
                EventKind::Deferred => 0,
                EventKind::Adopted | EventKind::Rejected | EventKind::Withdrawn => 1,
                EventKind::Settled | EventKind::Lift | EventKind::Held => 2,
            };
            (e.date, rank)
        });
        let mut ended: HashMap<Target, usize> = HashMap::new();
        let mut parts: Vec<Vec<RuleId>> = vec![Vec::new(); self.base.docs.len()];
        for (r, rule) in self.base.rules.iter().enumerate() {
            parts[rule.doc].push(r);
        }
        let mut deferred: HashMap<Target, usize> = HashMap::new();
        // The day each deferred thing was adopted; adopting a source adopts every part of it
        // still waiting, and adopting a part leaves the rest of its source waiting.
        let mut adopted: HashMap<Target, Date> = HashMap::new();
        let mut same_day: HashMap<(Target, Date), usize> = HashMap::new();
        let mut errors = Vec::new();
        for &i in &order {
            let e = &self.base.events[i];
            if let Some(&j) = same_day.get(&(e.target, e.date))
                && self.base.events[j].kind != e.kind
            {
                errors.push(self.conflict(j, i));
                continue;
            }
            same_day.insert((e.target, e.date), i);
            let doc = Target::Doc(self.doc_of(e.target));
            let own_meeting = e.date == self.base.docs[self.doc_of(e.target)].date;
            // A deferral still waits on this day, for a vote, unless the thing or its source was
            // adopted on an earlier day; for a lift or status, unless it was adopted that day
            // or before (the meeting that adopts may also lift or settle).
            let adopted_by = |t: &Target, day: Date| adopted.get(t).is_some_and(|&d| d <= day);
            let deferral = deferred
                .get(&e.target)
                .or_else(|| deferred.get(&doc))
                .copied();
            let before = e.date.yesterday().unwrap_or(Date::MIN);
            let pending =
                deferral.filter(|_| !adopted_by(&e.target, before) && !adopted_by(&doc, before));
            let waits = |t: Target| {
                let voted = ended.get(&t).is_some_and(|&j| {
                    matches!(
                        self.base.events[j].kind,
                        EventKind::Rejected | EventKind::Withdrawn
                    )
                });
                deferred
                    .get(&t)
                    .or_else(|| deferred.get(&doc))
                    .copied()
                    .filter(|_| !voted && !adopted_by(&t, e.date) && !adopted_by(&doc, e.date))
            };
            // A whole source waits while any part of it does.
            let waiting = match e.target {
                Target::Rule(_) => waits(e.target),
                Target::Doc(d) => parts[d].iter().find_map(|&r| waits(Target::Rule(r))),
            };
            // Two ends decided by meetings on the same day (a lift and a settlement, say) agree;
            // only a change after something ended is impossible.
            // The rejection of what was still waiting of a source leaves a part that a meeting
            // adopted before (or on the same day) binding.
            let kept = |j: usize| {
                let end = &self.base.events[j];
                end.kind == EventKind::Rejected
                    && adopted.get(&e.target).is_some_and(|&d| d <= end.date)
            };
            let earlier = ended
                .get(&e.target)
                .copied()
                .or_else(|| ended.get(&doc).copied().filter(|&j| !kept(j)))
                .filter(|&j| self.base.events[j].date < e.date);
            if let Some(j) = earlier {
                errors.push(self.already_ended(j, i));
                continue;
            }
            let problem = match e.kind {
                EventKind::Deferred if !own_meeting => Some(self.not_at_own_meeting(i)),
                EventKind::Deferred => {
                    deferred.insert(e.target, i);
                    None
                }
                EventKind::Adopted => match pending {
                    Some(d) if self.base.events[d].date < e.date => {
                        adopted.entry(e.target).or_insert(e.date);
                        None
                    }
                    _ => Some(self.never_deferred(i)),
                },
                EventKind::Rejected if own_meeting || pending.is_some() => {
                    ended.insert(e.target, i);
                    None
                }
                EventKind::Rejected => Some(self.rejected_late(i)),
                EventKind::Settled | EventKind::Lift | EventKind::Held if waiting.is_some() => {
                    Some(self.not_binding_yet(i, waiting.unwrap_or(i)))
                }
                kind => {
                    if kind.ends_force() && e.date >= self.base.docs[self.doc_of(e.target)].date {
                        // An event dated before its target was reported already; it ends nothing.
                        ended.insert(e.target, i);
                    }
                    None
                }
            };
            errors.extend(problem);
        }
        self.errors.extend(errors);
    }

    fn history(&self, event: usize, message: String, label: String, help: String) -> CheckError {
        CheckError::History {
            message,
            span: self.base.events[event].span,
            label,
            help: Some(help),
        }
    }

    fn conflict(&self, first: usize, second: usize) -> CheckError {
        let (prev, e) = (&self.base.events[first], &self.base.events[second]);
        let name = self.base.target_name(e.target);
        let (a, b, date) = (prev.kind.participle(), e.kind.participle(), e.date);
        let see = self.where_is(prev.span);
        self.history(
            second,
            tr!(
                "`{name}` is op {date} zowel {a} als {b}",
                "`{name}` is both {a} and {b} on {date}"
            ),
            tr!("tegenstrijdig besluit", "conflicting decision"),
            tr!("zie {see}", "see {see}"),
        )
    }

    fn already_ended(&self, first: usize, second: usize) -> CheckError {
        let (prev, e) = (&self.base.events[first], &self.base.events[second]);
        let name = self.base.target_name(e.target);
        let (was, then, was_date, date) = (
            prev.kind.participle(),
            e.kind.participle(),
            prev.date,
            e.date,
        );
        let see = self.where_is(prev.span);
        self.history(
            second,
            tr!(
                "`{name}` was al {was} op {was_date} en kan niet {then} worden op {date}",
                "`{name}` was already {was} on {was_date} and cannot be {then} on {date}"
            ),
            tr!("hier niet meer van kracht", "no longer in force here"),
            tr!("zie {see}", "see {see}"),
        )
    }

    fn not_at_own_meeting(&self, event: usize) -> CheckError {
        let e = &self.base.events[event];
        let name = self.base.target_name(e.target);
        let own = self.base.docs[self.doc_of(e.target)].date;
        self.history(
            event,
            tr!(
                "de stemming over `{name}` kan alleen worden uitgesteld op de eigen vergadering ({own})",
                "the vote on `{name}` can only be deferred at its own meeting ({own})"
            ),
            tr!("niet de eigen vergadering", "not its own meeting"),
            tr!(
                "zet `stemming uitgesteld {name}` in een bron van {own}; wat daarna gebeurt is `aangenomen`, `verworpen` of `ingetrokken`",
                "put `stemming uitgesteld {name}` in a source of {own}; what happens later is `aangenomen`, `verworpen` or `ingetrokken`"
            ),
        )
    }

    fn never_deferred(&self, event: usize) -> CheckError {
        let e = &self.base.events[event];
        let name = self.base.target_name(e.target);
        let own = self.base.docs[self.doc_of(e.target)].date;
        self.history(
            event,
            tr!(
                "`{name}` kan niet later worden aangenomen: de stemming erover is niet uitgesteld",
                "`{name}` cannot be adopted later: its vote was not deferred"
            ),
            tr!("niets om aan te nemen", "nothing to adopt"),
            tr!(
                "een bron bindt vanaf zijn eigen vergadering ({own}); alleen na `stemming uitgesteld` volgt `aangenomen`",
                "a source binds from its own meeting ({own}); only a `stemming uitgesteld` is followed by `aangenomen`"
            ),
        )
    }

    fn rejected_late(&self, event: usize) -> CheckError {
        let e = &self.base.events[event];
        let name = self.base.target_name(e.target);
        let (own, date) = (self.base.docs[self.doc_of(e.target)].date, e.date);
        self.history(
            event,
            tr!(
                "`{name}` kan niet op {date} worden verworpen: het is aangenomen op {own} en bond sindsdien",
                "`{name}` cannot be rejected on {date}: it was adopted on {own} and has bound since"
            ),
            tr!("na de aanneming", "after the adoption"),
            tr!(
                "verworpen kan alleen op de eigen vergadering, of na `stemming uitgesteld`; later is het `ingetrokken`, `afgehandeld` of `hef op`",
                "rejection is only possible at its own meeting, or after `stemming uitgesteld`; later it is `ingetrokken`, `afgehandeld` or `hef op`"
            ),
        )
    }

    fn not_binding_yet(&self, event: usize, deferral: usize) -> CheckError {
        let e = &self.base.events[event];
        let name = self.base.target_name(e.target);
        let (kind, since) = (e.kind.participle(), self.base.events[deferral].date);
        self.history(
            event,
            tr!(
                "`{name}` bindt nog niet (stemming uitgesteld op {since}) en kan dus niet {kind} worden",
                "`{name}` does not bind yet (vote deferred on {since}), so it cannot be {kind}"
            ),
            tr!("bindt nog niet", "does not bind yet"),
            tr!(
                "neem het eerst aan met `aangenomen {name}`, of verwerp of trek het in",
                "adopt it first with `aangenomen {name}`, or reject or withdraw it"
            ),
        )
    }

    /// When each rule binds: from its adoption (or a later adoption after a deferred vote, or
    /// its own validity) until the first decision that ends it or its validity's end.
    pub(super) fn lives(&mut self) {
        let mut about: HashMap<Target, Vec<usize>> = HashMap::new();
        for (i, e) in self.base.events.iter().enumerate() {
            about.entry(e.target).or_default().push(i);
        }
        for r in 0..self.base.rules.len() {
            let life = self.life(r, &about);
            self.base.rules[r].life = life;
        }
    }

    fn life(&self, r: RuleId, about: &HashMap<Target, Vec<usize>>) -> Life {
        let rule = &self.base.rules[r];
        let mut events: Vec<usize> = [Target::Rule(r), Target::Doc(rule.doc)]
            .iter()
            .filter_map(|t| about.get(t))
            .flatten()
            .copied()
            .collect();
        events.sort_by_key(|&i| (self.base.events[i].date, i));
        // On a day that decided about the rule itself, that decision holds for it: its source's
        // decisions of the same day concern the rest of the source.
        let itself = Target::Rule(r);
        let own_days: Vec<Date> = events
            .iter()
            .map(|&i| &self.base.events[i])
            .filter(|e| e.target == itself)
            .map(|e| e.date)
            .collect();
        events.retain(|&i| {
            let e = &self.base.events[i];
            e.target == itself || !own_days.contains(&e.date)
        });
        let adopted = self.base.docs[rule.doc].date;
        let own = |from: Date, why: Start| match rule.valid_from {
            Some(v) if v > from => (v, Start::ValidFrom),
            _ => (from, why),
        };
        let mut start = Some(own(adopted, Start::Adoption));
        let mut withheld = None;
        let mut end = rule.valid_to.map(|t| (t, Stop::Expired));
        let mut adopted_later = false;
        for &i in &events {
            let e = &self.base.events[i];
            match e.kind {
                EventKind::Deferred => {
                    start = None;
                    withheld = Some(i);
                }
                EventKind::Adopted if start.is_none() => {
                    start = Some(own(e.date, Start::Adopted(i)));
                    adopted_later = true;
                }
                // The rest of its source rejected after the rule itself was adopted.
                EventKind::Rejected if adopted_later && e.target != itself => {}
                EventKind::Rejected => {
                    // Rejected means never bound: a later adoption of the rest of its source
                    // does not revive it.
                    start = None;
                    withheld = Some(i);
                    break;
                }
                kind if kind.ends_force() => {
                    if start.is_none() {
                        // Withdrawn while its vote waited: it never binds.
                        withheld = Some(i);
                    } else if end.is_none_or(|(t, _)| e.date < t) {
                        end = Some((e.date, Stop::Event(i)));
                    }
                    break;
                }
                _ => {}
            }
        }
        Life {
            start,
            end,
            withheld,
        }
    }
}
