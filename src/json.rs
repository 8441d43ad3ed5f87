//! A JSON reader that keeps where every value was written, so that every problem in a facts or
//! what-if file can point at its line and column, a key written twice is an error instead of a
//! silent overwrite, and a tool can change one value while leaving the rest of the file as it
//! was. Numbers keep their text: nothing is read through a float.

use crate::span::{FileId, Span};
use crate::tr;

/// How deep arrays and objects may nest; facts files need four or five levels.
pub const MAX_DEPTH: usize = 64;

/// A JSON value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Json {
    /// The value.
    pub kind: JsonKind,
    /// Where it was written, from its first to its last byte.
    pub span: Span,
}

/// The forms of JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonKind {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// a number, as written
    Number(String),
    /// a string, unescaped
    Text(String),
    /// `[…]`
    Array(Vec<Json>),
    /// `{…}`, keys in file order, each key once
    Object(Vec<Member>),
}

/// One `"key": value` of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The key, unescaped.
    pub key: String,
    /// Where the key was written, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: Json,
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    /// What is wrong.
    pub message: String,
    /// Where.
    pub span: Span,
    /// What the label under the text says.
    pub label: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Json {
    /// The members of an object.
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.kind {
            JsonKind::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            JsonKind::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The value of a whole number that fits in 64 bits.
    pub fn as_i64(&self) -> Option<i64> {
        match &self.kind {
            JsonKind::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self.kind, JsonKind::Null)
    }

    /// The value under the first of `keys` that the object has, with the key found.
    pub fn get<'j>(&'j self, keys: &[&'static str]) -> Option<(&'static str, &'j Json)> {
        let members = self.as_object()?;
        keys.iter()
            .find_map(|k| members.iter().find(|m| m.key == *k).map(|m| (*k, &m.value)))
    }

    /// What the value is, in words: `the number 3`, `the text "ja"`, `a list`.
    pub fn describe(&self) -> String {
        match &self.kind {
            JsonKind::Null => "null".into(),
            JsonKind::Bool(b) => format!("`{b}`"),
            JsonKind::Number(n) => tr!("het getal `{n}`", "the number `{n}`"),
            JsonKind::Text(s) => tr!("de tekst \"{s}\"", "the text \"{s}\""),
            JsonKind::Array(_) => tr!("een lijst", "a list"),
            JsonKind::Object(_) => tr!("een object", "an object"),
        }
    }
}

/// Reads a whole JSON document. A byte order mark at the start is skipped.
pub fn parse(file: FileId, text: &str) -> Result<Json, JsonError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = Reader {
        file,
        text,
        bytes: text.as_bytes(),
        at: start,
    };
    reader.space();
    let value = reader.value(0)?;
    reader.space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error(
            tr!(
                "na het JSON-document volgt nog tekst",
                "text follows the JSON document"
            ),
            tr!("hier", "here"),
            Some(tr!(
                "een feitenbestand is één object `{{…}}`",
                "a facts file is one object `{{…}}`"
            )),
        ));
    }
    Ok(value)
}

struct Reader<'t> {
    file: FileId,
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
}

