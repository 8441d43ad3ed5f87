//! Rule files for the formatter's laws: every kind of item and statement, keywords in Dutch
//! or English at random (a file may mix them), conditions grouped any way the grammar reads
//! them, with parentheses needed and not, and spaces, line breaks, empty lines and comments of
//! both kinds in the gaps between words.

use proptest::prelude::*;

/// Dutch or English spelling of a keyword, as the generator picks.
fn kw(english: bool, nl: &str, en: &str) -> String {
    (if english { en } else { nl }).to_string()
}

fn ident() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a", "rob", "ruimte_x", "ggz", "k2", "energie", "ingang", "nietig",
    ])
    .prop_map(str::to_string)
}

fn text() -> impl Strategy<Value = String> {
    "[a-z €/*\n]{0,12}(\\\\\"[a-z]{0,3})?".prop_map(|t| format!("\"{t}\""))
}

fn literal() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ja".to_string()),
        Just("false".to_string()),
        (-99i64..99).prop_map(|n| n.to_string()),
        Just("2018-11-30".to_string()),
        Just("€ 1,5 mld".to_string()),
        Just("EUR 100".to_string()),
        text(),
    ]
}

/// A condition as words: any grouping the grammar reads, with parentheses here and there.
fn condition() -> impl Strategy<Value = Vec<String>> {
    let leaf = prop_oneof![
        ident().prop_map(|i| vec![i]),
        literal().prop_map(|l| vec![l]),
        (ident(), prop::option::of(ident()), any::<bool>()).prop_map(|(f, a, en)| {
            let arg = a.unwrap_or_else(|| kw(en, "akkoord", "agreement"));
            vec![f, "(".into(), arg, ")".into()]
        }),
    ];
    leaf.prop_recursive(4, 20, 3, |inner| {
        let op = prop::sample::select(vec![
            "en", "and", "of", "or", "=", "!=", "≠", "<", "<=", "≤", ">", ">=", "≥",
        ]);
        prop_oneof![
            1 => (inner.clone(), any::<bool>())
                .prop_map(|(e, en)| [vec![kw(en, "niet", "not")], e].concat()),
            2 => (inner.clone(), op.clone(), inner.clone())
                .prop_map(|(a, op, b)| [a, vec![op.to_string()], b].concat()),
            // parentheses around an operation: needed or not, depending on what is around them
            2 => (inner.clone(), op, inner.clone()).prop_map(|(a, op, b)| {
                [vec!["(".to_string()], a, vec![op.to_string()], b, vec![")".to_string()]].concat()
            }),
            1 => inner
                .clone()
                .prop_map(|e| [vec!["(".to_string()], e, vec![")".to_string()]].concat()),
            1 => (
                ident(),
                prop::collection::vec(prop_oneof![ident(), literal()], 1..4),
                any::<bool>()
            )
                .prop_map(|(x, items, comma)| {
                    let mut out = vec![x, "in".into(), "{".into()];
                    for (i, item) in items.into_iter().enumerate() {
                        if i > 0 {
                            out.push(",".into());
                        }
                        out.push(item);
                    }
                    if comma {
                        out.push(",".into());
                    }
                    out.push("}".into());
                    out
                }),
        ]
    })
}

fn action(en: bool) -> impl Strategy<Value = String> {
    prop::sample::select(if en {
        vec!["signing", "consent", "execution", "negotiation"]
    } else {
        vec![
            "ondertekening",
            "instemming",
            "uitvoering",
            "onderhandeling",
        ]
    })
    .prop_map(str::to_string)
}

fn prep(en: bool) -> impl Strategy<Value = String> {
    prop::sample::select(if en {
        vec!["of", "with", "on", "to"]
    } else {
        vec!["van", "met", "over", "aan"]
    })
    .prop_map(str::to_string)
}

fn selector() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        any::<bool>().prop_map(|en| vec![kw(en, "elk", "every"), kw(en, "akkoord", "agreement")]),
        (condition(), any::<bool>()).prop_map(|(c, en)| [
            vec![kw(en, "akkoord", "agreement"), kw(en, "waar", "where")],
            c
        ]
        .concat()),
        (prop::collection::vec(ident(), 1..3), any::<bool>()).prop_map(|(ids, en)| {
            let mut out = vec![kw(en, "akkoord", "agreement")];
            for (i, id) in ids.into_iter().enumerate() {
                if i > 0 {
                    out.push(",".into());
                }
                out.push(id);
            }
            out
        }),
    ]
}

