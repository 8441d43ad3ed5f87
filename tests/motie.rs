//! `akkoord motie`: a motion's text in, a skeleton of rules out, with holes that `validate`
//! reports until they are filled. Run through the real command line on motion texts written for
//! the purpose (`tests/fixtures/moties/`) and copies of the frozen VNG rule base.

use std::fs;
use std::path::{Path, PathBuf};

use akkoord::check;
use akkoord::compiled::squash;
use akkoord::editor::{self, Position, Workspace};
use akkoord::error::Problem;
use akkoord::motie::{self, Options};
use akkoord::parse::parse_file;
use akkoord::span::FileId;
use proptest::prelude::*;
use serde_json::Value;

use crate::common::{VNG, akkoord, conforms, copy_dir, expect_file, load, root};

/// A motion text written for these tests.
fn fixture(name: &str) -> String {
    format!("tests/fixtures/moties/{name}.txt")
}

/// A fresh copy of the frozen VNG rule base, as `<tmp>/rules`; returns `<tmp>`.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("akkoord-motie-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&root().join(VNG), &dir.join("rules"));
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// `akkoord motie FILE --rules <dir>/rules ARGS…`
fn motie_in(dir: &Path, file: &str, args: &[&str]) -> (i32, String, String) {
    let rules = dir.join("rules");
    let mut all = vec!["motie", file, "--rules", path(&rules)];
    all.extend(args);
    akkoord(&all)
}

/// Every file in `<dir>/rules/bronnen`, sorted.
fn documents(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("rules/bronnen"))
        .expect("bronnen")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Line and column (in characters, from 1) of every `???` in a text, comments aside.
fn holes_in(text: &str) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with("//") {
            continue;
        }
        for (at, _) in line.match_indices("???") {
            out.push((i as u64 + 1, line[..at].chars().count() as u64 + 1));
        }
    }
    out
}

