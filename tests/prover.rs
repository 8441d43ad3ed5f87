//! Properties decided exactly: proven for every fact set, or refuted with the smallest
//! counterexample, even when it is one combination in billions; generated cases only where
//! values do not fall into finitely many classes, and then said so.

use crate::common::{akkoord, folder};

/// A rule folder with `n` yes/no facts, one agreement whose signing requires all of them, and
/// one property.
fn planted(name: &str, n: usize, property: &str) -> std::path::PathBuf {
    let mut rules = String::new();
    for i in 1..=n {
        rules.push_str(&format!("feit f{i}: janee \"Feit {i}?\"\n"));
    }
    let all: Vec<String> = (1..=n).map(|i| format!("f{i}")).collect();
    rules.push_str(&format!(
        "motie m \"Alles nodig\" {{\n  vergadering ALV 2020-01-01\n  regel alles {{\n    bron \"Alles is nodig.\"\n    vereis {} voor ondertekening van akkoord a\n  }}\n}}\n",
        all.join(" en ")
    ));
    let tests = format!("eigenschap p \"Geplant\" {{\n  op 2020-06-01\n  {property}\n}}\n");
    folder(
        name,
        &[
            ("regels.akk", &rules),
            (
                "feiten.json",
                r#"{ "akkoorden": { "a": { "naam": "A" } }, "feiten": {} }"#,
            ),
            ("bronnen/motie.txt", "Alles is nodig."),
            ("tests/p.akk", &tests),
        ],
    )
}

fn test_json(dir: &std::path::Path, seed: &str) -> (i32, serde_json::Value) {
    let (code, out, err) = akkoord(&[
        "test",
        "--rules",
        dir.to_str().expect("path"),
        "--zaad",
        seed,
        "--format",
        "json",
    ]);
    let doc = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, doc)
}

#[test]
fn a_planted_false_property_is_refuted_with_its_one_counterexample_whatever_the_seed() {
    for n in [8, 20, 40] {
        // Signing is allowed only when all n facts are yes: one combination in 3^n.
        let dir = planted(
            &format!("planted-{n}"),
            n,
            &format!("als ondertekening van akkoord a mag dan niet f{n}"),
        );
        for seed in ["0", "1", "7", "123456789"] {
            let (code, doc) = test_json(&dir, seed);
            assert_eq!(code, 1, "n = {n}, seed {seed}: {doc}");
            let p = &doc["properties"][0];
            assert_eq!(p["outcome"], "weerlegd", "n = {n}, seed {seed}: {doc}");
            let facts = &p["counterexample"]["facts"]["feiten"];
            let set = facts.as_object().map_or(0, |f| f.len());
            assert_eq!(set, n, "every fact is needed for mag: {facts}");
            assert!(
                facts
                    .as_object()
                    .is_some_and(|f| f.values().all(|v| v == true)),
                "{facts}"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_true_property_over_many_facts_is_proven_with_the_real_count() {
    let dir = planted(
        "proven-40",
        40,
        "als ondertekening van akkoord a mag dan f40 en f1",
    );
    let (code, doc) = test_json(&dir, "0");
    assert_eq!(code, 0, "{doc}");
    let p = &doc["properties"][0];
    assert_eq!(p["outcome"], "bewezen", "{doc}");
    // 3^40 combinations of unknown, no and yes for the 40 facts, on one day.
    assert_eq!(p["combinations"], "12157665459056928801", "{doc}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_counterexample_is_the_smallest_one() {
    // Signing is undetermined as soon as one fact is unknown, and the claim says f1 then holds:
    // with every fact unknown it already fails, so the smallest counterexample sets nothing.
    let dir = planted(
        "smallest",
        3,
        "als ondertekening van akkoord a onbepaald dan f1",
    );
    let (_, doc) = test_json(&dir, "0");
    let facts = &doc["properties"][0]["counterexample"]["facts"]["feiten"];
    assert_eq!(facts, &serde_json::json!({}), "{doc}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn facts_compared_with_each_other_are_tested_and_the_output_says_not_proven() {
    let dir = folder(
        "compared",
        &[
            (
                "regels.akk",
                "feit n1: getal \"?\"\nfeit n2: getal \"?\"\nmotie m \"M\" {\n  vergadering ALV 2020-01-01\n  regel r {\n    bron \"Meer is nodig.\"\n    vereis n1 < n2 voor ondertekening van akkoord a\n  }\n}\n",
            ),
            (
                "feiten.json",
                r#"{ "akkoorden": { "a": { "naam": "A" } } }"#,
            ),
            ("bronnen/m.txt", "Meer is nodig."),
            (
                "tests/p.akk",
                "eigenschap p \"Vergelijking\" {\n  op 2020-06-01\n  als ondertekening van akkoord a mag dan n1 < n2\n}\n",
            ),
        ],
    );
    let (code, out, _) = akkoord(&["test", "--rules", dir.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "? p: Vergelijking (getest met 1000 gegenereerde feitensets (zaad 0), niet bewezen"
        ),
        "{out}"
    );
    assert!(
        out.contains("1 eigenschap(pen) alleen getest, niet bewezen"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
