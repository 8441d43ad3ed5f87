//! Names, types and dates. Collects every error in every file before anything is evaluated,
//! and produces the compiled [`RuleBase`] together with the [`World`] of the facts file.

mod expr;
mod history;
mod holes;
mod quotes;
mod recover;
mod tests;

pub use quotes::check_quotes;

use std::collections::{HashMap, HashSet};

use crate::ast::{self, Item, SourceKind};
use crate::compiled::{
    AgreementId, Approval, Assumed, AttrDecl, AttrId, ChoiceDecl, Doc, DocId, Effect, FactDecl,
    FactId, Rule, RuleBase, RuleId, Vote, squash,
};
use crate::error::{CheckError, FactsError, ParseError, Problem, What};
use crate::facts::{self, World};
use crate::span::{FileId, Sources, Span, Spanned};
use crate::suggest::did_you_mean;
use crate::tr;
use crate::value::{Type, Value};

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

/// Parses one rule file as the checker does: an item that does not parse is set aside and the
/// rest is kept, so that an editor still knows the file's other declarations. Returns the items
/// that parse and one error per broken item.
pub fn parse_recovering(file: FileId, text: &str) -> (ast::File, Vec<ParseError>) {
    let (parsed, errors, _) = recover::parse_file(file, text);
    (parsed, errors)
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
    // Names declared in parts of files that did not parse: errors that only say such a name
    // is unknown would be echoes of the syntax error, so they are left out.
    let mut unparsed = HashSet::new();
    let mut parse_all = |files: &[(String, String)], sources: &mut Sources| {
        let mut parsed = Vec::new();
        for (name, text) in files {
            let id = sources.add(name.clone(), text.clone());
            let (file, errors, names) = recover::parse_file(id, sources.text(id));
            parsed.push(file);
            problems.extend(errors.into_iter().map(Problem::Parse));
            unparsed.extend(names);
        }
        parsed
    };
    let files = parse_all(rule_files, &mut sources);
    let tests = parse_all(test_files, &mut sources);
    let mut cx = Checker::new(sources);
    cx.declarations(&files);
    // A facts file with errors still yields the agreements it could read, so rules naming
    // them do not report a second, misleading error.
    let facts_id = cx.base.sources.add(facts_file.0, facts_file.1);
    let facts_text = cx.base.sources.text(facts_id).to_string();
    let (mut world, mut errors) = facts::load(facts_id, &facts_text, &cx.base);
    let mut ignored_facts = Vec::new();
    errors.retain(|e| match e {
        FactsError::Unknown {
            what: What::Fact,
            name,
            ..
        } if tolerate_undeclared_facts => {
            ignored_facts.push(name.clone());
            false
        }
        FactsError::Unknown { name, .. } => !unparsed.contains(name),
        _ => true,
    });
    let unreadable = errors.iter().any(|e| matches!(e, FactsError::Json { .. }));
    problems.extend(errors.into_iter().map(Problem::Facts));
    cx.sources(&files, &world);
    cx.recorded(&mut world);
    cx.tests(&files, &tests, &world);
    // Without a readable facts file no agreement is known, so names of agreements cannot be
    // checked; reporting each one would bury the one real problem.
    let checkable = |e: &CheckError| match e {
        CheckError::Unknown {
            what: What::Agreement,
            ..
        } if unreadable => false,
        CheckError::Unknown { name, .. } => !unparsed.contains(name),
        _ => true,
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
        self.base.sources.place(span)
    }

    fn duplicate(&mut self, what: What, name: &str, span: Span, first: Span) {
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
                    if self.fresh(What::Fact, &d.name, &mut names) {
                        let ty = self.type_name(&d.ty);
                        let f = self.base.facts.len();
                        self.base.names.facts.insert(d.name.node.clone(), f);
                        self.base.facts.push(FactDecl {
                            name: d.name.node.clone(),
                            per_agreement: d.per_agreement,
                            ty,
                            question: squash(&d.question.node),
                            requirement: d.requirement.as_ref().map(|r| squash(&r.node)),
                            span: d.name.span,
                        });
                    }
                }
                Item::Attribute(d) => {
                    if self.fresh(What::Attribute, &d.name, &mut names) {
                        let ty = self.type_name(&d.ty);
                        let a = self.base.attrs.len();
                        self.base.names.attrs.insert(d.name.node.clone(), a);
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

    fn fresh(&mut self, what: What, name: &ast::Ident, names: &mut HashMap<String, Span>) -> bool {
        if let Some(first) = names.get(&name.node).copied() {
            self.duplicate(what, &name.node, name.span, first);
            return false;
        }
        names.insert(name.node.clone(), name.span);
        true
    }

    fn choice(&mut self, c: &ast::ChoiceDecl, names: &mut HashMap<String, Span>) {
        if !self.fresh(What::Choice, &c.name, names) {
            return;
        }
        let mut values: HashMap<&str, Span> = HashMap::new();
        for v in &c.values {
            if let Some(first) = values.get(v.node.as_str()).copied() {
                self.duplicate(What::ChoiceValue, &v.node, v.span, first);
            }
            values.insert(&v.node, v.span);
        }
        let index = self.base.choices.len();
        self.base.names.choices.insert(c.name.node.clone(), index);
        self.base.choices.push(ChoiceDecl {
            name: c.name.node.clone(),
            values: c.values.iter().map(|v| v.node.clone()).collect(),
        });
    }

    /// A declared type; a choice must be declared.
    fn type_name(&mut self, ty: &Spanned<Type>) -> Type {
        if let Type::Choice(c) = &ty.node
            && self.base.choice(c).is_none()
        {
            let known = ["janee", "bedrag", "getal", "datum", "tekst"]
                .into_iter()
                .chain(self.base.choices.iter().map(|d| d.name.as_str()))
                .collect();
            let error = unknown(What::Type, c, ty.span, known);
            self.unknown(error);
        }
        ty.node.clone()
    }

    /// Sources and their rules, then the events that refer to them, then when each rule binds.
    fn sources(&mut self, files: &[ast::File], world: &World) {
        let sources: Vec<&ast::Source> = files
            .iter()
            .flat_map(|f| &f.items)
            .filter_map(|i| match i {
                Item::Source(s) => Some(&**s),
                _ => None,
            })
            .collect();
        let mut kept = Vec::new();
        for source in &sources {
            if let Some(first) = self.base.doc_id(&source.id.node) {
                let first = self.base.docs[first].span;
                self.duplicate(What::Source, &source.id.node, source.id.span, first);
                continue;
            }
            let doc = self.source(source, world);
            kept.push((doc, *source));
        }
        for (doc, source) in kept {
            for event in &source.events {
                self.event(doc, event);
            }
        }
        self.check_histories();
        self.lives();
        self.index(world);
    }

    fn source(&mut self, source: &ast::Source, world: &World) -> DocId {
        let first_error = self.errors.len();
        self.meeting_holes(source);
        let doc = self.base.docs.len();
        self.base.names.docs.insert(source.id.node.clone(), doc);
        self.base.docs.push(Doc {
            kind: source.kind,
            id: source.id.node.clone(),
            title: squash(&source.title.node),
            meeting: source.meeting.node.clone(),
            date: source.date.node,
            date_assumption: assumed(source.date_assumption.as_ref()),
            vote: source.vote.as_ref().map(|v| Vote {
                for_share: v.for_share.as_ref().map(|s| s.node.clone()),
                against_share: v.against_share.as_ref().map(|s| s.node.clone()),
            }),
            span: source.id.span,
        });
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for rule in &source.rules {
            if let Some(first) = seen.get(rule.id.node.as_str()).copied() {
                self.duplicate(What::Rule, &rule.id.node, rule.id.span, first);
                continue;
            }
            seen.insert(&rule.id.node, rule.id.span);
            self.rule(doc, rule, world);
        }
        for id in &source.approvals {
            let mut ex = expr::ExprChecker {
                cx: self,
                world,
                in_agreement: true,
            };
            if let Some(agreement) = ex.agreement(id) {
                self.base.approvals.push(Approval {
                    doc,
                    agreement,
                    action: crate::ast::Action::Consent,
                    span: id.span,
                });
            }
        }
        let decides_nothing = source.rules.is_empty()
            && source.events.is_empty()
            && source.approvals.is_empty()
            && source.kind != SourceKind::Motion;
        if decides_nothing {
            let id = &source.id.node;
            self.errors.push(CheckError::Usage {
                message: tr!(
                    "bron `{id}` heeft geen regels en besluit niets",
                    "source `{id}` has no rules and decides nothing"
                ),
                span: source.id.span,
                help: Some(tr!(
                    "voeg een `regel` toe, of een regel `hef op` / `afgehandeld` / `aangehouden`",
                    "add a `regel`, or a `hef op` / `afgehandeld` / `aangehouden` line"
                )),
            });
        }
        // A rule's selector is checked before its condition; the reader wants file order.
        self.errors[first_error..].sort_by_key(|e| e.span().start);
        doc
    }

    /// `vergadering ??? ???`: a body or date still to fill in.
    fn meeting_holes(&mut self, source: &ast::Source) {
        let holes = [
            (&source.body_hole, holes::Site::Body),
            (&source.date_hole, holes::Site::Date),
        ];
        for (hole, site) in holes {
            if let Some(h) = hole {
                let note = h.note.as_ref().map(|n| n.node.as_str());
                self.errors.push(holes::hole(note, h.span, site));
            }
        }
    }

    fn rule(&mut self, doc: DocId, rule: &ast::Rule, world: &World) {
        if squash(&rule.quote.node).is_empty() {
            self.errors.push(CheckError::Usage {
                message: tr!(
                    "de `bron` van de regel is leeg",
                    "the rule's `bron` is empty"
                ),
                span: rule.quote.span,
                help: Some(tr!(
                    "citeer de zin uit het brondocument die de regel vastlegt",
                    "quote the sentence of the source document the rule encodes"
                )),
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
                actions,
                selector,
            } => {
                let compiled = ex.selector(selector);
                let condition =
                    ex.condition(&rule.condition, &tr!("de voorwaarde", "the condition"));
                let selector_text = self.selector_text(selector);
                let mut list: Vec<crate::ast::Action> = Vec::new();
                for a in actions {
                    if list.contains(&a.node) {
                        let word = a.node.word();
                        self.errors.push(CheckError::Usage {
                            message: tr!(
                                "de handeling `{word}` staat twee keer in deze regel",
                                "the action `{word}` appears twice in this rule"
                            ),
                            span: a.span,
                            help: None,
                        });
                    }
                    list.push(a.node);
                }
                let effect = Effect::Condition {
                    kind: *kind,
                    actions: list,
                    selector: compiled,
                    selector_text,
                };
                (effect, condition)
            }
            ast::Effect::Signal { text } => {
                let what = tr!("de voorwaarde van het signaal", "the signal's condition");
                let condition = ex.condition(&rule.condition, &what);
                let effect = Effect::Signal {
                    text: squash(&text.node),
                };
                (effect, condition)
            }
        };
        if let (Some(reservation), ast::Effect::Signal { .. }) = (&rule.reservation, &rule.effect) {
            self.errors.push(CheckError::Usage {
                message: tr!(
                    "een signaal kan geen voorbehoud hebben",
                    "a signal cannot carry a reservation"
                ),
                span: reservation.span,
                help: Some(tr!(
                    "`onder voorbehoud` hoort bij een regel met `vereis` of `verbied`",
                    "`onder voorbehoud` belongs to a `vereis` or `verbied` rule"
                )),
            });
        }
        self.validity(doc, rule);
        let r = self.base.rules.len();
        self.base.names.rules.insert((doc, rule.id.node.clone()), r);
        self.base.rules.push(Rule {
            doc,
            id: rule.id.node.clone(),
            quote: squash(&rule.quote.node),
            quote_span: rule.quote.span,
            effect,
            condition,
            reservation: rule.reservation.as_ref().map(|r| squash(&r.node)),
            valid_from: rule.valid_from.as_ref().map(|d| d.node),
            valid_to: rule.valid_to.as_ref().map(|d| d.node),
            assumption: assumed(rule.assumption.as_ref()),
            life: Default::default(),
            span: rule.id.span,
        });
    }

    /// The selector as reports print it: as written, whitespace collapsed.
    fn selector_text(&self, selector: &ast::Selector) -> String {
        match selector {
            ast::Selector::Where(e) => {
                format!("akkoord waar {}", squash(self.base.sources.slice(e.span)))
            }
            other => other.to_string(),
        }
    }

    /// Indexes the rules by what their selectors test, so a decision visits only the rules
    /// its agreement can meet.
    fn index(&mut self, world: &World) {
        self.base.index = crate::index::RuleIndex::build(&self.base.rules, &self.base.nodes, world);
    }

    /// Resolves the reservations recorded actions name (`"voorbehoud": "bron.regel"`): each must
    /// be a rule with `onder voorbehoud` that conditions that action on that agreement.
    fn recorded(&mut self, world: &mut World) {
        for i in 0..world.recorded.len() {
            let record = &world.recorded[i];
            let mut under = Vec::new();
            for name in &record.reservations {
                match self.reservation_rule(name, record.agreement, record.action, world) {
                    Ok(r) => under.push(r),
                    Err(error) => self.errors.push(error),
                }
            }
            world.recorded[i].under = under;
        }
    }

    fn reservation_rule(
        &self,
        name: &Spanned<String>,
        agreement: usize,
        action: crate::ast::Action,
        world: &World,
    ) -> Result<RuleId, CheckError> {
        let candidates: Vec<RuleId> = (0..self.base.rules.len())
            .filter(|&r| {
                let rule = &self.base.rules[r];
                rule.reservation.is_some()
                    && rule.conditions(action)
                    && self.base.index.about(agreement).contains(&r)
            })
            .collect();
        let found = name
            .node
            .split_once('.')
            .and_then(|(d, r)| self.base.doc_id(d).and_then(|d| self.base.rule_id(d, r)));
        if let Some(r) = found.filter(|r| candidates.contains(r)) {
            return Ok(r);
        }
        let listed: Vec<String> = candidates
            .iter()
            .map(|&r| {
                let reservation = self.base.rules[r].reservation.clone().unwrap_or_default();
                format!("`{}` (\"{reservation}\")", self.base.rule_name(r))
            })
            .collect();
        let (what, agreement_id) = (action.word(), world.agreement_id(agreement));
        let help = if listed.is_empty() {
            tr!(
                "geen regel stelt een voorbehoud bij {what} van `{agreement_id}`; laat `voorbehoud` weg",
                "no rule makes a reservation for {what} of `{agreement_id}`; leave out `voorbehoud`"
            )
        } else {
            tr!(
                "noem de regel met het voorbehoud; voor {what} van `{agreement_id}`: {}",
                "name the rule with the reservation; for {what} of `{agreement_id}`: {}",
                listed.join(", ")
            )
        };
        let text = &name.node;
        if text.contains(char::is_whitespace) || !text.contains('.') {
            return Err(CheckError::Usage {
                message: tr!(
                    "een voorbehoud noemt de regel die het stelt, als `bron.regel`, niet \"{text}\"",
                    "a reservation names the rule that makes it, as `source.rule`, not \"{text}\""
                ),
                span: name.span,
                help: Some(help),
            });
        }
        Err(CheckError::Unknown {
            what: What::Rule,
            name: text.clone(),
            span: name.span,
            help: Some(help),
        })
    }
}

/// Sets facts for one evaluation, as given on the command line (`--stel x(ggz)=ja`): each is
/// checked like a scenario's `stel` and replaces the fact's values in the world.
pub fn apply_overrides(loaded: &mut Loaded, texts: &[String]) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut sets = Vec::new();
    for text in texts {
        match read_assignment(loaded, "--stel", text) {
            Ok(set) => sets.push(set),
            Err(errors) => problems.extend(errors),
        }
    }
    for a in sets {
        crate::testing::set(&mut loaded.world, a.fact, a.agreement, a.value, "--stel");
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A fact, the agreement for a per-agreement fact, and a value (`None`: unknown), checked
/// against the fact's declaration: what `--stel` and `akkoord stel` take.
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    /// The fact.
    pub fact: FactId,
    /// The agreement, for a per-agreement fact.
    pub agreement: Option<AgreementId>,
    /// The value; `None` for `onbekend`.
    pub value: Option<Value>,
}

/// Reads one `feit(akkoord)=waarde` (the grammar's `set_override`) against the loaded rules and
/// facts. The text is kept in the rule base's sources under `origin`, so that an error points
/// into it with a hint: an unknown name gets "did you mean", a value of the wrong type says
/// which type the fact has.
pub fn read_assignment(
    loaded: &mut Loaded,
    origin: &str,
    text: &str,
) -> Result<Assignment, Vec<Problem>> {
    let mut cx = Checker {
        base: std::mem::take(&mut loaded.base),
        errors: Vec::new(),
    };
    let id = cx.base.sources.add(origin, text.to_string());
    let read = match crate::parse::parse_override(id, cx.base.sources.text(id)) {
        Ok(set) => cx.set_fact(&set, &loaded.world).ok_or_else(Vec::new),
        Err(e) => Err(vec![Problem::Parse(e)]),
    };
    loaded.base = cx.base;
    match read {
        Ok((fact, agreement, value)) if cx.errors.is_empty() => Ok(Assignment {
            fact,
            agreement,
            value,
        }),
        Ok(_) => Err(cx.errors.into_iter().map(Problem::Check).collect()),
        Err(mut problems) => {
            problems.extend(cx.errors.into_iter().map(Problem::Check));
            Err(problems)
        }
    }
}

/// Reads one `kenmerk=waarde` for an agreement's attribute, as `akkoord nieuw-akkoord --kenmerk`
/// takes it, with the same grammar and value reader as [`read_assignment`]; `onbekend` is
/// refused (leave the attribute out instead).
pub fn read_attribute(
    loaded: &mut Loaded,
    origin: &str,
    text: &str,
) -> Result<(AttrId, Value), Vec<Problem>> {
    let mut cx = Checker {
        base: std::mem::take(&mut loaded.base),
        errors: Vec::new(),
    };
    let id = cx.base.sources.add(origin, text.to_string());
    let read = crate::parse::parse_override(id, cx.base.sources.text(id))
        .map_err(|e| vec![Problem::Parse(e)])
        .map(|set| cx.attribute_value(&set));
    loaded.base = cx.base;
    match read {
        Ok(Some(found)) if cx.errors.is_empty() => Ok(found),
        Ok(_) => Err(cx.errors.into_iter().map(Problem::Check).collect()),
        Err(problems) => Err(problems),
    }
}

fn assumed(text: Option<&Spanned<String>>) -> Option<Assumed> {
    text.map(|t| Assumed {
        reason: squash(&t.node),
        span: t.span,
    })
}

/// An unknown-name error with a "did you mean" hint drawn from `known`.
pub(crate) fn unknown(what: What, name: &str, span: Span, known: Vec<&str>) -> CheckError {
    let help = did_you_mean(name, known);
    CheckError::Unknown {
        what,
        name: name.into(),
        span,
        help,
    }
}
