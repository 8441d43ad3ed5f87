//! How long `akkoord unblock` takes: the first plans when there are very many, the cost per
//! plan when every plan is counted, rules that share facts, and GGZ on the VNG rule base.

use std::hint::black_box;

use akkoord::ast::Action;
use akkoord::check::{self, Loaded};
use std::path::Path;

use akkoord::unblock::{Limits, unblock};
use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::{Date, date};

/// A rule base over `facts` yes/no facts `f…` and numbers `n…`, all known (false, 0), with one
/// rule per condition, each about signing agreement `x`.
fn rule_base(facts: usize, conditions: impl Iterator<Item = String>) -> (String, String) {
    let mut text = String::new();
    for f in 0..facts {
        text.push_str(&format!("feit f{f}: janee \"?\"\nfeit n{f}: getal \"?\"\n"));
    }
    text.push_str("motie m \"M\" {\n vergadering ALV 2018-01-01\n");
    for (r, condition) in conditions.enumerate() {
        text.push_str(&format!(
            " regel r{r} {{ bron \"z\" vereis {condition} voor ondertekening van akkoord x }}\n"
        ));
    }
    text.push('}');
    let values: Vec<String> = (0..facts)
        .flat_map(|f| [format!("\"f{f}\": false"), format!("\"n{f}\": 0")])
        .collect();
    let facts = format!(
        "{{ \"akkoorden\": {{ \"x\": {{}} }}, \"feiten\": {{ {} }} }}",
        values.join(", ")
    );
    (text, facts)
}

/// `rules` rules over `facts` facts; rule i needs `f(2i) en (f(2i+1) of f(2i+2) of n(2i) > 2)`,
/// so neighbouring rules share facts.
fn generated(rules: usize, facts: usize) -> (String, String) {
    let condition = |r: usize| {
        let (a, b, c) = ((2 * r) % facts, (2 * r + 1) % facts, (2 * r + 2) % facts);
        format!("f{a} en (f{b} of f{c} of n{a} > 2)")
    };
    rule_base(facts, (0..rules).map(condition))
}

/// `rules` rules, each with three independent ways to hold (`f(3i) of f(3i+1) of n(3i+2) > 2`):
/// 3^rules minimal plans over 3 × `rules` facts.
fn choices(rules: usize) -> (String, String) {
    let condition = |r: usize| format!("f{} of f{} of n{} > 2", 3 * r, 3 * r + 1, 3 * r + 2);
    rule_base(3 * rules, (0..rules).map(condition))
}

/// Reports how many plans the search finds, then measures it; for a search that counts every
/// plan, criterion's time divided by the plans found is the cost per plan.
fn measure(
    c: &mut Criterion,
    name: &str,
    loaded: &Loaded,
    agreement: usize,
    day: Date,
    limits: Limits,
) {
    let run = || {
        unblock(
            &loaded.base,
            &loaded.world,
            day,
            agreement,
            Action::Signing,
            &[],
            limits,
        )
    };
    let result = run();
    eprintln!(
        "{name}: {} plans found ({} kept), complete: {}, at most {}",
        result.found,
        result.plans.len(),
        result.complete,
        result.at_most
    );
    c.bench_function(name, |b| b.iter(|| black_box(run().found)));
}

fn bench(c: &mut Criterion) {
    let day = date(2019, 1, 1);
    let mut group = |name: &str, (rules, facts): (String, String), limits: Limits| match check::load(
        &[("r.akk".into(), rules)],
        ("feiten.json", &facts),
    ) {
        Ok(loaded) => measure(c, name, &loaded, 0, day, limits),
        Err(_) => eprintln!("{name}: the generated rules do not load"),
    };
    // The first ten plans come at once however many there are.
    group(
        "unblock: first 10 plans, 9 rules x 3 ways (19 683 plans)",
        choices(9),
        Limits::first(10),
    );
    // Counting every plan: the time per plan stays flat as the plans grow from 81 to 19 683.
    group(
        "unblock: all 81 plans, 4 rules x 3 ways",
        choices(4),
        Limits::all(),
    );
    group(
        "unblock: all 6 561 plans, 8 rules x 3 ways",
        choices(8),
        Limits::all(),
    );
    group(
        "unblock: all 19 683 plans, 9 rules x 3 ways",
        choices(9),
        Limits::all(),
    );
    group(
        "unblock: 20 rules sharing 40 facts",
        generated(20, 40),
        Limits::default(),
    );
    let vng = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vng");
    if let Ok(vng) = akkoord::load::load(&vng, None) {
        let ggz = vng.world.agreement("ggz").unwrap_or_default();
        measure(
            c,
            "unblock: ggz on the VNG rule base",
            &vng,
            ggz,
            date(2019, 6, 1),
            Limits::default(),
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
