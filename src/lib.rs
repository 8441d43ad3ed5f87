//! akkoord: may the VNG board sign this agreement under the motions the members adopted, and why?
//!
//! ```text
//! rules/*.akk ──parse──▶ ast::File ──check──▶ compiled::RuleBase ─┐
//! feiten.json ──facts::load (validated against the declarations)─┴─▶ eval::Evaluator
//!                                                  ──▶ eval::Decision ──report──▶ text / JSON
//! ```
//!
//! Every stage has one module: [`parse`] (the only one that names pest), [`check`] (names,
//! types, dates; collects every error), [`facts`] (the facts file, values over time), [`eval`]
//! (three-valued verdicts with explanations, timelines, audit), [`report`] (renderings). On
//! top of evaluation: [`testing`] (scenarios and properties), [`unblock`] (what makes a verdict
//! *mag*), [`diff`] (what a rule change changes), [`lint`]. Before it all, [`motie`] reads a
//! motion's text into a skeleton of rules with holes (`???`) that [`check`] reports until they
//! are filled. [`load`] reads a rule folder from disk (or an editor's open documents laid over
//! it); [`editor`] answers what an editor asks and [`lsp`] serves it over the Language Server
//! Protocol; [`mod@format`] gives rule files one layout (`akkoord fmt`); the CLI in `main.rs` is
//! a thin shell over these.
//!
//! ```
//! use akkoord::{ast::Action, check, eval::{Evaluator, Verdict}};
//!
//! let rules = r#"
//!     feit rob_aanbevelingen_overeengekomen: janee "Is er overeenstemming over de ROB-aanbevelingen?"
//!     motie rob "Advies ROB" {
//!       vergadering ALV 2018-06-27
//!       regel blokkade {
//!         bron "Niet eerder over te gaan tot het sluiten van deelakkoorden …"
//!         verbied ondertekening van elk akkoord totdat rob_aanbevelingen_overeengekomen
//!       }
//!     }
//! "#;
//! let facts = r#"{ "akkoorden": { "ggz": { "naam": "Hoofdlijnenakkoord GGZ" } },
//!                  "feiten": { "rob_aanbevelingen_overeengekomen": false } }"#;
//! let loaded = check::load(&[("regels.akk".into(), rules.into())], ("feiten.json", facts))
//!     .map_err(|(problems, _)| problems)?;
//! let date = jiff::civil::date(2018, 11, 30);
//! let ev = Evaluator::new(&loaded.base, &loaded.world, date);
//! let ggz = loaded.world.agreement("ggz").unwrap_or_default();
//! assert_eq!(ev.decide(ggz, Action::Signing).verdict, Verdict::Niet);
//! # Ok::<(), Vec<akkoord::error::Problem>>(())
//! ```

pub mod answer;
pub mod ast;
pub mod check;
pub mod compiled;
pub mod diff;
pub mod editor;
pub mod error;
pub mod eval;
pub mod facts;
pub mod format;
pub mod i18n;
pub mod index;
pub mod json;
pub mod limits;
pub mod lint;
pub mod load;
pub mod lookup;
pub mod lsp;
pub mod motie;
pub mod parse;
pub mod record;
pub mod report;
pub mod serve;
pub mod span;
pub mod store;
pub mod suggest;
pub mod terminal;
pub mod testing;
pub mod unblock;
pub mod value;
