//! Recording facts: `akkoord stel` and `akkoord nieuw-akkoord` on copies of the frozen VNG rule
//! base: the file keeps its layout, values go in date order and are never overwritten, bad input
//! changes nothing, a killed write leaves the old file, concurrent writers lose nothing.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use akkoord::load::Options;
use akkoord::record::{NewValue, State};
use akkoord::value::{Amount, Value};
use jiff::civil::{Date, date};
use proptest::prelude::*;

use crate::common::{VNG, akkoord, conforms, expect_file, folder, root, vng_copy};

/// `akkoord ARGS --rules DIR`.
fn on(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let dir = dir.display().to_string();
    let mut all = args.to_vec();
    all.extend(["--rules", &dir]);
    akkoord(&all)
}

fn facts(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("feiten.json")).expect("facts file")
}

fn original() -> String {
    facts(&root().join(VNG))
}

/// The three facts the 2019 letter asks for before the GGZ agreement may be signed.
const GGZ: [&str; 3] = [
    "financiele_ruimte_voldoende(ggz)=ja",
    "structurele_middelen_ambulantisering_toegezegd=ja",
    "monitoringsafspraken_ggz=ja",
];

#[test]
fn stel_records_the_three_ggz_facts_and_signing_becomes_mag_from_that_day() {
    let dir = vng_copy("stel-ggz");
    let mut args = GGZ.to_vec();
    args.splice(0..0, ["stel"]);
    args.extend([
        "--sinds",
        "2019-06-01",
        "--bron",
        "Bestuurlijk overleg 1 juni 2019",
    ]);
    let (code, out, err) = on(&dir, &args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Hoofdlijnenakkoord GGZ, ondertekening: niet → mag"),
        "{out}"
    );
    assert!(out.contains("1 oordeel veranderd"), "{out}");
    expect_file("stel/feiten-ggz.json", &facts(&dir));
    let (_, out, _) = on(&dir, &["vraag", "ggz", "--op", "2019-06-01"]);
    assert!(
        out.contains("Hoofdlijnenakkoord GGZ — ondertekening: mag"),
        "{out}"
    );
    let (_, out, _) = on(&dir, &["vraag", "ggz", "--op", "2019-05-31"]);
    assert!(
        out.contains("Hoofdlijnenakkoord GGZ — ondertekening: niet"),
        "{out}"
    );
    let (code, _, err) = on(&dir, &["validate"]);
    assert_eq!(code, 0, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_value_dated_between_two_others_goes_between_them_and_holds_until_the_next() {
    let dir = vng_copy("stel-between");
    let (code, out, err) = on(
        &dir,
        &[
            "stel",
            "rob_aanbevelingen_overeengekomen=onbekend",
            "--sinds",
            "2018-08-01",
            "--aanname",
            "Niemand wist het in augustus",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("geldt tot 2018-10-10"), "{out}");
    assert!(out.contains("niet → onbepaald"), "{out}");
    let text = facts(&dir);
    let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at("2018-06-27") < at("2018-08-01") && at("2018-08-01") < at("2018-10-10"));
    assert!(
        text.contains("\"waarde\": null"),
        "an explicit unknown is written as null"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_changed_verdict_is_said_so() {
    let dir = vng_copy("stel-none");
    let (code, out, err) = on(
        &dir,
        &[
            "stel",
            "in_gesprek_over_onderzoeken=ja",
            "--sinds",
            "2019-01-01",
            "--bron",
            "BO",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Geen oordelen veranderd op 2019-01-01."),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_a_date_the_value_holds_from_today_and_the_output_says_so() {
    let dir = vng_copy("stel-today");
    let (code, out, err) = on(
        &dir,
        &["stel", "monitoringsafspraken_ggz=nee", "--bron", "BO"],
    );
    assert_eq!(code, 0, "{err}");
    let today = jiff::Zoned::now().date().to_string();
    assert!(out.contains(&format!("sinds {today} (vandaag)")), "{out}");
    assert!(facts(&dir).contains(&format!("\"sinds\": \"{today}\"")));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `stel` with `args` on a fresh copy; it must fail with exit 2, say `says` and leave the
/// file as it was.
fn refused(name: &str, args: &[&str], says: &str) {
    let dir = vng_copy(name);
    let before = facts(&dir);
    let mut all = vec!["stel"];
    all.extend(args);
    let (code, out, err) = on(&dir, &all);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains(says), "expected `{says}` in:\n{err}");
    assert!(
        err.contains("niets geschreven") || err.contains("nothing written"),
        "{err}"
    );
    assert_eq!(facts(&dir), before, "a refused record changes nothing");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_value_changes_nothing_and_says_how_to_write_it() {
    refused(
        "bad-value",
        &["monitoringsafspraken_ggz=misschien", "--bron", "x"],
        "`janee` is `ja` of `nee`",
    );
    refused(
        "bad-amount",
        &["monitoringsafspraken_ggz=€ 1.5 mld", "--bron", "x"],
        "schrijf decimalen met een komma: `€ 1,5 mld`",
    );
    refused(
        "wrong-type",
        &["monitoringsafspraken_ggz=€ 100 mln", "--bron", "x"],
        "`€ 100 mln` is geen `janee`",
    );
}

#[test]
fn an_unknown_fact_or_agreement_gets_a_suggestion() {
    refused(
        "unknown-fact",
        &["monitoringsafspraken_gz=ja", "--bron", "x"],
        "bedoelde u `monitoringsafspraken_ggz`?",
    );
    refused(
        "unknown-agreement",
        &["financiele_ruimte_voldoende(gzz)=ja", "--bron", "x"],
        "bedoelde u `ggz`?",
    );
}

#[test]
fn a_per_agreement_fact_needs_its_agreement_and_a_plain_fact_may_not_have_one() {
    refused(
        "needs-agreement",
        &["financiele_ruimte_voldoende=ja", "--bron", "x"],
        "heeft een waarde per akkoord",
    );
    refused(
        "no-agreement",
        &["monitoringsafspraken_ggz(ggz)=ja", "--bron", "x"],
        "heeft één waarde, niet een per akkoord",
    );
}

#[test]
fn a_value_on_a_day_that_has_one_is_refused_and_points_at_it() {
    refused(
        "same-day",
        &[
            "structurele_middelen_ambulantisering_toegezegd=ja",
            "--sinds",
            "2018-12-06",
            "--bron",
            "x",
        ],
        "heeft op 2018-12-06 al een waarde (nee)",
    );
    refused(
        "same-day-place",
        &[
            "in_gesprek_over_onderzoeken=nee",
            "--sinds",
            "2018-07-02",
            "--bron",
            "x",
        ],
        "feiten.json:122:",
    );
}

#[test]
fn a_value_without_source_or_assumption_is_refused() {
    refused(
        "no-source",
        &["monitoringsafspraken_ggz=ja"],
        "`--bron` of `--aanname` ontbreekt",
    );
}

#[test]
fn a_correction_replaces_the_days_value_and_keeps_the_old_one_in_the_file() {
    let dir = vng_copy("stel-correct");
    let (code, _, err) = on(
        &dir,
        &[
            "stel",
            "monitoringsafspraken_ggz=nee",
            "--sinds",
            "2019-06-01",
            "--bron",
            "BO",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = on(
        &dir,
        &[
            "stel",
            "monitoringsafspraken_ggz=ja",
            "--sinds",
            "2019-06-01",
            "--bron",
            "Verslag BO, gecorrigeerd",
            "--corrigeer",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("correctie van nee (BO)"), "{out}");
    let text = facts(&dir);
    assert!(text.contains("\"vervangt\": ["), "{text}");
    assert!(text.contains("{ \"waarde\": false, \"bron\": \"BO\", \"vervangen_op\": \""));
    let (code, _, err) = on(&dir, &["validate"]);
    assert_eq!(code, 0, "the corrected file loads: {err}");
    let (_, out, _) = on(&dir, &["explain", "ggz", "--op", "2019-06-01"]);
    assert!(out.contains("monitoringsafspraken_ggz = ja"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_correction_of_a_day_without_a_value_is_refused() {
    refused(
        "correct-nothing",
        &[
            "monitoringsafspraken_ggz=ja",
            "--sinds",
            "2019-06-01",
            "--bron",
            "x",
            "--corrigeer",
        ],
        "heeft op 2019-06-01 geen waarde om te corrigeren",
    );
}

#[test]
fn stel_answers_in_json_by_its_schema_and_in_english() {
    let dir = vng_copy("stel-json");
    let (code, out, err) = on(
        &dir,
        &[
            "set",
            "monitoringsafspraken_ggz=ja",
            "--since",
            "2019-06-01",
            "--source",
            "BO",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let doc = conforms("stel", &out);
    assert_eq!(doc["written"][0]["name"], "monitoringsafspraken_ggz");
    assert_eq!(doc["written"][0]["value"], true);
    let (code, out, err) = on(
        &dir,
        &[
            "set",
            "monitoringsafspraken_ggz=nee",
            "--since",
            "2019-07-01",
            "--source",
            "BO",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Recorded in"), "{out}");
    let (code, _, err) = on(
        &dir,
        &["set", "monitoringsafspraken_ggz=ja", "--lang", "en"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("`--source` or `--assumption` is missing"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `akkoord stel` as a child process, with the tests' pause before the rename when `pause_ms`.
fn spawn_stel(dir: &Path, args: &[&str], pause_ms: Option<u64>) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_akkoord"));
    cmd.env_remove("AKKOORD_TAAL");
    cmd.arg("stel").args(args).arg("--rules").arg(dir);
    if let Some(ms) = pause_ms {
        cmd.env("AKKOORD_TEST_PAUSE_BEFORE_RENAME_MS", ms.to_string());
    }
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("akkoord starts")
}

/// Waits until a temporary file of a write appears in `dir`.
fn wait_for_temp(dir: &Path) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let temp = std::fs::read_dir(dir)
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(".tmp"));
        if let Some(t) = temp {
            return t;
        }
        assert!(Instant::now() < deadline, "no write began");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_write_killed_before_its_rename_leaves_the_old_file() {
    let dir = vng_copy("stel-killed");
    let mut child = spawn_stel(
        &dir,
        &[
            "monitoringsafspraken_ggz=ja",
            "--sinds",
            "2019-06-01",
            "--bron",
            "BO",
        ],
        Some(10_000),
    );
    // Killed while it waits before the rename: the temporary file is written whole by then.
    let temp = wait_for_temp(&dir);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !std::fs::read_to_string(&temp).is_ok_and(|t| t.contains("monitoringsafspraken_ggz")) {
        assert!(
            Instant::now() < deadline,
            "the temporary file was never written"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("kill");
    let _ = child.wait();
    assert_eq!(facts(&dir), original(), "the old file survives whole");
    assert!(
        std::fs::read_to_string(&temp).is_ok_and(|t| t.contains("monitoringsafspraken_ggz")),
        "the new text was only in the temporary file"
    );
    let (code, _, err) = on(&dir, &["validate"]);
    assert_eq!(code, 0, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn writes_killed_at_any_moment_leave_the_old_file_or_the_new_one_never_a_part() {
    let dir = vng_copy("stel-kill-loop");
    let mut before = facts(&dir);
    for i in 1..=16u64 {
        let day = format!("2020-01-{i:02}");
        let mut child = spawn_stel(
            &dir,
            &[
                "in_gesprek_over_onderzoeken=ja",
                "--sinds",
                &day,
                "--bron",
                "BO",
            ],
            None,
        );
        std::thread::sleep(Duration::from_millis((i * 37) % 160));
        let _ = child.kill();
        let _ = child.wait();
        let now = facts(&dir);
        if now != before {
            assert!(
                now.contains(&day),
                "after kill {i} the file is neither old nor new"
            );
            assert!(now.len() > before.len());
        }
        let (code, _, err) = on(&dir, &["validate"]);
        assert_eq!(code, 0, "after kill {i} the file does not load: {err}");
        before = now;
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_changed_on_disk_during_the_write_is_not_overwritten() {
    let dir = vng_copy("stel-changed");
    let child = spawn_stel(
        &dir,
        &[
            "monitoringsafspraken_ggz=ja",
            "--sinds",
            "2019-06-01",
            "--bron",
            "BO",
        ],
        Some(1_000),
    );
    wait_for_temp(&dir);
    let changed = original().replace("\"ggz\": {", "\"ggz\":  {");
    std::fs::write(dir.join("feiten.json"), &changed).expect("write");
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("het bestand is veranderd sinds akkoord het las"),
        "{err}"
    );
    assert_eq!(facts(&dir), changed, "what someone else wrote stays");
    let temps = std::fs::read_dir(&dir)
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.path().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(temps, 0, "the temporary file is removed");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn concurrent_writers_take_turns_and_every_entry_is_kept() {
    let dir = vng_copy("stel-concurrent");
    let mut children = Vec::new();
    for month in 1..=6 {
        let day = format!("2021-{month:02}-01");
        let value = if month % 2 == 0 { "ja" } else { "nee" };
        let args = [
            format!("rob_aanbevelingen_overeengekomen={value}"),
            "--sinds".into(),
            day,
            "--bron".into(),
            format!("schrijver {month}"),
        ];
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        children.push(spawn_stel(&dir, &args, None));
    }
    for fact in ["monitoringsafspraken_ggz", "in_gesprek_over_onderzoeken"] {
        let set = format!("{fact}=ja");
        children.push(spawn_stel(
            &dir,
            &[&set, "--sinds", "2021-03-15", "--bron", "los"],
            None,
        ));
    }
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let state = State::read(&Options::new(&dir)).expect("the result loads");
    let (base, world) = (&state.loaded.base, &state.loaded.world);
    let rob = base
        .fact_id("rob_aanbevelingen_overeengekomen")
        .expect("fact");
    let dates: Vec<String> = world
        .fact(rob, 0)
        .0
        .iter()
        .filter_map(|e| e.since)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "2018-06-27",
            "2018-10-10",
            "2021-01-01",
            "2021-02-01",
            "2021-03-01",
            "2021-04-01",
            "2021-05-01",
            "2021-06-01"
        ]
    );
    for fact in ["monitoringsafspraken_ggz", "in_gesprek_over_onderzoeken"] {
        let f = base.fact_id(fact).expect("fact");
        assert_eq!(
            world.fact(f, 0).at(date(2021, 3, 15)),
            Some(&Value::Bool(true)),
            "{fact}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Staff may write the rule first: `nieuw-akkoord` then puts on the table the agreement the rule
/// already names, and the rule base loads again. Another problem still stops it.
#[test]
fn nieuw_akkoord_adds_the_agreement_a_rule_already_names() {
    let dir = vng_copy("nieuw-akkoord-after-rule");
    let rule = "\nmotie nieuw \"Nieuw\" {\n  vergadering ALV 2019-05-01 aanname \"test\"\n  regel r { bron \"Gelet op\" vereis nee voor ondertekening van akkoord jeugd }\n}\n";
    let file = dir.join("2024-alv.akk");
    let mut text = std::fs::read_to_string(&file).expect("rule file");
    text.push_str(rule);
    std::fs::write(&file, &text).expect("write rule file");
    let (code, _, err) = on(&dir, &["validate"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("akkoord nieuw-akkoord jeugd"),
        "the hint names the command: {err}"
    );
    let args = [
        "nieuw-akkoord",
        "jeugd",
        "--naam",
        "Jeugd",
        "--sinds",
        "2019-06-01",
    ];
    let (code, out, err) = on(&dir, &[&args[..], &["--bron", "Ledenbrief"]].concat());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Jeugd, ondertekening: niet"), "{out}");
    let (code, _, err) = on(&dir, &["validate"]);
    assert_eq!(code, 0, "{err}");
    // A second problem in the rules is not waved through.
    let dir = vng_copy("nieuw-akkoord-other-problem");
    let mut text = std::fs::read_to_string(dir.join("2024-alv.akk")).expect("rule file");
    text.push_str(&rule.replace("vereis nee", "vereis onbekend_feit"));
    std::fs::write(dir.join("2024-alv.akk"), &text).expect("write rule file");
    let (code, _, err) = on(&dir, &[&args[..], &["--bron", "Ledenbrief"]].concat());
    assert_eq!(code, 2, "{err}");
    assert_eq!(facts(&dir), original(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn nieuw_akkoord_puts_an_agreement_on_the_table_in_the_files_layout() {
    let dir = vng_copy("nieuw-akkoord");
    let (code, out, err) = on(
        &dir,
        &[
            "nieuw-akkoord",
            "jeugd",
            "--naam",
            "Hervormingsagenda Jeugd",
            "--kenmerk",
            "soort=deelakkoord",
            "--kenmerk",
            "domein=sociaal_domein",
            "--kenmerk",
            "financiele_consequenties=ja",
            "--sinds",
            "2023-06-01",
            "--bron",
            "Ledenbrief juni 2023",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Hervormingsagenda Jeugd, ondertekening: onbepaald"),
        "{out}"
    );
    let text = facts(&dir);
    assert!(text.contains(concat!(
        "    \"jeugd\": {\n",
        "      \"naam\": \"Hervormingsagenda Jeugd\",\n",
        "      \"sinds\": \"2023-06-01\",\n",
        "      \"bron\": \"Ledenbrief juni 2023\",\n",
        "      \"soort\": { \"waarde\": \"deelakkoord\", \"bron\": \"Ledenbrief juni 2023\" },\n",
    )), "{text}");
    let (_, out, _) = on(&dir, &["check", "jeugd", "--op", "2023-06-01"]);
    assert!(out.contains("Hervormingsagenda Jeugd"), "{out}");
    let (code, _, err) = on(&dir, &["check", "jeugd", "--op", "2023-05-31"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = on(
        &dir,
        &[
            "nieuw-akkoord",
            "jeugd",
            "--naam",
            "Nog eens",
            "--bron",
            "x",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("akkoord `jeugd` staat al in het feitenbestand"),
        "{err}"
    );
    let (code, _, err) = on(
        &dir,
        &[
            "nieuw-akkoord",
            "wonen",
            "--naam",
            "Wonen",
            "--kenmerk",
            "domein=zorgg",
            "--bron",
            "x",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("`domein` is een van: sociaal_domein, zorg, klimaat, breed"),
        "{err}"
    );
    let (code, out, err) = on(
        &dir,
        &[
            "new-agreement",
            "wonen",
            "--name",
            "Wonen",
            "--source",
            "x",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    conforms("nieuw-akkoord", &out);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A small rule base with a fact of every type, for the round-trip law.
fn every_type() -> PathBuf {
    folder(
        "stel-types",
        &[
            (
                "regels.akk",
                r#"
                keuze fase { concept, klaar, getekend }
                feit j: janee "?"
                feit b: bedrag "?"
                feit g: getal "?"
                feit d: datum "?"
                feit t: tekst "?"
                feit k: fase "?"
                feit p(akkoord): bedrag "?"
                "#,
            ),
            ("bronnen/leeg.txt", ""),
            (
                "feiten.json",
                "{\n  \"akkoorden\": { \"a\": { \"naam\": \"A\" } },\n  \"feiten\": {\n    \"j\": true,\n    \"b\": [ { \"waarde\": \"€ 5\", \"sinds\": \"2020-01-01\" } ],\n    \"g\": { \"waarde\": 1, \"sinds\": \"2020-01-01\" }\n  }\n}\n",
            ),
        ],
    )
}

/// A value of the fact's type, and how `akkoord stel` takes it.
fn value_of(fact: &'static str) -> BoxedStrategy<(Option<Value>, String)> {
    let unknown = Just((None, "onbekend".to_string()));
    let known: BoxedStrategy<Value> = match fact {
        "j" => any::<bool>().prop_map(Value::Bool).boxed(),
        "b" | "p" => (-1_000_000_000_000i64..1_000_000_000_000)
            .prop_map(|c| Value::Amount(Amount(c)))
            .boxed(),
        "g" => any::<i64>().prop_map(Value::Number).boxed(),
        "d" => (0i32..80_000)
            .prop_map(|n| Value::Date(date(1900, 1, 1) + jiff::Span::new().days(n)))
            .boxed(),
        // Written without quotes, a text is taken trimmed, as a command line gives it.
        "t" => "[^\\r\\n]{1,20}"
            .prop_map(|t| t.trim().to_string())
            .prop_filter("a text with more than spaces", |t| !t.is_empty())
            .prop_map(Value::Text)
            .boxed(),
        _ => prop::sample::select(vec!["concept", "klaar", "getekend"])
            .prop_map(|c| Value::Choice(c.into()))
            .boxed(),
    };
    let known = known.prop_map(|v| {
        let text = match &v {
            // A text that starts with a quote is written in quotes, escaped.
            Value::Text(t) if t.starts_with('"') => {
                format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\""))
            }
            Value::Text(t) => t.clone(),
            other => akkoord::answer::value_text(Some(other)),
        };
        (Some(v), text)
    });
    prop_oneof![1 => unknown, 6 => known].boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_value_recorded_on_any_day_is_read_back_on_that_day(
        (fact, (value, typed)) in prop::sample::select(vec!["j", "b", "g", "d", "t", "k", "p"])
            .prop_flat_map(|f| (Just(f), value_of(f))),
        day in 0i32..3_000,
    ) {
        let dir = every_type();
        let since: Date = date(2015, 1, 1) + jiff::Span::new().days(day);
        let options = Options::new(&dir);
        let mut state = State::read(&options).expect("the small rule base loads");
        let name = if fact == "p" { "p(a)".to_string() } else { fact.to_string() };
        let assignment = state
            .assignment("stel", &format!("{name}={typed}"))
            .unwrap_or_else(|e| panic!("`{name}={typed}`: {}", e.render()));
        prop_assert_eq!(&assignment.value, &value);
        let new = NewValue {
            fact: assignment.fact,
            agreement: assignment.agreement,
            value: value.clone(),
            since,
            source: Some("eigenschap".into()),
            assumption: None,
        };
        let (after, _) = match state.add_values(&options, &[new], false, since) {
            Ok(done) => done,
            // The one day that already has a value: refused, as it must be.
            Err(_) if since == date(2020, 1, 1) && matches!(fact, "b" | "g") => return Ok(()),
            Err(e) => panic!("{}", e.render()),
        };
        std::fs::write(dir.join("feiten.json"), &after.text).expect("write");
        let reread = State::read(&options).expect("the written file loads");
        let (base, world) = (&reread.loaded.base, &reread.loaded.world);
        let f = base.fact_id(fact).expect("fact");
        let slot = if fact == "p" { world.agreement("a").expect("a") } else { 0 };
        let entry = world.fact(f, slot).entry_at(since).expect("an entry on that day");
        prop_assert_eq!(entry.since, Some(since));
        prop_assert_eq!(&entry.value, &value);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
