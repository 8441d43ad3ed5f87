//! Text for recording: what `akkoord stel` wrote and the verdicts it changed, the agreement
//! `akkoord nieuw-akkoord` put on the table, and the questions and prompts of `akkoord vragen`.

use std::fmt::Write as _;

use crate::answer::{NewAgreementAnswer, QuestionInfo, RecordAnswer, VerdictInfo, WrittenInfo};
use crate::terminal::safe;
use crate::tr;

use super::staff::difference_text;

/// What was written, then the verdicts that changed, as `akkoord diff` prints them.
pub fn record_text(r: &RecordAnswer) -> String {
    let mut out = tr!("Vastgelegd in {}:\n", "Recorded in {}:\n", safe(&r.file));
    for w in &r.written {
        let _ = writeln!(out, "  {}", written_line(w));
    }
    out.push('\n');
    out.push_str(&changed_text(r));
    out
}

/// Before writing the answers of `akkoord vragen`: what will be written, and what it changes.
pub fn answers_text(r: &RecordAnswer) -> String {
    let mut out = tr!(
        "\nTe schrijven naar {}:\n",
        "\nTo be written to {}:\n",
        safe(&r.file)
    );
    for w in &r.written {
        let _ = writeln!(out, "  {}", written_line(w));
    }
    out.push('\n');
    out.push_str(&changed_text(r));
    out
}

/// The verdicts that changed, or that none did.
pub fn changed_text(r: &RecordAnswer) -> String {
    let date = &r.date;
    if r.changed.is_empty() {
        return tr!(
            "Geen oordelen veranderd op {date}.\n",
            "No verdicts changed on {date}.\n"
        );
    }
    let mut out = tr!(
        "Oordelen die veranderen op {date}:\n",
        "Verdicts that change on {date}:\n"
    );
    for c in &r.changed {
        out.push_str(&difference_text(&c.difference, &[c.facts.join(", ")]));
    }
    let n = r.changed.len();
    let _ = writeln!(
        out,
        "\n{}",
        match n {
            1 => tr!("1 oordeel veranderd", "1 verdict changed"),
            n => tr!("{n} oordelen veranderd", "{n} verdicts changed"),
        }
    );
    out
}

/// `x(ggz) = ja, sinds 2019-06-01, bron: …`, with what the value replaced or gives way to.
fn written_line(w: &WrittenInfo) -> String {
    let today = if w.since_today {
        tr!(" (vandaag)", " (today)")
    } else {
        String::new()
    };
    let mut line = tr!(
        "{} = {}, sinds {}{today}",
        "{} = {}, since {}{today}",
        w.name,
        safe(&w.value_text),
        w.since
    );
    if let Some(source) = &w.source {
        line.push_str(&tr!(", bron: {}", ", source: {}", safe(source)));
    }
    if let Some(assumption) = &w.assumption {
        line.push_str(&tr!(", aanname: {}", ", assumption: {}", safe(assumption)));
    }
    if let Some(until) = &w.until {
        line.push_str(&tr!(
            "; geldt tot {until}, wanneer een latere waarde ingaat",
            "; holds until {until}, when a later value takes over"
        ));
    }
    if let Some(r) = &w.replaced {
        let source = r
            .source
            .as_ref()
            .map_or(String::new(), |s| format!(" ({})", safe(s)));
        line.push_str(&tr!(
            "; correctie van {}{source}, die onder `vervangt` in het bestand blijft",
            "; correcting {}{source}, which stays in the file under `vervangt`",
            safe(&r.value_text)
        ));
    }
    line
}

