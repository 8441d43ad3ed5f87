//! Text for people: the `check` table, the plain answers, the `explain` tree, the timeline and
//! the audit.

use std::fmt::Write as _;
use std::io;

use crate::answer::{
    AgreementRef, Answer, AuditAnswer, FactInfo, Obstacle, Overview, OverviewStream,
    ReservationInfo, RuleResult, SignalInfo, Tally, TimelineAnswer, TreeNode, long_date,
    value_word,
};
use crate::eval::Verdict;
use crate::terminal::safe;
use crate::tr;

use super::{mark, part_line, wrap};

/// How wide plain paragraphs are wrapped.
const WIDTH: usize = 96;

/// The widest the agreement column of the `check` table gets; longer names are cut.
const NAME_WIDTH: usize = 60;

/// `text` cut to `width` characters, with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The parts of an overview that do not depend on its answers, borrowed from an [`Overview`]
/// or an [`OverviewStream`], so that the whole and the streamed text come from one renderer.
struct Frame<'o> {
    date: &'o str,
    facts_updated: Option<&'o str>,
    not_on_table: &'o [AgreementRef],
    signals: &'o [SignalInfo],
    failed: &'o [ReservationInfo],
}

impl<'o> Frame<'o> {
    fn of(o: &'o Overview) -> Self {
        Frame {
            date: &o.date,
            facts_updated: o.facts_updated.as_deref(),
            not_on_table: &o.not_on_table,
            signals: &o.signals,
            failed: &o.failed_reservations,
        }
    }

    fn of_stream(s: &'o OverviewStream<'_>) -> Self {
        Frame {
            date: &s.date,
            facts_updated: s.facts_updated.as_deref(),
            not_on_table: &s.not_on_table,
            signals: &s.signals,
            failed: &s.failed_reservations,
        }
    }
}

/// The `check` table: one line per agreement and action; under each that is not *mag*, what
/// stands in the way (each part once, with the rules it blocks) and what must happen; then the
/// signals, failed reservations and the facts to establish.
pub fn check_text(o: &Overview) -> String {
    let mut out = Vec::new();
    let names = o.answers.iter().map(|a| a.agreement.name.as_str());
    let _ = write_check_parts(
        &Frame::of(o),
        names,
        o.answers.iter().map(std::borrow::Cow::Borrowed),
        &mut out,
    );
    String::from_utf8(out).unwrap_or_default()
}

/// The `check` table written to `w` as each answer is worked out: the output of
/// [`check_text`], without holding the answers.
pub fn write_check(s: &OverviewStream<'_>, w: &mut dyn io::Write) -> io::Result<()> {
    let answers = s.answers().map(std::borrow::Cow::Owned);
    write_check_parts(&Frame::of_stream(s), s.names(), answers, w)
}

fn write_check_parts<'a>(
    frame: &Frame<'_>,
    names: impl Iterator<Item = &'a str>,
    answers: impl Iterator<Item = std::borrow::Cow<'a, Answer>>,
    w: &mut dyn io::Write,
) -> io::Result<()> {
    w.write_all(header(frame).as_bytes())?;
    let Some(name_width) = names.map(|n| n.chars().count()).max() else {
        return w.write_all(
            tr!("geen akkoorden op tafel\n", "no agreements on the table\n").as_bytes(),
        );
    };
    let name_width = name_width.clamp(8, NAME_WIDTH);
    let (h_agreement, h_action, h_verdict) = (
        tr!("akkoord", "agreement"),
        tr!("handeling", "action"),
        tr!("oordeel", "verdict"),
    );
    writeln!(w, "{h_agreement:name_width$}  {h_action:14}  {h_verdict}")?;
    let mut tally = Tally::default();
    for a in answers {
        let mut out = String::new();
        check_row(&mut out, &a, name_width);
        w.write_all(out.as_bytes())?;
        tally.add(&a);
    }
    let counts: Vec<String> = tally
        .counts()
        .iter()
        .map(|c| format!("{} {}", c.count, c.verdict_text))
        .collect();
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", counts.join(", "));
    overview_tail(&mut out, frame, tally.open());
    w.write_all(out.as_bytes())
}

/// One answer's lines in the `check` table.
fn check_row(out: &mut String, a: &Answer, name_width: usize) {
    let name = fit(&safe(&a.agreement.name), name_width);
    let head = format!(
        "{name:name_width$}  {:14}  {}",
        a.action_text, a.verdict_text
    );
    if a.verdict == Verdict::Mag {
        let _ = writeln!(out, "{head}  ({})", satisfied(a.rules.len()));
    } else {
        let _ = writeln!(out, "{head}");
        obstacle_lines(out, &a.obstacles, "    ");
        needed(out, a);
    }
    if !a.assumptions.is_empty() {
        let n = a.assumptions.len();
        let _ = writeln!(
            out,
            "    {}",
            tr!(
                "⚠ rust op {n} aanname(n); zie `akkoord explain {}`",
                "⚠ rests on {n} assumption(s); see `akkoord explain {}`",
                a.agreement.id
            )
        );
    }
}

