//! Dated lifecycles, validity, reservations, signals, timelines and the audit.

use akkoord::ast::Action;
use akkoord::eval::Verdict::{Mag, MagOnderVoorbehoud, Niet, Onbepaald};
use akkoord::eval::{Evaluator, Verdict, audit, timeline};
use akkoord::value::Tri;
use jiff::civil::{Date, date};

use crate::common::{VNG, expect_file, load, root, vng};

const DECLS: &str = r#"
    feit rob: janee "ROB overeengekomen?"
    feit alv: janee "Heeft de ALV ingestemd?"
    feit nagekomen: janee "Afspraken nagekomen?"
"#;

const FACTS_A: &str = r#"{ "akkoorden": { "a": { "naam": "A" } }, "feiten": { FEITEN } }"#;

fn verdict_on(rules: &str, feiten: &str, day: Date) -> Verdict {
    let loaded = load(
        &format!("{DECLS}{rules}"),
        &FACTS_A.replace("FEITEN", feiten),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    Evaluator::new(&loaded.base, &loaded.world, day)
        .decide(0, Action::Signing)
        .verdict
}

const MOTION: &str = r#"motie m "M" { vergadering ALV 2018-06-27
    regel r { bron "z" verbied ondertekening van elk akkoord totdat rob } }"#;

