//! Laws the engine must obey, checked on generated input.

use akkoord::ast::{Action, Arg, CmpOp, Expr, ExprKind, Literal, SetItem};
use akkoord::eval::{Evaluator, Verdict};
use akkoord::parse::{parse_expr, parse_file};
use akkoord::report::check_text;
use akkoord::span::{FileId, Span, Spanned};
use akkoord::value::Amount;
use proptest::prelude::*;

use crate::common::{BALV, load};

// ---------------------------------------------------------------- the parser

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_parser_never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = parse_file(FileId(0), &text);
    }

    #[test]
    fn the_parser_never_panics_on_damaged_rule_files(cut in 0usize..2000, junk in "[{}()\"€=<>a-z0-9 \n.,]{0,6}") {
        let text = std::fs::read_to_string(crate::common::root().join(crate::common::VNG).join("2018-11-30-balv.akk")).expect("rules");
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let damaged = format!("{}{junk}{}", &text[..at], &text[at..].get(junk.len()..).unwrap_or(""));
        let _ = parse_file(FileId(0), &damaged);
    }
}

fn ident(name: &str) -> Spanned<String> {
    Spanned::new(name.to_string(), Span::default())
}

fn expr(kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: Span::default(),
    }
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        any::<bool>().prop_map(Literal::Bool),
        (-1000i64..1000).prop_map(Literal::Number),
        (0i64..1_000_000_000_000).prop_map(|c| Literal::Amount(Amount(c))),
        (1900i16..2100, 1i8..=12, 1i8..=28)
            .prop_map(|(y, m, d)| Literal::Date(jiff::civil::date(y, m, d))),
        "[a-z \"\\\\€]{0,8}".prop_map(Literal::Text),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["rob", "ruimte", "soort", "x_1", "energie", "ingang"])
        .prop_map(str::to_string)
}

fn arb_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        literal().prop_map(|l| expr(ExprKind::Lit(l))),
        name().prop_map(|n| expr(ExprKind::Name(n))),
        (name(), prop::option::of(name())).prop_map(|(n, a)| {
            let arg = a.map_or(Arg::This, |a| Arg::Agreement(ident(&a)));
            expr(ExprKind::Call(ident(&n), arg))
        }),
        prop::option::of("[a-z ?\"\\\\]{0,8}").prop_map(|note| expr(ExprKind::Hole(note))),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        let op = prop::sample::select(CmpOp::ALL.to_vec());
        let item = prop_oneof![
            literal().prop_map(SetItem::Lit),
            name().prop_map(SetItem::Symbol)
        ]
        .prop_map(|i| Spanned::new(i, Span::default()));
        prop_oneof![
            inner.clone().prop_map(|e| expr(ExprKind::Not(Box::new(e)))),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| expr(ExprKind::And(Box::new(a), Box::new(b)))),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| expr(ExprKind::Or(Box::new(a), Box::new(b)))),
            (op, inner.clone(), inner.clone()).prop_map(|(o, a, b)| expr(ExprKind::Cmp(
                o,
                Box::new(a),
                Box::new(b)
            ))),
            (inner, prop::collection::vec(item, 1..4))
                .prop_map(|(a, items)| expr(ExprKind::In(Box::new(a), items))),
        ]
    })
}

proptest! {
    #[test]
    fn printing_then_parsing_an_expression_gives_it_back(e in arb_expr()) {
        let printed = e.to_string();
        let parsed = parse_expr(FileId(0), &printed);
        prop_assert_eq!(parsed.as_ref().ok(), Some(&e), "printed as {}", printed);
    }
}

// ---------------------------------------------------------------- evaluation

/// A generated condition over a small vocabulary of facts and attributes.
#[derive(Clone, Debug)]
enum G {
    Fact(usize),
    PerAgreement,
    Attr,
    Choice(bool),
    Num(usize, CmpOp, i64),
    Lit(bool),
    Not(Box<G>),
    And(Box<G>, Box<G>),
    Or(Box<G>, Box<G>),
}