impl Reader<'_> {
    fn span(&self, start: usize) -> Span {
        Span::new(self.file, start, self.at)
    }

    fn error(&self, message: String, label: String, help: Option<String>) -> JsonError {
        let end = self.text[self.at..]
            .chars()
            .next()
            .map_or(self.at, |c| self.at + c.len_utf8());
        JsonError {
            message,
            span: Span::new(self.file, self.at, end),
            label,
            help,
        }
    }

    fn expected(&self, what: &str) -> JsonError {
        let found = match self.text[self.at..].chars().next() {
            None => tr!("het einde van het bestand", "the end of the file"),
            Some(c) => format!("`{}`", c.escape_debug()),
        };
        self.error(
            tr!(
                "ongeldige JSON: {what} verwacht, {found} gevonden",
                "invalid JSON: expected {what}, found {found}"
            ),
            tr!("hier", "here"),
            None,
        )
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(
                tr!(
                    "lijsten en objecten zijn dieper genest dan {MAX_DEPTH} niveaus",
                    "lists and objects nest deeper than {MAX_DEPTH} levels"
                ),
                tr!("te diep", "too deep"),
                None,
            ));
        }
        let start = self.at;
        let kind = match self.bytes.get(self.at) {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => JsonKind::Text(self.string()?),
            Some(b'-' | b'0'..=b'9') => JsonKind::Number(self.number()?),
            _ if self.word("true") => JsonKind::Bool(true),
            _ if self.word("false") => JsonKind::Bool(false),
            _ if self.word("null") => JsonKind::Null,
            _ => return Err(self.expected(&tr!("een waarde", "a value"))),
        };
        Ok(Json {
            kind,
            span: self.span(start),
        })
    }

    fn word(&mut self, word: &str) -> bool {
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    fn object(&mut self, depth: usize) -> Result<JsonKind, JsonError> {
        self.at += 1;
        let mut members: Vec<Member> = Vec::new();
        let mut keys = std::collections::HashMap::new();
        self.space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(JsonKind::Object(members));
        }
        loop {
            self.space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.expected(&tr!("een sleutel `\"…\"`", "a key `\"…\"`")));
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_span = self.span(key_start);
            if let Some(&first) = keys.get(&key) {
                let (line, col) = line_col(self.text, first);
                return Err(JsonError {
                    message: tr!(
                        "sleutel \"{key}\" staat twee keer in hetzelfde object",
                        "key \"{key}\" appears twice in one object"
                    ),
                    span: key_span,
                    label: tr!("nogmaals", "again"),
                    help: Some(tr!(
                        "de eerste staat op regel {line}, kolom {col}; laat er één over",
                        "the first is at line {line}, column {col}; keep one of them"
                    )),
                });
            }
            keys.insert(key.clone(), key_start);
            self.space();
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.expected("`:`"));
            }
            self.at += 1;
            self.space();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(JsonKind::Object(members));
                }
                _ => return Err(self.expected(&tr!("`,` of `}}`", "`,` or `}}`"))),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<JsonKind, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(JsonKind::Array(items));
        }
        loop {
            self.space();
            items.push(self.value(depth + 1)?);
            self.space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(JsonKind::Array(items));
                }
                _ => return Err(self.expected(&tr!("`,` of `]`", "`,` or `]`"))),
            }
        }
    }

    fn number(&mut self) -> Result<String, JsonError> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.bytes.get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let leading_zero = self.bytes.get(self.at) == Some(&b'0');
        if !digits(self)
            || (leading_zero && self.at - start > 1 + usize::from(self.bytes[start] == b'-'))
        {
            self.at = start;
            return Err(self.expected(&tr!("een getal", "a number")));
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.expected(&tr!("cijfers na de `.`", "digits after the `.`")));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.expected(&tr!("een exponent", "an exponent")));
            }
        }
        Ok(self.text[start..self.at].to_string())
    }

    fn string(&mut self) -> Result<String, JsonError> {
        let open = self.at;
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.text[self.at..]
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .map_or(self.text.len(), |n| self.at + n);
            out.push_str(&self.text[self.at..run]);
            self.at = run;
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(_) => {
                    return Err(self.error(
                        tr!(
                            "een teken als een regeleinde mag niet onbewerkt in een JSON-tekst staan",
                            "a control character such as a line break may not appear raw in a JSON string"
                        ),
                        tr!("hier", "here"),
                        Some(tr!("schrijf `\\n` voor een regeleinde", "write `\\n` for a line break")),
                    ));
                }
                None => {
                    self.at = open;
                    return Err(self.error(
                        tr!(
                            "deze tekst wordt nooit gesloten",
                            "this string is never closed"
                        ),
                        tr!("begint hier", "starts here"),
                        Some(tr!(
                            "sluit de tekst af met `\"`",
                            "end the string with `\"`"
                        )),
                    ));
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        self.at += 1;
        let c = match self.bytes.get(self.at) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode(),
            _ => {
                return Err(self.expected(&tr!(
                    "een escape zoals `\\\"`, `\\\\` of `\\n`",
                    "an escape such as `\\\"`, `\\\\` or `\\n`"
                )));
            }
        };
        self.at += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(n) => {
                self.at += 4;
                Ok(n)
            }
            None => {
                Err(self.expected(&tr!("vier hexadecimale cijfers", "four hexadecimal digits")))
            }
        }
    }

    fn unicode(&mut self) -> Result<char, JsonError> {
        self.at += 1;
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) && self.text[self.at..].starts_with("\\u") {
            self.at += 2;
            let second = self.hex4()?;
            0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| {
            self.error(
                tr!(
                    "`\\u{code:04x}` is geen teken",
                    "`\\u{code:04x}` is not a character"
                ),
                tr!("hier", "here"),
                None,
            )
        })
    }
}

/// Line and column (both from 1, columns in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    crate::span::line_col(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Json, String> {
        parse(FileId(0), text).map_err(|e| e.message)
    }

    #[test]
    fn reads_every_form_with_its_place() {
        let json = read(r#" {"a": [1, -2.5e3, true, null], "b": "x\u00e9\n"} "#).expect("valid");
        let members = json.as_object().expect("object");
        assert_eq!(members[0].key, "a");
        assert_eq!(members[1].value.as_str(), Some("xé\n"));
        assert_eq!((json.span.start, json.span.end), (1, 49));
        let JsonKind::Array(items) = &members[0].value.kind else {
            panic!("array")
        };
        assert_eq!(items[1].kind, JsonKind::Number("-2.5e3".into()));
    }

    #[test]
    fn a_key_written_twice_is_an_error() {
        let err = read("{\"feiten\": {},\n \"feiten\": {}}").expect_err("duplicate");
        assert!(err.contains("\"feiten\""), "{err}");
    }

    #[test]
    fn bad_json_is_an_error_not_a_panic() {
        for text in [
            "",
            "{",
            "{\"a\" 1}",
            "[1,]",
            "\"abc",
            "01",
            "1 2",
            "\"\\u12\"",
            "[[[[",
            "\u{feff}",
        ] {
            assert!(read(text).is_err(), "{text:?}");
        }
        let deep = "[".repeat(100_000);
        assert!(read(&deep).expect_err("too deep").contains("64"));
        assert!(read("\u{feff}{}").is_ok());
    }
}
