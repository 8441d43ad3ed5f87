//! Scenarios and properties: the conversion of their pairs.

use jiff::civil::Date;
use pest::iterators::Pair;

use crate::ast::{
    Action, Expect, Expr, ExprKind, Ident, Literal, Property, Scenario, Selector, SetFact,
    VerdictWord,
};
use crate::span::{Span, Spanned};
use crate::tr;

use super::{Cx, DefaultIdent, R, Syn};

impl Cx {
    /// `scenario id "titel" { op … feiten "…" stel … verwacht … }`
    pub(super) fn scenario(&self, pair: Pair<Syn>) -> R<Scenario> {
        let mut inner = pair
            .into_inner()
            .filter(|p| p.as_rule() != Syn::kw_scenario);
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let title = self.title(inner.next());
        let mut scenario = Scenario {
            id,
            title,
            date: None,
            facts_file: None,
            sets: Vec::new(),
            expects: Vec::new(),
            reservations: Vec::new(),
        };
        for item in inner {
            match item.as_rule() {
                Syn::on_date => {
                    if scenario.date.is_some() {
                        return Err(self.twice("op".into(), &item));
                    }
                    scenario.date = self.on_date(item)?;
                }
                Syn::facts_file => {
                    if scenario.facts_file.is_some() {
                        return Err(self.twice(tr!("feiten", "facts"), &item));
                    }
                    let file = item.into_inner().find(|p| p.as_rule() == Syn::string);
                    scenario.facts_file = file.map(|p| self.string(p));
                }
                Syn::set_fact => scenario.sets.push(self.set_fact(item)?),
                Syn::expect => scenario.expects.push(self.expect(item)),
                Syn::expect_reservation => {
                    let mut rule = None;
                    let mut state = Spanned::new(String::new(), Span::default());
                    for p in item.into_inner() {
                        match p.as_rule() {
                            Syn::target => rule = Some(self.target(p)),
                            Syn::reservation_state => {
                                let word = match p.as_str() {
                                    "met" => "vervuld",
                                    "failed" => "vervallen",
                                    "ended" => "beeindigd",
                                    other => other,
                                };
                                state = Spanned::new(word.to_string(), self.span(&p));
                            }
                            _ => {}
                        }
                    }
                    if let Some(rule) = rule {
                        scenario
                            .reservations
                            .push(crate::ast::ExpectReservation { rule, state });
                    }
                }
                _ => {}
            }
        }
        Ok(scenario)
    }

    fn title(&self, pair: Option<Pair<Syn>>) -> Spanned<String> {
        pair.map(|p| self.string(p))
            .unwrap_or_else(|| Spanned::new(String::new(), Span::default()))
    }

    /// `op 2018-11-30`
    fn on_date(&self, pair: Pair<Syn>) -> R<Option<Spanned<Date>>> {
        match pair.into_inner().find(|p| p.as_rule() == Syn::date) {
            Some(d) => Ok(Some(self.date(d)?)),
            None => Ok(None),
        }
    }

    /// `stel x(ggz) = ja`
    pub(super) fn set_fact(&self, pair: Pair<Syn>) -> R<SetFact> {
        let mut set = SetFact {
            fact: Ident::default_ident(),
            agreement: None,
            value: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::fact_ref => {
                    let mut idents = p.into_inner().map(|i| self.ident(i));
                    set.fact = idents.next().unwrap_or_default_ident();
                    set.agreement = idents.next();
                }
                Syn::kw_set | Syn::unknown | Syn::EOI => {}
                _ => set.value = Some(self.set_item(p)?),
            }
        }
        Ok(set)
    }

    /// `verwacht ondertekening van ggz: niet door a.b`
    fn expect(&self, pair: Pair<Syn>) -> Expect {
        let mut expect = Expect {
            action: Spanned::new(Action::Signing, Span::default()),
            agreement: Ident::default_ident(),
            verdict: Spanned::new(VerdictWord::Mag, Span::default()),
            by: Vec::new(),
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::action => expect.action = self.action(p),
                Syn::ident => expect.agreement = self.ident(p),
                Syn::verdict => expect.verdict = self.verdict(p),
                Syn::target => expect.by.push(self.target(p)),
                _ => {}
            }
        }
        expect
    }

    /// `mag`, `mag onder voorbehoud`, `niet`, `onbepaald`
    fn verdict(&self, pair: Pair<Syn>) -> Spanned<VerdictWord> {
        let span = self.span(&pair);
        let word = match pair.into_inner().next().map(|p| p.as_rule()) {
            Some(Syn::verdict_reserved) => VerdictWord::MagOnderVoorbehoud,
            Some(Syn::verdict_niet) => VerdictWord::Niet,
            Some(Syn::verdict_onbepaald) => VerdictWord::Onbepaald,
            _ => VerdictWord::Mag,
        };
        Spanned::new(word, span)
    }

    /// `eigenschap id "…" { op … als H van S mag dan C }`
    pub(super) fn property(&self, pair: Pair<Syn>) -> R<Property> {
        let mut inner = pair
            .into_inner()
            .filter(|p| p.as_rule() != Syn::kw_property);
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let title = self.title(inner.next());
        let mut property = Property {
            id,
            title,
            date: None,
            from: None,
            action: Spanned::new(Action::Signing, Span::default()),
            selector: Selector::Every,
            verdict: Spanned::new(VerdictWord::Mag, Span::default()),
            then: Expr {
                kind: ExprKind::Lit(Literal::Bool(true)),
                span: Span::default(),
            },
        };
        for p in inner {
            match p.as_rule() {
                Syn::on_date => property.date = self.on_date(p)?,
                Syn::from_date => property.from = self.on_date(p)?,
                Syn::action => property.action = self.action(p),
                Syn::selector => property.selector = self.selector(p)?,
                Syn::verdict => property.verdict = self.verdict(p),
                Syn::expr => property.then = self.expr(p)?,
                _ => {}
            }
        }
        Ok(property)
    }
}
