//! Parse errors in the user's words, and the checks that run before pest: an unclosed quote
//! and nesting too deep for the later stages.

use crate::error::ParseError;
use crate::i18n::t;
use crate::span::{FileId, Span};
use crate::tr;

use super::{MAX_NESTING, Syn};

pub(crate) fn date_reason(e: &jiff::Error) -> String {
    let text = e.to_string();
    if text.contains("day") {
        tr!("die dag bestaat niet", "no such day")
    } else if text.contains("month") {
        tr!("die maand bestaat niet", "no such month")
    } else {
        tr!("geen datum in de kalender", "not a calendar date")
    }
}

/// What the grammar cannot say well, checked before pest runs, by one scan that knows text in
/// quotes and comments (`//` to the end of the line, whatever ends it, and `/* … */`):
/// a `"` or `/*` that is never closed (reported where it opens: pest alone would point at the
/// end of the file), and nesting deeper than [`MAX_NESTING`] (parentheses plus a run of `niet`,
/// whatever whitespace or comments come between), which would exhaust the stack of the stages
/// after parsing.
pub(super) fn prescan(file: FileId, text: &str) -> Option<ParseError> {
    let bytes = text.as_bytes();
    let (mut depth, mut nots, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        let start = i;
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= bytes.len() {
                    return Some(unclosed(file, start, true));
                }
                nots = 0;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                match text[i + 2..].find("*/") {
                    Some(n) => i += 2 + n + 2,
                    None => return Some(unclosed(file, start, false)),
                }
                continue;
            }
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                // The scan stopped at an ASCII byte or the end, so both ends are char boundaries.
                match &text[start..i] {
                    "niet" | "not" => nots += 1,
                    _ => nots = 0,
                }
                i -= 1;
            }
            c if c.is_ascii_whitespace() => {}
            _ => nots = 0,
        }
        if depth + nots > MAX_NESTING {
            return Some(ParseError::Syntax {
                expected: tr!(
                    "hoogstens {MAX_NESTING} niveaus van nesting",
                    "at most {MAX_NESTING} levels of nesting"
                ),
                span: Span::new(file, start, i + 1),
                help: Some(tr!(
                    "splits de voorwaarde in kleinere regels of feiten",
                    "split the condition into smaller rules or facts"
                )),
            });
        }
        i += 1;
    }
    None
}

fn unclosed(file: FileId, start: usize, quote: bool) -> ParseError {
    let (expected, help) = if quote {
        (
            tr!(
                "een afsluitende `\"` voor deze tekst",
                "a closing `\"` for this text"
            ),
            tr!(
                "elke tekst tussen aanhalingstekens eindigt op `\"`; schrijf een `\"` in een tekst als `\\\"`",
                "every quoted text ends with `\"`; write a `\"` inside text as `\\\"`"
            ),
        )
    } else {
        (
            tr!(
                "een afsluitende `*/` voor dit commentaar",
                "a closing `*/` for this comment"
            ),
            tr!(
                "commentaar tussen `/*` en `*/` moet gesloten worden; voor één regel kan ook `//`",
                "a comment between `/*` and `*/` must be closed; for one line, `//` works too"
            ),
        )
    };
    ParseError::Syntax {
        expected,
        span: Span::new(file, start, start + if quote { 1 } else { 2 }),
        help: Some(help),
    }
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
    // pest does not name the `}` it expected; an unbalanced file says it for it.
    let help = help.or_else(|| braces_hint(text));
    ParseError::Syntax {
        expected,
        span: Span::new(file, pos, end),
        help,
    }
}

