//! Renderings of the answers ([`crate::answer`]): text for people, JSON for tools, HTML for the
//! board report and the web page ([`crate::serve`]). A rendering formats; it never decides what is true. Text from rule and facts files
//! is passed through [`crate::terminal::safe`] before it reaches a terminal; JSON is exact.

pub(crate) mod answer_html;
pub(crate) mod chart;
mod formatting;
pub(crate) mod html;
mod record;
mod staff;
mod testing;
mod text;

pub use formatting::{format_failed_text, format_text};
pub use html::{board_html, esc};
pub use record::{
    after_answer_text, answer_prompt, answers_text, changed_text, confirm_prompt,
    new_agreement_text, question_text, record_text, source_prompt,
};
pub use staff::{diff_text, lint_text, unblock_text};
pub use testing::{test_text, validate_text};
pub use text::{
    audit_text, check_text, explain_text, short_text, timeline_text, write_check, write_short,
};

use std::fmt::Write as _;

use serde::Serialize;

use crate::answer::Part;
use crate::terminal::safe;

/// Any answer as one pretty-printed JSON document with a final newline.
pub fn json<T: Serialize>(answer: &T) -> String {
    serde_json::to_string_pretty(answer).unwrap_or_default() + "\n"
}

/// The same document as [`json`], written to `w` as it is serialised (for answers that are
/// worked out while they are written, such as [`crate::answer::StreamedOverview`]).
pub fn write_json<T: Serialize>(answer: &T, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, answer)?;
    w.write_all(b"\n")
}

/// `✓`, `✗` or `?` for a truth value.
pub(crate) fn mark(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "?",
    }
}

/// A part in one line, made safe for a terminal.
pub(crate) fn part_line(part: &Part) -> String {
    safe(&part.text).into_owned()
}

/// Wraps a paragraph at `width` characters, each line starting with `indent`.
pub(crate) fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}
