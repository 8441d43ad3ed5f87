//! The fuzz targets' logic, kept out of `fuzz_targets/` so that each target is one line and the
//! reproducers under `regressions/` can be replayed by `cargo test` (see `tests/replay.rs`).
//!
//! Only the engine's public entry points are used, as the command line uses them:
//! `parse::parse_file`, `check::load` and `check::load_with_tests`, `error::render_all`,
//! `eval::Evaluator`, the answers of `answer` rendered by `report`, and `testing`'s scenarios
//! and properties. Every input runs on a thread with the stack the command line and the server
//! give their workers (`limits::STACK_BYTES`), so a finding is one a user can meet.

pub mod generate;

use akkoord::answer::{self, AnswerOptions};
use akkoord::ast::Action;
use akkoord::check::{self, Loaded};
use akkoord::error::render_all;
use akkoord::eval::Evaluator;
use akkoord::limits::STACK_BYTES;
use akkoord::load::Overlay;
use akkoord::parse::parse_file;
use akkoord::report;
use akkoord::span::FileId;
use akkoord::testing;
use jiff::civil::{Date, date};

/// The VNG rule files as frozen under `tests/fixtures/vng` (the living `rules/` changes after
/// every assembly; the fuzzer needs a fixed start), in the order `akkoord` reads them.
pub const RULE_FILES: [(&str, &str); 6] = [
    (
        "tests/fixtures/vng/00-declaraties.akk",
        include_str!("../../tests/fixtures/vng/00-declaraties.akk"),
    ),
    (
        "tests/fixtures/vng/2018-02-14-overhedenoverleg.akk",
        include_str!("../../tests/fixtures/vng/2018-02-14-overhedenoverleg.akk"),
    ),
    (
        "tests/fixtures/vng/2018-06-27-alv.akk",
        include_str!("../../tests/fixtures/vng/2018-06-27-alv.akk"),
    ),
    (
        "tests/fixtures/vng/2018-11-30-balv.akk",
        include_str!("../../tests/fixtures/vng/2018-11-30-balv.akk"),
    ),
    (
        "tests/fixtures/vng/2019-voorjaar-ggz.akk",
        include_str!("../../tests/fixtures/vng/2019-voorjaar-ggz.akk"),
    ),
    (
        "tests/fixtures/vng/2024-alv.akk",
        include_str!("../../tests/fixtures/vng/2024-alv.akk"),
    ),
];

/// The shipped declarations alone.
pub const DECLARATIONS: (&str, &str) = RULE_FILES[0];

/// Facts and attributes of every type, declared for the `facts` target (the frozen
/// declarations have only yes/no facts and choices).
pub const TYPES: (&str, &str) = ("fuzz/types.akk", include_str!("../types.akk"));

/// The frozen facts file.
pub const FACTS: &str = include_str!("../../tests/fixtures/vng/feiten.json");

/// The byte that separates rule text from facts JSON in a `load_check` input, and a test file
/// from its facts in a `scenarios` input.
pub const SEPARATOR: u8 = 0;

/// The name the `scenarios` target gives its test file.
const TESTS_FILE: &str = "tests/t.akk";

/// At most this many agreements are evaluated per input, so that a facts file with thousands
/// of agreements does not turn every run into a timeout.
const MAX_AGREEMENTS: usize = 16;

/// Dates every loaded rule base is evaluated on, besides its own meeting dates.
const DATES: [Date; 5] = [
    date(2017, 1, 1),
    date(2018, 6, 27),
    date(2018, 11, 30),
    date(2019, 6, 1),
    date(2025, 1, 1),
];

/// How hard the `scenarios` target's property checks look: far below `akkoord test`'s
/// defaults (1 000 cases, a budget of 5 000 000), so that one input stays within a second.
pub const PROPERTY_OPTIONS: testing::Options = testing::Options {
    cases: 32,
    seed: 0,
    budget: 20_000,
};

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

