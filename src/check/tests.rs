//! Scenarios and properties: names, agreements, rules and value types, checked against the
//! rule base they test.

use crate::ast::{self, Item, SetItem};
use crate::compiled::{
    AgreementId, Expectation, FactId, Property, RuleId, Scenario, Target, squash,
};
use std::collections::HashMap;

use crate::error::{CheckError, What};
use crate::facts::World;
use crate::span::Span;
use crate::tr;
use crate::value::{Type, Value};

use super::{Checker, expr, unknown};

impl Checker {
    /// Compiles the scenarios and properties of rule files and test files. Test files may hold
    /// nothing else.
    pub(super) fn tests(
        &mut self,
        rule_files: &[ast::File],
        test_files: &[ast::File],
        world: &World,
    ) {
        for item in test_files.iter().flat_map(|f| &f.items) {
            let span = match item {
                Item::Choice(c) => Some(c.name.span),
                Item::Fact(d) => Some(d.name.span),
                Item::Attribute(d) => Some(d.name.span),
                Item::Source(s) => Some(s.id.span),
                Item::Scenario(_) | Item::Property(_) => None,
            };
            if let Some(span) = span {
                self.errors.push(CheckError::Usage {
                    message: tr!(
                        "een testbestand bevat alleen blokken `scenario` en `eigenschap`",
                        "a test file holds only `scenario` and `eigenschap` blocks"
                    ),
                    span,
                    help: Some(tr!(
                        "declaraties en bronnen horen in de map met regels",
                        "declarations and sources belong in the rule folder"
                    )),
                });
            }
        }
        let items = rule_files.iter().chain(test_files).flat_map(|f| &f.items);
        let mut seen: HashMap<(bool, String), Span> = HashMap::new();
        for item in items {
            let (is_scenario, id) = match item {
                Item::Scenario(s) => (true, &s.id),
                Item::Property(p) => (false, &p.id),
                _ => continue,
            };
            let what = if is_scenario {
                What::Scenario
            } else {
                What::Property
            };
            if let Some(&first) = seen.get(&(is_scenario, id.node.clone())) {
                self.duplicate(what, &id.node, id.span, first);
                continue;
            }
            seen.insert((is_scenario, id.node.clone()), id.span);
            match item {
                Item::Scenario(s) => self.scenario(s, world),
                Item::Property(p) => self.property(p, world),
                _ => {}
            }
        }
    }

    fn scenario(&mut self, s: &ast::Scenario, world: &World) {
        let id = &s.id.node;
        let Some(date) = &s.date else {
            self.errors.push(CheckError::Usage {
                message: tr!(
                    "scenario `{id}` noemt geen datum",
                    "scenario `{id}` names no date"
                ),
                span: s.id.span,
                help: Some(tr!(
                    "voeg `op 2018-11-30` toe: een scenario speelt één dag na",
                    "add `op 2018-11-30`: a scenario replays one day"
                )),
            });
            return;
        };
        if s.expects.is_empty() && s.reservations.is_empty() {
            self.errors.push(CheckError::Usage {
                message: tr!(
                    "scenario `{id}` verwacht niets, dus kan het niet falen",
                    "scenario `{id}` expects nothing, so it cannot fail"
                ),
                span: s.id.span,
                help: Some(tr!(
                    "voeg een verwachting toe, bijvoorbeeld `verwacht ondertekening van ggz: niet`",
                    "add an expectation, e.g. `verwacht ondertekening van ggz: niet`"
                )),
            });
        }
        let sets = s
            .sets
            .iter()
            .filter_map(|set| self.set_fact(set, world))
            .collect();
        let mut expects = Vec::new();
        for e in &s.expects {
            let mut ex = expr::ExprChecker {
                cx: self,
                world,
                in_agreement: true,
            };
            let Some(agreement) = ex.agreement(&e.agreement) else {
                continue;
            };
            let by: Vec<RuleId> = e.by.iter().flat_map(|t| self.rules_of(t)).collect();
            let text = format!(
                "{} van {}: {}",
                e.action.node.dutch(),
                e.agreement.node,
                e.verdict.node
            );
            let by_text: Vec<String> = e.by.iter().map(ToString::to_string).collect();
            let text = if by_text.is_empty() {
                text
            } else {
                format!("{text} door {}", by_text.join(", "))
            };
            let by = (!e.by.is_empty()).then_some(by);
            expects.push(Expectation {
                agreement,
                action: e.action.node,
                verdict: e.verdict.node,
                by,
                text,
            });
        }
        let reservations = s
            .reservations
            .iter()
            .filter_map(|r| self.reservation_expectation(r))
            .collect();
        self.base.scenarios.push(Scenario {
            id: s.id.node.clone(),
            title: squash(&s.title.node),
            date: date.node,
            facts_file: s.facts_file.as_ref().map(|f| f.node.clone()),
            sets,
            expects,
            reservations,
            span: s.id.span,
        });
    }

