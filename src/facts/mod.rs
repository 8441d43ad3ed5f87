//! The facts file: the agreements on the table and what is known about the world, each value
//! optionally dated. Loading validates everything against the declared facts and attributes;
//! a missing fact or `null` is unknown, never false.
//!
//! ```json
//! {
//!   "akkoorden": {
//!     "ggz": { "naam": "Hoofdlijnenakkoord GGZ", "domein": "sociaal_domein" }
//!   },
//!   "feiten": {
//!     "rob_aanbevelingen_overeengekomen": [
//!       { "waarde": false, "sinds": "2018-06-27" },
//!       { "waarde": true, "sinds": "2018-10-10", "bron": "Bestuurlijk Overleg 10 oktober 2018" }
//!     ],
//!     "financiele_ruimte_voldoende": { "ggz": false }
//!   }
//! }
//! ```

mod load;
mod schema;

pub use load::{ValueError, load, load_values, overlay, read_value};
pub use schema::schema;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::ast::Action;
use crate::compiled::{Agreement, AgreementId, FactId, RuleId};
use crate::span::{Span, Spanned};
use crate::value::Value;

/// One known (or explicitly unknown) value and the date from which it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// From when; `None` means always.
    pub since: Option<Date>,
    /// The value; `None` is an explicit `null`: unknown.
    pub value: Option<Value>,
    /// The document that established it, when given.
    pub source: Option<String>,
    /// Why the value is an assumption (`"aanname": "…"`), when the file says so.
    pub assumption: Option<String>,
    /// Where it was written, when it came from a file.
    pub span: Option<Span>,
}

impl Entry {
    /// An undated value with no source, set by a tool (a scenario, a what-if).
    pub fn set(value: Option<Value>, source: &str) -> Entry {
        Entry {
            since: None,
            value,
            source: Some(source.into()),
            assumption: None,
            span: None,
        }
    }
}

/// The values of one fact over time, sorted by date; undated entries come first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline(pub Vec<Entry>);

impl Timeline {
    /// The entry in force on `date`: the last one dated on or before it. Entries are sorted
    /// (undated first), so this is a binary search.
    pub fn entry_at(&self, date: Date) -> Option<&Entry> {
        let after = self
            .0
            .partition_point(|e| e.since.is_none_or(|s| s <= date));
        after.checked_sub(1).and_then(|i| self.0.get(i))
    }

    /// The value on `date`, if known.
    pub fn at(&self, date: Date) -> Option<&Value> {
        self.entry_at(date).and_then(|e| e.value.as_ref())
    }
}

/// What the facts file says about the world.
#[derive(Clone, Debug, Default)]
pub struct World {
    /// The agreements on the table, in file order.
    pub agreements: Vec<Agreement>,
    /// `attrs[agreement][attribute]`
    pub attrs: Vec<Vec<Timeline>>,
    /// `facts[fact]`: one timeline for a plain fact, one per agreement for a per-agreement fact.
    pub facts: Vec<Vec<Timeline>>,
    /// What was done with the agreements, in file order.
    pub recorded: Vec<Recorded>,
    /// Agreement ids to their index.
    index: HashMap<String, AgreementId>,
}

static EMPTY: Timeline = Timeline(Vec::new());

/// Something the board did with an agreement, as the facts file records it.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    /// The agreement.
    pub agreement: AgreementId,
    /// What was done.
    pub action: Action,
    /// When.
    pub date: Date,
    /// By whom, when recorded.
    pub by: Option<String>,
    /// The reservations it was taken under, as written: `bron.regel` of rules with
    /// `onder voorbehoud`.
    pub reservations: Vec<Spanned<String>>,
    /// Those rules, once the checker has resolved the names.
    pub under: Vec<RuleId>,
    /// The document that records it.
    pub source: Option<String>,
    /// JSON path of the record, for reports.
    pub path: String,
    /// Where it was written.
    pub span: Span,
}

impl World {
    /// Finds an agreement by id.
    pub fn agreement(&self, id: &str) -> Option<AgreementId> {
        self.index.get(id).copied()
    }

    /// Puts an agreement on the table, with its attributes; a second one by the same id
    /// replaces nothing and is not found by [`World::agreement`] (JSON keys are unique).
    pub fn add_agreement(&mut self, agreement: Agreement, attrs: Vec<Timeline>) -> AgreementId {
        let a = self.agreements.len();
        self.index.entry(agreement.id.clone()).or_insert(a);
        self.agreements.push(agreement);
        self.attrs.push(attrs);
        a
    }

    /// True when the agreement is on the table on `date`: on or after its `sinds`, before its
    /// `tot`.
    pub fn on_table(&self, agreement: AgreementId, date: Date) -> bool {
        self.agreements
            .get(agreement)
            .is_some_and(|a| a.since.is_none_or(|s| s <= date) && a.until.is_none_or(|u| date < u))
    }

    /// The timeline of a fact, for a given agreement when the fact is per agreement.
    pub fn fact(&self, fact: FactId, agreement: AgreementId) -> &Timeline {
        let Some(slots) = self.facts.get(fact) else {
            return &EMPTY;
        };
        slots
            .get(if slots.len() == 1 { 0 } else { agreement })
            .unwrap_or(&EMPTY)
    }

    /// The timeline of an agreement's attribute.
    pub fn attr(&self, agreement: AgreementId, attr: usize) -> &Timeline {
        self.attrs
            .get(agreement)
            .and_then(|a| a.get(attr))
            .unwrap_or(&EMPTY)
    }

    /// An agreement's id, for reports.
    pub fn agreement_id(&self, agreement: AgreementId) -> &str {
        self.agreements
            .get(agreement)
            .map_or("?", |a| a.id.as_str())
    }
}
