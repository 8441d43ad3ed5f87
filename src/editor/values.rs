//! The values of facts and attributes on the analysis's day, in words, with their date, source
//! and assumption, as the facts file gives them.

use crate::answer::{long_date, value_text};
use crate::check::Loaded;
use crate::facts::Entry;
use crate::i18n::t;
use crate::json::JsonKind;
use crate::tr;
use crate::value::Type;

use super::Analysis;

/// Values from the last rule base that passed, for one analysis.
pub(super) struct Values<'a> {
    analysis: &'a Analysis,
    loaded: Option<&'a Loaded>,
}

impl<'a> Values<'a> {
    pub fn new(analysis: &'a Analysis) -> Self {
        Values {
            analysis,
            loaded: analysis.loaded.as_deref(),
        }
    }

    /// `Waarde op 1 juni 2019: nee (sinds …; bron: …)`, one line per agreement for a
    /// per-agreement fact.
    pub fn fact(&self, name: &str) -> Vec<String> {
        let Some(loaded) = self.loaded else {
            return Vec::new();
        };
        let Some(f) = loaded.base.fact_id(name) else {
            return Vec::new();
        };
        let (date, world) = (self.analysis.date, &loaded.world);
        if !loaded.base.facts[f].per_agreement {
            let entry = world.fact(f, 0).entry_at(date);
            return vec![format!("{}: {}", self.on_day(), entry_text(entry))];
        }
        let lines = (0..world.agreements.len())
            .map(|a| (a, world.fact(f, a).entry_at(date)))
            .filter(|(_, e)| e.is_some())
            .map(|(a, e)| format!("- `{}`: {}", world.agreement_id(a), entry_text(e)));
        self.list(lines.collect())
    }

    /// The attribute's value for every agreement that has one.
    pub fn attribute(&self, name: &str) -> Vec<String> {
        let Some(loaded) = self.loaded else {
            return Vec::new();
        };
        let Some(attr) = loaded.base.attr_id(name) else {
            return Vec::new();
        };
        let world = &loaded.world;
        let lines = (0..world.agreements.len())
            .map(|a| (a, world.attr(a, attr).entry_at(self.analysis.date)))
            .filter(|(_, e)| e.is_some())
            .map(|(a, e)| format!("- `{}`: {}", world.agreement_id(a), entry_text(e)));
        self.list(lines.collect())
    }

    /// Every attribute of an agreement with its value.
    pub fn attributes_of(&self, id: &str) -> Vec<String> {
        let Some(loaded) = self.loaded else {
            return Vec::new();
        };
        let Some(a) = loaded.world.agreement(id) else {
            return Vec::new();
        };
        let lines = loaded.base.attrs.iter().enumerate().map(|(i, attr)| {
            let entry = loaded.world.attr(a, i).entry_at(self.analysis.date);
            format!("- `{}`: {}", attr.name, entry_text(entry))
        });
        self.list(lines.collect())
    }

    /// The agreement's name, from the rule base.
    pub fn agreement_name(&self, id: &str) -> Option<String> {
        let loaded = self.loaded?;
        let a = loaded.world.agreement(id)?;
        Some(loaded.world.agreements[a].name.clone())
    }

    /// The text, with a note when its values come from an earlier check.
    pub fn note_stale(&self, text: String) -> String {
        if self.analysis.fresh || self.loaded.is_none() {
            return text;
        }
        let note = tr!(
            "*Waarden en oordelen uit de laatste controle zonder problemen.*",
            "*Values and verdicts from the last check without problems.*"
        );
        format!("{text}\n\n{note}")
    }

    fn on_day(&self) -> String {
        let date = long_date(self.analysis.date);
        tr!("Waarde op {date}", "Value on {date}")
    }

    fn list(&self, lines: Vec<String>) -> Vec<String> {
        if lines.is_empty() {
            let date = long_date(self.analysis.date);
            return vec![tr!(
                "Geen waarden bekend op {date}.",
                "No values known on {date}."
            )];
        }
        let date = long_date(self.analysis.date);
        let head = tr!("Waarden op {date}:", "Values on {date}:");
        vec![format!("{head}\n{}", lines.join("\n"))]
    }
}

/// `nee (sinds 2018-11-07; bron: Ledenbrief …)`.
fn entry_text(entry: Option<&Entry>) -> String {
    let Some(entry) = entry else {
        return value_text(None);
    };
    let mut notes = Vec::new();
    if let Some(since) = entry.since {
        notes.push(tr!("sinds {since}", "since {since}"));
    }
    if let Some(source) = &entry.source {
        notes.push(tr!("bron: {source}", "source: {source}"));
    }
    if let Some(reason) = &entry.assumption {
        notes.push(tr!("aanname: {reason}", "assumption: {reason}"));
    }
    let value = value_text(entry.value.as_ref());
    if notes.is_empty() {
        value
    } else {
        format!("{value} ({})", notes.join("; "))
    }
}

/// A type as the reader's language writes it: `janee` or `yesno`.
pub(super) fn type_word(ty: &Type) -> String {
    match ty {
        Type::Bool => t("janee", "yesno").into(),
        Type::Amount => t("bedrag", "amount").into(),
        Type::Number => t("getal", "number").into(),
        Type::Date => t("datum", "date").into(),
        Type::Text => t("tekst", "text").into(),
        Type::Choice(c) => c.clone(),
    }
}

/// An agreement's name as the facts file writes it (`naam`), or its id.
pub(super) fn json_name(analysis: &Analysis, id: &str) -> Option<String> {
    let object = analysis.index.agreement(id)?;
    let name = object
        .get(&["naam", "name"])
        .and_then(|(_, n)| match &n.kind {
            JsonKind::Text(s) => Some(s.clone()),
            _ => None,
        });
    Some(name.unwrap_or_else(|| id.to_string()))
}
