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

/// Dutch or English spelling of a keyword, as the generator picks.
fn kw(english: bool, nl: &str, en: &str) -> String {
    (if english { en } else { nl }).to_string()
}

fn ident() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a", "rob", "ruimte_x", "ggz", "k2", "energie", "ingang", "nietig",
    ])
    .prop_map(str::to_string)
}

fn text() -> impl Strategy<Value = String> {
    "[a-z €/*\n]{0,12}(\\\\\"[a-z]{0,3})?".prop_map(|t| format!("\"{t}\""))
}

fn literal() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ja".to_string()),
        Just("false".to_string()),
        (-99i64..99).prop_map(|n| n.to_string()),
        Just("2018-11-30".to_string()),
        Just("€ 1,5 mld".to_string()),
        Just("EUR 100".to_string()),
        text(),
    ]
}

/// A condition as words: any grouping the grammar reads, with parentheses here and there.
fn condition() -> impl Strategy<Value = Vec<String>> {
    let leaf = prop_oneof![
        ident().prop_map(|i| vec![i]),
        literal().prop_map(|l| vec![l]),
        (ident(), prop::option::of(ident()), any::<bool>()).prop_map(|(f, a, en)| {
            let arg = a.unwrap_or_else(|| kw(en, "akkoord", "agreement"));
            vec![f, "(".into(), arg, ")".into()]
        }),
    ];
    leaf.prop_recursive(4, 20, 3, |inner| {
        let op = prop::sample::select(vec![
            "en", "and", "of", "or", "=", "!=", "≠", "<", "<=", "≤", ">", ">=", "≥",
        ]);
        prop_oneof![
            1 => (inner.clone(), any::<bool>())
                .prop_map(|(e, en)| [vec![kw(en, "niet", "not")], e].concat()),
            2 => (inner.clone(), op.clone(), inner.clone())
                .prop_map(|(a, op, b)| [a, vec![op.to_string()], b].concat()),
            // parentheses around an operation: needed or not, depending on what is around them
            2 => (inner.clone(), op, inner.clone()).prop_map(|(a, op, b)| {
                [vec!["(".to_string()], a, vec![op.to_string()], b, vec![")".to_string()]].concat()
            }),
            1 => inner
                .clone()
                .prop_map(|e| [vec!["(".to_string()], e, vec![")".to_string()]].concat()),
            1 => (
                ident(),
                prop::collection::vec(prop_oneof![ident(), literal()], 1..4),
                any::<bool>()
            )
                .prop_map(|(x, items, comma)| {
                    let mut out = vec![x, "in".into(), "{".into()];
                    for (i, item) in items.into_iter().enumerate() {
                        if i > 0 {
                            out.push(",".into());
                        }
                        out.push(item);
                    }
                    if comma {
                        out.push(",".into());
                    }
                    out.push("}".into());
                    out
                }),
        ]
    })
}

fn action(en: bool) -> impl Strategy<Value = String> {
    prop::sample::select(if en {
        vec!["signing", "consent", "execution", "negotiation"]
    } else {
        vec![
            "ondertekening",
            "instemming",
            "uitvoering",
            "onderhandeling",
        ]
    })
    .prop_map(str::to_string)
}

fn prep(en: bool) -> impl Strategy<Value = String> {
    prop::sample::select(if en {
        vec!["of", "with", "on", "to"]
    } else {
        vec!["van", "met", "over", "aan"]
    })
    .prop_map(str::to_string)
}

fn selector() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        any::<bool>().prop_map(|en| vec![kw(en, "elk", "every"), kw(en, "akkoord", "agreement")]),
        (condition(), any::<bool>()).prop_map(|(c, en)| [
            vec![kw(en, "akkoord", "agreement"), kw(en, "waar", "where")],
            c
        ]
        .concat()),
        (prop::collection::vec(ident(), 1..3), any::<bool>()).prop_map(|(ids, en)| {
            let mut out = vec![kw(en, "akkoord", "agreement")];
            for (i, id) in ids.into_iter().enumerate() {
                if i > 0 {
                    out.push(",".into());
                }
                out.push(id);
            }
            out
        }),
    ]
}