fn arb_g() -> impl Strategy<Value = G> {
    let op = prop::sample::select(CmpOp::ALL.to_vec());
    let leaf = prop_oneof![
        (0usize..4).prop_map(G::Fact),
        Just(G::PerAgreement),
        Just(G::Attr),
        any::<bool>().prop_map(G::Choice),
        (0usize..2, op, -2i64..3).prop_map(|(i, o, k)| G::Num(i, o, k)),
        any::<bool>().prop_map(G::Lit),
    ];
    leaf.prop_recursive(4, 20, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|g| G::Not(Box::new(g))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| G::And(Box::new(a), Box::new(b))),
            (inner.clone(), inner).prop_map(|(a, b)| G::Or(Box::new(a), Box::new(b))),
        ]
    })
}

impl G {
    fn text(&self) -> String {
        match self {
            G::Fact(i) => format!("b{i}"),
            G::PerAgreement => "p(akkoord)".into(),
            G::Attr => "k".into(),
            G::Choice(x) => format!("s = {}", if *x { "x" } else { "y" }),
            G::Num(i, op, k) => format!("n{i} {op} {k}"),
            G::Lit(b) => (if *b { "ja" } else { "nee" }).into(),
            G::Not(g) => format!("niet ({})", g.text()),
            G::And(a, b) => format!("({}) en ({})", a.text(), b.text()),
            G::Or(a, b) => format!("({}) of ({})", a.text(), b.text()),
        }
    }

    /// The plain reference: Kleene logic written out, straight on the generated tree.
    fn eval(&self, w: &W, a: usize) -> Option<bool> {
        match self {
            G::Fact(i) => w.b[*i],
            G::PerAgreement => w.p[a],
            G::Attr => w.k[a],
            G::Choice(x) => w.s[a].map(|s| s == *x),
            G::Num(i, op, k) => w.n[*i].map(|n| op.holds(n.cmp(k))),
            G::Lit(b) => Some(*b),
            G::Not(g) => g.eval(w, a).map(|b| !b),
            G::And(x, y) => match (x.eval(w, a), y.eval(w, a)) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            },
            G::Or(x, y) => match (x.eval(w, a), y.eval(w, a)) {
                (Some(true), _) | (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            },
        }
    }
}

/// A generated world: `None` is unknown.
#[derive(Clone, Debug)]
struct W {
    b: [Option<bool>; 4],
    n: [Option<i64>; 2],
    p: [Option<bool>; 2],
    k: [Option<bool>; 2],
    s: [Option<bool>; 2],
}

fn arb_w() -> impl Strategy<Value = W> {
    let ob = || prop::option::of(any::<bool>());
    (
        [ob(), ob(), ob(), ob()],
        [prop::option::of(-2i64..3), prop::option::of(-2i64..3)],
        [ob(), ob()],
        [ob(), ob()],
        [ob(), ob()],
    )
        .prop_map(|(b, n, p, k, s)| W { b, n, p, k, s })
}

impl W {
    /// Fills every unknown of `self` from `other`.
    fn completed_by(&self, other: &W) -> W {
        let fill = |a: &[Option<bool>], b: &[Option<bool>]| -> Vec<Option<bool>> {
            a.iter().zip(b).map(|(x, y)| x.or(*y)).collect()
        };
        let b = fill(&self.b, &other.b);
        let p = fill(&self.p, &other.p);
        let k = fill(&self.k, &other.k);
        let s = fill(&self.s, &other.s);
        W {
            b: [b[0], b[1], b[2], b[3]],
            n: [self.n[0].or(other.n[0]), self.n[1].or(other.n[1])],
            p: [p[0], p[1]],
            k: [k[0], k[1]],
            s: [s[0], s[1]],
        }
    }

    fn json(&self) -> String {
        let b = |v: Option<bool>| v.map_or("null".to_string(), |b| b.to_string());
        let n = |v: Option<i64>| v.map_or("null".to_string(), |n| n.to_string());
        let s = |v: Option<bool>| {
            v.map_or("null".to_string(), |x| {
                format!("\"{}\"", if x { "x" } else { "y" })
            })
        };
        format!(
            r#"{{ "akkoorden": {{
                  "a0": {{ "naam": "A0", "k": {}, "s": {} }},
                  "a1": {{ "naam": "A1", "k": {}, "s": {} }} }},
                "feiten": {{ "b0": {}, "b1": {}, "b2": {}, "b3": {}, "n0": {}, "n1": {},
                             "p": {{ "a0": {}, "a1": {} }} }} }}"#,
            b(self.k[0]),
            s(self.s[0]),
            b(self.k[1]),
            s(self.s[1]),
            b(self.b[0]),
            b(self.b[1]),
            b(self.b[2]),
            b(self.b[3]),
            n(self.n[0]),
            n(self.n[1]),
            b(self.p[0]),
            b(self.p[1]),
        )
    }
}

