//! The comments of a rule file, with their places. The parser skips them, so the formatter
//! finds them in the text itself, knowing what is inside quotes, and puts each back between
//! the same two words.

/// A comment as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// True for `// …`, which runs to the end of its line; false for `/* … */`.
    pub line: bool,
}

impl Comment {
    /// The comment's text as the formatter writes it: a `//` comment without the spaces at its
    /// end, a `/* … */` comment exactly as written.
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        let text = source.get(self.start..self.end).unwrap_or("");
        if self.line {
            text.trim_end_matches([' ', '\t'])
        } else {
            text
        }
    }
}

/// Every comment in `text`, in order.
pub fn collect(text: &str) -> Vec<Comment> {
    scan(text).0
}

/// Every text in quotes in `text`, quotes included, exactly as written, in order.
pub fn quoted(text: &str) -> Vec<&str> {
    scan(text)
        .1
        .into_iter()
        .map(|(start, end)| text.get(start..end).unwrap_or(""))
        .collect()
}

/// The comments and the texts in quotes of `text`. A `"` opens a text that a `"` not after a
/// `\` closes; a comment starts only outside texts. An unclosed text or comment ends the scan
/// (the parser reports it).
fn scan(text: &str) -> (Vec<Comment>, Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let (mut comments, mut quotes) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                quotes.push((start, i));
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
                comments.push(Comment {
                    start,
                    end: i,
                    line: true,
                });
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let Some(n) = text.get(i + 2..).and_then(|rest| rest.find("*/")) else {
                    break;
                };
                i += 2 + n + 2;
                comments.push(Comment {
                    start,
                    end: i,
                    line: false,
                });
            }
            _ => i += 1,
        }
    }
    (comments, quotes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<&str> {
        collect(source).iter().map(|c| c.text(source)).collect()
    }

    #[test]
    fn comments_are_found_outside_quotes_only() {
        let source = "a // één  \n\"// geen \\\" /* geen */\" /* wel\n */ b // laatste";
        assert_eq!(texts(source), ["// één", "/* wel\n */", "// laatste"]);
    }

    #[test]
    fn quotes_are_found_with_their_escapes() {
        assert_eq!(
            quoted("a \"b \\\" // c\" /* \"d\" */ \"e"),
            ["\"b \\\" // c\"", "\"e"]
        );
    }

    #[test]
    fn a_line_comment_stops_before_a_carriage_return() {
        assert_eq!(texts("x // a\r\ny"), ["// a"]);
    }
}
