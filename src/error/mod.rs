//! Errors are values: one enum per stage, each variant documented with an input that triggers
//! it, and one [`Problem`] that pairs any of them with its place for rendering. Texts are made in
//! the current language ([`crate::i18n`]) when the error is made; [`render`] draws them with
//! the source line, and [`json`] gives the same as data.

mod render;

pub use render::{ErrorJson, ErrorsJson, MAX_SHOWN, json, render, render_all};

use crate::i18n::t;
use crate::span::Span;
use crate::tr;

/// What kind of thing a name was meant to name, for "unknown …" and "… declared twice".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum What {
    /// `feit`
    Fact,
    /// `kenmerk`
    Attribute,
    /// a fact or an attribute, in a condition
    FactOrAttribute,
    /// a fact or a value of the choice expected there
    FactOrChoiceValue,
    /// a `keuze`
    Choice,
    /// a value of a `keuze`
    ChoiceValue,
    /// a type name
    Type,
    /// a source: motie, resolutie, besluit, standpunt
    Source,
    /// a rule of a source
    Rule,
    /// an agreement on the table
    Agreement,
    /// a scenario
    Scenario,
    /// a property
    Property,
    /// a top-level section of a facts file
    Section,
    /// a field of an object in a facts file
    Field,
    /// an action
    Action,
}

impl What {
    /// `onbekend feit`, `onbekende regel`: Dutch inflects the adjective by the noun's gender.
    pub fn unknown(self) -> String {
        let word = self.word();
        match crate::i18n::lang() {
            crate::i18n::Lang::En => format!("unknown {word}"),
            crate::i18n::Lang::Nl => match self {
                What::Fact
                | What::Attribute
                | What::FactOrAttribute
                | What::FactOrChoiceValue
                | What::Type
                | What::Agreement
                | What::Scenario
                | What::Section
                | What::Field => format!("onbekend {word}"),
                _ => format!("onbekende {word}"),
            },
        }
    }

    /// The word in the current language: `feit`, `fact`, …
    pub fn word(self) -> &'static str {
        match self {
            What::Fact => t("feit", "fact"),
            What::Attribute => t("kenmerk", "attribute"),
            What::FactOrAttribute => t("feit of kenmerk", "fact or attribute"),
            What::FactOrChoiceValue => t("feit of keuzewaarde", "fact or choice value"),
            What::Choice => t("keuze", "choice"),
            What::ChoiceValue => t("keuzewaarde", "choice value"),
            What::Type => t("type", "type"),
            What::Source => t("bron", "source"),
            What::Rule => t("regel", "rule"),
            What::Agreement => t("akkoord", "agreement"),
            What::Scenario => t("scenario", "scenario"),
            What::Property => t("eigenschap", "property"),
            What::Section => t("onderdeel", "section"),
            What::Field => t("veld", "field"),
            What::Action => t("handeling", "action"),
        }
    }
}

/// The text of a rule file does not follow the grammar.
#[derive(Clone, Debug, PartialEq)]
pub enum ParseError {
    /// e.g. `motie x "t" { vergadering ALV }` (the date is missing)
    Syntax {
        /// What the grammar would have accepted here, in the user's words.
        expected: String,
        /// Where.
        span: Span,
        /// How to fix it.
        help: Option<String>,
    },
    /// e.g. `vergadering ALV 2018-02-30`
    Date {
        /// The text as written.
        text: String,
        /// Where.
        span: Span,
        /// Why it is not a date.
        reason: String,
    },
    /// e.g. `€ 0,001` or `€ 1.5 mld`
    Amount {
        /// The text as written.
        text: String,
        /// Why, and how to write it.
        error: crate::value::AmountError,
        /// Where.
        span: Span,
    },
    /// e.g. `99999999999999999999`
    Number {
        /// The text as written.
        text: String,
        /// Where.
        span: Span,
    },
    /// e.g. a rule file of 100 MB, or a line of 1 000 000 characters
    Limit {
        /// What exceeded which limit.
        message: String,
        /// Where.
        span: Span,
        /// How to stay within it, or raise it.
        help: String,
    },
}

impl ParseError {
    /// Where the error is.
    pub fn span(&self) -> Span {
        match self {
            ParseError::Syntax { span, .. }
            | ParseError::Date { span, .. }
            | ParseError::Amount { span, .. }
            | ParseError::Number { span, .. }
            | ParseError::Limit { span, .. } => *span,
        }
    }

