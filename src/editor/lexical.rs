//! The words of a rule file as an editor sees them while it is being typed: what is code, text
//! or comment, the word under the cursor, the words before it, and where a block ends. Works on
//! any text, finished or not.

/// What a place in a rule file is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lex {
    /// Words and signs of the language.
    Code,
    /// Inside `"…"`.
    Text,
    /// Inside `// …` or `/* … */`.
    Comment,
}

/// A token before the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'t> {
    /// A name, keyword, number or date part.
    Word(&'t str),
    /// A text in quotes.
    Text,
    /// Any other sign: `{`, `,`, `(`, `:`, `=`, …
    Sign(char),
}

/// True for the characters of a name.
pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Splits the code in `text` into tokens with their byte offsets, skipping comments; the state
/// at the end tells what the end of the text is part of.
pub fn tokens(text: &str) -> (Vec<(usize, Token<'_>)>, Lex) {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let rest = &text[i..];
        if rest.starts_with("//") {
            match rest.find('\n') {
                Some(n) => skip_to(&mut chars, i + n),
                None => return (out, Lex::Comment),
            }
        } else if let Some(body) = rest.strip_prefix("/*") {
            match body.find("*/") {
                Some(n) => skip_to(&mut chars, i + 2 + n + 2),
                None => return (out, Lex::Comment),
            }
        } else if c == '"' {
            match string_end(&rest[1..]) {
                Some(n) => {
                    skip_to(&mut chars, i + 1 + n + 1);
                    out.push((i, Token::Text));
                }
                None => return (out, Lex::Text),
            }
        } else if is_name_char(c) {
            let n = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
            out.push((i, Token::Word(&rest[..n])));
            skip_to(&mut chars, i + n);
        } else {
            out.push((i, Token::Sign(c)));
        }
    }
    (out, Lex::Code)
}

/// Advances `chars` to the first character at or after byte `to`.
fn skip_to(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, to: usize) {
    while chars.peek().is_some_and(|&(i, _)| i < to) {
        chars.next();
    }
}

/// The byte offset of the closing quote of a text whose opening quote came just before `rest`.
fn string_end(rest: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i),
            _ => {}
        }
    }
    None
}

/// What the place at `offset` is part of.
pub fn lex_at(text: &str, offset: usize) -> Lex {
    tokens(before(text, offset)).1
}

/// The text before `offset`, cut at a character boundary.
pub fn before(text: &str, offset: usize) -> &str {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}

/// The byte range of the name at `offset` (a cursor just after a name is on it).
pub fn word_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let head = before(text, offset);
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_name_char(c))
        .last()
        .map_or(head.len(), |(i, _)| i);
    let tail = &text[head.len()..];
    let end = head.len() + tail.find(|c: char| !is_name_char(c)).unwrap_or(tail.len());
    (start < end).then_some((start, end))
}

/// The start of what is being typed at `offset`: the name (or `bron.regel`) just before it.
pub fn typed_start(text: &str, offset: usize) -> usize {
    let head = before(text, offset);
    head.char_indices()
        .rev()
        .take_while(|&(_, c)| is_name_char(c) || c == '.')
        .last()
        .map_or(head.len(), |(i, _)| i)
}

/// The name before a place, skipping white space, or `None`.
pub fn word_before(text: &str, offset: usize) -> Option<&str> {
    let head = before(text, offset).trim_end();
    let start = typed_start(head, head.len());
    let word = &head[start..];
    (!word.is_empty() && !word.contains('.')).then_some(word)
}

/// The name after a place, skipping white space, or `None`.
pub fn word_after(text: &str, offset: usize) -> Option<&str> {
    let tail = text.get(offset..)?;
    let start = offset + (tail.len() - tail.trim_start().len());
    word_at(text, start).map(|(s, e)| &text[s..e]).filter(|_| {
        text.get(start..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_name_char)
    })
}

/// The end (one past the closing brace) of the first `{ … }` block at or after `from`, which
/// must be in code; braces in texts and comments do not count.
pub fn block_end(text: &str, from: usize) -> Option<usize> {
    let (tokens, _) = tokens(text.get(from..)?);
    let mut depth = 0usize;
    for (at, token) in tokens {
        match token {
            Token::Sign('{') => depth += 1,
            Token::Sign('}') if depth == 1 => return Some(from + at + 1),
            Token::Sign('}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The start of the keyword that comes before the name starting at `name_start` (`feit` in
/// `feit x`); `name_start` itself when there is none.
pub fn keyword_start(text: &str, name_start: usize) -> usize {
    let head = before(text, name_start).trim_end();
    let start = typed_start(head, head.len());
    if start < head.len() {
        start
    } else {
        name_start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_comments_are_told_from_code() {
        let text = "feit x: janee \"a // b\" // c \"\n/* d { */ e";
        assert_eq!(lex_at(text, text.find("a //").unwrap_or(0) + 1), Lex::Text);
        assert_eq!(
            lex_at(text, text.find(" c ").unwrap_or(0) + 1),
            Lex::Comment
        );
        assert_eq!(lex_at(text, text.find("d {").unwrap_or(0)), Lex::Comment);
        assert_eq!(lex_at(text, text.len()), Lex::Code);
    }

    #[test]
    fn a_block_ends_at_its_own_closing_brace() {
        let text = "motie m \"t { \" {\n regel r { bron \"}\" } // }\n}\nfeit x";
        let end = block_end(text, 0).unwrap_or(0);
        assert_eq!(
            &text[..end],
            "motie m \"t { \" {\n regel r { bron \"}\" } // }\n}"
        );
    }

    #[test]
    fn words_around_a_place() {
        let text = "hef op rob_bijstand.blok";
        assert_eq!(&text[typed_start(text, text.len())..], "rob_bijstand.blok");
        assert_eq!(word_before(text, 7), Some("op"));
        assert_eq!(word_at(text, 3), Some((0, 3)));
        assert_eq!(word_at(text, 2), Some((0, 3)));
        assert_eq!(word_at("a  b", 2), None);
        assert_eq!(keyword_start("feit  x", 6), 0);
    }
}
