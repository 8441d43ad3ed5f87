//! One CLI contract: every command honours `--format json` with one JSON document that
//! validates against its published schema (errors too, on standard error); `--taal en` gives
//! English everywhere; an option a command cannot honour is an error.

use serde_json::Value;

use crate::common::{VNG, akkoord, conforms, schema, vng};

const COMMANDS: [(&str, &[&str]); 11] = [
    ("rapport", &["rapport", "--op", "2019-06-01"]),
    ("check", &["check", "--op", "2018-11-30"]),
    ("vraag", &["vraag", "ggz", "--op", "2019-06-01"]),
    ("explain", &["explain", "ggz", "--op", "2018-11-30"]),
    ("timeline", &["timeline", "ibp"]),
    ("audit", &["audit", "--op", "2025-01-01"]),
    ("unblock", &["unblock", "ggz", "--op", "2019-06-01"]),
    (
        "diff",
        &["diff", "--op-oud", "2018-10-01", "--op", "2018-11-30"],
    ),
    ("lint", &["lint"]),
    ("test", &["test"]),
    ("validate", &["validate"]),
];

#[test]
fn every_command_prints_one_json_document_that_fits_its_schema() {
    for (what, args) in COMMANDS {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let (code, out, err) = vng(&all);
        assert!(code == 0, "{what}: exit {code}\n{err}");
        conforms(what, &out);
    }
}

#[test]
fn timeline_of_an_agreement_with_several_actions_is_one_document() {
    let (_, out, _) = vng(&["timeline", "ibp", "--format", "json"]);
    let doc = conforms("timeline", &out);
    assert_eq!(doc.as_array().map(Vec::len), Some(3), "{out}");
    assert!(!out.contains("-009999"), "no sentinel dates: {out}");
}

