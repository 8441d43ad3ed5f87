//! akkoord beside Cedar and regorus (interpreter and RVM) and a plain-Rust loop, on the same
//! generated workloads. Before any timing, every engine's verdicts for the timed decisions are
//! checked against the reference verdicts.
//!
//! ```sh
//! cargo bench -p akkoord-peers                  # everything, about ten minutes on 2 cores
//! cargo bench -p akkoord-peers -- rules_1000    # one group
//! cargo run --release -p akkoord-peers -- table # the tables of BENCHMARKS.md
//! ```

use std::hint::black_box;
use std::time::Duration;

use akkoord_peers::cases::{
    self, EVAL_CASES, EvalCase, LOAD_EXTRAS_UP_TO, LOAD_SIZES, RVM_MAX_RULES, engine,
};
use akkoord_peers::model::{self, Workload};
use akkoord_peers::{akk, cedar, compare, floor, rego};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, criterion_group, criterion_main};

/// Fails the run unless the engine's verdicts are the reference ones.
fn agree(w: &Workload, engine: &str, got: Result<Vec<bool>, String>, expected: &[bool]) {
    let got = got.unwrap_or_else(|e| panic!("{}: {engine}: {e}", w.name));
    if let Err(e) = compare(w, engine, &got, expected) {
        panic!("{e}");
    }
}

/// Settings for groups whose iterations take from tenths of seconds to seconds: ten samples
/// of one or a few iterations each, and a short warm-up (`--quick` runs each once or twice).
fn slow(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(2));
}

fn motions4(c: &mut Criterion) {
    let w = model::motions4();
    let expected = w.expected();
    let mut group = c.benchmark_group("motions4");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));

    let a = akk::Akkoord::new(&w).expect("akkoord loads motions4");
    agree(&w, "akkoord", a.verdicts(), &expected);
    group.bench_function(engine::AKKOORD, |b| b.iter(|| black_box(a.decide_all())));

    let c = cedar::Cedar::new(&w).expect("Cedar loads motions4");
    agree(&w, "Cedar", c.verdicts(), &expected);
    group.bench_function(engine::CEDAR, |b| b.iter(|| black_box(c.decide_all())));

    let mut r = rego::Interpreter::new(&w).expect("regorus loads motions4");
    agree(&w, "regorus", r.verdicts(), &expected);
    group.bench_function(engine::REGORUS, |b| {
        b.iter(|| black_box(r.decide_all().expect("regorus evaluates")))
    });

    let mut vm = rego::Rvm::new(&w).expect("the RVM loads motions4");
    agree(&w, "regorus RVM", vm.verdicts(), &expected);
    group.bench_function(engine::REGORUS_RVM, |b| {
        b.iter(|| black_box(vm.decide_all().expect("the RVM evaluates")))
    });

    let f = floor::Floor::new(&w);
    agree(&w, "plain Rust", Ok(f.verdicts()), &expected);
    group.bench_function(engine::PLAIN_RUST, |b| b.iter(|| black_box(f.decide_all())));
    group.finish();
}

fn evaluation_case(c: &mut Criterion, case: &EvalCase) {
    let w = case.timed();
    let expected = w.expected();
    let mut group = c.benchmark_group(case.group);
    slow(&mut group);

    let a = akk::Akkoord::new(&w).expect("akkoord loads the workload");
    agree(&w, "akkoord", a.verdicts(), &expected);
    group.bench_function(engine::AKKOORD, |b| b.iter(|| black_box(a.decide_all())));
    drop(a);

    if !case.lifts {
        let c = cedar::Cedar::new(&w).expect("Cedar loads the workload");
        agree(&w, "Cedar", c.verdicts(), &expected);
        group.bench_function(engine::CEDAR, |b| b.iter(|| black_box(c.decide_all())));
        drop(c);

        let mut r = rego::Interpreter::new(&w).expect("regorus loads the workload");
        agree(&w, "regorus", r.verdicts(), &expected);
        group.bench_function(engine::REGORUS, |b| {
            b.iter(|| black_box(r.decide_all().expect("regorus evaluates")))
        });
        drop(r);

        if case.rules <= RVM_MAX_RULES {
            let mut vm = rego::Rvm::new(&w).expect("the RVM loads the workload");
            agree(&w, "regorus RVM", vm.verdicts(), &expected);
            group.bench_function(engine::REGORUS_RVM, |b| {
                b.iter(|| black_box(vm.decide_all().expect("the RVM evaluates")))
            });
        }
    }

    let f = floor::Floor::new(&w);
    agree(&w, "plain Rust", Ok(f.verdicts()), &expected);
    group.bench_function(engine::PLAIN_RUST, |b| b.iter(|| black_box(f.decide_all())));
    group.finish();
}

fn evaluation(c: &mut Criterion) {
    for case in &EVAL_CASES {
        evaluation_case(c, case);
    }
}

fn load(c: &mut Criterion) {
    for rules in LOAD_SIZES {
        let w = cases::load_workload(rules);
        let (rules_text, facts_text) = (akk::rules_text(&w), akk::facts_text(&w));
        let policies = cedar::policies_text(&w);
        let module = rego::policy_text(&w);
        let validator = cedar::validator(&w).expect("the Cedar schema parses");
        // Every engine must accept the rules before they are timed.
        akk::load(&rules_text, &facts_text).expect("akkoord loads the rules");
        cedar::parse_and_validate(&policies, &validator).expect("Cedar validates the policies");
        rego::engine_with(&module).expect("regorus parses the module");
        if rules <= LOAD_EXTRAS_UP_TO {
            rego::add_and_compile(&module).expect("regorus compiles the module");
        }

        let mut group = c.benchmark_group(cases::load_group(rules));
        slow(&mut group);
        group.bench_function(engine::AKKOORD_LOAD, |b| {
            b.iter(|| black_box(akk::load(&rules_text, &facts_text).is_ok()))
        });
        group.bench_function(engine::CEDAR_PARSE, |b| {
            b.iter(|| black_box(cedar::parse(&policies).is_ok()))
        });
        if rules <= LOAD_EXTRAS_UP_TO {
            group.bench_function(engine::CEDAR_PARSE_VALIDATE, |b| {
                b.iter(|| black_box(cedar::parse_and_validate(&policies, &validator).is_ok()))
            });
        }
        group.bench_function(engine::REGORUS_ADD_POLICY, |b| {
            b.iter(|| black_box(rego::engine_with(&module).is_ok()))
        });
        if rules <= LOAD_EXTRAS_UP_TO {
            group.bench_function(engine::REGORUS_ADD_POLICY_COMPILE, |b| {
                b.iter(|| black_box(rego::add_and_compile(&module).is_ok()))
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = motions4, evaluation, load
}
criterion_main!(benches);