/// Rules: (optional selector, condition) pairs, all about signing.
fn rules_text(rules: &[(Option<G>, G)]) -> String {
    let mut text = String::from(
        "keuze c { x, y }\nkenmerk k: janee \"k?\"\nkenmerk s: c \"s?\"\n\
         feit b0: janee \"?\"\nfeit b1: janee \"?\"\nfeit b2: janee \"?\"\nfeit b3: janee \"?\"\n\
         feit n0: getal \"?\"\nfeit n1: getal \"?\"\nfeit p(akkoord): janee \"?\"\n\
         motie m \"M\" {\n vergadering ALV 2018-01-01\n",
    );
    for (i, (sel, cond)) in rules.iter().enumerate() {
        let sel = sel.as_ref().map_or("elk akkoord".to_string(), |g| {
            format!("akkoord waar {}", g.text())
        });
        text.push_str(&format!(
            " regel r{i} {{ bron \"z\" vereis {} voor ondertekening van {sel} }}\n",
            cond.text()
        ));
    }
    text.push('}');
    text
}

fn reference(rules: &[(Option<G>, G)], w: &W, a: usize) -> Verdict {
    let mut all = Some(true);
    for (sel, cond) in rules {
        let applies = sel.as_ref().map_or(Some(true), |g| g.eval(w, a));
        let value = match (applies, cond.eval(w, a)) {
            (Some(false), _) | (_, Some(true)) => Some(true),
            (Some(true), Some(false)) => Some(false),
            _ => None,
        };
        all = match (all, value) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        };
    }
    match all {
        Some(true) => Verdict::Mag,
        Some(false) => Verdict::Niet,
        None => Verdict::Onbepaald,
    }
}

fn engine(rules: &[(Option<G>, G)], w: &W) -> [Verdict; 2] {
    let loaded = load(&rules_text(rules), &w.json())
        .unwrap_or_else(|e| panic!("generated rules do not load:\n{e}"));
    let ev = Evaluator::new(&loaded.base, &loaded.world, BALV);
    [0, 1].map(|a| {
        let verdict = ev.decide(a, Action::Signing).verdict;
        assert_eq!(
            ev.verdict(a, Action::Signing),
            verdict,
            "the verdict-only path agrees with decide"
        );
        verdict
    })
}