fn rule() -> impl Strategy<Value = Vec<String>> {
    let en = any::<bool>();
    (
        en,
        ident(),
        text(),
        condition(),
        selector(),
        0..3usize,
        prop::option::of(text()),
        any::<bool>(),
    )
        .prop_flat_map(|(en, id, quote, cond, sel, kind, reservation, valid)| {
            (action(en), action(en), prep(en)).prop_map(move |(a1, a2, p)| {
                let mut out = vec![
                    kw(en, "regel", "rule"),
                    id.clone(),
                    "{".into(),
                    kw(en, "bron", "source"),
                    quote.clone(),
                ];
                let actions = vec![a1, ",".into(), a2.clone(), kw(en, "en", "and"), a2];
                match kind {
                    0 => out.extend(
                        [
                            vec![kw(en, "verbied", "forbid")],
                            actions,
                            vec![p],
                            sel.clone(),
                            vec![kw(en, "totdat", "until")],
                            cond.clone(),
                        ]
                        .concat(),
                    ),
                    1 => out.extend(
                        [
                            vec![kw(en, "vereis", "require")],
                            cond.clone(),
                            vec![kw(en, "voor", "for")],
                            actions,
                            vec![p],
                            sel.clone(),
                        ]
                        .concat(),
                    ),
                    _ => out.extend(
                        [
                            vec![
                                kw(en, "signaal", "signal"),
                                quote.clone(),
                                kw(en, "wanneer", "when"),
                            ],
                            cond.clone(),
                        ]
                        .concat(),
                    ),
                }
                if let Some(r) = &reservation {
                    out.extend([kw(en, "onder voorbehoud", "under reservation"), r.clone()]);
                }
                if valid {
                    out.extend([
                        kw(en, "geldig", "valid"),
                        kw(en, "vanaf", "from"),
                        "2020-01-01".into(),
                        kw(en, "tot", "to"),
                        "2021-01-01".into(),
                    ]);
                }
                out.push("}".into());
                out
            })
        })
}

fn source() -> impl Strategy<Value = Vec<String>> {
    let status = prop::sample::select(vec![
        "afgehandeld",
        "aangehouden",
        "ingetrokken",
        "verworpen",
        "stemming \t uitgesteld",
        "aangenomen",
        "settled",
        "held",
        "withdrawn",
        "rejected",
        "vote deferred",
        "adopted",
    ]);
    (
        any::<bool>(),
        ident(),
        text(),
        prop::option::of(text()),
        prop::collection::vec(rule(), 0..3),
        (ident(), ident()),
        status,
    )
        .prop_map(|(en, id, title, assumption, rules, (t1, t2), status)| {
            let mut out = vec![
                kw(en, "motie", "motion"),
                id,
                title,
                "{".into(),
                kw(en, "vergadering", "meeting"),
                "ALV".into(),
                "2018-06-27".into(),
            ];
            if let Some(a) = assumption {
                out.extend([kw(en, "aanname", "assumption"), a]);
            }
            out.extend([
                kw(en, "stemming", "vote"),
                kw(en, "voor", "for"),
                "87,5%".into(),
            ]);
            out.extend([
                kw(en, "instemming", "consent"),
                kw(en, "met", "with"),
                kw(en, "akkoord", "agreement"),
                t1.clone(),
                ",".into(),
                t2.clone(),
            ]);
            for r in rules {
                out.extend(r);
            }
            out.extend([
                kw(en, "hef  op", "lift"),
                format!("{t1}.{t2}"),
                kw(en, "bron", "source"),
                "\"op te heffen\"".into(),
            ]);
            out.extend([
                status.to_string(),
                t1,
                ",".into(),
                t2,
                kw(en, "aanname", "assumption"),
                "\"z\"".into(),
            ]);
            out.push("}".into());
            out
        })
}

