//! The living rule base in `rules/` is data staff change after every assembly. It is checked by
//! what staff run, `akkoord validate` and `akkoord test`, whatever it holds; no test here knows
//! its counts or verdicts (the engine's own tests use the frozen copy in `tests/fixtures/vng`).

use std::fs;

use serde_json::Value;

use crate::common::{VNG, akkoord, copy_dir, root};

fn green(args: &[&str]) -> String {
    let (code, out, err) = akkoord(args);
    assert_eq!(code, 0, "akkoord {args:?} is not green:\n{out}{err}");
    out
}

#[test]
fn the_living_rule_base_validates() {
    green(&["validate", "--rules", "rules"]);
}

#[test]
fn the_living_scenarios_and_properties_hold() {
    green(&["test", "--rules", "rules"]);
}

#[test]
fn printing_then_parsing_each_rule_file_gives_it_back() {
    for dir in ["rules", "rules/tests", VNG] {
        for (name, text) in akkoord::load::rule_files(&root().join(dir)).expect("rules") {
            let file = akkoord::parse::parse_file(akkoord::span::FileId(0), &text).expect("parses");
            let printed = file.to_string();
            let again = akkoord::parse::parse_file(akkoord::span::FileId(0), &printed);
            assert_eq!(
                again.as_ref().ok(),
                Some(&file),
                "{name} printed as:\n{printed}"
            );
        }
    }
}

/// Adds a motion to a copy of `rules/` exactly as the README's walk-through says: the document
/// in `bronnen/`, the motion in a new meeting file, a new fact declared, the agreement and
/// what is known about it in `feiten.json`, and a scenario in `tests/`.
fn add_motion_the_readme_way(dir: &std::path::Path) {
    fs::write(
        dir.join("bronnen/2099-06-05-alv-motie-voorbeeld.txt"),
        "Motie Voorbeeld, ALV 5 juni 2099.\n\nDe ALV roept het bestuur op het Voorbeeldakkoord\n\
         pas te ondertekenen als het kabinet de uitvoeringskosten volledig vergoedt.\n",
    )
    .expect("document");
    fs::write(
        dir.join("2099-06-05-alv.akk"),
        r#"feit voorbeeld_kosten_vergoed: janee
  "Vergoedt het kabinet de uitvoeringskosten van het Voorbeeldakkoord volledig?"
  eis "het kabinet vergoedt de uitvoeringskosten volledig"

motie voorbeeld "Voorbeeld" {
  vergadering ALV 2099-06-05

  regel kosten {
    bron "pas te ondertekenen als het kabinet de uitvoeringskosten volledig vergoedt"
    vereis voorbeeld_kosten_vergoed voor ondertekening van akkoord voorbeeldakkoord
  }
}
"#,
    )
    .expect("motion");
    let path = dir.join("feiten.json");
    let mut facts: Value =
        serde_json::from_str(&fs::read_to_string(&path).expect("facts")).expect("json");
    facts["akkoorden"]["voorbeeldakkoord"] = serde_json::json!({
        "naam": "Voorbeeldakkoord",
        "sinds": "2099-05-01"
    });
    facts["feiten"]["voorbeeld_kosten_vergoed"] = serde_json::json!([
        { "waarde": false, "sinds": "2099-06-05", "bron": "Motie Voorbeeld, ALV 5 juni 2099" }
    ]);
    fs::write(&path, serde_json::to_string_pretty(&facts).expect("json")).expect("write facts");
    fs::write(
        dir.join("tests/2099-alv.akk"),
        r#"scenario voorbeeld_zonder_vergoeding "Zonder volledige vergoeding geen ondertekening" {
  op 2099-06-05
  verwacht ondertekening van voorbeeldakkoord: niet door voorbeeld.kosten
}

eigenschap voorbeeld_vergoeding "Het Voorbeeldakkoord wordt niet getekend zonder volledige vergoeding" {
  op 2099-07-01
  als ondertekening van akkoord voorbeeldakkoord mag dan voorbeeld_kosten_vergoed
}
"#,
    )
    .expect("scenario");
}

#[test]
fn a_motion_added_the_readme_way_keeps_every_check_green() {
    let dir = std::env::temp_dir().join(format!("akkoord-readme-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&root().join("rules"), &dir);
    add_motion_the_readme_way(&dir);
    let rules = dir.to_str().expect("path");
    green(&["validate", "--rules", rules]);
    let tested = green(&["test", "--rules", rules]);
    assert!(tested.contains("✓ voorbeeld_zonder_vergoeding"), "{tested}");
    assert!(tested.contains("✓ voorbeeld_vergoeding"), "{tested}");
    green(&["lint", "--rules", rules]);
    let explained = green(&[
        "explain",
        "voorbeeldakkoord",
        "--rules",
        rules,
        "--op",
        "2099-06-05",
    ]);
    assert!(
        explained.contains("het kabinet vergoedt de uitvoeringskosten volledig"),
        "{explained}"
    );
    // Before it came on the table, the agreement gets no verdict and changes none.
    let before = green(&[
        "check",
        "--rules",
        rules,
        "--op",
        "2099-04-01",
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_str(&before).expect("json");
    assert!(
        doc["answers"]
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x["agreement"]["id"] != "voorbeeldakkoord")),
        "{before}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_quote_found_in_no_document_fails_validate_test_and_lint() {
    let dir = std::env::temp_dir().join(format!("akkoord-quote-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&root().join("rules"), &dir);
    add_motion_the_readme_way(&dir);
    let motion = dir.join("2099-06-05-alv.akk");
    let text = fs::read_to_string(&motion).expect("motion");
    fs::write(
        &motion,
        text.replace("volledig vergoedt", "ruimhartig vergoedt"),
    )
    .expect("write");
    let rules = dir.to_str().expect("path");
    for command in ["validate", "test", "lint", "check"] {
        let (code, _, err) = akkoord(&[command, "--rules", rules]);
        assert_eq!(code, 2, "{command}");
        assert!(
            err.contains("dit citaat staat in geen enkel brondocument"),
            "{command}: {err}"
        );
        assert!(err.contains("2099-06-05-alv.akk:9:10"), "{command}: {err}");
    }
    let _ = fs::remove_dir_all(&dir);
}
