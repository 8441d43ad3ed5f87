//! What an editor asks about a rule folder, answered without any protocol: problems as you type,
//! what a name is, where it is declared and used, what may be written next, and the outline of
//! a file. The language server ([`crate::lsp`]) only translates these to and from its messages.
//!
//! Problems come from [`crate::load::validate`], the one function `akkoord validate` runs, with
//! the open documents laid over the files on disk; nothing here checks anything on its own.
//! Names come from an [`Index`] of the syntax, so navigation works while the rule base has
//! problems; values and verdicts come from the last check that passed.
//!
//! ```
//! use akkoord::editor::{Position, Workspace};
//!
//! let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vng");
//! let mut workspace = Workspace::new(None, None);
//! let analysis = workspace.analysis(&folder);
//! assert!(analysis.diagnostics.is_empty());
//! let file = folder.join("2018-06-27-alv.akk");
//! let at = Position { line: 13, character: 16 }; // `totdat rob_aanbevelingen_overeengekomen`
//! let found = akkoord::editor::definition(analysis, &file, at);
//! assert!(found[0].path.ends_with("00-declaraties.akk"));
//! ```

mod collect;
mod complete;
mod diagnostics;
mod hover;
mod index;
mod keywords;
mod lexical;
mod navigate;
mod outline;
mod position;
mod values;
mod workspace;

pub use complete::{Completion, CompletionKind, complete};
pub use diagnostics::Diagnostic;
pub use hover::{Hover, hover};
pub use index::{FileKind, Index, IndexedFile, Occurrence, Symbol};
pub use keywords::{HOLE, KEYWORDS, Keyword};
pub use navigate::{Location, definition, references};
pub use outline::{Outline, OutlineKind, outline};
pub use position::{LineIndex, Position, Range};
pub use workspace::Workspace;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::check::Loaded;
use crate::load::{self, Options, Overlay};
use crate::span::{FileId, Span};

/// One rule folder as last checked: its problems, its names, and its rule base and facts.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The rule folder.
    pub rules: PathBuf,
    /// The problems `validate` found, per file; empty when there are none.
    pub diagnostics: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Every name in the folder's files and where it is written.
    pub index: Index,
    /// The rule base and facts of this check, or of the last one that passed.
    pub loaded: Option<Arc<Loaded>>,
    /// True when `loaded` comes from this check, false when from an earlier one.
    pub fresh: bool,
    /// The day values and verdicts are given for.
    pub date: Date,
}

impl Analysis {
    /// Runs `validate` on the rule folder with the overlay's texts, and indexes its files.
    /// `last_good` is kept for values and verdicts when this check finds problems.
    pub fn check(
        rules: &Path,
        overlay: &Overlay,
        date: Date,
        last_good: Option<Arc<Loaded>>,
    ) -> Analysis {
        let options = Options {
            tests: load::default_tests(rules, overlay),
            overlay: overlay.clone(),
            ..Options::new(rules)
        };
        let (diagnostics, loaded, fresh) = match load::validate(&options) {
            Ok(v) => (BTreeMap::new(), Some(Arc::new(v.loaded)), true),
            Err(error) => {
                let anchor = overlay
                    .paths()
                    .find(|p| p.starts_with(rules))
                    .map_or_else(|| options.facts_path(), Path::to_path_buf);
                (diagnostics::diagnostics(&error, &anchor), last_good, false)
            }
        };
        Analysis {
            rules: rules.to_path_buf(),
            diagnostics,
            index: Index::build(files(&options)),
            loaded,
            fresh,
            date,
        }
    }

    /// The file and byte offset of an editor position.
    pub fn offset(&self, path: &Path, position: Position) -> Option<(FileId, usize)> {
        let file = self.index.file_id(path)?;
        let text = self.index.sources.text(file);
        Some((file, LineIndex::new(text).offset(position)))
    }

    /// The file and range of a span of the index.
    pub fn location(&self, span: Span) -> Option<Location> {
        let path = self.index.path(span.file)?.to_path_buf();
        let text = self.index.sources.text(span.file);
        let range = LineIndex::new(text).range(span.start, span.end);
        Some(Location { path, range })
    }
}

/// The files `validate` reads with these options, as the index takes them; files that cannot
/// be read are left out (their problems are among the diagnostics).
fn files(options: &Options) -> Vec<(PathBuf, FileKind, String)> {
    let texts = &options.overlay;
    let listed = |dir: &Path, kind: FileKind| {
        texts
            .rule_files(dir)
            .unwrap_or_default()
            .into_iter()
            .map(move |(name, text)| (PathBuf::from(name), kind, text))
    };
    let mut files: Vec<_> = listed(&options.rules, FileKind::Rules).collect();
    if let Some(tests) = &options.tests {
        files.extend(listed(tests, FileKind::Tests));
    }
    let facts = options.facts_path();
    if let Ok(text) = texts.read(&facts) {
        files.push((facts, FileKind::Facts, text));
    }
    files
}
