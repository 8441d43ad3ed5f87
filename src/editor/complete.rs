//! What may be written at the cursor: agreement ids after `akkoord`, sources and `bron.regel`
//! after `hef op`, a status, `door` or `verwacht voorbehoud`, choice values in `in {…}` or after
//! `=`, types after `feit x:`, facts after `stel`, and elsewhere keywords (Dutch and English),
//! facts and attributes. Read from the words before the cursor, so it works on unfinished text.

use std::path::Path;

use crate::compiled::squash;
use crate::value::Type;

use super::index::{FileKind, Symbol};
use super::keywords::KEYWORDS;
use super::lexical::{Lex, Token, tokens, typed_start};
use super::values::json_name;
use super::{Analysis, LineIndex, Position, Range};

/// One thing that may be written at the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// What is written.
    pub label: String,
    /// What it is.
    pub kind: CompletionKind,
    /// A line about it: a question, a title, a quote, what a keyword does.
    pub detail: Option<String>,
    /// The text it replaces: what was typed of it so far.
    pub range: Range,
}

/// What a completion is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    /// a keyword
    Keyword,
    /// a type name
    Type,
    /// a fact
    Fact,
    /// an attribute
    Attribute,
    /// a value of a choice
    Value,
    /// an agreement id
    Agreement,
    /// a source id
    Source,
    /// `bron.regel`
    Rule,
}

/// What the words before the cursor ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Wanted {
    Agreements,
    Targets,
    Values(Option<String>),
    Types,
    Facts,
    Anything,
}

/// What may be written at a position, filtered by what was typed of it.
pub fn complete(analysis: &Analysis, path: &Path, position: Position) -> Vec<Completion> {
    let Some((file, offset)) = analysis.offset(path, position) else {
        return Vec::new();
    };
    let Some(indexed) = analysis.index.file(file) else {
        return Vec::new();
    };
    let text = analysis.index.sources.text(file);
    let start = typed_start(text, offset);
    let (before, lex) = tokens(&text[..start]);
    if indexed.kind == FileKind::Facts || lex != Lex::Code {
        return Vec::new();
    }
    let typed = &text[start..offset.max(start)];
    let range = LineIndex::new(text).range(start, offset);
    let words: Vec<Token<'_>> = before.into_iter().map(|(_, t)| t).collect();
    let found = match wanted(&words) {
        Wanted::Agreements => agreements(analysis),
        Wanted::Targets => targets(analysis, typed),
        Wanted::Values(of) => values(analysis, of.as_deref()),
        Wanted::Types => types(analysis),
        Wanted::Facts => names(analysis, |s| matches!(s, Symbol::Fact(_))),
        Wanted::Anything => {
            let mut all = names(analysis, |s| {
                matches!(s, Symbol::Fact(_) | Symbol::Attribute(_))
            });
            all.extend(keywords());
            all
        }
    };
    found
        .into_iter()
        .filter(|(label, _, _)| fits(typed, label))
        .map(|(label, kind, detail)| Completion {
            label,
            kind,
            detail,
            range,
        })
        .collect()
}

type Found = (String, CompletionKind, Option<String>);

/// True when the typed characters occur in the label in order, ignoring case.
fn fits(typed: &str, label: &str) -> bool {
    let mut label = label.chars().map(|c| c.to_ascii_lowercase());
    typed
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .all(|c| label.any(|l| l == c))
}

fn word<'t>(words: &[Token<'t>], back: usize) -> Option<&'t str> {
    match words.len().checked_sub(back + 1).and_then(|i| words.get(i)) {
        Some(Token::Word(w)) => Some(w),
        _ => None,
    }
}

