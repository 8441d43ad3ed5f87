//! Walks the syntax of every file, and the facts file's JSON, for the names written in them.
//! A bare name in a condition names a fact, an attribute or a choice value; which one is read
//! from the declarations of the whole folder, as the checker reads it.

use std::collections::HashSet;

use crate::ast::{self, Arg, Effect, Expr, ExprKind, Item, Selector, SetItem, Target};
use crate::json::{Json, JsonKind};
use crate::span::{Span, Spanned};
use crate::value::Type;

use super::index::{FileKind, Index, Occurrence, Symbol};

/// The keys of the agreements' section of a facts file.
pub const AGREEMENTS: [&str; 2] = ["akkoorden", "agreements"];
/// The keys of the facts' section of a facts file.
pub const FACTS: [&str; 2] = ["feiten", "facts"];
/// Keys of an agreement's object that are not attributes.
const AGREEMENT_FIELDS: [&str; 12] = [
    "naam",
    "name",
    "sinds",
    "since",
    "tot",
    "until",
    "bron",
    "source",
    "aanname",
    "assumption",
    "handelingen",
    "actions",
];

/// Every name written in the index's files.
pub fn occurrences(index: &Index) -> Vec<Occurrence> {
    let names = Names::of(index);
    let mut out = Collector {
        names: &names,
        out: Vec::new(),
    };
    for file in &index.files {
        for item in &file.syntax.items {
            out.item(item);
        }
        if let (FileKind::Facts, Some(json)) = (file.kind, &file.json) {
            out.facts_file(json);
        }
    }
    out.out
}

/// The names the folder declares, to tell what a bare name in a condition names.
struct Names {
    facts: HashSet<String>,
    per_agreement: HashSet<String>,
    attributes: HashSet<String>,
    values: HashSet<String>,
}

impl Names {
    fn of(index: &Index) -> Names {
        let mut names = Names {
            facts: HashSet::new(),
            per_agreement: HashSet::new(),
            attributes: HashSet::new(),
            values: HashSet::new(),
        };
        for item in index.items() {
            match item {
                Item::Fact(d) => {
                    names.facts.insert(d.name.node.clone());
                    if d.per_agreement {
                        names.per_agreement.insert(d.name.node.clone());
                    }
                }
                Item::Attribute(d) => {
                    names.attributes.insert(d.name.node.clone());
                }
                Item::Choice(d) => names.values.extend(d.values.iter().map(|v| v.node.clone())),
                _ => {}
            }
        }
        names
    }

    fn bare(&self, name: &str) -> Option<Symbol> {
        if self.facts.contains(name) {
            Some(Symbol::Fact(name.into()))
        } else if self.attributes.contains(name) {
            Some(Symbol::Attribute(name.into()))
        } else if self.values.contains(name) {
            Some(Symbol::Value(name.into()))
        } else {
            None
        }
    }
}

struct Collector<'n> {
    names: &'n Names,
    out: Vec<Occurrence>,
}

