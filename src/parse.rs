//! Source text to syntax tree. The only file that names pest: one function per grammar rule,
//! named after it, and a Pratt parser for the operators. Pairs become AST nodes at once.

use std::sync::LazyLock;

use jiff::civil::Date;
use pest::Parser as _;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};

use crate::ast::{
    Action, Arg, AttrDecl, ChoiceDecl, CmpOp, Effect, Event, EventKind, Expect, Expr, ExprKind,
    FactDecl, File, Ident, Item, Literal, Property, Rule, RuleKind, Scenario, Selector, SetFact,
    SetItem, Source, SourceKind, Target, TypeName, VerdictWord,
};
use crate::error::ParseError;
use crate::span::{FileId, Span, Spanned};
use crate::value::Amount;

mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/akkoord.pest"]
    pub struct Grammar;
}

/// pest's generated rule type; named `Syn` because "rule" is our domain word.
use grammar::{Grammar, Rule as Syn};

type R<T> = Result<T, ParseError>;

/// How deep parentheses may nest. Conditions people write are a few levels deep; the limit keeps
/// the recursive stages after parsing within the stack on any input.
pub const MAX_NESTING: usize = 64;

/// Parses one rule file.
pub fn parse_file(file: FileId, text: &str) -> R<File> {
    if let Some(err) = unclosed_quote(file, text).or_else(|| too_deep(file, text)) {
        return Err(err);
    }
    let mut pairs = Grammar::parse(Syn::file, text).map_err(|e| syntax_error(file, text, e))?;
    let Some(top) = pairs.next() else {
        return Ok(File::default());
    };
    let cx = Cx { file };
    let mut items = Vec::new();
    for pair in top.into_inner() {
        items.push(match pair.as_rule() {
            Syn::choice_decl => Item::Choice(cx.choice_decl(pair)),
            Syn::fact_decl => Item::Fact(cx.fact_decl(pair)),
            Syn::attr_decl => Item::Attribute(cx.attr_decl(pair)),
            Syn::source => Item::Source(Box::new(cx.source(pair)?)),
            Syn::scenario => Item::Scenario(Box::new(cx.scenario(pair)?)),
            Syn::property => Item::Property(Box::new(cx.property(pair)?)),
            // `file` holds only the items above and EOI.
            _ => continue,
        });
    }
    Ok(File { items })
}

/// Parses a lone expression, as written in a rule's condition.
pub fn parse_expr(file: FileId, text: &str) -> R<Expr> {
    if let Some(err) = too_deep(file, text) {
        return Err(err);
    }
    let mut pairs = Grammar::parse(Syn::expr, text).map_err(|e| syntax_error(file, text, e))?;
    let end = pairs.as_str().len();
    if text[end..].trim().is_empty() {
        // `Grammar::parse` succeeded, so there is one `expr` pair.
        match pairs.next() {
            Some(pair) => Cx { file }.expr(pair),
            None => Err(ParseError::Syntax {
                expected: "an expression".into(),
                span: Span::new(file, 0, 0),
                help: None,
            }),
        }
    } else {
        Err(ParseError::Syntax {
            expected: "`en`, `of`, a comparison or the end of the expression".into(),
            span: Span::new(file, end, text.len()),
            help: None,
        })
    }
}

struct Cx {
    file: FileId,
}

static PRATT: LazyLock<PrattParser<Syn>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Syn::op_or, Assoc::Left))
        .op(Op::infix(Syn::op_and, Assoc::Left))
        .op(Op::prefix(Syn::op_not))
        .op(Op::infix(Syn::op_eq, Assoc::Left)
            | Op::infix(Syn::op_ne, Assoc::Left)
            | Op::infix(Syn::op_lt, Assoc::Left)
            | Op::infix(Syn::op_le, Assoc::Left)
            | Op::infix(Syn::op_gt, Assoc::Left)
            | Op::infix(Syn::op_ge, Assoc::Left))
        .op(Op::postfix(Syn::op_in))
});

