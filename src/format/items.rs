//! The canonical layout of declarations, sources, rules, scenarios and properties: one function
//! per grammar rule, in the grammar's order. Indentation is two spaces; a phrase that does not
//! fit on its line breaks before its clauses (`van …`, `totdat …`, `voor …`, `wanneer …`,
//! `door …`), each indented a step.

use crate::parse::{Syntax as S, Tree};

use super::doc::Doc;
use super::layout::{Builder, Sep};

impl Builder<'_> {
    /// A top-level item.
    pub(super) fn item(&mut self, sep: Sep, t: &Tree) -> Doc {
        match t.kind {
            S::choice_decl => self.choice_decl(sep, t),
            S::fact_decl | S::attr_decl => self.fact_decl(sep, t),
            S::source => self.source(sep, t),
            S::scenario => self.scenario(sep, t),
            S::property => self.property(sep, t),
            _ => self.raw(sep, t),
        }
    }

    /// `keuze domein { sociaal_domein, zorg }`, or one value line after another, filled.
    fn choice_decl(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kw, name, values @ ..] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        let head = vec![self.token(sep, kw), self.token(Sep::Space, name)];
        let open = self.punct(Sep::Space, '{');
        let values: Vec<&Tree> = values.iter().collect();
        let (lead, fill) = self.list_parts(Sep::Line, &values);
        self.skip(',');
        let at = self.find_close();
        let (tail, must_break) = self.gap_tail(at, Sep::Line);
        let close = self.punct(if must_break { Sep::Hard } else { Sep::Line }, '}');
        Doc::group(
            vec![
                head.into(),
                open,
                Doc::nest(2, vec![lead, fill, tail].into()),
                close,
            ]
            .into(),
        )
    }

    /// `feit naam(akkoord): janee "vraag"` with the question on the next line when it does not
    /// fit, and `eis "…"` on a line of its own; `kenmerk` the same.
    fn fact_decl(&mut self, sep: Sep, t: &Tree) -> Doc {
        let mut head = Vec::new();
        let mut rest = Vec::new();
        for (i, c) in t.children.iter().enumerate() {
            match c.kind {
                _ if i == 0 => head.push(self.token(sep, c)),
                S::ident => head.push(self.token(Sep::Space, c)),
                S::per_agreement => {
                    head.push(self.punct(Sep::None, '('));
                    head.push(self.words(Sep::None, c));
                    head.push(self.punct(Sep::None, ')'));
                }
                S::type_name => {
                    head.push(self.punct(Sep::None, ':'));
                    head.push(self.token(Sep::Space, c));
                }
                S::string => head.push(Doc::nest(2, self.token(Sep::Line, c))),
                _ => rest.push(Doc::nest(2, self.words(Sep::Hard, c))),
            }
        }
        vec![Doc::group(head.into()), rest.into()].into()
    }

    /// `motie id "titel" { vergadering … regel … }`: an empty line around each rule.
    fn source(&mut self, sep: Sep, t: &Tree) -> Doc {
        let (head, body) = t.children.split_at(3.min(t.children.len()));
        let mut out = Vec::new();
        for (i, c) in head.iter().enumerate() {
            out.push(self.token(if i == 0 { sep } else { Sep::Space }, c));
        }
        out.push(self.block(|b| {
            let mut out = Vec::new();
            let mut previous_rule = false;
            for (i, c) in body.iter().enumerate() {
                let rule = c.kind == S::rule;
                let sep = match Builder::statement(i) {
                    Sep::Stmt if rule || previous_rule => Sep::Blank,
                    sep => sep,
                };
                out.push(b.source_statement(sep, c));
                previous_rule = rule;
            }
            out
        }));
        out.into()
    }

    /// A statement in a source.
    fn source_statement(&mut self, sep: Sep, t: &Tree) -> Doc {
        match t.kind {
            S::meeting => self.meeting(sep, t),
            S::rule => self.rule(sep, t),
            S::lift | S::status => self.event(sep, t),
            S::approval => self.approval(sep, t),
            S::vote => self.words(sep, t),
            _ => self.raw(sep, t),
        }
    }

    /// `vergadering ALV 2018-06-27`, with `aanname "…"` on the next line.
    fn meeting(&mut self, sep: Sep, t: &Tree) -> Doc {
        let mut out = Vec::new();
        for (i, c) in t.children.iter().enumerate() {
            out.push(match c.kind {
                S::assumption => Doc::nest(2, self.words(Sep::Hard, c)),
                _ => self.token(if i == 0 { sep } else { Sep::Space }, c),
            });
        }
        out.into()
    }

    /// `instemming met akkoord ibp, ggz`
    fn approval(&mut self, sep: Sep, t: &Tree) -> Doc {
        let mut out = Vec::new();
        for (i, c) in t.children.iter().enumerate() {
            let sep = if i == 0 { sep } else { Sep::Space };
            out.push(match c.kind {
                S::selector_ids => self.selector_ids(sep, c),
                _ => self.token(sep, c),
            });
        }
        out.into()
    }

    /// `hef op bron.regel bron "…"`, `afgehandeld a, b bron "…"`: the quote after the targets
    /// when it fits, else on the next line; `aanname "…"` on a line of its own.
    fn event(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kind, rest @ ..] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        let mut out = vec![self.token(sep, kind)];
        let targets: Vec<&Tree> = rest.iter().filter(|c| c.kind == S::target).collect();
        out.push(self.list(Sep::Space, &targets));
        for c in rest.iter().filter(|c| c.kind != S::target) {
            let sep = if c.kind == S::assumption {
                Sep::Hard
            } else {
                Sep::Line
            };
            out.push(Doc::nest(2, self.words(sep, c)));
        }
        Doc::group(out.into())
    }

    /// `regel id { bron "…" verbied … }`: each clause on a line of its own.
    fn rule(&mut self, sep: Sep, t: &Tree) -> Doc {
        let (head, body) = t.children.split_at(2.min(t.children.len()));
        let mut out = Vec::new();
        for (i, c) in head.iter().enumerate() {
            out.push(self.token(if i == 0 { sep } else { Sep::Space }, c));
        }
        out.push(self.block(|b| {
            body.iter()
                .enumerate()
                .map(|(i, c)| {
                    let sep = Builder::statement(i);
                    match c.kind {
                        S::forbid => b.forbid(sep, c),
                        S::require => b.require(sep, c),
                        S::signal => b.signal(sep, c),
                        S::quote | S::reservation | S::validity | S::assumption => b.words(sep, c),
                        _ => b.raw(sep, c),
                    }
                })
                .collect()
        }));
        out.into()
    }

    /// `verbied H van S totdat C`, or broken before `van` and `totdat`.
    fn forbid(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kw, actions, prep, selector, until, condition] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        let head = vec![self.token(sep, kw), self.actions(Sep::Space, actions)];
        let of = vec![
            self.token(Sep::Line, prep),
            self.selector(Sep::Space, selector),
        ];
        let until = vec![
            self.token(Sep::Line, until),
            self.condition(Sep::Space, condition),
        ];
        Doc::group(
            vec![
                head.into(),
                Doc::nest(2, of.into()),
                Doc::nest(2, until.into()),
            ]
            .into(),
        )
    }

    /// `vereis C voor H van S`, or broken before `voor`.
    fn require(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kw, condition, for_, actions, prep, selector] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        let head = vec![
            self.token(sep, kw),
            // the condition's own breaks go deeper than `voor`
            Doc::nest(2, self.condition(Sep::Space, condition)),
        ];
        let for_ = vec![
            self.token(Sep::Line, for_),
            self.actions(Sep::Space, actions),
            self.token(Sep::Space, prep),
            self.selector(Sep::Space, selector),
        ];
        Doc::group(vec![head.into(), Doc::nest(2, for_.into())].into())
    }

    /// `signaal "…" wanneer C`, or broken before `wanneer`.
    fn signal(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kw, text, when, condition] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        let head = vec![self.token(sep, kw), self.token(Sep::Space, text)];
        let when = vec![
            self.token(Sep::Line, when),
            self.condition(Sep::Space, condition),
        ];
        Doc::group(vec![head.into(), Doc::nest(2, when.into())].into())
    }

    /// `ondertekening`, `onderhandeling, instemming en ondertekening`
    fn actions(&mut self, sep: Sep, t: &Tree) -> Doc {
        let mut out = Vec::new();
        let mut after_and = false;
        for (i, c) in t.children.iter().enumerate() {
            if i == 0 {
                out.push(self.token(sep, c));
            } else if c.kind == S::action && !after_and {
                out.push(self.punct(Sep::None, ','));
                out.push(self.token(Sep::Space, c));
            } else {
                out.push(self.token(Sep::Space, c));
            }
            after_and = c.kind != S::action;
        }
        out.into()
    }

    /// `elk akkoord`, `akkoord waar C`, `akkoord a, b`
    fn selector(&mut self, sep: Sep, t: &Tree) -> Doc {
        let Some(inner) = t.children.first() else {
            return self.raw(sep, t);
        };
        match (inner.kind, inner.children.as_slice()) {
            (S::selector_ids, _) => self.selector_ids(sep, inner),
            (S::selector_where, [agreement, where_, condition]) => vec![
                self.token(sep, agreement),
                self.token(Sep::Space, where_),
                self.condition(Sep::Space, condition),
            ]
            .into(),
            (S::selector_every, _) => self.words(sep, inner),
            _ => self.raw(sep, inner),
        }
    }

    /// `akkoord a, b`
    fn selector_ids(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kw, ids @ ..] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        let head = self.token(sep, kw);
        let ids: Vec<&Tree> = ids.iter().collect();
        vec![head, self.list(Sep::Space, &ids)].into()
    }

    /// `scenario id "titel" { op … stel … verwacht … }`: a statement per line.
    fn scenario(&mut self, sep: Sep, t: &Tree) -> Doc {
        let (head, body) = t.children.split_at(3.min(t.children.len()));
        let mut out = Vec::new();
        for (i, c) in head.iter().enumerate() {
            out.push(self.token(if i == 0 { sep } else { Sep::Space }, c));
        }
        out.push(self.block(|b| {
            body.iter()
                .enumerate()
                .map(|(i, c)| {
                    let sep = Builder::statement(i);
                    match c.kind {
                        S::set_fact => b.set_fact(sep, c),
                        S::expect => b.expect(sep, c),
                        S::expect_reservation => b.expect_reservation(sep, c),
                        S::on_date | S::facts_file => b.words(sep, c),
                        _ => b.raw(sep, c),
                    }
                })
                .collect()
        }));
        out.into()
    }

    /// `stel feit(ggz) = ja`
    fn set_fact(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kw, fact, value] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        vec![
            self.token(sep, kw),
            self.fact_ref(Sep::Space, fact),
            self.punct(Sep::Space, '='),
            self.token(Sep::Space, value),
        ]
        .into()
    }

    /// `feit` or `feit(ggz)`
    fn fact_ref(&mut self, sep: Sep, t: &Tree) -> Doc {
        match t.children.as_slice() {
            [name, agreement] => vec![
                self.token(sep, name),
                self.punct(Sep::None, '('),
                self.token(Sep::None, agreement),
                self.punct(Sep::None, ')'),
            ]
            .into(),
            [_] => self.words(sep, t),
            _ => self.raw(sep, t),
        }
    }

    /// `verwacht voorbehoud bron.regel: vervuld`
    fn expect_reservation(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kw, word, target, state] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        vec![
            self.token(sep, kw),
            self.token(Sep::Space, word),
            self.token(Sep::Space, target),
            self.punct(Sep::None, ':'),
            self.token(Sep::Space, state),
        ]
        .into()
    }

    /// `verwacht ondertekening van ggz: niet door a.b, c.d`, or broken before `door`.
    fn expect(&mut self, sep: Sep, t: &Tree) -> Doc {
        let [kw, action, prep, agreement, verdict, by @ ..] = t.children.as_slice() else {
            return self.raw(sep, t);
        };
        let mut out = vec![
            self.token(sep, kw),
            self.token(Sep::Space, action),
            self.token(Sep::Space, prep),
            self.token(Sep::Space, agreement),
            self.punct(Sep::None, ':'),
            self.token(Sep::Space, verdict),
        ];
        if let [kw_by, targets @ ..] = by {
            let targets: Vec<&Tree> = targets.iter().collect();
            let by = vec![
                self.token(Sep::Line, kw_by),
                self.list(Sep::Space, &targets),
            ];
            out.push(Doc::nest(2, by.into()));
        }
        Doc::group(out.into())
    }

    /// `eigenschap id "…" { op … als H van S mag dan C }`, the claim broken before the verdict.
    fn property(&mut self, sep: Sep, t: &Tree) -> Doc {
        let (head, body) = t.children.split_at(3.min(t.children.len()));
        let mut out = Vec::new();
        for (i, c) in head.iter().enumerate() {
            out.push(self.token(if i == 0 { sep } else { Sep::Space }, c));
        }
        out.push(self.block(|b| {
            let claim = body
                .iter()
                .position(|c| c.kind == S::kw_if)
                .unwrap_or(body.len());
            let (dates, claim) = body.split_at(claim);
            let mut out: Vec<Doc> = dates
                .iter()
                .enumerate()
                .map(|(i, c)| match c.kind {
                    S::on_date | S::from_date => b.words(Builder::statement(i), c),
                    _ => b.raw(Builder::statement(i), c),
                })
                .collect();
            if !claim.is_empty() {
                out.push(b.claim(Builder::statement(dates.len()), claim));
            }
            out
        }));
        out.into()
    }

    /// `als ondertekening van akkoord ggz mag dan C`
    fn claim(&mut self, sep: Sep, parts: &[Tree]) -> Doc {
        let [if_, action, prep, selector, verdict, then, condition] = parts else {
            let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
                return Doc::nil();
            };
            return self.raw_between(sep, first.span.start, last.span.end);
        };
        let head = vec![
            self.token(sep, if_),
            self.token(Sep::Space, action),
            self.token(Sep::Space, prep),
            Doc::nest(2, self.selector(Sep::Space, selector)),
        ];
        let then = vec![
            self.token(Sep::Line, verdict),
            self.token(Sep::Space, then),
            self.condition(Sep::Space, condition),
        ];
        Doc::group(vec![head.into(), Doc::nest(2, then.into())].into())
    }
}
