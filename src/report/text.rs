//! Text for people: the `check` table, the `explain` tree, the timeline and the audit.

use std::fmt::Write as _;

use crate::compiled::{Effect, Node, NodeId, RuleBase, Selector};
use crate::eval::{
    Audited, Decision, EndReason, Evaluator, Happening, Period, SignalState, Verdict,
};
use crate::facts::World;
use crate::value::Tri;

use super::{atom_text, fact_text, kind_word, mark, rule_label};

/// The `check` table: one line per agreement and action, then one line per deciding rule;
/// then the signals in force and the facts to establish.
pub fn check_text(
    base: &RuleBase,
    world: &World,
    decisions: &[Decision],
    signals: &[SignalState],
) -> String {
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
        if d.verdict == Verdict::Mag {
            let _ = writeln!(out, "{head}  ({})", satisfied(d));
        } else {
            let _ = writeln!(out, "{head}");
            for line in reason_lines(base, d) {
                let _ = writeln!(out, "{indent}{line}");
            }
        }
    }
    let counts = [
        Verdict::Mag,
        Verdict::MagOnderVoorbehoud,
        Verdict::Niet,
        Verdict::Onbepaald,
    ]
    .map(|v| (v, decisions.iter().filter(|d| d.verdict == v).count()));
    let summary: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(v, n)| format!("{n} {v}"))
        .collect();
    let _ = writeln!(out, "\n{}", summary.join(", "));
    out.push_str(&signals_text(base, signals));
    let mut open: Vec<String> = Vec::new();
    for f in decisions.iter().flat_map(|d| &d.open) {
        let line = format!("  {}: {}", f.name, f.question);
        if !open.contains(&line) {
            open.push(line);
        }
    }
    if !open.is_empty() {
        let _ = writeln!(out, "\nVast te stellen feiten:");
        for line in open {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

fn satisfied(d: &Decision) -> String {
    match d.findings.len() {
        0 => "geen regels van toepassing".to_string(),
        1 => "1 regel voldaan".to_string(),
        n => format!("{n} regels voldaan"),
    }
}

/// The signals in force: due, not due, or undetermined, with their sources.
fn signals_text(base: &RuleBase, signals: &[SignalState]) -> String {
    let mut out = String::new();
    if signals.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\nSignalen:");
    for s in signals {
        let Effect::Signal { text } = &base.rules[s.rule].effect else {
            continue;
        };
        let state = match s.due {
            Tri::Yes => "aan de orde",
            Tri::No => "niet aan de orde",
            Tri::Unknown => "onbepaald",
        };
        let atoms: Vec<String> = s.because.iter().map(|a| atom_text(base, a)).collect();
        let _ = writeln!(out, "  {state}: {text}");
        let _ = writeln!(
            out,
            "    {}: {}",
            rule_label(base, s.rule),
            atoms.join("; ")
        );
    }
    out
}

/// One line per deciding rule: `✗ rule (ALV 2018-06-27): fact = nee; …`
fn reason_lines(base: &RuleBase, d: &Decision) -> Vec<String> {
    d.deciding()
        .map(|f| {
            let atoms: Vec<String> = f.because.iter().map(|a| atom_text(base, a)).collect();
            let rule = &base.rules[f.rule];
            match (&rule.reservation, d.verdict) {
                (Some(r), Verdict::MagOnderVoorbehoud) => {
                    format!(
                        "◇ {}: onder voorbehoud \"{r}\": {}",
                        rule_label(base, f.rule),
                        atoms.join("; ")
                    )
                }
                _ => format!(
                    "{} {}: {}",
                    mark(f.value),
                    rule_label(base, f.rule),
                    atoms.join("; ")
                ),
            }
        })
        .collect()
}

/// The `explain` tree: the verdict, then every rule in force that speaks of the agreement, with
/// its source, quote, selector, and the condition with the value of every part.
pub fn explain_text(base: &RuleBase, world: &World, d: &Decision) -> String {
    let ev = Evaluator::new(base, world, d.date);
    let mut out = super::heading(world, d);
    if d.findings.is_empty() {
        let _ = writeln!(
            out,
            "Geen regel in kracht spreekt over deze handeling; dus {}.\n",
            d.verdict
        );
    }
    for f in &d.findings {
        let rule = &base.rules[f.rule];
        let doc = &base.docs[rule.doc];
        let state = match f.value {
            Tri::Yes => "voldaan",
            Tri::No => "niet voldaan",
            Tri::Unknown if rule.reservation.is_some() => "open voorbehoud",
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
        if let Effect::Condition {
            selector,
            selector_text,
            ..
        } = &rule.effect
        {
            let _ = writeln!(out, "  geldt voor: {selector_text} — {}", f.applies);
            if let Selector::Where(sel) = selector {
                tree(base, &ev, *sel, d.agreement, 2, &mut out);
            }
        }
        let _ = writeln!(
            out,
            "  voorwaarde: {} — {}",
            base.text(rule.condition),
            f.holds
        );
        tree(base, &ev, rule.condition, d.agreement, 2, &mut out);
        if let Some(r) = &rule.reservation {
            let _ = writeln!(
                out,
                "  onder voorbehoud: \"{r}\" (mag na de handeling nog worden vervuld)"
            );
        }
        out.push('\n');
    }
    if !d.ended.is_empty() {
        let _ = writeln!(out, "Niet meer van kracht:");
        for e in &d.ended {
            let _ = writeln!(
                out,
                "  {}: {}",
                base.rule_name(e.rule),
                ended_text(base, e.rule, e.why)
            );
            if let EndReason::Event(i) = e.why
                && let Some((q, _)) = &base.events[i].quote
            {
                let _ = writeln!(out, "    bron: \"{q}\"");
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

/// Why a rule ended: the decision about the rule itself, or "via" the one about its source.
fn ended_text(base: &RuleBase, rule: usize, why: EndReason) -> String {
    match why {
        EndReason::Event(i) if base.events[i].target == crate::compiled::Target::Rule(rule) => {
            let e = &base.events[i];
            let by = &base.docs[e.by];
            format!(
                "{} op {} ({} {})",
                e.kind.participle(),
                e.date,
                by.meeting,
                by.id
            )
        }
        EndReason::Event(i) | EndReason::Withheld(i) => format!("via {}", base.event_text(i)),
        EndReason::Expired(date) => format!("geldig tot {date}"),
    }
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
    let kids: Vec<NodeId> = match &base.nodes[node].node {
        Node::And(kids) | Node::Or(kids) => kids.clone(),
        Node::Not(k) => vec![*k],
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
            return;
        }
    };
    for k in kids {
        let value = ev.tri(k, agreement);
        let _ = writeln!(out, "{pad}{} {} — {value}", mark(value), base.text(k));
        tree(base, ev, k, agreement, depth + 1, out);
    }
}

/// The timeline: one block per period with its dates, verdict, what opened it, and the rules
/// that decide it.
pub fn timeline_text(base: &RuleBase, world: &World, periods: &[Period]) -> String {
    let mut out = String::new();
    let Some(first) = periods.first() else {
        return out;
    };
    let agreement = &world.agreements[first.decision.agreement];
    let _ = writeln!(
        out,
        "{} ({}), {}\n",
        agreement.name,
        agreement.id,
        first.decision.action.dutch()
    );
    for p in periods {
        let span = match (p.from, p.until) {
            (None, None) => "altijd".to_string(),
            (None, Some(u)) => format!("t/m {u}"),
            (Some(f), None) => format!("vanaf {f}"),
            (Some(f), Some(u)) => format!("{f} t/m {u}"),
        };
        let _ = writeln!(out, "{span:26}  {}", p.decision.verdict);
        if !p.opened_by.is_empty() {
            let opened: Vec<String> = p
                .opened_by
                .iter()
                .map(|h| happening_text(base, h))
                .collect();
            let _ = writeln!(out, "  door: {}", opened.join("; "));
        }
        if p.decision.verdict == Verdict::Mag {
            let _ = writeln!(out, "  ({})", satisfied(&p.decision));
        }
        for line in reason_lines(base, &p.decision)
            .into_iter()
            .filter(|_| p.decision.verdict != Verdict::Mag)
        {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// One happening in words.
pub(crate) fn happening_text(base: &RuleBase, h: &Happening) -> String {
    match h {
        Happening::Adopted(d) => {
            let doc = &base.docs[*d];
            format!(
                "{} {} aangenomen ({} {})",
                kind_word(doc.kind),
                doc.id,
                doc.meeting,
                doc.date
            )
        }
        Happening::Event(i) => base.event_text(*i),
        Happening::OnTable => "op tafel".to_string(),
        Happening::ValidFrom(r) => format!("{} geldig", base.rule_name(*r)),
        Happening::ValidTo(r) => format!("{} niet meer geldig", base.rule_name(*r)),
        Happening::Fact {
            name,
            value,
            source,
        } => match source {
            Some(s) => format!("{name} = {value} [bron: {s}]"),
            None => format!("{name} = {value}"),
        },
    }
}

/// The audit: every recorded action, whether the rules allowed it that day, and if not, why.
pub fn audit_text(base: &RuleBase, world: &World, audited: &[Audited]) -> String {
    let mut out = String::from("Vastgelegde handelingen\n\n");
    for a in audited {
        let r = &a.record;
        let by =
            r.by.as_ref()
                .map_or(String::new(), |b| format!(" door {b}"));
        let _ = writeln!(
            out,
            "{} {}  {}  {}{by}: oordeel die dag {}",
            if a.allowed { "✓" } else { "✗" },
            r.date,
            world.agreements[r.agreement].name,
            r.action.dutch(),
            a.decision.verdict
        );
        if !r.under.is_empty() {
            let names: Vec<String> = r.under.iter().map(|&u| base.rule_name(u)).collect();
            let _ = writeln!(out, "    voorbehoud vastgelegd: {}", names.join(", "));
        } else if a.decision.verdict == Verdict::MagOnderVoorbehoud {
            let _ = writeln!(
                out,
                "    geen voorbehoud vastgelegd, terwijl de regels er een vereisten"
            );
        }
        if !a.allowed || a.decision.verdict == Verdict::MagOnderVoorbehoud {
            for line in reason_lines(base, &a.decision) {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    let wrong = audited.iter().filter(|a| !a.allowed).count();
    let _ = writeln!(
        out,
        "\n{} handelingen, {wrong} zonder instemming van de regels",
        audited.len()
    );
    out
}
