//! Texts held in memory that stand in for files on disk: an editor's open documents, with the
//! changes not yet saved. Loading reads through an overlay, so `akkoord validate` (with an
//! empty one) and the language server (with the open documents) run one and the same check.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Problem;
use crate::tr;

use super::{DOCUMENTS, io_message, io_problem, read};

/// Paths and the texts that replace their files; an empty overlay reads everything from disk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overlay {
    texts: BTreeMap<PathBuf, String>,
}

impl Overlay {
    /// An overlay that replaces nothing.
    pub fn new() -> Self {
        Overlay::default()
    }

    /// Holds `text` for `path` (replacing any text held before).
    pub fn set(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        self.texts.insert(path.into(), text.into());
    }

    /// Stops holding a text for `path`: the file on disk counts again.
    pub fn remove(&mut self, path: &Path) -> Option<String> {
        self.texts.remove(path)
    }

    /// The text held for `path`, if any.
    pub fn get(&self, path: &Path) -> Option<&str> {
        self.texts.get(path).map(String::as_str)
    }

    /// Every path a text is held for, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.texts.keys().map(PathBuf::as_path)
    }

    /// The text of a file: the one held, or the file on disk as [`read`] reads it.
    pub fn read(&self, path: &Path) -> Result<String, Problem> {
        match self.get(path) {
            Some(text) => Ok(text.to_string()),
            None => read(path),
        }
    }

    /// The files directly in `dir` with extension `ext`, on disk or held, sorted by path. A
    /// folder that cannot be listed is an error unless texts are held for files in it.
    fn listed(&self, dir: &Path, ext: &str) -> Result<Vec<PathBuf>, std::io::Error> {
        let mut paths: Vec<PathBuf> = self
            .paths()
            .filter(|p| p.parent() == Some(dir) && p.extension().is_some_and(|x| x == ext))
            .map(Path::to_path_buf)
            .collect();
        match fs::read_dir(dir) {
            Ok(entries) => paths.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == ext)),
            ),
            Err(e) if paths.is_empty() => return Err(e),
            Err(_) => {}
        }
        paths.sort();
        paths.dedup();
        Ok(paths)
    }

    /// The `.akk` files in a folder, as (display name, text), sorted by name. A link that leads
    /// nowhere is an error, not skipped.
    pub fn rule_files(&self, dir: &Path) -> Result<Vec<(String, String)>, Problem> {
        let paths = self.listed(dir, "akk").map_err(|e| io_problem(dir, &e))?;
        if paths.is_empty() {
            return Err(Problem::Io {
                path: dir.display().to_string(),
                message: tr!(
                    "de map bevat geen regelbestanden (`.akk`)",
                    "the folder holds no `.akk` rule files"
                ),
            });
        }
        let files: Vec<(String, String)> = paths
            .into_iter()
            .map(|p| self.read(&p).map(|text| (p.display().to_string(), text)))
            .collect::<Result<_, _>>()?;
        let total: u64 = files.iter().map(|(_, t)| t.len() as u64).sum();
        if total > crate::limits::MAX_TOTAL_BYTES {
            let mb = crate::limits::MAX_TOTAL_BYTES / (1024 * 1024);
            let raise = crate::limits::how_to_raise("MAX_TOTAL_BYTES");
            return Err(Problem::Io {
                path: dir.display().to_string(),
                message: tr!(
                    "de bestanden zijn samen groter dan {mb} MB ({raise})",
                    "the files together are larger than {mb} MB ({raise})"
                ),
            });
        }
        Ok(files)
    }

    /// The source documents in `<rules>/bronnen/*.txt`, as (file name, text).
    pub fn documents(&self, rules: &Path) -> Result<Vec<(String, String)>, Problem> {
        let dir = rules.join(DOCUMENTS);
        let paths = self.listed(&dir, "txt").map_err(|e| Problem::Io {
            path: dir.display().to_string(),
            message: tr!(
                "{}; zonder de brondocumenten zijn de citaten niet te controleren",
                "{}; without the source documents the quotes cannot be checked",
                io_message(&e)
            ),
        })?;
        paths
            .into_iter()
            .map(|p| {
                let name = p
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                self.read(&p).map(|text| (name, text))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_text_replaces_the_file_and_a_new_file_is_listed() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vng");
        let mut overlay = Overlay::new();
        let declarations = dir.join("00-declaraties.akk");
        overlay.set(&declarations, "feit x: janee \"?\"");
        overlay.set(dir.join("zz-nieuw.akk"), "feit y: janee \"?\"");
        let files = overlay.rule_files(&dir).expect("the folder lists");
        let text = |name: &Path| {
            let name = name.display().to_string();
            files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.clone())
        };
        assert_eq!(text(&declarations).as_deref(), Some("feit x: janee \"?\""));
        assert_eq!(
            text(&dir.join("zz-nieuw.akk")).as_deref(),
            Some("feit y: janee \"?\"")
        );
        assert_eq!(files.len(), 7);
    }

    #[test]
    fn a_folder_that_exists_only_in_memory_lists_its_held_files() {
        let dir = Path::new("/nergens/regels");
        let mut overlay = Overlay::new();
        overlay.set(dir.join("a.akk"), "");
        let files = overlay.rule_files(dir).expect("held files count");
        assert_eq!(files.len(), 1);
        assert!(Overlay::new().rule_files(dir).is_err());
    }
}
