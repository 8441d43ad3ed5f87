//! Conditions: `a en b en c` on one line when it fits, else one operand per line, each after
//! its `en` or `of`, indented a step. Parentheses the author wrote around an operation inside
//! another operation are kept, needed or not (`a of (b en c)` reads better than `a of b en c`);
//! the rest hold nothing that needs holding and are left out: around a name or a literal
//! (`(a)`), doubled (`((a en b))`), and around a whole condition (`totdat (a en b)`).

use crate::parse::{Syntax as S, Tree};

use super::doc::Doc;
use super::layout::{Builder, Sep};

/// How tightly an infix operator binds: `of`, then `en`, then the comparisons.
fn precedence(op: &Tree) -> u8 {
    match op.kind {
        S::op_or => 0,
        S::op_and => 1,
        _ => 2,
    }
}

impl Builder<'_> {
    /// A whole condition, after `totdat`, `waar`, `dan`, …
    pub(super) fn condition(&mut self, sep: Sep, t: &Tree) -> Doc {
        self.expr(sep, t, false)
    }

    /// An expression; `operand` when it is an operand of an operation.
    fn expr(&mut self, sep: Sep, t: &Tree, operand: bool) -> Doc {
        match (t.kind, t.children.as_slice()) {
            (S::primary, _) => self.parenthesised(sep, t, operand),
            (S::expr, [op, operand]) if op.kind == S::op_not => {
                vec![self.token(sep, op), self.expr(Sep::Space, operand, true)].into()
            }
            (S::expr, [lhs, op]) => vec![self.expr(sep, lhs, true), self.set(op)].into(),
            (S::expr, [_, _, _]) => self.chain(sep, t),
            (S::call, [name, arg]) => vec![
                self.token(sep, name),
                self.punct(Sep::None, '('),
                self.token(Sep::None, arg),
                self.punct(Sep::None, ')'),
            ]
            .into(),
            _ => self.token(sep, t),
        }
    }

    /// `( … )`: kept around an operation that is an operand, else left out.
    fn parenthesised(&mut self, sep: Sep, t: &Tree, operand: bool) -> Doc {
        let mut inner = t;
        let mut levels = 0;
        while let (S::primary, [only]) = (inner.kind, inner.children.as_slice()) {
            inner = only;
            levels += 1;
        }
        let keep = operand && inner.kind == S::expr;
        let mut out = Vec::new();
        if keep {
            out.push(self.punct(sep, '('));
            levels -= 1;
        }
        for _ in 0..levels {
            self.skip('(');
        }
        let sep = if keep { Sep::None } else { sep };
        out.push(self.expr(sep, inner, operand && !keep));
        for _ in 0..levels {
            self.skip(')');
        }
        if keep {
            out.push(self.punct(Sep::None, ')'));
        }
        out.into()
    }

    /// `a en b en c`, `a of b`, `x = 3`: operands of one precedence, written left to right.
    fn chain(&mut self, sep: Sep, t: &Tree) -> Doc {
        let level = t.children.get(1).map_or(2, precedence);
        let mut links = Vec::new();
        let mut first = t;
        while let (S::expr, [lhs, op, rhs]) = (first.kind, first.children.as_slice()) {
            if precedence(op) != level {
                break;
            }
            links.push((op, rhs));
            first = lhs;
        }
        let head = self.expr(sep, first, true);
        let mut rest = Vec::new();
        for (op, rhs) in links.into_iter().rev() {
            let before = if level == 2 { Sep::Space } else { Sep::Line };
            rest.push(self.token(before, op));
            rest.push(self.expr(Sep::Space, rhs, true));
        }
        if level == 2 {
            vec![head, rest.into()].into()
        } else {
            Doc::group(vec![head, Doc::nest(2, rest.into())].into())
        }
    }

    /// ` in {a, b}`: the values aligned after `{` when they do not fit.
    fn set(&mut self, op: &Tree) -> Doc {
        let [kw, items @ ..] = op.children.as_slice() else {
            return self.words(Sep::Space, op);
        };
        let kw = self.token(Sep::Space, kw);
        let open = self.punct(Sep::Space, '{');
        let items: Vec<&Tree> = items.iter().collect();
        let list = self.list(Sep::None, &items);
        self.skip(',');
        let close = self.punct(Sep::None, '}');
        vec![kw, open, list, close].into()
    }
}