fn declaration() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (
            any::<bool>(),
            ident(),
            prop::collection::vec(ident(), 1..5),
            any::<bool>()
        )
            .prop_map(|(en, name, values, comma)| {
                let mut out = vec![kw(en, "keuze", "choice"), name, "{".into()];
                for (i, v) in values.into_iter().enumerate() {
                    if i > 0 {
                        out.push(",".into());
                    }
                    out.push(v);
                }
                if comma {
                    out.push(",".into());
                }
                out.push("}".into());
                out
            }),
        (
            any::<bool>(),
            ident(),
            any::<bool>(),
            text(),
            prop::option::of(text())
        )
            .prop_map(|(en, name, per, q, req)| {
                let mut out = vec![kw(en, "feit", "fact"), name];
                if per {
                    out.extend(["(".into(), kw(en, "akkoord", "agreement"), ")".into()]);
                }
                out.extend([":".into(), kw(en, "janee", "yesno"), q]);
                if let Some(r) = req {
                    out.extend([kw(en, "eis", "requirement"), r]);
                }
                out
            }),
    ]
}

fn scenario_or_property() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (any::<bool>(), ident(), text(), ident(), ident()).prop_flat_map(
            |(en, id, title, a, t)| {
                (action(en), prep(en)).prop_map(move |(h, p)| {
                    vec![
                        "scenario".into(),
                        id.clone(),
                        title.clone(),
                        "{".into(),
                        kw(en, "op", "on"),
                        "2018-11-30".into(),
                        kw(en, "stel", "set"),
                        a.clone(),
                        "(".into(),
                        t.clone(),
                        ")".into(),
                        "=".into(),
                        kw(en, "onbekend", "unknown"),
                        kw(en, "verwacht", "expect"),
                        h,
                        p,
                        t.clone(),
                        ":".into(),
                        kw(en, "mag onder voorbehoud", "may under reservation"),
                        kw(en, "door", "by"),
                        format!("{a}.{t}"),
                        ",".into(),
                        a.clone(),
                        kw(en, "verwacht", "expect"),
                        kw(en, "voorbehoud", "reservation"),
                        format!("{a}.{t}"),
                        ":".into(),
                        kw(en, "vervallen", "failed"),
                        "}".into(),
                    ]
                })
            }
        ),
        (any::<bool>(), ident(), text(), selector(), condition()).prop_flat_map(
            |(en, id, title, sel, cond)| {
                (action(en), prep(en)).prop_map(move |(h, p)| {
                    [
                        vec![
                            kw(en, "eigenschap", "property"),
                            id.clone(),
                            title.clone(),
                            "{".into(),
                            kw(en, "vanaf", "from"),
                            "2018-07-11".into(),
                            kw(en, "als", "if"),
                            h,
                            p,
                        ],
                        sel.clone(),
                        vec![kw(en, "niet", "not"), kw(en, "dan", "then")],
                        cond.clone(),
                        vec!["}".into()],
                    ]
                    .concat()
                })
            }
        ),
    ]
}

/// What goes between two words: spaces, line breaks, empty lines and comments.
fn gap() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => Just(" ".to_string()),
        2 => Just("\n".to_string()),
        1 => Just("\n\n\n".to_string()),
        1 => Just("\t ".to_string()),
        1 => (0u16..1000).prop_map(|n| format!(" /* c{n} */ ")),
        1 => (0u16..1000).prop_map(|n| format!(" // c{n}\n")),
        1 => (0u16..1000).prop_map(|n| format!("\n\n// c{n}\n")),
        1 => (0u16..1000).prop_map(|n| format!("/*\n c{n}\n*/")),
    ]
}

/// A rule file: its words with random gaps between them.
pub fn rule_file() -> impl Strategy<Value = String> {
    let item = prop_oneof![declaration(), source(), scenario_or_property()];
    prop::collection::vec(item, 0..5)
        .prop_flat_map(|items| {
            let words: Vec<String> = items.concat();
            let n = words.len() + 1;
            (Just(words), prop::collection::vec(gap(), n))
        })
        .prop_map(|(words, gaps)| {
            let mut out = gaps[0].clone();
            for (word, gap) in words.iter().zip(&gaps[1..]) {
                out.push_str(word);
                out.push_str(gap);
            }
            out
        })
}