fn shipped_rules() -> Vec<(String, String)> {
    RULE_FILES
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

/// Runs `f` on a thread with the stack the command line and the server give the threads that
/// parse and evaluate; a panic there is a panic here.
fn on_worker<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, f)
            .expect("a worker thread");
        match worker.join() {
            Ok(value) => value,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// `parse`: any text through the parser.
pub fn parse(data: &[u8]) {
    let source = text(data);
    on_worker(|| {
        let _ = parse_file(FileId(0), &source);
    });
}

/// `load_check`: rule text and facts JSON, split on the first [`SEPARATOR`] (without one, the
/// whole input is rule text and the facts are the frozen ones). Problems are rendered; a
/// loaded rule base is evaluated and reported on.
pub fn load_check(data: &[u8]) {
    let (rules, facts) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (text(&data[..at]), text(&data[at + 1..])),
        None => (text(data), FACTS.to_string()),
    };
    on_worker(|| {
        load_and_exercise(&[("r.akk".into(), rules)], &facts);
    });
}

/// `facts`: a facts file against the frozen declarations and [`TYPES`]; when it reads, also
/// against the whole frozen rule base (with [`TYPES`]).
pub fn facts(data: &[u8]) {
    let facts = text(data);
    let types = (TYPES.0.to_string(), TYPES.1.to_string());
    let decls = [
        (DECLARATIONS.0.to_string(), DECLARATIONS.1.to_string()),
        types.clone(),
    ];
    on_worker(|| {
        if load_and_exercise(&decls, &facts).is_some() {
            let mut all = shipped_rules();
            all.push(types);
            load_and_exercise(&all, &facts);
        }
    });
}

/// `scenarios`: a test file of scenarios and properties, checked against the frozen rules and
/// facts; when it loads, its scenarios are run and its properties decided (within
/// [`PROPERTY_OPTIONS`]), and the answer is rendered. The input is the test file, optionally
/// followed by a [`SEPARATOR`] and a facts file that stands in for every `feiten "…"` a
/// scenario names (nothing is read from disk).
pub fn scenarios(data: &[u8]) {
    let (tests, own_facts) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (text(&data[..at]), text(&data[at + 1..])),
        None => (text(data), r#"{"feiten": {}}"#.to_string()),
    };
    on_worker(|| run_tests(tests, &own_facts));
}

fn run_tests(tests: String, own_facts: &str) {
    let tests = [(TESTS_FILE.to_string(), tests)];
    let mut loaded = match check::load_with_tests(&shipped_rules(), &tests, ("feiten.json", FACTS))
    {
        Ok(loaded) => loaded,
        Err((problems, sources)) => {
            render_problems(&problems, &sources);
            return;
        }
    };
    // Every facts file a scenario names is held in memory, where the engine looks for it.
    let dir = std::path::Path::new(TESTS_FILE)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let mut overlay = Overlay::new();
    for file in loaded
        .base
        .scenarios
        .iter()
        .filter_map(|s| s.facts_file.as_ref())
    {
        overlay.set(dir.join(file), own_facts);
    }
    let scenarios = match testing::run_scenarios_in(&mut loaded, &overlay) {
        Ok(outcomes) => outcomes,
        Err(problems) => {
            render_problems(&problems, &loaded.base.sources);
            return;
        }
    };
    let properties: Vec<_> = (0..loaded.base.properties.len())
        .map(|i| testing::check_property(&loaded.base, &loaded.world, i, PROPERTY_OPTIONS))
        .collect();
    let answer = answer::test(&loaded, &scenarios, &properties);
    let _ = report::test_text(&answer);
    let _ = report::json(&answer);
}

/// `roundtrip`: a rule file that parses prints to text that parses to the same tree. The first
/// byte chooses between fuzzed text and a file made by the [`generate`] module.
pub fn roundtrip(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let source = if mode & 1 == 0 {
        text(rest)
    } else {
        let mut u = arbitrary::Unstructured::new(rest);
        match generate::Case::generate(&mut u) {
            Ok(case) => case.rules_text(),
            Err(_) => return,
        }
    };
    on_worker(|| round_trip(&source));
}

fn round_trip(source: &str) {
    let Ok(file) = parse_file(FileId(0), source) else {
        return;
    };
    let printed = file.to_string();
    match parse_file(FileId(0), &printed) {
        Ok(again) => assert!(
            again == file,
            "the printed file parses to a different tree\n--- input\n{source}\n--- printed\n{printed}\n--- parsed from input\n{file:#?}\n--- parsed from printed\n{again:#?}"
        ),
        Err(e) => panic!(
            "the printed file does not parse: {e}\n--- input\n{source}\n--- printed\n{printed}"
        ),
    }
}

