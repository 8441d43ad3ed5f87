//! The fuzz targets' logic, kept out of `fuzz_targets/` so that each target is one line and the
//! reproducers under `regressions/` can be replayed by `cargo test` (see `tests/replay.rs`).
//!
//! Only the engine's public entry points are used: `parse::parse_file`, `check::load` and
//! `check::load_with_tests`, `error::render_all`, `eval::Evaluator`, the `report` renderings,
//! and `testing::run_scenarios` / `check_property`.

pub mod generate;

use akkoord::ast::Action;
use akkoord::check::{self, Loaded};
use akkoord::error::render_all;
use akkoord::eval::{Decision, Evaluator};
use akkoord::parse::parse_file;
use akkoord::report::{check_json, check_text, explain_text, test_text};
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

/// The frozen facts file.
pub const FACTS: &str = include_str!("../../tests/fixtures/vng/feiten.json");

/// The byte that separates rule text from facts JSON in a `load_check` input.
pub const SEPARATOR: u8 = 0;

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

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

fn shipped_rules() -> Vec<(String, String)> {
    RULE_FILES
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

/// `parse`: any text through the parser.
pub fn parse(data: &[u8]) {
    let _ = parse_file(FileId(0), &text(data));
}

/// `load_check`: rule text and facts JSON, split on the first [`SEPARATOR`] (without one, the
/// whole input is rule text and the facts are the shipped ones). Problems are rendered; a
/// loaded rule base is evaluated and reported on.
pub fn load_check(data: &[u8]) {
    let (rules, facts) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (text(&data[..at]), text(&data[at + 1..])),
        None => (text(data), FACTS.to_string()),
    };
    load_and_exercise(&[("r.akk".into(), rules)], &[], &facts);
}

/// `facts`: a facts file against the shipped declarations; when it reads, also against the
/// whole shipped rule base.
pub fn facts(data: &[u8]) {
    let facts = text(data);
    let decls = [(DECLARATIONS.0.to_string(), DECLARATIONS.1.to_string())];
    if load_and_exercise(&decls, &[], &facts).is_some() {
        load_and_exercise(&shipped_rules(), &[], &facts);
    }
}

/// `scenarios`: a test file of scenarios and properties, checked against the shipped rules and
/// facts; when it loads, its scenarios are run and its properties checked.
pub fn scenarios(data: &[u8]) {
    let tests = [("t.akk".to_string(), text(data))];
    // The rule base is always the shipped one, so evaluating it again would find nothing new.
    let mut loaded = match check::load_with_tests(&shipped_rules(), &tests, ("feiten.json", FACTS))
    {
        Ok(loaded) => loaded,
        Err((problems, sources)) => {
            let _ = render_all(&problems, &sources);
            return;
        }
    };
    // A scenario's own facts file would be read from disk; the fuzzer must not read files.
    if loaded.base.scenarios.iter().any(|s| s.facts_file.is_some()) {
        return;
    }
    let scenarios = match testing::run_scenarios(&mut loaded) {
        Ok(outcomes) => outcomes,
        Err(problems) => {
            let _ = render_all(&problems, &loaded.base.sources);
            return;
        }
    };
    let options = testing::Options { cases: 64, seed: 0 };
    let properties: Vec<_> = (0..loaded.base.properties.len())
        .map(|i| testing::check_property(&loaded.base, &loaded.world, i, options))
        .collect();
    let _ = test_text(&loaded.base, &loaded.world, &scenarios, &properties);
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
    let Ok(file) = parse_file(FileId(0), &source) else {
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
    generate::compare(case);
}

/// Loads, renders every problem, or evaluates and renders reports. Returns the loaded rule
/// base, if it loaded.
fn load_and_exercise(
    rule_files: &[(String, String)],
    test_files: &[(String, String)],
    facts: &str,
) -> Option<Loaded> {
    match check::load_with_tests(rule_files, test_files, ("feiten.json", facts)) {
        Ok(loaded) => {
            exercise(&loaded);
            Some(loaded)
        }
        Err((problems, sources)) => {
            let _ = render_all(&problems, &sources);
            None
        }
    }
}

/// Every agreement (up to [`MAX_AGREEMENTS`]) and action on a few dates and on the rule base's
/// first meeting dates, rendered as the `check` table; on two of the dates also as JSON and one
/// `explain` per decision (those are the slow parts, and more dates find little new).
pub fn exercise(loaded: &Loaded) {
    let (base, world) = (&loaded.base, &loaded.world);
    let mut dates: Vec<Date> = DATES.to_vec();
    dates.extend(base.docs.iter().map(|d| d.date).take(3));
    dates.sort();
    dates.dedup();
    let agreements = world.agreements.len().min(MAX_AGREEMENTS);
    for (i, &day) in dates.iter().enumerate() {
        let ev = Evaluator::new(base, world, day);
        let decisions: Vec<Decision> = (0..agreements)
            .flat_map(|a| Action::ALL.map(|action| ev.decide(a, action)))
            .collect();
        let signals = ev.signals();
        let _ = check_text(base, world, &decisions, &signals);
        if i == dates.len() / 2 || i + 1 == dates.len() {
            let _ = check_json(base, world, &decisions, &signals);
            for d in &decisions {
                let _ = explain_text(base, world, d);
            }
        }
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
