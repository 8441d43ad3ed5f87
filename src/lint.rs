//! Rules that look wrong: facts nobody reads, rules that can never apply, conditions that are
//! always true or always false, decisions that change nothing, and rules no scenario touches.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::compiled::{AgreementId, Node, NodeId, RuleBase, RuleId, Selector, Target};
use crate::eval::{Changes, Evaluator};
use crate::facts::World;
use crate::span::Span;
use crate::tr;
use crate::value::Tri;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Probably a mistake.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The word reports print, in the current language.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Warning => crate::i18n::t("waarschuwing", "warning"),
            Severity::Info => "info",
        }
    }

    /// The id in JSON: `waarschuwing` or `info`.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Warning => "waarschuwing",
            Severity::Info => "info",
        }
    }
}

/// One thing the linter found.
#[derive(Clone, Debug, PartialEq)]
pub struct Lint {
    /// How much it matters.
    pub severity: Severity,
    /// A short stable name, e.g. `ongebruikt-feit`.
    pub code: &'static str,
    /// What it is.
    pub message: String,
    /// Where.
    pub span: Span,
}

/// The most fact combinations tried to decide that a condition is always true or false.
const MAX_COMBINATIONS: usize = 4096;

/// Runs every lint. `covered` are the rules the scenarios exercised, when scenarios were run.
pub fn lint(base: &RuleBase, world: &World, covered: Option<&BTreeSet<RuleId>>) -> Vec<Lint> {
    let mut out = Vec::new();
    unused_facts(base, &mut out);
    for r in 0..base.rules.len() {
        never_applies(base, world, r, &mut out);
        constant_condition(base, world, r, &mut out);
    }
    changes_nothing(base, &mut out);
    if let Some(covered) = covered {
        for (r, rule) in base
            .rules
            .iter()
            .enumerate()
            .filter(|(r, _)| !covered.contains(r))
        {
            out.push(Lint {
                severity: Severity::Info,
                code: "niet-gedekt",
                message: {
                    let name = base.rule_name(r);
                    tr!(
                        "geen scenario raakt regel `{name}`",
                        "no scenario exercises rule `{name}`"
                    )
                },
                span: rule.span,
            });
        }
    }
    out.sort_by_key(|l| (l.span.file, l.span.start, l.code));
    out
}

fn reads(base: &RuleBase, node: NodeId, facts: &mut BTreeSet<usize>, attrs: &mut bool) {
    match &base.nodes[node].node {
        Node::Fact(f) | Node::FactOf(f, _) => {
            facts.insert(*f);
        }
        Node::Attr(_) => *attrs = true,
        Node::Const(_) => {}
        Node::Not(k) | Node::In(k, _) => reads(base, *k, facts, attrs),
        Node::Cmp(_, a, b) => {
            reads(base, *a, facts, attrs);
            reads(base, *b, facts, attrs);
        }
        Node::And(kids) | Node::Or(kids) => kids.iter().for_each(|&k| reads(base, k, facts, attrs)),
    }
}

fn unused_facts(base: &RuleBase, out: &mut Vec<Lint>) {
    let mut used = BTreeSet::new();
    let mut used_attrs = BTreeSet::new();
    for n in &base.nodes {
        match n.node {
            Node::Fact(f) | Node::FactOf(f, _) => {
                used.insert(f);
            }
            Node::Attr(a) => {
                used_attrs.insert(a);
            }
            _ => {}
        }
    }
    for (f, decl) in base
        .facts
        .iter()
        .enumerate()
        .filter(|(f, _)| !used.contains(f))
    {
        let name = &decl.name;
        let message = tr!(
            "feit `{name}` is gedeclareerd maar wordt door geen regel gelezen",
            "fact `{name}` is declared but no rule reads it"
        );
        out.push(Lint {
            severity: Severity::Warning,
            code: "ongebruikt-feit",
            message,
            span: base.facts[f].span,
        });
    }
    for (a, decl) in base
        .attrs
        .iter()
        .enumerate()
        .filter(|(a, _)| !used_attrs.contains(a))
    {
        let name = &decl.name;
        let message = tr!(
            "kenmerk `{name}` is gedeclareerd maar wordt door geen regel gelezen",
            "attribute `{name}` is declared but no rule reads it"
        );
        out.push(Lint {
            severity: Severity::Info,
            code: "ongebruikt-kenmerk",
            message,
            span: base.attrs[a].span,
        });
    }
}

/// Days on which an agreement's attributes change, and the beginning of time.
fn attribute_days(world: &World) -> Vec<Date> {
    let mut days: Vec<Date> = world
        .attrs
        .iter()
        .flatten()
        .flat_map(|t| t.0.iter().filter_map(|e| e.since))
        .collect();
    days.push(Date::MIN);
    days.sort();
    days.dedup();
    days
}

/// A selector over attributes only that no agreement on the table matches on any day.
fn never_applies(base: &RuleBase, world: &World, r: RuleId, out: &mut Vec<Lint>) {
    let Some(Selector::Where(sel)) = base.rules[r].selector() else {
        return;
    };
    let (mut facts, mut attrs) = (BTreeSet::new(), false);
    reads(base, *sel, &mut facts, &mut attrs);
    if !facts.is_empty() || world.agreements.is_empty() {
        return;
    }
    let matches = attribute_days(world).into_iter().any(|d| {
        (0..world.agreements.len()).any(|a| Evaluator::new(base, world, d).tri(*sel, a) != Tri::No)
    });
    if !matches {
        out.push(Lint {
            severity: Severity::Warning,
            code: "nooit-van-toepassing",
            message: tr!(
                "regel `{}` selecteert geen enkel akkoord op tafel: {}",
                "rule `{}` selects no agreement on the table: {}",
                base.rule_name(r),
                base.text(*sel)
            ),
            span: base.rules[r].span,
        });
    }
}

