//! Choices the rule base makes that no document gives: marked ones (`aanname "…"` on a date, a
//! source, a rule, a decision; `"aanname"` on a fact value) and implied ones (a fact value with
//! no source, or no date). A verdict that rests on one says so.

use std::collections::BTreeSet;

use crate::compiled::{Assumed, DocId, RuleId, Selector, Target};
use crate::eval::{Decision, FactUse};
use crate::facts::Entry;
use crate::tr;
use crate::value::Tri;

use super::{AssumptionInfo, Cx, kind_text};

/// Why a fact value is an assumption: the reason the file gives, or that it has no source (or,
/// for a fact rather than an attribute, no date). Values set for one evaluation (a scenario, a
/// what-if) are hypotheses, not assumptions.
pub(crate) fn entry_assumption(entry: &Entry) -> Option<String> {
    entry_reason(entry, false)
}

fn entry_reason(entry: &Entry, attribute: bool) -> Option<String> {
    if let Some(reason) = &entry.assumption {
        return Some(reason.clone());
    }
    entry.span?;
    match (&entry.source, entry.since, attribute) {
        (None, None, false) => Some(tr!(
            "geen bron en geen datum in het feitenbestand",
            "no source and no date in the facts file"
        )),
        (None, _, _) => Some(tr!(
            "geen bron in het feitenbestand",
            "no source in the facts file"
        )),
        (Some(_), None, false) => Some(tr!(
            "geen datum in het feitenbestand: de waarde geldt voor altijd",
            "no date in the facts file: the value holds for all time"
        )),
        _ => None,
    }
}

