//! `akkoord vragen` driven through its standard input, as a real process: the questions come
//! most decisive first, each answer shows the verdict again, the answers are written in one
//! write exactly as `akkoord stel` would write them, and an interview that does not end
//! properly writes nothing.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{VNG, akkoord, root, vng_copy};

fn facts(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("feiten.json")).expect("facts file")
}

/// Runs `akkoord vragen ARGS --rules DIR` with `input` on its standard input.
fn vragen(dir: &Path, args: &[&str], input: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_akkoord"))
        .env_remove("AKKOORD_TAAL")
        .arg("vragen")
        .args(args)
        .arg("--rules")
        .arg(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("akkoord starts");
    let mut stdin = child.stdin.take().expect("stdin");
    // The process may stop reading early (a bad answer); a closed pipe is not the test's failure.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The GGZ interview on 2019-06-01, answered in the order the questions come, each with its
/// source, then `ja` to write.
const GGZ_ANSWERS: &str = "ja\nVerslag BO 1 juni 2019\nja\nBrief VWS 28 mei 2019\nja\naanname: toegezegd in het BO, nog niet op papier\nja\n";

#[test]
fn the_ggz_questions_come_most_decisive_first_and_the_verdict_follows_each_answer() {
    let dir = vng_copy("vragen-ggz");
    let (code, out, err) = vragen(&dir, &["ggz", "--op", "2019-06-01"], GGZ_ANSWERS);
    assert_eq!(code, 0, "{out}{err}");
    let order: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim().strip_prefix("feit "))
        .map(|l| l.split(' ').next().unwrap_or_default())
        .collect();
    assert_eq!(
        order,
        [
            "monitoringsafspraken_ggz",
            "financiele_ruimte_voldoende(ggz)",
            "structurele_middelen_ambulantisering_toegezegd"
        ],
        "the unknown fact first, then the known ones on the same shortest way"
    );
    assert!(out.contains("Zijn er afspraken gemaakt over de monitoring van het HLA-GGZ?"));
    assert!(out.contains("Antwoord per 2019-06-01 (ja, nee of onbekend; leeg: overslaan)"));
    assert_eq!(
        out.matches("ondertekening: niet (ongewijzigd)").count(),
        2,
        "{out}"
    );
    assert!(
        out.contains("→ Hoofdlijnenakkoord GGZ, ondertekening: niet → mag"),
        "{out}"
    );
    assert!(out.contains("3 antwoorden schrijven naar"), "{out}");
    assert!(out.contains("Geschreven naar"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_answers_are_written_exactly_as_the_same_stel_commands_write_them() {
    let interviewed = vng_copy("vragen-same");
    let (code, out, err) = vragen(&interviewed, &["ggz", "--op", "2019-06-01"], GGZ_ANSWERS);
    assert_eq!(code, 0, "{out}{err}");
    let by_stel = vng_copy("vragen-same-stel");
    let rules = by_stel.display().to_string();
    for (set, provenance) in [
        (
            "monitoringsafspraken_ggz=ja",
            ["--bron", "Verslag BO 1 juni 2019"],
        ),
        (
            "financiele_ruimte_voldoende(ggz)=ja",
            ["--bron", "Brief VWS 28 mei 2019"],
        ),
        (
            "structurele_middelen_ambulantisering_toegezegd=ja",
            ["--aanname", "toegezegd in het BO, nog niet op papier"],
        ),
    ] {
        let mut args = vec!["stel", set, "--sinds", "2019-06-01", "--rules", &rules];
        args.extend(provenance);
        let (code, _, err) = akkoord(&args);
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(facts(&interviewed), facts(&by_stel));
    let _ = std::fs::remove_dir_all(&interviewed);
    let _ = std::fs::remove_dir_all(&by_stel);
}

#[test]
fn an_input_that_ends_mid_interview_writes_nothing() {
    let dir = vng_copy("vragen-eof");
    let before = facts(&dir);
    let (code, _, err) = vragen(&dir, &["ggz", "--op", "2019-06-01"], "ja\nVerslag BO\nja\n");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("de invoer hield op voordat de vragen klaar waren"),
        "{err}"
    );
    assert_eq!(facts(&dir), before);
    let answered_all = GGZ_ANSWERS.trim_end_matches("ja\n");
    let (code, _, err) = vragen(&dir, &["ggz", "--op", "2019-06-01"], answered_all);
    assert_eq!(
        code, 2,
        "no answer to the last question, to write or not: {err}"
    );
    assert_eq!(facts(&dir), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_at_the_end_writes_nothing_and_schrijf_writes_without_asking() {
    let dir = vng_copy("vragen-nee");
    let before = facts(&dir);
    let declined = format!("{}nee\n", GGZ_ANSWERS.trim_end_matches("ja\n"));
    let (code, out, err) = vragen(&dir, &["ggz", "--op", "2019-06-01"], &declined);
    assert_eq!(code, 0, "{err}");
    assert!(out.ends_with("Niets geschreven.\n"), "{out}");
    assert_eq!(facts(&dir), before);
    let unasked = GGZ_ANSWERS.trim_end_matches("ja\n");
    let (code, out, err) = vragen(&dir, &["ggz", "--op", "2019-06-01", "--schrijf"], unasked);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("antwoorden schrijven naar"), "{out}");
    assert!(facts(&dir).contains("Verslag BO 1 juni 2019"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_piped_answer_ends_the_interview_and_writes_nothing() {
    let dir = vng_copy("vragen-bad");
    let before = facts(&dir);
    let (code, _, err) = vragen(&dir, &["ggz", "--op", "2019-06-01"], "misschien\n");
    assert_eq!(code, 2);
    assert!(err.contains("`misschien` is geen `janee`"), "{err}");
    assert!(err.contains("niets geschreven"), "{err}");
    assert_eq!(facts(&dir), before);
    let (code, _, err) = vragen(&dir, &["ggz", "--op", "2019-06-01"], "ja\n\n");
    assert_eq!(code, 2, "an answer needs a source");
    assert!(err.contains("heeft geen bron en geen aanname"), "{err}");
    assert_eq!(facts(&dir), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn skipped_questions_and_a_default_source() {
    let dir = vng_copy("vragen-skip");
    let (code, out, err) = vragen(
        &dir,
        &["ggz", "--op", "2019-06-01", "--bron", "BO 1 juni 2019"],
        "\n\nonbekend\n\nja\n",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.matches("overgeslagen").count(), 2, "{out}");
    assert!(out.contains("1 antwoord schrijven naar"), "{out}");
    let text = facts(&dir);
    assert!(text.contains("\"waarde\": null,\n        \"sinds\": \"2019-06-01\",\n        \"bron\": \"BO 1 juni 2019\""), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn vragen_refuses_json_and_an_agreement_off_the_table() {
    let vng = root().join(VNG);
    let (code, _, err) = vragen(&vng, &["ggz", "--format", "json"], "");
    assert_eq!(code, 2);
    assert!(err.contains("\"code\": \"akkoord::argument\""), "{err}");
    let (code, _, err) = vragen(&vng, &["iza_vervolg", "--op", "2019-06-01"], "");
    assert_eq!(code, 2);
    assert!(err.contains("iza_vervolg"), "{err}");
    let (code, out, _) = vragen(&vng, &["preventie", "--op", "2018-11-30"], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("Er zijn geen open vragen die ertoe doen."),
        "{out}"
    );
}

/// Reads a child's standard output in the background, all of it so far on request.
struct Output {
    seen: String,
    chunks: mpsc::Receiver<String>,
}

impl Output {
    fn until(&mut self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !self.seen.contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.seen.push_str(&chunk),
                Err(_) => panic!("`{needle}` never came:\n{}", self.seen),
            }
        }
    }
}

#[test]
fn a_file_changed_while_the_questions_were_asked_is_not_overwritten_and_no_answer_is_lost() {
    let dir = vng_copy("vragen-changed");
    let mut child = Command::new(env!("CARGO_BIN_EXE_akkoord"))
        .env_remove("AKKOORD_TAAL")
        .args(["vragen", "ggz", "--op", "2019-06-01", "--rules"])
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("akkoord starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let (send, chunks) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0
                || send
                    .send(String::from_utf8_lossy(&buf[..n]).into_owned())
                    .is_err()
            {
                break;
            }
        }
    });
    let mut output = Output {
        seen: String::new(),
        chunks,
    };
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(GGZ_ANSWERS.trim_end_matches("ja\n").as_bytes())
        .expect("answers");
    output.until("schrijven naar");
    let changed = facts(&dir).replace(
        "\"iza_voorwaarden_voldaan\"",
        "\"iza_voorwaarden_voldaan\" ",
    );
    std::fs::write(dir.join("feiten.json"), &changed).expect("someone else writes");
    stdin.write_all(b"ja\n").expect("confirm");
    drop(stdin);
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(
        err.contains("het bestand is veranderd sinds akkoord het las"),
        "{err}"
    );
    assert!(
        err.contains("akkoord stel 'monitoringsafspraken_ggz=ja' --sinds 2019-06-01 --bron 'Verslag BO 1 juni 2019' --rules "),
        "the answers come back as commands: {err}"
    );
    assert_eq!(facts(&dir), changed, "what someone else wrote stays");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn on_a_terminal_a_bad_answer_and_a_missing_source_are_asked_again() {
    // util-linux `script` runs the command on a terminal of its own; without it, skip.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("SKIPPED: no `script` (util-linux) to give akkoord vragen a terminal");
        return;
    }
    let dir = vng_copy("vragen-terminal");
    let command = format!(
        "{} vragen ggz --op 2019-06-01 --rules {}",
        env!("CARGO_BIN_EXE_akkoord"),
        dir.display()
    );
    let mut child = Command::new("script")
        .env_remove("AKKOORD_TAAL")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script starts");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(b"misschien\nja\n\nVerslag BO\n\n\nja\n")
        .expect("answers");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("`misschien` is geen `janee`"), "{out}");
    let first = out.split("Vraag 2").next().unwrap_or_default();
    assert_eq!(first.matches("Antwoord per 2019-06-01").count(), 2, "{out}");
    assert!(first.contains("Een bron of een aanname is nodig"), "{out}");
    assert!(out.contains("Geschreven naar"), "{out}");
    assert!(facts(&dir).contains("\"bron\": \"Verslag BO\""));
    let _ = std::fs::remove_dir_all(&dir);
}
