//! What can go wrong in `akkoord motie`, each with a hint on what to do.

use crate::error::Described;
use crate::tr;

/// A motion's text could not be read, made into a skeleton, or kept beside the rules.
#[derive(Clone, Debug, PartialEq)]
pub enum MotionError {
    /// e.g. `akkoord motie motie.pdf` (not UTF-8 text), or a file that does not exist
    Unreadable {
        /// The file.
        path: String,
        /// Why, in words.
        message: String,
    },
    /// e.g. a text with "constaterende dat" but no "verzoekt het bestuur", "roept … op",
    /// "spreekt uit", "draagt … op" or "besluit" at the start of a line
    NoOperativePart {
        /// The file.
        path: String,
    },
    /// e.g. `rules/bronnen/2018-06-27-alv-motie-x.txt` already holds another text
    Exists {
        /// The file that would be overwritten.
        path: String,
        /// True for the copy in `bronnen/`, false for the skeleton (`-o`).
        document: bool,
    },
    /// e.g. `bronnen/` is not writable
    Write {
        /// The file.
        path: String,
        /// Why, in words.
        message: String,
    },
}

impl MotionError {
    /// The error's code, message and hint, in the current language.
    pub fn describe(&self) -> Described {
        let (code, message, help) = match self {
            MotionError::Unreadable { path, message } => (
                "akkoord::motie::unreadable",
                tr!(
                    "kan `{path}` niet lezen: {message}",
                    "cannot read `{path}`: {message}"
                ),
                tr!(
                    "geef de tekst van de motie als platte tekst (UTF-8), bijvoorbeeld uit een PDF of Word-bestand opgeslagen als `.txt`",
                    "give the motion's text as plain text (UTF-8), e.g. saved as `.txt` from a PDF or Word file"
                ),
            ),
            MotionError::NoOperativePart { path } => (
                "akkoord::motie::no_operative_part",
                tr!(
                    "geen dictum gevonden in `{path}`: niets wat de leden uitspreken of vragen",
                    "no operative part found in `{path}`: nothing the members declare or ask"
                ),
                tr!(
                    "het dictum begint aan het begin van een regel met bijvoorbeeld `verzoekt het bestuur`, `roept het bestuur op`, `spreekt uit`, `draagt het bestuur op` of `besluit`; staat het er anders, zet het dan zo in de tekst, of schrijf de regels met de hand",
                    "the operative part starts a line with e.g. `verzoekt het bestuur`, `roept het bestuur op`, `spreekt uit`, `draagt het bestuur op` or `besluit`; if the text words it otherwise, put it that way in the text, or write the rules by hand"
                ),
            ),
            MotionError::Exists { path, document } => (
                "akkoord::motie::exists",
                if *document {
                    tr!(
                        "`{path}` bestaat al, met een andere tekst; hij blijft zoals hij is",
                        "`{path}` already exists, with another text; it is left as it is"
                    )
                } else {
                    tr!(
                        "`{path}` bestaat al; hij blijft zoals hij is",
                        "`{path}` already exists; it is left as it is"
                    )
                },
                if *document {
                    tr!(
                        "kies een andere `--id`, of hernoem het bestaande document als het een oudere versie van deze tekst is",
                        "choose another `--id`, or rename the existing document if it is an older version of this text"
                    )
                } else {
                    tr!(
                        "kies een andere naam na `-o`, of laat `-o` weg om het geraamte te tonen",
                        "choose another name after `-o`, or leave out `-o` to print the skeleton"
                    )
                },
            ),
            MotionError::Write { path, message } => (
                "akkoord::motie::write",
                tr!(
                    "kan `{path}` niet schrijven: {message}",
                    "cannot write `{path}`: {message}"
                ),
                tr!(
                    "controleer of de map bestaat en schrijfbaar is",
                    "check that the folder exists and is writable"
                ),
            ),
        };
        Described {
            code,
            message,
            place: None,
            help: Some(help),
        }
    }
}
