//! The outline of a file: its declarations, its sources with their rules and decisions, its
//! scenarios and properties; for the facts file, its agreements and facts.

use std::path::Path;

use crate::ast::{self, Item};
use crate::compiled::squash;
use crate::i18n::t;
use crate::json::Json;
use crate::span::Span;

use super::collect::{AGREEMENTS, FACTS};
use super::lexical::{block_end, keyword_start};
use super::values::type_word;
use super::{Analysis, LineIndex, Range};

/// One entry of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    /// Its name.
    pub name: String,
    /// A short line beside it: a type, a title.
    pub detail: Option<String>,
    /// What it is.
    pub kind: OutlineKind,
    /// The whole of it, from its keyword to its end.
    pub range: Range,
    /// Its name.
    pub selection: Range,
    /// What it holds: a choice's values, a source's rules.
    pub children: Vec<Outline>,
}

/// What an outline entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlineKind {
    /// `keuze`
    Choice,
    /// a value of a choice
    Value,
    /// `feit`
    Fact,
    /// `kenmerk`
    Attribute,
    /// a source
    Source,
    /// a rule of a source
    Rule,
    /// a decision about earlier sources or rules
    Decision,
    /// `scenario`
    Scenario,
    /// `eigenschap`
    Property,
    /// a section of the facts file
    Section,
    /// an agreement in the facts file
    Agreement,
}

/// The outline of a file of the analysed folder; empty for any other file.
pub fn outline(analysis: &Analysis, path: &Path) -> Vec<Outline> {
    let Some(file) = analysis.index.file_id(path) else {
        return Vec::new();
    };
    let Some(indexed) = analysis.index.file(file) else {
        return Vec::new();
    };
    let text = analysis.index.sources.text(file);
    let cx = Cx {
        text,
        lines: LineIndex::new(text),
    };
    if let Some(json) = &indexed.json {
        return cx.facts_file(json);
    }
    indexed.syntax.items.iter().map(|i| cx.item(i)).collect()
}

struct Cx<'t> {
    text: &'t str,
    lines: LineIndex<'t>,
}

impl Cx<'_> {
    fn entry(&self, name: &ast::Ident, kind: OutlineKind, end: usize) -> Outline {
        let start = keyword_start(self.text, name.span.start);
        Outline {
            name: name.node.clone(),
            detail: None,
            kind,
            range: self.lines.range(start, end.max(name.span.end)),
            selection: self.lines.range(name.span.start, name.span.end),
            children: Vec::new(),
        }
    }

    /// An entry whose body is a `{ … }` block after its name.
    fn block(&self, name: &ast::Ident, kind: OutlineKind) -> Outline {
        let end = block_end(self.text, name.span.end).unwrap_or(name.span.end);
        self.entry(name, kind, end)
    }

    fn item(&self, item: &Item) -> Outline {
        match item {
            Item::Choice(c) => Outline {
                children: c
                    .values
                    .iter()
                    .map(|v| self.leaf(v, OutlineKind::Value))
                    .collect(),
                ..self.block(&c.name, OutlineKind::Choice)
            },
            Item::Fact(d) => {
                let end = d.requirement.as_ref().unwrap_or(&d.question).span.end;
                Outline {
                    detail: Some(type_word(&d.ty.node)),
                    ..self.entry(&d.name, OutlineKind::Fact, end)
                }
            }
            Item::Attribute(d) => Outline {
                detail: Some(type_word(&d.ty.node)),
                ..self.entry(&d.name, OutlineKind::Attribute, d.question.span.end)
            },
            Item::Source(s) => self.source(s),
            Item::Scenario(s) => Outline {
                detail: Some(squash(&s.title.node)),
                ..self.block(&s.id, OutlineKind::Scenario)
            },
            Item::Property(p) => Outline {
                detail: Some(squash(&p.title.node)),
                ..self.block(&p.id, OutlineKind::Property)
            },
        }
    }

    fn leaf(&self, name: &ast::Ident, kind: OutlineKind) -> Outline {
        let range = self.lines.range(name.span.start, name.span.end);
        Outline {
            name: name.node.clone(),
            detail: None,
            kind,
            range,
            selection: range,
            children: Vec::new(),
        }
    }

    fn source(&self, s: &ast::Source) -> Outline {
        let rules = s.rules.iter().map(|r| Outline {
            detail: Some(squash(&r.quote.node)),
            ..self.block(&r.id, OutlineKind::Rule)
        });
        let decisions = s.events.iter().map(|e| self.decision(e));
        Outline {
            detail: Some(squash(&s.title.node)),
            children: rules.chain(decisions).collect(),
            ..self.block(&s.id, OutlineKind::Source)
        }
    }

    /// `hef op rob_bijstand.blokkade`
    fn decision(&self, e: &ast::Event) -> Outline {
        let targets: Vec<String> = e
            .targets
            .iter()
            .map(|t| {
                self.text
                    .get(t.span.start..t.span.end)
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        let word = t(e.kind.dutch(), e.kind.english());
        let first = e.targets.first().map_or(e.span, |t| t.span);
        Outline {
            name: format!("{word} {}", targets.join(", ")),
            detail: None,
            kind: OutlineKind::Decision,
            range: self.lines.range(e.span.start, e.span.end),
            selection: self.lines.range(first.start, first.end),
            children: Vec::new(),
        }
    }

    /// The facts file: its agreements, and its facts.
    fn facts_file(&self, json: &Json) -> Vec<Outline> {
        let Some(members) = json.as_object() else {
            return Vec::new();
        };
        members
            .iter()
            .filter(|m| AGREEMENTS.contains(&m.key.as_str()) || FACTS.contains(&m.key.as_str()))
            .map(|m| {
                let kind = if AGREEMENTS.contains(&m.key.as_str()) {
                    OutlineKind::Agreement
                } else {
                    OutlineKind::Fact
                };
                let children = m.value.as_object().unwrap_or_default();
                Outline {
                    children: children
                        .iter()
                        .map(|c| self.member(&c.key, c.key_span, c.value.span, kind))
                        .collect(),
                    ..self.member(&m.key, m.key_span, m.value.span, OutlineKind::Section)
                }
            })
            .collect()
    }

    fn member(&self, key: &str, key_span: Span, value: Span, kind: OutlineKind) -> Outline {
        Outline {
            name: key.to_string(),
            detail: None,
            kind,
            range: self.lines.range(key_span.start, value.end),
            selection: self.lines.range(key_span.start, key_span.end),
            children: Vec::new(),
        }
    }
}
