//! Small helpers so that each behaviour test is one line.

use std::path::{Path, PathBuf};
use std::process::Command;

use akkoord::ast::Action;
use akkoord::check::{self, Loaded};
use akkoord::error::render_all;
use akkoord::eval::{Decision, Evaluator, Verdict};
use jiff::civil::Date;

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
