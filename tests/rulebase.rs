//! The shipped rule base loads cleanly and quotes its source documents exactly.

use std::fs;

use akkoord::compiled::squash;
use akkoord::load::load;

use crate::common::{VNG, root};

#[test]
fn every_file_in_rules_loads() {
    if let Err(e) = load(&root().join(VNG), None) {
        panic!("rules/ does not load:\n{}", e.render());
    }
}

/// The source documents, whitespace collapsed, so quotes broken over lines still match.
fn documents() -> String {
    let dir = root().join("rules/bronnen");
    let mut all = String::new();
    for entry in fs::read_dir(&dir).expect("rules/bronnen exists") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            all.push_str(&squash(&fs::read_to_string(&path).expect("utf-8 text")));
            all.push('\n');
        }
    }
    all
}

#[test]
fn every_quote_appears_in_a_source_document() {
    let loaded = load(&root().join(VNG), None).expect("rules load");
    let docs = documents();
    let base = &loaded.base;
    let quotes = base
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (base.rule_name(i), r.quote.clone()));
    let events = base.events.iter().filter_map(|e| {
        e.quote
            .clone()
            .map(|(q, _)| (base.docs[e.by].id.clone(), q))
    });
    let missing: Vec<String> = quotes
        .chain(events)
        .filter(|(_, q)| !docs.contains(q.as_str()))
        .map(|(who, q)| format!("{who}: \"{q}\""))
        .collect();
    assert!(
        missing.is_empty(),
        "quotes not found verbatim in rules/bronnen:\n{}",
        missing.join("\n")
    );
}

#[test]
fn printing_then_parsing_each_rule_file_gives_it_back() {
    for (name, text) in akkoord::load::rule_files(&root().join(VNG)).expect("rules") {
        let file = akkoord::parse::parse_file(akkoord::span::FileId(0), &text).expect("parses");
        let printed = file.to_string();
        let again = akkoord::parse::parse_file(akkoord::span::FileId(0), &printed);
        assert_eq!(
            again.as_ref().ok(),
            Some(&file),
            "{name} printed as:\n{printed}"
        );
    }
}