    /// `verwacht voorbehoud bron.regel: …`: the rule must make a reservation.
    fn reservation_expectation(&mut self, r: &ast::ExpectReservation) -> Option<(RuleId, String)> {
        let Some(Target::Rule(rule)) = self.target(&r.rule) else {
            if r.rule.rule.is_none() {
                self.errors.push(CheckError::Usage {
                    message: tr!(
                        "noem de regel met het voorbehoud: `bron.regel`",
                        "name the rule with the reservation: `source.rule`"
                    ),
                    span: r.rule.span,
                    help: None,
                });
            }
            return None;
        };
        if self.base.rules[rule].reservation.is_none() {
            let name = self.base.rule_name(rule);
            self.errors.push(CheckError::Usage {
                message: tr!(
                    "regel `{name}` stelt geen voorbehoud",
                    "rule `{name}` makes no reservation"
                ),
                span: r.rule.span,
                help: Some(tr!(
                    "alleen een regel met `onder voorbehoud \"…\"` kan een voorbehoud zijn",
                    "only a rule with `onder voorbehoud \"…\"` can be a reservation"
                )),
            });
            return None;
        }
        Some((rule, r.state.node.clone()))
    }

    /// The rules a `door` target names: one rule, or every rule of a source.
    fn rules_of(&mut self, target: &ast::Target) -> Vec<RuleId> {
        match self.target(target) {
            Some(Target::Rule(r)) => vec![r],
            Some(Target::Doc(d)) => (0..self.base.rules.len())
                .filter(|&r| self.base.rules[r].doc == d)
                .collect(),
            None => Vec::new(),
        }
    }

    /// `stel x(ggz) = ja`, checked against the fact's declaration.
    pub(super) fn set_fact(
        &mut self,
        set: &ast::SetFact,
        world: &World,
    ) -> Option<(FactId, Option<AgreementId>, Option<Value>)> {
        let Some(f) = self.base.fact_id(&set.fact.node) else {
            let known = self.base.facts.iter().map(|d| d.name.as_str()).collect();
            let error = unknown(What::Fact, &set.fact.node, set.fact.span, known);
            self.unknown(error);
            return None;
        };
        let decl = self.base.facts[f].clone();
        let agreement = match (&set.agreement, decl.per_agreement) {
            (Some(id), true) => Some(
                expr::ExprChecker {
                    cx: self,
                    world,
                    in_agreement: true,
                }
                .agreement(id)?,
            ),
            (None, false) => None,
            (given, _) => {
                let name = &decl.name;
                let message = match given {
                    Some(_) => tr!(
                        "`{name}` heeft één waarde, niet een per akkoord",
                        "`{name}` has one value, not one per agreement"
                    ),
                    None => tr!(
                        "`{name}` heeft een waarde per akkoord",
                        "`{name}` has a value per agreement"
                    ),
                };
                let help = Some(match given {
                    Some(_) => tr!("schrijf `stel {name} = …`", "write `stel {name} = …`"),
                    None => tr!(
                        "schrijf `stel {name}(<akkoord>) = …`",
                        "write `stel {name}(<akkoord>) = …`"
                    ),
                });
                self.errors.push(CheckError::Usage {
                    message,
                    span: set.fact.span,
                    help,
                });
                return None;
            }
        };
        let value = match &set.value {
            None => None,
            Some(item) => Some(self.value_of(&item.node, item.span, &decl.ty)?),
        };
        Some((f, agreement, value))
    }

