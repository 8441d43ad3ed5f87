//! Bad input gives a clear, located error: the rendered text is kept in
//! `tests/expected/diagnostics/` for a reviewer to read.

use std::fs;

use akkoord::check;
use akkoord::error::render_all;
use akkoord::load::rule_files;

use crate::common::{VNG, akkoord, expect_file, root, vng};

/// Loads the shipped rule base plus one bad rule file, or the shipped rules with a bad facts
/// file; returns the rendered problems.
fn problems(extra_rule: Option<&str>, facts: &str) -> String {
    let mut files = rule_files(&root().join(VNG)).expect("rules/ loads");
    for (name, _) in &mut files {
        *name = name.replacen(&format!("{}/", root().display()), "", 1);
    }
    if let Some(extra) = extra_rule {
        let text = fs::read_to_string(root().join(extra)).expect("bad file exists");
        files.push((extra.to_string(), text));
    }
    let facts_text = fs::read_to_string(root().join(facts)).expect("facts file exists");
    match check::load(&files, (facts, &facts_text)) {
        Ok(_) => panic!("expected problems for {extra_rule:?} / {facts}"),
        Err((problems, sources)) => render_all(&problems, &sources),
    }
}

fn bad_rule(name: &str) {
    let rendered = problems(
        Some(&format!("tests/bad/{name}.akk")),
        "tests/fixtures/vng/feiten.json",
    );
    expect_file(&format!("diagnostics/{name}.txt"), &rendered);
}

fn bad_facts(name: &str) {
    let rendered = problems(None, &format!("tests/bad/facts/{name}.json"));
    expect_file(&format!("diagnostics/facts_{name}.txt"), &rendered);
}

#[test]
fn a_typo_in_a_fact_name_suggests_the_right_one() {
    bad_rule("typo_in_fact");
}

#[test]
fn an_unclosed_quote_points_at_where_it_opens() {
    bad_rule("unclosed_quote");
}

#[test]
fn a_lift_of_a_missing_rule_names_the_rule() {
    bad_rule("lift_of_missing_rule");
}

#[test]
fn a_lift_dated_before_its_target_is_rejected() {
    bad_rule("lift_before_target");
}

#[test]
fn an_impossible_date_is_rejected() {
    bad_rule("wrong_date");
}

#[test]
fn comparing_an_amount_with_a_date_is_a_type_error() {
    bad_rule("type_mismatch");
}

#[test]
fn a_missing_totdat_says_what_was_expected() {
    bad_rule("missing_until");
}

#[test]
fn an_unknown_agreement_suggests_a_known_one() {
    bad_rule("unknown_agreement");
}

#[test]
fn two_statuses_on_one_day_conflict() {
    bad_rule("conflicting_statuses");
}

#[test]
fn validity_before_adoption_and_an_empty_period_are_rejected() {
    bad_rule("valid_before_adoption");
}

#[test]
fn lifting_a_rule_that_was_already_lifted_is_rejected() {
    bad_rule("lift_twice");
}

#[test]
fn a_signal_cannot_read_the_agreement_at_hand() {
    bad_rule("signal_without_agreement");
}

#[test]
fn a_wrong_type_in_facts_names_the_json_path() {
    bad_facts("wrong_type");
}

#[test]
fn unknown_facts_and_agreements_in_facts_are_errors() {
    bad_facts("unknown_names");
}

#[test]
fn a_malformed_date_in_facts_is_an_error() {
    bad_facts("bad_date");
}

#[test]
fn invalid_json_gives_line_and_column() {
    bad_facts("invalid");
}

#[test]
fn the_cli_exits_2_on_bad_facts_and_prints_the_problem() {
    let (code, stdout, stderr) = vng(&["check", "--facts", "tests/bad/facts/wrong_type.json"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(
            "$.feiten.rob_aanbevelingen_overeengekomen: `true` of `false` (janee) verwacht"
        ),
        "{stderr}"
    );
}

#[test]
fn the_cli_exits_2_on_a_missing_folder() {
    let (code, _, stderr) = akkoord(&["check", "--rules", "geen_map"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("kan `geen_map` niet lezen: bestand of map bestaat niet"),
        "{stderr}"
    );
}

#[test]
fn the_cli_exits_2_on_a_bad_date_argument() {
    let (code, _, stderr) = vng(&["check", "--op", "30-11-2018"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`30-11-2018` is geen datum; schrijf JJJJ-MM-DD"),
        "{stderr}"
    );
}

#[test]
fn the_cli_exits_2_on_an_unknown_agreement() {
    let (code, _, stderr) = vng(&["explain", "gzz"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("onbekend akkoord `gzz`\n  = hulp: bedoelde u `ggz`?"),
        "{stderr}"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!(
        "motie m \"M\" {{ vergadering ALV 2019-01-01 regel r {{ bron \"z\" vereis {}ja{} voor ondertekening van elk akkoord }} }}",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let err = crate::common::load(&deep, r#"{"akkoorden": {}}"#)
        .err()
        .unwrap_or_default();
    assert!(
        err.contains("hoogstens 64 niveaus van nesting verwacht"),
        "{err}"
    );
    let nots = format!(
        "motie m \"M\" {{ vergadering ALV 2019-01-01 regel r {{ bron \"z\" vereis {}ja voor ondertekening van elk akkoord }} }}",
        "niet ".repeat(3000)
    );
    let err = crate::common::load(&nots, r#"{"akkoorden": {}}"#)
        .err()
        .unwrap_or_default();
    assert!(
        err.contains("hoogstens 64 niveaus van nesting verwacht"),
        "{err}"
    );
}

/// A date in the facts file written as one but not on the calendar says why.
#[test]
fn a_date_that_is_not_on_the_calendar_in_the_facts_file_says_so() {
    let facts = r#"{ "akkoorden": { "a": { "naam": "A", "sinds": "2025-06-31" } } }"#;
    let err = crate::common::load("", facts).err().unwrap_or_default();
    assert!(err.contains(r#"de tekst "2025-06-31" gevonden"#), "{err}");
    assert!(err.contains("hulp: die dag bestaat niet"), "{err}");
    let err = crate::common::load("", &facts.replace("2025-06-31", "31-06-2025"))
        .err()
        .unwrap_or_default();
    assert!(!err.contains("hulp: die dag"), "{err}");
}

/// A missing `}` is named: pest cannot say it expected one, the hint counts the braces.
#[test]
fn a_missing_closing_brace_is_named_in_the_hint() {
    let rules = "feit x: janee \"x?\"\nmotie m \"M\" {\n  vergadering ALV 2019-01-01\n  regel r { bron \"z\" vereis x voor ondertekening van elk akkoord\n}\n";
    let err = crate::common::load(rules, r#"{ "akkoorden": {} }"#)
        .err()
        .unwrap_or_default();
    assert!(
        err.contains("1 `{` zonder `}` in dit bestand; het blok van regel 2 wordt niet gesloten"),
        "{err}"
    );
    let err = crate::common::load(&format!("{rules}}}\n}}\n"), r#"{ "akkoorden": {} }"#)
        .err()
        .unwrap_or_default();
    assert!(err.contains("de `}` op regel 7 sluit niets"), "{err}");
}