    fn describe(&self) -> Described {
        match self {
            ParseError::Syntax {
                expected,
                span,
                help,
            } => Described::new(
                "akkoord::syntax",
                tr!("{expected} verwacht", "expected {expected}"),
            )
            .at(*span, tr!("hier", "here"))
            .help(help.clone()),
            ParseError::Date { text, span, reason } => Described::new(
                "akkoord::date",
                tr!(
                    "`{text}` is geen geldige datum",
                    "`{text}` is not a valid date"
                ),
            )
            .at(*span, reason.clone())
            .help(Some(tr!(
                "schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2018-11-30",
                "write dates as YYYY-MM-DD, e.g. 2018-11-30"
            ))),
            ParseError::Amount { text, error, span } => Described::new(
                "akkoord::amount",
                tr!(
                    "`{text}` is geen geldig bedrag: {error}",
                    "`{text}` is not a valid amount: {error}"
                ),
            )
            .at(*span, tr!("dit bedrag", "this amount"))
            .help(Some(error.hint())),
            ParseError::Number { text, span } => Described::new(
                "akkoord::number",
                tr!(
                    "het getal `{text}` is te groot",
                    "the number `{text}` is too large"
                ),
            )
            .at(*span, tr!("te groot", "too large")),
            ParseError::Limit {
                message,
                span,
                help,
            } => Described::new("akkoord::limit", message.clone())
                .at(*span, tr!("hier", "here"))
                .help(Some(help.clone())),
        }
    }
}

/// A parsed rule base breaks a rule of meaning: names, types, dates.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckError {
    /// e.g. `totdat rob_aanbevelingen_overeengkomen` when the fact is `…_overeengekomen`
    Unknown {
        /// What kind of thing was looked for.
        what: What,
        /// The name as written.
        name: String,
        /// Where.
        span: Span,
        /// A suggestion.
        help: Option<String>,
    },
    /// e.g. two `feit x` declarations, or two `regel blokkade` in one source
    Duplicate {
        /// What kind of thing.
        what: What,
        /// The name.
        name: String,
        /// The second declaration.
        span: Span,
        /// The first declaration, as `file:line:col`.
        first: String,
    },
    /// e.g. `bedrag_toegezegd > 2018-11-30` comparing an amount with a date
    Type {
        /// What does not fit.
        message: String,
        /// Where.
        span: Span,
        /// The types found.
        label: String,
        /// How to fix it.
        help: Option<String>,
    },
    /// e.g. `hef op rob_bijstand.blokkade` in a besluit dated before the motion
    History {
        /// What is impossible.
        message: String,
        /// Where.
        span: Span,
        /// What the label says.
        label: String,
        /// How to fix it.
        help: Option<String>,
    },
    /// e.g. `financiele_ruimte_voldoende` without `(akkoord)` for a per-agreement fact
    Usage {
        /// What is wrong.
        message: String,
        /// Where.
        span: Span,
        /// How to fix it.
        help: Option<String>,
    },
    /// a place still to fill in, e.g. `vereis ??? "welke voorwaarde?" voor ondertekening van …`
    /// or `vergadering ALV ??? "op welke datum?"` (skeletons from `akkoord motie` hold them)
    Hole {
        /// What belongs there, as the note after `???` says.
        note: Option<String>,
        /// Where.
        span: Span,
        /// How to fill it in.
        help: String,
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
            | CheckError::Usage { span, .. }
            | CheckError::Hole { span, .. } => *span,
        }
    }

    fn describe(&self) -> Described {
        match self {
            CheckError::Unknown {
                what,
                name,
                span,
                help,
            } => Described::new(
                "akkoord::unknown_name",
                format!("{} `{name}`", what.unknown()),
            )
            .at(*span, tr!("niet gedeclareerd", "not declared"))
            .help(help.clone()),
            CheckError::Duplicate {
                what,
                name,
                span,
                first,
            } => {
                let what = what.word();
                Described::new(
                    "akkoord::duplicate",
                    tr!(
                        "{what} `{name}` is twee keer gedeclareerd",
                        "{what} `{name}` is declared twice"
                    ),
                )
                .at(*span, tr!("opnieuw gedeclareerd", "declared again here"))
                .help(Some(tr!(
                    "de eerste staat op {first}; geef een van beide een andere naam",
                    "the first is at {first}; rename one of them"
                )))
            }
            CheckError::Type {
                message,
                span,
                label,
                help,
            } => Described::new(
                "akkoord::type_mismatch",
                tr!("typefout: {message}", "type mismatch: {message}"),
            )
            .at(*span, label.clone())
            .help(help.clone()),
            CheckError::History {
                message,
                span,
                label,
                help,
            } => Described::new("akkoord::history", message.clone())
                .at(*span, label.clone())
                .help(help.clone()),
            CheckError::Usage {
                message,
                span,
                help,
            } => Described::new("akkoord::usage", message.clone())
                .at(*span, tr!("hier", "here"))
                .help(help.clone()),
            CheckError::Hole { note, span, help } => Described::new(
                "akkoord::hole",
                match note {
                    Some(note) => tr!("nog in te vullen: {note}", "still to fill in: {note}"),
                    None => tr!("nog in te vullen", "still to fill in"),
                },
            )
            .at(*span, tr!("vul dit in", "fill this in"))
            .help(Some(help.clone())),
        }
    }
}