    /// `soort=deelakkoord` for an agreement's attribute: a declared attribute and a value of its
    /// type, read as [`Checker::set_fact`] reads a fact's.
    pub(super) fn attribute_value(&mut self, set: &ast::SetFact) -> Option<(usize, Value)> {
        let Some(attr) = self.base.attr_id(&set.fact.node) else {
            let known = self.base.attrs.iter().map(|a| a.name.as_str()).collect();
            let error = unknown(What::Attribute, &set.fact.node, set.fact.span, known);
            self.unknown(error);
            return None;
        };
        let ty = self.base.attrs[attr].ty.clone();
        if let Some(agreement) = &set.agreement {
            self.errors.push(CheckError::Usage {
                message: tr!(
                    "een kenmerk hoort bij het nieuwe akkoord; `({})` past hier niet",
                    "an attribute belongs to the new agreement; `({})` does not fit here",
                    agreement.node
                ),
                span: agreement.span,
                help: Some(tr!("schrijf `{}=…`", "write `{}=…`", set.fact.node)),
            });
            return None;
        }
        let Some(item) = &set.value else {
            self.errors.push(CheckError::Usage {
                message: tr!(
                    "een kenmerk dat onbekend is, laat u weg",
                    "leave out an attribute that is unknown"
                ),
                span: set.fact.span,
                help: None,
            });
            return None;
        };
        let value = self.value_of(&item.node, item.span, &ty)?;
        Some((attr, value))
    }

    fn value_of(&mut self, item: &SetItem, span: Span, ty: &Type) -> Option<Value> {
        let value = match item {
            SetItem::Lit(l) => expr::literal(l).0,
            SetItem::Symbol(s) => Value::Choice(s.clone()),
        };
        let fits = match (&value, ty) {
            (Value::Bool(_), Type::Bool)
            | (Value::Amount(_), Type::Amount)
            | (Value::Number(_), Type::Number)
            | (Value::Date(_), Type::Date)
            | (Value::Text(_), Type::Text) => true,
            (Value::Choice(v), Type::Choice(c)) => {
                self.base.choice(c).is_some_and(|d| d.values.contains(v))
            }
            _ => false,
        };
        if !fits {
            let help = Some(self.type_hint(ty));
            self.errors.push(CheckError::Type {
                message: tr!("`{item}` is geen `{ty}`", "`{item}` is not a `{ty}`"),
                span,
                label: tr!("een `{ty}` verwacht", "expected a `{ty}`"),
                help,
            });
            return None;
        }
        Some(value)
    }

    /// How a value of `ty` is written.
    fn type_hint(&self, ty: &Type) -> String {
        match ty {
            Type::Bool => tr!(
                "een `janee` is `ja` of `nee` (of `onbekend`)",
                "a `janee` is `ja` or `nee` (or `onbekend`)"
            ),
            Type::Amount => tr!(
                "een `bedrag` schrijft u als `€ 100 mln`, `€ 1,5 mld` of `€ 40,25`",
                "write a `bedrag` as `€ 100 mln`, `€ 1,5 mld` or `€ 40,25`"
            ),
            Type::Number => tr!(
                "een `getal` is een geheel getal, zoals `3`",
                "a `getal` is a whole number, such as `3`"
            ),
            Type::Date => tr!(
                "een `datum` schrijft u als JJJJ-MM-DD, zoals `2019-06-01`",
                "write a `datum` as YYYY-MM-DD, such as `2019-06-01`"
            ),
            Type::Text => tr!(
                "een `tekst` staat tussen aanhalingstekens: `\"…\"`",
                "a `tekst` stands in quotes: `\"…\"`"
            ),
            Type::Choice(c) => {
                let values = self
                    .base
                    .choice(c)
                    .map_or(String::new(), |d| d.values.join(", "));
                tr!("`{c}` is een van: {values}", "`{c}` is one of: {values}")
            }
        }
    }

    fn property(&mut self, p: &ast::Property, world: &World) {
        let mut ex = expr::ExprChecker {
            cx: self,
            world,
            in_agreement: true,
        };
        let selector = ex.selector(&p.selector);
        let then = ex.condition(
            &p.then,
            &tr!("de bewering van de eigenschap", "the property's claim"),
        );
        let text = format!(
            "als {} van {} {} dan {}",
            p.action.node.dutch(),
            self.selector_text(&p.selector),
            p.verdict.node,
            squash(self.base.sources.slice(p.then.span))
        );
        self.base.properties.push(Property {
            id: p.id.node.clone(),
            title: squash(&p.title.node),
            date: p.date.as_ref().map(|d| d.node),
            from: p.from.as_ref().map(|d| d.node),
            action: p.action.node,
            selector,
            verdict: p.verdict.node,
            then,
            text,
        });
    }
}