/// `differential`: a generated valid rule base, evaluated by the engine and by the reference
/// in [`generate`]; any disagreement panics.
pub fn differential(case: &generate::Case) {
    on_worker(|| generate::compare(case));
}

/// Problems as the command line shows them: text, and the JSON document of `--format json`.
fn render_problems(problems: &[akkoord::error::Problem], sources: &akkoord::span::Sources) {
    let _ = render_all(problems, sources);
    let _ = report::json(&akkoord::error::json(problems, sources));
}

/// Loads, renders every problem, or evaluates and renders answers. Returns the loaded rule
/// base, if it loaded.
fn load_and_exercise(rule_files: &[(String, String)], facts: &str) -> Option<Loaded> {
    match check::load(rule_files, ("feiten.json", facts)) {
        Ok(loaded) => {
            exercise(&loaded);
            Some(loaded)
        }
        Err((problems, sources)) => {
            render_problems(&problems, &sources);
            None
        }
    }
}

/// Every agreement (up to [`MAX_AGREEMENTS`]) and action on a few dates and on the rule base's
/// first meeting dates: the verdicts (`decide` and the verdict-only path), and the `check`
/// overview as text; on two of the dates also the overview as JSON and plain paragraphs, and
/// the `explain` answers of every agreement on the table as text and JSON; on the last date
/// the audit. More dates find little new, and the answers are the slow part.
pub fn exercise(loaded: &Loaded) {
    let (base, world) = (&loaded.base, &loaded.world);
    let mut dates: Vec<Date> = DATES.to_vec();
    dates.extend(base.docs.iter().map(|d| d.date).take(3));
    dates.sort();
    dates.dedup();
    let ids: Vec<usize> = (0..world.agreements.len().min(MAX_AGREEMENTS)).collect();
    let options = AnswerOptions::default();
    for (i, &day) in dates.iter().enumerate() {
        let ev = Evaluator::new(base, world, day);
        for &a in &ids {
            for action in Action::ALL {
                let verdict = ev.decide(a, action).verdict;
                assert_eq!(ev.verdict(a, action), verdict, "the verdict-only path");
            }
        }
        let overview = answer::overview(base, world, day, &ids, None, options);
        let _ = report::check_text(&overview);
        if i != dates.len() / 2 && i + 1 != dates.len() {
            continue;
        }
        let _ = report::short_text(&overview);
        let _ = report::json(&overview);
        for &a in ids.iter().filter(|&&a| ev.on_table(a)) {
            let answers = answer::explain(base, world, day, a, None, options);
            let _ = report::explain_text(&answers);
            let _ = report::json(&answers);
        }
    }
    if let Some(&last) = dates.last() {
        let audit = answer::audit(base, world, last);
        let _ = report::audit_text(&audit);
    }
}
/// Runs the named target on one input, as the fuzzer would; for replaying reproducers.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "parse" => parse(data),
        "load_check" => load_check(data),
        "facts" => facts(data),
        "scenarios" => scenarios(data),
        "roundtrip" => roundtrip(data),
        "differential" => {
            let mut u = arbitrary::Unstructured::new(data);
            if let Ok(case) = generate::Case::generate(&mut u) {
                differential(&case);
            }
        }
        other => panic!("no fuzz target `{other}`"),
    }
}

/// Replays a reproducer file through the named target. A `differential` reproducer ending in
/// `.json` is a generated case as JSON (what `cargo run --example case` prints), which stays
/// the same case when the generator changes; any other file is the fuzzer's bytes.
pub fn replay(target: &str, file: &std::path::Path) {
    let data =
        std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
    if target == "differential" && file.extension().is_some_and(|x| x == "json") {
        let case: generate::Case = serde_json::from_slice(&data)
            .unwrap_or_else(|e| panic!("{} is not a case: {e}", file.display()));
        differential(&case);
    } else {
        run(target, &data);
    }
}
