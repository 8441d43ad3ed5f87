//! Names, types and dates. Collects every error in every file before anything is evaluated,
//! and produces the compiled [`RuleBase`] together with the [`World`] of the facts file.

mod expr;
mod history;
mod tests;

use std::collections::HashMap;

use crate::ast::{self, Item, SourceKind};
use crate::compiled::{
    AttrDecl, ChoiceDecl, Doc, DocId, Effect, FactDecl, Rule, RuleBase, RuleId, Selector, squash,
};
use crate::error::{CheckError, FactsError, Problem};
use crate::facts::{self, World};
use crate::parse;
use crate::span::{Sources, Span};
use crate::suggest::did_you_mean;
use crate::value::Type;

/// A checked rule base and the facts it is evaluated against.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The compiled rules.
    pub base: RuleBase,
    /// The facts.
    pub world: World,
    /// How many rule files were read.
    pub rule_files: usize,
    /// Facts in the facts file these rules do not declare; only when loaded with
    /// [`load_for_comparison`], otherwise they are errors.
    pub ignored_facts: Vec<String>,
}

/// Loads an older rule set against today's facts file, for `diff`: facts the older rules do
/// not declare are listed in `ignored_facts` instead of failing the load.
pub fn load_for_comparison(
    rule_files: &[(String, String)],
    facts_file: (&str, &str),
) -> Result<Loaded, (Vec<Problem>, Sources)> {
    load_inner(rule_files, &[], facts_file, true)
}

/// Parses and checks rule files (name, text) and a facts file (name, text). Returns every
/// problem found, across all files, or the checked rule base.
pub fn load(
    rule_files: &[(String, String)],
    facts_file: (&str, &str),
) -> Result<Loaded, (Vec<Problem>, Sources)> {
    load_with_tests(rule_files, &[], facts_file)
}

/// As [`load`], with test files holding scenarios and properties, checked against the rules.
pub fn load_with_tests(
    rule_files: &[(String, String)],
    test_files: &[(String, String)],
    facts_file: (&str, &str),
) -> Result<Loaded, (Vec<Problem>, Sources)> {
    load_inner(rule_files, test_files, facts_file, false)
}

fn load_inner(
    rule_files: &[(String, String)],
    test_files: &[(String, String)],
    facts_file: (&str, &str),
    tolerate_undeclared_facts: bool,
) -> Result<Loaded, (Vec<Problem>, Sources)> {
    let mut sources = Sources::new();
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for (name, text) in rule_files {
        let id = sources.add(name.clone(), text.clone());
        match parse::parse_file(id, text) {
            Ok(file) => files.push(file),
            Err(e) => problems.push(Problem::Parse(e)),
        }
    }
    let mut tests = Vec::new();
    for (name, text) in test_files {
        let id = sources.add(name.clone(), text.clone());
        match parse::parse_file(id, text) {
            Ok(file) => tests.push(file),
            Err(e) => problems.push(Problem::Parse(e)),
        }
    }
    let mut cx = Checker::new(sources);
    cx.declarations(&files);
    // A facts file with errors still yields the agreements it could read, so rules naming
    // them do not report a second, misleading error.
    let facts_id = cx.base.sources.add(facts_file.0, facts_file.1);
    let (world, mut errors) = facts::load(facts_id, facts_file.0, facts_file.1, &cx.base);
    let mut ignored_facts = Vec::new();
    if tolerate_undeclared_facts {
        errors.retain(|e| match e {
            FactsError::Unknown {
                what: "fact", name, ..
            } => {
                ignored_facts.push(name.clone());
                false
            }
            _ => true,
        });
    }
    let unreadable = errors.iter().any(|e| matches!(e, FactsError::Json { .. }));
    problems.extend(errors.into_iter().map(Problem::Facts));
    cx.sources(&files, &world);
    cx.tests(&files, &tests, &world);
    // Without a readable facts file no agreement is known, so names of agreements cannot be
    // checked; reporting each one would bury the one real problem.
    let checkable = |e: &CheckError| {
        !(unreadable
            && matches!(
                e,
                CheckError::Unknown {
                    what: "agreement",
                    ..
                }
            ))
    };
    problems.extend(cx.errors.drain(..).filter(checkable).map(Problem::Check));
    if problems.is_empty() {
        Ok(Loaded {
            base: cx.base,
            world,
            rule_files: rule_files.len(),
            ignored_facts,
        })
    } else {
        Err((problems, cx.base.sources))
    }
}

pub(crate) struct Checker {
    base: RuleBase,
    errors: Vec<CheckError>,
}

