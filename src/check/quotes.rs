//! Every `bron "…"` must appear, word for word, in one of the source documents kept beside the
//! rules (`bronnen/*.txt`); line breaks and runs of spaces do not matter.

use crate::compiled::{RuleBase, squash};
use crate::error::CheckError;
use crate::tr;

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
    rules
        .chain(events)
        .filter(|(quote, span)| !all.contains(quote.as_str()) && seen.insert(*span))
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
