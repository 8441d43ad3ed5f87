//! No input crashes akkoord, hangs it, or silently means something else: the reproducers of
//! hostile and odd inputs found by fuzzing and probing, each giving exit 0 or 2 with a clear,
//! located error, in seconds.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{VNG, akkoord, folder, root};

const DECLS: &str = "feit rob: janee \"ROB?\"\n";

fn motion(condition: &str) -> String {
    format!(
        "{DECLS}motie m \"M\" {{\n  vergadering ALV 2018-06-27\n  regel r {{\n    bron \"z\"\n    vereis {condition} voor ondertekening van elk akkoord\n  }}\n}}\n"
    )
}

/// A rule folder with one rule file, a facts file and the document the quote `z` comes from.
fn rules_with(name: &str, rules: &str, facts: &str) -> std::path::PathBuf {
    folder(
        name,
        &[
            ("r.akk", rules),
            ("feiten.json", facts),
            ("bronnen/d.txt", "z"),
        ],
    )
}

/// Runs akkoord and checks it ended with `code`, quickly, without a panic.
fn runs(args: &[&str], code: i32, within: Duration) -> (String, String) {
    let start = Instant::now();
    let (got, out, err) = akkoord(args);
    let took = start.elapsed();
    assert!(
        !err.contains("panicked") && !err.contains("stopped unexpectedly"),
        "{args:?}: {err}"
    );
    assert_eq!(got, code, "{args:?}\n{out}{err}");
    assert!(took < within, "{args:?} took {took:?}");
    (out, err)
}

const A: &str = r#"{ "akkoorden": { "a": { "naam": "A" } }, "feiten": { "rob": true } }"#;

