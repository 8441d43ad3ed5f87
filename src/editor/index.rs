//! Every name in a rule folder and where it is written: declared, or used. Built from the
//! syntax alone (each file parsed as the checker parses it, broken items set aside), so that
//! going to a definition, finding references and completing names keep working while the rule
//! base has problems.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::ast::{self, Item};
use crate::json::{self, Json};
use crate::span::{FileId, Sources, Span};

use super::collect;

/// Something a name names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Symbol {
    /// `feit x`
    Fact(String),
    /// `kenmerk x`
    Attribute(String),
    /// `keuze x { … }`
    Choice(String),
    /// a value of a choice
    Value(String),
    /// `motie x "…" { … }` and the other kinds of source
    Source(String),
    /// `regel r { … }` in source `s`: `s.r`
    Rule(String, String),
    /// an agreement on the table, a key under `akkoorden` in the facts file
    Agreement(String),
    /// `scenario x "…" { … }`
    Scenario(String),
    /// `eigenschap x "…" { … }`
    Property(String),
}

/// One place a symbol is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// What it names.
    pub symbol: Symbol,
    /// Where, in the index's [`Sources`].
    pub span: Span,
    /// True where the symbol is declared (defined), false where it is used.
    pub declaration: bool,
}

/// What part a file plays in a rule folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A `.akk` file in the rule folder: declarations and sources.
    Rules,
    /// A `.akk` file in `tests/`: scenarios and properties.
    Tests,
    /// The facts file, `feiten.json`.
    Facts,
}

/// One file of the folder, parsed.
#[derive(Clone, Debug)]
pub struct IndexedFile {
    /// Its path.
    pub path: PathBuf,
    /// What part it plays.
    pub kind: FileKind,
    /// The items that parse (empty for the facts file).
    pub syntax: ast::File,
    /// The facts file as JSON, when it is JSON.
    pub json: Option<Json>,
}

/// The names of a rule folder and their places.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// The texts, as the checker reads them; names are paths.
    pub sources: Sources,
    /// The files, by [`FileId`].
    pub files: Vec<IndexedFile>,
    /// Every place a name is written, in file order.
    pub occurrences: Vec<Occurrence>,
}

impl Index {
    /// Parses the files (path, part, text) and collects every name in them.
    pub fn build(files: Vec<(PathBuf, FileKind, String)>) -> Index {
        let mut index = Index::default();
        for (path, kind, text) in files {
            let id = index.sources.add(path.display().to_string(), text);
            let text = index.sources.text(id);
            let (syntax, json) = match kind {
                FileKind::Facts => (ast::File::default(), json::parse(id, text).ok()),
                _ => (crate::check::parse_recovering(id, text).0, None),
            };
            index.files.push(IndexedFile {
                path,
                kind,
                syntax,
                json,
            });
        }
        index.occurrences = collect::occurrences(&index);
        index
    }

    /// The id of a file by path.
    pub fn file_id(&self, path: &Path) -> Option<FileId> {
        let i = self.files.iter().position(|f| f.path == path)?;
        Some(FileId(u32::try_from(i).ok()?))
    }

    /// A file by id.
    pub fn file(&self, id: FileId) -> Option<&IndexedFile> {
        self.files.get(id.0 as usize)
    }

    /// The path of a file by id.
    pub fn path(&self, id: FileId) -> Option<&Path> {
        self.file(id).map(|f| f.path.as_path())
    }

    /// The name written at a byte offset (a cursor just after a name is on it); the innermost
    /// when names nest.
    pub fn at(&self, file: FileId, offset: usize) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .filter(|o| o.span.file == file && o.span.start <= offset && offset <= o.span.end)
            .min_by_key(|o| o.span.len())
    }

    /// Every place a symbol is declared.
    pub fn declarations<'a>(&'a self, symbol: &'a Symbol) -> impl Iterator<Item = &'a Occurrence> {
        self.occurrences
            .iter()
            .filter(move |o| o.declaration && o.symbol == *symbol)
    }

    /// Every place a symbol is written, declarations included when asked.
    pub fn references<'a>(
        &'a self,
        symbol: &'a Symbol,
        with_declarations: bool,
    ) -> impl Iterator<Item = &'a Occurrence> {
        self.occurrences
            .iter()
            .filter(move |o| o.symbol == *symbol && (with_declarations || !o.declaration))
    }

    /// The declared symbols that `keep` accepts, sorted, each once.
    pub fn declared(&self, keep: impl Fn(&Symbol) -> bool) -> BTreeSet<&Symbol> {
        self.occurrences
            .iter()
            .filter(|o| o.declaration && keep(&o.symbol))
            .map(|o| &o.symbol)
            .collect()
    }

    /// Every item of the rule and test files.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.files.iter().flat_map(|f| &f.syntax.items)
    }

    /// The declaration of a fact.
    pub fn fact(&self, name: &str) -> Option<&ast::FactDecl> {
        self.items().find_map(|i| match i {
            Item::Fact(d) if d.name.node == name => Some(d),
            _ => None,
        })
    }

    /// The declaration of an attribute.
    pub fn attribute(&self, name: &str) -> Option<&ast::AttrDecl> {
        self.items().find_map(|i| match i {
            Item::Attribute(d) if d.name.node == name => Some(d),
            _ => None,
        })
    }

    /// The declaration of a choice.
    pub fn choice(&self, name: &str) -> Option<&ast::ChoiceDecl> {
        self.items().find_map(|i| match i {
            Item::Choice(d) if d.name.node == name => Some(d),
            _ => None,
        })
    }

    /// The choices a value belongs to.
    pub fn choices_with(&self, value: &str) -> Vec<&ast::ChoiceDecl> {
        self.items()
            .filter_map(|i| match i {
                Item::Choice(d) if d.values.iter().any(|v| v.node == value) => Some(d),
                _ => None,
            })
            .collect()
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&ast::Source> {
        self.items().find_map(|i| match i {
            Item::Source(s) if s.id.node == id => Some(&**s),
            _ => None,
        })
    }

    /// A rule by source and id, with its source.
    pub fn rule(&self, source: &str, id: &str) -> Option<(&ast::Source, &ast::Rule)> {
        let s = self.source(source)?;
        s.rules.iter().find(|r| r.id.node == id).map(|r| (s, r))
    }

    /// A scenario by id.
    pub fn scenario(&self, id: &str) -> Option<&ast::Scenario> {
        self.items().find_map(|i| match i {
            Item::Scenario(s) if s.id.node == id => Some(&**s),
            _ => None,
        })
    }

    /// A property by id.
    pub fn property(&self, id: &str) -> Option<&ast::Property> {
        self.items().find_map(|i| match i {
            Item::Property(p) if p.id.node == id => Some(&**p),
            _ => None,
        })
    }

    /// The object an agreement has in the facts file.
    pub fn agreement(&self, id: &str) -> Option<&Json> {
        self.files
            .iter()
            .filter_map(|f| f.json.as_ref())
            .filter_map(|j| j.get(&collect::AGREEMENTS).map(|(_, a)| a))
            .filter_map(Json::as_object)
            .flatten()
            .find(|m| m.key == id)
            .map(|m| &m.value)
    }
}
