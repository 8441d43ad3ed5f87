//! Changing a JSON text in place, by the places [`crate::json`] keeps: a member added to an
//! object, an item to a list, a value wrapped in a list, a value replaced. Every other byte
//! stays as it was, and what is added follows the layout around it: its indentation, one line
//! or one member per line, the file's line endings.

use crate::json::{Json, JsonKind};

/// A JSON value to write. Scalars are already JSON text; objects and lists are written on one
/// line or with one member per line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Out {
    /// JSON text, written as it is.
    Raw(String),
    /// `{"key": value, …}`
    Object(Vec<(String, Out)>, Lines),
    /// `[value, …]`
    List(Vec<Out>, Lines),
}

/// One line, or one member per line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lines {
    /// `{ "a": 1, "b": 2 }`
    One,
    /// each member on a line of its own
    Many,
}

impl Out {
    /// A JSON string.
    pub fn text(s: &str) -> Out {
        Out::Raw(quoted(s))
    }
}

/// `s` as a JSON string, quoted and escaped.
fn quoted(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// How a file is laid out: the unit of indentation and the line ending; a file on one line
/// stays on one line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Layout {
    unit: String,
    newline: &'static str,
    one_line: bool,
}

impl Layout {
    /// The layout of `text`, whose root is `root`: the indentation of the root's first member
    /// (two spaces when it has none on a line of its own) and its line ending.
    pub fn of(text: &str, root: &Json) -> Layout {
        let unit = root
            .as_object()
            .and_then(|m| m.first())
            .filter(|m| starts_line(text, m.key_span.start))
            .map(|m| line_indent(text, m.key_span.start).to_string())
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| "  ".into());
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        Layout {
            unit,
            newline,
            one_line: !text.trim_end().contains('\n'),
        }
    }

    /// `out` as JSON text, starting at a line indented by `indent`; with `inline`, on one line
    /// whatever it asks.
    pub fn render(&self, out: &Out, indent: &str, inline: bool) -> String {
        match out {
            Out::Raw(text) => text.clone(),
            Out::Object(members, lines) => {
                let parts: Vec<(String, &Out)> = members
                    .iter()
                    .map(|(k, v)| (format!("{}: ", quoted(k)), v))
                    .collect();
                self.group(('{', '}'), &parts, *lines, indent, inline)
            }
            Out::List(items, lines) => {
                let parts: Vec<(String, &Out)> = items.iter().map(|v| (String::new(), v)).collect();
                self.group(('[', ']'), &parts, *lines, indent, inline)
            }
        }
    }

    fn group(
        &self,
        (open, close): (char, char),
        parts: &[(String, &Out)],
        lines: Lines,
        indent: &str,
        inline: bool,
    ) -> String {
        if parts.is_empty() {
            return format!("{open}{close}");
        }
        if inline || lines == Lines::One || self.one_line {
            let inner: Vec<String> = parts
                .iter()
                .map(|(key, v)| format!("{key}{}", self.render(v, indent, true)))
                .collect();
            return format!("{open} {} {close}", inner.join(", "));
        }
        let deeper = format!("{indent}{}", self.unit);
        let nl = self.newline;
        let inner: Vec<String> = parts
            .iter()
            .map(|(key, v)| format!("{deeper}{key}{}", self.render(v, &deeper, false)))
            .collect();
        format!(
            "{open}{nl}{}{nl}{indent}{close}",
            inner.join(&format!(",{nl}"))
        )
    }

    /// The text of `json` as it stands in `text`, moved one level deeper: every line after the
    /// first gets one more unit of indentation. (JSON strings hold no raw line breaks, so only
    /// the space between tokens changes.)
    pub fn deeper(&self, text: &str, json: &Json) -> Out {
        let slice = &text[json.span.start..json.span.end];
        Out::Raw(slice.replace('\n', &format!("\n{}", self.unit)))
    }
}

/// Replace the bytes `start..end` by `text`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Edit {
    start: usize,
    end: usize,
    text: String,
}

impl Edit {
    /// `source` with the edit made.
    pub fn apply(&self, source: &str) -> String {
        let mut out = String::with_capacity(source.len() + self.text.len());
        out.push_str(&source[..self.start]);
        out.push_str(&self.text);
        out.push_str(&source[self.end..]);
        out
    }
}