fn rule() -> impl Strategy<Value = Vec<String>> {
    let en = any::<bool>();
    (
        en,
        ident(),
        text(),
        condition(),
        selector(),
        0..3usize,
        prop::option::of(text()),
        any::<bool>(),
    )
        .prop_flat_map(|(en, id, quote, cond, sel, kind, reservation, valid)| {
            (action(en), action(en), prep(en)).prop_map(move |(a1, a2, p)| {
                let mut out = vec![
                    kw(en, "regel", "rule"),
                    id.clone(),
                    "{".into(),
                    kw(en, "bron", "source"),
                    quote.clone(),
                ];
                let actions = vec![a1, ",".into(), a2.clone(), kw(en, "en", "and"), a2];
                match kind {
                    0 => out.extend(
                        [
                            vec![kw(en, "verbied", "forbid")],
                            actions,
                            vec![p],
                            sel.clone(),
                            vec![kw(en, "totdat", "until")],
                            cond.clone(),
                        ]
                        .concat(),
                    ),
                    1 => out.extend(
                        [
                            vec![kw(en, "vereis", "require")],
                            cond.clone(),
                            vec![kw(en, "voor", "for")],
                            actions,
                            vec![p],
                            sel.clone(),
                        ]
                        .concat(),
                    ),
                    _ => out.extend(
                        [
                            vec![
                                kw(en, "signaal", "signal"),
                                quote.clone(),
                                kw(en, "wanneer", "when"),
                            ],
                            cond.clone(),
                        ]
                        .concat(),
                    ),
                }
                if let Some(r) = &reservation {
                    out.extend([kw(en, "onder voorbehoud", "under reservation"), r.clone()]);
                }
                if valid {
                    out.extend([
                        kw(en, "geldig", "valid"),
                        kw(en, "vanaf", "from"),
                        "2020-01-01".into(),
                        kw(en, "tot", "to"),
                        "2021-01-01".into(),
                    ]);
                }
                out.push("}".into());
                out
            })
        })
}

fn source() -> impl Strategy<Value = Vec<String>> {
    let status = prop::sample::select(vec![
        "afgehandeld",
        "aangehouden",
        "ingetrokken",
        "verworpen",
        "stemming \t uitgesteld",
        "aangenomen",
        "settled",
        "held",
        "withdrawn",
        "rejected",
        "vote deferred",
        "adopted",
    ]);
    (
        any::<bool>(),
        ident(),
        text(),
        prop::option::of(text()),
        prop::collection::vec(rule(), 0..3),
        (ident(), ident()),
        status,
    )
        .prop_map(|(en, id, title, assumption, rules, (t1, t2), status)| {
            let mut out = vec![
                kw(en, "motie", "motion"),
                id,
                title,
                "{".into(),
                kw(en, "vergadering", "meeting"),
                "ALV".into(),
                "2018-06-27".into(),
            ];
            if let Some(a) = assumption {
                out.extend([kw(en, "aanname", "assumption"), a]);
            }
            out.extend([
                kw(en, "stemming", "vote"),
                kw(en, "voor", "for"),
                "87,5%".into(),
            ]);
            out.extend([
                kw(en, "instemming", "consent"),
                kw(en, "met", "with"),
                kw(en, "akkoord", "agreement"),
                t1.clone(),
                ",".into(),
                t2.clone(),
            ]);
            for r in rules {
                out.extend(r);
            }
            out.extend([
                kw(en, "hef  op", "lift"),
                format!("{t1}.{t2}"),
                kw(en, "bron", "source"),
                "\"op te heffen\"".into(),
            ]);
            out.extend([
                status.to_string(),
                t1,
                ",".into(),
                t2,
                kw(en, "aanname", "assumption"),
                "\"z\"".into(),
            ]);
            out.push("}".into());
            out
        })
}

