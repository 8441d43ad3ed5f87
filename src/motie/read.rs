//! Reading a motion in the VNG's standard form: the title, who adopted it and when, and the
//! operative paragraphs ("verzoekt het bestuur …", "spreekt uit …"), each with its exact text.
//! The considerations ("constaterende dat …") are passed over: they condition nothing.

use jiff::civil::Date;

use super::dictum::operative;
use super::lines::{Kind, Line, OPERATIVE, find_word, lines, starts_with_word};
use crate::ast::SourceKind;

/// What a motion's text says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Motion {
    /// The title, as the document gives it.
    pub title: Option<String>,
    /// `motie` or `resolutie`, as the text calls itself.
    pub kind: Option<SourceKind>,
    /// Who adopted it: `ALV`, `BALV` or `bestuur`.
    pub body: Option<String>,
    /// When.
    pub date: Option<Date>,
    /// The operative paragraphs, in document order.
    pub operative: Vec<Paragraph>,
}

/// One operative paragraph: one sentence the members adopted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its enumerator in the document (`a`, `1`), if it has one.
    pub label: Option<String>,
    /// The text exactly as in the document, whitespace collapsed.
    pub text: String,
    /// The line it starts on, from 1.
    pub line: usize,
}

/// Reads what the text says; parts it cannot find are `None` (or no paragraphs).
pub fn read(text: &str) -> Motion {
    let mut lines = lines(text.strip_prefix('\u{feff}').unwrap_or(text));
    split_preamble(&mut lines);
    let first_section = lines
        .iter()
        .position(|l| matches!(l.kind, Kind::Consideration | Kind::Operative))
        .unwrap_or(lines.len());
    let head = &lines[..first_section];
    let title_end = head
        .iter()
        .position(|l| !matches!(l.kind, Kind::Text | Kind::Item(..) | Kind::Blank))
        .unwrap_or(head.len());
    let (title, kind) = title(&head[..title_end]);
    let mut meeting: Vec<&Line> = head.iter().collect();
    meeting.extend(
        lines
            .iter()
            .filter(|l| l.kind == Kind::Heading && starts_with_word(&l.text, "aldus")),
    );
    Motion {
        title,
        kind: kind.or_else(|| kind_in(&head[title_end..])),
        body: body(&meeting),
        date: date(&meeting),
        operative: operative(&lines[first_section..]),
    }
}

/// In a preamble that runs on into the operative part ("De ALV roept het bestuur op …"), the
/// verb starts a line of its own.
fn split_preamble(lines: &mut Vec<Line>) {
    let Some(start) = lines.iter().position(|l| {
        matches!(
            l.kind,
            Kind::Preamble | Kind::Consideration | Kind::Operative
        )
    }) else {
        return;
    };
    if lines[start].kind != Kind::Preamble {
        return;
    }
    let verbs = OPERATIVE.iter().filter(|v| !v.contains(' '));
    for i in start..lines.len() {
        if !matches!(lines[i].kind, Kind::Preamble | Kind::Text | Kind::Blank) {
            return;
        }
        let lower = lines[i].text.to_ascii_lowercase();
        let at = verbs
            .clone()
            .filter_map(|v| find_word(&lower, v))
            .filter(|&at| at > 0)
            .min();
        if let Some(at) = at {
            let rest = lines[i].text.split_off(at);
            lines[i].whole = lines[i].text.clone();
            let number = lines[i].number;
            lines.insert(
                i + 1,
                Line {
                    number,
                    kind: Kind::Operative,
                    text: rest.clone(),
                    whole: rest,
                },
            );
            return;
        }
    }
}

