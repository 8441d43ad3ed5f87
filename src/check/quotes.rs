//! Every `bron "…"` must appear, word for word, in one of the source documents kept beside the
//! rules (`bronnen/*.txt`); line breaks and runs of spaces do not matter.

use crate::compiled::{RuleBase, squash};
use crate::error::CheckError;
use crate::tr;

/// The documents' text with an index of where each run of eight bytes occurs, so that finding
/// a quote costs its own length (and the places its start occurs), not the documents' length:
/// checking every quote stays linear as the rule base grows.
struct Text<'t> {
    text: &'t str,
    at: std::collections::HashMap<&'t [u8], Vec<usize>>,
}

/// How many bytes of a quote's start are looked up.
const PREFIX: usize = 8;

impl<'t> Text<'t> {
    fn new(text: &'t str) -> Self {
        let mut at: std::collections::HashMap<&[u8], Vec<usize>> = std::collections::HashMap::new();
        for (i, window) in text.as_bytes().windows(PREFIX).enumerate() {
            at.entry(window).or_default().push(i);
        }
        Text { text, at }
    }

    fn contains(&self, quote: &str) -> bool {
        let bytes = quote.as_bytes();
        let Some(prefix) = bytes.get(..PREFIX) else {
            return self.text.contains(quote);
        };
        self.at.get(prefix).is_some_and(|places| {
            places
                .iter()
                .any(|&i| self.text.as_bytes().get(i..i + bytes.len()) == Some(bytes))
        })
    }
}

/// The quotes of rules and decisions that appear in none of `documents` (name, text).
pub fn check_quotes(base: &RuleBase, documents: &[(String, String)]) -> Vec<CheckError> {
    let all: String = documents
        .iter()
        .map(|(_, text)| squash(text))
        .collect::<Vec<_>>()
        .join("\n");
    let rules = base.rules.iter().map(|r| (&r.quote, r.quote_span));
    let events = base
        .events
        .iter()
        .filter_map(|e| e.quote.as_ref().map(|(q, span)| (q, *span)));
    let names: Vec<&str> = documents.iter().map(|(n, _)| n.as_str()).collect();
    let mut seen = std::collections::HashSet::new();
    let text = Text::new(&all);
    rules
        .chain(events)
        .filter(|(quote, span)| !text.contains(quote) && seen.insert(*span))
        .map(|(_, span)| CheckError::Usage {
            message: tr!(
                "dit citaat staat in geen enkel brondocument",
                "this quote appears in no source document"
            ),
            span,
            help: Some(if names.is_empty() {
                tr!(
                    "zet het document als tekst in de map `bronnen/` naast de regels",
                    "put the document as text in the `bronnen/` folder beside the rules"
                )
            } else {
                tr!(
                    "citeer letterlijk uit {}; of voeg het document toe aan `bronnen/`",
                    "quote word for word from {}; or add the document to `bronnen/`",
                    names.join(", ")
                )
            }),
        })
        .collect()
}
