//! The differential target's generator makes cases that load, and the engine agrees with the
//! reference on them: a quick check on pseudo-random bytes, without the fuzzer.

use std::collections::BTreeMap;

use akkoord_fuzz::generate::Case;
use arbitrary::Unstructured;

/// xorshift64*: reproducible bytes without a dependency.
fn bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

#[test]
fn generated_cases_load_and_the_engine_agrees_with_the_reference() {
    let mut verdicts = BTreeMap::new();
    let mut kinds = BTreeMap::new();
    let mut off_table = 0;
    for seed in 0..4000 {
        let data = bytes(seed, 4096);
        let case = Case::generate(&mut Unstructured::new(&data)).expect("4 KiB is enough");
        for e in case.sources.iter().flat_map(|s| &s.events) {
            *kinds.entry(format!("{:?}", e.kind)).or_insert(0) += 1;
        }
        for day in akkoord_fuzz::generate::DATES {
            for a in 0..case.world.agreements {
                if case.on_table(a, day) {
                    *verdicts.entry(case.verdict(a, 0, day)).or_insert(0) += 1;
                } else {
                    off_table += 1;
                }
            }
        }
        akkoord_fuzz::differential(&case);
    }
    eprintln!("verdicts: {verdicts:?}, events: {kinds:?}, off the table: {off_table}");
    // The generator must reach every verdict, keep every kind of decision in its histories,
    // and take agreements off the table.
    assert_eq!(verdicts.len(), 4, "verdicts reached: {verdicts:?}");
    assert_eq!(kinds.len(), 7, "decisions kept: {kinds:?}");
    assert!(kinds.values().all(|&n| n >= 5), "decisions kept: {kinds:?}");
    assert!(
        off_table > 50,
        "only {off_table} agreement-days off the table"
    );
}

#[test]
#[ignore = "prints one generated case"]
fn show_a_case() {
    let data = bytes(7, 4096);
    let case = Case::generate(&mut Unstructured::new(&data)).expect("enough bytes");
    println!("{}\n{}", case.rules_text(), case.facts_json());
}