/// A condition that comes out the same for every value of the facts it reads.
fn constant_condition(base: &RuleBase, world: &World, r: RuleId, out: &mut Vec<Lint>) {
    let rule = &base.rules[r];
    let (mut facts, mut attrs) = (BTreeSet::new(), false);
    reads(base, rule.condition, &mut facts, &mut attrs);
    let agreements: Vec<AgreementId> = match rule.selector() {
        None => vec![AgreementId::MAX],
        Some(_) => (0..world.agreements.len()).collect(),
    };
    let mut slots: Vec<(usize, usize)> = Vec::new();
    for &f in &facts {
        if base.facts[f].per_agreement {
            slots.extend((0..world.agreements.len()).map(|a| (f, a)));
        } else {
            slots.push((f, 0));
        }
    }
    let domains: Vec<Vec<crate::value::Value>> = slots
        .iter()
        .map(|s| base.values_worth_trying(s.0))
        .collect();
    let total = domains
        .iter()
        .try_fold(1usize, |acc, d| acc.checked_mul(d.len()));
    if agreements.is_empty() || total.is_none_or(|t| t > MAX_COMBINATIONS) {
        return;
    }
    let mut seen = BTreeSet::new();
    let mut choice = vec![0usize; slots.len()];
    loop {
        let changes: Changes = slots
            .iter()
            .zip(&domains)
            .zip(&choice)
            .map(|((s, d), &c)| (*s, Some(d[c].clone())))
            .collect();
        let ev = Evaluator::with_changes(base, world, Date::MAX, &changes);
        seen.extend(agreements.iter().map(|&a| ev.tri(rule.condition, a)));
        if seen.len() > 1 || !advance(&mut choice, &domains) {
            break;
        }
    }
    let what = match (seen.len(), seen.first()) {
        (1, Some(Tri::Yes)) => tr!(
            "altijd waar: de regel houdt nooit iets tegen",
            "always true: the rule never stops anything"
        ),
        (1, Some(Tri::No)) => tr!(
            "altijd onwaar: de regel houdt altijd tegen",
            "always false: the rule always stops"
        ),
        _ => return,
    };
    out.push(Lint {
        severity: Severity::Warning,
        code: if seen.first() == Some(&Tri::Yes) {
            "altijd-waar"
        } else {
            "altijd-onwaar"
        },
        message: tr!(
            "de voorwaarde van `{}` is {what}: {}",
            "the condition of `{}` is {what}: {}",
            base.rule_name(r),
            base.text(rule.condition)
        ),
        span: rule.span,
    });
}

fn advance(choice: &mut [usize], domains: &[Vec<crate::value::Value>]) -> bool {
    for (c, d) in choice.iter_mut().zip(domains) {
        *c += 1;
        if *c < d.len() {
            return true;
        }
        *c = 0;
    }
    false
}

/// A lift, settlement, withdrawal or rejection that ends nothing still in force.
fn changes_nothing(base: &RuleBase, out: &mut Vec<Lint>) {
    for (i, e) in base
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind.ends_force())
    {
        let rules: Vec<RuleId> = match e.target {
            Target::Rule(r) => vec![r],
            Target::Doc(d) => (0..base.rules.len())
                .filter(|&r| base.rules[r].doc == d)
                .collect(),
        };
        // In force on the event's day but for this event: adopted, valid, and not ended by an
        // earlier decision (or one earlier in the file on the same day).
        let live = |r: RuleId| {
            let rule = &base.rules[r];
            let started =
                base.docs[rule.doc].date <= e.date && rule.valid_from.is_none_or(|f| f <= e.date);
            let expired = rule.valid_to.is_some_and(|t| t <= e.date);
            let ended = base.events.iter().enumerate().any(|(j, other)| {
                j != i
                    && other.kind.ends_force()
                    && (other.date < e.date || (other.date == e.date && j < i))
                    && (other.target == Target::Rule(r) || other.target == Target::Doc(rule.doc))
            });
            started && !expired && !ended
        };
        if !rules.iter().any(|&r| live(r)) {
            let target = match e.target {
                Target::Doc(d) if rules.is_empty() => {
                    let id = &base.docs[d].id;
                    tr!("`{id}` heeft geen regels", "`{id}` has no rules")
                }
                Target::Doc(d) => {
                    let id = &base.docs[d].id;
                    tr!(
                        "geen regel van `{id}` was nog van kracht",
                        "no rule of `{id}` was still in force"
                    )
                }
                Target::Rule(r) => {
                    let name = base.rule_name(r);
                    tr!(
                        "`{name}` was niet meer van kracht",
                        "`{name}` was no longer in force"
                    )
                }
            };
            out.push(Lint {
                severity: Severity::Info,
                code: "verandert-niets",
                message: tr!(
                    "`{}` op {} verandert niets: {target}",
                    "`{}` on {} changes nothing: {target}",
                    e.kind.participle(),
                    e.date
                ),
                span: e.span,
            });
        }
    }
}