/// The facts file is unreadable or does not fit the declarations. `path` is a JSON path such as
/// `$.feiten.financiele_ruimte_voldoende.ggz`.
#[derive(Clone, Debug, PartialEq)]
pub enum FactsError {
    /// e.g. a missing comma: `{"akkoorden": {} "feiten": {}}`, or a key written twice
    Json {
        /// What is wrong.
        message: String,
        /// Where.
        span: Span,
        /// What the label says.
        label: String,
        /// How to fix it.
        help: Option<String>,
    },
    /// e.g. `"feiten": {"rob_aanbevelingen_overeengkomen": true}`
    Unknown {
        /// JSON path of the offending key.
        path: String,
        /// What kind of thing.
        what: What,
        /// The name.
        name: String,
        /// The key.
        span: Span,
        /// A suggestion.
        help: Option<String>,
    },
    /// e.g. `akkoord stel x=ja --sinds 2018-06-27` when `x` already has a value on that day:
    /// a value is never overwritten
    Conflict {
        /// JSON path of the fact's values.
        path: String,
        /// What is in the way.
        message: String,
        /// The value already recorded.
        span: Span,
        /// How to go on.
        help: Option<String>,
    },
    /// e.g. `"rob_aanbevelingen_overeengekomen": "ja"` where `janee` expects true or false
    Type {
        /// JSON path.
        path: String,
        /// What the declaration asks for.
        expected: String,
        /// What the file has.
        found: String,
        /// The value.
        span: Span,
        /// How to fix it.
        help: Option<String>,
    },
}

impl FactsError {
    /// Where the error is.
    pub fn span(&self) -> Span {
        match self {
            FactsError::Json { span, .. }
            | FactsError::Unknown { span, .. }
            | FactsError::Conflict { span, .. }
            | FactsError::Type { span, .. } => *span,
        }
    }

    fn describe(&self) -> Described {
        match self {
            FactsError::Json {
                message,
                span,
                label,
                help,
            } => Described::new("akkoord::facts::json", message.clone())
                .at(*span, label.clone())
                .help(help.clone()),
            FactsError::Unknown {
                path,
                what,
                name,
                span,
                help,
            } => Described::new(
                "akkoord::facts::unknown",
                format!("{path}: {} `{name}`", what.unknown()),
            )
            .at(*span, tr!("niet gedeclareerd", "not declared"))
            .help(help.clone()),
            FactsError::Conflict {
                path,
                message,
                span,
                help,
            } => Described::new("akkoord::facts::conflict", format!("{path}: {message}"))
                .at(*span, tr!("al vastgelegd", "already recorded"))
                .help(help.clone()),
            FactsError::Type {
                path,
                expected,
                found,
                span,
                help,
            } => Described::new(
                "akkoord::facts::type_mismatch",
                tr!(
                    "{path}: {expected} verwacht, {found} gevonden",
                    "{path}: expected {expected}, found {found}"
                ),
            )
            .at(*span, tr!("hier", "here"))
            .help(help.clone()),
        }
    }
}

