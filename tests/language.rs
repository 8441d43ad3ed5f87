//! One-line behaviour tests, one per language feature.

use akkoord::ast::Action;
use akkoord::eval::Verdict::{Mag, Niet, Onbepaald};

use crate::common::{decide, load, verdict};

const DECLS: &str = r#"
    keuze soort { deelakkoord, uitwerkingsakkoord, bestuursakkoord }
    keuze domein { sociaal_domein, klimaat }
    kenmerk soort: soort "Wat voor akkoord?"
    kenmerk domein: domein "Welk domein?"
    kenmerk financieel: janee "Financiële consequenties?"
    feit rob: janee "ROB overeengekomen?"
    feit ruimte(akkoord): janee "Voldoende ruimte?"
    feit bedrag: bedrag "Toegezegd bedrag?"
    feit aantal: getal "Aantal?"
    feit datum_brief: datum "Datum brief?"
    feit status: tekst "Status?"
"#;

const AGREEMENTS: &str = r#""akkoorden": {
    "a": { "naam": "A", "soort": "deelakkoord", "domein": "sociaal_domein", "financieel": true },
    "b": { "naam": "B", "soort": "bestuursakkoord", "domein": "klimaat", "financieel": true }
}"#;

/// Rules: the declarations plus one source holding `body` as its only rule.
fn rules(body: &str) -> String {
    format!(
        "{DECLS}\nmotie m \"M\" {{\n vergadering ALV 2018-06-27\n regel r {{ bron \"zin\" {body} }}\n}}"
    )
}

fn facts(feiten: &str) -> String {
    format!("{{ {AGREEMENTS}, \"feiten\": {{ {feiten} }} }}")
}

fn sign(body: &str, feiten: &str, agreement: &str) -> akkoord::eval::Verdict {
    verdict(&rules(body), &facts(feiten), agreement)
}

#[test]
fn forbid_until_blocks_while_the_condition_is_false() {
    assert_eq!(
        sign(
            "verbied ondertekening van elk akkoord totdat rob",
            r#""rob": false"#,
            "a"
        ),
        Niet
    );
}

#[test]
fn forbid_until_allows_once_the_condition_holds() {
    assert_eq!(
        sign(
            "verbied ondertekening van elk akkoord totdat rob",
            r#""rob": true"#,
            "a"
        ),
        Mag
    );
}

#[test]
fn a_missing_fact_is_unknown_not_false() {
    assert_eq!(
        sign("verbied ondertekening van elk akkoord totdat rob", "", "a"),
        Onbepaald
    );
}

#[test]
fn null_is_unknown_too() {
    assert_eq!(
        sign(
            "verbied ondertekening van elk akkoord totdat rob",
            r#""rob": null"#,
            "a"
        ),
        Onbepaald
    );
}

#[test]
fn require_is_the_same_condition_written_the_other_way() {
    assert_eq!(
        sign(
            "vereis rob voor ondertekening van elk akkoord",
            r#""rob": false"#,
            "a"
        ),
        Niet
    );
}

#[test]
fn english_keywords_mean_the_same() {
    assert_eq!(
        sign(
            "require rob and not false for signing of every agreement",
            r#""rob": true"#,
            "a"
        ),
        Mag
    );
    assert_eq!(
        sign(
            "forbid signing of agreement where domein = klimaat until rob",
            r#""rob": false"#,
            "b"
        ),
        Niet
    );
}