/// When the braces of a file do not pair up (outside texts and comments), which one is open or
/// too many.
fn braces_hint(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let (mut open, mut extra, mut i) = (Vec::new(), None, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 1);
            }
            b'{' => open.push(i),
            b'}' if open.pop().is_none() => extra = extra.or(Some(i)),
            _ => {}
        }
        i += 1;
    }
    let line = |at: usize| text[..at].bytes().filter(|&b| b == b'\n').count() + 1;
    match (open.as_slice(), extra) {
        ([], None) => None,
        ([], Some(at)) => {
            let n = line(at);
            Some(tr!(
                "de `}}` op regel {n} sluit niets: er staat een `}}` te veel",
                "the `}}` on line {n} closes nothing: there is one `}}` too many"
            ))
        }
        ([first, ..], _) => {
            let (n, count) = (line(*first), open.len());
            Some(tr!(
                "{count} `{{` zonder `}}` in dit bestand; het blok van regel {n} wordt niet gesloten: sluit elke bron en regel af met `}}`",
                "{count} `{{` without `}}` in this file; the block of line {n} is never closed: close every source and rule with `}}`"
            ))
        }
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
    // A hole is for skeletons `akkoord motie` writes, not a thing to suggest while writing.
    let mut words: Vec<&str> = positives
        .iter()
        .filter(|r| **r != Syn::hole)
        .map(|r| user_words(*r))
        .collect();
    words.sort_unstable();
    words.dedup();
    let expected = match words.as_slice() {
        [] => tr!("iets anders", "something else"),
        [one] => (*one).to_string(),
        [rest @ .., last] => tr!("{} of {last}", "{} or {last}", rest.join(", ")),
    };
    let help = positives.iter().find_map(|r| hint(*r)).map(str::to_string);
    (expected, help)
}

fn user_words(syn: Syn) -> &'static str {
    match syn {
        Syn::EOI => t("het einde van het bestand", "the end of the file"),
        Syn::ident | Syn::symbol => t("een naam", "a name"),
        Syn::string => t(
            "tekst tussen aanhalingstekens `\"…\"`",
            "quoted text `\"…\"`",
        ),
        Syn::date => t("een datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)"),
        Syn::integer => t("een getal", "a number"),
        Syn::amount => t("een bedrag (`€ 100 mln`)", "an amount (`€ 100 mln`)"),
        Syn::boolean => t("`ja` of `nee`", "`ja` or `nee`"),
        Syn::expr | Syn::call | Syn::op_not => t("een voorwaarde", "a condition"),
        Syn::choice_decl | Syn::fact_decl | Syn::attr_decl | Syn::source => t(
            "een declaratie (`feit`, `kenmerk`, `keuze`) of een bron (`motie`, `resolutie`, `besluit`, `standpunt`)",
            "a declaration (`feit`, `kenmerk`, `keuze`) or a source (`motie`, `resolutie`, `besluit`, `standpunt`)",
        ),
        Syn::source_kind => t(
            "`motie`, `resolutie`, `besluit` of `standpunt`",
            "`motie`, `resolutie`, `besluit` or `standpunt`",
        ),
        Syn::meeting => t(
            "`vergadering` met een orgaan en een datum",
            "`vergadering` with a body and a date",
        ),
        Syn::meeting_body => t(
            "een orgaan zoals ALV, BALV of bestuur",
            "a meeting body such as ALV, BALV or bestuur",
        ),
        Syn::rule => "`regel`",
        Syn::lift => "`hef op`",
        Syn::status | Syn::status_kind => t(
            "`afgehandeld`, `aangehouden`, `ingetrokken`, `verworpen`, `stemming uitgesteld` of `aangenomen`",
            "`afgehandeld`, `aangehouden`, `ingetrokken`, `verworpen`, `stemming uitgesteld` or `aangenomen`",
        ),
        Syn::assumption => t("`aanname \"…\"`", "`aanname \"…\"`"),
        Syn::vote => t("`stemming voor …%`", "`stemming voor …%`"),
        Syn::approval => t("`instemming met akkoord …`", "`instemming met akkoord …`"),
        Syn::percent => t("een percentage (`87%`)", "a percentage (`87%`)"),
        Syn::quote => t(
            "`bron \"…\"` met de geciteerde zin",
            "`bron \"…\"` with the quoted sentence",
        ),
        Syn::forbid | Syn::require | Syn::signal => t(
            "`verbied`, `vereis` of `signaal`",
            "`verbied`, `vereis` or `signaal`",
        ),
        Syn::reservation => "`onder voorbehoud \"…\"`",
        Syn::validity => t(
            "`geldig vanaf …` of `geldig tot …`",
            "`geldig vanaf …` or `geldig tot …`",
        ),
        Syn::kw_when => "`wanneer`",
        Syn::scenario | Syn::property => {
            t("`scenario` of `eigenschap`", "`scenario` or `eigenschap`")
        }
        Syn::verdict => t(
            "een oordeel (`mag`, `mag onder voorbehoud`, `niet`, `onbepaald`)",
            "a verdict (`mag`, `mag onder voorbehoud`, `niet`, `onbepaald`)",
        ),
        Syn::kw_then => "`dan`",
        Syn::kw_if => "`als`",
        Syn::expect | Syn::set_fact | Syn::on_date | Syn::facts_file => t(
            "`op`, `feiten`, `stel` of `verwacht`",
            "`op`, `feiten`, `stel` or `verwacht`",
        ),
        Syn::action | Syn::actions => t(
            "een handeling (`ondertekening`, `instemming`, `uitvoering`, `onderhandeling`)",
            "an action (`ondertekening`, `instemming`, `uitvoering`, `onderhandeling`)",
        ),
        Syn::kw_prep => t("`van`, `met` of `over`", "`van`, `met` or `over`"),
        Syn::selector | Syn::selector_ids | Syn::selector_where | Syn::selector_every => t(
            "`akkoord <id>`, `akkoord waar …` of `elk akkoord`",
            "`akkoord <id>`, `akkoord waar …` or `elk akkoord`",
        ),
        Syn::kw_until => "`totdat`",
        Syn::kw_for => "`voor`",
        Syn::type_name => t(
            "een type (`janee`, `bedrag`, `getal`, `datum`, `tekst` of de naam van een keuze)",
            "a type (`janee`, `bedrag`, `getal`, `datum`, `tekst` or a choice name)",
        ),
        Syn::per_agreement => "`(akkoord)`",
        Syn::target => t(
            "een bron-id of `bron.regel`",
            "a source id or `source.rule`",
        ),
        Syn::op_and | Syn::op_or => t("`en` of `of`", "`en` or `of`"),
        Syn::op_eq | Syn::op_ne | Syn::op_lt | Syn::op_le | Syn::op_gt | Syn::op_ge => t(
            "een vergelijking (`=`, `≠`, `<`, `<=`, `>`, `>=`)",
            "a comparison (`=`, `≠`, `<`, `<=`, `>`, `>=`)",
        ),
        Syn::op_in => "`in {…}`",
        _ => t("meer invoer", "more input"),
    }
}

