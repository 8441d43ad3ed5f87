//! The skeleton as rule-file text: a header comment, the source with its meeting, and one rule
//! per operative paragraph, quoting it, with `???` where staff must decide.

use std::fmt::Write as _;

use super::Skeleton;
use crate::tr;

/// Lines are wrapped to this width, as the rule base is.
const WIDTH: usize = 100;

/// The indentation of a quote's continuation lines: under the text after `bron "`.
const QUOTE_INDENT: &str = "          ";

/// The rule file text of a skeleton.
pub(super) fn text(s: &Skeleton, document: &str) -> String {
    let mut out = String::new();
    let header = tr!(
        "Geraamte van `akkoord motie` uit {document}: per zin uit het dictum een regel, met die zin als `bron`. Vul elke `???` in; `akkoord validate` wijst ze aan tot ze gevuld zijn. Stelt een zin niets als voorwaarde, verwijder dan zijn regel.",
        "Skeleton by `akkoord motie` from {document}: one rule per sentence of the operative part, quoting it as `bron`. Fill in every `???`; `akkoord validate` points them out until they are filled. If a sentence sets no condition, delete its rule."
    );
    for line in wrap(&header, "// ", "// ") {
        let _ = writeln!(out, "{line}");
    }
    let _ = write!(out, "\n{} {} {} {{\n", s.kind, s.id, string(&s.title));
    let body = s.meeting.clone().unwrap_or_else(|| {
        hole(&tr!(
            "wie nam dit aan: ALV, BALV of bestuur?",
            "who adopted this: ALV, BALV or bestuur?"
        ))
    });
    let date = s.date.clone().unwrap_or_else(|| {
        hole(&tr!(
            "op welke datum (JJJJ-MM-DD)?",
            "on which date (YYYY-MM-DD)?"
        ))
    });
    let _ = writeln!(out, "  vergadering {body} {date}");
    let condition = hole(&tr!(
        "welke voorwaarde stelt deze zin?",
        "which condition does this sentence set?"
    ));
    let agreements = hole(&tr!(
        "over welke akkoorden gaat deze zin?",
        "which agreements does this sentence speak of?"
    ));
    for rule in &s.rules {
        let _ = writeln!(out, "\n  regel {} {{", rule.id);
        for line in wrap(&string(&rule.quote), "    bron ", QUOTE_INDENT) {
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out, "    vereis {condition}");
        let _ = writeln!(
            out,
            "      voor ondertekening van akkoord waar {agreements}"
        );
        let _ = writeln!(out, "  }}");
    }
    out.push_str("}\n");
    out
}

/// `??? "note"`
fn hole(note: &str) -> String {
    format!("??? {}", string(note))
}

/// A text in quotes, with `"` and `\` escaped.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Words of `text` in lines of at most [`WIDTH`] characters, the first starting with `first`,
/// the others with `next`; a word longer than a line gets a line of its own.
fn wrap(text: &str, first: &str, next: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split(' ') {
        let width = line.chars().count() + 1 + word.chars().count();
        if !empty && width > WIDTH {
            lines.push(std::mem::replace(&mut line, next.to_string()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_quote_wraps_under_itself() {
        let words = vec!["woord"; 40].join(" ");
        let lines = wrap(&string(&words), "    bron ", QUOTE_INDENT);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= WIDTH));
        assert!(lines[1].starts_with("          woord"));
    }

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(string(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
    }
}
