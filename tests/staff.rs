//! Staff questions: unblock, diff and lint.

use akkoord::ast::Action;
use akkoord::unblock::unblock;

use crate::common::{BALV, akkoord, expect_file, load};

fn plans(rules: &str, facts: &str) -> Vec<Vec<String>> {
    let loaded = load(rules, facts).unwrap_or_else(|e| panic!("{e}"));
    let result = unblock(
        &loaded.base,
        &loaded.world,
        BALV,
        0,
        Action::Signing,
        &[],
        10_000,
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

#[test]
fn unblock_ggz_names_the_three_facts_with_questions_and_rules() {
    let (code, out, err) = akkoord(&["unblock", "ggz", "--op", "2019-06-01"]);
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
    let (code, out, _) = akkoord(&[
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
    let (code, _, err) = akkoord(&["unblock", "ggz", "--vast", "monitoringsafspraak_ggz"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean `monitoringsafspraken_ggz`?"),
        "{err}"
    );
}