fn sign(words: &[Token<'_>], back: usize) -> Option<char> {
    match words.len().checked_sub(back + 1).and_then(|i| words.get(i)) {
        Some(Token::Sign(c)) => Some(*c),
        _ => None,
    }
}

/// What the words before the cursor ask for.
fn wanted(words: &[Token<'_>]) -> Wanted {
    if let Some(of) = open_set(words) {
        return Wanted::Values(of);
    }
    let words = list_head(words);
    match (sign(words, 0), word(words, 0)) {
        (Some('('), _) if word(words, 1).is_some() => Wanted::Agreements,
        (Some(':'), _) if declares(words) => Wanted::Types,
        (Some('='), _) => Wanted::Values(word(words, 1).map(str::to_string)),
        (_, Some("stel" | "set")) => Wanted::Facts,
        (_, Some("akkoord" | "agreement")) if !matches!(word(words, 1), Some("elk" | "every")) => {
            Wanted::Agreements
        }
        (_, Some(w)) if names_targets(w, word(words, 1)) => Wanted::Targets,
        (_, Some(_)) if expects_agreement(words) => Wanted::Agreements,
        _ => Wanted::Anything,
    }
}

/// Inside an unclosed `in {`: the name it is about, if written just before `in`.
fn open_set(words: &[Token<'_>]) -> Option<Option<String>> {
    let open = words
        .iter()
        .rposition(|t| matches!(t, Token::Sign('{' | '}')))?;
    if words.get(open) != Some(&Token::Sign('{')) || word(&words[..open], 0) != Some("in") {
        return None;
    }
    let lhs = &words[..open - 1];
    let name = match sign(lhs, 0) {
        Some(')') => word(lhs, 3),
        _ => word(lhs, 0),
    };
    Some(name.map(str::to_string))
}

/// The words up to the start of a list the cursor is in: `akkoord a, b, ` and
/// `door s.r, t.q, ` ask for the same as their first item.
fn list_head<'a, 't>(mut words: &'a [Token<'t>]) -> &'a [Token<'t>] {
    while sign(words, 0) == Some(',') {
        let mut n = 1;
        if word(words, n).is_some() {
            n += 1;
            if sign(words, n) == Some('.') && word(words, n + 1).is_some() {
                n += 2;
            }
        }
        words = &words[..words.len() - n];
    }
    words
}

/// `feit x:` or `feit x(akkoord):` or `kenmerk x:`.
fn declares(words: &[Token<'_>]) -> bool {
    let head = if sign(words, 1) == Some(')') { 5 } else { 2 };
    matches!(
        word(words, head),
        Some("feit" | "fact" | "kenmerk" | "attribute")
    )
}

/// The words after which a source or `bron.regel` is written.
fn names_targets(word: &str, before: Option<&str>) -> bool {
    match word {
        "afgehandeld" | "settled" | "aangehouden" | "held" | "ingetrokken" | "withdrawn"
        | "verworpen" | "rejected" | "aangenomen" | "adopted" | "door" | "by" | "lift" => true,
        "op" => before == Some("hef"),
        "uitgesteld" => before == Some("stemming"),
        "deferred" => before == Some("vote"),
        "voorbehoud" | "reservation" => matches!(before, Some("verwacht" | "expect")),
        _ => false,
    }
}

/// `verwacht ondertekening van `: an agreement id follows.
fn expects_agreement(words: &[Token<'_>]) -> bool {
    let is_action = word(words, 1)
        .and_then(crate::ast::Action::from_word)
        .is_some();
    is_action && matches!(word(words, 2), Some("verwacht" | "expect"))
}

fn names(analysis: &Analysis, keep: impl Fn(&Symbol) -> bool) -> Vec<Found> {
    let index = &analysis.index;
    index
        .declared(keep)
        .into_iter()
        .filter_map(|s| match s {
            Symbol::Fact(n) => index.fact(n).map(|d| {
                let detail = squash(&d.question.node);
                (n.clone(), CompletionKind::Fact, Some(detail))
            }),
            Symbol::Attribute(n) => index.attribute(n).map(|d| {
                let detail = squash(&d.question.node);
                (n.clone(), CompletionKind::Attribute, Some(detail))
            }),
            _ => None,
        })
        .collect()
}

fn agreements(analysis: &Analysis) -> Vec<Found> {
    let index = &analysis.index;
    index
        .declared(|s| matches!(s, Symbol::Agreement(_)))
        .into_iter()
        .filter_map(|s| match s {
            Symbol::Agreement(id) => Some((
                id.clone(),
                CompletionKind::Agreement,
                json_name(analysis, id),
            )),
            _ => None,
        })
        .collect()
}

/// Sources and `bron.regel`; after `bron.` only that source's rules.
fn targets(analysis: &Analysis, typed: &str) -> Vec<Found> {
    let index = &analysis.index;
    let only = typed.split_once('.').map(|(s, _)| s);
    index
        .declared(|s| matches!(s, Symbol::Source(_) | Symbol::Rule(..)))
        .into_iter()
        .filter_map(|s| match s {
            Symbol::Source(id) if only.is_none() => index.source(id).map(|src| {
                let title = squash(&src.title.node);
                (id.clone(), CompletionKind::Source, Some(title))
            }),
            Symbol::Rule(src, id) if only.is_none_or(|o| o == src) => {
                let quote = index
                    .rule(src, id)
                    .map(|(_, r)| short(&squash(&r.quote.node)));
                Some((format!("{src}.{id}"), CompletionKind::Rule, quote))
            }
            _ => None,
        })
        .collect()
}

/// The values of the choice `of` has as its type, or of every choice.
fn values(analysis: &Analysis, of: Option<&str>) -> Vec<Found> {
    let index = &analysis.index;
    let ty = of.and_then(|n| {
        let fact = index.fact(n).map(|d| &d.ty.node);
        fact.or_else(|| index.attribute(n).map(|d| &d.ty.node))
    });
    let choices: Vec<_> = match ty {
        Some(Type::Choice(c)) => index.choice(c).into_iter().collect(),
        _ => index
            .items()
            .filter_map(|i| match i {
                crate::ast::Item::Choice(c) => Some(c),
                _ => None,
            })
            .collect(),
    };
    choices
        .into_iter()
        .flat_map(|c| {
            c.values.iter().map(|v| {
                let detail = Some(c.name.node.clone());
                (v.node.clone(), CompletionKind::Value, detail)
            })
        })
        .collect()
}

fn types(analysis: &Analysis) -> Vec<Found> {
    let builtin = [
        "janee", "yesno", "bedrag", "amount", "getal", "number", "datum", "date",
    ];
    let text = ["tekst", "text"];
    let mut out: Vec<Found> = builtin
        .iter()
        .chain(&text)
        .map(|t| (t.to_string(), CompletionKind::Type, None))
        .collect();
    out.extend(
        analysis
            .index
            .declared(|s| matches!(s, Symbol::Choice(_)))
            .into_iter()
            .filter_map(|s| match s {
                Symbol::Choice(c) => Some((c.clone(), CompletionKind::Type, None)),
                _ => None,
            }),
    );
    out
}

fn keywords() -> Vec<Found> {
    KEYWORDS
        .iter()
        .flat_map(|k| {
            let detail = k.explanation().to_string();
            k.spellings()
                .map(move |s| (s.to_string(), CompletionKind::Keyword, Some(detail.clone())))
        })
        .collect()
}

/// A quote cut to about eighty characters.
fn short(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