fn hint(syn: Syn) -> Option<&'static str> {
    Some(match syn {
        Syn::kw_until => t(
            "een verbod luidt `verbied ondertekening van akkoord … totdat <voorwaarde>`",
            "a forbid rule reads `verbied ondertekening van akkoord … totdat <voorwaarde>`",
        ),
        Syn::kw_for => t(
            "een vereiste luidt `vereis <voorwaarde> voor ondertekening van akkoord …`",
            "a require rule reads `vereis <voorwaarde> voor ondertekening van akkoord …`",
        ),
        Syn::quote => t(
            "elke regel begint met `bron \"…\"`, het citaat van de zin die hij vastlegt",
            "every rule starts with `bron \"…\"`, quoting the sentence it encodes",
        ),
        Syn::meeting => t(
            "een bron begint met de vergadering die hem aannam, bijvoorbeeld `vergadering ALV 2018-06-27`",
            "a source starts with the meeting that adopted it, e.g. `vergadering ALV 2018-06-27`",
        ),
        Syn::date => t(
            "schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2018-11-30",
            "write dates as YYYY-MM-DD, e.g. 2018-11-30",
        ),
        Syn::type_name => t(
            "types zijn `janee`, `bedrag`, `getal`, `datum`, `tekst` of een gedeclareerde `keuze`",
            "types are `janee`, `bedrag`, `getal`, `datum`, `tekst` or a declared `keuze`",
        ),
        _ => return None,
    })
}
