//! Keywords in Dutch and in English, by the grammar rule that reads them. Every rule has one
//! spelling per language, so converting a file to English and back gives it back.

use crate::i18n::Lang;
use crate::parse::{Syntax, Tree};

/// The keyword that the leaf `kind`, written as `text`, is spelled as in `lang`; `None` when the
/// leaf is not a keyword.
pub fn spell(kind: Syntax, text: &str, lang: Lang) -> Option<&'static str> {
    let (nl, en) = spellings(kind, text)?;
    Some(lang.pick(nl, en))
}

/// The language a keyword as written is in; `None` when it is not a keyword or is the same in
/// both (`scenario`, `in`, `open`).
pub fn language(kind: Syntax, text: &str) -> Option<Lang> {
    let (nl, en) = spellings(kind, text)?;
    let text = words(text);
    match (text == nl, text == en) {
        (true, false) => Some(Lang::Nl),
        (false, true) => Some(Lang::En),
        // `true`, `false`, `not` as a verdict: English, though not the canonical spelling
        (false, false) => Some(Lang::En),
        (true, true) => None,
    }
}

/// The language most keywords of `tree` (read from `source`) are in; Dutch when as many are
/// in each.
pub fn majority(tree: &Tree, source: &str) -> Lang {
    let (mut nl, mut en) = (0usize, 0usize);
    let mut todo = vec![tree];
    while let Some(t) = todo.pop() {
        todo.extend(&t.children);
        let text = source.get(t.span.start..t.span.end).unwrap_or("");
        match language(t.kind, text) {
            Some(Lang::Nl) => nl += 1,
            Some(Lang::En) => en += 1,
            None => {}
        }
    }
    if en > nl { Lang::En } else { Lang::Nl }
}

/// `hef  op` as `hef op`: the words of a keyword, one space between them.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Dutch and English spelling of the keyword leaf `kind` written as `text`.
#[rustfmt::skip]
fn spellings(kind: Syntax, text: &str) -> Option<(&'static str, &'static str)> {
    use Syntax as S;
    Some(match kind {
        S::kw_choice => ("keuze", "choice"),
        S::kw_fact => ("feit", "fact"),
        S::kw_attribute => ("kenmerk", "attribute"),
        S::kw_yesno => ("janee", "yesno"),
        S::kw_amount => ("bedrag", "amount"),
        S::kw_number => ("getal", "number"),
        S::kw_date => ("datum", "date"),
        S::kw_text => ("tekst", "text"),
        S::kw_motion => ("motie", "motion"),
        S::kw_resolution => ("resolutie", "resolution"),
        S::kw_decision => ("besluit", "decision"),
        S::kw_position => ("standpunt", "position"),
        S::kw_meeting => ("vergadering", "meeting"),
        S::kw_rule => ("regel", "rule"),
        S::kw_quote => ("bron", "source"),
        S::kw_forbid => ("verbied", "forbid"),
        S::kw_require => ("vereis", "require"),
        S::kw_until => ("totdat", "until"),
        S::kw_for => ("voor", "for"),
        S::kw_prep => match text {
            "met" | "with" => ("met", "with"),
            "over" | "on" => ("over", "on"),
            "aan" | "to" => ("aan", "to"),
            _ => ("van", "of"),
        },
        S::kw_signing => ("ondertekening", "signing"),
        S::kw_consent => ("instemming", "consent"),
        S::kw_execution => ("uitvoering", "execution"),
        S::kw_negotiation => ("onderhandeling", "negotiation"),
        S::kw_every => ("elk", "every"),
        S::kw_agreement => ("akkoord", "agreement"),
        S::kw_where => ("waar", "where"),
        S::kw_lift => ("hef op", "lift"),
        S::kw_settled => ("afgehandeld", "settled"),
        S::kw_held => ("aangehouden", "held"),
        S::kw_withdrawn => ("ingetrokken", "withdrawn"),
        S::kw_rejected => ("verworpen", "rejected"),
        S::kw_deferred => ("stemming uitgesteld", "vote deferred"),
        S::kw_adopted => ("aangenomen", "adopted"),
        S::kw_requirement => ("eis", "requirement"),
        S::kw_assumption => ("aanname", "assumption"),
        S::kw_vote => ("stemming", "vote"),
        S::kw_against => ("tegen", "against"),
        S::kw_signal => ("signaal", "signal"),
        S::kw_when => ("wanneer", "when"),
        S::kw_reservation => ("onder voorbehoud", "under reservation"),
        S::kw_valid => ("geldig", "valid"),
        S::kw_from => ("vanaf", "from"),
        S::kw_to => ("tot", "to"),
        S::kw_scenario => ("scenario", "scenario"),
        S::kw_on => ("op", "on"),
        S::kw_facts_file => ("feiten", "facts"),
        S::kw_set => ("stel", "set"),
        S::kw_unknown => ("onbekend", "unknown"),
        S::kw_expect => ("verwacht", "expect"),
        S::kw_by => ("door", "by"),
        S::kw_property => ("eigenschap", "property"),
        S::kw_if => ("als", "if"),
        S::kw_then => ("dan", "then"),
        S::kw_or => ("of", "or"),
        S::kw_and => ("en", "and"),
        S::kw_not => ("niet", "not"),
        S::kw_in => ("in", "in"),
        S::kw_yes => ("ja", "yes"),
        S::kw_no => ("nee", "no"),
        S::kw_reservation_word => ("voorbehoud", "reservation"),
        S::reservation_state => match text {
            "vervuld" | "met" => ("vervuld", "met"),
            "vervallen" | "failed" => ("vervallen", "failed"),
            "beeindigd" | "ended" => ("beeindigd", "ended"),
            _ => ("open", "open"),
        },
        S::verdict_reserved => ("mag onder voorbehoud", "may under reservation"),
        S::verdict_mag => ("mag", "may"),
        S::verdict_niet => ("niet", "may not"),
        S::verdict_onbepaald => ("onbepaald", "undetermined"),
        _ => return None,
    })
}
