//! The problems `validate` reports, placed as an editor shows them: per file, with a range in
//! editor positions, the stable code, the message, the label under the place and the hint.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::error::Problem;
use crate::load::LoadError;
use crate::span::FileId;

use super::position::{LineIndex, Range};

/// One problem, as an editor shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where, in the file it belongs to.
    pub range: Range,
    /// A stable code, e.g. `akkoord::unknown_name`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// What the place's label says, e.g. `hier`.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

/// Every problem of a failed check, per file. A problem without a place (a file that cannot be
/// read, a missing folder) is put at the start of the file it names when that file exists,
/// otherwise at the start of `anchor`.
pub fn diagnostics(error: &LoadError, anchor: &Path) -> BTreeMap<PathBuf, Vec<Diagnostic>> {
    let mut lines: HashMap<FileId, LineIndex<'_>> = HashMap::new();
    let mut out: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for problem in &error.problems {
        let d = problem.describe();
        let (path, range, label) = match d.place {
            Some((span, label)) => {
                let index = lines
                    .entry(span.file)
                    .or_insert_with(|| LineIndex::new(error.sources.text(span.file)));
                let path = PathBuf::from(error.sources.name(span.file));
                (path, index.range(span.start, span.end), Some(label))
            }
            None => (unplaced(problem, anchor), Range::default(), None),
        };
        out.entry(path).or_default().push(Diagnostic {
            range,
            code: d.code,
            message: d.message,
            label,
            help: d.help,
        });
    }
    out
}

/// The file a problem without a place belongs to.
fn unplaced(problem: &Problem, anchor: &Path) -> PathBuf {
    match problem {
        Problem::Io { path, .. } => {
            let path = Path::new(path);
            let ours = path
                .extension()
                .is_some_and(|x| x == "akk" || x == "json" || x == "txt");
            if ours && path.is_file() {
                path.to_path_buf()
            } else {
                anchor.to_path_buf()
            }
        }
        _ => anchor.to_path_buf(),
    }
}
