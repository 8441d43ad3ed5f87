//! Formatting files and folders on disk: which files, reading them, writing the changed ones
//! atomically, and the answer that says what happened to each.

use std::path::{Path, PathBuf};

use crate::answer::{FileFormat, FormatAnswer, FormatStatus};
use crate::error::Problem;
use crate::i18n::Lang;
use crate::span::{Sources, normalize};
use crate::{load, store, tr};

/// What to format.
#[derive(Clone, Debug)]
pub enum Input {
    /// A file, or a folder: every `.akk` file in it and in the folders inside it.
    Path(PathBuf),
    /// A text that is not a file (standard input): formatted, never written.
    Text {
        /// The name problems give it.
        name: String,
        /// The text.
        text: String,
    },
}

/// What to do with a formatted file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Write it over the file, when it changed.
    Write,
    /// Write nothing; say what would change (`--controleer`).
    Check,
    /// Write nothing; give the formatted text (`--stdout`).
    Print,
}

/// What `akkoord fmt` did.
#[derive(Debug)]
pub struct Run {
    /// File by file.
    pub answer: FormatAnswer,
    /// Under [`Mode::Print`], the formatted text of each file, in order.
    pub texts: Vec<String>,
    /// What could not be read, formatted or written; those files are left as they were.
    pub problems: Vec<Problem>,
    /// The texts the problems point into.
    pub sources: Sources,
}

/// Formats `inputs`, with the keywords in `keywords`, or in the language each file mostly uses,
/// and does with each what `mode` says. An [`Input::Text`] is never written.
pub fn format_inputs(inputs: &[Input], mode: Mode, keywords: Option<Lang>) -> Run {
    let mut run = Run {
        answer: FormatAnswer {
            check: mode == Mode::Check,
            files: Vec::new(),
            changed: 0,
            failed: 0,
        },
        texts: Vec::new(),
        problems: Vec::new(),
        sources: Sources::new(),
    };
    for input in inputs {
        match input {
            Input::Text { name, text } => {
                let mode = if mode == Mode::Check {
                    mode
                } else {
                    Mode::Print
                };
                run.one(name, text, mode, keywords);
            }
            Input::Path(path) => match rule_files(path) {
                Ok(paths) => {
                    for path in paths {
                        run.file(&path, mode, keywords);
                    }
                }
                Err(problem) => run.problems.push(problem),
            },
        }
    }
    run.answer.changed = run
        .answer
        .files
        .iter()
        .filter(|f| f.status == FormatStatus::Changed)
        .count();
    run.answer.failed = run
        .answer
        .files
        .iter()
        .filter(|f| f.status == FormatStatus::Failed)
        .count();
    run
}

impl Run {
    /// Reads, formats and (under [`Mode::Write`]) writes one file.
    fn file(&mut self, path: &Path, mode: Mode, keywords: Option<Lang>) {
        let name = path.display().to_string();
        let text = match load::read(path) {
            Ok(text) => text,
            Err(problem) => {
                self.failed(&name, problem);
                return;
            }
        };
        let Some(formatted) = self.one(&name, &text, mode, keywords) else {
            return;
        };
        if mode != Mode::Write || formatted == text {
            return;
        }
        if let Err(e) = write(path, &formatted) {
            self.answer.files.pop();
            self.failed(
                &name,
                Problem::Argument {
                    message: tr!(
                        "kan `{name}` niet schrijven: {e}",
                        "cannot write `{name}`: {e}"
                    ),
                    help: Some(tr!(
                        "het bestand blijft zoals het was; controleer of het schrijfbaar is",
                        "the file is left as it was; check that it can be written"
                    )),
                },
            );
        }
    }

    /// Formats one text and records what changed; the formatted text, or `None` after a problem.
    fn one(
        &mut self,
        name: &str,
        text: &str,
        mode: Mode,
        keywords: Option<Lang>,
    ) -> Option<String> {
        let id = self.sources.add(name, text);
        match super::format(id, text, keywords) {
            Ok(formatted) => {
                let changed = formatted.text != text;
                let diff = (mode == Mode::Check && changed)
                    .then(|| super::unified_diff(name, &normalize(text), &formatted.text));
                self.answer.files.push(FileFormat {
                    path: name.to_string(),
                    status: if changed {
                        FormatStatus::Changed
                    } else {
                        FormatStatus::Unchanged
                    },
                    keywords: Some(formatted.keywords.code().to_string()),
                    diff,
                });
                if mode == Mode::Print {
                    self.texts.push(formatted.text.clone());
                }
                Some(formatted.text)
            }
            Err(problem) => {
                self.failed(name, problem);
                None
            }
        }
    }

    fn failed(&mut self, name: &str, problem: Problem) {
        self.answer.files.push(FileFormat {
            path: name.to_string(),
            status: FormatStatus::Failed,
            keywords: None,
            diff: None,
        });
        self.problems.push(problem);
    }
}

/// Writes a formatted file atomically, over the file a link leads to, with the permissions the
/// file had.
fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let permissions = std::fs::metadata(&target)?.permissions();
    store::write_atomic(&target, text.as_bytes())?;
    std::fs::set_permissions(&target, permissions)
}

/// A file as itself; a folder as the `.akk` files in it and in the folders inside it (not
/// those whose name starts with `.`, nor links to folders), sorted by path.
pub fn rule_files(path: &Path) -> Result<Vec<PathBuf>, Problem> {
    let io = |e: std::io::Error| Problem::Io {
        path: path.display().to_string(),
        message: match e.kind() {
            std::io::ErrorKind::NotFound => {
                tr!("bestand of map bestaat niet", "no such file or folder")
            }
            _ => e.to_string(),
        },
    };
    if !std::fs::metadata(path).map_err(io)?.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut folders = vec![path.to_path_buf()];
    while let Some(dir) = folders.pop() {
        for entry in std::fs::read_dir(&dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let kind = entry.file_type().map_err(io)?;
            if kind.is_dir() && !hidden {
                folders.push(path);
            } else if !kind.is_dir() && path.extension().is_some_and(|x| x == "akk") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
