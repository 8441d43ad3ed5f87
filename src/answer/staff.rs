//! Answers to staff questions: what unblocks an agreement, what a rule change changes, what
//! the linter found.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::ast::Action;
use crate::check::Loaded;
use crate::compiled::{AgreementId, RuleBase};
use crate::diff::{Cause, Diff};
use crate::eval::Verdict;
use crate::facts::World;
use crate::lint::Lint;
use crate::unblock::{self, Slot};

use super::decision::Obstacle;
use super::{AgreementRef, AssumptionInfo, Cx, FactInfo, RuleRef, value_json, value_text};

/// How an answer searches for what must happen: the first ten ways kept, all counted within
/// a budget of 20 000 combinations, 2 000 partial sets per condition.
const ANSWER_LIMITS: unblock::Limits = unblock::Limits {
    keep: 10,
    stop_after: None,
    budget: 20_000,
    bound: 2_000,
};

/// One way to *mag*: a minimal set of fact changes.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Way {
    /// The changes, each needed.
    pub changes: Vec<ChangeInfo>,
}

/// One fact change, as a requirement.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ChangeInfo {
    /// The fact as it is now.
    pub fact: FactInfo,
    /// The value it needs, written as a facts file takes it.
    #[schemars(schema_with = "super::value_schema")]
    pub to: serde_json::Value,
    /// The value it needs, in words.
    pub to_text: String,
    /// What must happen, in plain words.
    pub requirement: String,
    /// The rules this change helps satisfy.
    pub rules: Vec<RuleRef>,
}

/// The ways to *mag* for one agreement and action (`akkoord unblock`).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct UnblockAnswer {
    /// The agreement.
    pub agreement: AgreementRef,
    /// The action.
    pub action: Action,
    /// The action in the current language.
    pub action_text: String,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The verdict as things stand.
    pub verdict: Verdict,
    /// The verdict in the current language.
    pub verdict_text: String,
    /// Facts no change may touch.
    pub fixed: Vec<String>,
    /// The first minimal ways to *mag* found, smallest first.
    pub ways: Vec<Way>,
    /// How many ways the search found (the ones listed and the others).
    pub found: usize,
    /// True when the search examined every combination of the rules' ways: `found` is the
    /// exact number of ways. False when it stopped early or a bound cut a condition's search.
    pub complete: bool,
    /// An upper bound on the number of ways (the combinations of the rules' ways); `None` when
    /// a condition's search was cut by its bound, so that some ways are not counted in it.
    pub at_most: Option<u64>,
    /// What cut the search short, when something did.
    pub cut_by: Option<Cut>,
}

/// What cut a search for ways short.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Cut {
    /// The budget of combinations examined (`--budget`).
    Budget,
    /// The bound on partial plans per condition (`--grens`).
    Grens,
}

/// The first ways to *mag* for an answer, how many there are, and whether that count is exact.
pub(crate) fn ways(cx: &Cx, agreement: AgreementId, action: Action) -> (Vec<Way>, usize, bool) {
    let u = unblock::unblock(
        cx.base,
        cx.world,
        cx.date,
        agreement,
        action,
        &[],
        ANSWER_LIMITS,
    );
    (plans(cx, &u), u.found, u.complete && !u.truncated)
}

