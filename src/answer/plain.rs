//! Plain language: dates in words, what a decision about a motion means for the board, what a
//! fact must become as a requirement, and the one-paragraph answer.

use jiff::civil::Date;

use crate::ast::{Action, EventKind};
use crate::compiled::RuleBase;
use crate::eval::{EndReason, Verdict};
use crate::i18n::{Lang, lang};
use crate::tr;
use crate::value::Value;

use super::SourceRef;

/// The months in Dutch, as documents and answers write them.
pub(crate) const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// `6 december 2018` / `6 December 2018`.
pub fn long_date(date: Date) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = usize::try_from(date.month() - 1).unwrap_or(0);
    let name = match lang() {
        Lang::Nl => MONTHS_NL[month],
        Lang::En => EN[month],
    };
    format!("{} {name} {}", date.day(), date.year())
}

/// A date given as `YYYY-MM-DD` text, in words; the text itself when it is not a date.
pub(crate) fn long_date_text(text: &str) -> String {
    text.parse::<Date>()
        .map_or_else(|_| text.to_string(), long_date)
}

/// `motie "Stevige structurele afspraken sociaal domein" (ALV 27 juni 2018)`.
pub(crate) fn source_label(s: &SourceRef) -> String {
    format!(
        "{} \"{}\" ({} {})",
        s.kind_text,
        s.title,
        s.meeting,
        long_date_text(&s.date)
    )
}

/// What a decision about a source or rule means for the board, e.g.
/// `aangehouden op 30 november 2018 (BALV): blijft gelden`.
pub(crate) fn event_meaning(base: &RuleBase, event: usize) -> String {
    let e = &base.events[event];
    let by = &base.docs[e.by];
    let (date, meeting) = (long_date(e.date), &by.meeting);
    match e.kind {
        EventKind::Lift => tr!(
            "opgeheven op {date} ({meeting}): bindt niet meer",
            "lifted on {date} ({meeting}): no longer binds"
        ),
        EventKind::Settled => tr!(
            "afgehandeld op {date} ({meeting}): bindt niet meer",
            "settled on {date} ({meeting}): no longer binds"
        ),
        EventKind::Held => tr!(
            "aangehouden op {date} ({meeting}): blijft gelden",
            "held open on {date} ({meeting}): still binds"
        ),
        EventKind::Withdrawn => tr!(
            "ingetrokken op {date} ({meeting}): bindt niet meer",
            "withdrawn on {date} ({meeting}): no longer binds"
        ),
        EventKind::Rejected => tr!(
            "verworpen ({meeting} {date}): heeft nooit gegolden",
            "rejected ({meeting} {date}): never bound"
        ),
        EventKind::Deferred => tr!(
            "stemming uitgesteld ({meeting} {date}): bindt niet zolang een latere vergadering het niet aanneemt",
            "vote deferred ({meeting} {date}): does not bind unless a later meeting adopts it"
        ),
        EventKind::Adopted => tr!(
            "aangenomen op {date} ({meeting}) na een uitgestelde stemming: bindt sindsdien",
            "adopted on {date} ({meeting}) after a deferred vote: binds since"
        ),
    }
}

/// Why a rule does not bind, in words.
pub(crate) fn inactive_meaning(base: &RuleBase, why: EndReason) -> String {
    match why {
        // Ended while its vote still waited (withdrawn, or lifted or settled by the meeting
        // that adopted the rest): it never bound.
        EndReason::Withheld(i) if base.events[i].kind.ends_force() => {
            let e = &base.events[i];
            let (what, date, meeting) = (
                e.kind.participle(),
                long_date(e.date),
                &base.docs[e.by].meeting,
            );
            tr!(
                "{what} op {date} ({meeting}) voordat het was aangenomen: heeft nooit gegolden",
                "{what} on {date} ({meeting}) before it was adopted: never bound"
            )
        }
        EndReason::Event(i) | EndReason::Withheld(i) => event_meaning(base, i),
        EndReason::Expired(date) => {
            let date = long_date(date);
            tr!(
                "geldig tot {date}: bindt niet meer",
                "valid until {date}: no longer binds"
            )
        }
    }
}

/// What a fact must become, as a requirement a person reads: the declared `eis` when there is
/// one, otherwise the question with the answer needed.
pub fn requirement(question: &str, requirement: Option<&str>, to: &Value) -> String {
    match (requirement, to) {
        (Some(r), Value::Bool(true)) => r.to_string(),
        (Some(r), Value::Bool(false)) => tr!("niet: {r}", "not: {r}"),
        (_, Value::Bool(b)) => {
            let answer = if *b {
                tr!("ja", "yes")
            } else {
                tr!("nee", "no")
            };
            tr!(
                "‘{question}’ met {answer} beantwoord",
                "‘{question}’ answered {answer}"
            )
        }
        (_, value) => tr!("‘{question}’: {value}", "‘{question}’: {value}"),
    }
}

/// The verdict as a sentence about the board: `mag het bestuur het Preventieakkoord ondertekenen`.
pub(crate) fn verdict_sentence(verdict: Verdict, action: Action, name: &str, date: Date) -> String {
    let date = long_date(date);
    let (nl_verb, en_verb) = match action {
        Action::Signing => ("ondertekenen", "sign"),
        Action::Consent => ("ermee instemmen", "consent to"),
        Action::Execution => ("uitvoeren", "carry out"),
        Action::Negotiation => ("erover onderhandelen", "negotiate on"),
    };
    let (nl_object, en_object) = match action {
        Action::Consent | Action::Negotiation => (format!("‘{name}’: "), name.to_string()),
        _ => (format!("‘{name}’ "), format!("‘{name}’")),
    };
    match verdict {
        Verdict::Mag => tr!(
            "Op {date} mag het bestuur {nl_object}{nl_verb}.",
            "On {date} the board may {en_verb} {en_object}."
        ),
        Verdict::MagOnderVoorbehoud => tr!(
            "Op {date} mag het bestuur {nl_object}{nl_verb}, onder voorbehoud.",
            "On {date} the board may {en_verb} {en_object}, under reservation."
        ),
        Verdict::Niet => tr!(
            "Op {date} mag het bestuur {nl_object}niet {nl_verb}.",
            "On {date} the board may not {en_verb} {en_object}."
        ),
        Verdict::Onbepaald => tr!(
            "Op {date} is nog niet te zeggen of het bestuur {nl_object}mag {nl_verb}.",
            "On {date} it cannot yet be said whether the board may {en_verb} {en_object}."
        ),
    }
}

/// `(1) a; (2) b; (3) c`
pub(crate) fn numbered(items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, s)| format!("({}) {s}", i + 1))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `a`, `a en b`, `a, b en c` (`and` in English).
pub(crate) fn listed(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => tr!("{} en {last}", "{} and {last}", rest.join(", ")),
    }
}
