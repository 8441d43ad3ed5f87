//! Expressions: name resolution, type inference, and compilation into the node arena.

use crate::ast::{Arg, CmpOp, Expr, ExprKind, Ident, Literal, SetItem};
use crate::compiled::{AgreementId, ExprNode, Node, NodeId, Who};
use crate::error::{CheckError, What};
use crate::facts::World;
use crate::span::Span;
use crate::tr;
use crate::value::{Type, Value};

use super::holes::Site;
use super::{Checker, unknown};

pub(super) struct ExprChecker<'a> {
    pub(super) cx: &'a mut Checker,
    pub(super) world: &'a World,
    /// False for a signal's condition: there is no agreement at hand.
    pub(super) in_agreement: bool,
}

/// A compiled node and its type; `None` when an error was already reported for it.
type Typed = (NodeId, Option<Type>);

impl ExprChecker<'_> {
    fn push(&mut self, node: Node, span: Span) -> NodeId {
        self.cx.base.nodes.push(ExprNode { node, span });
        self.cx.base.nodes.len() - 1
    }

    fn type_error(&mut self, message: String, span: Span, label: String, help: Option<String>) {
        self.cx.errors.push(CheckError::Type {
            message,
            span,
            label,
            help,
        });
    }

    /// A boolean expression: a selector or a condition.
    pub(super) fn condition(&mut self, e: &Expr, what: &str) -> NodeId {
        let (node, ty) = self.compile(e, None);
        if let Some(ty) = ty.filter(|t| *t != Type::Bool) {
            self.type_error(
                tr!(
                    "{what} moet ja/nee zijn, maar is een `{ty}`",
                    "{what} must be yes/no, but is a `{ty}`"
                ),
                e.span,
                tr!("dit is een `{ty}`", "this is a `{ty}`"),
                Some(tr!(
                    "vergelijk het met iets, bijvoorbeeld `x = …`, of gebruik een `janee`-feit",
                    "compare it with something, e.g. `x = …`, or use a `janee` fact"
                )),
            );
        }
        node
    }

    /// A rule's or property's selector.
    pub(super) fn selector(
        &mut self,
        selector: &crate::ast::Selector,
    ) -> crate::compiled::Selector {
        use crate::compiled::Selector;
        match selector {
            crate::ast::Selector::Every => Selector::Every,
            crate::ast::Selector::Where(Expr {
                kind: ExprKind::Hole(note),
                span,
            }) => {
                let error = super::holes::hole(note.as_deref(), *span, Site::Selector);
                self.cx.errors.push(error);
                Selector::Every
            }
            crate::ast::Selector::Where(e) => {
                Selector::Where(self.condition(e, &tr!("de selectie", "the selector")))
            }
            crate::ast::Selector::Ids(ids) => {
                Selector::Ids(ids.iter().filter_map(|id| self.agreement(id)).collect())
            }
        }
    }

    /// An agreement named in a rule.
    pub(super) fn agreement(&mut self, id: &Ident) -> Option<AgreementId> {
        let found = self.world.agreement(&id.node);
        if found.is_none() {
            let known = self
                .world
                .agreements
                .iter()
                .map(|a| a.id.as_str())
                .collect();
            let mut error = unknown(What::Agreement, &id.node, id.span, known);
            if let CheckError::Unknown {
                help: help @ None, ..
            } = &mut error
            {
                let name = &id.node;
                *help = Some(crate::tr!(
                    "een akkoord komt op tafel in `feiten.json` onder `akkoorden`: `akkoord nieuw-akkoord {name} --naam \"…\" --sinds DATUM`",
                    "an agreement is put on the table in `feiten.json` under `akkoorden`: `akkoord nieuw-akkoord {name} --naam \"…\" --sinds DATE`"
                ));
            }
            self.cx.unknown(error);
        }
        found
    }

    fn compile(&mut self, e: &Expr, expected: Option<&Type>) -> Typed {
        match &e.kind {
            ExprKind::Lit(l) => {
                let (value, ty) = literal(l);
                (self.push(Node::Const(value), e.span), Some(ty))
            }
            ExprKind::Name(name) => self.name(name, e.span, expected),
            ExprKind::Call(name, arg) => self.call(name, arg, e.span),
            ExprKind::Not(inner) => {
                let child = self.boolean(inner);
                (self.push(Node::Not(child), e.span), Some(Type::Bool))
            }
            ExprKind::And(..) | ExprKind::Or(..) => self.junction(e),
            ExprKind::Cmp(op, a, b) => self.compare(*op, a, b, e.span),
            ExprKind::In(a, items) => self.member(a, items, e.span),
            ExprKind::Hole(note) => {
                let error = super::holes::hole(note.as_deref(), e.span, Site::Condition);
                self.cx.errors.push(error);
                // Reported; like an unknown name, it has no type to check further.
                (self.push(Node::Const(Value::Bool(true)), e.span), None)
            }
        }
    }

    fn boolean(&mut self, e: &Expr) -> NodeId {
        let (node, ty) = self.compile(e, Some(&Type::Bool));
        if let Some(ty) = ty.filter(|t| *t != Type::Bool) {
            self.type_error(
                tr!(
                    "`en`, `of` en `niet` vragen ja/nee, maar dit is een `{ty}`",
                    "`en`, `of` and `niet` need yes/no, found a `{ty}`"
                ),
                e.span,
                tr!("dit is een `{ty}`", "this is a `{ty}`"),
                None,
            );
        }
        node
    }

    /// `a en b en c` becomes one n-ary node, so explanations list the parts side by side.
    fn junction(&mut self, e: &Expr) -> Typed {
        let is_and = matches!(e.kind, ExprKind::And(..));
        let mut parts = Vec::new();
        flatten(e, is_and, &mut parts);
        let children = parts.iter().map(|p| self.boolean(p)).collect();
        let node = if is_and {
            Node::And(children)
        } else {
            Node::Or(children)
        };
        (self.push(node, e.span), Some(Type::Bool))
    }

    /// A bare name: an attribute, a fact, or a choice value that fits `expected`.
    fn name(&mut self, name: &str, span: Span, expected: Option<&Type>) -> Typed {
        let base = &self.cx.base;
        if let Some(a) = base.attr_id(name) {
            let ty = base.attrs[a].ty.clone();
            if !self.in_agreement {
                self.no_agreement(name, span);
            }
            return (self.push(Node::Attr(a), span), Some(ty));
        }
        if let Some(f) = base.fact_id(name) {
            let decl = &base.facts[f];
            let ty = decl.ty.clone();
            if decl.per_agreement {
                self.cx.errors.push(CheckError::Usage {
                    message: tr!(
                        "`{name}` heeft een waarde per akkoord",
                        "`{name}` has a value per agreement"
                    ),
                    span,
                    help: Some(tr!(
                        "schrijf `{name}(akkoord)` voor het akkoord in kwestie, of `{name}(<id>)`",
                        "write `{name}(akkoord)` for the agreement at hand, or `{name}(<id>)`"
                    )),
                });
            }
            return (self.push(Node::Fact(f), span), Some(ty));
        }
        if let Some(Type::Choice(c)) = expected
            && base
                .choice(c)
                .is_some_and(|d| d.values.iter().any(|v| v == name))
        {
            let node = self.push(Node::Const(Value::Choice(name.into())), span);
            return (node, Some(Type::Choice(c.clone())));
        }
        if expected.is_none()
            && base
                .choices
                .iter()
                .any(|d| d.values.iter().any(|v| v == name))
        {
            // The other side already failed to check; a choice value here is not a second error.
            return (
                self.push(Node::Const(Value::Choice(name.into())), span),
                None,
            );
        }
        let mut known: Vec<&str> = base.facts.iter().map(|d| d.name.as_str()).collect();
        known.extend(base.attrs.iter().map(|d| d.name.as_str()));
        match expected {
            Some(Type::Choice(c)) => {
                let values = base.choice(c).into_iter().flat_map(|d| &d.values);
                known.extend(values.map(String::as_str));
            }
            _ => known.extend(
                base.choices
                    .iter()
                    .flat_map(|d| &d.values)
                    .map(String::as_str),
            ),
        }
        let what = match expected {
            Some(Type::Choice(_)) => What::FactOrChoiceValue,
            _ => What::FactOrAttribute,
        };
        let error = unknown(what, name, span, known);
        self.cx.unknown(error);
        (self.push(Node::Const(Value::Bool(true)), span), None)
    }

    /// `feit(akkoord)` or `feit(ggz)`
    fn call(&mut self, name: &Ident, arg: &Arg, span: Span) -> Typed {
        let base = &self.cx.base;
        let Some(f) = base.fact_id(&name.node) else {
            let known = base
                .facts
                .iter()
                .filter(|d| d.per_agreement)
                .map(|d| d.name.as_str())
                .collect();
            let error = unknown(What::Fact, &name.node, name.span, known);
            self.cx.unknown(error);
            return (self.push(Node::Const(Value::Bool(true)), span), None);
        };
        let ty = base.facts[f].ty.clone();
        if !base.facts[f].per_agreement {
            let name = &name.node;
            self.cx.errors.push(CheckError::Usage {
                message: tr!(
                    "`{name}` heeft één waarde, niet een per akkoord",
                    "`{name}` has one value, not one per agreement"
                ),
                span,
                help: Some(tr!(
                    "schrijf `{name}` zonder `(…)`, of declareer `feit {name}(akkoord): …`",
                    "write `{name}` without `(…)`, or declare it `feit {name}(akkoord): …`"
                )),
            });
        }
        let who = match arg {
            Arg::This if !self.in_agreement => {
                self.no_agreement(&format!("{}(akkoord)", name.node), span);
                Who::This
            }
            Arg::This => Who::This,
            Arg::Agreement(id) => match self.agreement(id) {
                Some(a) => Who::Agreement(a),
                None => Who::This,
            },
        };
        (self.push(Node::FactOf(f, who), span), Some(ty))
    }

    fn compare(&mut self, op: CmpOp, a: &Expr, b: &Expr, span: Span) -> Typed {
        // A bare choice value takes its type from the other side, so compile that side first.
        let (left, right) = if matches!(a.kind, ExprKind::Name(_)) && !self.is_declared(a) {
            let (rn, rt) = self.compile(b, None);
            let (ln, lt) = self.compile(a, rt.as_ref());
            ((ln, lt), (rn, rt))
        } else {
            let (ln, lt) = self.compile(a, None);
            let (rn, rt) = self.compile(b, lt.as_ref());
            ((ln, lt), (rn, rt))
        };
        let node = self.push(Node::Cmp(op, left.0, right.0), span);
        if let (Some(lt), Some(rt)) = (&left.1, &right.1) {
            if lt != rt {
                self.type_error(
                    tr!(
                        "een `{lt}` is niet te vergelijken met een `{rt}`",
                        "cannot compare a `{lt}` with a `{rt}`"
                    ),
                    span,
                    format!("`{lt}` {op} `{rt}`"),
                    Some(tr!(
                        "beide kanten van een vergelijking hebben hetzelfde type",
                        "both sides of a comparison must have the same type"
                    )),
                );
            } else if op.is_ordering() && !lt.is_ordered() {
                self.type_error(
                    tr!("`{op}` geldt niet voor een `{lt}`", "`{op}` does not apply to a `{lt}`"),
                    span,
                    tr!("een `{lt}` heeft geen volgorde", "a `{lt}` has no order"),
                    Some(tr!(
                        "`<`, `<=`, `>` en `>=` gelden voor bedragen, getallen en datums; gebruik `=` of `≠`",
                        "`<`, `<=`, `>` and `>=` apply to amounts, numbers and dates; use `=` or `≠`"
                    )),
                );
            }
        }
        (node, Some(Type::Bool))
    }

    fn no_agreement(&mut self, name: &str, span: Span) {
        self.cx.errors.push(CheckError::Usage {
            message: tr!(
                "`{name}` vraagt een akkoord, maar een signaal heeft er geen",
                "`{name}` needs an agreement, but a signal has none at hand"
            ),
            span,
            help: Some(tr!(
                "noem het akkoord, bijvoorbeeld `feit(ggz)`, of gebruik een feit met één waarde",
                "name the agreement, e.g. `feit(ggz)`, or use a fact with one value"
            )),
        });
    }

    fn is_declared(&self, e: &Expr) -> bool {
        let ExprKind::Name(name) = &e.kind else {
            return true;
        };
        let base = &self.cx.base;
        base.fact_id(name).is_some() || base.attr_id(name).is_some()
    }

    fn member(&mut self, a: &Expr, items: &[crate::span::Spanned<SetItem>], span: Span) -> Typed {
        let (node, ty) = self.compile(a, None);
        let mut values = Vec::new();
        for item in items {
            let (value, item_ty) = match &item.node {
                SetItem::Lit(l) => literal(l),
                SetItem::Symbol(s) => self.symbol(s, item.span, ty.as_ref()),
            };
            if let Some(ty) = &ty
                && *ty != item_ty
                && !matches!(item.node, SetItem::Symbol(_))
            {
                let item_text = &item.node;
                self.type_error(
                    tr!(
                        "`{item_text}` is een `{item_ty}`, geen `{ty}`",
                        "`{item_text}` is a `{item_ty}`, not a `{ty}`"
                    ),
                    item.span,
                    tr!("een `{ty}` verwacht", "expected a `{ty}`"),
                    None,
                );
            }
            values.push(value);
        }
        (self.push(Node::In(node, values), span), Some(Type::Bool))
    }

    fn symbol(&mut self, s: &str, span: Span, ty: Option<&Type>) -> (Value, Type) {
        let value = Value::Choice(s.into());
        let Some(ty) = ty else {
            return (value, Type::Text);
        };
        let Type::Choice(c) = ty else {
            self.type_error(
                tr!(
                    "`{s}` is een keuzewaarde, maar de linkerkant is een `{ty}`",
                    "`{s}` is a choice value, but the left side is a `{ty}`"
                ),
                span,
                tr!("een `{ty}` verwacht", "expected a `{ty}`"),
                None,
            );
            return (value, ty.clone());
        };
        let values: Vec<&str> = self
            .cx
            .base
            .choice(c)
            .into_iter()
            .flat_map(|d| d.values.iter().map(String::as_str))
            .collect();
        if !values.contains(&s) {
            let error = unknown(What::ChoiceValue, s, span, values);
            self.cx.unknown(error);
        }
        (value, ty.clone())
    }
}

/// The operands of a chain of `en` (or of `of`), left to right. Iterative: a chain written
/// without parentheses may be thousands of operands long.
fn flatten<'e>(e: &'e Expr, is_and: bool, out: &mut Vec<&'e Expr>) {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::And(a, b) if is_and => stack.extend([&**b, &**a]),
            ExprKind::Or(a, b) if !is_and => stack.extend([&**b, &**a]),
            _ => out.push(e),
        }
    }
}

pub(super) fn literal(l: &Literal) -> (Value, Type) {
    match l {
        Literal::Bool(b) => (Value::Bool(*b), Type::Bool),
        Literal::Amount(a) => (Value::Amount(*a), Type::Amount),
        Literal::Number(n) => (Value::Number(*n), Type::Number),
        Literal::Date(d) => (Value::Date(*d), Type::Date),
        Literal::Text(t) => (Value::Text(t.clone()), Type::Text),
    }
}
