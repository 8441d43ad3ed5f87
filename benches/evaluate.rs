//! How long `akkoord check` takes: loading and checking the rule base, and evaluating every
//! agreement and action, on the shipped VNG rules and on a generated larger rule base.

use std::hint::black_box;
use std::path::Path;

use akkoord::check::{self, Loaded};
use akkoord::eval::Evaluator;
use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;

fn evaluate_all(loaded: &Loaded) -> usize {
    let ev = Evaluator::new(&loaded.base, &loaded.world, date(2018, 11, 30));
    (0..loaded.world.agreements.len())
        .flat_map(|a| ev.actions(a).into_iter().map(move |h| (a, h)))
        .map(|(a, h)| ev.decide(a, h).findings.len())
        .sum()
}

/// `sources` motions with `rules_per_source` rules each over 40 facts, and `agreements`
/// agreements with a per-agreement fact and two attributes.
fn generated(sources: usize, rules_per_source: usize, agreements: usize) -> (String, String) {
    let mut rules = String::from(
        "keuze soort { a, b, c }\nkenmerk soort: soort \"?\"\nkenmerk fin: janee \"?\"\nfeit p(akkoord): janee \"?\"\n",
    );
    for f in 0..40 {
        rules.push_str(&format!("feit f{f}: janee \"?\"\nfeit n{f}: getal \"?\"\n"));
    }
    for s in 0..sources {
        rules.push_str(&format!(
            "motie m{s} \"M\" {{\n vergadering ALV 2018-01-01\n"
        ));
        for r in 0..rules_per_source {
            let (x, y, z) = ((s + r) % 40, (s * 7 + r) % 40, (s + 3 * r) % 40);
            rules.push_str(&format!(
                " regel r{r} {{ bron \"z\" vereis (f{x} of n{y} > 3) en (niet f{z} of p(akkoord)) voor ondertekening van akkoord waar soort in {{a, b}} en fin }}\n"
            ));
        }
        rules.push_str("}\n");
    }
    let agreements_json: Vec<String> = (0..agreements)
        .map(|a| {
            format!(
                "\"a{a}\": {{ \"soort\": \"{}\", \"fin\": {} }}",
                ["a", "b", "c"][a % 3],
                a % 2 == 0
            )
        })
        .collect();
    let facts: Vec<String> = (0..40)
        .flat_map(|f| {
            [
                format!("\"f{f}\": {}", f % 3 == 0),
                format!("\"n{f}\": {}", f % 7),
            ]
        })
        .collect();
    let p: Vec<String> = (0..agreements)
        .map(|a| format!("\"a{a}\": {}", a % 5 != 0))
        .collect();
    let facts = format!(
        "{{ \"akkoorden\": {{ {} }}, \"feiten\": {{ {}, \"p\": {{ {} }} }} }}",
        agreements_json.join(", "),
        facts.join(", "),
        p.join(", ")
    );
    (rules, facts)
}

fn bench(c: &mut Criterion) {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vng");
    c.bench_function("vng: load and check tests/fixtures/vng", |b| {
        b.iter(|| black_box(akkoord::load::load(&rules, None).is_ok()))
    });
    let Ok(loaded) = akkoord::load::load(&rules, None) else {
        return;
    };
    c.bench_function("vng: evaluate every agreement and action", |b| {
        b.iter(|| black_box(evaluate_all(&loaded)))
    });

    let (text, facts) = generated(100, 10, 200);
    let files = vec![("generated.akk".to_string(), text)];
    c.bench_function(
        "generated 1000 rules x 200 agreements: load and check",
        |b| b.iter(|| black_box(check::load(&files, ("feiten.json", &facts)).is_ok())),
    );
    let Ok(big) = check::load(&files, ("feiten.json", &facts)) else {
        return;
    };
    c.bench_function("generated 1000 rules x 200 agreements: evaluate all", |b| {
        b.iter(|| black_box(evaluate_all(&big)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
