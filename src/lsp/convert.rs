//! Between the editor's answers and the protocol's types: file URIs and paths, positions,
//! problems, completions, outlines.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types as lsp;

use crate::editor::{self, CompletionKind, OutlineKind};
use crate::i18n::t;

/// The path of a `file:` URI (`file:///a/b%20c.akk`, `file://localhost/a`, `file:///c%3A/a`);
/// `None` for any other URI.
pub fn path_of(uri: &lsp::Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let decoded = percent_decode(rest)?;
    // `/c:/x` on Windows is the path `c:/x`.
    let bytes = decoded.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0] == b'/' && bytes[2] == b':';
    let path = if drive && bytes[1].is_ascii_alphabetic() {
        &decoded[1..]
    } else {
        &decoded[..]
    };
    Some(PathBuf::from(path))
}

/// The `file:` URI of an absolute path.
pub fn uri_of(path: &Path) -> Option<lsp::Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let text = if text.starts_with('/') {
        text
    } else {
        format!("/{text}")
    };
    let mut uri = String::from("file://");
    for b in text.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"/-._~:".contains(&b);
        if keep {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    lsp::Uri::from_str(&uri).ok()
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// An editor position as the protocol writes it.
pub fn position(p: editor::Position) -> lsp::Position {
    lsp::Position::new(p.line, p.character)
}

/// A protocol position as the editor takes it.
pub fn from_position(p: lsp::Position) -> editor::Position {
    editor::Position {
        line: p.line,
        character: p.character,
    }
}

/// An editor range as the protocol writes it.
pub fn range(r: editor::Range) -> lsp::Range {
    lsp::Range::new(position(r.start), position(r.end))
}

/// A location, when its file has a URI.
pub fn location(l: &editor::Location) -> Option<lsp::Location> {
    Some(lsp::Location::new(uri_of(&l.path)?, range(l.range)))
}

/// A problem, with its hint appended to the message.
pub fn diagnostic(d: &editor::Diagnostic) -> lsp::Diagnostic {
    let message = match &d.help {
        Some(help) => format!("{}\n{}: {help}", d.message, t("hulp", "help")),
        None => d.message.clone(),
    };
    lsp::Diagnostic {
        range: range(d.range),
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        source: Some("akkoord".into()),
        message,
        ..lsp::Diagnostic::default()
    }
}

/// A completion that replaces what was typed of it.
pub fn completion(c: editor::Completion) -> lsp::CompletionItem {
    let kind = match c.kind {
        CompletionKind::Keyword => lsp::CompletionItemKind::KEYWORD,
        CompletionKind::Type => lsp::CompletionItemKind::TYPE_PARAMETER,
        CompletionKind::Fact => lsp::CompletionItemKind::VARIABLE,
        CompletionKind::Attribute => lsp::CompletionItemKind::PROPERTY,
        CompletionKind::Value => lsp::CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Agreement => lsp::CompletionItemKind::CONSTANT,
        CompletionKind::Source => lsp::CompletionItemKind::MODULE,
        CompletionKind::Rule => lsp::CompletionItemKind::FUNCTION,
    };
    let edit = lsp::TextEdit::new(range(c.range), c.label.clone());
    lsp::CompletionItem {
        label: c.label,
        kind: Some(kind),
        detail: c.detail,
        text_edit: Some(lsp::CompletionTextEdit::Edit(edit)),
        ..lsp::CompletionItem::default()
    }
}

/// An outline entry and its children.
#[expect(
    deprecated,
    reason = "`DocumentSymbol::deprecated` must be named to build one; it is left empty"
)]
pub fn symbol(o: editor::Outline) -> lsp::DocumentSymbol {
    let kind = match o.kind {
        OutlineKind::Choice => lsp::SymbolKind::ENUM,
        OutlineKind::Value => lsp::SymbolKind::ENUM_MEMBER,
        OutlineKind::Fact => lsp::SymbolKind::VARIABLE,
        OutlineKind::Attribute => lsp::SymbolKind::PROPERTY,
        OutlineKind::Source => lsp::SymbolKind::MODULE,
        OutlineKind::Rule => lsp::SymbolKind::FUNCTION,
        OutlineKind::Decision => lsp::SymbolKind::EVENT,
        OutlineKind::Scenario => lsp::SymbolKind::NAMESPACE,
        OutlineKind::Property => lsp::SymbolKind::BOOLEAN,
        OutlineKind::Section => lsp::SymbolKind::OBJECT,
        OutlineKind::Agreement => lsp::SymbolKind::CONSTANT,
    };
    let children: Vec<lsp::DocumentSymbol> = o.children.into_iter().map(symbol).collect();
    lsp::DocumentSymbol {
        name: o.name,
        detail: o.detail,
        kind,
        tags: None,
        deprecated: None,
        range: range(o.range),
        selection_range: range(o.selection),
        children: (!children.is_empty()).then_some(children),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_and_paths_convert_both_ways() {
        let path = Path::new("/tmp/regels map/€ #1.akk");
        let uri = uri_of(path).expect("an absolute path has a URI");
        assert_eq!(
            uri.as_str(),
            "file:///tmp/regels%20map/%E2%82%AC%20%231.akk"
        );
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        let windows = lsp::Uri::from_str("file:///c%3A/regels/a.akk").expect("a URI");
        assert_eq!(path_of(&windows), Some(PathBuf::from("c:/regels/a.akk")));
        let other = lsp::Uri::from_str("untitled:Untitled-1").expect("a URI");
        assert_eq!(path_of(&other), None);
    }
}