fn arb_rules() -> impl Strategy<Value = Vec<(Option<G>, G)>> {
    prop::collection::vec((prop::option::of(arb_g()), arb_g()), 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_compiled_evaluator_agrees_with_the_reference(rules in arb_rules(), w in arb_w()) {
        let got = engine(&rules, &w);
        prop_assert_eq!(got, [reference(&rules, &w, 0), reference(&rules, &w, 1)]);
    }

    #[test]
    fn a_definite_verdict_never_changes_when_unknown_facts_become_known(
        rules in arb_rules(), w in arb_w(), fill in arb_w(),
    ) {
        let before = engine(&rules, &w);
        let after = engine(&rules, &w.completed_by(&fill));
        for a in 0..2 {
            if before[a].is_definite() {
                prop_assert_eq!(before[a], after[a], "agreement a{}", a);
            }
        }
    }

    #[test]
    fn evaluation_and_rendering_are_deterministic(rules in arb_rules(), w in arb_w()) {
        let render = || {
            let loaded = load(&rules_text(&rules), &w.json()).expect("loads");
            let o = akkoord::answer::overview(&loaded.base, &loaded.world, BALV, &[], None, Default::default());
            check_text(&o) + &akkoord::report::json(&o)
        };
        prop_assert_eq!(render(), render());
    }
}

// ---------------------------------------------------------------- history

impl W {
    /// The facts file with every value of `self` undated and the values of `later` from `day` on.
    fn json_until(&self, later: &W, day: &str) -> String {
        let early: serde_json::Value = serde_json::from_str(&self.json()).expect("json");
        let late: serde_json::Value = serde_json::from_str(&later.json()).expect("json");
        let mut out = early.clone();
        let dated = |a: &serde_json::Value, b: &serde_json::Value| serde_json::json!([{ "waarde": a }, { "waarde": b, "sinds": day }]);
        for (name, value) in early["feiten"].as_object().expect("facts").clone() {
            out["feiten"][&name] = match value.as_object() {
                Some(per) => per
                    .keys()
                    .map(|k| (k.clone(), dated(&value[k], &late["feiten"][&name][k])))
                    .collect(),
                None => dated(&value, &late["feiten"][&name]),
            };
        }
        out.to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_verdict_depends_only_on_what_is_dated_on_or_before_its_day(
        rules in arb_rules(), extra in (prop::option::of(arb_g()), arb_g()), w in arb_w(), later in arb_w(),
    ) {
        let day = BALV;
        let before = engine(&rules, &w);
        // Later: a decision lifting the first rule, a new motion, and new values for every fact.
        let mut text = rules_text(&rules);
        let sel = extra.0.as_ref().map_or("elk akkoord".to_string(), |g| format!("akkoord waar {}", g.text()));
        text.push_str(&format!(
            "\nbesluit later \"L\" {{ vergadering ALV 2018-12-01 hef op m.r0 bron \"op te heffen\" }}\n\
             motie nieuw \"N\" {{ vergadering ALV 2018-12-01 regel x {{ bron \"z\" vereis {} voor ondertekening van {sel} }} }}",
            extra.1.text()
        ));
        let loaded = load(&text, &w.json_until(&later, "2018-12-01")).unwrap_or_else(|e| panic!("{e}"));
        let ev = Evaluator::new(&loaded.base, &loaded.world, day);
        let after = [0, 1].map(|a| ev.decide(a, Action::Signing).verdict);
        prop_assert_eq!(before, after);
    }

    #[test]
    fn each_timeline_period_agrees_with_check_on_any_day_inside_it(offset in 0i32..4000, a in 0usize..8) {
        let loaded = akkoord::load::load(&crate::common::root().join(crate::common::VNG), None).expect("rules load");
        let (base, world) = (&loaded.base, &loaded.world);
        let day = jiff::civil::date(2016, 1, 1).checked_add(jiff::Span::new().days(offset)).expect("date");
        let a = a % world.agreements.len();
        for action in Action::ALL {
            let periods = akkoord::eval::timeline(base, world, a, action);
            let inside: Vec<_> = periods
                .iter()
                .filter(|p| p.from.is_none_or(|f| f <= day) && p.until.is_none_or(|u| day <= u))
                .collect();
            if !world.on_table(a, day) {
                prop_assert!(inside.is_empty(), "no period before the agreement is on the table");
                continue;
            }
            prop_assert_eq!(inside.len(), 1, "exactly one period holds {}", day);
            let verdict = Evaluator::new(base, world, day).decide(a, action).verdict;
            prop_assert_eq!(inside[0].decision.verdict, verdict);
        }
    }
}

// ---------------------------------------------------------------- unblock

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_unblock_plan_gives_mag_and_no_part_of_it_does(rules in arb_rules(), w in arb_w()) {
        let loaded = load(&rules_text(&rules), &w.json()).unwrap_or_else(|e| panic!("{e}"));
        let (base, world) = (&loaded.base, &loaded.world);
        for a in 0..2 {
            let result = akkoord::unblock::unblock(base, world, BALV, a, Action::Signing, &[], akkoord::unblock::Limits::all());
            let apply = |changes: &[&akkoord::unblock::Change]| {
                let set: akkoord::eval::Changes = changes.iter().map(|c| (c.slot, Some(c.to.clone()))).collect();
                Evaluator::with_changes(base, world, BALV, &set).decide(a, Action::Signing).verdict
            };
            for (i, plan) in result.plans.iter().enumerate() {
                let all: Vec<_> = plan.iter().collect();
                prop_assert_eq!(apply(&all), Verdict::Mag, "plan {} gives mag", i);
                for mask in 0u32..(1 << plan.len()) - 1 {
                    let part: Vec<_> = plan.iter().enumerate().filter(|(j, _)| mask & (1 << j) != 0).map(|(_, c)| c).collect();
                    prop_assert_ne!(apply(&part), Verdict::Mag, "a proper part of plan {} already gives mag", i);
                }
                for (j, other) in result.plans.iter().enumerate() {
                    let contained = other.iter().all(|c| plan.iter().any(|p| p.slot == c.slot && p.to == c.to));
                    prop_assert!(i == j || !contained, "plan {} contains plan {}", i, j);
                }
            }
        }
    }
}
