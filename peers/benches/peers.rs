//! akkoord beside Cedar and regorus (interpreter and RVM) and a plain-Rust loop, on the same
//! generated workloads. Before an engine is timed, its verdicts for the timed decisions are
//! checked against the reference verdicts (and its rules are checked to load).
//!
//! ```sh
//! cargo bench -p akkoord-peers                  # everything, about ten minutes on 2 cores
//! cargo bench -p akkoord-peers -- rules_1000x   # one group (the others are not even set up)
//! cargo bench -p akkoord-peers -- --quick       # each benchmark briefly
//! cargo run --release -p akkoord-peers -- table # the tables of BENCHMARKS.md
//! ```

use std::hint::black_box;
use std::time::Duration;

use akkoord_peers::cases::{
    self, EVAL_CASES, LOAD_EXTRAS_UP_TO, LOAD_SIZES, RVM_MAX_RULES, engine,
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
    decisions(&mut group, &w, &expected, true);
    group.finish();
}

/// Benchmarks every engine's decisions on `w`; with `peers` false, akkoord and the floor only.
/// Each engine is built and its verdicts checked the first time criterion runs its benchmark,
/// so a filter that leaves a benchmark out skips its setup too.
fn decisions(
    group: &mut BenchmarkGroup<'_, WallTime>,
    w: &Workload,
    expected: &[bool],
    peers: bool,
) {
    let mut a = None;
    group.bench_function(engine::AKKOORD, |b| {
        let a = a.get_or_insert_with(|| {
            let a = akk::Akkoord::new(w).expect("akkoord loads the workload");
            agree(w, "akkoord", a.verdicts(), expected);
            a
        });
        b.iter(|| black_box(a.decide_all()))
    });
    group.bench_function(engine::AKKOORD_VERDICT, |b| {
        let a = a.get_or_insert_with(|| {
            let a = akk::Akkoord::new(w).expect("akkoord loads the workload");
            agree(w, "akkoord", a.verdicts(), expected);
            a
        });
        assert_eq!(
            a.verdicts_only(),
            a.decide_all(),
            "verdict agrees with decide"
        );
        b.iter(|| black_box(a.verdicts_only()))
    });
    drop(a);

    if peers {
        let mut c = None;
        group.bench_function(engine::CEDAR, |b| {
            let c = c.get_or_insert_with(|| {
                let c = cedar::Cedar::new(w).expect("Cedar loads the workload");
                agree(w, "Cedar", c.verdicts(), expected);
                c
            });
            b.iter(|| black_box(c.decide_all()))
        });
        drop(c);

        let mut r = None;
        group.bench_function(engine::REGORUS, |b| {
            let r = r.get_or_insert_with(|| {
                let mut r = rego::Interpreter::new(w).expect("regorus loads the workload");
                agree(w, "regorus", r.verdicts(), expected);
                r
            });
            b.iter(|| black_box(r.decide_all().expect("regorus evaluates")))
        });
        drop(r);

        if w.rule_count() <= RVM_MAX_RULES {
            let mut vm = None;
            group.bench_function(engine::REGORUS_RVM, |b| {
                let vm = vm.get_or_insert_with(|| {
                    let mut vm = rego::Rvm::new(w).expect("the RVM loads the workload");
                    agree(w, "regorus RVM", vm.verdicts(), expected);
                    vm
                });
                b.iter(|| black_box(vm.decide_all().expect("the RVM evaluates")))
            });
        }
    }

    let f = floor::Floor::new(w);
    agree(w, "plain Rust", Ok(f.verdicts()), expected);
    group.bench_function(engine::PLAIN_RUST, |b| b.iter(|| black_box(f.decide_all())));
}

fn evaluation(c: &mut Criterion) {
    for case in &EVAL_CASES {
        let w = case.timed();
        let expected = w.expected();
        let mut group = c.benchmark_group(case.group);
        slow(&mut group);
        decisions(&mut group, &w, &expected, !case.lifts);
        group.finish();
    }
}

/// Benchmarks `parse`, after checking once that it accepts the text.
fn parse<T, E: std::fmt::Debug>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    parse: impl Fn() -> Result<T, E>,
) {
    let mut checked = false;
    group.bench_function(name, |b| {
        if !checked {
            if let Err(e) = parse() {
                panic!("{name}: the rules do not load: {e:?}");
            }
            checked = true;
        }
        b.iter(|| black_box(parse().is_ok()))
    });
}

fn load(c: &mut Criterion) {
    for rules in LOAD_SIZES {
        let w = cases::load_workload(rules);
        let (rules_text, facts_text) = (akk::rules_text(&w), akk::facts_text(&w));
        let policies = cedar::policies_text(&w);
        let module = rego::policy_text(&w);
        let validator = cedar::validator(&w).expect("the Cedar schema parses");
        let extras = rules <= LOAD_EXTRAS_UP_TO;

        let mut group = c.benchmark_group(cases::load_group(rules));
        slow(&mut group);
        parse(&mut group, engine::AKKOORD_LOAD, || {
            akk::load(&rules_text, &facts_text)
        });
        parse(&mut group, engine::CEDAR_PARSE, || cedar::parse(&policies));
        if extras {
            parse(&mut group, engine::CEDAR_PARSE_VALIDATE, || {
                cedar::parse_and_validate(&policies, &validator)
            });
        }
        parse(&mut group, engine::REGORUS_ADD_POLICY, || {
            rego::engine_with(&module)
        });
        if extras {
            parse(&mut group, engine::REGORUS_ADD_POLICY_COMPILE, || {
                rego::add_and_compile(&module)
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