/// True when only spaces and tabs stand between the start of the line and `at`.
fn starts_line(text: &str, at: usize) -> bool {
    text[..at]
        .rsplit('\n')
        .next()
        .is_some_and(|before| before.chars().all(|c| c == ' ' || c == '\t'))
}

/// The spaces and tabs that start the line `at` is on.
fn line_indent(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    let end = line
        .find(|c: char| c != ' ' && c != '\t')
        .unwrap_or(line.len());
    &line[..end]
}

/// One line or many, as `json` is written in `text`.
pub(crate) fn lines_of(text: &str, json: &Json) -> Lines {
    if text[json.span.start..json.span.end].contains('\n') {
        Lines::Many
    } else {
        Lines::One
    }
}

/// Adds `"key": value` after the last member of the object `object`.
pub(crate) fn add_member(
    text: &str,
    layout: &Layout,
    object: &Json,
    key: &str,
    value: &Out,
) -> Edit {
    let key = quoted(key);
    let members = object.as_object().unwrap_or_default();
    let (Some(first), Some(last)) = (members.first(), members.last()) else {
        return fill_empty(text, layout, object, ('{', '}'), &format!("{key}: "), value);
    };
    let at = last.value.span.end;
    let text_to_add = if starts_line(text, first.key_span.start) {
        let indent = line_indent(text, last.key_span.start);
        let nl = layout.newline;
        let value = layout.render(value, indent, false);
        format!(",{nl}{indent}{key}: {value}")
    } else {
        format!(", {key}: {}", layout.render(value, "", true))
    };
    Edit {
        start: at,
        end: at,
        text: text_to_add,
    }
}

/// Inserts `item` into the list `list` before the item at `index` (at the end when `index` is
/// its length), separated from its neighbours as the list's items are.
pub(crate) fn add_item(text: &str, layout: &Layout, list: &Json, index: usize, item: &Out) -> Edit {
    let JsonKind::Array(items) = &list.kind else {
        return fill_empty(text, layout, list, ('[', ']'), "", item);
    };
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return fill_empty(text, layout, list, ('[', ']'), "", item);
    };
    let many = starts_line(text, first.span.start);
    let separator = match items.get(1) {
        Some(second) => text[first.span.end..second.span.start].to_string(),
        None if many => format!(",{}{}", layout.newline, line_indent(text, first.span.start)),
        None => ", ".into(),
    };
    let indent = if many {
        line_indent(text, first.span.start)
    } else {
        ""
    };
    let rendered = layout.render(item, indent, !many);
    match items.get(index) {
        Some(next) => Edit {
            start: next.span.start,
            end: next.span.start,
            text: format!("{rendered}{separator}"),
        },
        None => Edit {
            start: last.span.end,
            end: last.span.end,
            text: format!("{separator}{rendered}"),
        },
    }
}

/// `{}` or `[]` (or whatever `json` is) replaced by a group holding one member or item.
fn fill_empty(
    text: &str,
    layout: &Layout,
    json: &Json,
    (open, close): (char, char),
    key: &str,
    value: &Out,
) -> Edit {
    let text = if layout.one_line {
        format!("{open} {key}{} {close}", layout.render(value, "", true))
    } else {
        let indent = line_indent(text, json.span.start);
        let deeper = format!("{indent}{}", layout.unit);
        let nl = layout.newline;
        let value = layout.render(value, &deeper, false);
        format!("{open}{nl}{deeper}{key}{value}{nl}{indent}{close}")
    };
    Edit {
        start: json.span.start,
        end: json.span.end,
        text,
    }
}

/// Replaces the value `json` by a list of `items`, one per line (on one line with `inline`),
/// indented one level deeper than the line the value starts on.
pub(crate) fn wrap(
    text: &str,
    layout: &Layout,
    json: &Json,
    items: Vec<Out>,
    inline: bool,
) -> Edit {
    let indent = line_indent(text, json.span.start);
    let lines = if inline { Lines::One } else { Lines::Many };
    Edit {
        start: json.span.start,
        end: json.span.end,
        text: layout.render(&Out::List(items, lines), indent, inline),
    }
}

