//! `akkoord motie`: from the text of a motion or resolution in the VNG's standard form to a
//! skeleton of rules. The source gets its title, kind, meeting and date where the text gives
//! them; every operative paragraph becomes a rule that quotes it exactly, with its condition
//! and the agreements it speaks of left as holes (`??? "…"`) that the checker reports until
//! they are filled. The text itself is kept in `bronnen/`, where the quote checker reads it.
//!
//! ```
//! use akkoord::motie::{self, Options};
//!
//! let text = "Motie “Eerst geld”\n\nDe algemene ledenvergadering, bijeen op 5 juni 2019,\n\
//!             verzoekt het bestuur:\na. het akkoord pas te tekenen als het geld er is.\n";
//! let s = motie::skeleton(text, "eerst-geld.txt", &Options::default()).map_err(|e| e.describe().message)?;
//! assert_eq!((s.id.as_str(), s.meeting.as_deref(), s.date.as_deref()), ("eerst_geld", Some("ALV"), Some("2019-06-05")));
//! assert_eq!(s.rules[0].quote, "het akkoord pas te tekenen als het geld er is.");
//! assert_eq!(s.holes, 2);
//! # Ok::<(), String>(())
//! ```

mod dictum;
mod error;
mod files;
mod lines;
mod names;
mod print;
mod read;

pub use error::MotionError;
pub use files::{Output, make};
pub use names::{document_name, is_name, source_kind, suggest_id};
pub use read::{Motion, Paragraph, read};

use crate::ast::SourceKind;
use crate::tr;

/// Choices the text does not settle.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The source's id; by default one made from the title.
    pub id: Option<String>,
    /// The source's kind; by default as the text calls itself, else `motie`.
    pub kind: Option<SourceKind>,
    /// Where the text is kept, for the skeleton's header; by default the file's own name.
    pub document: Option<String>,
}

/// A skeleton of rules for one motion, and what was found to make it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct Skeleton {
    /// The rule file text, with `???` at every place left to fill in.
    pub text: String,
    /// The source's id.
    pub id: String,
    /// `motie`, `resolutie`, `besluit` or `standpunt`.
    pub kind: String,
    /// The source's title.
    pub title: String,
    /// Who adopted it (`ALV`, `BALV`, `bestuur`); `null`: not found, a hole.
    pub meeting: Option<String>,
    /// When (`JJJJ-MM-DD`); `null`: not found, a hole.
    pub date: Option<String>,
    /// One rule per operative paragraph.
    pub rules: Vec<SkeletonRule>,
    /// How many holes the text has.
    pub holes: usize,
    /// Where the text was copied to (or found already) in `bronnen/`; `null`: not copied.
    pub document: Option<String>,
    /// What was not found or was chosen, and what was written, in words.
    pub notes: Vec<String>,
}

/// One rule of a skeleton.
#[derive(Clone, Debug, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct SkeletonRule {
    /// Its id: `punt_a` for paragraph a.
    pub id: String,
    /// The paragraph's enumerator in the document (`a`, `1`), if it has one.
    pub label: Option<String>,
    /// The exact sentence, whitespace collapsed.
    pub quote: String,
    /// The line of the document it starts on, from 1.
    pub line: usize,
}

/// Reads `text` (the motion's file is called `file_name`) and makes its skeleton. An error
/// when the text has no operative part.
pub fn skeleton(text: &str, file_name: &str, options: &Options) -> Result<Skeleton, MotionError> {
    let motion = read(text);
    if motion.operative.is_empty() {
        return Err(MotionError::NoOperativePart {
            path: file_name.to_string(),
        });
    }
    let mut notes = Vec::new();
    let stem = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file_name)
        .trim_end_matches(".txt");
    let title = motion.title.clone().unwrap_or_else(|| {
        notes.push(tr!(
            "geen titel gevonden: de titel is nu de bestandsnaam `{stem}`",
            "no title found: the title is now the file name `{stem}`"
        ));
        stem.to_string()
    });
    let kind = options.kind.or(motion.kind).unwrap_or_else(|| {
        // What the board decides is its position; what a meeting of members adopts, a motion.
        let guess = if motion.body.as_deref() == Some("bestuur") {
            SourceKind::Position
        } else {
            SourceKind::Motion
        };
        let word = kind_word(guess);
        notes.push(tr!(
            "de tekst noemt zichzelf geen motie of resolutie: `{word}` gekozen (anders: `--soort`)",
            "the text calls itself neither motion nor resolution: `{word}` chosen (otherwise: `--soort`)"
        ));
        guess
    });
    let kind_word = kind_word(kind);
    let id = options
        .id
        .clone()
        .unwrap_or_else(|| suggest_id(&title, kind_word));
    if motion.body.is_none() {
        notes.push(tr!(
            "geen vergadering (ALV, BALV, bestuur) gevonden: een gat in `vergadering`",
            "no meeting (ALV, BALV, bestuur) found: a hole in `vergadering`"
        ));
    }
    if motion.date.is_none() {
        notes.push(tr!(
            "geen datum van de vergadering gevonden: een gat in `vergadering`",
            "no date of the meeting found: a hole in `vergadering`"
        ));
    }
    let rules = rules(&motion);
    let holes =
        2 * rules.len() + usize::from(motion.body.is_none()) + usize::from(motion.date.is_none());
    let mut s = Skeleton {
        text: String::new(),
        id,
        kind: kind_word.to_string(),
        title,
        meeting: motion.body,
        date: motion.date.map(|d| d.to_string()),
        rules,
        holes,
        document: None,
        notes,
    };
    render(&mut s, options.document.as_deref().unwrap_or(file_name));
    Ok(s)
}

/// Writes the skeleton's rule file text; `document` is where its header says the text is.
fn render(s: &mut Skeleton, document: &str) {
    s.text = print::text(s, &printable(document));
}

/// One rule per paragraph: `punt_a` for paragraph a, `punt_3` for the third without a label.
fn rules(motion: &Motion) -> Vec<SkeletonRule> {
    let mut used = std::collections::HashSet::new();
    motion
        .operative
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            let mut id = match &p.label {
                Some(label) => format!("punt_{label}"),
                None => format!("punt_{n}"),
            };
            if !used.insert(id.clone()) {
                id = format!("{id}_{n}");
                used.insert(id.clone());
            }
            SkeletonRule {
                id,
                label: p.label.clone(),
                quote: p.text.clone(),
                line: p.line,
            }
        })
        .collect()
}

/// The keyword of a kind of source.
pub fn kind_word(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Motion => "motie",
        SourceKind::Resolution => "resolutie",
        SourceKind::Decision => "besluit",
        SourceKind::Position => "standpunt",
    }
}

/// A file name as it may stand in a comment line: control characters shown as `?`.
fn printable(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}
