//! Errors are values: one enum per stage, each variant documented with an input that triggers
//! it, and one [`Problem`] that pairs any of them with the file it is in for rendering.

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, NamedSource, Report};

use crate::span::{FileId, Sources, Span};

/// The text of a rule file does not follow the grammar.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Diagnostic)]
pub enum ParseError {
    /// e.g. `motie x "t" { vergadering ALV }` (the date is missing)
    #[error("expected {expected}")]
    #[diagnostic(code(akkoord::syntax))]
    Syntax {
        /// What the grammar would have accepted here, in the user's words.
        expected: String,
        /// Where.
        #[label("here")]
        span: Span,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
    /// e.g. `vergadering ALV 2018-02-30`
    #[error("`{text}` is not a valid date")]
    #[diagnostic(
        code(akkoord::date),
        help("write dates as YYYY-MM-DD, e.g. 2018-11-30")
    )]
    Date {
        /// The text as written.
        text: String,
        /// Where.
        #[label("{reason}")]
        span: Span,
        /// Why jiff rejected it.
        reason: String,
    },
    /// e.g. `€ 0,001`
    #[error("`{text}` is not a valid amount: {reason}")]
    #[diagnostic(
        code(akkoord::amount),
        help("amounts are exact euros with at most two decimals, e.g. `€ 100 mln` or `€ 40,25`")
    )]
    Amount {
        /// The text as written.
        text: String,
        /// Why.
        reason: String,
        /// Where.
        #[label("this amount")]
        span: Span,
    },
    /// e.g. `99999999999999999999`
    #[error("the number `{text}` is too large")]
    #[diagnostic(code(akkoord::number))]
    Number {
        /// The text as written.
        text: String,
        /// Where.
        #[label("too large")]
        span: Span,
    },
}

impl ParseError {
    /// Where the error is.
    pub fn span(&self) -> Span {
        match self {
            ParseError::Syntax { span, .. }
            | ParseError::Date { span, .. }
            | ParseError::Amount { span, .. }
            | ParseError::Number { span, .. } => *span,
        }
    }
}