#[test]
fn a_selector_by_attribute_leaves_other_agreements_alone() {
    let body = "verbied ondertekening van akkoord waar soort in {deelakkoord, uitwerkingsakkoord} en domein = sociaal_domein en financieel totdat rob";
    assert_eq!(sign(body, r#""rob": false"#, "a"), Niet);
    assert_eq!(sign(body, r#""rob": false"#, "b"), Mag);
}

#[test]
fn a_selector_by_id_speaks_of_that_agreement_only() {
    assert_eq!(
        sign(
            "vereis rob voor ondertekening van akkoord b",
            r#""rob": false"#,
            "a"
        ),
        Mag
    );
    assert_eq!(
        sign(
            "vereis rob voor ondertekening van akkoord a, b",
            r#""rob": false"#,
            "b"
        ),
        Niet
    );
}

#[test]
fn an_unknown_attribute_makes_the_selector_unknown() {
    let facts = r#"{ "akkoorden": { "c": { "naam": "C" } }, "feiten": { "rob": false } }"#;
    assert_eq!(
        verdict(
            &rules("verbied ondertekening van akkoord waar financieel totdat rob"),
            facts,
            "c"
        ),
        Onbepaald
    );
}

#[test]
fn per_agreement_facts_are_read_for_the_agreement_at_hand() {
    let body = "vereis ruimte(akkoord) voor ondertekening van elk akkoord";
    let feiten = r#""ruimte": { "a": true, "b": false }"#;
    assert_eq!(sign(body, feiten, "a"), Mag);
    assert_eq!(sign(body, feiten, "b"), Niet);
}

#[test]
fn per_agreement_facts_can_name_another_agreement() {
    assert_eq!(
        sign(
            "vereis ruimte(b) voor ondertekening van akkoord a",
            r#""ruimte": { "b": false }"#,
            "a"
        ),
        Niet
    );
}

#[test]
fn and_is_false_when_any_part_is_false_even_if_another_is_unknown() {
    assert_eq!(
        sign(
            "vereis rob en ruimte(akkoord) voor ondertekening van elk akkoord",
            r#""ruimte": {"a": false}"#,
            "a"
        ),
        Niet
    );
}

#[test]
fn or_is_true_when_any_part_is_true_even_if_another_is_unknown() {
    assert_eq!(
        sign(
            "vereis rob of ruimte(akkoord) voor ondertekening van elk akkoord",
            r#""ruimte": {"a": true}"#,
            "a"
        ),
        Mag
    );
}

#[test]
fn and_binds_tighter_than_or() {
    // rob of (ruimte en nee): true when rob is true
    assert_eq!(
        sign(
            "vereis rob of ruimte(akkoord) en nee voor ondertekening van elk akkoord",
            r#""rob": true"#,
            "a"
        ),
        Mag
    );
}

#[test]
fn parentheses_group() {
    assert_eq!(
        sign(
            "vereis (rob of ja) en nee voor ondertekening van elk akkoord",
            r#""rob": true"#,
            "a"
        ),
        Niet
    );
}

#[test]
fn amounts_compare_exactly() {
    let body = "vereis bedrag >= € 100 mln voor ondertekening van elk akkoord";
    assert_eq!(sign(body, r#""bedrag": "€ 100 mln""#, "a"), Mag);
    assert_eq!(sign(body, r#""bedrag": "€ 99.999.999,99""#, "a"), Niet);
    assert_eq!(sign(body, r#""bedrag": 100000000"#, "a"), Mag);
}

#[test]
fn numbers_dates_and_text_compare() {
    assert_eq!(
        sign(
            "vereis aantal > 2 voor ondertekening van elk akkoord",
            r#""aantal": 3"#,
            "a"
        ),
        Mag
    );
    assert_eq!(
        sign(
            "vereis datum_brief <= 2018-11-06 voor ondertekening van elk akkoord",
            r#""datum_brief": "2018-11-07""#,
            "a"
        ),
        Niet
    );
    assert_eq!(
        sign(
            "vereis status ≠ \"ingetrokken\" voor ondertekening van elk akkoord",
            r#""status": "aangenomen""#,
            "a"
        ),
        Mag
    );
    assert_eq!(
        sign(
            "vereis status != \"x\" voor ondertekening van elk akkoord",
            r#""status": "x""#,
            "a"
        ),
        Niet
    );
}

#[test]
fn comments_are_ignored() {
    let body = "// een opmerking\n vereis rob /* midden */ voor ondertekening van elk akkoord";
    assert_eq!(sign(body, r#""rob": true"#, "a"), Mag);
}

#[test]
fn rules_for_another_action_do_not_touch_signing() {
    let body = "vereis rob voor instemming met akkoord a";
    assert_eq!(sign(body, r#""rob": false"#, "a"), Mag);
    let d = decide(
        &rules(body),
        &facts(r#""rob": false"#),
        "a",
        Action::Consent,
    );
    assert_eq!(d.verdict, Niet);
}

#[test]
fn a_lifted_rule_no_longer_binds() {
    let text = format!(
        "{}\nbesluit balv \"B\" {{ vergadering BALV 2018-11-30\n hef op m.r bron \"op te heffen\" }}",
        rules("verbied ondertekening van elk akkoord totdat rob")
    );
    assert_eq!(verdict(&text, &facts(r#""rob": false"#), "a"), Mag);
}

#[test]
fn a_settled_motion_no_longer_binds_but_a_held_one_does() {
    let body = "verbied ondertekening van elk akkoord totdat rob";
    let settled = format!(
        "{}\nbesluit balv \"B\" {{ vergadering BALV 2018-11-30\n afgehandeld m }}",
        rules(body)
    );
    let held = format!(
        "{}\nbesluit balv \"B\" {{ vergadering BALV 2018-11-30\n aangehouden m }}",
        rules(body)
    );
    assert_eq!(verdict(&settled, &facts(r#""rob": false"#), "a"), Mag);
    assert_eq!(verdict(&held, &facts(r#""rob": false"#), "a"), Niet);
}

#[test]
fn a_source_adopted_after_the_date_does_not_bind_yet() {
    let text = format!(
        "{DECLS}\nmotie later \"L\" {{ vergadering ALV 2019-06-05\n regel r {{ bron \"z\" vereis rob voor ondertekening van elk akkoord }} }}"
    );
    assert_eq!(verdict(&text, &facts(r#""rob": false"#), "a"), Mag);
}

#[test]
fn dated_facts_hold_from_their_date() {
    let body = "verbied ondertekening van elk akkoord totdat rob";
    let before = r#""rob": [{"waarde": false}, {"waarde": true, "sinds": "2018-12-01"}]"#;
    let after = r#""rob": [{"waarde": false}, {"waarde": true, "sinds": "2018-10-10"}]"#;
    assert_eq!(sign(body, before, "a"), Niet);
    assert_eq!(sign(body, after, "a"), Mag);
}

#[test]
fn niet_names_every_failing_rule_and_the_false_parts() {
    let text = format!(
        "{DECLS}\nmotie m \"M\" {{ vergadering ALV 2018-06-27\n regel r1 {{ bron \"z\" vereis rob en ruimte(akkoord) voor ondertekening van elk akkoord }}\n regel r2 {{ bron \"z\" vereis aantal > 2 voor ondertekening van elk akkoord }} }}"
    );
    let d = decide(
        &text,
        &facts(r#""rob": true, "ruimte": {"a": false}, "aantal": 1"#),
        "a",
        Action::Signing,
    );
    assert_eq!(d.verdict, Niet);
    let failing: Vec<usize> = d.deciding().map(|f| f.because.len()).collect();
    assert_eq!(
        failing,
        vec![1, 1],
        "each failing rule names only its false part"
    );
    let names: Vec<&str> = d
        .deciding()
        .flat_map(|f| &f.because)
        .flat_map(|a| &a.facts)
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, vec!["ruimte(a)", "aantal"]);
}

#[test]
fn onbepaald_names_the_unknown_facts_with_their_questions() {
    let d = decide(
        &rules("vereis rob en ruimte(akkoord) voor ondertekening van elk akkoord"),
        &facts(""),
        "a",
        Action::Signing,
    );
    assert_eq!(d.verdict, Onbepaald);
    let open: Vec<(&str, &str)> = d
        .open
        .iter()
        .map(|f| (f.name.as_str(), f.question.as_str()))
        .collect();
    assert_eq!(
        open,
        vec![
            ("rob", "ROB overeengekomen?"),
            ("ruimte(a)", "Voldoende ruimte?")
        ]
    );
}

#[test]
fn onbepaald_does_not_list_facts_that_cannot_change_the_outcome() {
    // `rob of ruimte`: rob is unknown; ruimte is false, so only rob can change the outcome.
    let d = decide(
        &rules("vereis rob of ruimte(akkoord) voor ondertekening van elk akkoord"),
        &facts(r#""ruimte": {"a": false}"#),
        "a",
        Action::Signing,
    );
    let open: Vec<&str> = d.open.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(open, vec!["rob"]);
}

#[test]
fn a_bare_choice_value_takes_its_type_from_the_other_side() {
    assert!(
        load(
            &rules("vereis sociaal_domein = domein voor ondertekening van elk akkoord"),
            &facts("")
        )
        .is_ok()
    );
}

#[test]
fn a_rule_may_name_several_actions() {
    let body = "verbied onderhandeling, instemming en ondertekening van elk akkoord totdat rob";
    for action in [Action::Signing, Action::Consent, Action::Negotiation] {
        assert_eq!(
            decide(&rules(body), &facts(r#""rob": false"#), "a", action).verdict,
            Niet
        );
    }
    assert_eq!(
        decide(
            &rules(body),
            &facts(r#""rob": false"#),
            "a",
            Action::Execution
        )
        .verdict,
        Mag
    );
}

#[test]
fn an_amount_in_a_fact_reads_the_same_as_in_a_rule() {
    let body = "vereis bedrag >= € 1,5 mld voor ondertekening van elk akkoord";
    assert_eq!(sign(body, r#""bedrag": "€ 1,5 mld""#, "a"), Mag);
    assert_eq!(sign(body, r#""bedrag": "€ 1.500.000.000""#, "a"), Mag);
    assert_eq!(sign(body, r#""bedrag": "€ 1.499.999.999,99""#, "a"), Niet);
    assert_eq!(sign(body, r#""bedrag": 1500000000"#, "a"), Mag);
}

#[test]
fn odd_amounts_in_facts_are_errors_that_say_how_to_write_them() {
    let body = "vereis bedrag >= € 1,5 mld voor ondertekening van elk akkoord";
    for (written, hint) in [
        ("\"€ 1.5 mld\"", "`€ 1,5 mld`"),
        ("\"€ 15.00 mln\"", "`€ 15,00 mln`"),
        ("\"€ 1,5mld\"", "`€ 1,5 mld`"),
        ("1.5", "\"€ 1,5\""),
    ] {
        let err = load(&rules(body), &facts(&format!("\"bedrag\": {written}")))
            .err()
            .unwrap_or_default();
        assert!(err.contains(hint), "{written}: {err}");
        assert!(err.contains("feiten.json:"), "{written}: located: {err}");
    }
}

#[test]
fn odd_amounts_in_rules_are_errors_with_the_same_hint() {
    let err = load(
        &rules("vereis bedrag >= € 1.5 mld voor ondertekening van elk akkoord"),
        &facts(""),
    )
    .err()
    .unwrap_or_default();
    assert!(
        err.contains("schrijf decimalen met een komma: `€ 1,5 mld`"),
        "{err}"
    );
}

#[test]
fn a_key_written_twice_in_the_facts_file_is_an_error() {
    let text = format!("{{ {AGREEMENTS}, \"feiten\": {{ \"rob\": true }}, \"feiten\": {{}} }}");
    let err = load(
        &rules("vereis rob voor ondertekening van elk akkoord"),
        &text,
    )
    .err()
    .unwrap_or_default();
    assert!(
        err.contains("sleutel \"feiten\" staat twee keer in hetzelfde object"),
        "{err}"
    );
    let both = format!("{{ {AGREEMENTS}, \"feiten\": {{}}, \"facts\": {{}} }}");
    let err = load(
        &rules("vereis rob voor ondertekening van elk akkoord"),
        &both,
    )
    .err()
    .unwrap_or_default();
    assert!(
        err.contains("`feiten` en `facts` betekenen hetzelfde"),
        "{err}"
    );
}

#[test]
fn a_rule_file_with_cr_line_endings_means_the_same_as_with_lf() {
    let text = rules("// een commentaar\nverbied ondertekening van elk akkoord totdat rob");
    let cr = text.replace('\n', "\r");
    assert_eq!(verdict(&cr, &facts(r#""rob": false"#), "a"), Niet);
    assert_eq!(verdict(&text, &facts(r#""rob": false"#), "a"), Niet);
}

#[test]
fn an_agreement_not_yet_on_the_table_gets_no_verdict_and_changes_no_earlier_one() {
    let rules_text = rules("verbied ondertekening van elk akkoord totdat rob");
    let with_new = r#"{ "akkoorden": { "a": { "naam": "A" },
        "nieuw": { "naam": "Nieuw", "sinds": "2024-11-29" } }, "feiten": { "rob": false } }"#;
    let loaded = load(&rules_text, with_new).expect("loads");
    let nieuw = loaded.world.agreement("nieuw").expect("nieuw");
    assert!(
        !loaded
            .world
            .on_table(nieuw, jiff::civil::date(2018, 11, 30))
    );
    assert!(
        loaded
            .world
            .on_table(nieuw, jiff::civil::date(2024, 11, 29))
    );
    let o = akkoord::answer::overview(
        &loaded.base,
        &loaded.world,
        crate::common::BALV,
        &[],
        None,
        Default::default(),
    );
    let ids: Vec<&str> = o.answers.iter().map(|a| a.agreement.id.as_str()).collect();
    assert_eq!(ids, vec!["a"]);
    assert_eq!(o.not_on_table[0].id, "nieuw");
}

#[test]
fn an_assumption_on_a_meeting_date_is_reported_with_the_verdict() {
    let text = format!(
        "{DECLS}\nmotie m \"M\" {{\n vergadering ALV 2018-06-27 aanname \"Het document noemt geen datum.\"\n regel r {{ bron \"zin\" verbied ondertekening van elk akkoord totdat rob }}\n}}"
    );
    let loaded = load(
        &text,
        &facts(r#""rob": { "waarde": false, "sinds": "2018-01-01", "bron": "brief" }"#),
    )
    .expect("loads");
    let a = loaded.world.agreement("b").expect("b");
    let answer = akkoord::answer::answer(
        &loaded.base,
        &loaded.world,
        crate::common::BALV,
        a,
        Action::Signing,
        Default::default(),
    );
    let what: Vec<&str> = answer.assumptions.iter().map(|x| x.what.as_str()).collect();
    assert!(
        what.contains(&"de datum van motie m: ALV 2018-06-27"),
        "{what:?}"
    );
    assert!(answer.plain.contains("rust op"), "{}", answer.plain);
    assert!(
        answer
            .assumptions
            .iter()
            .any(|x| x.reason == "Het document noemt geen datum."
                && x.place.starts_with("test.akk:")),
        "{:?}",
        answer.assumptions
    );
}

#[test]
fn a_fact_value_without_a_source_is_an_assumption_and_with_one_it_is_not() {
    let body = "verbied ondertekening van elk akkoord totdat rob";
    let assumed = |feiten: &str| {
        let loaded = load(&rules(body), &facts(feiten)).expect("loads");
        let answer = akkoord::answer::answer(
            &loaded.base,
            &loaded.world,
            crate::common::BALV,
            0,
            Action::Signing,
            Default::default(),
        );
        answer
            .assumptions
            .iter()
            .filter(|x| x.what.starts_with("rob"))
            .count()
    };
    assert_eq!(assumed(r#""rob": true"#), 1);
    assert_eq!(
        assumed(r#""rob": { "waarde": true, "sinds": "2018-10-10" }"#),
        1
    );
    assert_eq!(
        assumed(
            r#""rob": { "waarde": true, "sinds": "2018-10-10", "bron": "BO 10 oktober 2018" }"#
        ),
        0
    );
    assert_eq!(
        assumed(
            r#""rob": { "waarde": true, "sinds": "2018-10-10", "bron": "BO", "aanname": "Gelezen als volledig." }"#
        ),
        1
    );
}