#[test]
fn a_rule_binds_from_its_meeting_date() {
    assert_eq!(
        verdict_on(MOTION, r#""rob": false"#, date(2018, 6, 26)),
        Mag
    );
    assert_eq!(
        verdict_on(MOTION, r#""rob": false"#, date(2018, 6, 27)),
        Niet
    );
}

#[test]
fn a_rejected_motion_never_binds() {
    let rules =
        format!("{MOTION}\nbesluit alv \"ALV\" {{ vergadering ALV 2018-06-27 verworpen m }}");
    assert_eq!(verdict_on(&rules, r#""rob": false"#, date(2018, 7, 1)), Mag);
}

#[test]
fn a_split_vote_can_settle_one_rule_and_hold_the_rest() {
    let rules = r#"motie m "M" { vergadering ALV 2018-06-27
        regel r1 { bron "z" vereis rob voor ondertekening van elk akkoord }
        regel r2 { bron "z" vereis nagekomen voor ondertekening van elk akkoord } }
      besluit balv "B" { vergadering BALV 2018-11-30 afgehandeld m.r1 aangehouden m.r2 }"#;
    assert_eq!(
        verdict_on(
            rules,
            r#""rob": false, "nagekomen": true"#,
            date(2018, 12, 1)
        ),
        Mag
    );
    assert_eq!(
        verdict_on(
            rules,
            r#""rob": true, "nagekomen": false"#,
            date(2018, 12, 1)
        ),
        Niet
    );
}

#[test]
fn a_lift_binds_from_the_lifting_meeting_on() {
    let rules = format!(
        "{MOTION}\nbesluit balv \"B\" {{ vergadering BALV 2018-11-30 hef op m.r bron \"op te heffen\" }}"
    );
    assert_eq!(
        verdict_on(&rules, r#""rob": false"#, date(2018, 11, 29)),
        Niet
    );
    assert_eq!(
        verdict_on(&rules, r#""rob": false"#, date(2018, 11, 30)),
        Mag
    );
}

#[test]
fn geldig_vanaf_and_tot_bound_a_rule() {
    let rules = r#"motie m "M" { vergadering ALV 2018-06-27
        regel r { bron "z" vereis rob voor ondertekening van elk akkoord geldig vanaf 2019-01-01 tot 2020-01-01 } }"#;
    assert_eq!(
        verdict_on(rules, r#""rob": false"#, date(2018, 12, 31)),
        Mag
    );
    assert_eq!(verdict_on(rules, r#""rob": false"#, date(2019, 6, 1)), Niet);
    assert_eq!(verdict_on(rules, r#""rob": false"#, date(2020, 1, 1)), Mag);
}

const RESERVED: &str = r#"motie m "M" { vergadering ALV 2018-02-14
    regel r { bron "z" vereis alv voor ondertekening van elk akkoord onder voorbehoud "instemming door de ALV" }
    regel s { bron "z" vereis rob voor ondertekening van elk akkoord } }"#;

#[test]
fn an_open_reservation_gives_mag_onder_voorbehoud() {
    assert_eq!(
        verdict_on(RESERVED, r#""rob": true"#, date(2018, 3, 1)),
        MagOnderVoorbehoud
    );
}

#[test]
fn a_met_reservation_gives_mag_and_a_refused_one_niet() {
    assert_eq!(
        verdict_on(RESERVED, r#""rob": true, "alv": true"#, date(2018, 3, 1)),
        Mag
    );
    assert_eq!(
        verdict_on(RESERVED, r#""rob": true, "alv": false"#, date(2018, 3, 1)),
        Niet
    );
}

#[test]
fn only_a_marked_requirement_can_be_a_reservation() {
    assert_eq!(verdict_on(RESERVED, "", date(2018, 3, 1)), Onbepaald);
    assert_eq!(
        verdict_on(RESERVED, r#""rob": false"#, date(2018, 3, 1)),
        Niet
    );
}

#[test]
fn signals_are_due_not_due_or_unknown() {
    let rules = r#"resolutie r "R" { vergadering ALV 2024-12-04
        regel p { bron "z" signaal "juridische procedure" wanneer niet nagekomen } }"#;
    let due = |feiten: &str| {
        let loaded = load(
            &format!("{DECLS}{rules}"),
            &FACTS_A.replace("FEITEN", feiten),
        )
        .expect("loads");
        let ev = Evaluator::new(&loaded.base, &loaded.world, date(2025, 6, 1));
        ev.signals().iter().map(|s| s.due).collect::<Vec<_>>()
    };
    assert_eq!(due(r#""nagekomen": false"#), vec![Tri::Yes]);
    assert_eq!(due(r#""nagekomen": true"#), vec![Tri::No]);
    assert_eq!(due(""), vec![Tri::Unknown]);
}

#[test]
fn scenario_on_2018_10_01_the_rob_block_stops_a_financial_deelakkoord_in_the_social_domain() {
    let (_, out, _) = vng(&["check", "buig_raming", "--op", "2018-10-01"]);
    assert!(out.contains("ondertekening   niet"), "{out}");
    assert!(
        out.contains(
            "✗ rob_aanbevelingen_overeengekomen = nee\n        rob_bijstand.blokkade (ALV 2018-06-27)"
        ),
        "{out}"
    );
}

#[test]
fn scenario_in_spring_2019_the_ggz_conditions_are_those_of_the_2019_letter() {
    let (_, out, _) = vng(&["check", "ggz", "--as-of", "2019-06-01"]);
    assert!(
        out.contains("ggz_medeondertekening.middelen_en_monitoring (bestuur 2019-05-08)"),
        "{out}"
    );
    let (_, before, _) = vng(&["check", "ggz", "--op", "2019-05-07"]);
    assert!(!before.contains("ggz_medeondertekening"), "{before}");
}

#[test]
fn scenario_after_the_2024_resolution_talks_on_a_follow_up_iza_are_niet() {
    let (_, before, _) = vng(&[
        "check",
        "iza_vervolg",
        "--handeling",
        "onderhandeling",
        "--op",
        "2024-11-28",
    ]);
    assert!(before.contains("onderhandeling  mag"), "{before}");
    let (_, after, _) = vng(&[
        "check",
        "iza_vervolg",
        "--handeling",
        "onderhandeling",
        "--op",
        "2025-03-01",
    ]);
    assert!(
        after.contains(
            "✗ iza_voorwaarden_voldaan = nee\n        stop_iza.gesprekken (ALV 2024-11-29)"
        ),
        "{after}"
    );
}

#[test]
fn check_on_the_eve_of_the_balv() {
    let (code, out, err) = vng(&["check", "--op", "2018-10-01"]);
    assert_eq!(code, 0, "{err}");
    expect_file("check-2018-10-01.txt", &out);
}

#[test]
fn check_in_2025_lists_the_signals_of_the_2024_resolution() {
    let (code, out, err) = vng(&["check", "--op", "2025-03-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Signalen:\n  onbepaald: juridische procedure tegen de rijksoverheid"),
        "{out}"
    );
    expect_file("check-2025-03-01.txt", &out);
}

#[test]
fn the_extra_alv_signal_lapses_after_spring_2025() {
    let (_, out, _) = vng(&["check", "--op", "2025-07-01"]);
    assert!(!out.contains("Extra ALV"), "{out}");
}

#[test]
fn timeline_ggz_shows_its_history_with_the_events_that_changed_it() {
    let (code, out, err) = vng(&["timeline", "ggz"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2018-06-27 t/m 2018-07-10   onbepaald"),
        "{out}"
    );
    assert!(
        out.contains("door: standpunt ggz_financiele_ruimte aangenomen (bestuur 2018-07-11)"),
        "{out}"
    );
    expect_file("timeline-ggz.txt", &out);
}

#[test]
fn timeline_as_json() {
    let (code, out, err) = vng(&["timeline", "buig_raming", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    expect_file("timeline-buig.json", &out);
}

#[test]
fn timeline_of_the_fund_shows_the_reservation_until_the_alv_decided() {
    let (_, out, _) = vng(&["timeline", "fonds_tekortgemeenten"]);
    assert!(
        out.contains("2018-02-14 t/m 2018-06-26   mag onder voorbehoud"),
        "{out}"
    );
    assert!(out.contains("vanaf 2018-06-27            mag"), "{out}");
}

#[test]
fn audit_of_the_shipped_record_passes() {
    let (code, out, err) = vng(&["audit", "--op", "2025-01-01"]);
    assert_eq!(code, 0, "{err}");
    expect_file("audit.txt", &out);
}

#[test]
fn audit_flags_a_signature_the_rules_did_not_allow_and_exits_1() {
    let (code, out, _) = vng(&["audit", "--facts", "tests/fixtures/ggz-getekend.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "✗ 2019-06-05  Hoofdlijnenakkoord GGZ  ondertekening door bestuur: oordeel die dag niet"
        ),
        "{out}"
    );
    assert!(
        out.contains("ggz_medeondertekening.middelen_en_monitoring (bestuur 2019-05-08)"),
        "{out}"
    );
    assert!(out.contains("4 handelingen, 1 niet in orde"), "{out}");
}

#[test]
fn audit_requires_a_recorded_reservation_for_mag_onder_voorbehoud() {
    let rules = format!("{DECLS}{RESERVED}");
    let facts = r#"{ "akkoorden": { "a": { "naam": "A", "handelingen": [
        { "handeling": "ondertekening", "datum": "2018-03-01", "door": "bestuur" },
        { "handeling": "ondertekening", "datum": "2018-03-02", "voorbehoud": "m.r" } ] } },
        "feiten": { "rob": true } }"#;
    let loaded = load(&rules, facts).expect("loads");
    let allowed: Vec<bool> = audit(&loaded.base, &loaded.world, date(2025, 1, 1))
        .iter()
        .map(|a| a.allowed)
        .collect();
    assert_eq!(allowed, vec![false, true]);
}

#[test]
fn every_shipped_timeline_is_contiguous_and_agrees_with_check_on_its_boundaries() {
    let loaded = akkoord::load::load(&root().join(VNG), None).expect("rules load");
    let (base, world) = (&loaded.base, &loaded.world);
    for a in 0..world.agreements.len() {
        for action in Action::ALL {
            let periods = timeline(base, world, a, action);
            assert_eq!(
                periods.first().and_then(|p| p.from),
                world.agreements[a].since,
                "the first period starts at the beginning, or when the agreement came on the table"
            );
            assert_eq!(
                periods.last().and_then(|p| p.until),
                None,
                "the last period is open"
            );
            for pair in periods.windows(2) {
                let next = pair[1].from.expect("later periods have a start");
                assert_eq!(
                    pair[0].until,
                    next.yesterday().ok(),
                    "periods meet without gap or overlap"
                );
            }
            for p in &periods {
                for day in [p.from, p.until].into_iter().flatten() {
                    let d = Evaluator::new(base, world, day).decide(a, action);
                    assert_eq!(
                        d.verdict, p.decision.verdict,
                        "{} {action:?} on {day}",
                        world.agreements[a].id
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------- deferred votes, rejections

const TWO_RULES: &str = r#"motie m "M" { vergadering ALV 2018-06-27
    regel r1 { bron "z" vereis rob voor ondertekening van elk akkoord }
    regel r2 { bron "z" vereis nagekomen voor ondertekening van elk akkoord } }"#;

#[test]
fn a_deferred_part_does_not_bind_until_a_later_meeting_adopts_it() {
    let rules = format!(
        "{TWO_RULES}\nbesluit alv \"ALV\" {{ vergadering ALV 2018-06-27 stemming uitgesteld m.r2 }}
         besluit alv2 \"ALV\" {{ vergadering ALV 2018-12-12 aangenomen m.r2 }}"
    );
    let facts = r#""rob": true, "nagekomen": false"#;
    assert_eq!(verdict_on(&rules, facts, date(2018, 7, 1)), Mag);
    assert_eq!(verdict_on(&rules, facts, date(2018, 12, 12)), Niet);
}

#[test]
fn a_deferred_part_that_a_later_meeting_rejects_never_binds() {
    let rules = format!(
        "{TWO_RULES}\nbesluit alv \"ALV\" {{ vergadering ALV 2018-06-27 stemming uitgesteld m.r2 }}
         besluit alv2 \"ALV\" {{ vergadering ALV 2018-12-12 verworpen m.r2 }}"
    );
    let facts = r#""rob": true, "nagekomen": false"#;
    assert_eq!(verdict_on(&rules, facts, date(2019, 1, 1)), Mag);
}

/// The whole motion's vote deferred, one rule rejected, the rest adopted later: the rejected
/// rule never binds, whether it was rejected at the motion's meeting, at a meeting between, or
/// on the adoption's day (written before or after the adoption).
#[test]
fn adopting_the_rest_of_a_deferred_motion_does_not_revive_a_rejected_rule() {
    let deferred = "besluit a \"A\" { vergadering ALV 2018-06-27 stemming uitgesteld m }";
    let rejections = [
        "besluit r \"R\" { vergadering ALV 2018-06-27 verworpen m.r2 }",
        "besluit r \"R\" { vergadering ALV 2018-09-01 verworpen m.r2 }",
        "besluit r \"R\" { vergadering ALV 2018-12-12 verworpen m.r2 }",
    ];
    let adoption = "besluit l \"L\" { vergadering ALV 2018-12-12 aangenomen m }";
    let facts = r#""rob": true, "nagekomen": false"#;
    for rejection in rejections {
        for (first, second) in [(rejection, adoption), (adoption, rejection)] {
            let rules = format!("{TWO_RULES}\n{deferred}\n{first}\n{second}");
            for day in [date(2018, 7, 1), date(2018, 12, 12), date(2019, 6, 1)] {
                assert_eq!(
                    verdict_on(&rules, facts, day),
                    Mag,
                    "{first} / {second} on {day}"
                );
            }
            // r1 was adopted with the rest and binds from the adoption on.
            let blocked = r#""rob": false, "nagekomen": true"#;
            assert_eq!(verdict_on(&rules, blocked, date(2018, 12, 11)), Mag);
            assert_eq!(verdict_on(&rules, blocked, date(2018, 12, 12)), Niet);
        }
    }
}

/// A part adopted after its motion's (or its own) deferred vote binds from then, so a later
/// meeting can settle, lift or hold it.
#[test]
fn a_part_adopted_after_a_deferred_vote_can_be_ended_later() {
    let cases = [
        (
            "besluit a \"A\" { vergadering ALV 2018-06-27 stemming uitgesteld m }
             besluit b \"B\" { vergadering ALV 2018-12-12 aangenomen m.r2 }",
            "afgehandeld m.r2",
        ),
        (
            "besluit a \"A\" { vergadering ALV 2018-06-27 stemming uitgesteld m }
             besluit b \"B\" { vergadering ALV 2018-12-12 aangenomen m.r2 }",
            "hef op m.r2 bron \"z\"",
        ),
        (
            "besluit a \"A\" { vergadering ALV 2018-06-27 stemming uitgesteld m stemming uitgesteld m.r2 }
             besluit b \"B\" { vergadering ALV 2018-12-12 aangenomen m }",
            "afgehandeld m.r2",
        ),
    ];
    let facts = r#""rob": true, "nagekomen": false"#;
    for (history, end) in cases {
        let rules = format!(
            "{TWO_RULES}\n{history}\nbesluit c \"C\" {{ vergadering ALV 2019-06-01 {end} }}"
        );
        assert_eq!(
            verdict_on(&rules, facts, date(2018, 12, 1)),
            Mag,
            "{history}"
        );
        assert_eq!(
            verdict_on(&rules, facts, date(2019, 1, 1)),
            Niet,
            "{history}"
        );
        assert_eq!(
            verdict_on(&rules, facts, date(2019, 6, 1)),
            Mag,
            "{history} {end}"
        );
    }
    // What is still waiting cannot be ended: r1 of a motion of which only r2 was adopted.
    let rules = format!(
        "{TWO_RULES}\nbesluit a \"A\" {{ vergadering ALV 2018-06-27 stemming uitgesteld m }}
         besluit b \"B\" {{ vergadering ALV 2018-12-12 aangenomen m.r2 }}
         besluit c \"C\" {{ vergadering ALV 2019-06-01 afgehandeld m.r1 }}"
    );
    let err = load(&format!("{DECLS}{rules}"), &FACTS_A.replace("FEITEN", ""))
        .err()
        .unwrap_or_default();
    assert!(err.contains("`m.r1` bindt nog niet"), "{err}");
}

/// A part withdrawn while its motion's vote waited never binds, also when the rest is adopted
/// later or on the same day (in either order of the files).
#[test]
fn a_part_withdrawn_while_its_vote_waited_is_not_adopted_with_the_rest() {
    let deferred = "besluit a \"A\" { vergadering ALV 2018-06-27 stemming uitgesteld m }";
    let adoption = "besluit l \"L\" { vergadering ALV 2018-12-12 aangenomen m }";
    let facts = r#""rob": true, "nagekomen": false"#;
    for withdrawal in [
        "besluit w \"W\" { vergadering ALV 2018-09-01 ingetrokken m.r2 }",
        "besluit w \"W\" { vergadering ALV 2018-12-12 ingetrokken m.r2 }",
    ] {
        for (first, second) in [(withdrawal, adoption), (adoption, withdrawal)] {
            let rules = format!("{TWO_RULES}\n{deferred}\n{first}\n{second}");
            for day in [date(2018, 12, 12), date(2019, 6, 1)] {
                assert_eq!(
                    verdict_on(&rules, facts, day),
                    Mag,
                    "{first} / {second} on {day}"
                );
            }
        }
    }
    // The explanation says it never bound, not that it stopped binding.
    let rules = format!(
        "{TWO_RULES}\n{deferred}\nbesluit w \"W\" {{ vergadering ALV 2018-09-01 ingetrokken m.r2 }}\n{adoption}"
    );
    let loaded = load(
        &format!("{DECLS}{rules}"),
        &FACTS_A.replace("FEITEN", facts),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let answers = akkoord::answer::explain(
        &loaded.base,
        &loaded.world,
        date(2019, 1, 1),
        0,
        Some(Action::Signing),
        Default::default(),
    );
    let text = akkoord::report::explain_text(&answers);
    let never = "m.r2: ingetrokken op 1 september 2018 (ALV) voordat het was aangenomen: heeft nooit gegolden";
    assert!(text.contains(never), "{text}");
}

/// One part adopted, the rest rejected later or on the same day: the adopted part binds on,
/// and a later meeting can settle it.
#[test]
fn rejecting_the_rest_of_a_motion_leaves_its_adopted_part_binding() {
    let facts = r#""rob": true, "nagekomen": false"#;
    for rejected_on in ["2018-12-12", "2019-03-01"] {
        let rules = format!(
            "{TWO_RULES}\nbesluit a \"A\" {{ vergadering ALV 2018-06-27 stemming uitgesteld m }}
             besluit b \"B\" {{ vergadering ALV 2018-12-12 aangenomen m.r2 }}
             besluit c \"C\" {{ vergadering ALV {rejected_on} verworpen m }}"
        );
        assert_eq!(verdict_on(&rules, facts, date(2018, 12, 1)), Mag);
        assert_eq!(
            verdict_on(&rules, facts, date(2019, 6, 1)),
            Niet,
            "{rejected_on}"
        );
        let settled =
            format!("{rules}\nbesluit d \"D\" {{ vergadering ALV 2019-06-01 afgehandeld m.r2 }}");
        assert_eq!(verdict_on(&settled, facts, date(2019, 5, 31)), Niet);
        assert_eq!(verdict_on(&settled, facts, date(2019, 6, 1)), Mag);
        // r1 was rejected with the rest: it never binds.
        let blocked = r#""rob": false, "nagekomen": true"#;
        assert_eq!(verdict_on(&rules, blocked, date(2019, 6, 1)), Mag);
    }
}

/// The same decisions of one day give the same answer whatever the order of their sources.
#[test]
fn one_days_decisions_are_read_the_same_in_any_order() {
    let deferral = "besluit a \"A\" { vergadering ALV 2018-06-27 stemming uitgesteld m }";
    let lift = "besluit b \"B\" { vergadering ALV 2018-06-27 hef op m.r1 bron \"z\" }";
    for (first, second) in [(deferral, lift), (lift, deferral)] {
        let text = format!("{DECLS}{TWO_RULES}\n{first}\n{second}");
        let err = load(&text, &FACTS_A.replace("FEITEN", ""))
            .err()
            .unwrap_or_default();
        assert!(
            err.contains("`m.r1` bindt nog niet"),
            "{first} / {second}:\n{err}"
        );
    }
}

/// A whole source can be settled once every part of it has had its vote, not while one waits;
/// the meeting that adopts a deferred motion may also lift a part of it.
#[test]
fn a_whole_source_is_ended_only_when_no_part_of_it_waits() {
    let deferred = "besluit a \"A\" { vergadering ALV 2018-06-27 stemming uitgesteld m }";
    let facts = r#""rob": true, "nagekomen": false"#;
    // Both parts adopted one by one, then the motion settled.
    let rules = format!(
        "{TWO_RULES}\n{deferred}
         besluit b \"B\" {{ vergadering ALV 2018-12-12 aangenomen m.r1 aangenomen m.r2 }}
         besluit c \"C\" {{ vergadering ALV 2019-06-01 afgehandeld m }}"
    );
    assert_eq!(verdict_on(&rules, facts, date(2019, 1, 1)), Niet);
    assert_eq!(verdict_on(&rules, facts, date(2019, 6, 1)), Mag);
    // One part adopted, the other still waiting: the motion cannot be settled.
    let rules = format!(
        "{TWO_RULES}\n{deferred}
         besluit b \"B\" {{ vergadering ALV 2018-12-12 aangenomen m.r1 }}
         besluit c \"C\" {{ vergadering ALV 2019-06-01 afgehandeld m }}"
    );
    let err = load(&format!("{DECLS}{rules}"), &FACTS_A.replace("FEITEN", ""))
        .err()
        .unwrap_or_default();
    assert!(err.contains("`m` bindt nog niet"), "{err}");
    // Adopted and, the same day, one part lifted (in either order): that part never binds.
    let adopt = "besluit b \"B\" { vergadering ALV 2018-12-12 aangenomen m }";
    let lift = "besluit c \"C\" { vergadering ALV 2018-12-12 hef op m.r2 bron \"z\" }";
    for (first, second) in [(adopt, lift), (lift, adopt)] {
        let rules = format!("{TWO_RULES}\n{deferred}\n{first}\n{second}");
        assert_eq!(
            verdict_on(&rules, facts, date(2019, 1, 1)),
            Mag,
            "{first} / {second}"
        );
        let blocked = r#""rob": false, "nagekomen": true"#;
        assert_eq!(verdict_on(&rules, blocked, date(2019, 1, 1)), Niet);
    }
}

/// An agreement named twice in a selector is one finding, not two.
#[test]
fn an_agreement_named_twice_is_selected_once() {
    let rules = r#"motie m "M" { vergadering ALV 2018-06-27
        regel r { bron "z" vereis rob voor ondertekening van akkoord a, a } }"#;
    let loaded = load(
        &format!("{DECLS}{rules}"),
        &FACTS_A.replace("FEITEN", r#""rob": true"#),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let decision =
        Evaluator::new(&loaded.base, &loaded.world, date(2019, 1, 1)).decide(0, Action::Signing);
    assert_eq!(decision.findings.len(), 1);
}

#[test]
fn impossible_vote_histories_are_checker_errors() {
    let cases = [
        (
            "besluit b \"B\" { vergadering ALV 2018-11-30 verworpen m }",
            "kan niet op 2018-11-30 worden verworpen: het is aangenomen op 2018-06-27",
        ),
        (
            "besluit b \"B\" { vergadering ALV 2018-11-30 stemming uitgesteld m.r1 }",
            "kan alleen worden uitgesteld op de eigen vergadering (2018-06-27)",
        ),
        (
            "besluit b \"B\" { vergadering ALV 2018-11-30 aangenomen m.r1 }",
            "kan niet later worden aangenomen: de stemming erover is niet uitgesteld",
        ),
        (
            "besluit b \"B\" { vergadering ALV 2018-06-27 stemming uitgesteld m.r1 }
             besluit c \"C\" { vergadering ALV 2018-11-30 afgehandeld m.r1 }",
            "bindt nog niet (stemming uitgesteld op 2018-06-27) en kan dus niet afgehandeld worden",
        ),
    ];
    for (decision, expected) in cases {
        let text = format!("{DECLS}{TWO_RULES}\n{decision}");
        let err = load(&text, &FACTS_A.replace("FEITEN", ""))
            .err()
            .unwrap_or_default();
        assert!(err.contains(expected), "{decision}:\n{err}");
    }
}

#[test]
fn a_rejected_motion_is_reported_as_never_having_bound() {
    let rules = format!(
        "{DECLS}{MOTION}\nbesluit alv \"ALV\" {{ vergadering ALV 2018-06-27 verworpen m }}"
    );
    let loaded = load(&rules, &FACTS_A.replace("FEITEN", r#""rob": false"#)).expect("loads");
    let answer = akkoord::answer::answer(
        &loaded.base,
        &loaded.world,
        date(2018, 7, 1),
        0,
        Action::Signing,
        Default::default(),
    );
    assert_eq!(answer.verdict, Mag);
    let inactive = &answer.not_in_force[0];
    assert_eq!(inactive.why, "verworpen");
    assert_eq!(
        inactive.text,
        "verworpen (ALV 27 juni 2018): heeft nooit gegolden"
    );
    let t = akkoord::answer::timeline(&loaded.base, &loaded.world, 0, Action::Signing);
    let all: Vec<&str> = t
        .periods
        .iter()
        .flat_map(|p| p.opened_by.iter().map(|h| h.text.as_str()))
        .collect();
    assert!(!all.iter().any(|h| h.contains("aangenomen")), "{all:?}");
}

#[test]
fn a_status_on_one_rule_is_shown_under_that_rule_only() {
    let rules = format!(
        "{DECLS}{TWO_RULES}\nbesluit balv \"B\" {{ vergadering BALV 2018-11-30 aangehouden m.r2 }}"
    );
    let loaded = load(
        &rules,
        &FACTS_A.replace("FEITEN", r#""rob": false, "nagekomen": false"#),
    )
    .expect("loads");
    let answer = akkoord::answer::answer(
        &loaded.base,
        &loaded.world,
        date(2018, 12, 1),
        0,
        Action::Signing,
        Default::default(),
    );
    let status = |id: &str| {
        answer
            .rules
            .iter()
            .find(|r| r.rule.id == id)
            .map(|r| r.rule.source.status.clone())
            .unwrap_or_default()
    };
    assert!(status("m.r1").is_empty(), "{:?}", status("m.r1"));
    assert_eq!(
        status("m.r2"),
        vec!["aangehouden op 30 november 2018 (BALV): blijft gelden".to_string()]
    );
}

// ---------------------------------------------------------------- reservations after the action

const FOLLOWED: &str = r#"motie m "M" { vergadering ALV 2018-02-14
    regel r { bron "z" vereis alv voor ondertekening van elk akkoord onder voorbehoud "instemming door de ALV" } }"#;

fn followed(alv: &str, day: Date) -> akkoord::answer::AuditAnswer {
    let facts = format!(
        r#"{{ "akkoorden": {{ "a": {{ "naam": "A", "handelingen": [
            {{ "handeling": "ondertekening", "datum": "2018-03-01", "voorbehoud": "m.r" }} ] }} }},
            "feiten": {{ {alv} }} }}"#
    );
    let loaded = load(&format!("{DECLS}{FOLLOWED}"), &facts).expect("loads");
    akkoord::answer::audit(&loaded.base, &loaded.world, day)
}

#[test]
fn a_reservation_is_followed_after_the_action() {
    let open = followed("", date(2018, 5, 1));
    assert_eq!(open.records[0].reservations[0].state, "open");
    assert_eq!(open.not_in_order, 0);
    let met = followed(
        r#""alv": [{"waarde": true, "sinds": "2018-06-27", "bron": "ALV"}]"#,
        date(2018, 7, 1),
    );
    let r = &met.records[0].reservations[0];
    assert_eq!(
        (r.state.as_str(), r.since.as_deref()),
        ("vervuld", Some("2018-06-27"))
    );
    let failed = followed(
        r#""alv": [{"waarde": false, "sinds": "2018-06-27", "bron": "ALV"}]"#,
        date(2018, 7, 1),
    );
    let r = &failed.records[0].reservations[0];
    assert_eq!(
        (r.state.as_str(), r.since.as_deref()),
        ("vervallen", Some("2018-06-27"))
    );
    assert_eq!(failed.not_in_order, 1);
    assert!(r.text.starts_with("Vervallen voorbehoud:"), "{}", r.text);
}

#[test]
fn a_failed_reservation_makes_audit_exit_1_and_check_shows_it() {
    let dir = crate::common::folder(
        "vervallen",
        &[
            ("regels.akk", &format!("{DECLS}{FOLLOWED}")),
            ("bronnen/d.txt", "z"),
            (
                "feiten.json",
                r#"{ "akkoorden": { "a": { "naam": "A", "handelingen": [
                    { "handeling": "ondertekening", "datum": "2018-03-01", "voorbehoud": "m.r" } ] } },
                    "feiten": { "alv": [{"waarde": false, "sinds": "2018-06-27", "bron": "ALV 27 juni 2018"}] } }"#,
            ),
        ],
    );
    let rules = dir.to_str().expect("path");
    let (code, out, _) = crate::common::akkoord(&["audit", "--rules", rules, "--op", "2018-07-01"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("✗ Vervallen voorbehoud: “instemming door de ALV”"),
        "{out}"
    );
    let (code, out, _) = crate::common::akkoord(&["check", "--rules", rules, "--op", "2018-07-01"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Vervallen voorbehouden:\n  ✗ Vervallen voorbehoud"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_recorded_reservation_must_name_a_rule_that_makes_one() {
    let facts = r#"{ "akkoorden": { "a": { "naam": "A", "handelingen": [
        { "handeling": "ondertekening", "datum": "2018-03-01", "voorbehoud": "iets anders" } ] } } }"#;
    let err = load(&format!("{DECLS}{FOLLOWED}"), facts)
        .err()
        .unwrap_or_default();
    assert!(
        err.contains("een voorbehoud noemt de regel die het stelt"),
        "{err}"
    );
    assert!(
        err.contains("`m.r` (\"instemming door de ALV\")"),
        "the open ones are listed: {err}"
    );
}

// ---------------------------------------------------------------- what-if

#[test]
fn what_if_layers_only_the_facts_it_names_and_stel_sets_one() {
    let dir = crate::common::folder(
        "wat-als",
        &[(
            "wat-als.json",
            r#"{ "feiten": { "monitoringsafspraken_ggz": true } }"#,
        )],
    );
    let file = dir.join("wat-als.json");
    let (_, base, _) = vng(&["check", "ggz", "--op", "2019-06-01"]);
    assert!(base.contains("ondertekening   niet"), "{base}");
    let (code, out, err) = vng(&[
        "check",
        "ggz",
        "--op",
        "2019-06-01",
        "--wat-als",
        file.to_str().expect("path"),
        "--stel",
        "structurele_middelen_ambulantisering_toegezegd=ja",
        "--stel",
        "financiele_ruimte_voldoende(ggz) = ja",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ondertekening   mag"), "{out}");
    let (code, _, err) = vng(&["check", "--stel", "monitoringsafspraken_ggz=3"]);
    assert_eq!(code, 2);
    assert!(err.contains("`3` is geen `janee`"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_meetings_consent_recorded_on_its_source_is_audited() {
    let rules = format!(
        "{DECLS}{MOTION}\nbesluit alv \"ALV\" {{ vergadering ALV 2018-07-01 stemming voor 87% tegen 13% instemming met akkoord a }}"
    );
    let loaded = load(&rules, &FACTS_A.replace("FEITEN", r#""rob": true"#)).expect("loads");
    let audit = akkoord::answer::audit(&loaded.base, &loaded.world, date(2019, 1, 1));
    let r = &audit.records[0];
    assert_eq!(
        (r.action, r.date.as_str(), r.by.as_deref()),
        (Action::Consent, "2018-07-01", Some("ALV"))
    );
    assert!(r.in_order);
}