/// The errors `validate --format json` reports, as (code, file, line, column).
fn validate_errors(dir: &Path) -> (i32, Vec<(String, String, u64, u64)>) {
    let rules = dir.join("rules");
    let (code, _, err) = akkoord(&["validate", "--rules", path(&rules), "--format", "json"]);
    if code == 0 {
        return (0, Vec::new());
    }
    let doc: Value = serde_json::from_str(&err).expect("errors as JSON");
    let errors = doc["errors"].as_array().expect("errors").iter();
    let found = errors
        .map(|e| {
            (
                e["code"].as_str().unwrap_or("").to_string(),
                e["file"].as_str().unwrap_or("").to_string(),
                e["line"].as_u64().unwrap_or(0),
                e["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    (code, found)
}

#[test]
fn the_skeleton_of_a_motion_in_standard_form_is_as_expected() {
    for name in ["eerst-geld-ggz", "jeugdzorg-balv", "zonder-datum"] {
        let dir = scratch(&format!("snapshot-{name}"));
        let (code, out, err) = motie_in(&dir, &fixture(name), &[]);
        assert_eq!(code, 0, "{err}");
        expect_file(&format!("motie/{name}.akk"), &out);
        let _ = fs::remove_dir_all(&dir);
    }
}

#[test]
fn validate_flags_the_skeleton_only_at_its_holes() {
    for (name, holes) in [("eerst-geld-ggz", 6), ("zonder-datum", 4)] {
        let dir = scratch(&format!("holes-{name}"));
        let file = dir.join("rules/2099-nieuw.akk");
        let (code, _, err) = motie_in(&dir, &fixture(name), &["-o", path(&file)]);
        assert_eq!(code, 0, "{err}");
        let skeleton = fs::read_to_string(&file).expect("the skeleton");
        let expected: Vec<(String, String, u64, u64)> = holes_in(&skeleton)
            .into_iter()
            .map(|(l, c)| ("akkoord::hole".into(), path(&file).into(), l, c))
            .collect();
        assert_eq!(expected.len(), holes, "{skeleton}");
        let (code, mut found) = validate_errors(&dir);
        found.sort();
        assert_eq!(code, 2);
        assert_eq!(found, expected, "{skeleton}");
        let _ = fs::remove_dir_all(&dir);
    }
}

#[test]
fn each_hole_is_shown_with_its_place_its_note_and_how_to_fill_it() {
    let dir = scratch("rendered");
    let file = dir.join("rules/2099-nieuw.akk");
    let (code, _, err) = motie_in(&dir, &fixture("zonder-datum"), &["-o", path(&file)]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = akkoord(&["validate", "--rules", path(&dir.join("rules"))]);
    assert_eq!(code, 2);
    let shown = err.replace(path(&dir), "<map>");
    expect_file("motie/validate-zonder-datum.txt", &shown);
    let (code, _, _) = akkoord(&["check", "--rules", path(&dir.join("rules"))]);
    assert_eq!(code, 2, "check refuses a rule base with holes too");
    let _ = fs::remove_dir_all(&dir);
}

/// Fills the holes of the `eerst-geld-ggz` skeleton as staff would, and drops the rule for the
/// sentence that conditions nothing.
fn fill(skeleton: &str) -> String {
    let condition = "??? \"welke voorwaarde stelt deze zin?\"";
    let agreements = "??? \"over welke akkoorden gaat deze zin?\"";
    let filled = skeleton
        .replacen(
            condition,
            "structurele_middelen_ambulantisering_toegezegd",
            1,
        )
        .replacen(agreements, "soort = hoofdlijnenakkoord", 1)
        .replacen(condition, "financiele_ruimte_voldoende(akkoord)", 1)
        .replacen(agreements, "financiele_consequenties", 1);
    let start = filled.find("  regel punt_c {").expect("rule c");
    let end = start + filled[start..].find("  }\n").expect("its end") + 4;
    format!("{}{}", &filled[..start], &filled[end..])
}

#[test]
fn filled_in_the_skeleton_validates_and_check_gives_a_verdict() {
    let dir = scratch("filled");
    let file = dir.join("rules/2019-06-05-alv.akk");
    let (code, _, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &["-o", path(&file)]);
    assert_eq!(code, 0, "{err}");
    let filled = fill(&fs::read_to_string(&file).expect("skeleton"));
    assert!(holes_in(&filled).is_empty(), "{filled}");
    fs::write(&file, filled).expect("write");
    let rules = dir.join("rules");
    let (code, out, err) = akkoord(&["validate", "--rules", path(&rules)]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = akkoord(&[
        "check",
        "ggz",
        "--op",
        "2019-06-05",
        "--rules",
        path(&rules),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Hoofdlijnenakkoord GGZ"), "{out}");
    let (code, out, err) = akkoord(&[
        "explain",
        "ggz",
        "--op",
        "2019-06-05",
        "--rules",
        path(&rules),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("eerst_geld_dan_tekenen.punt_a")
            && out.contains("eerst_geld_dan_tekenen.punt_b"),
        "the new rules bind the GGZ agreement:\n{out}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_hole_anywhere_in_a_condition_is_reported_and_nothing_else() {
    let rules = "feit x: janee \"?\"\n\
        motie m \"M\" { vergadering ALV 2019-06-05\n\
          regel r { bron \"b\" verbied ondertekening van elk akkoord totdat x en (??? of niet ???) }\n\
          regel s { bron \"b\" signaal \"s\" wanneer x = ??? \"ja of nee?\" } }\n\
        eigenschap e \"E\" { als ondertekening van elk akkoord mag dan ??? }\n";
    let Err(shown) = load(rules, r#"{"akkoorden": {}, "feiten": {}}"#) else {
        panic!("holes must not load");
    };
    assert_eq!(shown.matches("fout[akkoord::hole]").count(), 4, "{shown}");
    assert!(shown.contains("nog in te vullen: ja of nee?"), "{shown}");
    assert!(
        shown.ends_with("4 problemen gevonden; er is niets geëvalueerd\n"),
        "{shown}"
    );
}

#[test]
fn the_editor_explains_a_hole_and_reports_each_one_as_validate_does() {
    let dir = scratch("editor");
    let file = dir.join("rules/2099-nieuw.akk");
    let (code, _, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &["-o", path(&file)]);
    assert_eq!(code, 0, "{err}");
    let text = fs::read_to_string(&file).expect("skeleton");
    let mut workspace = Workspace::new(None, None);
    let folder = workspace.set_text(&file, text.clone());
    let (line, column) = holes_in(&text)[0];
    let at = Position {
        line: u32::try_from(line - 1).expect("a line"),
        character: u32::try_from(column).expect("a column"),
    };
    let hover = editor::hover(workspace.analysis(&folder), &file, at).expect("a hover");
    assert!(
        hover.markdown.starts_with("`???`\n\nEen gat"),
        "{}",
        hover.markdown
    );
    let published = workspace.diagnostics(&folder);
    let codes: Vec<&str> = published
        .iter()
        .filter(|(p, _)| *p == file)
        .flat_map(|(_, found)| found.iter().map(|d| d.code))
        .collect();
    assert_eq!(codes, vec!["akkoord::hole"; 6]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_text_without_an_operative_part_is_a_clear_error_and_nothing_is_written() {
    let dir = scratch("no-operative");
    let before = documents(&dir);
    let (code, out, err) = motie_in(&dir, &fixture("alleen-overwegingen"), &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("fout[akkoord::motie::no_operative_part]"),
        "{err}"
    );
    assert!(
        err.contains("verzoekt het bestuur"),
        "the hint names the phrases: {err}"
    );
    assert_eq!(documents(&dir), before);
    let _ = fs::remove_dir_all(&dir);
}

/// What `motie --format json --niet-kopieren` found in a fixture.
fn found(name: &str, args: &[&str]) -> Value {
    let file = fixture(name);
    let mut all = vec![
        "motie",
        file.as_str(),
        "--niet-kopieren",
        "--rules",
        VNG,
        "--format",
        "json",
    ];
    all.extend(args);
    let (code, out, err) = akkoord(&all);
    assert_eq!(code, 0, "{name}: {err}");
    conforms("motie", &out)
}

#[test]
fn meeting_date_title_and_kind_are_read_in_their_forms() {
    let cases = [
        (
            "eerst-geld-ggz",
            "motie",
            "ALV",
            "2019-06-05",
            "Eerst geld, dan tekenen",
        ),
        (
            "jeugdzorg-balv",
            "resolutie",
            "BALV",
            "2018-11-30",
            "Jeugdzorg structureel op orde",
        ),
        (
            "bestuur-ggz",
            "standpunt",
            "bestuur",
            "2019-05-08",
            "bestuur-ggz",
        ),
    ];
    for (name, kind, meeting, date, title) in cases {
        let doc = found(name, &[]);
        let got = (
            doc["kind"].as_str(),
            doc["meeting"].as_str(),
            doc["date"].as_str(),
            doc["title"].as_str(),
        );
        assert_eq!(
            got,
            (Some(kind), Some(meeting), Some(date), Some(title)),
            "{name}"
        );
    }
    let doc = found("jeugdzorg-balv", &[]);
    let rules: Vec<(&str, &str)> = doc["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap_or(""),
                r["label"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(rules, [("punt_1", "1"), ("punt_2", "2")]);
}

#[test]
fn a_missing_meeting_and_date_become_holes_and_are_said() {
    let doc = found("zonder-datum", &[]);
    assert_eq!(
        (doc["meeting"].clone(), doc["date"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(doc["holes"], 4);
    let text = doc["text"].as_str().unwrap_or("");
    assert!(
        text.contains("  vergadering ??? \"wie nam dit aan: ALV, BALV of bestuur?\" ??? \"op welke datum (JJJJ-MM-DD)?\"\n"),
        "{text}"
    );
    let (code, _, err) = akkoord(&["motie", &fixture("zonder-datum"), "--niet-kopieren"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("geen datum van de vergadering gevonden"),
        "{err}"
    );
    assert!(
        err.contains("geen vergadering (ALV, BALV, bestuur) gevonden"),
        "{err}"
    );
}

#[test]
fn id_and_kind_can_be_chosen() {
    let doc = found("bestuur-ggz", &["--id", "ggz_mede", "--soort", "besluit"]);
    assert_eq!(doc["id"], "ggz_mede");
    let text = doc["text"].as_str().unwrap_or("");
    assert!(
        text.contains("\nbesluit ggz_mede \"bestuur-ggz\" {\n"),
        "{text}"
    );
    let doc = found("bestuur-ggz", &["--kind", "position"]);
    assert_eq!(doc["kind"], "standpunt");
    let (code, _, err) = akkoord(&[
        "motie",
        &fixture("bestuur-ggz"),
        "--id",
        "12x",
        "--niet-kopieren",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("`--id 12x` is geen naam"), "{err}");
    let (code, _, err) = akkoord(&["motie", &fixture("bestuur-ggz"), "--soort", "amendement"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("motie, resolutie, besluit of standpunt"),
        "{err}"
    );
}

#[test]
fn the_text_is_copied_to_bronnen_once_and_never_over_another_text() {
    let dir = scratch("bronnen");
    let name = "2019-06-05-alv-motie-eerst-geld-dan-tekenen.txt";
    let copy = dir.join("rules/bronnen").join(name);
    let (code, _, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &[]);
    assert_eq!(code, 0, "{err}");
    let original = fs::read_to_string(root().join(fixture("eerst-geld-ggz"))).expect("fixture");
    assert_eq!(fs::read_to_string(&copy).expect("the copy"), original);
    assert!(err.contains("gekopieerd naar"), "{err}");
    // Again: the same text is found, not copied a second time.
    let listed = documents(&dir);
    let (code, _, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("staat al in"), "{err}");
    assert_eq!(documents(&dir), listed);
    // Another text under that name stays as it is, and the skeleton is not written either.
    fs::write(&copy, "Een andere tekst.\n").expect("write");
    let out = dir.join("rules/2019-06-05-alv.akk");
    let (code, _, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &["-o", path(&out)]);
    assert_eq!(code, 2);
    assert!(err.contains("fout[akkoord::motie::exists]"), "{err}");
    assert!(err.contains("--id"), "the hint says how to go on: {err}");
    assert_eq!(
        fs::read_to_string(&copy).expect("copy"),
        "Een andere tekst.\n"
    );
    assert!(!out.exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_same_text_already_in_bronnen_is_used_as_it_is() {
    let dir = scratch("same-text");
    let text = fs::read_to_string(root().join(fixture("eerst-geld-ggz"))).expect("fixture");
    let windows = text.replace('\n', "\r\n");
    let kept = dir.join("rules/bronnen/motie-eerst-geld.txt");
    fs::write(&kept, &windows).expect("write");
    let listed = documents(&dir);
    let (code, out, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("uit bronnen/motie-eerst-geld.txt:"), "{out}");
    assert!(err.contains("staat al in"), "{err}");
    assert_eq!(documents(&dir), listed);
    assert_eq!(fs::read_to_string(&kept).expect("kept"), windows);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn an_existing_skeleton_is_not_overwritten_and_an_id_in_use_is_not_reused() {
    let dir = scratch("ids");
    let out = dir.join("rules/2019-06-05-alv.akk");
    let (code, _, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &["-o", path(&out)]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("geraamte geschreven naar"), "{err}");
    let written = fs::read_to_string(&out).expect("skeleton");
    let (code, _, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &["-o", path(&out)]);
    assert_eq!(code, 2);
    assert!(err.contains("fout[akkoord::motie::exists]"), "{err}");
    assert_eq!(fs::read_to_string(&out).expect("skeleton"), written);
    let (code, stdout, err) = motie_in(&dir, &fixture("eerst-geld-ggz"), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.contains("\nmotie eerst_geld_dan_tekenen_2 "),
        "{stdout}"
    );
    assert!(err.contains("`eerst_geld_dan_tekenen_2` gekozen"), "{err}");
    let (code, _, err) = motie_in(
        &dir,
        &fixture("eerst-geld-ggz"),
        &["--id", "eerst_geld_dan_tekenen"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("er is al een bron `eerst_geld_dan_tekenen`"),
        "{err}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn in_english_the_notes_holes_and_help_are_english_and_the_keywords_dutch() {
    let (code, out, err) = akkoord(&[
        "motion",
        &fixture("zonder-datum"),
        "--no-copy",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("regel punt_1 {"), "{out}");
    assert!(
        out.contains("vereis ??? \"which condition does this sentence set?\""),
        "{out}"
    );
    assert!(err.contains("no date of the meeting found"), "{err}");
    assert!(err.contains("1 rule with 4 holes to fill in"), "{err}");
    let (code, out, _) = akkoord(&["motie", "--help", "--taal", "en"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("A skeleton of rules from the text of a motion"),
        "{out}"
    );
    assert!(out.contains("Do not copy the text to `bronnen/`"), "{out}");
}

#[test]
fn unreadable_files_are_errors_with_a_hint() {
    let dir = scratch("unreadable");
    let binary = dir.join("motie.pdf");
    fs::write(&binary, [0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00]).expect("write");
    for (file, says) in [
        (path(&binary), "geen UTF-8-tekst"),
        ("tests/fixtures/moties/bestaat-niet.txt", "bestaat niet"),
    ] {
        let (code, _, err) = motie_in(&dir, file, &[]);
        assert_eq!(code, 2, "{file}");
        assert!(err.contains("fout[akkoord::motie::unreadable]"), "{err}");
        assert!(err.contains(says), "{err}");
        assert!(err.contains("platte tekst"), "{err}");
    }
    let (code, _, err) = akkoord(&[
        "motie",
        &fixture("eerst-geld-ggz"),
        "--rules",
        path(&dir.join("geen-map")),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("geen-map"), "{err}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn windows_line_ends_and_a_byte_order_mark_read_as_plain_text() {
    let text = fs::read_to_string(root().join(fixture("eerst-geld-ggz"))).expect("fixture");
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let plain = motie::skeleton(&text, "x.txt", &Options::default()).expect("skeleton");
    let other = motie::skeleton(&windows, "x.txt", &Options::default()).expect("skeleton");
    assert_eq!(plain, other);
}

// ---------------------------------------------------------------- laws

/// Lines of motion-like text: markers, enumerators, words, quotes, blanks and line ends.
fn motion_line() -> impl Strategy<Value = String> {
    let start = prop::sample::select(vec![
        "",
        "",
        "",
        "a. ",
        "b) ",
        "1. ",
        "(2) ",
        "- ",
        "o ",
        "• ",
        "verzoekt het bestuur",
        "Roept het bestuur op ",
        "spreekt uit dat:",
        "constaterende dat ",
        "De algemene ledenvergadering, bijeen op 5 juni 2019, ",
        "Motie “",
        "Resolutie ",
        "en gaat over tot de orde van de dag.",
        "Toelichting",
        "besluit: ",
    ]);
    let words = "[a-zA-Zéë\"\\\\;:,.?“” \t]{0,40}";
    (
        start,
        words,
        prop::sample::select(vec!["\n", "\n", "\r\n", "\n\n"]),
    )
        .prop_map(|(s, w, end)| format!("{s}{w}{end}"))
}

fn motion_text() -> impl Strategy<Value = String> {
    prop::collection::vec(motion_line(), 0..14).prop_map(|lines| lines.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn reading_any_text_never_panics(text in "\\PC{0,300}") {
        let _ = motie::skeleton(&text, "x.txt", &Options::default());
    }

    /// Whatever the text, a skeleton parses, prints back to itself, quotes only what the text
    /// says, and the checker finds exactly its holes in it and nothing else.
    #[test]
    fn a_skeleton_quotes_the_text_and_fails_only_at_its_holes(text in motion_text()) {
        let Ok(s) = motie::skeleton(&text, "x.txt", &Options::default()) else {
            return Ok(());
        };
        let squashed = squash(&text);
        for rule in &s.rules {
            prop_assert!(squashed.contains(&rule.quote), "{:?} not in {:?}", rule.quote, squashed);
        }
        let parsed = parse_file(FileId(0), &s.text);
        prop_assert!(parsed.is_ok(), "{}\n{:?}", s.text, parsed);
        let parsed = parsed.expect("parsed");
        prop_assert_eq!(parse_file(FileId(0), &parsed.to_string()).ok(), Some(parsed));
        let problems = match check::load(&[("x.akk".into(), s.text.clone())], ("feiten.json", "{}")) {
            Ok(_) => Vec::new(),
            Err((problems, _)) => problems,
        };
        prop_assert_eq!(problems.len(), s.holes, "{}", s.text);
        let holes = problems
            .iter()
            .all(|p| matches!(p, Problem::Check(akkoord::error::CheckError::Hole { .. })));
        prop_assert!(holes, "{:?}", problems);
    }
}
