//! Reading a rule folder, its facts file, what-if changes and source documents from disk, then
//! checking them together. Only regular files are read, each up to [`MAX_FILE_BYTES`]. An
//! [`Overlay`] of texts in memory (an editor's open documents) stands in for the files it holds,
//! so the language server runs exactly the check `akkoord validate` runs: [`validate`].

mod overlay;

pub use overlay::Overlay;

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
    /// Texts that stand in for files on disk (an editor's open documents); empty for the CLI.
    pub overlay: Overlay,
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
            overlay: Overlay::new(),
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
    let texts = &options.overlay;
    let files = texts.rule_files(&options.rules).map_err(LoadError::one)?;
    let test_files = match &options.tests {
        Some(dir) => texts.rule_files(dir).map_err(LoadError::one)?,
        None => Vec::new(),
    };
    let facts_path = options.facts_path();
    let facts_text = texts.read(&facts_path).map_err(LoadError::one)?;
    let facts_name = facts_path.display().to_string();
    let mut loaded = check::load_with_tests(&files, &test_files, (&facts_name, &facts_text))
        .map_err(|(problems, sources)| LoadError { problems, sources })?;
    let mut problems = Vec::new();
    if options.quotes {
        match texts.documents(&options.rules) {
            Ok(docs) => problems.extend(
                check::check_quotes(&loaded.base, &docs)
                    .into_iter()
                    .map(Problem::Check),
            ),
            Err(p) => problems.push(p),
        }
    }
    if let Some(path) = &options.what_if {
        match texts.read(path) {
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

/// What `akkoord validate` found in order: the checked rule base, with the names of the source
/// documents its quotes were found in.
#[derive(Clone, Debug)]
pub struct Validated {
    /// Rules, facts, scenarios and properties, checked.
    pub loaded: Loaded,
    /// The file names in `bronnen/`.
    pub documents: Vec<String>,
}

/// Everything `akkoord validate` checks, in one function the CLI and the language server share:
/// [`load_all`], then every scenario's own facts file (when `tests` is set), then the list of
/// source documents. Every problem is reported with the texts it points into.
pub fn validate(options: &Options) -> Result<Validated, LoadError> {
    let mut loaded = load_all(options)?;
    if options.tests.is_some()
        && let Err(problems) = crate::testing::run_scenarios_in(&mut loaded, &options.overlay)
    {
        return Err(LoadError {
            problems,
            sources: loaded.base.sources,
        });
    }
    let documents = options
        .overlay
        .documents(&options.rules)
        .map_err(LoadError::one)?
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    Ok(Validated { loaded, documents })
}

/// The scenario folder `validate` and `lint` take when none is named: `tests` in the rule
/// folder, when it exists on disk or texts are held for files in it.
pub fn default_tests(rules: &Path, overlay: &Overlay) -> Option<PathBuf> {
    let dir = rules.join("tests");
    let held = overlay.paths().any(|p| p.parent() == Some(dir.as_path()));
    (dir.is_dir() || held).then_some(dir)
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

/// The `.akk` files in a folder on disk, as (display name, text), sorted by name. A link that
/// leads nowhere is an error, not skipped.
pub fn rule_files(dir: &Path) -> Result<Vec<(String, String)>, Problem> {
    Overlay::new().rule_files(dir)
}

/// The source documents on disk in `<rules>/bronnen/*.txt`, as (file name, text).
pub fn documents(rules: &Path) -> Result<Vec<(String, String)>, Problem> {
    Overlay::new().documents(rules)
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
