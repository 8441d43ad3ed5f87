//! `akkoord fmt`: one canonical layout for rule and scenario files.
//!
//! ```text
//! text ──parse::parse_tree──▶ concrete tree ──layout──▶ doc ──doc::print (width 100)──▶ text
//! ```
//!
//! The layout keeps every word in its order and every comment between the same two words, keeps
//! texts in quotes byte for byte, and writes the keywords in one language. Before it answers,
//! [`format()`] checks its own work the way Black does: the result must parse to the same syntax
//! tree, hold the same comments and texts in the same order, and come out the same when
//! formatted again. When it does not, the file is not formatted (a [`Problem::Format`]).

mod changes;
mod comments;
mod doc;
mod expr;
mod files;
mod items;
mod keywords;
mod layout;

pub use changes::unified_diff;
pub use files::{Input, Mode, Run, format_inputs, rule_files};

use crate::ast::File;
use crate::error::Problem;
use crate::i18n::Lang;
use crate::parse::{parse_file, parse_tree};
use crate::span::{FileId, Span, normalize};
use crate::tr;

/// The widest a line is made where the layout can break it (texts in quotes and comments are
/// never broken).
pub const WIDTH: usize = 100;

/// A file in its canonical layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formatted {
    /// The text.
    pub text: String,
    /// The language of its keywords.
    pub keywords: Lang,
}

/// Formats one rule file, read as [`normalize`] makes it (no byte order mark; lines ending in
/// `\n`, or `\r\n` when the first line does). The keywords are written in `keywords`, or, when
/// `None`, in the language most of them are in (Dutch when as many are in each). Errors are
/// the file's parse errors, or a [`Problem::Format`] when the check of the result fails.
pub fn format(file: FileId, text: &str, keywords: Option<Lang>) -> Result<Formatted, Problem> {
    let text = normalize(text);
    let before = parse_file(file, &text)?;
    let lang = match keywords {
        Some(lang) => lang,
        None => keywords::majority(&parse_tree(file, &text)?, &text),
    };
    let out = layout(file, &text, lang)?;
    check(file, (&text, &before), &out, lang)?;
    Ok(Formatted {
        text: out,
        keywords: lang,
    })
}

/// The formatter's check of its own result `out` for `text` (parsed as `before`): the same
/// syntax tree, the same comments and quotes in order, and the same again when formatted again.
fn check(
    file: FileId,
    (text, before): (&str, &File),
    out: &str,
    lang: Lang,
) -> Result<(), Problem> {
    let comment_texts = |t: &str| -> Vec<String> {
        comments::collect(t)
            .iter()
            .map(|c| c.text(t).to_string())
            .collect()
    };
    let broken = if parse_file(file, out).ok().as_ref() != Some(before) {
        tr!(
            "de opmaak zou iets anders betekenen",
            "the layout would mean something else"
        )
    } else if comment_texts(text) != comment_texts(out) {
        tr!(
            "een opmerking zou verplaatst of weggelaten worden",
            "a comment would be moved or left out"
        )
    } else if comments::quoted(text) != comments::quoted(out) {
        tr!(
            "een tekst tussen aanhalingstekens zou veranderen",
            "a text in quotes would change"
        )
    } else if layout(file, out, lang).ok().as_deref() != Some(out) {
        tr!(
            "een tweede keer formatteren zou het weer veranderen",
            "formatting it again would change it again"
        )
    } else {
        return Ok(());
    };
    Err(Problem::Format {
        message: broken,
        span: Span::new(file, 0, 0),
    })
}

/// The canonical layout of a text that parses.
fn layout(file: FileId, text: &str, lang: Lang) -> Result<String, Problem> {
    let tree = parse_tree(file, text)?;
    let comments = comments::collect(text);
    let mut builder = layout::Builder::new(text, &comments, lang);
    let doc = builder.file(&tree);
    if !builder.wrote_every_comment() {
        return Err(Problem::Format {
            message: tr!(
                "een opmerking zou weggelaten worden",
                "a comment would be left out"
            ),
            span: Span::new(file, 0, 0),
        });
    }
    let newline = match text.find('\n') {
        Some(at) if text[..at].ends_with('\r') => "\r\n",
        _ => "\n",
    };
    Ok(doc::print(&doc, WIDTH, newline))
}

#[cfg(test)]
mod tests;