impl Checker {
    fn new(sources: Sources) -> Self {
        Checker {
            base: RuleBase {
                sources,
                ..RuleBase::default()
            },
            errors: Vec::new(),
        }
    }

    fn where_is(&self, span: Span) -> String {
        let (line, col) = self.base.sources.line_col(span);
        format!("{}:{line}:{col}", self.base.sources.name(span.file))
    }

    fn duplicate(&mut self, what: &'static str, name: &str, span: Span, first: Span) {
        let first = self.where_is(first);
        self.errors.push(CheckError::Duplicate {
            what,
            name: name.into(),
            span,
            first,
        });
    }

    fn unknown(&mut self, error: CheckError) {
        self.errors.push(error);
    }

    /// Choices, facts and attributes from all files. Names of facts and attributes share one
    /// namespace, because conditions use both bare.
    fn declarations(&mut self, files: &[ast::File]) {
        let mut choices: HashMap<String, Span> = HashMap::new();
        for item in files.iter().flat_map(|f| &f.items) {
            if let Item::Choice(c) = item {
                self.choice(c, &mut choices);
            }
        }
        let mut names: HashMap<String, Span> = HashMap::new();
        for item in files.iter().flat_map(|f| &f.items) {
            match item {
                Item::Fact(d) => {
                    if self.fresh("fact", &d.name, &mut names) {
                        let ty = self.type_name(&d.ty);
                        self.base.facts.push(FactDecl {
                            name: d.name.node.clone(),
                            per_agreement: d.per_agreement,
                            ty,
                            question: squash(&d.question.node),
                            span: d.name.span,
                        });
                    }
                }
                Item::Attribute(d) => {
                    if self.fresh("attribute", &d.name, &mut names) {
                        let ty = self.type_name(&d.ty);
                        self.base.attrs.push(AttrDecl {
                            name: d.name.node.clone(),
                            ty,
                            question: squash(&d.question.node),
                            span: d.name.span,
                        });
                    }
                }
                Item::Choice(_) | Item::Source(_) | Item::Scenario(_) | Item::Property(_) => {}
            }
        }
    }

    fn fresh(
        &mut self,
        what: &'static str,
        name: &ast::Ident,
        names: &mut HashMap<String, Span>,
    ) -> bool {
        if let Some(first) = names.get(&name.node).copied() {
            self.duplicate(what, &name.node, name.span, first);
            return false;
        }
        names.insert(name.node.clone(), name.span);
        true
    }

    fn choice(&mut self, c: &ast::ChoiceDecl, names: &mut HashMap<String, Span>) {
        if !self.fresh("choice", &c.name, names) {
            return;
        }
        let mut values: HashMap<&str, Span> = HashMap::new();
        for v in &c.values {
            if let Some(first) = values.get(v.node.as_str()).copied() {
                self.duplicate("choice value", &v.node, v.span, first);
            }
            values.insert(&v.node, v.span);
        }
        self.base.choices.push(ChoiceDecl {
            name: c.name.node.clone(),
            values: c.values.iter().map(|v| v.node.clone()).collect(),
        });
    }

    /// A declared type; a choice must be declared.
    fn type_name(&mut self, ty: &crate::span::Spanned<Type>) -> Type {
        if let Type::Choice(c) = &ty.node
            && !self.base.choices.iter().any(|d| &d.name == c)
        {
            let known = ["janee", "bedrag", "getal", "datum", "tekst"]
                .into_iter()
                .chain(self.base.choices.iter().map(|d| d.name.as_str()))
                .collect();
            let error = unknown("type", c, ty.span, known);
            self.unknown(error);
        }
        ty.node.clone()
    }

    /// Sources and their rules, then the events that refer to them.
    fn sources(&mut self, files: &[ast::File], world: &World) {
        let sources: Vec<&ast::Source> = files
            .iter()
            .flat_map(|f| &f.items)
            .filter_map(|i| match i {
                Item::Source(s) => Some(&**s),
                _ => None,
            })
            .collect();
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for source in &sources {
            if let Some(first) = seen.get(source.id.node.as_str()).copied() {
                self.duplicate("source", &source.id.node, source.id.span, first);
                continue;
            }
            seen.insert(&source.id.node, source.id.span);
            self.source(source, world);
        }
        for source in &sources {
            // Only the first source by an id was kept; a duplicate's events are not checked.
            let kept = self.base.docs.iter().position(|d| d.span == source.id.span);
            if let Some(doc) = kept {
                for event in &source.events {
                    self.event(doc, event);
                }
            }
        }
        self.check_histories();
        self.index(world);
    }

