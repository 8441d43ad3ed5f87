//! What a name is, shown when the pointer rests on it: a fact or attribute with its type,
//! question and value on the day; a rule with its quote, source and status; a source; an
//! agreement with its attributes and its verdict for signing; a keyword with what it does.
//! What the syntax says is always shown; values and verdicts come from the last check that
//! passed, and say so when that is not the current one.

use std::path::Path;

use crate::answer::{self, AnswerOptions, Cx};
use crate::ast::Action;
use crate::compiled::squash;
use crate::i18n::t;
use crate::tr;

use super::index::{FileKind, Symbol};
use super::keywords::{HOLE, Keyword};
use super::lexical::{Lex, lex_at, word_after, word_at, word_before};
use super::values::{Values, type_word};
use super::{Analysis, Position, Range};

/// What to show for a place: Markdown, and the range it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// The text, in Markdown.
    pub markdown: String,
    /// The name or keyword it is about.
    pub range: Range,
}

/// What the name or keyword at a position is; `None` elsewhere.
pub fn hover(analysis: &Analysis, path: &Path, position: Position) -> Option<Hover> {
    let (file, offset) = analysis.offset(path, position)?;
    if let Some(at) = analysis.index.at(file, offset) {
        let markdown = describe(analysis, &at.symbol)?;
        let range = analysis.location(at.span)?.range;
        return Some(Hover { markdown, range });
    }
    let kind = analysis.index.file(file)?.kind;
    let text = analysis.index.sources.text(file);
    if kind == FileKind::Facts || lex_at(text, offset) != Lex::Code {
        return None;
    }
    let (start, end, keyword) = match hole_at(text, offset) {
        Some((start, end)) => (start, end, &HOLE),
        None => {
            let (start, end) = word_at(text, offset)?;
            (start, end, keyword_at(text, start, end)?)
        }
    };
    let spellings: Vec<String> = keyword.spellings().map(|s| format!("`{s}`")).collect();
    let markdown = format!("{}\n\n{}", spellings.join(" / "), keyword.explanation());
    let range = super::LineIndex::new(text).range(start, end);
    Some(Hover { markdown, range })
}

/// The byte range of the `???` at `offset` (a cursor just after it is on it).
fn hole_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let at = offset.min(bytes.len());
    let start = at - bytes[..at].iter().rev().take_while(|&&b| b == b'?').count();
    let end = at + bytes[at..].iter().take_while(|&&b| b == b'?').count();
    (end - start == 3).then_some((start, end))
}

/// The keyword the word at `start..end` is part of: alone, or with the word before or after
/// (`hef op`, `stemming uitgesteld`, `onder voorbehoud`).
fn keyword_at(text: &str, start: usize, end: usize) -> Option<&'static Keyword> {
    let word = &text[start..end];
    let pairs = [
        word_before(text, start).map(|w| format!("{w} {word}")),
        word_after(text, end).map(|w| format!("{word} {w}")),
    ];
    pairs
        .into_iter()
        .flatten()
        .find_map(|pair| Keyword::find(&pair))
        .or_else(|| Keyword::find(word))
}

/// The Markdown for a symbol; `None` when nothing is known about it.
fn describe(analysis: &Analysis, symbol: &Symbol) -> Option<String> {
    let values = Values::new(analysis);
    let text = match symbol {
        Symbol::Fact(name) => fact(analysis, &values, name)?,
        Symbol::Attribute(name) => attribute(analysis, &values, name)?,
        Symbol::Choice(name) => choice(analysis, name)?,
        Symbol::Value(name) => value(analysis, name),
        Symbol::Source(id) => source(analysis, id)?,
        Symbol::Rule(source, id) => rule(analysis, source, id)?,
        Symbol::Agreement(id) => agreement(analysis, &values, id)?,
        Symbol::Scenario(id) => scenario(analysis, id)?,
        Symbol::Property(id) => {
            let p = analysis.index.property(id)?;
            let word = t("eigenschap", "property");
            format!("**{word}** `{id}`\n\n{}", squash(&p.title.node))
        }
    };
    Some(values.note_stale(text))
}

fn choice(analysis: &Analysis, name: &str) -> Option<String> {
    let c = analysis.index.choice(name)?;
    let list: Vec<String> = c.values.iter().map(|v| format!("`{}`", v.node)).collect();
    let word = t("keuze", "choice");
    Some(format!("**{word}** `{name}`: {}", list.join(", ")))
}

fn value(analysis: &Analysis, name: &str) -> String {
    let of: Vec<String> = analysis
        .index
        .choices_with(name)
        .iter()
        .map(|c| format!("`{}`", c.name.node))
        .collect();
    let of = of.join(", ");
    tr!(
        "**keuzewaarde** `{name}` van {of}",
        "**choice value** `{name}` of {of}"
    )
}

