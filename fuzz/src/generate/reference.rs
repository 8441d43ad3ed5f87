//! The reference evaluator, written from the README alone: Kleene logic over the facts in
//! force on a day, rules in force by their source's history, verdicts as "What the verdicts
//! mean" defines them.

use akkoord::eval::Verdict;
use jiff::civil::Date;

use super::{Case, DATES, EventKind, Expr, Op, Rule, RuleKind, Sel, Target, Timeline};

/// The value in force on `day`: the entry with the latest `sinds` on or before it, an undated
/// entry counting as earliest.
fn at<T: Clone>(t: &Timeline<T>, day: Date) -> Option<T> {
    t.iter()
        .filter(|(since, _)| since.is_none_or(|s| DATES[s] <= day))
        .max_by_key(|(since, _)| since.map(|s| DATES[s]))
        .and_then(|(_, v)| v.clone())
}

fn and(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

fn or(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// `value op literal`, or `literal op value` when flipped; unknown when the value is.
fn holds<T: Ord>(value: Option<T>, op: Op, literal: T, flip: bool) -> Option<bool> {
    value.map(|v| {
        if flip {
            op.apply(&literal, &v)
        } else {
            op.apply(&v, &literal)
        }
    })
}

impl Case {
    /// The Kleene value of `e` for agreement `a` on `day`.
    pub fn eval(&self, e: &Expr, a: usize, day: Date) -> Option<bool> {
        let w = &self.world;
        match e {
            Expr::Lit(b) => Some(*b),
            Expr::Fact(i) => at(&w.b[*i], day),
            Expr::FactIs(i, eq, v) => {
                let op = if *eq { Op::Eq } else { Op::Ne };
                holds(at(&w.b[*i], day), op, *v, false)
            }
            Expr::Per(who) => at(&w.p[who.unwrap_or(a)], day),
            Expr::Attr => at(&w.k[a], day),
            Expr::Choice { eq, x, flip } => {
                let op = if *eq { Op::Eq } else { Op::Ne };
                holds(at(&w.s[a], day), op, *x, *flip)
            }
            Expr::ChoiceIn(items) => at(&w.s[a], day).map(|s| items.contains(&s)),
            Expr::Num { i, op, k, flip, .. } => holds(at(&w.n[*i], day), *op, *k, *flip),
            Expr::NumIn(i, items) => at(&w.n[*i], day).map(|n| items.contains(&n)),
            Expr::Amount {
                op, euros, flip, ..
            } => holds(at(&w.g, day), *op, *euros, *flip),
            Expr::Day { op, d, flip } => {
                holds(at(&w.d, day).map(|x| DATES[x]), *op, DATES[*d], *flip)
            }
            Expr::NumPair { op, flip, .. } => {
                let (x, y) = (at(&w.n[0], day), at(&w.n[1], day));
                let (x, y) = if *flip { (y, x) } else { (x, y) };
                x.zip(y).map(|(x, y)| op.apply(&x, &y))
            }
            Expr::Not(inner) => self.eval(inner, a, day).map(|b| !b),
            Expr::And(x, y) => and(self.eval(x, a, day), self.eval(y, a, day)),
            Expr::Or(x, y) => or(self.eval(x, a, day), self.eval(y, a, day)),
        }
    }

    /// Every lift and status about rule `r` of source `s` or the whole source: (its day, what
    /// it decides). By the README's "One day, one reading", on a day that decided about the
    /// rule itself, the source's decisions of that day concern the rest of the source only.
    fn about(&self, s: usize, r: usize) -> impl Iterator<Item = (Date, EventKind)> {
        self.about_whom(s, r).map(|(d, k, _)| (d, k))
    }

    /// As [`Self::about`], with whether the decision names the rule itself.
    fn about_whom(&self, s: usize, r: usize) -> impl Iterator<Item = (Date, EventKind, bool)> {
        let all = move |t: Target| {
            self.sources.iter().flat_map(move |by| {
                by.events
                    .iter()
                    .filter(move |e| e.target == t)
                    .map(move |e| (DATES[by.date], e.kind))
            })
        };
        let own_days: Vec<Date> = all(Target::Rule(s, r)).map(|(d, _)| d).collect();
        all(Target::Rule(s, r)).map(|(d, k)| (d, k, true)).chain(
            all(Target::Source(s))
                .filter(move |(d, _)| !own_days.contains(d))
                .map(|(d, k)| (d, k, false)),
        )
    }

    /// Rule `r` of source `s` binds on `day`, by the README's "History": a source binds from
    /// its meeting's date, or, when its vote (or this rule's) was deferred, from the first
    /// later meeting that adopted it; a rejected one never binds; a lift, settlement or
    /// withdrawal dated on or before the day ended it (`aangehouden` ends nothing); and the
    /// rule's own validity (`geldig vanaf`, `tot`: the first day it no longer binds) covers
    /// the day.
    pub fn in_force(&self, s: usize, r: usize, day: Date) -> bool {
        let source = &self.sources[s];
        let rule = &source.rules[r];
        let deferred = self.about(s, r).any(|(_, k)| k == EventKind::Deferred);
        let adopted = if deferred {
            self.about(s, r)
                .filter(|(_, k)| *k == EventKind::Adopted)
                .map(|(d, _)| d)
                .min()
        } else {
            Some(DATES[source.date])
        };
        let from = adopted.map(|a| rule.from.map_or(a, |f| a.max(DATES[f])));
        let started = from.is_some_and(|f| f <= day);
        let valid = rule.to.is_none_or(|t| day < DATES[t]);
        // Rejected itself, or with the rest of its source when it was not adopted by itself
        // before: a part adopted earlier keeps binding when the rest is rejected.
        let adopted_itself = self
            .about_whom(s, r)
            .filter(|&(_, k, itself)| k == EventKind::Adopted && itself)
            .map(|(d, _, _)| d)
            .min();
        let rejected = self.about_whom(s, r).any(|(d, k, itself)| {
            k == EventKind::Rejected && (itself || adopted_itself.is_none_or(|a| a > d))
        });
        let ended = self.about(s, r).any(|(d, k)| k.ends_force() && d <= day);
        started && valid && !rejected && !ended
    }

    /// Agreement `a` is on the table on `day`: from its `sinds` until before its `tot`.
    pub fn on_table(&self, a: usize, day: Date) -> bool {
        let (since, until) = self.world.table[a];
        since.is_none_or(|s| DATES[s] <= day) && until.is_none_or(|u| day < DATES[u])
    }

    /// Every rule (source, rule) in the case.
    pub(super) fn rules(&self) -> impl Iterator<Item = (usize, usize, &Rule)> {
        self.sources.iter().enumerate().flat_map(|(s, src)| {
            src.rules
                .iter()
                .enumerate()
                .map(move |(r, rule)| (s, r, rule))
        })
    }

    /// The verdict for agreement `a`, action `h`, on `day`: each rule in force about `h`
    /// contributes `niet selector of conditie`; their conjunction is *mag*, *niet* or unknown;
    /// unknown is *mag onder voorbehoud* when only rules under reservation are unknown.
    pub fn verdict(&self, a: usize, h: usize, day: Date) -> Verdict {
        let mut all = Some(true);
        let mut open_unreserved = false;
        for (s, r, rule) in self.rules() {
            if rule.kind == RuleKind::Signal
                || !rule.actions.contains(&h)
                || !self.in_force(s, r, day)
            {
                continue;
            }
            let applies = match &rule.selector {
                Sel::Every => Some(true),
                Sel::Ids(ids) => Some(ids.contains(&a)),
                Sel::Where(e) => self.eval(e, a, day),
            };
            let value = or(applies.map(|b| !b), self.eval(&rule.cond, a, day));
            if value.is_none() && !rule.reservation {
                open_unreserved = true;
            }
            all = and(all, value);
        }
        match all {
            Some(true) => Verdict::Mag,
            Some(false) => Verdict::Niet,
            None if open_unreserved => Verdict::Onbepaald,
            None => Verdict::MagOnderVoorbehoud,
        }
    }

    /// The signals in force on `day`, with whether each is due.
    pub fn signals(&self, day: Date) -> Vec<((usize, usize), Option<bool>)> {
        self.rules()
            .filter(|(s, r, rule)| rule.kind == RuleKind::Signal && self.in_force(*s, *r, day))
            .map(|(s, r, rule)| ((s, r), self.eval(&rule.cond, 0, day)))
            .collect()
    }
}
