//! `akkoord test` on the shipped scenarios and properties, and on properties broken on purpose.

use std::fs;
use std::path::PathBuf;

use crate::common::{VNG, akkoord, expect_file, root, vng};

#[test]
fn the_shipped_scenarios_and_properties_pass() {
    let (code, out, err) = vng(&["test"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with("24 passed, 0 failed\n"), "{out}");
    expect_file("test.txt", &out);
}

/// A copy of `rules/` in a fresh temporary folder, with `edit` applied to one file.
fn broken_copy(name: &str, file: &str, from: &str, to: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("akkoord-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    crate::common::copy_dir(&root().join(VNG), &dir);
    let path = dir.join(file);
    let text = fs::read_to_string(&path).expect("rule file");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
    dir
}

#[test]
fn a_property_broken_on_purpose_fails_with_the_smallest_counterexample() {
    // Drop the monitoring requirement from the board's 2019 position.
    let dir = broken_copy(
        "monitoring",
        "2019-voorjaar-ggz.akk",
        "vereis structurele_middelen_ambulantisering_toegezegd en monitoringsafspraken_ggz",
        "vereis structurele_middelen_ambulantisering_toegezegd",
    );
    let rules = dir.to_str().expect("utf-8 path");
    for cases in ["1000", "50"] {
        let (code, out, _) = akkoord(&["test", "--rules", rules, "--gevallen", cases]);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("✗ ggz_monitoring"), "{out}");
        assert!(
            out.contains("tegenvoorbeeld op 2019-06-01 voor ggz:"),
            "{out}"
        );
        // Shrunk: exactly the two facts that make the agreement signable, monitoring unknown.
        let facts: serde_json::Value =
            serde_json::from_str(&counterexample(&out)).expect("a JSON facts file");
        let expected = serde_json::json!({
            "financiele_ruimte_voldoende": { "ggz": true },
            "structurele_middelen_ambulantisering_toegezegd": true,
        });
        assert_eq!(facts["feiten"], expected, "{out}");
        // The scenario that expected missing monitoring to keep it undetermined fails too.
        assert!(out.contains("✗ ggz_middelen_zonder_monitoring"), "{out}");
        assert!(
            out.contains("    gekregen: mag\n    + stevige_afspraken.financiele_weging"),
            "{out}"
        );
        assert!(out.ends_with("22 passed, 2 failed\n"), "{out}");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_counterexample_is_a_facts_file_explain_accepts() {
    let dir = broken_copy(
        "explain",
        "2019-voorjaar-ggz.akk",
        "vereis structurele_middelen_ambulantisering_toegezegd en monitoringsafspraken_ggz",
        "vereis structurele_middelen_ambulantisering_toegezegd",
    );
    let rules = dir.to_str().expect("utf-8 path");
    let (_, out, _) = akkoord(&["test", "--rules", rules]);
    let facts = dir.join("tegenvoorbeeld.json");
    fs::write(&facts, counterexample(&out)).expect("write counterexample");
    let (code, explained, err) = akkoord(&[
        "explain",
        "ggz",
        "--rules",
        rules,
        "--op",
        "2019-06-01",
        "--facts",
        facts.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        explained.starts_with("Hoofdlijnenakkoord GGZ (ggz), ondertekening, op 2019-06-01: mag"),
        "{explained}"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// The facts file printed under "tegenvoorbeeld op …".
fn counterexample(out: &str) -> String {
    let start = out.find("tegenvoorbeeld op").expect("a counterexample");
    out[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with("bewaar"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_failing_scenario_shows_what_differed() {
    let dir = broken_copy(
        "scenario",
        "tests/2018-balv.akk",
        "verwacht ondertekening van klimaatadaptatie: mag",
        "verwacht ondertekening van klimaatadaptatie: niet",
    );
    let (code, out, _) = akkoord(&["test", "--rules", dir.to_str().expect("path")]);
    assert_eq!(code, 1);
    assert!(out.contains("✗ bestuursbesluit_november_2018"), "{out}");
    assert!(
        out.contains("    verwacht: ondertekening van klimaatadaptatie: niet door stevige_afspraken.financiele_weging\n    gekregen: mag"),
        "{out}"
    );
    assert!(out.contains("23 passed, 1 failed"), "{out}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_typo_in_a_scenario_is_a_located_error() {
    let dir = broken_copy(
        "typo",
        "tests/2024-alv.akk",
        "stel iza_voorwaarden_voldaan = ja",
        "stel iza_voorwaarden_voldan = ja",
    );
    let (code, _, err) = akkoord(&["test", "--rules", dir.to_str().expect("path")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("onbekend feit `iza_voorwaarden_voldan`"),
        "{err}"
    );
    assert!(
        err.contains("bedoelde u `iza_voorwaarden_voldaan`?"),
        "{err}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn deferred_votes_and_rejected_motions_in_scenarios() {
    let (code, out, err) = akkoord(&["test", "--rules", "tests/fixtures/stemmingen"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with("3 passed, 0 failed\n"), "{out}");
    let (_, explained, _) = akkoord(&[
        "explain",
        "jeugd",
        "--rules",
        "tests/fixtures/stemmingen",
        "--op",
        "2019-07-01",
    ]);
    assert!(
        explained.contains(
            "nooit_zonder_raden.raden: verworpen (ALV 12 juni 2019): heeft nooit gegolden"
        ),
        "{explained}"
    );
    assert!(
        explained.contains("eerst_geld.monitoring: stemming uitgesteld (ALV 12 juni 2019): bindt niet zolang een latere vergadering het niet aanneemt"),
        "{explained}"
    );
}
