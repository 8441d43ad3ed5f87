//! Guards on how the work grows, counted rather than timed: a decision visits the rules that
//! can select its agreement, not the whole rule base.

use akkoord::ast::Action;
use akkoord::eval::Evaluator;
use akkoord::value::Tri;

use crate::common::load;

/// `n` rules, each selecting agreements by two attribute tests (`soort in {…}` and
/// `domein = …`) and a yes/no attribute; `m` agreements spread over the values.
fn generated(n: usize, m: usize) -> (String, String) {
    let soorten = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"];
    let domeinen = ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7"];
    let mut text = format!(
        "keuze soort {{ {} }}\nkeuze domein {{ {} }}\nkenmerk soort: soort \"?\"\nkenmerk domein: domein \"?\"\nkenmerk fin: janee \"?\"\n",
        soorten.join(", "),
        domeinen.join(", ")
    );
    for f in 0..20 {
        text.push_str(&format!("feit f{f}: janee \"?\"\n"));
    }
    text.push_str("motie m \"M\" {\n vergadering ALV 2018-01-01\n");
    for i in 0..n {
        let (a, b, d) = (soorten[i % 8], soorten[(i / 8) % 8], domeinen[(i / 3) % 8]);
        text.push_str(&format!(
            " regel r{i} {{ bron \"z\" vereis f{} voor ondertekening van akkoord waar soort in {{{a}, {b}}} en domein = {d} en fin }}\n",
            i % 20
        ));
    }
    text.push('}');
    let agreements: Vec<String> = (0..m)
        .map(|a| {
            format!(
                "\"a{a}\": {{ \"naam\": \"A\", \"soort\": \"{}\", \"domein\": \"{}\", \"fin\": {} }}",
                soorten[a % 8],
                domeinen[(a / 8) % 8],
                a % 3 != 0
            )
        })
        .collect();
    let facts: Vec<String> = (0..20)
        .map(|f| format!("\"f{f}\": {}", f % 4 != 0))
        .collect();
    let facts = format!(
        "{{ \"akkoorden\": {{ {} }}, \"feiten\": {{ {} }} }}",
        agreements.join(", "),
        facts.join(", ")
    );
    (text, facts)
}

#[test]
fn a_decision_visits_few_more_rules_than_can_select_its_agreement() {
    let (rules, facts) = generated(4_000, 64);
    let loaded = load(&rules, &facts).unwrap_or_else(|e| panic!("{e}"));
    let (base, world) = (&loaded.base, &loaded.world);
    let day = jiff::civil::date(2019, 1, 1);
    let ev = Evaluator::new(base, world, day);
    let (mut visited, mut selecting) = (0, 0);
    for a in 0..world.agreements.len() {
        let candidates: Vec<_> = base.index.candidates(a, day, world).collect();
        let selects = (0..base.rules.len())
            .filter(|&r| ev.selects(r, a) != Tri::No)
            .count();
        // Every rule that can select the agreement is visited.
        assert_eq!(
            candidates
                .iter()
                .filter(|&&r| ev.selects(r, a) != Tri::No)
                .count(),
            selects,
            "agreement {a}"
        );
        // And no more than those whose `soort` and `domein` tests fit: the index narrows by
        // both (it leaves `fin`, which a third of the agreements lack, to the selector).
        let fits = (0..4_000)
            .filter(|i| (i % 8 == a % 8 || (i / 8) % 8 == a % 8) && (i / 3) % 8 == (a / 8) % 8)
            .count();
        assert_eq!(candidates.len(), fits, "agreement {a}: {selects} select it");
        visited += candidates.len();
        selecting += selects;
        assert_eq!(
            ev.verdict(a, Action::Signing),
            ev.decide(a, Action::Signing).verdict
        );
    }
    // Without the index every decision would visit all 4 000 rules: 256 000 visits.
    assert!(
        visited < 4_000 * 64 / 20,
        "{visited} visits, {selecting} selecting"
    );
    assert!(selecting > 0, "some rules select some agreements");
}
