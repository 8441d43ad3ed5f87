//! Drawing problems for people (the source line, underlined, with a hint) and as JSON for tools.
//! Columns count characters; a long line is shown cut around the place it points at; control
//! characters from the input are shown escaped, so a file cannot rewrite the terminal.

use std::fmt::Write as _;

use super::Problem;
use crate::i18n::t;
use crate::span::{Sources, Span};
use crate::terminal::safe;
use crate::tr;

/// At most this many problems are drawn; a count says how many more there are.
pub const MAX_SHOWN: usize = 50;

/// How many characters of a source line are shown around the place a problem points at.
const WINDOW: usize = 100;

/// Draws one problem: `fout[code]: message`, the place, the line with the span underlined, and
/// the hint.
pub fn render(problem: &Problem, sources: &Sources) -> String {
    let d = problem.describe();
    let mut out = format!("{}[{}]: {}\n", t("fout", "error"), d.code, safe(&d.message));
    if let Some((span, label)) = &d.place {
        snippet(&mut out, sources, *span, label);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = {}: {}", t("hulp", "help"), safe(help));
    }
    out
}

/// Draws every problem (at most [`MAX_SHOWN`]), then how many there were.
pub fn render_all(problems: &[Problem], sources: &Sources) -> String {
    let mut out = String::new();
    for p in problems.iter().take(MAX_SHOWN) {
        out.push_str(&render(p, sources));
        out.push('\n');
    }
    let n = problems.len();
    if n > MAX_SHOWN {
        let rest = n - MAX_SHOWN;
        out.push_str(&tr!(
            "… en nog {rest} problemen, niet getoond\n",
            "… and {rest} more problems, not shown\n"
        ));
    }
    out.push_str(&match n {
        1 => tr!(
            "1 probleem gevonden; er is niets geëvalueerd\n",
            "1 problem found; nothing was evaluated\n"
        ),
        n => tr!(
            "{n} problemen gevonden; er is niets geëvalueerd\n",
            "{n} problems found; nothing was evaluated\n"
        ),
    });
    out
}

/// Every problem as data, in the form `--format json` prints on standard error.
#[derive(Clone, Debug, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct ErrorsJson {
    /// The problems, in file order.
    pub errors: Vec<ErrorJson>,
    /// How many.
    pub count: usize,
}

/// One problem as data. Texts are exact, not escaped.
#[derive(Clone, Debug, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct ErrorJson {
    /// A stable code, e.g. `akkoord::unknown_name`.
    pub code: String,
    /// What is wrong, in the current language.
    pub message: String,
    /// The file, when the problem points into one.
    pub file: Option<String>,
    /// The line, from 1.
    pub line: Option<usize>,
    /// The column, from 1, in characters.
    pub column: Option<usize>,
    /// What the place is marked with.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

/// Every problem as data.
pub fn json(problems: &[Problem], sources: &Sources) -> ErrorsJson {
    let errors = problems
        .iter()
        .map(|p| {
            let d = p.describe();
            let place = d.place.as_ref().map(|(span, label)| {
                let (line, column) = sources.line_col(*span);
                (
                    sources.name(span.file).to_string(),
                    line,
                    column,
                    label.clone(),
                )
            });
            ErrorJson {
                code: d.code.to_string(),
                message: d.message,
                file: place.as_ref().map(|p| p.0.clone()),
                line: place.as_ref().map(|p| p.1),
                column: place.as_ref().map(|p| p.2),
                label: place.map(|p| p.3),
                help: d.help,
            }
        })
        .collect();
    ErrorsJson {
        errors,
        count: problems.len(),
    }
}

fn snippet(out: &mut String, sources: &Sources, span: Span, label: &str) {
    let text = sources.text(span.file);
    let (line, col) = sources.line_col(span);
    let _ = writeln!(out, "  --> {}:{line}:{col}", safe(sources.name(span.file)));
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(current) = lines.get(line - 1) else {
        return;
    };
    let width = (line + 1).to_string().len();
    let pad = " ".repeat(width);
    let _ = writeln!(out, "{pad} |");
    if line >= 2 {
        source_line(out, width, line - 1, lines[line - 2], None);
    }
    let chars_in_span = sources.slice(span).chars().count();
    source_line(out, width, line, current, Some((col, chars_in_span, label)));
    if let Some(next) = lines.get(line) {
        source_line(out, width, line + 1, next, None);
    }
    let _ = writeln!(out, "{pad} |");
}

/// One numbered source line, cut to a window when long; with a mark under `(col, len)`.
fn source_line(
    out: &mut String,
    width: usize,
    number: usize,
    line: &str,
    mark: Option<(usize, usize, &str)>,
) {
    let chars: Vec<char> = line.trim_end_matches('\r').chars().collect();
    let focus = mark.map_or(0, |(col, _, _)| col - 1);
    let start = if chars.len() > WINDOW {
        focus.saturating_sub(WINDOW / 3).min(chars.len() - WINDOW)
    } else {
        0
    };
    let end = (start + WINDOW).min(chars.len());
    let mut shown = String::new();
    let mut shown_before_focus = 0;
    if start > 0 {
        shown.push('…');
        shown_before_focus += 1;
    }
    for (i, &c) in chars[start..end].iter().enumerate() {
        let piece = shown_char(c);
        if start + i < focus {
            shown_before_focus += piece.chars().count();
        }
        shown.push_str(&piece);
    }
    if end < chars.len() {
        shown.push('…');
    }
    let _ = writeln!(out, "{number:>width$} | {}", shown.trim_end());
    if let Some((_, len, label)) = mark {
        let visible = len.clamp(1, (end.max(focus + 1) - focus).max(1));
        let _ = writeln!(
            out,
            "{:width$} | {}{} {}",
            "",
            " ".repeat(shown_before_focus),
            "^".repeat(visible),
            safe(label)
        );
    }
}

/// A source character as shown: tabs as one space, control characters escaped.
fn shown_char(c: char) -> String {
    match c {
        '\t' => " ".to_string(),
        c if c.is_control() => c.escape_default().to_string(),
        c => c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ParseError;

    #[test]
    fn a_place_far_along_a_long_line_is_shown_cut_around_it() {
        let mut sources = Sources::new();
        let line = format!("{}€ fout{}", "x".repeat(100_000), "y".repeat(100_000));
        let id = sources.add("lang.akk", line);
        let problem = Problem::Parse(ParseError::Syntax {
            expected: "iets".into(),
            span: Span::new(id, 100_000, 100_003),
            help: None,
        });
        let out = render(&problem, &sources);
        assert!(out.contains("--> lang.akk:1:100001"), "{out}");
        let shown = out
            .lines()
            .find(|l| l.starts_with("1 |"))
            .expect("the line");
        assert!(shown.chars().count() < 120, "{shown}");
        let mark = out.lines().find(|l| l.contains('^')).expect("the mark");
        let at = |l: &str, c: char| l.chars().position(|x| x == c);
        assert_eq!(at(shown, '€'), at(mark, '^'), "{out}");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let mut sources = Sources::new();
        let id = sources.add("x.akk", "motie \u{1b}[8m\n");
        let problem = Problem::Parse(ParseError::Syntax {
            expected: "\u{1b}]0;titel\u{7}".into(),
            span: Span::new(id, 6, 7),
            help: None,
        });
        let out = render(&problem, &sources);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(out.contains("\\u{1b}[8m"), "{out}");
    }
}