/// Anything that can go wrong before evaluation, with the place it is in.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A syntax error in a rule file.
    Parse(ParseError),
    /// A meaning error in the rule base.
    Check(CheckError),
    /// An error in the facts file.
    Facts(FactsError),
    /// e.g. `--rules regels/` when the folder does not exist
    Io {
        /// The path.
        path: String,
        /// What went wrong, in words.
        message: String,
    },
    /// e.g. `akkoord motie tekst.txt` on a text without an operative part
    Motion(crate::motie::MotionError),
    /// e.g. `akkoord stel` when the facts file changed on disk while it worked, or a full disk
    Write {
        /// The file.
        path: String,
        /// What went wrong, in words.
        message: String,
        /// What to do.
        help: Option<String>,
    },
    /// The formatter's own check failed: its layout of a file would read as another syntax
    /// tree, lose or move a comment or a text in quotes, or change again when formatted again.
    /// A bug in akkoord, none known; the file is left as it was.
    Format {
        /// What would have gone wrong, in words.
        message: String,
        /// The file (its start).
        span: Span,
    },
    /// e.g. `explain gzz`, or `--stel x=1` for a yes/no fact
    Argument {
        /// What is wrong.
        message: String,
        /// How to fix it.
        help: Option<String>,
    },
}

impl From<ParseError> for Problem {
    fn from(e: ParseError) -> Self {
        Problem::Parse(e)
    }
}

impl From<CheckError> for Problem {
    fn from(e: CheckError) -> Self {
        Problem::Check(e)
    }
}

impl From<crate::motie::MotionError> for Problem {
    fn from(e: crate::motie::MotionError) -> Self {
        Problem::Motion(e)
    }
}

impl From<FactsError> for Problem {
    fn from(e: FactsError) -> Self {
        Problem::Facts(e)
    }
}

impl Problem {
    /// Where the problem is, when it points into a loaded file.
    pub fn span(&self) -> Option<Span> {
        match self {
            Problem::Parse(e) => Some(e.span()),
            Problem::Check(e) => Some(e.span()),
            Problem::Facts(e) => Some(e.span()),
            Problem::Format { span, .. } => Some(*span),
            Problem::Io { .. }
            | Problem::Motion(_)
            | Problem::Write { .. }
            | Problem::Argument { .. } => None,
        }
    }

    /// The problem's code, message, place and hint, in the language it was made in.
    pub fn describe(&self) -> Described {
        match self {
            Problem::Parse(e) => e.describe(),
            Problem::Check(e) => e.describe(),
            Problem::Facts(e) => e.describe(),
            Problem::Io { path, message } => Described::new(
                "akkoord::io",
                tr!("kan `{path}` niet lezen: {message}", "cannot read `{path}`: {message}"),
            )
            .help(Some(tr!(
                "controleer het pad; `--rules` neemt een map met `.akk`-bestanden, `--facts` een JSON-bestand",
                "check the path; `--rules` takes a folder of `.akk` files, `--facts` a JSON file"
            ))),
            Problem::Motion(e) => e.describe(),
            Problem::Write {
                path,
                message,
                help,
            } => Described::new(
                "akkoord::write",
                tr!(
                    "niets geschreven naar `{path}`: {message}",
                    "nothing written to `{path}`: {message}"
                ),
            )
            .help(help.clone()),
            Problem::Format { message, span } => Described::new(
                "akkoord::format",
                tr!(
                    "het bestand is niet geformatteerd: {message}",
                    "the file was not formatted: {message}"
                ),
            )
            .at(*span, tr!("dit bestand blijft zoals het was", "this file is left as it was"))
            .help(Some(tr!(
                "dit is een fout in akkoord; meld het alstublieft, met dit bestand",
                "this is a bug in akkoord; please report it, with this file"
            ))),
            Problem::Argument { message, help } => {
                Described::new("akkoord::argument", message.clone()).help(help.clone())
            }
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe().message)
    }
}

impl std::error::Error for Problem {}

/// A problem as people and tools see it: a stable code, the message, the place with a label,
/// and a hint.
#[derive(Clone, Debug, PartialEq)]
pub struct Described {
    /// A stable code, e.g. `akkoord::unknown_name`; the same in every language.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Where, with what to say under it.
    pub place: Option<(Span, String)>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Described {
    fn new(code: &'static str, message: String) -> Self {
        Described {
            code,
            message,
            place: None,
            help: None,
        }
    }

    fn at(mut self, span: Span, label: String) -> Self {
        self.place = Some((span, label));
        self
    }

    fn help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

macro_rules! displayed {
    ($($ty:ty),*) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.describe().message)
            }
        }

        impl std::error::Error for $ty {}
    )*};
}

displayed!(ParseError, CheckError, FactsError);
