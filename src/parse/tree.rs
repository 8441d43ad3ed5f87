//! The concrete syntax tree: every word of a rule file as the grammar matched it, in file order,
//! with its place. The formatter prints from it, so that it keeps what the syntax tree drops:
//! the keywords as spelled, the preposition after an action, literals as written, parentheses.
//! Punctuation (`{`, `,`, `:`, `(`, …) and comments are not nodes; they lie between them.

use pest::Parser as _;
use pest::iterators::Pair;

use crate::error::ParseError;
use crate::span::{FileId, Span};

use super::errors::{prescan, syntax_error};
use super::expr::PRATT;
use super::{Grammar, Syn};

/// The rules of `grammar/akkoord.pest`, one variant per rule, as the concrete tree names its
/// nodes. In an expression, [`Syntax::expr`] is one operation (its children: operand, operator,
/// operand; or `op_not` and operand; or operand and `op_in`) and [`Syntax::primary`] a
/// parenthesised expression (its one child: what the parentheses hold).
pub use super::grammar::Rule as Syntax;

/// A node: what the grammar matched, where, and its parts in file order. Keywords, names,
/// texts, dates and numbers are leaves.
#[derive(Clone, Debug)]
pub struct Tree {
    /// The grammar rule.
    pub kind: Syntax,
    /// Where it was written (for a parenthesised expression: inside the parentheses).
    pub span: Span,
    /// Its parts.
    pub children: Vec<Tree>,
}

impl Tree {
    /// The first child of this kind.
    pub fn child(&self, kind: Syntax) -> Option<&Tree> {
        self.children.iter().find(|c| c.kind == kind)
    }
}

/// Parses one rule file into its concrete tree. Accepts exactly what [`super::parse_file`]
/// accepts, except that dates, amounts and numbers are not read (`parse_file` says what is wrong
/// with them).
pub fn parse_tree(file: FileId, text: &str) -> Result<Tree, ParseError> {
    if let Some(err) = prescan(file, text) {
        return Err(err);
    }
    let mut pairs = Grammar::parse(Syn::file, text).map_err(|e| syntax_error(file, text, e))?;
    Ok(match pairs.next() {
        Some(top) => tree(file, top),
        None => Tree {
            kind: Syn::file,
            span: Span::new(file, 0, text.len()),
            children: Vec::new(),
        },
    })
}

fn span(file: FileId, pair: &Pair<Syn>) -> Span {
    let s = pair.as_span();
    Span::new(file, s.start(), s.end())
}

/// A pair and its parts; an expression by precedence climbing.
fn tree(file: FileId, pair: Pair<Syn>) -> Tree {
    if pair.as_rule() == Syn::expr {
        return expr(file, pair);
    }
    Tree {
        kind: pair.as_rule(),
        span: span(file, &pair),
        children: pair
            .into_inner()
            .filter(|p| p.as_rule() != Syn::EOI)
            .map(|p| tree(file, p))
            .collect(),
    }
}

/// `a en (b of c)`: operations as [`Syntax::expr`] nodes, parentheses as [`Syntax::primary`].
fn expr(file: FileId, pair: Pair<Syn>) -> Tree {
    let operation = |children: Vec<Tree>| {
        let first = children.first().map_or(Span::default(), |c| c.span);
        let last = children.last().map_or(first, |c| c.span);
        Tree {
            kind: Syn::expr,
            span: first.to(last),
            children,
        }
    };
    PRATT
        .map_primary(|p| match p.as_rule() {
            Syn::expr => {
                let inner = expr(file, p);
                Tree {
                    kind: Syn::primary,
                    span: inner.span,
                    children: vec![inner],
                }
            }
            _ => tree(file, p),
        })
        .map_prefix(|op, rhs| operation(vec![tree(file, op), rhs]))
        .map_postfix(|lhs, op| operation(vec![lhs, tree(file, op)]))
        .map_infix(|lhs, op, rhs| operation(vec![lhs, tree(file, op), rhs]))
        .parse(pair.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &Tree, out: &mut Vec<String>) {
        out.push(format!("{:?}", t.kind));
        for c in &t.children {
            kinds(c, out);
        }
    }

    #[test]
    fn an_operation_holds_its_operator_and_parentheses_are_kept() {
        let text = "motie m \"M\" { vergadering ALV 2018-01-01 regel r { bron \"z\" \
                    vereis a en (b of c) voor ondertekening van elk akkoord } }";
        let t = parse_tree(FileId(0), text).expect("parses");
        let mut out = Vec::new();
        kinds(&t, &mut out);
        let from = out.iter().position(|k| k == "kw_require").expect("vereis");
        assert_eq!(
            out[from..from + 12].join(" "),
            "kw_require expr ident op_and kw_and primary expr ident op_or kw_or ident kw_for"
        );
    }
}