fn declaration() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (
            any::<bool>(),
            ident(),
            prop::collection::vec(ident(), 1..5),
            any::<bool>()
        )
            .prop_map(|(en, name, values, comma)| {
                let mut out = vec![kw(en, "keuze", "choice"), name, "{".into()];
                for (i, v) in values.into_iter().enumerate() {
                    if i > 0 {
                        out.push(",".into());
                    }
                    out.push(v);
                }
                if comma {
                    out.push(",".into());
                }
                out.push("}".into());
                out
            }),
        (
            any::<bool>(),
            ident(),
            any::<bool>(),
            text(),
            prop::option::of(text())
        )
            .prop_map(|(en, name, per, q, req)| {
                let mut out = vec![kw(en, "feit", "fact"), name];
                if per {
                    out.extend(["(".into(), kw(en, "akkoord", "agreement"), ")".into()]);
                }
                out.extend([":".into(), kw(en, "janee", "yesno"), q]);
                if let Some(r) = req {
                    out.extend([kw(en, "eis", "requirement"), r]);
                }
                out
            }),
    ]
}

fn scenario_or_property() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (any::<bool>(), ident(), text(), ident(), ident()).prop_flat_map(
            |(en, id, title, a, t)| {
                (action(en), prep(en)).prop_map(move |(h, p)| {
                    vec![
                        "scenario".into(),
                        id.clone(),
                        title.clone(),
                        "{".into(),
                        kw(en, "op", "on"),
                        "2018-11-30".into(),
                        kw(en, "stel", "set"),
                        a.clone(),
                        "(".into(),
                        t.clone(),
                        ")".into(),
                        "=".into(),
                        kw(en, "onbekend", "unknown"),
                        kw(en, "verwacht", "expect"),
                        h,
                        p,
                        t.clone(),
                        ":".into(),
                        kw(en, "mag onder voorbehoud", "may under reservation"),
                        kw(en, "door", "by"),
                        format!("{a}.{t}"),
                        ",".into(),
                        a.clone(),
                        kw(en, "verwacht", "expect"),
                        kw(en, "voorbehoud", "reservation"),
                        format!("{a}.{t}"),
                        ":".into(),
                        kw(en, "vervallen", "failed"),
                        "}".into(),
                    ]
                })
            }
        ),
        (any::<bool>(), ident(), text(), selector(), condition()).prop_flat_map(
            |(en, id, title, sel, cond)| {
                (action(en), prep(en)).prop_map(move |(h, p)| {
                    [
                        vec![
                            kw(en, "eigenschap", "property"),
                            id.clone(),
                            title.clone(),
                            "{".into(),
                            kw(en, "vanaf", "from"),
                            "2018-07-11".into(),
                            kw(en, "als", "if"),
                            h,
                            p,
                        ],
                        sel.clone(),
                        vec![kw(en, "niet", "not"), kw(en, "dan", "then")],
                        cond.clone(),
                        vec!["}".into()],
                    ]
                    .concat()
                })
            }
        ),
    ]
}

/// What goes between two words: spaces, line breaks, empty lines and comments.
fn gap() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => Just(" ".to_string()),
        2 => Just("\n".to_string()),
        1 => Just("\n\n\n".to_string()),
        1 => Just("\t ".to_string()),
        1 => (0u16..1000).prop_map(|n| format!(" /* c{n} */ ")),
        1 => (0u16..1000).prop_map(|n| format!(" // c{n}\n")),
        1 => (0u16..1000).prop_map(|n| format!("\n\n// c{n}\n")),
        1 => (0u16..1000).prop_map(|n| format!("/*\n c{n}\n*/")),
    ]
}

/// A rule file: its words with random gaps between them.
fn rule_file() -> impl Strategy<Value = String> {
    let item = prop_oneof![declaration(), source(), scenario_or_property()];
    prop::collection::vec(item, 0..5)
        .prop_flat_map(|items| {
            let words: Vec<String> = items.concat();
            let n = words.len() + 1;
            (Just(words), prop::collection::vec(gap(), n))
        })
        .prop_map(|(words, gaps)| {
            let mut out = gaps[0].clone();
            for (word, gap) in words.iter().zip(&gaps[1..]) {
                out.push_str(word);
                out.push_str(gap);
            }
            out
        })
}

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