/// The plain answers: one paragraph per agreement and action, then what concerns them all.
pub fn short_text(o: &Overview) -> String {
    let mut out = Vec::new();
    let answers = o.answers.iter().map(std::borrow::Cow::Borrowed);
    let _ = write_short_parts(&Frame::of(o), answers, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The plain answers written to `w` as each is worked out: the output of [`short_text`].
pub fn write_short(s: &OverviewStream<'_>, w: &mut dyn io::Write) -> io::Result<()> {
    let answers = s.answers().map(std::borrow::Cow::Owned);
    write_short_parts(&Frame::of_stream(s), answers, w)
}

fn write_short_parts<'a>(
    frame: &Frame<'_>,
    answers: impl Iterator<Item = std::borrow::Cow<'a, Answer>>,
    w: &mut dyn io::Write,
) -> io::Result<()> {
    w.write_all(header(frame).as_bytes())?;
    for a in answers {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {}: {}",
            safe(&a.agreement.name),
            a.action_text,
            a.verdict_text
        );
        out.push_str(&wrap(&safe(&a.plain), WIDTH, "  "));
        out.push('\n');
        w.write_all(out.as_bytes())?;
    }
    if !frame.not_on_table.is_empty() {
        let names: Vec<String> = frame
            .not_on_table
            .iter()
            .map(|a| safe(&a.name).into_owned())
            .collect();
        writeln!(
            w,
            "{}",
            tr!(
                "Niet op tafel op deze dag: {}.",
                "Not on the table on this day: {}.",
                names.join(", ")
            )
        )?;
    }
    Ok(())
}

fn header(frame: &Frame<'_>) -> String {
    let date = frame.date;
    let mut out = tr!("Stand op {date}", "As of {date}");
    if let Some(updated) = frame.facts_updated {
        let updated = updated.parse().map_or(updated.to_string(), long_date);
        out.push_str(&tr!(
            " · feiten laatst bijgewerkt op {updated}",
            " · facts last updated on {updated}"
        ));
    }
    out.push_str("\n\n");
    out
}

fn satisfied(n: usize) -> String {
    match n {
        0 => tr!("geen regels van toepassing", "no rules apply"),
        1 => tr!("1 regel voldaan", "1 rule satisfied"),
        n => tr!("{n} regels voldaan", "{n} rules satisfied"),
    }
}

/// `✗ x(ggz) = nee` and under it the rules it blocks.
fn obstacle_lines(out: &mut String, obstacles: &[Obstacle], indent: &str) {
    for o in obstacles {
        let rules: Vec<String> = o
            .rules
            .iter()
            .map(|r| format!("{} ({} {})", r.id, r.source.meeting, r.source.date))
            .collect();
        let _ = writeln!(out, "{indent}{} {}", mark(o.part.value), part_line(&o.part));
        let _ = writeln!(out, "{indent}    {}", safe(&rules.join(", ")));
    }
}

/// `nodig: …` with the first way to *mag*, and how many ways there are.
fn needed(out: &mut String, a: &Answer) {
    let Some(first) = a.ways.first() else {
        if a.verdict != Verdict::MagOnderVoorbehoud && a.ways_complete {
            let _ = writeln!(
                out,
                "    {}",
                tr!(
                    "geen wijziging van feiten maakt dit mag",
                    "no change of facts makes this mag"
                )
            );
        }
        return;
    };
    let changes: Vec<String> = first
        .changes
        .iter()
        .map(|c| format!("{} → {}", c.fact.name, c.to_text))
        .collect();
    let others = match a.ways.len() {
        1 => String::new(),
        n => tr!(" (1 van {n} manieren)", " (1 of {n} ways)"),
    };
    let _ = writeln!(
        out,
        "    {}{others}: {}",
        tr!("nodig voor mag", "needed for may"),
        safe(&changes.join("; "))
    );
}

