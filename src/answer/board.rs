//! The board report: everything the board needs on one day, as one answer (`akkoord rapport`):
//! the overview, each agreement's history, the audit, and where the rule base comes from.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::compiled::RuleBase;
use crate::facts::World;

use super::decision::{AnswerOptions, Overview, overview};
use super::history::{AuditAnswer, TimelineAnswer, audit, timeline};
use super::{Cx, SourceRef};

/// The board report for one day.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct BoardReport {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Every agreement on the table and its answers.
    pub overview: Overview,
    /// The verdict over time for each answer in the overview, in the same order.
    pub timelines: Vec<TimelineAnswer>,
    /// What was done with the agreements, and what became of the reservations.
    pub audit: AuditAnswer,
    /// Where the rule base comes from.
    pub provenance: Provenance,
}

/// Where the rule base comes from: the documents, the meetings, the date of the facts.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Provenance {
    /// The source documents the rules quote.
    pub documents: Vec<String>,
    /// Every source, in the order of their meetings.
    pub sources: Vec<SourceRef>,
    /// The newest date of any fact value, `YYYY-MM-DD`.
    pub facts_updated: Option<String>,
    /// How many assumptions the rule base and facts file hold (`akkoord lint` lists them).
    pub assumptions: usize,
}

/// The board report on `date`, for the agreements asked for (every one on the table when none).
pub fn board_report(
    base: &RuleBase,
    world: &World,
    date: Date,
    agreements: &[crate::compiled::AgreementId],
    documents: &[String],
    options: AnswerOptions,
) -> BoardReport {
    let overview = overview(base, world, date, agreements, None, options);
    let timelines = overview
        .answers
        .iter()
        .filter_map(|a| {
            let id = world.agreement(&a.agreement.id)?;
            Some(timeline(base, world, id, a.action))
        })
        .collect();
    let cx = Cx::new(base, world, date);
    let sources = super::source::sources(base, world, date);
    let facts_updated = super::decision::facts_updated(world, date);
    BoardReport {
        date: date.to_string(),
        timelines,
        audit: audit(base, world, date),
        provenance: Provenance {
            documents: documents.to_vec(),
            sources,
            facts_updated,
            assumptions: cx.all_assumptions().len(),
        },
        overview,
    }
}
