//! `akkoord fmt`: the command on real files in temporary folders, and the formatter's laws on
//! generated rule files and on the frozen fixtures: formatting keeps the parsed tree, the
//! comments and the quotes; formatting twice is formatting once; Dutch → English → Dutch is the
//! identity; no input, however damaged, makes it panic.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use akkoord::format::format;
use akkoord::i18n::Lang;
use akkoord::parse::parse_file;
use akkoord::span::FileId;
use proptest::prelude::*;

use crate::common::{conforms, expect_file, folder, root};

mod generate;

use generate::rule_file;

const MESSY: &str = "tests/fixtures/fmt/rommelig.akk";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

/// Runs `akkoord` with `args` in `dir`; returns exit code, stdout and stderr.
fn akkoord_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_akkoord"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("AKKOORD_TAAL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the akkoord binary runs");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("write stdin");
    drop(input);
    let out = child.wait_with_output().expect("akkoord ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A temporary rule folder holding the messy file and a formatted one.
fn messy_folder(name: &str) -> std::path::PathBuf {
    let messy = read(&root().join(MESSY));
    folder(
        name,
        &[
            ("rules/rommelig.akk", &messy),
            (
                "rules/tests/netjes.akk",
                "scenario s \"S\" {\n  op 2018-01-01\n}\n",
            ),
        ],
    )
}

// ---------------------------------------------------------------- the command

#[test]
fn fmt_gives_a_messy_file_the_canonical_layout_and_names_it() {
    let dir = messy_folder("fmt-messy");
    let (code, out, err) = akkoord_in(&dir, &["fmt"], None);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "geformatteerd: rules/rommelig.akk\n1 van 2 geformatteerd\n"
    );
    expect_file("fmt/rommelig.akk", &read(&dir.join("rules/rommelig.akk")));
    let (code, out, _) = akkoord_in(&dir, &["fmt", "rules"], None);
    assert_eq!(
        (code, out.as_str()),
        (0, "2 bestanden, alle geformatteerd\n")
    );
}

#[test]
fn check_changes_nothing_shows_the_diff_and_exits_1() {
    let dir = messy_folder("fmt-check");
    let before = read(&dir.join("rules/rommelig.akk"));
    let (code, out, err) = akkoord_in(&dir, &["fmt", "--check"], None);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        read(&dir.join("rules/rommelig.akk")),
        before,
        "nothing is written"
    );
    assert!(out.starts_with("niet geformatteerd: rules/rommelig.akk\n--- rules/rommelig.akk\n+++ rules/rommelig.akk\n@@ -1,"), "{out}");
    assert!(
        out.contains("\n-keuze   soort{deelakkoord,uitwerkingsakkoord,\n"),
        "{out}"
    );
    assert!(
        out.contains("\n+keuze soort { deelakkoord, uitwerkingsakkoord, hoofdlijnenakkoord }\n"),
        "{out}"
    );
    assert!(
        out.ends_with("1 van 2 niet geformatteerd; `akkoord fmt` formatteert ze\n"),
        "{out}"
    );
    assert_eq!(akkoord_in(&dir, &["fmt"], None).0, 0);
    let (code, out, _) = akkoord_in(&dir, &["fmt", "--controleer"], None);
    assert_eq!(
        (code, out.as_str()),
        (0, "2 bestanden, alle geformatteerd\n")
    );
}

#[test]
fn comments_and_quotes_are_kept_exactly() {
    let dir = messy_folder("fmt-kept");
    let before = read(&dir.join("rules/rommelig.akk"));
    assert_eq!(akkoord_in(&dir, &["fmt"], None).0, 0);
    let after = read(&dir.join("rules/rommelig.akk"));
    assert_eq!(comments(&after), comments(&before));
    assert_eq!(quotes(&after), quotes(&before));
    assert!(after.contains("    bron \"Niet eerder over te gaan tot het sluiten van deelakkoorden\n          dan dat overeenstemming is bereikt.\"\n"));
    assert!(after.contains("kenmerk soort: soort \"Wat voor akkoord is het?\" // the kind\n"));
}

