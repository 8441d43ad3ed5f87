//! Expressions: a Pratt parser for the operators, and literals.

use std::sync::LazyLock;

use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};

use crate::ast::{Arg, CmpOp, Expr, ExprKind, Literal, SetItem};
use crate::error::ParseError;
use crate::span::Spanned;
use crate::value::Amount;

use super::{Cx, DefaultIdent, R, Syn};

/// The operators by precedence, loosest first; the syntax tree and the concrete tree
/// ([`super::tree`]) both climb with it.
pub(super) static PRATT: LazyLock<PrattParser<Syn>> = LazyLock::new(|| {
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
    /// An expression, by precedence climbing over `expr`'s flat sequence.
    pub(super) fn expr(&self, pair: Pair<Syn>) -> R<Expr> {
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
            Syn::hole => ExprKind::Hole(self.hole(pair).note.map(|n| n.node)),
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
    pub(super) fn set_item(&self, pair: Pair<Syn>) -> R<Spanned<SetItem>> {
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

    /// `€ 1,5 mld`, read by the same reader as amounts in facts files.
    fn amount(&self, pair: Pair<Syn>) -> R<Literal> {
        let span = self.span(&pair);
        let text = pair.as_str();
        Amount::parse(text)
            .map(Literal::Amount)
            .map_err(|error| ParseError::Amount {
                text: text.to_string(),
                error,
                span,
            })
    }
}