/// Replaces the value `json` by `value`, written at the indentation of the line it starts on.
pub(crate) fn replace(text: &str, layout: &Layout, json: &Json, value: &Out) -> Edit {
    let indent = line_indent(text, json.span.start);
    let inline = !starts_line(text, json.span.start) && lines_of(text, json) == Lines::One;
    Edit {
        start: json.span.start,
        end: json.span.end,
        text: layout.render(value, indent, inline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::FileId;

    fn parse(text: &str) -> Json {
        crate::json::parse(FileId(0), text).expect("valid JSON")
    }

    fn entry() -> Out {
        Out::Object(
            vec![
                ("waarde".into(), Out::Raw("true".into())),
                ("sinds".into(), Out::text("2019-06-01")),
            ],
            Lines::Many,
        )
    }

    #[test]
    fn a_member_follows_the_indentation_of_its_neighbours() {
        let text = "{\n    \"a\": 1,\n    \"b\": 2\n}\n";
        let root = parse(text);
        let layout = Layout::of(text, &root);
        let edit = add_member(text, &layout, &root, "c", &entry());
        assert_eq!(
            edit.apply(text),
            "{\n    \"a\": 1,\n    \"b\": 2,\n    \"c\": {\n        \"waarde\": true,\n        \"sinds\": \"2019-06-01\"\n    }\n}\n"
        );
    }

    #[test]
    fn an_object_on_one_line_stays_on_one_line() {
        let text = "{\"x\": { \"ggz\": false }}";
        let root = parse(text);
        let layout = Layout::of(text, &root);
        let inner = &root.as_object().expect("object")[0].value;
        let edit = add_member(text, &layout, inner, "ibp", &entry());
        assert_eq!(
            edit.apply(text),
            "{\"x\": { \"ggz\": false, \"ibp\": { \"waarde\": true, \"sinds\": \"2019-06-01\" } }}"
        );
    }

    #[test]
    fn items_are_separated_as_the_list_separates_them() {
        let text = "{\r\n  \"a\": [\r\n    { \"w\": 1 },\r\n    { \"w\": 3 }\r\n  ]\r\n}";
        let root = parse(text);
        let layout = Layout::of(text, &root);
        let list = &root.as_object().expect("object")[0].value;
        let two = Out::Object(vec![("w".into(), Out::Raw("2".into()))], Lines::One);
        let middle = add_item(text, &layout, list, 1, &two).apply(text);
        assert_eq!(
            middle,
            "{\r\n  \"a\": [\r\n    { \"w\": 1 },\r\n    { \"w\": 2 },\r\n    { \"w\": 3 }\r\n  ]\r\n}"
        );
        let end = add_item(text, &layout, list, 2, &two).apply(text);
        assert!(
            end.ends_with("{ \"w\": 3 },\r\n    { \"w\": 2 }\r\n  ]\r\n}"),
            "{end}"
        );
    }

    #[test]
    fn a_wrapped_value_moves_one_level_deeper() {
        let text = "{\n  \"a\": {\n    \"w\": 1\n  }\n}";
        let root = parse(text);
        let layout = Layout::of(text, &root);
        let value = &root.as_object().expect("object")[0].value;
        let old = layout.deeper(text, value);
        let edit = wrap(text, &layout, value, vec![old, entry()], false);
        assert_eq!(
            edit.apply(text),
            "{\n  \"a\": [\n    {\n      \"w\": 1\n    },\n    {\n      \"waarde\": true,\n      \"sinds\": \"2019-06-01\"\n    }\n  ]\n}"
        );
    }

    #[test]
    fn a_file_on_one_line_stays_on_one_line() {
        let text = r#"{"akkoorden": {}, "feiten": {}}"#;
        let root = parse(text);
        let layout = Layout::of(text, &root);
        let facts = &root.as_object().expect("object")[1].value;
        let edit = add_member(text, &layout, facts, "x", &entry());
        assert_eq!(
            edit.apply(text),
            r#"{"akkoorden": {}, "feiten": { "x": { "waarde": true, "sinds": "2019-06-01" } }}"#
        );
    }

    #[test]
    fn an_empty_object_gets_its_first_member_on_a_line_of_its_own() {
        let text = "{\n  \"feiten\": {}\n}";
        let root = parse(text);
        let layout = Layout::of(text, &root);
        let facts = &root.as_object().expect("object")[0].value;
        let edit = add_member(text, &layout, facts, "x", &Out::Raw("null".into()));
        assert_eq!(
            edit.apply(text),
            "{\n  \"feiten\": {\n    \"x\": null\n  }\n}"
        );
    }
}