/// A parsed rule base breaks a rule of meaning: names, types, dates.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Diagnostic)]
pub enum CheckError {
    /// e.g. `totdat rob_aanbevelingen_overeengkomen` when the fact is `…_overeengekomen`
    #[error("unknown {what} `{name}`")]
    #[diagnostic(code(akkoord::unknown_name))]
    Unknown {
        /// What kind of thing was looked for: a fact, a source, a rule, an agreement, a type.
        what: &'static str,
        /// The name as written.
        name: String,
        /// Where.
        #[label("not declared")]
        span: Span,
        /// A suggestion.
        #[help]
        help: Option<String>,
    },
    /// e.g. two `feit x` declarations, or two `regel blokkade` in one source
    #[error("{what} `{name}` is declared twice")]
    #[diagnostic(
        code(akkoord::duplicate),
        help("rename one of them; ids must be unique")
    )]
    Duplicate {
        /// What kind of thing.
        what: &'static str,
        /// The name.
        name: String,
        /// The second declaration.
        #[label("declared again here")]
        span: Span,
        /// The first declaration, as `file:line:col`.
        first: String,
    },
    /// e.g. `bedrag_toegezegd > 2018-11-30` comparing an amount with a date
    #[error("type mismatch: {message}")]
    #[diagnostic(code(akkoord::type_mismatch))]
    Type {
        /// What does not fit.
        message: String,
        /// Where.
        #[label("{label}")]
        span: Span,
        /// The types found.
        label: String,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
    /// e.g. `hef op rob_bijstand.blokkade` in a besluit dated before the motion
    #[error("{message}")]
    #[diagnostic(code(akkoord::history))]
    History {
        /// What is impossible.
        message: String,
        /// Where.
        #[label("{label}")]
        span: Span,
        /// What the label says.
        label: String,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
    /// e.g. `financiele_ruimte_voldoende` without `(akkoord)` for a per-agreement fact
    #[error("{message}")]
    #[diagnostic(code(akkoord::usage))]
    Usage {
        /// What is wrong.
        message: String,
        /// Where.
        #[label("here")]
        span: Span,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
}

impl CheckError {
    /// Where the error is.
    pub fn span(&self) -> Span {
        match self {
            CheckError::Unknown { span, .. }
            | CheckError::Duplicate { span, .. }
            | CheckError::Type { span, .. }
            | CheckError::History { span, .. }
            | CheckError::Usage { span, .. } => *span,
        }
    }
}

/// The facts file is unreadable or does not fit the declarations. `path` is a JSON path such as
/// `$.feiten.financiele_ruimte_voldoende.ggz`.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Diagnostic)]
pub enum FactsError {
    /// e.g. a missing comma: `{"akkoorden": {} "feiten": {}}`
    #[error("{file}:{line}:{column}: the facts file is not valid JSON: {message}")]
    #[diagnostic(code(akkoord::facts::json))]
    Json {
        /// The file.
        file: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What serde_json said.
        message: String,
        /// Where, when known.
        #[label("here")]
        span: Option<Span>,
    },
    /// e.g. `"feiten": {"rob_aanbevelingen_overeengkomen": true}`
    #[error("{file}: {path}: unknown {what} `{name}`")]
    #[diagnostic(code(akkoord::facts::unknown))]
    Unknown {
        /// The file.
        file: String,
        /// JSON path of the offending key.
        path: String,
        /// fact, attribute or agreement.
        what: &'static str,
        /// The name.
        name: String,
        /// A suggestion.
        #[help]
        help: Option<String>,
    },
    /// e.g. `"rob_aanbevelingen_overeengekomen": "ja"` where `janee` expects true or false
    #[error("{file}: {path}: expected {expected}, found {found}")]
    #[diagnostic(code(akkoord::facts::type_mismatch))]
    Type {
        /// The file.
        file: String,
        /// JSON path.
        path: String,
        /// What the declaration asks for.
        expected: String,
        /// What the file has.
        found: String,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
}

/// Anything that can go wrong before evaluation, with the file it is in.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    /// A syntax error in a rule file.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// A meaning error in the rule base.
    #[error(transparent)]
    Check(#[from] CheckError),
    /// An error in the facts file.
    #[error(transparent)]
    Facts(#[from] FactsError),
    /// e.g. `--rules regels/` when the folder does not exist
    #[error("cannot read `{path}`: {message}")]
    Io {
        /// The path.
        path: String,
        /// What the system said.
        message: String,
    },
}

impl Problem {
    /// The file the problem points into, when it has a span.
    pub fn span(&self) -> Option<Span> {
        match self {
            Problem::Parse(e) => Some(e.span()),
            Problem::Check(e) => Some(e.span()),
            Problem::Facts(FactsError::Json { span, .. }) => *span,
            Problem::Facts(_) | Problem::Io { .. } => None,
        }
    }

    /// The file id, when the problem points into a loaded file.
    pub fn file(&self) -> Option<FileId> {
        self.span().map(|s| s.file)
    }

    fn diagnostic(&self) -> Report {
        match self.clone() {
            Problem::Parse(e) => Report::new(e),
            Problem::Check(e) => Report::new(e),
            Problem::Facts(e) => Report::new(e),
            Problem::Io { path, message } => miette::miette!(
                code = "akkoord::io",
                help = "check the path; `--rules` takes a folder of `.akk` files, `--facts` a JSON file",
                "cannot read `{path}`: {message}"
            ),
        }
    }

    /// Renders the problem the way the CLI shows it: file, line, column, the source line with
    /// the span underlined, and the hint. No colour, so the output is the same everywhere.
    pub fn render(&self, sources: &Sources) -> String {
        let mut report = self.diagnostic();
        if let Some(file) = self.file() {
            let source = NamedSource::new(sources.name(file), sources.text(file).to_string());
            report = report.with_source_code(source);
        }
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .with_links(false);
        let mut out = String::new();
        match handler.render_report(&mut out, report.as_ref()) {
            Ok(()) => out,
            Err(_) => format!("error: {self}\n"),
        }
    }
}

/// Renders a list of problems, one after another, with a count at the end.
pub fn render_all(problems: &[Problem], sources: &Sources) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&p.render(sources));
        out.push('\n');
    }
    let n = problems.len();
    out.push_str(&format!(
        "{n} {} found; nothing was evaluated\n",
        if n == 1 { "problem" } else { "problems" }
    ));
    out
}