impl Collector<'_> {
    fn push(&mut self, symbol: Symbol, span: Span, declaration: bool) {
        self.out.push(Occurrence {
            symbol,
            span,
            declaration,
        });
    }

    fn declare(&mut self, symbol: Symbol, span: Span) {
        self.push(symbol, span, true);
    }

    fn refer(&mut self, symbol: Symbol, span: Span) {
        self.push(symbol, span, false);
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Choice(c) => {
                self.declare(Symbol::Choice(c.name.node.clone()), c.name.span);
                for v in &c.values {
                    self.declare(Symbol::Value(v.node.clone()), v.span);
                }
            }
            Item::Fact(d) => {
                self.declare(Symbol::Fact(d.name.node.clone()), d.name.span);
                self.type_name(&d.ty);
            }
            Item::Attribute(d) => {
                self.declare(Symbol::Attribute(d.name.node.clone()), d.name.span);
                self.type_name(&d.ty);
            }
            Item::Source(s) => self.source(s),
            Item::Scenario(s) => self.scenario(s),
            Item::Property(p) => {
                self.declare(Symbol::Property(p.id.node.clone()), p.id.span);
                self.selector(&p.selector);
                self.expr(&p.then);
            }
        }
    }

    fn type_name(&mut self, ty: &Spanned<Type>) {
        if let Type::Choice(c) = &ty.node {
            self.refer(Symbol::Choice(c.clone()), ty.span);
        }
    }

    fn source(&mut self, s: &ast::Source) {
        let id = &s.id.node;
        self.declare(Symbol::Source(id.clone()), s.id.span);
        for rule in &s.rules {
            self.declare(Symbol::Rule(id.clone(), rule.id.node.clone()), rule.id.span);
            if let Effect::Condition { selector, .. } = &rule.effect {
                self.selector(selector);
            }
            self.expr(&rule.condition);
        }
        for event in &s.events {
            for target in &event.targets {
                self.target(target);
            }
        }
        for a in &s.approvals {
            self.refer(Symbol::Agreement(a.node.clone()), a.span);
        }
    }

    fn scenario(&mut self, s: &ast::Scenario) {
        self.declare(Symbol::Scenario(s.id.node.clone()), s.id.span);
        for set in &s.sets {
            self.refer(Symbol::Fact(set.fact.node.clone()), set.fact.span);
            if let Some(a) = &set.agreement {
                self.refer(Symbol::Agreement(a.node.clone()), a.span);
            }
            if let Some(Spanned {
                node: SetItem::Symbol(v),
                span,
            }) = &set.value
            {
                self.refer(Symbol::Value(v.clone()), *span);
            }
        }
        for e in &s.expects {
            self.refer(
                Symbol::Agreement(e.agreement.node.clone()),
                e.agreement.span,
            );
            for target in &e.by {
                self.target(target);
            }
        }
        for r in &s.reservations {
            self.target(&r.rule);
        }
    }

    /// `bron` or `bron.regel`: the source, and the rule in it.
    fn target(&mut self, target: &Target) {
        let source = &target.source;
        self.refer(Symbol::Source(source.node.clone()), source.span);
        if let Some(rule) = &target.rule {
            let symbol = Symbol::Rule(source.node.clone(), rule.node.clone());
            self.refer(symbol, rule.span);
        }
    }

    fn selector(&mut self, selector: &Selector) {
        match selector {
            Selector::Every => {}
            Selector::Where(e) => self.expr(e),
            Selector::Ids(ids) => {
                for id in ids {
                    self.refer(Symbol::Agreement(id.node.clone()), id.span);
                }
            }
        }
    }

    /// Walks an expression with a work list: long `en` chains nest deeply.
    fn expr(&mut self, root: &Expr) {
        let mut work = vec![root];
        while let Some(e) = work.pop() {
            match &e.kind {
                ExprKind::Lit(_) | ExprKind::Hole(_) => {}
                ExprKind::Name(n) => {
                    if let Some(symbol) = self.names.bare(n) {
                        self.refer(symbol, e.span);
                    }
                }
                ExprKind::Call(fact, arg) => {
                    self.refer(Symbol::Fact(fact.node.clone()), fact.span);
                    if let Arg::Agreement(a) = arg {
                        self.refer(Symbol::Agreement(a.node.clone()), a.span);
                    }
                }
                ExprKind::Not(inner) => work.push(inner),
                ExprKind::And(a, b) | ExprKind::Or(a, b) | ExprKind::Cmp(_, a, b) => {
                    work.push(b);
                    work.push(a);
                }
                ExprKind::In(inner, items) => {
                    work.push(inner);
                    for item in items {
                        if let SetItem::Symbol(v) = &item.node {
                            self.refer(Symbol::Value(v.clone()), item.span);
                        }
                    }
                }
            }
        }
    }

    /// The facts file: agreements are declared by their keys; attributes, facts, agreements of
    /// per-agreement facts and the rules of reservations are used.
    fn facts_file(&mut self, json: &Json) {
        if let Some((_, agreements)) = json.get(&AGREEMENTS) {
            for m in agreements.as_object().unwrap_or_default() {
                self.declare(Symbol::Agreement(m.key.clone()), inner(m.key_span));
                self.agreement_fields(&m.value);
            }
        }
        if let Some((_, facts)) = json.get(&FACTS) {
            for m in facts.as_object().unwrap_or_default() {
                self.refer(Symbol::Fact(m.key.clone()), inner(m.key_span));
                if self.names.per_agreement.contains(&m.key) {
                    for a in m.value.as_object().unwrap_or_default() {
                        self.refer(Symbol::Agreement(a.key.clone()), inner(a.key_span));
                    }
                }
            }
        }
    }

    fn agreement_fields(&mut self, agreement: &Json) {
        for f in agreement.as_object().unwrap_or_default() {
            match f.key.as_str() {
                "handelingen" | "actions" => self.recorded(&f.value),
                key if AGREEMENT_FIELDS.contains(&key) => {}
                key => self.refer(Symbol::Attribute(key.into()), inner(f.key_span)),
            }
        }
    }

    /// `"voorbehoud": "bron.regel"` (or a list) in recorded actions.
    fn recorded(&mut self, actions: &Json) {
        let JsonKind::Array(items) = &actions.kind else {
            return;
        };
        for item in items {
            let Some((_, reservation)) = item.get(&["voorbehoud", "reservation"]) else {
                continue;
            };
            let names: Vec<&Json> = match &reservation.kind {
                JsonKind::Array(list) => list.iter().collect(),
                _ => vec![reservation],
            };
            for name in names {
                if let Some(text) = name.as_str() {
                    self.rule_name(text, inner(name.span));
                }
            }
        }
    }

    /// `bron.regel` written in a JSON string at `span` (quotes excluded).
    fn rule_name(&mut self, text: &str, span: Span) {
        let Some((source, rule)) = text.split_once('.') else {
            return;
        };
        // With escapes in the string the places of the parts are not known: mark it whole.
        if span.len() != text.len() {
            self.refer(Symbol::Rule(source.into(), rule.into()), span);
            return;
        }
        let dot = span.start + source.len();
        self.refer(
            Symbol::Source(source.into()),
            Span::new(span.file, span.start, dot),
        );
        self.refer(
            Symbol::Rule(source.into(), rule.into()),
            Span::new(span.file, dot + 1, span.end),
        );
    }
}

/// A JSON string's span without its quotes.
fn inner(span: Span) -> Span {
    if span.len() >= 2 {
        Span::new(span.file, span.start + 1, span.end - 1)
    } else {
        span
    }
}