#[test]
fn values_are_typed_the_same_way_everywhere() {
    let (_, out, _) = vng(&["explain", "ggz", "--op", "2018-11-30", "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).expect("json");
    let rule = &doc[0]["rules"][0];
    assert_eq!(rule["value"], Value::Bool(false));
    assert_eq!(rule["applies"], Value::Bool(true));
    assert_eq!(doc[0]["verdict"], "niet");
    assert_eq!(doc[0]["action"], "ondertekening");
    let fact = &rule["because"][0]["facts"][0];
    assert_eq!(fact["value"], Value::Bool(false));
    assert_eq!(fact["since"], "2018-11-07");
    let (_, out, _) = vng(&["unblock", "ggz", "--op", "2019-06-01", "--format", "json"]);
    let doc: Value = serde_json::from_str(&out).expect("json");
    let change = &doc["ways"][0]["changes"][0];
    assert_eq!(change["to"], Value::Bool(true), "{out}");
    assert!(change["fact"]["value"].is_boolean() || change["fact"]["value"].is_null());
}

#[test]
fn errors_under_format_json_are_one_json_document_on_stderr() {
    let cases: [&[&str]; 4] = [
        &[
            "check",
            "--facts",
            "tests/bad/facts/wrong_type.json",
            "--format",
            "json",
        ],
        &["explain", "gzz", "--format", "json"],
        &["check", "--op", "30-11-2018", "--format", "json"],
        &["check", "--no-such-option", "--format", "json"],
    ];
    for args in cases {
        let (code, out, err) = vng(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        let doc = conforms("fouten", &err);
        assert!(doc["count"].as_u64().is_some_and(|n| n >= 1), "{err}");
    }
    let (_, _, err) = vng(&[
        "check",
        "--facts",
        "tests/bad/facts/wrong_type.json",
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_str(&err).expect("json");
    let first = &doc["errors"][0];
    assert_eq!(first["code"], "akkoord::facts::type_mismatch");
    assert!(
        first["line"].as_u64().is_some(),
        "facts errors have a line: {err}"
    );
}

#[test]
fn the_facts_file_fits_the_schema_made_for_its_rules() {
    let facts = std::fs::read_to_string(crate::common::root().join(VNG).join("feiten.json"))
        .expect("facts");
    conforms("feiten", &facts);
    let schema = schema("feiten");
    let validator = jsonschema::validator_for(&schema).expect("schema");
    let wrong: Value =
        serde_json::from_str(r#"{"feiten": {"rob_aanbevelingen_overeengekomen": "ja"}}"#)
            .expect("json");
    assert!(
        !validator.is_valid(&wrong),
        "a wrong type must not fit the schema"
    );
}

#[test]
fn an_option_a_command_cannot_honour_is_an_error() {
    for args in [
        &["timeline", "ggz", "--op", "2019-01-01"][..],
        &["validate", "--handeling", "instemming"],
        &["audit", "--handeling", "instemming"],
        &["test", "--op", "2019-01-01"],
    ] {
        let (code, _, err) = vng(args);
        assert_eq!(code, 2, "{args:?} should be refused");
        assert!(err.contains("onbekende optie"), "{args:?}: {err}");
    }
}

#[test]
fn english_everywhere_with_taal_en() {
    let runs: [&[&str]; 8] = [
        &["check", "--op", "2018-11-30"],
        &["explain", "ggz", "--op", "2018-11-30"],
        &["timeline", "ggz"],
        &["audit", "--op", "2025-01-01"],
        &["unblock", "ggz", "--op", "2019-06-01"],
        &["lint"],
        &["test"],
        &["validate"],
    ];
    let dutch = [
        "Stand op",
        "oordeel",
        "regels voldaan",
        "niet voldaan",
        "bron:",
        "Vastgelegde",
        "wijziging",
        "bevindingen",
        "Eigenschappen",
        "regelbestanden",
        "gevraagd door",
        "Feiten laatst",
    ];
    for args in runs {
        let mut all = args.to_vec();
        all.extend(["--taal", "en"]);
        let (code, out, err) = vng(&all);
        assert!(code == 0, "{args:?}: {err}");
        for word in dutch {
            assert!(
                !out.contains(word),
                "{args:?} --taal en still says {word:?}:\n{out}"
            );
        }
    }
    let (_, out, _) = vng(&["check", "--op", "2018-11-30", "--lang", "en"]);
    assert!(out.starts_with("As of 2018-11-30"), "{out}");
    let (code, _, err) = vng(&["explain", "gzz", "--taal", "en"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error[akkoord::argument]: unknown agreement `gzz`"),
        "{err}"
    );
    assert!(err.contains("did you mean `ggz`?"), "{err}");
    let (_, help, _) = akkoord(&["--help", "--taal", "en"]);
    assert!(
        help.contains("Which agreements may the VNG board sign"),
        "{help}"
    );
    assert!(help.contains("Commands"), "{help}");
    let (_, help, _) = akkoord(&["--help"]);
    assert!(
        help.contains("Welke akkoorden mag het VNG-bestuur"),
        "{help}"
    );
    assert!(help.contains("Opdrachten"), "{help}");
}

/// `rapport --format json` prints the report's data; a file named with `-o` is written too,
/// and without `-o` nothing is written.
#[test]
fn rapport_in_json_writes_the_file_it_is_given_and_no_other() {
    let dir = std::env::temp_dir().join(format!("akkoord-rapport-json-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let file = dir.join("r.html");
    let path = file.to_str().expect("path");
    let (code, out, err) = vng(&[
        "rapport",
        "--op",
        "2019-06-01",
        "--format",
        "json",
        "-o",
        path,
    ]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<Value>(&out).expect("one JSON document");
    let html = std::fs::read_to_string(&file).expect("the named file is written");
    assert!(
        html.starts_with("<!doctype html>"),
        "{}",
        &html[..40.min(html.len())]
    );
    assert!(!root_has("rapport.html"), "no default file beside the JSON");
    let _ = std::fs::remove_dir_all(&dir);
}

fn root_has(name: &str) -> bool {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(name)
        .exists()
}

/// `AKKOORD_TAAL=en` is the default language for output and errors too, not only for help;
/// `--taal` still wins.
#[test]
fn akkoord_taal_sets_the_default_language_everywhere() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_akkoord"))
            .args(args)
            .args(["--rules", VNG])
            .env("AKKOORD_TAAL", "en")
            .env("NO_COLOR", "1")
            .output()
            .expect("the akkoord binary runs");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (out, _) = run(&["check", "--op", "2018-11-30"]);
    assert!(out.starts_with("As of 2018-11-30"), "{out}");
    let (_, err) = run(&["vraag", "gzz"]);
    assert!(err.contains("unknown agreement `gzz`"), "{err}");
    let (out, _) = run(&["validate"]);
    assert!(out.starts_with("ok: 6 rule files"), "{out}");
    let (out, _) = run(&["check", "--op", "2018-11-30", "--taal", "nl"]);
    assert!(out.starts_with("Stand op 2018-11-30"), "{out}");
}

#[test]
fn the_summary_line_of_test_stays_parsable_in_both_languages() {
    for lang in ["nl", "en"] {
        let (_, out, _) = vng(&["test", "--taal", lang]);
        let last = out.lines().last().unwrap_or_default();
        let words: Vec<&str> = last.split(' ').collect();
        assert!(
            matches!(words.as_slice(), [_, "passed,", _, "failed"]),
            "{lang}: {last}"
        );
    }
}

#[test]
fn the_streamed_overview_is_the_overview_byte_for_byte() {
    use akkoord::answer::{AnswerOptions, OverviewStream, StreamedOverview, overview};
    use akkoord::report;
    let loaded = akkoord::load::load(&crate::common::root().join(VNG), None).expect("rules load");
    let (base, world) = (&loaded.base, &loaded.world);
    for day in [(2018, 6, 1), (2018, 11, 30), (2019, 6, 1), (2025, 1, 1)] {
        let date = jiff::civil::date(day.0, day.1, day.2);
        for action in [None, Some(akkoord::ast::Action::Signing)] {
            let whole = overview(base, world, date, &[], action, AnswerOptions::default());
            let s = OverviewStream::new(base, world, date, &[], action, AnswerOptions::default());
            let mut json = Vec::new();
            report::write_json(&StreamedOverview(&s), &mut json).expect("written");
            assert_eq!(
                String::from_utf8(json).expect("utf-8"),
                report::json(&whole),
                "{date}"
            );
            let mut text = Vec::new();
            report::write_check(&s, &mut text).expect("written");
            assert_eq!(
                String::from_utf8(text).expect("utf-8"),
                report::check_text(&whole)
            );
            let mut short = Vec::new();
            report::write_short(&s, &mut short).expect("written");
            assert_eq!(
                String::from_utf8(short).expect("utf-8"),
                report::short_text(&whole)
            );
        }
    }
}
