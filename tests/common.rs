//! Small helpers so that each behaviour test is one line.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use akkoord::ast::Action;
use akkoord::check::{self, Loaded};
use akkoord::error::render_all;
use akkoord::eval::{Decision, Evaluator, Verdict};
use jiff::civil::Date;
use serde_json::Value;

/// The date most tests evaluate on: the BALV of 30 November 2018.
pub const BALV: Date = jiff::civil::date(2018, 11, 30);

/// Loads rules and facts given as text, or returns the rendered problems.
pub fn load(rules: &str, facts: &str) -> Result<Loaded, String> {
    check::load(&[("test.akk".into(), rules.into())], ("feiten.json", facts))
        .map_err(|(problems, sources)| render_all(&problems, &sources))
}

/// The decision for one agreement and action on [`BALV`].
pub fn decide(rules: &str, facts: &str, agreement: &str, action: Action) -> Decision {
    let loaded = match load(rules, facts) {
        Ok(l) => l,
        Err(rendered) => panic!("rules do not load:\n{rendered}"),
    };
    let a = loaded
        .world
        .agreement(agreement)
        .unwrap_or_else(|| panic!("no agreement {agreement}"));
    Evaluator::new(&loaded.base, &loaded.world, BALV).decide(a, action)
}

/// The signing verdict for one agreement on [`BALV`].
pub fn verdict(rules: &str, facts: &str, agreement: &str) -> Verdict {
    decide(rules, facts, agreement, Action::Signing).verdict
}

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The frozen copy of the VNG rule base that engine tests run on; the living `rules/` is checked
/// by `akkoord validate` and `akkoord test` (see `living.rs`), so staff can change it freely.
pub const VNG: &str = "tests/fixtures/vng";

/// Runs the `akkoord` binary on the frozen VNG rule base (`--rules` [`VNG`] added).
pub fn vng(args: &[&str]) -> (i32, String, String) {
    let mut all = args.to_vec();
    all.extend(["--rules", VNG]);
    akkoord(&all)
}

/// Runs the `akkoord` binary in the crate root; returns exit code, stdout and stderr.
pub fn akkoord(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_akkoord"))
        .env_remove("AKKOORD_TAAL")
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the akkoord binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Compares `actual` with the expected-output file; with `UPDATE_EXPECT=1` rewrites the file.
pub fn expect_file(relative: &str, actual: &str) {
    let path = root().join("tests/expected").join(relative);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("create folder");
        std::fs::write(&path, actual).expect("write expected output");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}; run with UPDATE_EXPECT=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "output differs from {} at line {}:\n--- expected\n{}\n--- actual\n{}\n(run with UPDATE_EXPECT=1 to accept)",
            path.display(),
            first + 1,
            expected
                .lines()
                .skip(first)
                .take(5)
                .collect::<Vec<_>>()
                .join("\n"),
            actual
                .lines()
                .skip(first)
                .take(5)
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
}

/// Copies a folder with its subfolders.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// A fresh copy of the frozen VNG rule base under the system's temporary folder, for tests
/// that write to its facts file.
pub fn vng_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("akkoord-vng-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root().join(VNG), &dir);
    dir
}

/// A fresh folder under the system's temporary folder holding `files` (relative path, text).
pub fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("akkoord-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap_or(&dir)).expect("create folder");
        std::fs::write(&path, text).expect("write file");
    }
    dir
}

/// The largest file akkoord reads.
pub const MAX_FILE_BYTES: u64 = akkoord::limits::MAX_FILE_BYTES;

// JSON against the schemas `akkoord schema` publishes.

/// The schema `akkoord schema <what>` publishes.
pub fn schema(what: &str) -> Value {
    let (code, out, err) = vng(&["schema", what]);
    assert_eq!(code, 0, "schema {what}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("schema {what} is not JSON: {e}\n{out}"))
}

/// Parses `text` as one JSON document and validates it against the schema of `what`.
pub fn conforms(what: &str, text: &str) -> Value {
    let doc: Value = serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("{what}: output is not one JSON document: {e}\n{text}"));
    let schema = schema(what);
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {}\n{text}", errors.join("\n"));
    doc
}

/// Plants a script in a rule's quote (and in its source document, so the quote checks) and
/// in an agreement's name, in a copy of the VNG rule base: pages must show it as text.
pub fn plant_script(rules: &Path) {
    let planted = "<script>document.title='GEHACKT';document.body.innerHTML='GEHACKT'</script><img src=x onerror=\"document.title='GEHACKT'\">";
    let file = rules.join("2019-voorjaar-ggz.akk");
    let text = std::fs::read_to_string(&file).expect("rules");
    let quote = "Medeondertekening pas aan de orde na toezegging benodigde middelen en afspraken over\n          monitoring";
    assert!(text.contains(quote));
    std::fs::write(
        &file,
        text.replacen(
            quote,
            &format!("{quote} {}", planted.replace('"', "\\\"")),
            1,
        ),
    )
    .expect("write");
    let doc = rules.join("bronnen/2019-voorjaar-ledenbrief-ggz.txt");
    let mut source = std::fs::read_to_string(&doc).expect("document");
    source.push_str(&format!("\nMedeondertekening pas aan de orde na toezegging benodigde middelen en afspraken over monitoring {planted}\n"));
    std::fs::write(&doc, source).expect("write document");
    let facts = rules.join("feiten.json");
    let text = std::fs::read_to_string(&facts).expect("facts");
    std::fs::write(
        &facts,
        text.replacen(
            "\"Hoofdlijnenakkoord GGZ\"",
            "\"Hoofdlijnenakkoord GGZ <script>document.title='GEHACKT'</script>\"",
            1,
        ),
    )
    .expect("write facts");
}

// Headless Chromium, as the browser tests run it on this machine.

/// Debian's Chromium (or `AKKOORD_CHROMIUM`); `None`, saying the tests were skipped, when there
/// is none, except in CI, where a missing Chromium fails.
pub fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("AKKOORD_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from));
    for c in candidates {
        if c.is_file() {
            return Some(c);
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "Chromium is required in CI: install Debian's chromium (.ci/run does)"
    );
    eprintln!("SKIPPED: no Chromium found; install Debian's `chromium` to run the browser tests");
    None
}

/// Runs headless Chromium with the flags this machine needs, and `args`; returns stdout.
pub fn run_chromium(bin: &Path, profile: &Path, args: &[String]) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stdout.read_to_string(&mut out);
        out
    });
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("reader")
}

/// A fresh, empty folder for one browser test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("akkoord-browser-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}
