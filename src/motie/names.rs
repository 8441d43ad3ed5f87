//! Names for what `akkoord motie` makes: the source's id, from the title, and the file name of
//! the text in `bronnen/`, from the date, meeting, kind and id (as the documents there are
//! named: `2018-06-27-alv-motie-rob-bijstand.txt`).

use crate::ast::SourceKind;
use crate::tr;

/// Words of the language a name may not be (the grammar's `keyword`).
const KEYWORDS: [&str; 31] = [
    "en",
    "and",
    "of",
    "or",
    "niet",
    "not",
    "in",
    "totdat",
    "until",
    "voor",
    "for",
    "ja",
    "nee",
    "yes",
    "no",
    "true",
    "false",
    "waar",
    "where",
    "akkoord",
    "agreement",
    "elk",
    "every",
    "bron",
    "source",
    "verbied",
    "forbid",
    "vereis",
    "require",
    "regel",
    "rule",
];

/// Small words left out of an id made from a title.
const SMALL: [&str; 22] = [
    "de", "het", "een", "van", "over", "en", "voor", "in", "op", "met", "aan", "te", "bij", "naar",
    "tot", "om", "dat", "die", "der", "des", "s", "t",
];

/// How many words of the title an id keeps.
const ID_WORDS: usize = 4;

/// True when `name` can be an id: ASCII letters, digits and `_`, not starting with a digit,
/// and not a word of the language.
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// An id from a title: its first words in lowercase ASCII, small words left out, joined by
/// `_` (`Advies ROB over financieringssystematiek bijstand` → `advies_rob_financieringssystematiek_bijstand`).
/// Prefixed by the kind when it would not be a name.
pub fn suggest_id(title: &str, kind: &str) -> String {
    let ascii: String = title.chars().map(fold).collect();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .take(ID_WORDS)
        .collect();
    let id = words.join("_");
    if is_name(&id) {
        id
    } else if id.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}_{id}")
    }
}

/// A character in lowercase ASCII: accents dropped (`é` → `e`), anything else a separator.
fn fold(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        c if c.is_ascii_alphanumeric() => c,
        _ => ' ',
    }
}

/// The text's file name in `bronnen/`: date, meeting, kind and id, as far as known, joined by
/// `-`, e.g. `2018-06-27-alv-motie-rob-bijstand.txt`.
pub fn document_name(date: Option<&str>, meeting: Option<&str>, kind: &str, id: &str) -> String {
    let meeting = meeting.map(str::to_lowercase);
    let id = id.trim_matches('_').replace('_', "-");
    let parts: Vec<&str> = [date, meeting.as_deref(), Some(kind), Some(id.as_str())]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}.txt", parts.join("-"))
}

/// A kind of source, by its Dutch or English keyword (`--soort resolutie`).
pub fn source_kind(word: &str) -> Result<SourceKind, String> {
    Ok(match word {
        "motie" | "motion" => SourceKind::Motion,
        "resolutie" | "resolution" => SourceKind::Resolution,
        "besluit" | "decision" => SourceKind::Decision,
        "standpunt" | "position" => SourceKind::Position,
        _ => {
            return Err(tr!(
                "`{word}` is geen soort bron; kies motie, resolutie, besluit of standpunt",
                "`{word}` is not a kind of source; use motie, resolutie, besluit or standpunt"
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_from_a_title() {
        assert_eq!(
            suggest_id("Advies ROB over financieringssystematiek bijstand", "motie"),
            "advies_rob_financieringssystematiek_bijstand"
        );
        assert_eq!(
            suggest_id(
                "Stop met gesprekken vervolg IZA totdat is voldaan",
                "resolutie"
            ),
            "stop_gesprekken_vervolg_iza"
        );
        assert_eq!(
            suggest_id("Geïntegreerde zorg", "motie"),
            "geintegreerde_zorg"
        );
        assert_eq!(suggest_id("Regel", "motie"), "motie_regel");
        assert_eq!(suggest_id("2024: geld", "motie"), "motie_2024_geld");
        assert_eq!(suggest_id("“…”", "resolutie"), "resolutie");
    }

    #[test]
    fn names_of_the_language_are_not_ids() {
        assert!(is_name("rob_bijstand"));
        assert!(!is_name("12x"));
        assert!(!is_name("bron"));
        assert!(!is_name("x-y"));
        assert!(!is_name(""));
    }

    #[test]
    fn a_document_name_from_what_is_known() {
        assert_eq!(
            document_name(Some("2018-06-27"), Some("ALV"), "motie", "rob_bijstand"),
            "2018-06-27-alv-motie-rob-bijstand.txt"
        );
        assert_eq!(
            document_name(None, None, "resolutie", "x"),
            "resolutie-x.txt"
        );
    }
}