#[test]
fn a_file_with_a_syntax_error_is_reported_and_left_untouched() {
    let broken = "feit x: janee \"?\"\nmotie m \"M\" {\n  vergadering ALV\n}\n";
    let messy = read(&root().join(MESSY));
    let dir = folder(
        "fmt-broken",
        &[("rules/a.akk", broken), ("rules/b.akk", &messy)],
    );
    let (code, out, err) = akkoord_in(&dir, &["fmt"], None);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("--> rules/a.akk:4:1"), "{err}");
    assert!(err.contains("een datum (JJJJ-MM-DD) verwacht"), "{err}");
    assert!(
        err.ends_with(
            "1 bestand niet geformatteerd vanwege een probleem; het blijft zoals het was\n"
        ),
        "{err}"
    );
    assert_eq!(
        read(&dir.join("rules/a.akk")),
        broken,
        "the broken file is untouched"
    );
    assert_ne!(
        read(&dir.join("rules/b.akk")),
        messy,
        "the other file is formatted"
    );
    assert_eq!(out, "geformatteerd: rules/b.akk\n1 van 1 geformatteerd\n");
}

#[test]
fn keywords_convert_to_english_and_back_to_the_same_file() {
    let dir = messy_folder("fmt-english");
    assert_eq!(akkoord_in(&dir, &["fmt"], None).0, 0);
    let dutch = read(&dir.join("rules/rommelig.akk"));
    let (code, _, err) = akkoord_in(
        &dir,
        &["fmt", "--keywords", "en", "rules/rommelig.akk"],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let english = read(&dir.join("rules/rommelig.akk"));
    assert!(
        english.contains("  rule blokkade {\n    source \"Niet"),
        "{english}"
    );
    assert!(
        english.contains("  expect signing of ggz: may not by rob.blokkade, rob.ggz\n"),
        "{english}"
    );
    let (code, _, _) = akkoord_in(&dir, &["fmt", "--check", "rules/rommelig.akk"], None);
    assert_eq!(code, 0, "an English file stays English by default");
    assert_eq!(
        akkoord_in(&dir, &["fmt", "--sleutelwoorden", "nl"], None).0,
        0
    );
    assert_eq!(read(&dir.join("rules/rommelig.akk")), dutch);
}

#[test]
fn standard_input_is_formatted_to_standard_output() {
    let dir = folder("fmt-stdin", &[]);
    std::fs::create_dir_all(&dir).expect("folder");
    let (code, out, err) = akkoord_in(&dir, &["fmt", "-"], Some("feit  x:janee \"?\""));
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "feit x: janee \"?\"\n", "")
    );
    let (code, out, _) = akkoord_in(&dir, &["fmt", "-", "--check"], Some("feit  x:janee \"?\""));
    assert_eq!(code, 1);
    assert!(
        out.contains("-feit  x:janee \"?\"\n+feit x: janee \"?\"\n"),
        "{out}"
    );
    let (code, _, err) = akkoord_in(&dir, &["fmt", "-"], Some("feit x:"));
    assert_eq!(code, 2);
    assert!(err.contains("--> -:1:8"), "{err}");
}

#[test]
fn stdout_prints_one_file_and_writes_nothing() {
    let dir = messy_folder("fmt-stdout");
    let before = read(&dir.join("rules/rommelig.akk"));
    let (code, out, _) = akkoord_in(&dir, &["fmt", "--stdout", "rules/rommelig.akk"], None);
    assert_eq!(code, 0);
    assert!(out.starts_with("// A rule file"), "{out}");
    assert_eq!(read(&dir.join("rules/rommelig.akk")), before);
    let (code, _, err) = akkoord_in(&dir, &["fmt", "--stdout", "rules"], None);
    assert_eq!(code, 2);
    assert!(
        err.contains("`--stdout` schrijft één bestand, geen map"),
        "{err}"
    );
}

#[test]
fn json_fits_its_schema_and_english_is_english() {
    let dir = messy_folder("fmt-json");
    let (code, out, _) = akkoord_in(&dir, &["fmt", "--check", "--format", "json"], None);
    assert_eq!(code, 1);
    let doc = conforms("fmt", &out);
    assert_eq!(doc["changed"], 1);
    assert_eq!(doc["files"][0]["status"], "changed");
    assert_eq!(doc["files"][0]["keywords"], "nl");
    assert!(
        doc["files"][0]["diff"]
            .as_str()
            .is_some_and(|d| d.starts_with("--- rules/rommelig.akk"))
    );
    let (code, out, _) = akkoord_in(&dir, &["fmt", "--check", "--taal", "en"], None);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("not formatted: rules/rommelig.akk\n"),
        "{out}"
    );
    assert!(
        out.ends_with("1 of 2 not formatted; `akkoord fmt` formats them\n"),
        "{out}"
    );
    let (code, _, err) = akkoord_in(
        &dir,
        &["fmt", "--stdout", "rules/rommelig.akk", "--format", "json"],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("\"code\": \"akkoord::argument\""), "{err}");
}

// ---------------------------------------------------------------- the laws, on the fixtures