fn plans(cx: &Cx, u: &unblock::Unblock) -> Vec<Way> {
    u.plans
        .iter()
        .map(|plan| Way {
            changes: plan
                .iter()
                .map(|c| {
                    let decl = &cx.base.facts[c.slot.0];
                    let current = crate::eval::FactUse {
                        name: c.name.clone(),
                        value: c.from.clone(),
                        question: c.question.clone(),
                        entry: cx.world.fact(c.slot.0, c.slot.1).entry_at(cx.date).cloned(),
                        attribute: false,
                    };
                    ChangeInfo {
                        fact: cx.fact(&current),
                        to: value_json(Some(&c.to)),
                        to_text: value_text(Some(&c.to)),
                        requirement: super::plain::requirement(
                            &decl.question,
                            decl.requirement.as_deref(),
                            &c.to,
                        ),
                        rules: c.satisfies.iter().map(|&r| cx.rule(r)).collect(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// `akkoord unblock`: every minimal way to *mag*, with `fixed` facts held.
#[expect(
    clippy::too_many_arguments,
    reason = "the question has this many parts"
)]
pub fn unblock(
    base: &RuleBase,
    world: &World,
    date: Date,
    agreement: AgreementId,
    action: Action,
    fixed: &[Slot],
    fixed_names: &[String],
    limits: unblock::Limits,
) -> UnblockAnswer {
    let cx = Cx::new(base, world, date);
    let u = unblock::unblock(base, world, date, agreement, action, fixed, limits);
    UnblockAnswer {
        agreement: cx.agreement(agreement),
        action,
        action_text: action.word().to_string(),
        date: date.to_string(),
        verdict: u.decision.verdict,
        verdict_text: u.decision.verdict.word().to_string(),
        fixed: fixed_names.to_vec(),
        ways: plans(&cx, &u),
        found: u.found,
        complete: u.complete && !u.truncated,
        at_most: (!u.truncated).then_some(u.at_most),
        cut_by: if u.truncated {
            Some(Cut::Grens)
        } else if u.stopped == Some(unblock::Stopped::Budget) {
            Some(Cut::Budget)
        } else {
            None
        },
    }
}

/// What a rule change (or a later date) changes (`akkoord diff`).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct DiffAnswer {
    /// The old side: the rule folder and the day.
    pub old: String,
    /// The old side's day, `YYYY-MM-DD`.
    pub old_date: String,
    /// The new side.
    pub new: String,
    /// The new side's day.
    pub new_date: String,
    /// Rules only in the new set.
    pub rules_added: Vec<String>,
    /// Rules only in the old set.
    pub rules_removed: Vec<String>,
    /// Rules in both whose meaning differs.
    pub rules_changed: Vec<String>,
    /// Decisions (lifts, statuses) only in the new set.
    pub decisions_added: Vec<String>,
    /// Decisions only in the old set.
    pub decisions_removed: Vec<String>,
    /// The verdicts that differ.
    pub differences: Vec<DifferenceInfo>,
    /// Facts in the facts file the old rules do not declare: unknown on the old side.
    pub undeclared_in_old: Vec<String>,
}

/// One verdict that differs.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct DifferenceInfo {
    /// The agreement.
    pub agreement: AgreementRef,
    /// The action.
    pub action: Action,
    /// The action in the current language.
    pub action_text: String,
    /// The old verdict.
    pub old: Verdict,
    /// The new verdict.
    pub new: Verdict,
    /// The old verdict in words.
    pub old_text: String,
    /// The new verdict in words.
    pub new_text: String,
    /// The changes that bear on it.
    pub causes: Vec<Cause>,
    /// What now stands in the way, if anything.
    pub obstacles: Vec<Obstacle>,
}

/// `akkoord diff`: the comparison as an answer.
pub fn diff(
    old: &Loaded,
    old_label: &str,
    old_date: Date,
    new: &Loaded,
    new_label: &str,
    new_date: Date,
) -> DiffAnswer {
    let d: Diff = crate::diff::diff(old, old_date, new, new_date);
    let cx = Cx::new(&new.base, &new.world, new_date);
    let differences = d
        .differences
        .iter()
        .map(|x| DifferenceInfo {
            agreement: cx.agreement(x.new.agreement),
            action: x.new.action,
            action_text: x.new.action.word().to_string(),
            old: x.old.verdict,
            new: x.new.verdict,
            old_text: x.old.verdict.word().to_string(),
            new_text: x.new.verdict.word().to_string(),
            causes: x.causes.clone(),
            obstacles: super::decision::obstacles_of(&cx, &x.new),
        })
        .collect();
    let c = d.changes;
    DiffAnswer {
        old: old_label.to_string(),
        old_date: old_date.to_string(),
        new: new_label.to_string(),
        new_date: new_date.to_string(),
        rules_added: c.added,
        rules_removed: c.removed,
        rules_changed: c.changed,
        decisions_added: c.events_added,
        decisions_removed: c.events_removed,
        differences,
        undeclared_in_old: old.ignored_facts.clone(),
    }
}

/// What the linter found (`akkoord lint`).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct LintAnswer {
    /// The findings, in file order.
    pub findings: Vec<LintInfo>,
    /// How many are warnings.
    pub warnings: usize,
    /// How many are for information.
    pub infos: usize,
    /// True when scenarios were run, so coverage was determined.
    pub coverage: bool,
    /// Every assumption in the rule base and the facts file.
    pub assumptions: Vec<AssumptionInfo>,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct LintInfo {
    /// `waarschuwing` or `info` (the same in every language).
    pub severity: String,
    /// The severity in the current language.
    pub severity_text: String,
    /// A short stable name, e.g. `ongebruikt-feit`.
    pub code: String,
    /// What it is.
    pub message: String,
    /// The file.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

/// `akkoord lint`: the findings and every assumption, as an answer.
pub fn lint(base: &RuleBase, world: &World, lints: &[Lint], coverage: bool) -> LintAnswer {
    let findings: Vec<LintInfo> = lints
        .iter()
        .map(|l| {
            let (line, column) = base.sources.line_col(l.span);
            LintInfo {
                severity: l.severity.id().to_string(),
                severity_text: l.severity.word().to_string(),
                code: l.code.to_string(),
                message: l.message.clone(),
                file: base.sources.name(l.span.file).to_string(),
                line,
                column,
            }
        })
        .collect();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == "waarschuwing")
        .count();
    let cx = Cx::new(base, world, Date::MAX);
    LintAnswer {
        infos: findings.len() - warnings,
        warnings,
        findings,
        coverage,
        assumptions: cx.all_assumptions(),
    }
}