impl Cx<'_> {
    fn assumed(&self, what: String, a: &Assumed) -> AssumptionInfo {
        AssumptionInfo {
            what,
            reason: a.reason.clone(),
            place: self.base.sources.place(a.span),
        }
    }

    fn doc_assumptions(&self, d: DocId, out: &mut BTreeSet<AssumptionInfo>) {
        let doc = &self.base.docs[d];
        let (kind, id) = (kind_text(doc.kind), &doc.id);
        if let Some(a) = &doc.date_assumption {
            let (meeting, date) = (&doc.meeting, doc.date);
            out.insert(self.assumed(
                tr!(
                    "de datum van {kind} {id}: {meeting} {date}",
                    "the date of {kind} {id}: {meeting} {date}"
                ),
                a,
            ));
        }
    }

    fn rule_assumptions(&self, r: RuleId, out: &mut BTreeSet<AssumptionInfo>) {
        let rule = &self.base.rules[r];
        self.doc_assumptions(rule.doc, out);
        if let Some(a) = &rule.assumption {
            let name = self.base.rule_name(r);
            out.insert(self.assumed(
                tr!(
                    "de lezing en reikwijdte van regel {name}",
                    "the reading and scope of rule {name}"
                ),
                a,
            ));
        }
        for (i, e) in self.base.events.iter().enumerate() {
            let about = e.target == Target::Rule(r) || e.target == Target::Doc(rule.doc);
            if let (true, Some(a)) = (about && e.date <= self.date, &e.assumption) {
                out.insert(self.assumed(self.base.event_text(i), a));
            }
        }
    }

    fn fact_assumptions(&self, facts: &[FactUse], out: &mut BTreeSet<AssumptionInfo>) {
        for f in facts {
            let Some(entry) = &f.entry else { continue };
            let Some(reason) = entry_reason(entry, f.attribute) else {
                continue;
            };
            let value = super::value_text(f.value.as_ref());
            out.insert(AssumptionInfo {
                what: format!("{} = {value}", f.name),
                reason,
                place: entry
                    .span
                    .map_or(String::new(), |s| self.base.sources.place(s)),
            });
        }
    }

    /// The assumption in an agreement's time on the table, when its dates have no source or are
    /// marked as assumed.
    fn table_assumption(&self, a: usize, out: &mut BTreeSet<AssumptionInfo>) {
        let agreement = &self.world.agreements[a];
        if agreement.since.is_none() && agreement.until.is_none() {
            return;
        }
        let reason = agreement.assumption.clone().or_else(|| {
            agreement.source.is_none().then(|| {
                tr!(
                    "geen bron in het feitenbestand",
                    "no source in the facts file"
                )
            })
        });
        if let Some(reason) = reason {
            let id = &agreement.id;
            let dates = match (agreement.since, agreement.until) {
                (Some(s), Some(u)) => tr!("van {s} tot {u}", "from {s} to {u}"),
                (Some(s), None) => tr!("sinds {s}", "since {s}"),
                (None, Some(u)) => tr!("tot {u}", "until {u}"),
                (None, None) => String::new(),
            };
            out.insert(AssumptionInfo {
                what: tr!(
                    "akkoord {id} ligt op tafel {dates}",
                    "agreement {id} is on the table {dates}"
                ),
                reason,
                place: self.base.sources.place(agreement.span),
            });
        }
    }

    /// Every assumption a decision rests on: of the rules that bind (their sources' dates and
    /// readings, the decisions about them, the facts they read), of the rules that ended, of
    /// rules that would speak of the agreement but have not started by an assumed date, and of
    /// the attributes that kept other rules from applying.
    pub(crate) fn assumptions(&self, d: &Decision) -> Vec<AssumptionInfo> {
        let mut out = BTreeSet::new();
        let a = d.agreement;
        self.table_assumption(a, &mut out);
        let decided: Vec<RuleId> = d
            .findings
            .iter()
            .map(|f| f.rule)
            .chain(d.ended.iter().map(|e| e.rule))
            .collect();
        for &r in &decided {
            self.rule_assumptions(r, &mut out);
        }
        for f in &d.findings {
            let rule = &self.base.rules[f.rule];
            self.fact_assumptions(&self.ev.atom(rule.condition, a).facts, &mut out);
        }
        for r in self.base.index.about(a) {
            let rule = &self.base.rules[r];
            if !rule.conditions(d.action) {
                continue;
            }
            if let Some(Selector::Where(sel)) = rule.selector() {
                self.fact_assumptions(&self.ev.atom(*sel, a).facts, &mut out);
            }
            let doc = &self.base.docs[rule.doc];
            let not_yet = doc.date > self.date && self.ev.selects(r, a) != Tri::No;
            if not_yet && !decided.contains(&r) {
                self.doc_assumptions(rule.doc, &mut out);
            }
        }
        out.into_iter().collect()
    }

    /// Every assumption in the rule base and the facts file, in file order.
    pub(crate) fn all_assumptions(&self) -> Vec<AssumptionInfo> {
        let mut out = BTreeSet::new();
        for d in 0..self.base.docs.len() {
            self.doc_assumptions(d, &mut out);
        }
        let every_day = Cx::new(self.base, self.world, jiff::civil::Date::MAX);
        for r in 0..self.base.rules.len() {
            every_day.rule_assumptions(r, &mut out);
        }
        for (f, decl) in self.base.facts.iter().enumerate() {
            for (slot, timeline) in self.world.facts.get(f).into_iter().flatten().enumerate() {
                let name = if decl.per_agreement {
                    format!("{}({})", decl.name, self.world.agreement_id(slot))
                } else {
                    decl.name.clone()
                };
                self.timeline_assumptions(&name, &decl.question, timeline, false, &mut out);
            }
        }
        for a in 0..self.world.agreements.len() {
            self.table_assumption(a, &mut out);
        }
        for (a, attrs) in self.world.attrs.iter().enumerate() {
            for (i, timeline) in attrs.iter().enumerate() {
                let decl = &self.base.attrs[i];
                let name = format!("{}({})", decl.name, self.world.agreement_id(a));
                self.timeline_assumptions(&name, &decl.question, timeline, true, &mut out);
            }
        }
        let mut all: Vec<AssumptionInfo> = out.into_iter().collect();
        all.sort_by_key(|a| place_key(&a.place));
        all
    }

    fn timeline_assumptions(
        &self,
        name: &str,
        question: &str,
        timeline: &crate::facts::Timeline,
        attribute: bool,
        out: &mut BTreeSet<AssumptionInfo>,
    ) {
        for entry in &timeline.0 {
            let uses = [FactUse {
                name: name.to_string(),
                value: entry.value.clone(),
                question: question.to_string(),
                entry: Some(entry.clone()),
                attribute,
            }];
            self.fact_assumptions(&uses, out);
        }
    }
}

/// Sorts `file:line:col` places by file, then line and column as numbers.
fn place_key(place: &str) -> (String, usize, usize) {
    let mut parts = place.rsplitn(3, ':');
    let col = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
    let line = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
    (parts.next().unwrap_or("").to_string(), line, col)
}
