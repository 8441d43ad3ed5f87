//! akkoord beside Cedar and regorus on the same generated workloads.
//!
//! [`model`] generates a workload as plain data from a fixed seed ([`prng`]); [`akk`],
//! [`cedar`] and [`rego`] render it for each engine and run its decisions; [`floor`] is a
//! hand-written loop over the same data. [`check_agreement`] runs every engine and fails unless
//! all give the workload's reference verdicts. The benchmarks are in `benches/peers.rs`; the
//! binary prints the table of `BENCHMARKS.md`.

pub mod akk;
pub mod cases;
pub mod cedar;
pub mod floor;
pub mod model;
pub mod prng;
pub mod rego;
pub mod table;

use model::Workload;

/// Which engines to run in [`check_agreement`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Engines {
    /// Cedar (no dated lifts: given the rules that still bind).
    pub cedar: bool,
    /// regorus's interpreter.
    pub rego: bool,
    /// regorus's RVM.
    pub rvm: bool,
}

impl Engines {
    /// Every engine.
    pub const ALL: Engines = Engines {
        cedar: true,
        rego: true,
        rvm: true,
    };
}

/// Compares one engine's verdicts for the workload's decisions with the reference verdicts.
pub fn compare(w: &Workload, engine: &str, got: &[bool], expected: &[bool]) -> Result<(), String> {
    if got == expected {
        return Ok(());
    }
    let first = got
        .iter()
        .zip(expected)
        .position(|(g, e)| g != e)
        .map(|i| w.agreements[w.decide[i]].id.clone())
        .unwrap_or_else(|| format!("{} verdicts for {}", got.len(), expected.len()));
    Err(format!("{}: {engine} disagrees, first at {first}", w.name))
}

/// Runs akkoord, the floor and the chosen peers on `w` and checks that every one gives the
/// reference verdicts. Returns the number of *mag* verdicts.
pub fn check_agreement(w: &Workload, engines: Engines) -> Result<usize, String> {
    let expected = w.expected();
    compare(w, "akkoord", &akk::Akkoord::new(w)?.verdicts()?, &expected)?;
    compare(w, "plain Rust", &floor::Floor::new(w).verdicts(), &expected)?;
    if engines.cedar {
        compare(w, "Cedar", &cedar::Cedar::new(w)?.verdicts()?, &expected)?;
    }
    if engines.rego {
        let got = rego::Interpreter::new(w)?.verdicts()?;
        compare(w, "regorus", &got, &expected)?;
    }
    if engines.rvm {
        compare(w, "regorus RVM", &rego::Rvm::new(w)?.verdicts()?, &expected)?;
    }
    Ok(expected.iter().filter(|v| **v).count())
}
