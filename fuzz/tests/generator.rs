//! The differential target's generator makes cases that load, and the engine agrees with the
//! reference on them: a quick check on pseudo-random bytes, without the fuzzer.

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
    let mut verdicts = std::collections::BTreeMap::new();
    let mut events = 0;
    for seed in 0..300 {
        let data = bytes(seed, 4096);
        let case = Case::generate(&mut Unstructured::new(&data)).expect("4 KiB is enough");
        events += case.sources.iter().map(|s| s.events.len()).sum::<usize>();
        for day in akkoord_fuzz::generate::DATES {
            for a in 0..case.world.agreements {
                *verdicts.entry(case.verdict(a, 0, day)).or_insert(0) += 1;
            }
        }
        akkoord_fuzz::differential(&case);
    }
    // The generator must reach every verdict, and histories must survive the filter.
    assert_eq!(verdicts.len(), 4, "verdicts reached: {verdicts:?}");
    assert!(events > 100, "only {events} events kept");
    eprintln!("verdicts: {verdicts:?}, events: {events}");
}

#[test]
#[ignore = "prints one generated case"]
fn show_a_case() {
    let data = bytes(7, 4096);
    let case = Case::generate(&mut Unstructured::new(&data)).expect("enough bytes");
    println!("{}\n{}", case.rules_text(), case.facts_json());
}
