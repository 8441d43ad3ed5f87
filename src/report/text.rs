//! Text for people: the `check` table and the `explain` tree.

use std::fmt::Write as _;

use crate::compiled::{Node, NodeId, RuleBase, Selector};
use crate::eval::{Decision, Evaluator, Verdict};
use crate::facts::World;
use crate::value::Tri;

use super::{atom_text, fact_text, kind_word, mark, rule_label};

/// The `check` table: one line per agreement and action, then one line per deciding rule.
pub fn check_text(base: &RuleBase, world: &World, decisions: &[Decision]) -> String {
    let mut out = String::new();
    let Some(first) = decisions.first() else {
        return "geen akkoorden om te beoordelen\n".into();
    };
    let _ = writeln!(out, "Stand op {}\n", first.date);
    let name_width = decisions
        .iter()
        .map(|d| world.agreements[d.agreement].name.chars().count())
        .max()
        .unwrap_or(0)
        .max("akkoord".len());
    let _ = writeln!(
        out,
        "{:name_width$}  {:14}  oordeel",
        "akkoord", "handeling"
    );
    let indent = " ".repeat(name_width + 2 + 14 + 2);
    for d in decisions {
        let name = &world.agreements[d.agreement].name;
        let head = format!("{name:name_width$}  {:14}  {}", d.action.dutch(), d.verdict);
        let lines = reason_lines(base, d);
        match d.verdict {
            Verdict::Mag => {
                let n = d.findings.len();
                let tail = match n {
                    0 => "  (geen regels van toepassing)".to_string(),
                    1 => "  (1 regel voldaan)".to_string(),
                    n => format!("  ({n} regels voldaan)"),
                };
                let _ = writeln!(out, "{head}{tail}");
            }
            _ => {
                let _ = writeln!(out, "{head}");
                for line in lines {
                    let _ = writeln!(out, "{indent}{line}");
                }
            }
        }
    }
    let counts = [Verdict::Mag, Verdict::Niet, Verdict::Onbepaald]
        .map(|v| (v, decisions.iter().filter(|d| d.verdict == v).count()));
    let summary: Vec<String> = counts.iter().map(|(v, n)| format!("{n} {v}")).collect();
    let _ = writeln!(out, "\n{}", summary.join(", "));
    let open: Vec<String> = decisions
        .iter()
        .flat_map(|d| &d.open)
        .map(|f| format!("  {}: {}", f.name, f.question))
        .fold(Vec::new(), |mut acc, line| {
            if !acc.contains(&line) {
                acc.push(line);
            }
            acc
        });
    if !open.is_empty() {
        let _ = writeln!(out, "\nVast te stellen feiten:");
        for line in open {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

/// One line per deciding rule: `✗ rule (ALV 2018-06-27): fact = nee; …`
fn reason_lines(base: &RuleBase, d: &Decision) -> Vec<String> {
    d.deciding()
        .map(|f| {
            let atoms: Vec<String> = f.because.iter().map(|a| atom_text(base, a)).collect();
            format!(
                "{} {}: {}",
                mark(f.value),
                rule_label(base, f.rule),
                atoms.join("; ")
            )
        })
        .collect()
}

/// The `explain` tree: the verdict, then every rule in force that speaks of the agreement, with
/// its source, quote, selector, and the condition with the value of every part.
pub fn explain_text(base: &RuleBase, world: &World, d: &Decision) -> String {
    let ev = Evaluator::new(base, world, d.date);
    let agreement = &world.agreements[d.agreement];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), {}, op {}: {}\n",
        agreement.name,
        agreement.id,
        d.action.dutch(),
        d.date,
        d.verdict
    );
    if d.findings.is_empty() {
        let _ = writeln!(
            out,
            "Geen regel in kracht spreekt over deze handeling; dus {}.",
            d.verdict
        );
    }
    for f in &d.findings {
        let rule = &base.rules[f.rule];
        let doc = &base.docs[rule.doc];
        let state = match f.value {
            Tri::Yes => "voldaan",
            Tri::No => "niet voldaan",
            Tri::Unknown => "onbepaald",
        };
        let _ = writeln!(out, "{} {}: {state}", mark(f.value), base.rule_name(f.rule));
        let _ = writeln!(
            out,
            "  {} \"{}\", {} {}",
            kind_word(doc.kind),
            doc.title,
            doc.meeting,
            doc.date
        );
        for e in base
            .events
            .iter()
            .filter(|e| e.date <= d.date && e.target_doc(base) == rule.doc)
        {
            let by = &base.docs[e.by];
            let _ = writeln!(
                out,
                "  {} op {} ({} {})",
                e.kind.participle(),
                e.date,
                by.meeting,
                by.id
            );
        }
        let _ = writeln!(out, "  bron: \"{}\"", rule.quote);
        let _ = writeln!(out, "  geldt voor: {} — {}", rule.selector_text, f.applies);
        if let Selector::Where(sel) = rule.selector {
            tree(base, &ev, sel, d.agreement, 2, &mut out);
        }
        let _ = writeln!(
            out,
            "  voorwaarde: {} — {}",
            base.text(rule.condition),
            f.holds
        );
        tree(base, &ev, rule.condition, d.agreement, 2, &mut out);
        out.push('\n');
    }
    if !d.ended.is_empty() {
        let _ = writeln!(out, "Niet meer van kracht:");
        for e in &d.ended {
            let event = &base.events[e.event];
            let by = &base.docs[event.by];
            let _ = write!(
                out,
                "  {}: {} op {} ({} {})",
                base.rule_name(e.rule),
                event.kind.participle(),
                event.date,
                by.meeting,
                by.id
            );
            match &event.quote {
                Some(q) => {
                    let _ = writeln!(out, "\n    bron: \"{q}\"");
                }
                None => out.push('\n'),
            }
        }
        out.push('\n');
    }
    if !d.open.is_empty() {
        let _ = writeln!(out, "Vast te stellen feiten:");
        for f in &d.open {
            let _ = writeln!(out, "  {}: {}", f.name, f.question);
        }
    }
    out
}

/// Prints a node's parts with their values; leaves show the facts they read.
fn tree(
    base: &RuleBase,
    ev: &Evaluator,
    node: NodeId,
    agreement: usize,
    depth: usize,
    out: &mut String,
) {
    let pad = "  ".repeat(depth);
    match &base.nodes[node].node {
        Node::And(kids) | Node::Or(kids) => {
            for &k in kids {
                let _ = writeln!(
                    out,
                    "{pad}{} {} — {}",
                    mark(ev.tri(k, agreement)),
                    base.text(k),
                    ev.tri(k, agreement)
                );
                tree(base, ev, k, agreement, depth + 1, out);
            }
        }
        Node::Not(k) => {
            let _ = writeln!(
                out,
                "{pad}{} {} — {}",
                mark(ev.tri(*k, agreement)),
                base.text(*k),
                ev.tri(*k, agreement)
            );
            tree(base, ev, *k, agreement, depth + 1, out);
        }
        _ => {
            for fact in ev.atom(node, agreement).facts {
                let mut line = format!("{pad}{}", fact_text(&fact));
                if let Some(entry) = &fact.entry {
                    if let Some(since) = entry.since {
                        let _ = write!(line, " (sinds {since})");
                    }
                    if let Some(source) = &entry.source {
                        let _ = write!(line, " [bron: {source}]");
                    }
                }
                if fact.value.is_none() {
                    let _ = write!(line, " — vraag: {}", fact.question);
                }
                let _ = writeln!(out, "{line}");
            }
        }
    }
}
