//! Reading a rule folder, its facts file, what-if changes and source documents from disk, then
//! checking them together. Only regular files are read, each up to [`MAX_FILE_BYTES`].

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::check::{self, Loaded};
use crate::error::Problem;
use crate::span::Sources;
use crate::tr;

/// The facts file looked for in the rule folder when none is given.
pub const DEFAULT_FACTS: &str = "feiten.json";

/// The folder of source documents in the rule folder: every quote must appear in one of them.
pub const DOCUMENTS: &str = "bronnen";

pub use crate::limits::MAX_FILE_BYTES;

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

    fn one(problem: Problem) -> Self {
        LoadError {
            problems: vec![problem],
            sources: Sources::new(),
        }
    }
}

/// What to load: the rule folder and everything that goes with it.
#[derive(Clone, Debug)]
pub struct Options {
    /// The folder of `.akk` rule files.
    pub rules: PathBuf,
    /// The facts file; `None`: `feiten.json` in the rule folder.
    pub facts: Option<PathBuf>,
    /// A what-if file whose `feiten` replace the facts they name.
    pub what_if: Option<PathBuf>,
    /// Facts set for this evaluation: `x(ggz)=ja`.
    pub set: Vec<String>,
    /// A folder of scenario and property files to check with the rules.
    pub tests: Option<PathBuf>,
    /// Check every quote against the documents in `bronnen/` (a missing folder is an error).
    pub quotes: bool,
}

impl Options {
    /// The rule folder, with its own facts file, checked quotes, nothing else.
    pub fn new(rules: impl Into<PathBuf>) -> Self {
        Options {
            rules: rules.into(),
            facts: None,
            what_if: None,
            set: Vec::new(),
            tests: None,
            quotes: true,
        }
    }

    /// The facts file these options read.
    pub fn facts_path(&self) -> PathBuf {
        self.facts
            .clone()
            .unwrap_or_else(|| self.rules.join(DEFAULT_FACTS))
    }
}

/// Loads and checks everything the options name; every problem in every file is reported.
pub fn load_all(options: &Options) -> Result<Loaded, LoadError> {
    let files = rule_files(&options.rules).map_err(LoadError::one)?;
    let test_files = match &options.tests {
        Some(dir) => rule_files(dir).map_err(LoadError::one)?,
        None => Vec::new(),
    };
    let facts_path = options.facts_path();
    let facts_text = read(&facts_path).map_err(LoadError::one)?;
    let facts_name = facts_path.display().to_string();
    let mut loaded = check::load_with_tests(&files, &test_files, (&facts_name, &facts_text))
        .map_err(|(problems, sources)| LoadError { problems, sources })?;
    let mut problems = Vec::new();
    if options.quotes {
        match documents(&options.rules) {
            Ok(docs) => problems.extend(
                check::check_quotes(&loaded.base, &docs)
                    .into_iter()
                    .map(Problem::Check),
            ),
            Err(p) => problems.push(p),
        }
    }
    if let Some(path) = &options.what_if {
        match read(path) {
            Ok(text) => {
                let id = loaded.base.sources.add(path.display().to_string(), text);
                let text = loaded.base.sources.text(id).to_string();
                let (world, errors) = crate::facts::overlay(id, &text, &loaded.base, &loaded.world);
                problems.extend(errors.into_iter().map(Problem::Facts));
                loaded.world = world;
            }
            Err(p) => problems.push(p),
        }
    }
    if let Err(errors) = check::apply_overrides(&mut loaded, &options.set) {
        problems.extend(errors);
    }
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(LoadError {
            problems,
            sources: loaded.base.sources,
        })
    }
}

/// Loads every `.akk` file directly in `rules` (sorted by name) and the facts file
/// (`rules/feiten.json` unless given), and checks them. Quotes are not checked.
pub fn load(rules: &Path, facts: Option<&Path>) -> Result<Loaded, LoadError> {
    load_all(&Options {
        facts: facts.map(Path::to_path_buf),
        quotes: false,
        ..Options::new(rules)
    })
}

/// Loads an older rule folder against a given facts file, for comparison: facts the older
/// rules do not declare are listed instead of failing the load.
pub fn load_for_comparison(rules: &Path, facts: &Path) -> Result<Loaded, LoadError> {
    let files = rule_files(rules).map_err(LoadError::one)?;
    let facts_text = read(facts).map_err(LoadError::one)?;
    let facts_name = facts.display().to_string();
    check::load_for_comparison(&files, (&facts_name, &facts_text))
        .map_err(|(problems, sources)| LoadError { problems, sources })
}

/// The `.akk` files in a folder, as (display name, text), sorted by name. A link that leads
/// nowhere is an error, not skipped.
pub fn rule_files(dir: &Path) -> Result<Vec<(String, String)>, Problem> {
    let entries = fs::read_dir(dir).map_err(|e| io_problem(dir, &e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "akk"))
        .collect();
    paths.sort();
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
        .map(|p| read(&p).map(|text| (p.display().to_string(), text)))
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

/// The source documents in `<rules>/bronnen/*.txt`, as (display name, text).
pub fn documents(rules: &Path) -> Result<Vec<(String, String)>, Problem> {
    let dir = rules.join(DOCUMENTS);
    let entries = fs::read_dir(&dir).map_err(|e| Problem::Io {
        path: dir.display().to_string(),
        message: tr!(
            "{}; zonder de brondocumenten zijn de citaten niet te controleren",
            "{}; without the source documents the quotes cannot be checked",
            io_message(&e)
        ),
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            read(&p).map(|text| {
                (
                    p.file_name()
                        .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
                    text,
                )
            })
        })
        .collect()
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`] as UTF-8 text.
pub fn read(path: &Path) -> Result<String, Problem> {
    let problem = |message: String| Problem::Io {
        path: path.display().to_string(),
        message,
    };
    let meta = fs::metadata(path).map_err(|e| io_problem(path, &e))?;
    if !meta.is_file() {
        return Err(problem(tr!(
            "dit is geen gewoon bestand",
            "this is not a regular file"
        )));
    }
    let file = fs::File::open(path).map_err(|e| io_problem(path, &e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_problem(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let mb = MAX_FILE_BYTES / (1024 * 1024);
        let raise = crate::limits::how_to_raise("MAX_FILE_BYTES");
        return Err(problem(tr!(
            "het bestand is groter dan {mb} MB, de grens voor één bestand ({raise})",
            "the file is larger than {mb} MB, the limit for one file ({raise})"
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        problem(tr!(
            "het bestand is geen UTF-8-tekst",
            "the file is not UTF-8 text"
        ))
    })
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            tr!("bestand of map bestaat niet", "no such file or folder")
        }
        std::io::ErrorKind::PermissionDenied => tr!("geen toegang", "permission denied"),
        std::io::ErrorKind::InvalidData => tr!(
            "het bestand is geen UTF-8-tekst",
            "the file is not UTF-8 text"
        ),
        _ => e.to_string(),
    }
}

fn io_problem(path: &Path, e: &std::io::Error) -> Problem {
    Problem::Io {
        path: path.display().to_string(),
        message: io_message(e),
    }
}
