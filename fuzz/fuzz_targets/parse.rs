#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| akkoord_fuzz::parse(data));