fn fmt(text: &str, keywords: Option<Lang>) -> String {
    match format(FileId(0), text, keywords) {
        Ok(f) => f.text,
        Err(e) => panic!("does not format: {e}\n{text}"),
    }
}

/// `// …` and `/* … */` outside quotes, in order, as the formatter writes them.
fn comments(text: &str) -> Vec<String> {
    scan(text).0
}

/// Texts in quotes, in order, byte for byte.
fn quotes(text: &str) -> Vec<String> {
    scan(text).1
}

fn scan(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut comments, mut quotes) = (Vec::new(), Vec::new());
    let mut rest = text;
    while let Some(at) = rest.find(['"', '/']) {
        let from = &rest[at..];
        let end = if let Some(body) = from.strip_prefix('"') {
            let mut escaped = false;
            let close = body
                .char_indices()
                .find(|&(_, c)| {
                    let close = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    close
                })
                .map_or(from.len(), |(i, _)| i + 2);
            quotes.push(from[..close].to_string());
            close
        } else if from.starts_with("//") {
            let close = from.find(['\n', '\r']).unwrap_or(from.len());
            comments.push(from[..close].trim_end().to_string());
            close
        } else if from.starts_with("/*") {
            let close = from.find("*/").map_or(from.len(), |i| i + 2);
            comments.push(from[..close].to_string());
            close
        } else {
            1
        };
        rest = &from[end..];
    }
    (comments, quotes)
}

/// Every law on one text.
fn laws(text: &str) {
    let before = parse_file(FileId(0), text).expect("the input parses");
    let once = fmt(text, None);
    assert_eq!(
        fmt(&once, None),
        once,
        "formatting twice is formatting once:\n{once}"
    );
    assert_eq!(
        parse_file(FileId(0), &once).ok().as_ref(),
        Some(&before),
        "the tree is kept:\n{once}"
    );
    assert_eq!(
        comments(&once),
        comments(text),
        "the comments are kept:\n{once}"
    );
    assert_eq!(quotes(&once), quotes(text), "the quotes are kept:\n{once}");
    let dutch = fmt(text, Some(Lang::Nl));
    let english = fmt(&dutch, Some(Lang::En));
    assert_eq!(
        parse_file(FileId(0), &english).ok().as_ref(),
        Some(&before),
        "English is the same tree:\n{english}"
    );
    assert_eq!(
        fmt(&english, Some(Lang::Nl)),
        dutch,
        "Dutch → English → Dutch is the identity"
    );
}

fn fixture_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in ["tests/fixtures", "tests/bad"] {
        files.extend(akkoord::format::rule_files(&root().join(dir)).expect("fixtures"));
    }
    files
}

#[test]
fn the_laws_hold_on_every_frozen_fixture_that_parses() {
    let mut checked = 0;
    for path in fixture_files() {
        let text = read(&path);
        if parse_file(FileId(0), &text).is_ok() {
            laws(&text);
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} fixture files checked");
}

#[test]
fn the_frozen_vng_rule_base_formats_without_a_change_to_a_verdict() {
    let dir = folder("fmt-vng", &[]);
    crate::common::copy_dir(&root().join(crate::common::VNG), &dir);
    let rules = dir.to_str().expect("path");
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--rules", rules]);
        let (code, out, err) = akkoord_in(&root(), &all, None);
        assert!(code <= 1, "{args:?}: {err}");
        out
    };
    let check = run(&["check", "--op", "2018-11-30"]);
    let tests = run(&["test"]);
    let (code, _, err) = akkoord_in(&root(), &["fmt", rules], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(run(&["check", "--op", "2018-11-30"]), check);
    assert_eq!(run(&["test"]), tests);
}

// ---------------------------------------------------------------- the laws, on generated files

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_laws_hold_on_generated_rule_files(text in rule_file()) {
        laws(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn formatting_never_panics_on_damaged_rule_files(
        file in 0usize..64, cut in 0usize..4000, junk in "[{}()\"€=<>a-z0-9 \n.,/*%:]{0,8}",
    ) {
        let files = fixture_files();
        let text = read(&files[file % files.len()]);
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mut end = (at + junk.len()).min(text.len());
        while !text.is_char_boundary(end) { end += 1; }
        let damaged = format!("{}{junk}{}", &text[..at], &text[end..]);
        if let Ok(once) = format(FileId(0), &damaged, None) {
            prop_assert_eq!(fmt(&once.text, None), once.text.clone());
        }
    }

    #[test]
    fn formatting_never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = format(FileId(0), &text, Some(Lang::En));
    }
}