impl Cx {
    fn span(&self, pair: &Pair<Syn>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    fn ident(&self, pair: Pair<Syn>) -> Ident {
        Spanned::new(pair.as_str().to_string(), self.span(&pair))
    }

    fn string(&self, pair: Pair<Syn>) -> Spanned<String> {
        let span = self.span(&pair);
        let body = pair.into_inner().next().map_or("", |p| p.as_str());
        Spanned::new(unescape(body), span)
    }

    fn date(&self, pair: Pair<Syn>) -> R<Spanned<Date>> {
        let span = self.span(&pair);
        let text = pair.as_str();
        text.parse::<Date>()
            .map(|d| Spanned::new(d, span))
            .map_err(|e| ParseError::Date {
                text: text.into(),
                span,
                reason: date_reason(&e),
            })
    }

    /// `keuze domein { sociaal_domein, zorg }`
    fn choice_decl(&self, pair: Pair<Syn>) -> ChoiceDecl {
        let mut idents = pair.into_inner().filter(|p| p.as_rule() == Syn::ident);
        // The grammar requires a name and at least one value.
        let name = idents
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let values = idents.map(|p| self.ident(p)).collect();
        ChoiceDecl { name, values }
    }

    /// `feit naam(akkoord): type "vraag"`
    fn fact_decl(&self, pair: Pair<Syn>) -> FactDecl {
        let (mut name, mut per_agreement, mut ty, mut question) = (None, false, None, None);
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::ident => name = Some(self.ident(p)),
                Syn::per_agreement => per_agreement = true,
                Syn::type_name => ty = Some(self.type_name(p)),
                Syn::string => question = Some(self.string(p)),
                _ => {}
            }
        }
        FactDecl {
            name: name.unwrap_or_default_ident(),
            per_agreement,
            ty: ty.unwrap_or_else(|| Spanned::new(TypeName::Bool, Span::default())),
            question: question.unwrap_or_else(|| Spanned::new(String::new(), Span::default())),
        }
    }

    /// `kenmerk naam: type "vraag"`
    fn attr_decl(&self, pair: Pair<Syn>) -> AttrDecl {
        let fact = self.fact_decl(pair);
        AttrDecl {
            name: fact.name,
            ty: fact.ty,
            question: fact.question,
        }
    }

    /// `janee`, `bedrag`, … or a choice name
    fn type_name(&self, pair: Pair<Syn>) -> Spanned<TypeName> {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(TypeName::Bool, span);
        };
        let ty = match inner.as_rule() {
            Syn::kw_yesno => TypeName::Bool,
            Syn::kw_amount => TypeName::Amount,
            Syn::kw_number => TypeName::Number,
            Syn::kw_date => TypeName::Date,
            Syn::kw_text => TypeName::Text,
            _ => TypeName::Choice(inner.as_str().to_string()),
        };
        Spanned::new(ty, span)
    }

    /// `motie id "titel" { vergadering ALV 2018-06-27 regel … }`
    fn source(&self, pair: Pair<Syn>) -> R<Source> {
        let mut inner = pair.into_inner();
        let kind = match inner
            .next()
            .and_then(|k| k.into_inner().next())
            .map(|k| k.as_rule())
        {
            Some(Syn::kw_resolution) => SourceKind::Resolution,
            Some(Syn::kw_decision) => SourceKind::Decision,
            Some(Syn::kw_position) => SourceKind::Position,
            _ => SourceKind::Motion,
        };
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let title = inner
            .next()
            .map(|p| self.string(p))
            .unwrap_or_else(|| Spanned::new(String::new(), Span::default()));
        let (meeting, date) = match inner.next() {
            Some(m) => self.meeting(m)?,
            None => (
                Ident::default_ident(),
                Spanned::new(Date::MIN, Span::default()),
            ),
        };
        let mut source = Source {
            kind,
            id,
            title,
            meeting,
            date,
            rules: Vec::new(),
            events: Vec::new(),
        };
        for item in inner {
            match item.as_rule() {
                Syn::rule => source.rules.push(self.rule(item)?),
                Syn::lift => source.events.push(self.lift(item)),
                Syn::status => source.events.push(self.status(item)),
                _ => {}
            }
        }
        Ok(source)
    }

    /// `vergadering ALV 2018-06-27`
    fn meeting(&self, pair: Pair<Syn>) -> R<(Ident, Spanned<Date>)> {
        let mut body = Ident::default_ident();
        let mut date = Spanned::new(Date::MIN, Span::default());
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::meeting_body => body = self.ident(p),
                Syn::date => date = self.date(p)?,
                _ => {}
            }
        }
        Ok((body, date))
    }

    /// `regel id { bron "…" verbied … | vereis … }`
    fn rule(&self, pair: Pair<Syn>) -> R<Rule> {
        let mut inner = pair.into_inner().filter(|p| p.as_rule() != Syn::kw_rule);
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let quote = inner
            .next()
            .map(|p| self.quote(p))
            .unwrap_or_else(|| Spanned::new(String::new(), Span::default()));
        let Some(body) = inner.next() else {
            return Err(ParseError::Syntax {
                expected: "`verbied`, `vereis` or `signaal`".into(),
                span: id.span,
                help: None,
            });
        };
        let body_rule = body.as_rule();
        let (mut action, mut selector, mut condition, mut text) = (None, None, None, None);
        for p in body.into_inner() {
            match p.as_rule() {
                Syn::action => action = Some(self.action(p)),
                Syn::selector => selector = Some(self.selector(p)?),
                Syn::expr => condition = Some(self.expr(p)?),
                Syn::string => text = Some(self.string(p)),
                _ => {}
            }
        }
        let effect = match body_rule {
            Syn::signal => Effect::Signal {
                text: text.unwrap_or_else(|| Spanned::new(String::new(), Span::default())),
            },
            kind => Effect::Condition {
                kind: if kind == Syn::forbid {
                    RuleKind::Forbid
                } else {
                    RuleKind::Require
                },
                action: action.unwrap_or_else(|| Spanned::new(Action::Signing, Span::default())),
                selector: selector.unwrap_or(Selector::Every),
            },
        };
        let mut rule = Rule {
            id,
            quote,
            effect,
            condition: condition.unwrap_or(Expr {
                kind: ExprKind::Lit(Literal::Bool(true)),
                span: Span::default(),
            }),
            reservation: None,
            valid_from: None,
            valid_to: None,
        };
        for p in inner {
            match p.as_rule() {
                Syn::reservation => {
                    rule.reservation = p
                        .into_inner()
                        .find(|s| s.as_rule() == Syn::string)
                        .map(|s| self.string(s))
                }
                Syn::validity => self.validity(p, &mut rule)?,
                _ => {}
            }
        }
        Ok(rule)
    }

    /// `geldig vanaf … tot …`
    fn validity(&self, pair: Pair<Syn>, rule: &mut Rule) -> R<()> {
        for p in pair.into_inner() {
            let is_from = p.as_rule() == Syn::valid_from;
            let Some(date) = p.into_inner().find(|d| d.as_rule() == Syn::date) else {
                continue;
            };
            let date = Some(self.date(date)?);
            if is_from {
                rule.valid_from = date;
            } else {
                rule.valid_to = date;
            }
        }
        Ok(())
    }

    /// `bron "…"`
    fn quote(&self, pair: Pair<Syn>) -> Spanned<String> {
        pair.into_inner()
            .find(|p| p.as_rule() == Syn::string)
            .map(|p| self.string(p))
            .unwrap_or_else(|| Spanned::new(String::new(), Span::default()))
    }

    /// `ondertekening`, `instemming`, `uitvoering`, `onderhandeling`
    fn action(&self, pair: Pair<Syn>) -> Spanned<Action> {
        let span = self.span(&pair);
        let action = match pair.into_inner().next().map(|p| p.as_rule()) {
            Some(Syn::kw_consent) => Action::Consent,
            Some(Syn::kw_execution) => Action::Execution,
            Some(Syn::kw_negotiation) => Action::Negotiation,
            _ => Action::Signing,
        };
        Spanned::new(action, span)
    }

    /// `elk akkoord`, `akkoord waar …`, `akkoord ggz, preventie`
    fn selector(&self, pair: Pair<Syn>) -> R<Selector> {
        let Some(inner) = pair.into_inner().next() else {
            return Ok(Selector::Every);
        };
        match inner.as_rule() {
            Syn::selector_where => match inner.into_inner().find(|p| p.as_rule() == Syn::expr) {
                Some(e) => Ok(Selector::Where(self.expr(e)?)),
                None => Ok(Selector::Every),
            },
            Syn::selector_ids => Ok(Selector::Ids(
                inner
                    .into_inner()
                    .filter(|p| p.as_rule() == Syn::ident)
                    .map(|p| self.ident(p))
                    .collect(),
            )),
            _ => Ok(Selector::Every),
        }
    }

    /// `hef op bron.regel bron "…"`
    fn lift(&self, pair: Pair<Syn>) -> Event {
        let span = self.span(&pair);
        let mut targets = Vec::new();
        let mut quote = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::target => targets.push(self.target(p)),
                Syn::quote => quote = Some(self.quote(p)),
                _ => {}
            }
        }
        Event {
            kind: EventKind::Lift,
            targets,
            quote,
            span,
        }
    }

    /// `afgehandeld a, b bron "…"`
    fn status(&self, pair: Pair<Syn>) -> Event {
        let mut event = self.lift(pair.clone());
        let kind = pair
            .into_inner()
            .find(|p| p.as_rule() == Syn::status_kind)
            .and_then(|p| p.into_inner().next())
            .map(|p| p.as_rule());
        event.kind = match kind {
            Some(Syn::kw_held) => EventKind::Held,
            Some(Syn::kw_withdrawn) => EventKind::Withdrawn,
            Some(Syn::kw_rejected) => EventKind::Rejected,
            _ => EventKind::Settled,
        };
        event
    }

    /// `bron` or `bron.regel`
    fn target(&self, pair: Pair<Syn>) -> Target {
        let span = self.span(&pair);
        let mut idents = pair.into_inner().map(|p| self.ident(p));
        Target {
            source: idents.next().unwrap_or_default_ident(),
            rule: idents.next(),
            span,
        }
    }

    /// An expression, by precedence climbing over `expr`'s flat sequence.
    fn expr(&self, pair: Pair<Syn>) -> R<Expr> {
        PRATT
            .map_primary(|p| self.primary(p))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let span = self.span(&op).to(rhs.span);
                Ok(Expr {
                    kind: ExprKind::Not(Box::new(rhs)),
                    span,
                })
            })
            .map_postfix(|lhs, op| {
                let lhs = lhs?;
                let span = lhs.span.to(self.span(&op));
                let items = op
                    .into_inner()
                    .filter(|p| p.as_rule() != Syn::kw_in)
                    .map(|p| self.set_item(p))
                    .collect::<R<Vec<_>>>()?;
                Ok(Expr {
                    kind: ExprKind::In(Box::new(lhs), items),
                    span,
                })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let span = lhs.span.to(rhs.span);
                let (l, r) = (Box::new(lhs), Box::new(rhs));
                let kind = match op.as_rule() {
                    Syn::op_or => ExprKind::Or(l, r),
                    Syn::op_and => ExprKind::And(l, r),
                    Syn::op_ne => ExprKind::Cmp(CmpOp::Ne, l, r),
                    Syn::op_lt => ExprKind::Cmp(CmpOp::Lt, l, r),
                    Syn::op_le => ExprKind::Cmp(CmpOp::Le, l, r),
                    Syn::op_gt => ExprKind::Cmp(CmpOp::Gt, l, r),
                    Syn::op_ge => ExprKind::Cmp(CmpOp::Ge, l, r),
                    _ => ExprKind::Cmp(CmpOp::Eq, l, r),
                };
                Ok(Expr { kind, span })
            })
            .parse(pair.into_inner())
    }

    /// A literal, a call, a parenthesised expression or a name.
    fn primary(&self, pair: Pair<Syn>) -> R<Expr> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Syn::expr => return self.expr(pair),
            Syn::ident => ExprKind::Name(pair.as_str().to_string()),
            Syn::call => self.call(pair),
            _ => ExprKind::Lit(self.literal(pair)?),
        };
        Ok(Expr { kind, span })
    }

    /// `feit(akkoord)` or `feit(ggz)`
    fn call(&self, pair: Pair<Syn>) -> ExprKind {
        let mut inner = pair.into_inner();
        let name = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let arg = match inner.next() {
            Some(p) if p.as_rule() == Syn::ident => Arg::Agreement(self.ident(p)),
            _ => Arg::This,
        };
        ExprKind::Call(name, arg)
    }

    /// An element of `in {…}`.
    fn set_item(&self, pair: Pair<Syn>) -> R<Spanned<SetItem>> {
        let span = self.span(&pair);
        let item = if pair.as_rule() == Syn::symbol {
            SetItem::Symbol(pair.as_str().to_string())
        } else {
            SetItem::Lit(self.literal(pair)?)
        };
        Ok(Spanned::new(item, span))
    }

    /// `ja`, `€ 100 mln`, `2018-11-30`, `12`, `"tekst"`
    fn literal(&self, pair: Pair<Syn>) -> R<Literal> {
        let span = self.span(&pair);
        let text = pair.as_str();
        match pair.as_rule() {
            Syn::boolean => Ok(Literal::Bool(
                pair.into_inner().next().map(|p| p.as_rule()) == Some(Syn::kw_yes),
            )),
            Syn::date => Ok(Literal::Date(self.date(pair)?.node)),
            Syn::integer => text
                .parse()
                .map(Literal::Number)
                .map_err(|_| ParseError::Number {
                    text: text.into(),
                    span,
                }),
            Syn::string => Ok(Literal::Text(self.string(pair).node)),
            // The remaining literal is `amount`.
            _ => self.amount(pair),
        }
    }

    /// `€ 1,5 mld`
    fn amount(&self, pair: Pair<Syn>) -> R<Literal> {
        let span = self.span(&pair);
        let text = pair.as_str().to_string();
        let mut number = "";
        let mut scale = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::amount_number => number = p.as_str(),
                Syn::amount_scale => scale = Some(p.as_str()),
                _ => {}
            }
        }
        Amount::from_parts(number, scale)
            .map(Literal::Amount)
            .map_err(|e| ParseError::Amount {
                text,
                reason: e.to_string(),
                span,
            })
    }
}

