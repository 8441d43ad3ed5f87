//! One syntax error should cost one message. When a file does not parse, the item the error is
//! in (a top-level declaration, source, scenario or property, starting at the beginning of a
//! line) is set aside and the rest of the file is parsed again, so its declarations stay known
//! to the rest of the check. The item is blanked with spaces, not cut, so every place in the
//! file keeps its line and column.

use crate::ast::File;
use crate::error::ParseError;
use crate::parse;
use crate::span::FileId;

/// How many broken items one file may have before the rest is given up on.
const MAX_RETRIES: usize = 20;

/// The file's items that parse, every syntax error (one per broken item), and the names the
/// broken items declare.
pub(super) fn parse_file(id: FileId, text: &str) -> (File, Vec<ParseError>, Vec<String>) {
    let mut current = text.to_string();
    let mut errors = Vec::new();
    let mut names = Vec::new();
    loop {
        match parse::parse_file(id, &current) {
            Ok(file) => return (file, errors, names),
            Err(e) => {
                let item = item_at(&current, e.span().start);
                errors.push(e);
                match item {
                    Some((start, end)) if errors.len() < MAX_RETRIES && end > start => {
                        names.extend(declared(&current[start..end]));
                        blank(&mut current, start, end);
                    }
                    _ => {
                        names.extend(declared(&current));
                        return (File::default(), errors, names);
                    }
                }
            }
        }
    }
}

/// The byte range of the top-level item around `at`: from the last line that starts an item
/// at or before `at`, to the next one after it.
fn item_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let starts: Vec<usize> = line_starts(text)
        .filter(|&s| {
            let line = &text[s..];
            // A comment line before an item belongs to it.
            crate::parse::ITEM_WORDS.iter().chain(&["//"]).any(|w| {
                line.starts_with(w)
                    && line[w.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() && c != '_')
            })
        })
        .collect();
    let mut at = at.min(text.len());
    // An error at the very start of an item means the item before it did not end.
    if at > 0 && starts.contains(&at) {
        at -= 1;
    }
    let start = starts.iter().rev().find(|&&s| s <= at).copied()?;
    let end = starts
        .iter()
        .find(|&&s| s > at)
        .copied()
        .unwrap_or(text.len());
    Some((start, end))
}

fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1))
}

/// Replaces `start..end` with spaces, keeping line breaks and byte offsets.
fn blank(text: &mut String, start: usize, end: usize) {
    let blanked: String = text[start..end]
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(start..end, &blanked);
}

/// The names an item declares: the name after its keyword, and a choice's values.
fn declared(item: &str) -> Vec<String> {
    let words: Vec<&str> = item
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        ["keuze" | "choice", rest @ ..] => rest.iter().map(|w| w.to_string()).collect(),
        [_, name, ..] => vec![name.to_string()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_declaration_costs_one_error_and_keeps_the_others() {
        let text = "feit a: janee \"?\"\nfeit b: janee\nfeit c: janee \"?\"\n";
        let (file, errors, names) = parse_file(FileId(0), text);
        assert_eq!(errors.len(), 1);
        assert_eq!(file.items.len(), 2);
        assert_eq!(names, vec!["b".to_string()]);
    }
}
