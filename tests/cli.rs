//! The CLI on the shipped rule base: expected outputs live in `tests/expected/`.

use crate::common::{expect_file, vng};

fn run(args: &[&str]) -> String {
    let (code, stdout, stderr) = vng(args);
    assert_eq!(code, 0, "akkoord {args:?} failed:\n{stderr}");
    stdout
}

#[test]
fn check_on_the_balv_date_gives_the_boards_decisions() {
    let out = run(&["check", "--op", "2018-11-30"]);
    let line = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("Preventieakkoord").contains("ondertekening   mag"));
    assert!(line("Bestuursakkoord Klimaatadaptatie").contains("ondertekening   mag"));
    assert!(line("Hoofdlijnenakkoord GGZ").contains("ondertekening   niet"));
    expect_file("check-2018-11-30.txt", &out);
}

#[test]
fn check_as_json() {
    expect_file(
        "check-2018-11-30.json",
        &run(&["check", "--op", "2018-11-30", "--format", "json"]),
    );
}

#[test]
fn explain_ggz_shows_the_motion_quote_and_facts() {
    let out = run(&["explain", "ggz", "--op", "2018-11-30"]);
    assert!(out.contains("motie \"Stevige structurele afspraken sociaal domein\", ALV 2018-06-27"));
    assert!(out.contains("financiele_ruimte_voldoende(ggz) = nee"));
    expect_file("explain-ggz-2018-11-30.txt", &out);
}

#[test]
fn before_the_balv_the_rob_block_stands_for_a_financial_deelakkoord_in_the_social_domain() {
    let out = run(&["explain", "buig_raming", "--op", "2018-10-01"]);
    assert!(out.starts_with(
        "Afspraken raming macrobudget BUIG (buig_raming), ondertekening, op 2018-10-01: niet"
    ));
    assert!(out.contains("✗ rob_bijstand.blokkade: niet voldaan"));
    expect_file("explain-buig-2018-10-01.txt", &out);
}

#[test]
fn after_the_balv_the_rob_block_is_reported_as_lifted() {
    let out = run(&["explain", "buig_raming", "--op", "2018-11-30"]);
    assert!(
        out.contains(
            "rob_bijstand.blokkade: opgeheven op 30 november 2018 (BALV): bindt niet meer"
        )
    );
}

#[test]
fn check_can_be_limited_to_agreements_and_an_action() {
    let out = run(&[
        "check",
        "ggz",
        "iza_vervolg",
        "--handeling",
        "onderhandeling",
        "--op",
        "2025-01-01",
    ]);
    expect_file("check-onderhandeling-2025-01-01.txt", &out);
}

#[test]
fn output_is_byte_identical_between_runs() {
    let args = ["check", "--op", "2018-11-30", "--format", "json"];
    assert_eq!(run(&args), run(&args));
}

#[test]
fn removing_a_fact_turns_the_verdict_onbepaald_and_names_the_fact() {
    let dir = std::env::temp_dir().join(format!("akkoord-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let facts = std::fs::read_to_string(
        crate::common::root()
            .join(crate::common::VNG)
            .join("feiten.json"),
    )
    .expect("facts");
    let mut json: serde_json::Value = serde_json::from_str(&facts).expect("json");
    json["feiten"]["financiele_ruimte_voldoende"]
        .as_object_mut()
        .expect("per-agreement fact")
        .remove("preventie");
    let path = dir.join("feiten.json");
    std::fs::write(&path, json.to_string()).expect("write facts");
    let out = run(&[
        "check",
        "preventie",
        "--op",
        "2018-11-30",
        "--facts",
        path.to_str().expect("utf-8 path"),
    ]);
    assert!(out.contains("ondertekening   onbepaald"), "{out}");
    assert!(out.contains("financiele_ruimte_voldoende(preventie): Is er voor dit akkoord voldoende financiële ruimte"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn validate_reports_ok_on_the_shipped_rules() {
    assert!(run(&["validate"]).starts_with("ok: 6 regelbestanden"));
}
