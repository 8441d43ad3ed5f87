//! Text on its way to a terminal. Rule and fact texts are the users' data; a quote holding an
//! escape sequence must not hide part of a line or set the window title, so text renderings
//! pass every such text through [`safe`]. JSON carries the exact text.

use std::borrow::Cow;
use std::io::{self, Write};

/// The text with control characters (other than line breaks and tabs) shown escaped, e.g.
/// `\u{1b}`: harmless on any terminal, and still readable.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes `text` to standard output. A reader that went away (`| head -1`) or a full disk
/// ends the output quietly: the caller keeps its exit code, nothing panics.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes `text` to standard error; failures are ignored, there is nowhere left to report them.
pub fn eprint(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(safe("a\u{1b}[8mb\n"), "a\\u{1b}[8mb\n");
        assert_eq!(safe("\u{9b}31m"), "\\u{9b}31m");
        assert!(matches!(safe("gewoon €"), Cow::Borrowed(_)));
    }
}
