//! The engine against the reference: every rule's being in force, every agreement's being on
//! the table, every verdict (by `decide`, by the verdict-only path and in the `check`
//! overview) and every signal, on every day that matters.

use akkoord::answer::{self, AnswerOptions};
use akkoord::check::{self, Loaded};
use akkoord::compiled::{RuleBase, RuleId};
use akkoord::error::render_all;
use akkoord::eval::Evaluator;
use akkoord::value::Tri;
use jiff::civil::{Date, date};

use super::{ACTIONS, Case, DATES};

/// The dates compared on: every date of the case and the day before each, and one long after.
fn days() -> Vec<Date> {
    let mut days = vec![date(2030, 1, 1)];
    for d in DATES {
        days.push(d);
        days.extend(d.yesterday().ok());
    }
    days.sort();
    days
}

fn rule_id(base: &RuleBase, s: usize, r: usize) -> Option<RuleId> {
    let (doc, rule) = (format!("s{s}"), format!("r{r}"));
    base.rules
        .iter()
        .position(|x| x.id == rule && base.docs[x.doc].id == doc)
}

fn tri(t: Tri) -> Option<bool> {
    match t {
        Tri::Yes => Some(true),
        Tri::No => Some(false),
        Tri::Unknown => None,
    }
}

/// The loaded case and the engine's ids of its rules and agreements.
struct Engine {
    loaded: Loaded,
    /// (source, rule) and the engine's id, for every rule of the case.
    rules: Vec<((usize, usize), RuleId)>,
    /// The engine's id of `a0`, `a1`, …
    agreements: Vec<usize>,
    /// The files, to show with a difference.
    context: String,
}

/// Loads the case and compares the engine with the reference on every rule, agreement,
/// action and date; panics on the first difference.
pub fn compare(case: &Case) {
    let engine = load(case);
    for day in days() {
        let ev = Evaluator::new(&engine.loaded.base, &engine.loaded.world, day);
        in_force(case, &engine, &ev);
        verdicts(case, &engine, &ev);
        signals(case, &engine, &ev);
        overview(case, &engine, day);
    }
}

fn load(case: &Case) -> Engine {
    let rules = case.rules_text();
    let facts = case.facts_json();
    let context = format!("--- rules\n{rules}\n--- facts\n{facts}");
    let loaded = match check::load(
        &[("gegenereerd.akk".into(), rules)],
        ("feiten.json", &facts),
    ) {
        Ok(loaded) => loaded,
        Err((problems, sources)) => panic!(
            "a generated valid case does not load:\n{}\n{context}",
            render_all(&problems, &sources)
        ),
    };
    let (base, world) = (&loaded.base, &loaded.world);
    let rules = case
        .rules()
        .map(|(s, r, _)| {
            let id = rule_id(base, s, r)
                .unwrap_or_else(|| panic!("rule s{s}.r{r} missing after loading\n{context}"));
            ((s, r), id)
        })
        .collect();
    let agreements = (0..case.world.agreements)
        .map(|a| {
            world
                .agreement(&format!("a{a}"))
                .unwrap_or_else(|| panic!("agreement a{a} missing after loading\n{context}"))
        })
        .collect();
    Engine {
        loaded,
        rules,
        agreements,
        context,
    }
}

fn in_force(case: &Case, engine: &Engine, ev: &Evaluator) {
    let day = ev.date();
    for &((s, r), id) in &engine.rules {
        let want = case.in_force(s, r, day);
        assert!(
            ev.in_force(id) == want,
            "s{s}.r{r} on {day}: engine says in force = {}, reference {want}\n{}",
            ev.in_force(id),
            engine.context
        );
    }
    for (a, &id) in engine.agreements.iter().enumerate() {
        let want = case.on_table(a, day);
        assert!(
            ev.on_table(id) == want,
            "a{a} on {day}: engine says on the table = {}, reference {want}\n{}",
            ev.on_table(id),
            engine.context
        );
    }
}

/// `decide` and the verdict-only path agree with each other always, and with the reference
/// while the agreement is on the table (off it, no verdict is given).
fn verdicts(case: &Case, engine: &Engine, ev: &Evaluator) {
    let day = ev.date();
    for (a, &id) in engine.agreements.iter().enumerate() {
        for (h, &action) in ACTIONS.iter().enumerate() {
            let decision = ev.decide(id, action);
            let fast = ev.verdict(id, action);
            assert!(
                fast == decision.verdict,
                "a{a}, {action:?}, on {day}: decide says {}, the verdict-only path {fast}\n{}",
                decision.verdict,
                engine.context
            );
            if !case.on_table(a, day) {
                continue;
            }
            let want = case.verdict(a, h, day);
            assert!(
                decision.verdict == want,
                "a{a}, {action:?}, on {day}: engine says {}, reference {want}\n{}\n--- decision\n{decision:#?}",
                decision.verdict,
                engine.context
            );
        }
    }
}

fn signals(case: &Case, engine: &Engine, ev: &Evaluator) {
    let mut got: Vec<((usize, usize), Option<bool>)> = ev
        .signals()
        .iter()
        .map(|sig| {
            let key = engine
                .rules
                .iter()
                .find(|(_, id)| *id == sig.rule)
                .map_or((usize::MAX, usize::MAX), |(k, _)| *k);
            (key, tri(sig.due))
        })
        .collect();
    got.sort();
    let mut want = case.signals(ev.date());
    want.sort();
    assert!(
        got == want,
        "signals on {}: engine says {got:?}, reference {want:?}\n{}",
        ev.date(),
        engine.context
    );
}

/// The `check` overview answers for exactly the agreements on the table, with the verdicts
/// the reference gives, and lists the others as not on the table.
fn overview(case: &Case, engine: &Engine, day: Date) {
    let (base, world) = (&engine.loaded.base, &engine.loaded.world);
    let options = AnswerOptions {
        ways: false,
        ..AnswerOptions::default()
    };
    let o = answer::overview(base, world, day, &[], Some(ACTIONS[0]), options);
    let got: Vec<(String, String)> = o
        .answers
        .iter()
        .map(|x| (x.agreement.id.clone(), x.verdict.id().to_string()))
        .collect();
    let want: Vec<(String, String)> = (0..case.world.agreements)
        .filter(|&a| case.on_table(a, day))
        .map(|a| (format!("a{a}"), case.verdict(a, 0, day).id().to_string()))
        .collect();
    let off: Vec<String> = o.not_on_table.iter().map(|x| x.id.clone()).collect();
    let want_off: Vec<String> = (0..case.world.agreements)
        .filter(|&a| !case.on_table(a, day))
        .map(|a| format!("a{a}"))
        .collect();
    assert!(
        got == want && off == want_off,
        "the overview on {day}: engine answers {got:?} and lists {off:?} as not on the table; reference {want:?} and {want_off:?}\n{}",
        engine.context
    );
}