fn scenario(analysis: &Analysis, id: &str) -> Option<String> {
    let s = analysis.index.scenario(id)?;
    let on = s
        .date
        .as_ref()
        .map(|d| format!(" ({} {})", t("op", "on"), d.node));
    let title = squash(&s.title.node);
    Some(format!(
        "**scenario** `{id}`{}\n\n{title}",
        on.unwrap_or_default()
    ))
}

fn fact(analysis: &Analysis, values: &Values<'_>, name: &str) -> Option<String> {
    let d = analysis.index.fact(name)?;
    let call = if d.per_agreement {
        format!("{name}({})", t("akkoord", "agreement"))
    } else {
        name.to_string()
    };
    let mut out = vec![
        format!(
            "**{}** `{call}`: `{}`",
            t("feit", "fact"),
            type_word(&d.ty.node)
        ),
        squash(&d.question.node),
    ];
    if let Some(r) = &d.requirement {
        let word = t("eis", "requirement");
        out.push(format!("*{word}:* {}", squash(&r.node)));
    }
    out.extend(values.fact(name));
    Some(out.join("\n\n"))
}

fn attribute(analysis: &Analysis, values: &Values<'_>, name: &str) -> Option<String> {
    let d = analysis.index.attribute(name)?;
    let mut out = vec![
        format!(
            "**{}** `{name}`: `{}`",
            t("kenmerk", "attribute"),
            type_word(&d.ty.node)
        ),
        squash(&d.question.node),
    ];
    out.extend(values.attribute(name));
    Some(out.join("\n\n"))
}

fn source(analysis: &Analysis, id: &str) -> Option<String> {
    let s = analysis.index.source(id)?;
    let kind = answer::kind_text(s.kind);
    let date = answer::long_date(s.date.node);
    let mut out = vec![
        format!("**{kind}** `{id}`: “{}”", squash(&s.title.node)),
        tr!(
            "vergadering: {} op {date}",
            "meeting: {} on {date}",
            s.meeting.node
        ),
    ];
    if let Some(a) = &s.date_assumption {
        let reason = squash(&a.node);
        out.push(tr!("*aanname:* {reason}", "*assumption:* {reason}"));
    }
    let rules: Vec<String> = s.rules.iter().map(|r| format!("`{}`", r.id.node)).collect();
    if !rules.is_empty() {
        out.push(tr!("regels: {}", "rules: {}", rules.join(", ")));
    }
    out.extend(status(analysis, |cx| {
        let d = cx.base.doc_id(id)?;
        let s = cx.source(d);
        Some(s.vote.into_iter().chain(s.status).collect())
    }));
    Some(out.join("\n\n"))
}

fn rule(analysis: &Analysis, source: &str, id: &str) -> Option<String> {
    let (s, r) = analysis.index.rule(source, id)?;
    let kind = answer::kind_text(s.kind);
    let date = answer::long_date(s.date.node);
    let title = squash(&s.title.node);
    let mut out = vec![
        format!("**{}** `{source}.{id}`", t("regel", "rule")),
        format!("> {}", squash(&r.quote.node)),
        format!("{kind} “{title}” ({} {date})", s.meeting.node),
    ];
    out.extend(status(analysis, |cx| {
        let rule = cx.base.rule_id(cx.base.doc_id(source)?, id)?;
        let date = answer::long_date(cx.date);
        let mut lines = vec![if cx.base.rules[rule].in_force_on(cx.date) {
            tr!("bindt op {date}", "binds on {date}")
        } else {
            tr!("bindt niet op {date}", "does not bind on {date}")
        }];
        lines.extend(cx.rule(rule).source.status);
        Some(lines)
    }));
    Some(out.join("\n\n"))
}

fn agreement(analysis: &Analysis, values: &Values<'_>, id: &str) -> Option<String> {
    let name = values
        .agreement_name(id)
        .or_else(|| super::values::json_name(analysis, id))?;
    let mut out = vec![format!("**{}** `{id}`: {name}", t("akkoord", "agreement"))];
    out.extend(values.attributes_of(id));
    out.extend(status(analysis, |cx| {
        let a = cx.world.agreement(id)?;
        if !cx.world.on_table(a, cx.date) {
            let date = answer::long_date(cx.date);
            return Some(vec![tr!(
                "ligt op {date} niet op tafel",
                "is not on the table on {date}"
            )]);
        }
        let options = AnswerOptions {
            ways: false,
            ..AnswerOptions::default()
        };
        let a = answer::answer(cx.base, cx.world, cx.date, a, Action::Signing, options);
        let sentence = answer::verdict_sentence(a.verdict, a.action, &a.agreement.name, cx.date);
        Some(vec![sentence])
    }));
    Some(out.join("\n\n"))
}

/// Lines worked out from the last rule base that passed; none without one.
fn status(analysis: &Analysis, lines: impl FnOnce(&Cx<'_>) -> Option<Vec<String>>) -> Vec<String> {
    let Some(loaded) = &analysis.loaded else {
        return Vec::new();
    };
    let cx = Cx::new(&loaded.base, &loaded.world, analysis.date);
    lines(&cx).unwrap_or_default()
}
