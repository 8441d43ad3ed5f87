//! Dates and decisions: a rule's validity, the targets of lifts and statuses, and histories
//! that cannot be (a change before its target, a second end, two decisions on one day).

use std::collections::HashMap;

use crate::ast;
use crate::compiled::{DocId, Event, Target, squash};
use crate::error::CheckError;
use crate::suggest::did_you_mean;

use super::{Checker, unknown};

impl Checker {
    /// `geldig vanaf … tot …` must lie after the source's adoption and be a real period.
    pub(super) fn validity(&mut self, doc: DocId, rule: &ast::Rule) {
        let adopted = self.base.docs[doc].date;
        if let Some(from) = &rule.valid_from
            && from.node < adopted
        {
            self.errors.push(CheckError::History {
                message: format!(
                    "rule `{}` is valid from {} but its source was adopted on {adopted}",
                    rule.id.node, from.node
                ),
                span: from.span,
                label: "before the adoption".into(),
                help: Some(
                    "a rule cannot bind before the meeting that adopted it; drop `vanaf` or correct the date".into(),
                ),
            });
        }
        let start = rule
            .valid_from
            .as_ref()
            .map_or(adopted, |f| f.node.max(adopted));
        if let Some(to) = &rule.valid_to
            && to.node <= start
        {
            self.errors.push(CheckError::History {
                message: format!(
                    "rule `{}` stops being valid on {}, before it starts on {start}",
                    rule.id.node, to.node
                ),
                span: to.span,
                label: "ends before it starts".into(),
                help: Some(
                    "`tot` is the first day the rule no longer binds; it must come after `vanaf`"
                        .into(),
                ),
            });
        }
    }

    pub(super) fn event(&mut self, by: DocId, event: &ast::Event) {
        for target in &event.targets {
            let Some(resolved) = self.target(target) else {
                continue;
            };
            let target_doc = match resolved {
                Target::Doc(d) => d,
                Target::Rule(r) => self.base.rules[r].doc,
            };
            let (date, target_date) = (self.base.docs[by].date, self.base.docs[target_doc].date);
            if date < target_date {
                self.errors.push(CheckError::History {
                    message: format!(
                        "`{}` on {date} is dated before `{}` was adopted on {target_date}",
                        event.kind.dutch(),
                        target
                    ),
                    span: target.span,
                    label: "changed before it existed".into(),
                    help: Some("check the meeting dates of both sources".into()),
                });
            }
            self.base.events.push(Event {
                kind: event.kind,
                target: resolved,
                by,
                date,
                quote: event.quote.as_ref().map(|q| squash(&q.node)),
                span: target.span,
            });
        }
    }

    pub(super) fn target(&mut self, target: &ast::Target) -> Option<Target> {
        let Some(doc) = self
            .base
            .docs
            .iter()
            .position(|d| d.id == target.source.node)
        else {
            let known = self.base.docs.iter().map(|d| d.id.as_str()).collect();
            let error = unknown("source", &target.source.node, target.source.span, known);
            self.unknown(error);
            return None;
        };
        let Some(rule) = &target.rule else {
            return Some(Target::Doc(doc));
        };
        let found = self
            .base
            .rules
            .iter()
            .position(|r| r.doc == doc && r.id == rule.node);
        if found.is_none() {
            let known: Vec<&str> = self
                .base
                .rules
                .iter()
                .filter(|r| r.doc == doc)
                .map(|r| r.id.as_str())
                .collect();
            let what = "rule";
            let mut help = did_you_mean(&rule.node, known)
                .map(|h| h.replacen('`', &format!("`{}.", target.source.node), 1));
            if help.is_none() {
                help = Some(format!(
                    "source `{}` has no rule by that name",
                    target.source.node
                ));
            }
            self.errors.push(CheckError::Unknown {
                what,
                name: target.to_string(),
                span: rule.span,
                help,
            });
        }
        found.map(Target::Rule)
    }

    /// Rejects impossible histories: a thing that stopped binding and is then changed again,
    /// and two different decisions about one thing on one day.
    pub(super) fn check_histories(&mut self) {
        let mut order: Vec<usize> = (0..self.base.events.len()).collect();
        order.sort_by_key(|&i| self.base.events[i].date);
        let mut ended: HashMap<Target, usize> = HashMap::new();
        let mut same_day: HashMap<(Target, jiff::civil::Date), usize> = HashMap::new();
        let mut errors = Vec::new();
        for &i in &order {
            let e = &self.base.events[i];
            if let Some(&j) = same_day.get(&(e.target, e.date)) {
                let prev = &self.base.events[j];
                if prev.kind != e.kind {
                    errors.push(CheckError::History {
                        message: format!(
                            "`{}` is both {} and {} on {}",
                            self.base.target_name(e.target),
                            prev.kind.participle(),
                            e.kind.participle(),
                            e.date
                        ),
                        span: e.span,
                        label: "conflicting decision".into(),
                        help: Some(format!("see {}", self.where_is(prev.span))),
                    });
                    continue;
                }
            }
            same_day.insert((e.target, e.date), i);
            let doc_of = |t: Target| match t {
                Target::Doc(d) => Target::Doc(d),
                Target::Rule(r) => Target::Doc(self.base.rules[r].doc),
            };
            let earlier = ended
                .get(&e.target)
                .or_else(|| ended.get(&doc_of(e.target)));
            if let Some(&j) = earlier {
                let prev = &self.base.events[j];
                let name = self.base.target_name(e.target);
                let message = format!(
                    "`{name}` was already {} on {} and cannot be {} on {}",
                    prev.kind.participle(),
                    prev.date,
                    e.kind.participle(),
                    e.date
                );
                errors.push(CheckError::History {
                    message,
                    span: e.span,
                    label: "no longer in force here".into(),
                    help: Some(format!("see {}", self.where_is(prev.span))),
                });
            } else if e.kind.ends_force() && e.date >= self.base.docs[e.target_doc(&self.base)].date
            {
                // An event dated before its target was reported already; it ends nothing.
                ended.insert(e.target, i);
            }
        }
        self.errors.extend(errors);
    }
}
