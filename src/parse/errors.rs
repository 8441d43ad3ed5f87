//! Parse errors in the user's words, and the checks that run before pest: an unclosed quote
//! and nesting too deep for the later stages.

use crate::error::ParseError;
use crate::span::{FileId, Span};

use super::{MAX_NESTING, Syn};

pub(super) fn date_reason(e: &jiff::Error) -> String {
    let text = e.to_string();
    if text.contains("day") {
        "no such day".into()
    } else if text.contains("month") {
        "no such month".into()
    } else {
        "not a calendar date".into()
    }
}

/// Finds a `"` that is never closed and reports it where it opens: pest alone would point at
/// the end of the file.
pub(super) fn unclosed_quote(file: FileId, text: &str) -> Option<ParseError> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
                continue;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= bytes.len() {
                    return Some(ParseError::Syntax {
                        expected: "a closing `\"` for this text".into(),
                        span: Span::new(file, start, start + 1),
                        help: Some(
                            "every quoted text ends with `\"`; write a `\"` inside text as `\\\"`"
                                .into(),
                        ),
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reports the first `(` or `niet` nested deeper than [`MAX_NESTING`]. Text in quotes and
/// comments is skipped as in [`unclosed_quote`]; this runs after it, so quotes are closed.
pub(super) fn too_deep(file: FileId, text: &str) -> Option<ParseError> {
    let bytes = text.as_bytes();
    let (mut depth, mut nots, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            // `bytes[i]` is ASCII, so `i` is a char boundary.
            b'n' if text[i..].starts_with("niet ") => {
                nots += 1;
                i += 3;
            }
            b'n' if text[i..].starts_with("not ") => {
                nots += 1;
                i += 2;
            }
            c if !c.is_ascii_whitespace() => nots = 0,
            _ => {}
        }
        if depth + nots > MAX_NESTING {
            return Some(ParseError::Syntax {
                expected: format!("at most {MAX_NESTING} levels of nesting"),
                span: Span::new(file, i, i + 1),
                help: Some("split the condition into smaller rules or facts".into()),
            });
        }
        i += 1;
    }
    None
}

pub(super) fn syntax_error(file: FileId, text: &str, e: pest::error::Error<Syn>) -> ParseError {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let end = next_token_end(text, pos);
    let (expected, help) = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => describe(positives),
        ErrorVariant::CustomError { message } => (message.clone(), None),
    };
    ParseError::Syntax {
        expected,
        span: Span::new(file, pos, end),
        help,
    }
}

/// The end of the word at `pos`, so the label underlines what was found instead.
fn next_token_end(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i);
    pos + len.max(rest.chars().next().map_or(0, char::len_utf8))
}

/// Turns pest's expected rules into the user's words, with a hint for the common mistakes.
fn describe(positives: &[Syn]) -> (String, Option<String>) {
    let mut words: Vec<&str> = positives.iter().map(|r| user_words(*r)).collect();
    words.sort_unstable();
    words.dedup();
    let expected = match words.as_slice() {
        [] => "something else".to_string(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    };
    let help = positives.iter().find_map(|r| hint(*r)).map(str::to_string);
    (expected, help)
}

fn user_words(syn: Syn) -> &'static str {
    match syn {
        Syn::EOI => "the end of the file",
        Syn::ident | Syn::symbol => "a name",
        Syn::string => "quoted text `\"…\"`",
        Syn::date => "a date (YYYY-MM-DD)",
        Syn::integer => "a number",
        Syn::amount => "an amount (`€ 100 mln`)",
        Syn::boolean => "`ja` or `nee`",
        Syn::expr | Syn::call | Syn::op_not => "a condition",
        Syn::choice_decl | Syn::fact_decl | Syn::attr_decl | Syn::source => {
            "a declaration (`feit`, `kenmerk`, `keuze`) or a source (`motie`, `resolutie`, `besluit`, `standpunt`)"
        }
        Syn::source_kind => "`motie`, `resolutie`, `besluit` or `standpunt`",
        Syn::meeting => "`vergadering` with a body and a date",
        Syn::meeting_body => "a meeting body such as ALV, BALV or bestuur",
        Syn::rule => "`regel`",
        Syn::lift => "`hef op`",
        Syn::status | Syn::status_kind => {
            "`afgehandeld`, `aangehouden`, `ingetrokken` or `verworpen`"
        }
        Syn::quote => "`bron \"…\"` with the quoted sentence",
        Syn::forbid | Syn::require | Syn::signal => "`verbied`, `vereis` or `signaal`",
        Syn::reservation => "`onder voorbehoud \"…\"`",
        Syn::validity => "`geldig vanaf …` or `geldig tot …`",
        Syn::kw_when => "`wanneer`",
        Syn::scenario | Syn::property => "`scenario` or `eigenschap`",
        Syn::verdict => "a verdict (`mag`, `mag onder voorbehoud`, `niet`, `onbepaald`)",
        Syn::kw_then => "`dan`",
        Syn::kw_if => "`als`",
        Syn::expect | Syn::set_fact | Syn::on_date | Syn::facts_file => {
            "`op`, `feiten`, `stel` or `verwacht`"
        }
        Syn::action => "an action (`ondertekening`, `instemming`, `uitvoering`, `onderhandeling`)",
        Syn::kw_prep => "`van`, `met` or `over`",
        Syn::selector | Syn::selector_ids | Syn::selector_where | Syn::selector_every => {
            "`akkoord <id>`, `akkoord waar …` or `elk akkoord`"
        }
        Syn::kw_until => "`totdat`",
        Syn::kw_for => "`voor`",
        Syn::type_name => "a type (`janee`, `bedrag`, `getal`, `datum`, `tekst` or a choice name)",
        Syn::per_agreement => "`(akkoord)`",
        Syn::target => "a source id or `source.rule`",
        Syn::op_and | Syn::op_or => "`en` or `of`",
        Syn::op_eq | Syn::op_ne | Syn::op_lt | Syn::op_le | Syn::op_gt | Syn::op_ge => {
            "a comparison (`=`, `≠`, `<`, `<=`, `>`, `>=`)"
        }
        Syn::op_in => "`in {…}`",
        _ => "more input",
    }
}

fn hint(syn: Syn) -> Option<&'static str> {
    Some(match syn {
        Syn::kw_until => {
            "a forbid rule reads `verbied ondertekening van akkoord … totdat <voorwaarde>`"
        }
        Syn::kw_for => {
            "a require rule reads `vereis <voorwaarde> voor ondertekening van akkoord …`"
        }
        Syn::quote => "every rule starts with `bron \"…\"`, quoting the sentence it encodes",
        Syn::meeting => {
            "a source starts with the meeting that adopted it, e.g. `vergadering ALV 2018-06-27`"
        }
        Syn::date => "write dates as YYYY-MM-DD, e.g. 2018-11-30",
        Syn::type_name => {
            "types are `janee`, `bedrag`, `getal`, `datum`, `tekst` or a declared `keuze`"
        }
        _ => return None,
    })
}