    fn source(&mut self, source: &ast::Source, world: &World) {
        let doc = self.base.docs.len();
        self.base.docs.push(Doc {
            kind: source.kind,
            id: source.id.node.clone(),
            title: squash(&source.title.node),
            meeting: source.meeting.node.clone(),
            date: source.date.node,
            span: source.id.span,
        });
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for rule in &source.rules {
            if let Some(first) = seen.get(rule.id.node.as_str()).copied() {
                self.duplicate("rule", &rule.id.node, rule.id.span, first);
                continue;
            }
            seen.insert(&rule.id.node, rule.id.span);
            self.rule(doc, rule, world);
        }
        if source.rules.is_empty() && source.events.is_empty() && source.kind != SourceKind::Motion
        {
            self.errors.push(CheckError::Usage {
                message: format!(
                    "source `{}` has no rules and decides nothing",
                    source.id.node
                ),
                span: source.id.span,
                help: Some(
                    "add a `regel`, or a `hef op` / `afgehandeld` / `aangehouden` line".into(),
                ),
            });
        }
    }

    fn rule(&mut self, doc: DocId, rule: &ast::Rule, world: &World) {
        if squash(&rule.quote.node).is_empty() {
            self.errors.push(CheckError::Usage {
                message: "the rule's `bron` is empty".into(),
                span: rule.quote.span,
                help: Some("quote the sentence of the source document the rule encodes".into()),
            });
        }
        let in_agreement = matches!(rule.effect, ast::Effect::Condition { .. });
        let mut ex = expr::ExprChecker {
            cx: self,
            world,
            in_agreement,
        };
        let (effect, condition) = match &rule.effect {
            ast::Effect::Condition {
                kind,
                action,
                selector,
            } => {
                let compiled = match selector {
                    ast::Selector::Every => Selector::Every,
                    ast::Selector::Where(e) => Selector::Where(ex.condition(e, "the selector")),
                    ast::Selector::Ids(ids) => {
                        Selector::Ids(ids.iter().filter_map(|id| ex.agreement(id)).collect())
                    }
                };
                let condition = ex.condition(&rule.condition, "the condition");
                let selector_text = match selector {
                    ast::Selector::Where(e) => {
                        format!("akkoord waar {}", squash(self.base.sources.slice(e.span)))
                    }
                    other => other.to_string(),
                };
                let effect = Effect::Condition {
                    kind: *kind,
                    action: action.node,
                    selector: compiled,
                    selector_text,
                };
                (effect, condition)
            }
            ast::Effect::Signal { text } => {
                let condition = ex.condition(&rule.condition, "the signal's condition");
                (
                    Effect::Signal {
                        text: squash(&text.node),
                    },
                    condition,
                )
            }
        };
        if let (Some(reservation), ast::Effect::Signal { .. }) = (&rule.reservation, &rule.effect) {
            self.errors.push(CheckError::Usage {
                message: "a signal cannot carry a reservation".into(),
                span: reservation.span,
                help: Some("`onder voorbehoud` belongs to a `vereis` or `verbied` rule".into()),
            });
        }
        self.validity(doc, rule);
        self.base.rules.push(Rule {
            doc,
            id: rule.id.node.clone(),
            quote: squash(&rule.quote.node),
            effect,
            condition,
            reservation: rule.reservation.as_ref().map(|r| squash(&r.node)),
            valid_from: rule.valid_from.as_ref().map(|d| d.node),
            valid_to: rule.valid_to.as_ref().map(|d| d.node),
            span: rule.id.span,
        });
    }

    /// For each agreement: rules naming it by id first, then rules selecting by attribute.
    fn index(&mut self, world: &World) {
        let mut rules_for: Vec<Vec<RuleId>> = vec![Vec::new(); world.agreements.len()];
        for (r, rule) in self.base.rules.iter().enumerate() {
            if let Some(Selector::Ids(ids)) = rule.selector() {
                for &a in ids {
                    rules_for[a].push(r);
                }
            }
        }
        for (r, rule) in self.base.rules.iter().enumerate() {
            if matches!(rule.selector(), Some(Selector::Every | Selector::Where(_))) {
                for list in &mut rules_for {
                    list.push(r);
                }
            }
        }
        self.base.rules_for = rules_for;
    }
}

/// An unknown-name error with a "did you mean" hint drawn from `known`.
pub(crate) fn unknown(what: &'static str, name: &str, span: Span, known: Vec<&str>) -> CheckError {
    let help = did_you_mean(name, known);
    CheckError::Unknown {
        what,
        name: name.into(),
        span,
        help,
    }
}
