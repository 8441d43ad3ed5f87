//! Holes: `??? "wat hier hoort"`, the places a skeleton from `akkoord motie` leaves to fill in.
//! Each is an error until it is filled, with a hint on what to write there, so nothing is
//! evaluated while one remains.

use crate::compiled::squash;
use crate::error::CheckError;
use crate::tr;

/// Where a hole stands, for the hint on how to fill it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Site {
    /// In a condition: `vereis ??? voor …`, `totdat ???`, `x = ???`.
    Condition,
    /// As the whole selector's condition: `van akkoord waar ???`.
    Selector,
    /// For the meeting body: `vergadering ??? 2018-06-27`.
    Body,
    /// For the meeting date: `vergadering ALV ???`.
    Date,
}

/// The error for a hole with this note, at this place.
pub(super) fn hole(note: Option<&str>, span: crate::span::Span, site: Site) -> CheckError {
    CheckError::Hole {
        note: note.map(squash).filter(|n| !n.is_empty()),
        span,
        help: help(site),
    }
}

fn help(site: Site) -> String {
    match site {
        Site::Condition => tr!(
            "vervang `???` en de notitie erachter door de voorwaarde die de zin stelt, met gedeclareerde feiten en kenmerken (bijvoorbeeld `financiele_ruimte_voldoende(akkoord)`); een nieuw feit declareert u met `feit naam: janee \"vraag?\"`; stelt de zin niets als voorwaarde, verwijder dan de hele regel",
            "replace `???` and the note after it with the condition the sentence sets, using declared facts and attributes (e.g. `financiele_ruimte_voldoende(akkoord)`); declare a new fact with `feit name: janee \"question?\"`; if the sentence sets no condition, delete the whole rule"
        ),
        Site::Selector => tr!(
            "vervang `akkoord waar ???` door de akkoorden waar de zin over gaat: `akkoord <id>`, `elk akkoord`, of `akkoord waar` met kenmerken (bijvoorbeeld `soort = deelakkoord`); kies ook de juiste handeling (`ondertekening`, `instemming`, `uitvoering`, `onderhandeling`)",
            "replace `akkoord waar ???` with the agreements the sentence speaks of: `akkoord <id>`, `elk akkoord`, or `akkoord waar` with attributes (e.g. `soort = deelakkoord`); choose the right action too (`ondertekening`, `instemming`, `uitvoering`, `onderhandeling`)"
        ),
        Site::Body => tr!(
            "schrijf wie de bron aannam: `ALV`, `BALV` of `bestuur`",
            "write who adopted the source: `ALV`, `BALV` or `bestuur`"
        ),
        Site::Date => tr!(
            "schrijf de datum van de vergadering als JJJJ-MM-DD; noemt geen document hem, schrijf dan de datum die u aanneemt met `aanname \"waarom\"` erachter",
            "write the meeting's date as YYYY-MM-DD; if no document gives it, write the date you assume followed by `aanname \"why\"`"
        ),
    }
}
