//! Renderings of decisions: a text table and explanation tree for people, JSON for tools.

mod json;
mod staff;
mod testing;
mod text;

pub use json::{audit_json, check_json, explain_json, timeline_json};
pub use staff::{diff_json, diff_text, lint_json, lint_text, unblock_json, unblock_text};
pub use testing::test_text;
pub use text::{audit_text, check_text, explain_text, timeline_text};

use crate::ast::SourceKind;
use crate::compiled::{Node, RuleBase, RuleId};
use crate::eval::{Atom, Decision, FactUse};
use crate::facts::World;
use crate::value::Tri;

/// `Hoofdlijnenakkoord GGZ (ggz), ondertekening, op 2018-11-30: niet`, and a blank line.
pub(crate) fn heading(world: &World, d: &Decision) -> String {
    let agreement = &world.agreements[d.agreement];
    format!(
        "{} ({}), {}, op {}: {}\n\n",
        agreement.name,
        agreement.id,
        d.action.dutch(),
        d.date,
        d.verdict
    )
}

/// `stevige_afspraken.financiele_weging (ALV 2018-06-27)`
pub(crate) fn rule_label(base: &RuleBase, rule: RuleId) -> String {
    let doc = &base.docs[base.rules[rule].doc];
    format!("{} ({} {})", base.rule_name(rule), doc.meeting, doc.date)
}

/// `motie`, `resolutie`, …
pub(crate) fn kind_word(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Motion => "motie",
        SourceKind::Resolution => "resolutie",
        SourceKind::Decision => "besluit",
        SourceKind::Position => "standpunt",
    }
}

/// `financiele_ruimte_voldoende(ggz) = nee`, or `x = onbekend`.
pub(crate) fn fact_text(fact: &FactUse) -> String {
    match &fact.value {
        Some(v) => format!("{} = {v}", fact.name),
        None => format!("{} = onbekend", fact.name),
    }
}

/// An atom in one line: `fact = value` when it is a lone fact, else the condition, its value
/// and the facts it reads.
pub(crate) fn atom_text(base: &RuleBase, atom: &Atom) -> String {
    let lone = matches!(
        base.nodes[atom.node].node,
        Node::Fact(_) | Node::FactOf(..) | Node::Attr(_)
    );
    match atom.facts.as_slice() {
        [only] if lone => fact_text(only),
        [] => format!("{} is {}", base.text(atom.node), atom.value),
        facts => {
            let values: Vec<String> = facts.iter().map(fact_text).collect();
            format!(
                "{} is {} ({})",
                base.text(atom.node),
                atom.value,
                values.join(", ")
            )
        }
    }
}

/// `ja`, `nee`, `onbekend` as a check mark for trees.
pub(crate) fn mark(t: Tri) -> &'static str {
    match t {
        Tri::Yes => "✓",
        Tri::No => "✗",
        Tri::Unknown => "?",
    }
}