/// Signals, failed reservations, agreements not on the table, and the facts to establish.
fn overview_tail(out: &mut String, o: &Frame<'_>, open: &[FactInfo]) {
    if !o.signals.is_empty() {
        let _ = writeln!(out, "\n{}", tr!("Signalen:", "Signals:"));
        for s in o.signals {
            let _ = writeln!(out, "  {}: {}", s.due_text, safe(&s.signal));
            let parts: Vec<String> = s.parts.iter().map(part_line).collect();
            let _ = writeln!(
                out,
                "    {} ({} {}): {}",
                s.rule.id,
                s.rule.source.meeting,
                s.rule.source.date,
                parts.join("; ")
            );
        }
    }
    if !o.failed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            tr!("Vervallen voorbehouden:", "Failed reservations:")
        );
        for f in o.failed {
            let _ = writeln!(out, "  ✗ {}", safe(&f.text));
        }
    }
    if !o.not_on_table.is_empty() {
        let names: Vec<String> = o
            .not_on_table
            .iter()
            .map(|a| safe(&a.name).into_owned())
            .collect();
        let _ = writeln!(
            out,
            "\n{} {}",
            tr!(
                "Niet op tafel op deze dag:",
                "Not on the table on this day:"
            ),
            names.join(", ")
        );
    }
    if !open.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            tr!("Vast te stellen feiten:", "Facts to establish:")
        );
        for f in open {
            let _ = writeln!(out, "  {}: {}", f.name, safe(&f.question));
        }
    }
}

/// The `explain` tree for each answer: the verdict, the plain answer, every rule in force with
/// its source, status, quote, selector and condition with the value of every part; the rules
/// that do not bind and why; the assumptions; the facts to establish.
pub fn explain_text(answers: &[Answer]) -> String {
    answers
        .iter()
        .map(explain_one)
        .collect::<Vec<_>>()
        .join("\n")
}

fn explain_one(a: &Answer) -> String {
    let mut out = format!(
        "{} ({}), {}, {} {}: {}\n\n",
        safe(&a.agreement.name),
        a.agreement.id,
        a.action_text,
        tr!("op", "on"),
        a.date,
        a.verdict_text
    );
    out.push_str(&wrap(&safe(&a.plain), WIDTH, ""));
    out.push('\n');
    if a.rules.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                "Geen regel in kracht spreekt over deze handeling.",
                "No rule in force speaks of this action."
            )
        );
    }
    for r in &a.rules {
        rule_block(&mut out, r);
    }
    if !a.not_in_force.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!("Niet (meer) van kracht:", "Not (or no longer) in force:")
        );
        for i in &a.not_in_force {
            let _ = writeln!(out, "  {}: {}", i.rule.id, safe(&i.text));
            if let Some(q) = &i.quote {
                let _ = writeln!(out, "    {}: \"{}\"", tr!("bron", "source"), safe(q));
            }
        }
        out.push('\n');
    }
    if !a.assumptions.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "Aannames waar dit oordeel op rust:",
                "Assumptions this verdict rests on:"
            )
        );
        for x in &a.assumptions {
            let _ = writeln!(
                out,
                "  - {}: {} ({})",
                safe(&x.what),
                safe(&x.reason),
                x.place
            );
        }
        out.push('\n');
    }
    if !a.open.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!("Vast te stellen feiten:", "Facts to establish:")
        );
        for f in &a.open {
            let _ = writeln!(out, "  {}: {}", f.name, safe(&f.question));
        }
    }
    out
}

fn rule_block(out: &mut String, r: &RuleResult) {
    let s = &r.rule.source;
    let _ = writeln!(out, "{} {}: {}", mark(r.value), r.rule.id, r.state_text);
    let _ = writeln!(
        out,
        "  {} \"{}\", {} {}",
        s.kind_text,
        safe(&s.title),
        s.meeting,
        s.date
    );
    if let Some(vote) = &s.vote {
        let _ = writeln!(out, "  {vote}");
    }
    for status in &s.status {
        let _ = writeln!(out, "  {}", safe(status));
    }
    let _ = writeln!(
        out,
        "  {}: \"{}\"",
        tr!("bron", "source"),
        safe(&r.rule.quote)
    );
    if !r.selector.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {} — {}",
            tr!("geldt voor", "applies to"),
            safe(&r.selector),
            value_word(r.applies)
        );
        for p in &r.selector_parts {
            let _ = writeln!(out, "    {} {}", mark(p.value), part_line(p));
        }
    }
    let _ = writeln!(
        out,
        "  {}: {} — {}",
        tr!("voorwaarde", "condition"),
        safe(&r.condition),
        value_word(r.holds)
    );
    if r.tree.is_empty() {
        for p in &r.because {
            for f in &p.facts {
                fact_line(out, f, "    ");
            }
        }
    }
    tree(out, &r.tree, "    ");
    if let Some(res) = &r.reservation {
        let _ = writeln!(
            out,
            "  {} \"{}\" {}",
            tr!("onder voorbehoud:", "under reservation:"),
            safe(res),
            tr!(
                "(mag na de handeling nog worden vervuld)",
                "(may still be met after the action)"
            )
        );
    }
    out.push('\n');
}