/// The new agreement, its attributes, and its verdicts.
pub fn new_agreement_text(n: &NewAgreementAnswer) -> String {
    let today = if n.since_today {
        tr!(" (vandaag)", " (today)")
    } else {
        String::new()
    };
    let mut out = tr!(
        "Op tafel gelegd in {}: {} ({})",
        "Put on the table in {}: {} ({})",
        safe(&n.file),
        safe(&n.agreement.name),
        n.agreement.id
    );
    if let Some(since) = &n.since {
        out.push_str(&tr!(", sinds {since}{today}", ", since {since}{today}"));
    }
    if let Some(source) = &n.source {
        out.push_str(&tr!(", bron: {}", ", source: {}", safe(source)));
    }
    if let Some(assumption) = &n.assumption {
        out.push_str(&tr!(", aanname: {}", ", assumption: {}", safe(assumption)));
    }
    out.push('\n');
    for a in &n.attributes {
        let _ = writeln!(out, "  {} = {}", a.name, safe(&a.value_text));
    }
    let date = &n.date;
    out.push('\n');
    if !n.on_table {
        out.push_str(&tr!(
            "Op {date} ligt het nog niet op tafel: dan krijgt het geen oordeel.\n",
            "On {date} it is not yet on the table: it gets no verdict then.\n"
        ));
    } else if n.verdicts.is_empty() {
        out.push_str(&tr!(
            "Op {date} spreekt geen regel over dit akkoord.\n",
            "On {date} no rule speaks of this agreement.\n"
        ));
    } else {
        out.push_str(&tr!("Oordelen op {date}:\n", "Verdicts on {date}:\n"));
        for v in &n.verdicts {
            let _ = writeln!(out, "  {}", verdict_line(v));
        }
    }
    out
}

/// `Hoofdlijnenakkoord GGZ, ondertekening: niet`
fn verdict_line(v: &VerdictInfo) -> String {
    format!(
        "{}, {}: {}",
        safe(&v.agreement.name),
        v.action_text,
        v.verdict_text
    )
}

/// A question: the fact's question, its type and value now, what *mag* needs, the verdicts it
/// bears on; then the prompt for the answer.
pub fn question_text(number: usize, q: &QuestionInfo) -> String {
    let about = q
        .agreement
        .as_ref()
        .map_or(String::new(), |a| format!(" ({})", safe(&a.name)));
    let mut out = tr!(
        "\nVraag {number}{about}: {}\n",
        "\nQuestion {number}{about}: {}\n",
        safe(&q.question)
    );
    let _ = writeln!(
        out,
        "  {}",
        tr!(
            "feit {} ({}), nu: {}",
            "fact {} ({}), now: {}",
            q.name,
            q.kind,
            safe(&q.now)
        )
    );
    if let Some(needed) = &q.needed {
        let _ = writeln!(out, "  {}", tr!("nodig: {needed}", "needed: {needed}"));
    }
    for v in &q.about {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr!("speelt bij", "bears on"),
            verdict_line(v)
        );
    }
    out.push_str(&answer_prompt(q));
    out
}

/// The prompt for an answer: the day it holds from and the answers it takes.
pub fn answer_prompt(q: &QuestionInfo) -> String {
    tr!(
        "  Antwoord per {} ({}; leeg: overslaan): ",
        "  Answer as of {} ({}; empty: skip): ",
        q.date,
        q.answers
    )
}

/// The prompt for an answer's source; `default` is taken when the line is left empty.
pub fn source_prompt(default: Option<&str>) -> String {
    match default {
        Some(d) => tr!(
            "  Bron (of `aanname: waarom`; leeg: {}): ",
            "  Source (or `aanname: why`; empty: {}): ",
            safe(d)
        ),
        None => tr!(
            "  Bron (of `aanname: waarom`): ",
            "  Source (or `aanname: why`): "
        ),
    }
}

/// The verdicts after an answer, each with the one before when it changed.
pub fn after_answer_text(before: &[VerdictInfo], after: &[VerdictInfo]) -> String {
    let mut out = String::new();
    for (b, a) in before.iter().zip(after) {
        let line = if b.verdict == a.verdict {
            tr!(
                "  → {}, {}: {} (ongewijzigd)\n",
                "  → {}, {}: {} (unchanged)\n",
                safe(&a.agreement.name),
                a.action_text,
                a.verdict_text
            )
        } else {
            format!(
                "  → {}, {}: {} → {}\n",
                safe(&a.agreement.name),
                a.action_text,
                b.verdict_text,
                a.verdict_text
            )
        };
        out.push_str(&line);
    }
    out
}

/// The question before writing: how many answers, to which file.
pub fn confirm_prompt(answers: usize, file: &str) -> String {
    match answers {
        1 => tr!(
            "\n1 antwoord schrijven naar {}? (ja/nee): ",
            "\nWrite 1 answer to {}? (ja/nee): ",
            safe(file)
        ),
        n => tr!(
            "\n{n} antwoorden schrijven naar {}? (ja/nee): ",
            "\nWrite {n} answers to {}? (ja/nee): ",
            safe(file)
        ),
    }
}