/// The title and the kind the title block gives: the quoted name on the line that says
/// `Motie` or `Resolutie`, or else that line's words after it, or else the first line.
fn title(block: &[Line]) -> (Option<String>, Option<SourceKind>) {
    let texts: Vec<&str> = block
        .iter()
        .filter(|l| l.kind != Kind::Blank)
        .map(|l| l.text.as_str())
        .collect();
    let named = texts.iter().enumerate().find_map(|(i, t)| {
        let lower = t.to_ascii_lowercase();
        let kinds = [
            ("resolutie", SourceKind::Resolution),
            ("motie", SourceKind::Motion),
        ];
        kinds
            .iter()
            .filter_map(|(w, k)| find_word(&lower, w).map(|at| (at, w.len(), *k)))
            .min()
            .map(|(at, len, k)| (i, at + len, k))
    });
    let Some((i, after, kind)) = named else {
        let first = texts
            .first()
            .map(|t| quoted(&texts).unwrap_or_else(|| t.to_string()));
        return (first.and_then(clean_title), None);
    };
    let title = quoted(&texts[i..])
        .or_else(|| {
            let rest = texts[i][after..].trim_start_matches([' ', ':', '-', '–', '—']);
            let rest = cut_meeting(rest);
            (!rest.is_empty())
                .then(|| rest.to_string())
                .or_else(|| texts.get(i + 1).map(|t| t.to_string()))
        })
        .and_then(clean_title);
    (title, Some(kind))
}

/// The quoted text that opens on the first of `texts`; it may run on over the following ones.
fn quoted(texts: &[&str]) -> Option<String> {
    const PAIRS: [(char, char); 5] = [('“', '”'), ('„', '”'), ('"', '"'), ('‘', '’'), ('«', '»')];
    let first = texts.first()?;
    let (open_at, close) = PAIRS
        .iter()
        .filter_map(|(o, c)| first.find(*o).map(|at| (at + o.len_utf8(), *c)))
        .min_by_key(|(at, _)| *at)?;
    let joined = texts.join(" ");
    let inner = &joined[open_at..];
    inner.find(close).map(|end| inner[..end].to_string())
}

/// "Voorbeeld, ALV 5 juni 2099" is titled "Voorbeeld": the meeting after a comma is not part
/// of the title.
fn cut_meeting(title: &str) -> &str {
    match title.find(", ") {
        Some(at) if body_in(&title[at..]).is_some() || find_date(&title[at..]).is_some() => {
            &title[..at]
        }
        _ => title,
    }
}

fn clean_title(title: String) -> Option<String> {
    let t = title.trim().trim_end_matches(['.', ':', ',', ';']).trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The kind named in the preamble ("… neemt de volgende resolutie aan"), if any.
fn kind_in(lines: &[Line]) -> Option<SourceKind> {
    let text = lines
        .iter()
        .map(|l| l.text.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let resolution = find_word(&text, "resolutie");
    let motion = find_word(&text, "motie");
    match (resolution, motion) {
        (Some(r), Some(m)) if m < r => Some(SourceKind::Motion),
        (Some(_), _) => Some(SourceKind::Resolution),
        (None, Some(_)) => Some(SourceKind::Motion),
        (None, None) => None,
    }
}

/// `BALV`, `ALV` or `bestuur`, from the lines about the meeting.
fn body(lines: &[&Line]) -> Option<String> {
    let text = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    body_in(&text).map(str::to_string)
}

fn body_in(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    let has = |w: &str| find_word(&lower, w).is_some();
    if has("buitengewone algemene ledenvergadering")
        || has("buitengewone ledenvergadering")
        || has("buitengewone alv")
        || has("balv")
    {
        Some("BALV")
    } else if has("ledenvergadering") || has("alv") {
        Some("ALV")
    } else if has("bestuur") && (has("vergadering") || has("bijeen")) {
        Some("bestuur")
    } else {
        None
    }
}

/// The meeting's date: the first date on a line that speaks of the meeting, else the first
/// date in these lines.
fn date(lines: &[&Line]) -> Option<Date> {
    let about_meeting = |l: &&&Line| {
        let lower = l.text.to_ascii_lowercase();
        ["bijeen", "vergadering", "alv", "aldus"]
            .iter()
            .any(|w| lower.contains(w))
    };
    lines
        .iter()
        .filter(about_meeting)
        .chain(lines.iter())
        .find_map(|l| find_date(&l.text))
}

/// The first date in `text`: `27 juni 2018`, `27 jun. 2018`, `2018-06-27`, `27-06-2018`.
pub(super) fn find_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| ",;:()[]".contains(c)))
        .collect();
    (0..words.len()).find_map(|i| {
        numeric_date(words[i]).or_else(|| {
            let day: i8 = words[i].parse().ok()?;
            let month = month(words.get(i + 1)?)?;
            let year = words.get(i + 2)?.trim_end_matches('.');
            let year: i16 = (year.len() == 4).then(|| year.parse().ok())??;
            Date::new(year, month, day).ok()
        })
    })
}

fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    let i = crate::answer::MONTHS_NL.iter().position(|m| {
        *m == w || (w.len() >= 3 && m.starts_with(&w)) || (w == "mrt" && *m == "maart")
    })?;
    i8::try_from(i + 1).ok()
}

/// `2018-06-27`, `27-06-2018` or `27/06/2018`.
fn numeric_date(word: &str) -> Option<Date> {
    let word = word.trim_end_matches('.');
    let parts: Vec<&str> = word.split(['-', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(digits(a) && digits(b) && digits(c)) {
        return None;
    }
    let (y, m, d) = match (a.len(), c.len()) {
        (4, 1..=2) => (*a, *b, *c),
        (1..=2, 4) => (*c, *b, *a),
        _ => return None,
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_documents_write_them() {
        let d = |t: &str| find_date(t).map(|d| d.to_string());
        assert_eq!(
            d("bijeen op 27 juni 2018 te Lelystad"),
            Some("2018-06-27".into())
        );
        assert_eq!(d("op 5 dec. 2019,"), Some("2019-12-05".into()));
        assert_eq!(d("(2024-11-29)"), Some("2024-11-29".into()));
        assert_eq!(d("op 30-11-2018"), Some("2018-11-30".into()));
        assert_eq!(d("op 31 juni 2018"), None);
        assert_eq!(d("op 27 juni jl."), None);
    }

    #[test]
    fn a_preamble_that_runs_on_into_the_request() {
        let m = read(
            "Motie Voorbeeld, ALV 5 juni 2099.\n\nDe ALV roept het bestuur op het \
             Voorbeeldakkoord\npas te ondertekenen als het kabinet de kosten vergoedt.\n",
        );
        assert_eq!(m.title.as_deref(), Some("Voorbeeld"));
        assert_eq!(m.kind, Some(SourceKind::Motion));
        assert_eq!(m.body.as_deref(), Some("ALV"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2099-06-05"));
        let texts: Vec<&str> = m.operative.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "roept het bestuur op het Voorbeeldakkoord pas te ondertekenen als het kabinet de kosten vergoedt."
            ]
        );
    }

    #[test]
    fn items_with_sub_items_and_a_closing_formula() {
        let m = read(
            "Resolutie “Eerst geld”\n\nDe Buitengewone Algemene Ledenvergadering, bijeen op \
             30 november 2018,\n\nconstaterende dat:\n- het tekort groeit;\n\nverzoekt het \
             bestuur:\na. niet te tekenen\n\nvoordat het geld er is, waarbij:\n  o het geld \
             structureel is;\nb. te rapporteren; en\n\nen gaat over tot de orde van de dag.\n",
        );
        assert_eq!(m.title.as_deref(), Some("Eerst geld"));
        assert_eq!(m.kind, Some(SourceKind::Resolution));
        assert_eq!(m.body.as_deref(), Some("BALV"));
        let got: Vec<(Option<&str>, &str, usize)> = m
            .operative
            .iter()
            .map(|p| (p.label.as_deref(), p.text.as_str(), p.line))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("a"),
                    "niet te tekenen voordat het geld er is, waarbij: o het geld structureel is",
                    9
                ),
                (Some("b"), "te rapporteren", 13),
            ]
        );
    }
}
