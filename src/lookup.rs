//! Finding what a person names, in the words every front end uses (the CLI, the web page and
//! its API): an agreement or a source by id, with a "did you mean"; whether an agreement is on
//! the table on a day; a date, an action or a language as text.

use jiff::civil::Date;

use crate::ast::Action;
use crate::check::Loaded;
use crate::compiled::{AgreementId, DocId};
use crate::error::Problem;
use crate::i18n::Lang;
use crate::{suggest, tr};

/// The agreement with this id, or a problem that names the ones there are.
pub fn agreement(loaded: &Loaded, id: &str) -> Result<AgreementId, Problem> {
    loaded.world.agreement(id).ok_or_else(|| {
        let known: Vec<&str> = loaded
            .world
            .agreements
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        let hint = suggest::did_you_mean(id, known.iter().copied()).unwrap_or_else(|| {
            tr!(
                "bekende akkoorden: {}",
                "known agreements: {}",
                known.join(", ")
            )
        });
        Problem::Argument {
            message: tr!("onbekend akkoord `{id}`", "unknown agreement `{id}`"),
            help: Some(hint),
        }
    })
}

/// The source with this id, or a problem that names the ones there are.
pub fn source(loaded: &Loaded, id: &str) -> Result<DocId, Problem> {
    loaded.base.doc_id(id).ok_or_else(|| {
        let known = crate::answer::source_ids(&loaded.base);
        let hint = suggest::did_you_mean(id, known.iter().map(String::as_str))
            .unwrap_or_else(|| tr!("bekende bronnen: {}", "known sources: {}", known.join(", ")));
        Problem::Argument {
            message: tr!("onbekende bron `{id}`", "unknown source `{id}`"),
            help: Some(hint),
        }
    })
}

/// An error when the agreement is not on the table on the date: no verdict is given for it.
pub fn on_table(loaded: &Loaded, agreement: AgreementId, date: Date) -> Result<(), Problem> {
    if loaded.world.on_table(agreement, date) {
        return Ok(());
    }
    let a = &loaded.world.agreements[agreement];
    let id = &a.id;
    let when = match (a.since, a.until) {
        (Some(s), _) if date < s => tr!("het komt op tafel op {s}", "it comes on the table on {s}"),
        (_, Some(u)) => tr!(
            "het ligt niet meer op tafel sinds {u}",
            "it is no longer on the table since {u}"
        ),
        _ => String::new(),
    };
    Err(Problem::Argument {
        message: tr!(
            "akkoord `{id}` ligt op {date} niet op tafel; er is geen oordeel over",
            "agreement `{id}` is not on the table on {date}; there is no verdict on it"
        ),
        help: Some(when),
    })
}

/// A date written `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<Date, String> {
    text.parse::<Date>().map_err(|_| {
        tr!(
            "`{text}` is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2018-11-30",
            "`{text}` is not a date; write YYYY-MM-DD, e.g. 2018-11-30"
        )
    })
}

/// An action, by its Dutch or English word.
pub fn action(text: &str) -> Result<Action, String> {
    Action::from_word(text).ok_or_else(|| {
        tr!(
            "`{text}` is geen handeling; kies ondertekening, instemming, uitvoering of onderhandeling",
            "`{text}` is not an action; use ondertekening, instemming, uitvoering or onderhandeling"
        )
    })
}

/// A language: `nl` or `en`.
pub fn lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| {
        tr!(
            "`{text}` is geen taal; kies nl of en",
            "`{text}` is not a language; use nl or en"
        )
    })
}
