//! Shows a `differential` input as the files it stands for, and as the case in JSON (the form
//! a reproducer is kept in, under `regressions/differential/`):
//!
//!     cargo +nightly run --example case -- artifacts/differential/crash-…   # or a .json case
//!
//! Then it compares the engine with the reference on it, as the target does.

use akkoord_fuzz::generate::Case;
use arbitrary::Unstructured;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: case FILE (fuzzer bytes, or a case in JSON)");
        std::process::exit(2);
    };
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let case = if path.ends_with(".json") {
        serde_json::from_slice(&data).unwrap_or_else(|e| panic!("{path}: not a case: {e}"))
    } else {
        match Case::generate(&mut Unstructured::new(&data)) {
            Ok(case) => case,
            Err(e) => panic!("{path}: the generator makes no case of it: {e}"),
        }
    };
    println!("--- rules\n{}", case.rules_text());
    println!("--- facts\n{}", case.facts_json());
    let json = serde_json::to_string_pretty(&case).unwrap_or_default();
    println!("--- case\n{json}");
    akkoord_fuzz::differential(&case);
    println!("--- the engine agrees with the reference");
}
