//! One integration binary; a module per feature.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test that cannot go on should fail loudly"
)]

mod common;

mod browser;
mod checks;
mod cli;
mod contract;
mod diagnostics;
mod fmt;
mod history;
mod language;
mod living;
mod lsp;
mod motie;
mod properties;
mod prover;
mod robust;
mod scale;
mod serve;
mod staff;
mod stel;
mod vragen;