#[test]
fn an_error_far_along_a_very_long_line_is_shown_cut_around_it() {
    let mut facts = String::from(r#"{"akkoorden":{"a":{"naam":"A"}},"feiten":{"rob":true"#);
    facts.push_str(&" ".repeat(70_000));
    facts.push_str("x}}");
    let dir = rules_with("long-line", &motion("rob"), &facts);
    let (_, err) = runs(
        &["check", "--rules", dir.to_str().expect("path")],
        2,
        Duration::from_secs(10),
    );
    assert!(err.contains("feiten.json:1:70053"), "{err}");
    assert!(
        err.lines().all(|l| l.chars().count() < 400),
        "lines are cut: {err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_very_long_agreement_name_is_cut_in_the_table() {
    let name = "N".repeat(70_000);
    let facts = format!(
        r#"{{ "akkoorden": {{ "a": {{ "naam": "{name}" }} }}, "feiten": {{ "rob": true }} }}"#
    );
    let dir = rules_with("long-name", &motion("rob"), &facts);
    let (out, _) = runs(
        &[
            "check",
            "--rules",
            dir.to_str().expect("path"),
            "--op",
            "2019-01-01",
        ],
        0,
        Duration::from_secs(10),
    );
    assert!(
        out.contains("NNNN…  ondertekening"),
        "{}",
        &out[..out.len().min(400)]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn deep_nesting_is_an_error_whatever_whitespace_or_comments_surround_it() {
    for (name, condition) in [
        ("niet-newline", format!("{}rob", "niet\n".repeat(300_000))),
        (
            "niet-comment",
            format!("{}rob", "niet /* x */ ".repeat(100_000)),
        ),
        (
            "paren-after-quote-in-comment",
            format!("/* \" */ {}rob{}", "(".repeat(200_000), ")".repeat(200_000)),
        ),
        (
            "paren-crlf-comment",
            format!(
                "// x\r\n{}rob{}",
                "(\r\n".repeat(100_000),
                ")".repeat(100_000)
            ),
        ),
    ] {
        let dir = rules_with(name, &motion(&condition), A);
        let (_, err) = runs(
            &["validate", "--rules", dir.to_str().expect("path")],
            2,
            Duration::from_secs(20),
        );
        assert!(
            err.contains("hoogstens 64 niveaus van nesting verwacht"),
            "{name}: {err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn an_unclosed_comment_says_so_where_it_opens() {
    let dir = rules_with(
        "unclosed-comment",
        &format!(
            "{}\n/* nooit gesloten\nfeit x: janee \"?\"\n",
            motion("rob")
        ),
        A,
    );
    let (_, err) = runs(
        &["validate", "--rules", dir.to_str().expect("path")],
        2,
        Duration::from_secs(10),
    );
    assert!(
        err.contains("een afsluitende `*/` voor dit commentaar verwacht"),
        "{err}"
    );
    assert!(err.contains("r.akk:10:1"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_closed_pipe_or_a_full_disk_ends_output_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_akkoord"))
        .env_remove("AKKOORD_TAAL")
        .args(["explain", "ggz", "--rules", VNG, "--op", "2019-06-01"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(0));
    if std::path::Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = Command::new(env!("CARGO_BIN_EXE_akkoord"))
            .env_remove("AKKOORD_TAAL")
            .args(["check", "--rules", VNG, "--op", "2019-06-01"])
            .current_dir(root())
            .stdout(full)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn control_characters_in_rule_text_reach_the_terminal_escaped_and_json_exact() {
    let quote = "z\u{1b}[8mverborgen\u{1b}]0;titel\u{7}";
    let rules = format!(
        "{DECLS}motie m \"M\" {{\n  vergadering ALV 2018-06-27\n  regel r {{\n    bron \"{quote}\"\n    vereis rob voor ondertekening van elk akkoord\n  }}\n}}\n"
    );
    let dir = folder(
        "escape",
        &[
            ("r.akk", &rules),
            (
                "feiten.json",
                r#"{ "akkoorden": { "a": { "naam": "A\u001b[2J" } }, "feiten": { "rob": false } }"#,
            ),
            ("bronnen/d.txt", quote),
        ],
    );
    let rules = dir.to_str().expect("path");
    for args in [
        &["check", "--rules", rules, "--op", "2019-01-01"][..],
        &["explain", "a", "--rules", rules, "--op", "2019-01-01"],
    ] {
        let (out, _) = runs(args, 0, Duration::from_secs(10));
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
    }
    let (out, _) = runs(
        &["explain", "a", "--rules", rules, "--op", "2019-01-01"],
        0,
        Duration::from_secs(10),
    );
    assert!(out.contains("z\\u{1b}[8mverborgen"), "{out}");
    let (json, _) = runs(
        &[
            "explain",
            "a",
            "--rules",
            rules,
            "--op",
            "2019-01-01",
            "--format",
            "json",
        ],
        0,
        Duration::from_secs(10),
    );
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        doc[0]["rules"][0]["rule"]["quote"], quote,
        "JSON carries the exact text"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn scenario_files_are_strict() {
    for (name, scenario, expected) in [
        (
            "second-op",
            "scenario s \"S\" { op 2019-01-01 op 2019-02-01 verwacht ondertekening van a: mag }",
            "hoogstens één `op` in dit blok",
        ),
        (
            "duplicate-id",
            "scenario s \"S\" { op 2019-01-01 verwacht ondertekening van a: mag }\nscenario s \"T\" { op 2019-01-01 verwacht ondertekening van a: mag }",
            "scenario `s` is twee keer gedeclareerd",
        ),
        (
            "nothing-expected",
            "scenario s \"S\" { op 2019-01-01 }",
            "scenario `s` verwacht niets",
        ),
        (
            "stdin",
            "scenario s \"S\" { op 2019-01-01 feiten \"/dev/stdin\" verwacht ondertekening van a: mag }",
            "dit is geen gewoon bestand",
        ),
    ] {
        let dir = folder(
            &format!("scenario-{name}"),
            &[
                ("r.akk", &motion("rob")),
                ("feiten.json", A),
                ("bronnen/d.txt", "z"),
                ("tests/t.akk", scenario),
            ],
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_akkoord"))
            .env_remove("AKKOORD_TAAL")
            .args(["test", "--rules", dir.to_str().expect("path")])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let started = Instant::now();
        while child.try_wait().expect("wait").is_none() {
            assert!(started.elapsed() < Duration::from_secs(20), "{name}: hangs");
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().expect("ends");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(expected), "{name}: {err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_link_to_nowhere_is_an_error_not_skipped() {
    let dir = rules_with("dangling", &motion("rob"), A);
    std::os::unix::fs::symlink(dir.join("weg.akk"), dir.join("verwijzing.akk")).expect("symlink");
    let (_, err) = runs(
        &["validate", "--rules", dir.to_str().expect("path")],
        2,
        Duration::from_secs(10),
    );
    assert!(err.contains("verwijzing.akk"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn huge_or_endless_files_are_refused_with_the_limit() {
    let (_, err) = runs(
        &["check", "--rules", VNG, "--facts", "/dev/zero"],
        2,
        Duration::from_secs(10),
    );
    assert!(err.contains("dit is geen gewoon bestand"), "{err}");
    let big = folder("big", &[("leeg.txt", "")]);
    let path = big.join("groot.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(crate::common::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let (_, err) = runs(
        &[
            "check",
            "--rules",
            VNG,
            "--facts",
            path.to_str().expect("path"),
        ],
        2,
        Duration::from_secs(10),
    );
    assert!(err.contains("groter dan 64 MB"), "{err}");
    assert!(
        err.contains("MAX_FILE_BYTES"),
        "says how to raise it: {err}"
    );
    let _ = std::fs::remove_dir_all(&big);
}

#[test]
fn very_long_misspelt_names_get_no_slow_suggestion() {
    let a = "a".repeat(100_000);
    let b = format!("{}b", "a".repeat(99_999));
    let rules = format!(
        "feit {a}: janee \"?\"\nmotie m \"M\" {{\n vergadering ALV 2018-06-27\n regel r {{ bron \"z\" vereis {b} voor ondertekening van elk akkoord }}\n}}\n"
    );
    let dir = rules_with("long-names", &rules, r#"{ "akkoorden": {} }"#);
    let (_, err) = runs(
        &["validate", "--rules", dir.to_str().expect("path")],
        2,
        Duration::from_secs(10),
    );
    assert!(
        err.contains("onbekend feit of kenmerk"),
        "{}",
        &err[..err.len().min(300)]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn many_agreements_and_many_dated_values_load_in_linear_time() {
    let n = 20_000;
    let agreements: Vec<String> = (0..n)
        .map(|i| format!("\"a{i}\": {{ \"naam\": \"A{i}\" }}"))
        .collect();
    let values: Vec<String> = (0..n)
        .map(|i| {
            let day = jiff::civil::date(2000, 1, 1) + jiff::Span::new().days(i64::from(i));
            format!(
                "{{ \"waarde\": {}, \"sinds\": \"{day}\", \"bron\": \"b\" }}",
                i % 2 == 0
            )
        })
        .collect();
    let facts = format!(
        "{{ \"akkoorden\": {{ {} }}, \"feiten\": {{ \"rob\": [ {} ] }} }}",
        agreements.join(", "),
        values.join(", ")
    );
    let dir = rules_with("many", &motion("rob"), &facts);
    let rules = dir.to_str().expect("path");
    runs(&["validate", "--rules", rules], 0, Duration::from_secs(30));
    let (out, _) = runs(
        &["timeline", "a7", "--rules", rules, "--format", "json"],
        0,
        Duration::from_secs(60),
    );
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(
        doc[0]["periods"]
            .as_array()
            .is_some_and(|p| p.len() > 10_000),
        "every change is a period"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn at_most_fifty_problems_are_printed_with_a_count_of_the_rest() {
    let facts: Vec<String> = (0..500).map(|i| format!("\"onbekend{i}\": true")).collect();
    let dir = rules_with(
        "many-errors",
        &motion("rob"),
        &format!("{{ \"feiten\": {{ {} }} }}", facts.join(", ")),
    );
    let (_, err) = runs(
        &["validate", "--rules", dir.to_str().expect("path")],
        2,
        Duration::from_secs(10),
    );
    assert_eq!(
        err.matches("fout[").count(),
        50,
        "{}",
        &err[..err.len().min(300)]
    );
    assert!(
        err.contains("… en nog 450 problemen, niet getoond"),
        "{err}"
    );
    assert!(
        err.ends_with("500 problemen gevonden; er is niets geëvalueerd\n"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let dir = rules_with(
        "bom",
        &format!("\u{feff}{}", motion("rob")),
        &format!("\u{feff}{A}"),
    );
    runs(
        &["validate", "--rules", dir.to_str().expect("path")],
        0,
        Duration::from_secs(10),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
