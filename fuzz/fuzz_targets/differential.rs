#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    if let Ok(case) = akkoord_fuzz::generate::Case::generate(&mut u) {
        akkoord_fuzz::differential(&case);
    }
});
