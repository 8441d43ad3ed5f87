//! Reading a rule folder and a facts file from disk, then checking them together.

use std::fs;
use std::path::{Path, PathBuf};

use crate::check::{self, Loaded};
use crate::error::Problem;
use crate::span::Sources;

/// The facts file looked for in the rule folder when none is given.
pub const DEFAULT_FACTS: &str = "feiten.json";

/// Every problem found while loading, with the file texts to render them against.
#[derive(Debug)]
pub struct LoadError {
    /// The problems, in file order.
    pub problems: Vec<Problem>,
    /// The texts of the files read.
    pub sources: Sources,
}

impl LoadError {
    /// Renders every problem, as the CLI prints them.
    pub fn render(&self) -> String {
        crate::error::render_all(&self.problems, &self.sources)
    }
}

/// Loads every `.akk` file directly in `rules` (sorted by name) and the facts file
/// (`rules/feiten.json` unless given), and checks them.
pub fn load(rules: &Path, facts: Option<&Path>) -> Result<Loaded, LoadError> {
    let fail = |problem| LoadError {
        problems: vec![problem],
        sources: Sources::new(),
    };
    let files = rule_files(rules).map_err(fail)?;
    let facts_path: PathBuf = facts.map_or_else(|| rules.join(DEFAULT_FACTS), Path::to_path_buf);
    let facts_text = read(&facts_path).map_err(fail)?;
    let facts_name = facts_path.display().to_string();
    check::load(&files, (&facts_name, &facts_text))
        .map_err(|(problems, sources)| LoadError { problems, sources })
}

/// Loads the rule folder, its facts file, and the scenario and property files in `tests`.
pub fn load_with_tests(
    rules: &Path,
    facts: Option<&Path>,
    tests: &Path,
) -> Result<Loaded, LoadError> {
    let fail = |problem| LoadError {
        problems: vec![problem],
        sources: Sources::new(),
    };
    let files = rule_files(rules).map_err(fail)?;
    let test_files = rule_files(tests).map_err(fail)?;
    let facts_path: PathBuf = facts.map_or_else(|| rules.join(DEFAULT_FACTS), Path::to_path_buf);
    let facts_text = read(&facts_path).map_err(fail)?;
    let facts_name = facts_path.display().to_string();
    check::load_with_tests(&files, &test_files, (&facts_name, &facts_text))
        .map_err(|(problems, sources)| LoadError { problems, sources })
}

/// Loads an older rule folder against a given facts file, for comparison: facts the older
/// rules do not declare are listed instead of failing the load.
pub fn load_for_comparison(rules: &Path, facts: &Path) -> Result<Loaded, LoadError> {
    let fail = |problem| LoadError {
        problems: vec![problem],
        sources: Sources::new(),
    };
    let files = rule_files(rules).map_err(fail)?;
    let facts_text = read(facts).map_err(fail)?;
    let facts_name = facts.display().to_string();
    check::load_for_comparison(&files, (&facts_name, &facts_text))
        .map_err(|(problems, sources)| LoadError { problems, sources })
}

/// The `.akk` files in a folder, as (display name, text), sorted by name.
pub fn rule_files(dir: &Path) -> Result<Vec<(String, String)>, Problem> {
    let entries = fs::read_dir(dir).map_err(|e| io_problem(dir, &e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "akk") && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Problem::Io {
            path: dir.display().to_string(),
            message: "the folder holds no `.akk` rule files".into(),
        });
    }
    paths
        .into_iter()
        .map(|p| read(&p).map(|text| (p.display().to_string(), text)))
        .collect()
}

fn read(path: &Path) -> Result<String, Problem> {
    fs::read_to_string(path).map_err(|e| io_problem(path, &e))
}

fn io_problem(path: &Path, e: &std::io::Error) -> Problem {
    let message = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::InvalidData => "the file is not UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    Problem::Io {
        path: path.display().to_string(),
        message,
    }
}