fn tree(out: &mut String, nodes: &[TreeNode], indent: &str) {
    for n in nodes {
        let _ = writeln!(
            out,
            "{indent}{} {} — {}",
            mark(n.value),
            safe(&n.condition),
            value_word(n.value)
        );
        for f in &n.facts {
            fact_line(out, f, &format!("{indent}  "));
        }
        tree(out, &n.parts, &format!("{indent}  "));
    }
}

fn fact_line(out: &mut String, f: &crate::answer::FactInfo, indent: &str) {
    let mut line = format!("{indent}{} = {}", f.name, safe(&f.value_text));
    if let Some(since) = &f.since {
        let _ = write!(line, " ({} {since})", tr!("sinds", "since"));
    }
    if let Some(source) = &f.source {
        let _ = write!(line, " [{}: {}]", tr!("bron", "source"), safe(source));
    }
    if let Some(a) = &f.assumption {
        let _ = write!(line, " [{}: {}]", tr!("aanname", "assumption"), safe(a));
    }
    if f.value.is_null() {
        let _ = write!(
            line,
            " — {}: {}",
            tr!("vraag", "question"),
            safe(&f.question)
        );
    }
    let _ = writeln!(out, "{line}");
}

/// The timeline: one block per period with its dates, verdict, what opened it, and what stands
/// in the way.
pub fn timeline_text(timelines: &[TimelineAnswer]) -> String {
    timelines
        .iter()
        .map(timeline_one)
        .collect::<Vec<_>>()
        .join("\n")
}

fn timeline_one(t: &TimelineAnswer) -> String {
    let mut out = format!(
        "{} ({}), {}\n\n",
        safe(&t.agreement.name),
        t.agreement.id,
        t.action_text
    );
    for p in &t.periods {
        let span = match (&p.from, &p.until) {
            (None, None) => tr!("altijd", "always"),
            (None, Some(u)) => tr!("t/m {u}", "until {u}"),
            (Some(f), None) => tr!("vanaf {f}", "from {f}"),
            (Some(f), Some(u)) => tr!("{f} t/m {u}", "{f} to {u}"),
        };
        let _ = writeln!(out, "{span:26}  {}", p.verdict_text);
        if !p.opened_by.is_empty() {
            let opened: Vec<String> = p
                .opened_by
                .iter()
                .map(|h| safe(&h.text).into_owned())
                .collect();
            let _ = writeln!(out, "  {}: {}", tr!("door", "by"), opened.join("; "));
        }
        if p.verdict == Verdict::Mag {
            let _ = writeln!(out, "  ({})", satisfied(p.satisfied));
        } else {
            obstacle_lines(&mut out, &p.obstacles, "  ");
        }
    }
    out
}

/// The audit: every recorded action, whether the rules allowed it that day, what became of its
/// reservations, and if something is wrong, why.
pub fn audit_text(a: &AuditAnswer) -> String {
    let date = &a.date;
    let mut out = tr!(
        "Vastgelegde handelingen, gevolgd tot {date}\n\n",
        "Recorded actions, followed up to {date}\n\n"
    );
    for r in &a.records {
        let by = r.by.as_ref().map_or(String::new(), |b| {
            format!(" {} {}", tr!("door", "by"), safe(b))
        });
        let _ = writeln!(
            out,
            "{} {}  {}  {}{by}: {} {}",
            if r.in_order { "✓" } else { "✗" },
            r.date,
            safe(&r.agreement.name),
            r.action_text,
            tr!("oordeel die dag", "verdict that day"),
            r.verdict_text
        );
        if !r.under.is_empty() {
            let names: Vec<&str> = r.under.iter().map(|u| u.id.as_str()).collect();
            let _ = writeln!(
                out,
                "    {}: {}",
                tr!(
                    "genomen onder voorbehoud van",
                    "taken under the reservation of"
                ),
                names.join(", ")
            );
        }
        if !r.unnamed.is_empty() {
            let names: Vec<&str> = r.unnamed.iter().map(|u| u.id.as_str()).collect();
            let _ = writeln!(
                out,
                "    {}: {}",
                tr!(
                    "open voorbehoud dat de vastlegging niet noemt",
                    "open reservation the record does not name"
                ),
                names.join(", ")
            );
        }
        for f in &r.reservations {
            let sign = match f.state.as_str() {
                "vervuld" => "✓",
                "vervallen" => "✗",
                _ => "◇",
            };
            let _ = writeln!(out, "    {sign} {}", safe(&f.text));
        }
        if !r.allowed {
            obstacle_lines(&mut out, &r.obstacles, "    ");
        }
    }
    let n = a.records.len();
    let wrong = a.not_in_order;
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            "{n} handelingen, {wrong} niet in orde (zonder instemming van de regels, of met een vervallen voorbehoud)",
            "{n} actions, {wrong} not in order (without the rules' consent, or with a failed reservation)"
        )
    );
    out
}
