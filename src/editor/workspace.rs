//! The open documents and the rule folders they belong to. A change marks its folder for a new
//! check; the check runs when the folder is next asked about, so a burst of changes costs one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::check::Loaded;
use crate::load::{DEFAULT_FACTS, Overlay};

use super::{Analysis, Diagnostic};

/// What the editor has open, and the last analysis of each rule folder.
#[derive(Debug, Default)]
pub struct Workspace {
    root: Option<PathBuf>,
    date: Option<Date>,
    overlay: Overlay,
    folders: BTreeMap<PathBuf, Folder>,
}

#[derive(Debug, Default)]
struct Folder {
    /// `None` when a change since the last check asks for a new one.
    analysis: Option<Analysis>,
    /// The rule base of the last check that passed.
    last_good: Option<Arc<Loaded>>,
    /// The files problems were last published for, so that they can be cleared.
    published: BTreeSet<PathBuf>,
}

impl Workspace {
    /// A workspace at `root` (the folder the editor opened), giving values and verdicts for
    /// `date` (today when `None`).
    pub fn new(root: Option<PathBuf>, date: Option<Date>) -> Self {
        Workspace {
            root,
            date,
            ..Workspace::default()
        }
    }

    /// True for the files a rule folder is made of: `.akk` files, JSON facts files, and the
    /// source documents (`bronnen/*.txt`) quotes are checked against.
    pub fn is_ours(path: &Path) -> bool {
        path.extension()
            .is_some_and(|x| x == "akk" || x == "json" || x == "txt")
    }

    /// `rules/` under the workspace's root, when it exists: checked as soon as the editor starts.
    pub fn root_folder(&self) -> Option<PathBuf> {
        let dir = self.root.as_ref()?.join("rules");
        dir.is_dir().then_some(dir)
    }

    /// The rule folder a file belongs to: its own folder or the one above (for `tests/`),
    /// whichever holds the facts file; otherwise its own folder.
    pub fn rule_folder(&self, path: &Path) -> PathBuf {
        let own = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let has_facts = |dir: &Path| {
            let facts = dir.join(DEFAULT_FACTS);
            facts.is_file() || self.overlay.get(&facts).is_some()
        };
        own.ancestors()
            .take(2)
            .find(|dir| has_facts(dir))
            .map_or(own.clone(), Path::to_path_buf)
    }

    /// An editor opened or changed a document: its text stands in for the file from now on.
    /// Returns the rule folder to check again.
    pub fn set_text(&mut self, path: &Path, text: String) -> PathBuf {
        self.overlay.set(path, text);
        self.touch(path)
    }

    /// The text of a file: the editor's, or the one on disk.
    pub fn text(&self, path: &Path) -> Option<String> {
        self.overlay.read(path).ok()
    }

    /// An editor closed a document: the file on disk counts again.
    pub fn close(&mut self, path: &Path) -> PathBuf {
        self.overlay.remove(path);
        self.touch(path)
    }

    /// A file may have changed on disk (saved, created, deleted). Returns its rule folder,
    /// marked to be checked again.
    pub fn touch(&mut self, path: &Path) -> PathBuf {
        let folder = self.rule_folder(path);
        self.folders.entry(folder.clone()).or_default().analysis = None;
        folder
    }

    /// The folders marked to be checked again.
    pub fn stale(&self) -> Vec<PathBuf> {
        self.folders
            .iter()
            .filter(|(_, f)| f.analysis.is_none())
            .map(|(p, _)| p.clone())
            .collect()
    }

    /// The analysis of a rule folder, checked again first when something changed.
    pub fn analysis(&mut self, rules: &Path) -> &Analysis {
        let date = self.date.unwrap_or_else(|| jiff::Zoned::now().date());
        let folder = self.folders.entry(rules.to_path_buf()).or_default();
        let analysis = match folder.analysis.take() {
            Some(analysis) => analysis,
            None => {
                let analysis =
                    Analysis::check(rules, &self.overlay, date, folder.last_good.clone());
                if analysis.fresh {
                    folder.last_good.clone_from(&analysis.loaded);
                }
                analysis
            }
        };
        folder.analysis.insert(analysis)
    }

    /// The analysis of the folder a file belongs to.
    pub fn analysis_of(&mut self, path: &Path) -> &Analysis {
        let folder = self.rule_folder(path);
        self.analysis(&folder)
    }

    /// The problems to publish for a rule folder: every file with problems, and an empty list
    /// for every other file of the folder and every file that had problems before.
    pub fn diagnostics(&mut self, rules: &Path) -> Vec<(PathBuf, Vec<Diagnostic>)> {
        let analysis = self.analysis(rules);
        let mut out: BTreeMap<PathBuf, Vec<Diagnostic>> = analysis
            .index
            .files
            .iter()
            .map(|f| (f.path.clone(), Vec::new()))
            .collect();
        for (path, list) in &analysis.diagnostics {
            out.insert(path.clone(), list.clone());
        }
        let folder = self.folders.entry(rules.to_path_buf()).or_default();
        for path in &folder.published {
            out.entry(path.clone()).or_default();
        }
        folder.published = out
            .iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(p, _)| p.clone())
            .collect();
        out.into_iter().collect()
    }
}
