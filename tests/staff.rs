//! Staff questions: unblock, diff and lint.

use akkoord::ast::Action;
use akkoord::unblock::unblock;

use crate::common::{BALV, VNG, akkoord, expect_file, load, vng};

fn plans(rules: &str, facts: &str) -> Vec<Vec<String>> {
    let loaded = load(rules, facts).unwrap_or_else(|e| panic!("{e}"));
    let result = unblock(
        &loaded.base,
        &loaded.world,
        BALV,
        0,
        Action::Signing,
        &[],
        akkoord::unblock::Limits::all(),
    );
    result
        .plans
        .iter()
        .map(|p| p.iter().map(|c| format!("{}={}", c.name, c.to)).collect())
        .collect()
}

const DECLS: &str = r#"
    feit rob: janee "?"  feit p: janee "?"  feit q: janee "?"  feit n: getal "?"
    motie m "M" { vergadering ALV 2018-01-01
"#;
const ONE: &str = r#"{ "akkoorden": { "a": { "naam": "A" } }, "feiten": { "rob": false } }"#;

#[test]
fn unblock_lists_each_way_through_an_or() {
    let rules = format!(
        "{DECLS} regel r {{ bron \"z\" vereis rob en (p of q) voor ondertekening van elk akkoord }} }}"
    );
    assert_eq!(
        plans(&rules, ONE),
        vec![vec!["rob=ja", "p=ja"], vec!["rob=ja", "q=ja"]]
    );
}

#[test]
fn unblock_finds_a_number_across_a_boundary() {
    let rules = format!(
        "{DECLS} regel r {{ bron \"z\" vereis n >= 3 voor ondertekening van elk akkoord }} }}"
    );
    assert_eq!(plans(&rules, ONE), vec![vec!["n=3"], vec!["n=4"]]);
}

#[test]
fn unblock_combines_rules_and_keeps_only_minimal_sets() {
    let rules = format!(
        "{DECLS} regel r1 {{ bron \"z\" vereis rob voor ondertekening van elk akkoord }}
                 regel r2 {{ bron \"z\" vereis rob of p voor ondertekening van elk akkoord }} }}"
    );
    assert_eq!(plans(&rules, ONE), vec![vec!["rob=ja"]]);
}

/// `rules` rules about agreement `a`, rule i needing one of three facts of its own: 3^rules
/// minimal plans of `rules` changes each. Written to a folder, for the CLI.
fn three_ways(rules: usize) -> (String, String) {
    let mut text = String::new();
    for f in 0..3 * rules {
        text.push_str(&format!("feit f{f}: janee \"?\"\n"));
    }
    text.push_str("motie m \"M\" {\n vergadering ALV 2018-01-01\n");
    for r in 0..rules {
        let (x, y, z) = (3 * r, 3 * r + 1, 3 * r + 2);
        text.push_str(&format!(
            " regel r{r} {{ bron \"z\" vereis f{x} of f{y} of f{z} voor ondertekening van akkoord a }}\n"
        ));
    }
    text.push('}');
    let facts: Vec<String> = (0..3 * rules).map(|f| format!("\"f{f}\": false")).collect();
    let facts = format!(
        "{{ \"akkoorden\": {{ \"a\": {{ \"naam\": \"A\" }} }}, \"feiten\": {{ {} }} }}",
        facts.join(", ")
    );
    (text, facts)
}

#[test]
fn unblock_gives_the_first_plans_without_visiting_every_combination() {
    let (rules, facts) = three_ways(9);
    let loaded = load(&rules, &facts).unwrap_or_else(|e| panic!("{e}"));
    let first = unblock(
        &loaded.base,
        &loaded.world,
        BALV,
        0,
        Action::Signing,
        &[],
        akkoord::unblock::Limits::first(10),
    );
    assert_eq!(first.plans.len(), 10);
    assert_eq!(first.found, 10);
    assert!(!first.complete, "19 683 plans exist; ten were asked for");
    assert_eq!(first.at_most, 19_683);
    assert!(
        first.plans.iter().all(|p| p.len() == 9),
        "one change per rule"
    );
    // Counting them all gives the exact number.
    let (rules, facts) = three_ways(6);
    let loaded = load(&rules, &facts).unwrap_or_else(|e| panic!("{e}"));
    let all = unblock(
        &loaded.base,
        &loaded.world,
        BALV,
        0,
        Action::Signing,
        &[],
        akkoord::unblock::Limits::default(),
    );
    assert_eq!((all.found, all.complete, all.plans.len()), (729, true, 10));
}

#[test]
fn unblock_says_how_many_ways_there_are_and_when_it_stopped_counting() {
    let dir = crate::common::scratch("unblock-many");
    let (rules, facts) = three_ways(9);
    std::fs::write(dir.join("regels.akk"), rules).expect("write rules");
    std::fs::write(dir.join("feiten.json"), facts).expect("write facts");
    std::fs::create_dir_all(dir.join("bronnen")).expect("bronnen");
    std::fs::write(dir.join("bronnen/m.txt"), "z").expect("write source");
    let rules_dir = dir.to_string_lossy().to_string();
    let (code, out, err) = akkoord(&[
        "unblock",
        "a",
        "--op",
        "2019-01-01",
        "--rules",
        &rules_dir,
        "--budget",
        "1000",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Ten minste 1000 minimale manieren om tot \"mag\" te komen (de zoektocht stopte bij zijn budget; er zijn er hoogstens 19683); de eerste 10, kleinste eerst:"),
        "{out}"
    );
    let (code, out, err) = akkoord(&["unblock", "a", "--op", "2019-01-01", "--rules", &rules_dir]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("19683 minimale manieren om tot \"mag\" te komen; de eerste 10, kleinste eerst (--alle toont ze allemaal):"),
        "{out}"
    );
    assert!(
        out.contains("\n10. 9 wijzigingen") && !out.contains("\n11. "),
        "{out}"
    );
}

#[test]
fn unblock_ggz_names_the_three_facts_with_questions_and_rules() {
    let (code, out, err) = vng(&["unblock", "ggz", "--op", "2019-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1. 3 wijzigingen"), "{out}");
    assert!(
        out.contains("monitoringsafspraken_ggz: onbekend → ja"),
        "{out}"
    );
    expect_file("unblock-ggz-2019-06-01.txt", &out);
}

#[test]
fn unblock_respects_fixed_facts() {
    let (code, out, _) = vng(&[
        "unblock",
        "ggz",
        "--op",
        "2019-06-01",
        "--vast",
        "monitoringsafspraken_ggz",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Vastgehouden: monitoringsafspraken_ggz"),
        "{out}"
    );
    assert!(
        out.contains("Geen combinatie van feitwijzigingen maakt dit \"mag\"."),
        "{out}"
    );
    let (code, _, err) = vng(&["unblock", "ggz", "--vast", "monitoringsafspraak_ggz"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bedoelde u `monitoringsafspraken_ggz`?"),
        "{err}"
    );
}

/// A copy of `rules/` with one extra motion conditioning the Preventieakkoord on a new fact,
/// which the copied facts file sets to `nee`.
fn rules_with_extra_motion(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("akkoord-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    crate::common::copy_dir(&crate::common::root().join(VNG), &dir);
    std::fs::write(
        dir.join("2019-06-05-alv.akk"),
        r#"feit preventie_middelen: janee "Zijn er middelen voor de uitvoering van het Preventieakkoord?"
motie preventie "Middelen voor preventie" {
  vergadering ALV 2019-06-05
  regel middelen {
    bron "Het Preventieakkoord pas uitvoeren met middelen."
    vereis preventie_middelen voor ondertekening van akkoord preventie
  }
}
"#,
    )
    .expect("write motion");
    std::fs::write(
        dir.join("bronnen/2019-06-05-motie-preventie.txt"),
        "Motie Middelen voor preventie. Het Preventieakkoord pas uitvoeren met middelen.\n",
    )
    .expect("write document");
    let facts = std::fs::read_to_string(dir.join("feiten.json")).expect("facts");
    let facts = facts.replacen(
        "\"feiten\": {",
        "\"feiten\": {\n    \"preventie_middelen\": false,",
        1,
    );
    std::fs::write(dir.join("feiten.json"), facts).expect("write facts");
    dir
}

/// `akkoord diff` of the rules in `new` against the shipped rules, on 1 July 2019.
fn diff_against_shipped(new: &str, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["diff", "--oud", VNG, "--rules", new, "--op", "2019-07-01"];
    args.extend_from_slice(extra);
    akkoord(&args)
}

#[test]
fn diff_shows_exactly_the_verdicts_a_new_motion_changes() {
    let dir = rules_with_extra_motion("changes");
    let new = dir.to_str().expect("path");
    let (code, out, err) = diff_against_shipped(new, &[]);
    assert_eq!(code, 0, "{err}");
    let differences: Vec<&str> = out.lines().filter(|l| l.contains(" → ")).collect();
    assert_eq!(
        differences,
        vec!["Preventieakkoord, ondertekening: mag → niet"],
        "{out}"
    );
    assert!(
        out.contains("Regels toegevoegd:\n  preventie.middelen"),
        "{out}"
    );
    assert!(out.contains("  door: + preventie.middelen"), "{out}");
    assert!(
        out.contains("Niet gedeclareerd in de oude regels, daar dus onbekend: preventie_middelen"),
        "{out}"
    );
    assert!(
        out.ends_with("1 oordeel verschilt\n") || out.contains("1 oordeel verschilt\n"),
        "{out}"
    );
    let (_, json, _) = diff_against_shipped(new, &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(doc["differences"][0]["agreement"]["id"], "preventie");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_before_the_motion_is_adopted_shows_nothing() {
    let dir = rules_with_extra_motion("before");
    let (_, out, _) = akkoord(&[
        "diff",
        "--oud",
        VNG,
        "--rules",
        dir.to_str().expect("path"),
        "--op",
        "2019-01-01",
    ]);
    assert!(out.contains("0 oordelen verschillen"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_across_dates_shows_what_the_balv_changed() {
    let (code, out, _) = vng(&["diff", "--op-oud", "2018-10-01", "--op", "2018-11-30"]);
    assert_eq!(code, 0);
    expect_file("diff-2018-10-01-2018-11-30.txt", &out);
}

#[test]
fn lint_on_the_shipped_rules() {
    let (code, out, err) = vng(&["lint"]);
    assert_eq!(code, 0, "{err}");
    expect_file("lint.txt", &out);
}

#[test]
fn lint_reports_planted_problems() {
    let dir = rules_with_extra_motion("lint");
    std::fs::write(
        dir.join("2019-06-05-geplant.akk"),
        r#"feit nooit_gelezen: janee "Wordt dit ooit gelezen?"
motie geplant "Geplante fouten" {
  vergadering ALV 2019-06-05
  regel geen_akkoord {
    bron "Een regel over een soort akkoord dat niet op tafel ligt."
    vereis rob_aanbevelingen_overeengekomen voor ondertekening van akkoord waar soort = agenda en domein = klimaat
  }
  regel altijd {
    bron "Een voorwaarde die altijd waar is."
    vereis ja of rob_aanbevelingen_overeengekomen voor ondertekening van akkoord ggz
  }
  regel verlopen {
    bron "Een regel die al verlopen is."
    vereis rob_aanbevelingen_overeengekomen voor ondertekening van akkoord ggz
    geldig tot 2019-07-01
  }
}
besluit later "Later besluit" {
  vergadering ALV 2019-12-01
  hef op geplant.verlopen bron "op te heffen"
}
"#,
    )
    .expect("write planted rules");
    std::fs::write(
        dir.join("bronnen/2019-06-05-geplant.txt"),
        "Een regel over een soort akkoord dat niet op tafel ligt. Een voorwaarde die altijd waar is. \
         Een regel die al verlopen is. op te heffen",
    )
    .expect("write document");
    let (code, out, err) = akkoord(&["lint", "--rules", dir.to_str().expect("path")]);
    assert_eq!(code, 0, "{err}");
    let codes = |code: &str| {
        out.lines()
            .filter(|l| l.contains(&format!("[{code}]")))
            .count()
    };
    assert_eq!(codes("ongebruikt-feit"), 1, "{out}");
    assert!(
        out.contains("feit `nooit_gelezen` is gedeclareerd maar wordt door geen regel gelezen"),
        "{out}"
    );
    assert_eq!(codes("nooit-van-toepassing"), 1, "{out}");
    assert!(
        out.contains("regel `geplant.geen_akkoord` selecteert geen enkel akkoord op tafel"),
        "{out}"
    );
    assert_eq!(codes("altijd-waar"), 1, "{out}");
    assert!(
        out.contains(
            "`opgeheven` op 2019-12-01 verandert niets: `geplant.verlopen` was niet meer van kracht"
        ),
        "{out}"
    );
    assert!(
        out.contains("[niet-gedekt] geen scenario raakt regel `geplant.altijd`"),
        "{out}"
    );
    assert!(
        out.contains("2019-06-05-geplant.akk:4:9: waarschuwing [nooit-van-toepassing]"),
        "{out}"
    );
    let (_, json, _) = akkoord(&[
        "lint",
        "--rules",
        dir.to_str().expect("path"),
        "--format",
        "json",
    ]);
    let items: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(
        items["findings"].as_array().is_some_and(|a| a
            .iter()
            .any(|i| i["code"] == "altijd-waar" && i["line"] == 8)),
        "{json}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lint_with_a_missing_tests_folder_is_an_error() {
    let (code, _, err) = vng(&["lint", "--tests", "geen_map"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`--tests geen_map`: die map bestaat niet"),
        "{err}"
    );
}