/// Scenarios and properties.
impl Cx {
    /// `scenario id "titel" { op … feiten "…" stel … verwacht … }`
    fn scenario(&self, pair: Pair<Syn>) -> R<Scenario> {
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
        };
        for item in inner {
            match item.as_rule() {
                Syn::on_date => scenario.date = self.on_date(item)?,
                Syn::facts_file => {
                    let file = item.into_inner().find(|p| p.as_rule() == Syn::string);
                    scenario.facts_file = file.map(|p| self.string(p));
                }
                Syn::set_fact => scenario.sets.push(self.set_fact(item)?),
                Syn::expect => scenario.expects.push(self.expect(item)),
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
    fn set_fact(&self, pair: Pair<Syn>) -> R<SetFact> {
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
                Syn::kw_set | Syn::unknown => {}
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
    fn property(&self, pair: Pair<Syn>) -> R<Property> {
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

trait DefaultIdent {
    fn unwrap_or_default_ident(self) -> Ident;
}

impl DefaultIdent for Option<Ident> {
    fn unwrap_or_default_ident(self) -> Ident {
        self.unwrap_or_else(Ident::default_ident)
    }
}

impl Ident {
    fn default_ident() -> Ident {
        Spanned::new(String::new(), Span::default())
    }
}

fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn date_reason(e: &jiff::Error) -> String {
    let text = e.to_string();
    if text.contains("day") {
        "no such day".into()
    } else if text.contains("month") {
        "no such month".into()
    } else {
        "not a calendar date".into()
    }
}

/// Finds a `"` that is never closed and reports it where it opens: pest alone would point at
/// the end of the file.
fn unclosed_quote(file: FileId, text: &str) -> Option<ParseError> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
                continue;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= bytes.len() {
                    return Some(ParseError::Syntax {
                        expected: "a closing `\"` for this text".into(),
                        span: Span::new(file, start, start + 1),
                        help: Some(
                            "every quoted text ends with `\"`; write a `\"` inside text as `\\\"`"
                                .into(),
                        ),
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reports the first `(` or `niet` nested deeper than [`MAX_NESTING`]. Text in quotes and
/// comments is skipped as in [`unclosed_quote`]; this runs after it, so quotes are closed.
fn too_deep(file: FileId, text: &str) -> Option<ParseError> {
    let bytes = text.as_bytes();
    let (mut depth, mut nots, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            // `bytes[i]` is ASCII, so `i` is a char boundary.
            b'n' if text[i..].starts_with("niet ") => {
                nots += 1;
                i += 3;
            }
            b'n' if text[i..].starts_with("not ") => {
                nots += 1;
                i += 2;
            }
            c if !c.is_ascii_whitespace() => nots = 0,
            _ => {}
        }
        if depth + nots > MAX_NESTING {
            return Some(ParseError::Syntax {
                expected: format!("at most {MAX_NESTING} levels of nesting"),
                span: Span::new(file, i, i + 1),
                help: Some("split the condition into smaller rules or facts".into()),
            });
        }
        i += 1;
    }
    None
}

fn syntax_error(file: FileId, text: &str, e: pest::error::Error<Syn>) -> ParseError {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let end = next_token_end(text, pos);
    let (expected, help) = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => describe(positives),
        ErrorVariant::CustomError { message } => (message.clone(), None),
    };
    ParseError::Syntax {
        expected,
        span: Span::new(file, pos, end),
        help,
    }
}

/// The end of the word at `pos`, so the label underlines what was found instead.
fn next_token_end(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i);
    pos + len.max(rest.chars().next().map_or(0, char::len_utf8))
}

/// Turns pest's expected rules into the user's words, with a hint for the common mistakes.
fn describe(positives: &[Syn]) -> (String, Option<String>) {
    let mut words: Vec<&str> = positives.iter().map(|r| user_words(*r)).collect();
    words.sort_unstable();
    words.dedup();
    let expected = match words.as_slice() {
        [] => "something else".to_string(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    };
    let help = positives.iter().find_map(|r| hint(*r)).map(str::to_string);
    (expected, help)
}

fn user_words(syn: Syn) -> &'static str {
    match syn {
        Syn::EOI => "the end of the file",
        Syn::ident | Syn::symbol => "a name",
        Syn::string => "quoted text `\"…\"`",
        Syn::date => "a date (YYYY-MM-DD)",
        Syn::integer => "a number",
        Syn::amount => "an amount (`€ 100 mln`)",
        Syn::boolean => "`ja` or `nee`",
        Syn::expr | Syn::call | Syn::op_not => "a condition",
        Syn::choice_decl | Syn::fact_decl | Syn::attr_decl | Syn::source => {
            "a declaration (`feit`, `kenmerk`, `keuze`) or a source (`motie`, `resolutie`, `besluit`, `standpunt`)"
        }
        Syn::source_kind => "`motie`, `resolutie`, `besluit` or `standpunt`",
        Syn::meeting => "`vergadering` with a body and a date",
        Syn::meeting_body => "a meeting body such as ALV, BALV or bestuur",
        Syn::rule => "`regel`",
        Syn::lift => "`hef op`",
        Syn::status | Syn::status_kind => {
            "`afgehandeld`, `aangehouden`, `ingetrokken` or `verworpen`"
        }
        Syn::quote => "`bron \"…\"` with the quoted sentence",
        Syn::forbid | Syn::require | Syn::signal => "`verbied`, `vereis` or `signaal`",
        Syn::reservation => "`onder voorbehoud \"…\"`",
        Syn::validity => "`geldig vanaf …` or `geldig tot …`",
        Syn::kw_when => "`wanneer`",
        Syn::scenario | Syn::property => "`scenario` or `eigenschap`",
        Syn::verdict => "a verdict (`mag`, `mag onder voorbehoud`, `niet`, `onbepaald`)",
        Syn::kw_then => "`dan`",
        Syn::kw_if => "`als`",
        Syn::expect | Syn::set_fact | Syn::on_date | Syn::facts_file => {
            "`op`, `feiten`, `stel` or `verwacht`"
        }
        Syn::action => "an action (`ondertekening`, `instemming`, `uitvoering`, `onderhandeling`)",
        Syn::kw_prep => "`van`, `met` or `over`",
        Syn::selector | Syn::selector_ids | Syn::selector_where | Syn::selector_every => {
            "`akkoord <id>`, `akkoord waar …` or `elk akkoord`"
        }
        Syn::kw_until => "`totdat`",
        Syn::kw_for => "`voor`",
        Syn::type_name => "a type (`janee`, `bedrag`, `getal`, `datum`, `tekst` or a choice name)",
        Syn::per_agreement => "`(akkoord)`",
        Syn::target => "a source id or `source.rule`",
        Syn::op_and | Syn::op_or => "`en` or `of`",
        Syn::op_eq | Syn::op_ne | Syn::op_lt | Syn::op_le | Syn::op_gt | Syn::op_ge => {
            "a comparison (`=`, `≠`, `<`, `<=`, `>`, `>=`)"
        }
        Syn::op_in => "`in {…}`",
        _ => "more input",
    }
}

fn hint(syn: Syn) -> Option<&'static str> {
    Some(match syn {
        Syn::kw_until => {
            "a forbid rule reads `verbied ondertekening van akkoord … totdat <voorwaarde>`"
        }
        Syn::kw_for => {
            "a require rule reads `vereis <voorwaarde> voor ondertekening van akkoord …`"
        }
        Syn::quote => "every rule starts with `bron \"…\"`, quoting the sentence it encodes",
        Syn::meeting => {
            "a source starts with the meeting that adopted it, e.g. `vergadering ALV 2018-06-27`"
        }
        Syn::date => "write dates as YYYY-MM-DD, e.g. 2018-11-30",
        Syn::type_name => {
            "types are `janee`, `bedrag`, `getal`, `datum`, `tekst` or a declared `keuze`"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(text: &str) -> String {
        match parse_expr(FileId(0), text) {
            Ok(e) => e.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn and_binds_tighter_than_or() {
        assert_eq!(expr("a of b en c"), "(a) of ((b) en (c))");
        assert_eq!(expr("a or b and c"), "(a) of ((b) en (c))");
    }

    #[test]
    fn not_applies_to_a_whole_comparison() {
        assert_eq!(expr("niet x = 3"), "niet ((x) = (3))");
    }

    #[test]
    fn in_takes_choice_values_and_literals() {
        assert_eq!(
            expr("soort in {deelakkoord, uitwerkingsakkoord}"),
            "(soort) in {deelakkoord, uitwerkingsakkoord}"
        );
        assert_eq!(expr("bedrag >= € 1,5 mld"), "(bedrag) >= (€ 1,5 mld)");
    }

    #[test]
    fn keywords_do_not_swallow_longer_names() {
        assert_eq!(expr("energie en ingang"), "(energie) en (ingang)");
    }

    #[test]
    fn a_bad_date_is_reported() {
        assert!(expr("d = 2018-02-30").starts_with("error: `2018-02-30` is not a valid date"));
    }
}
