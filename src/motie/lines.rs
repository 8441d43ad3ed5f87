//! A motion's text as lines, each sorted into what it starts: a blank, a marker of the standard
//! form ("constaterende dat", "verzoekt het bestuur", "en gaat over tot de orde van de dag"),
//! an enumerated item (`a.`, `1)`, `-`, `•`), or plain text. Whitespace inside a line is
//! collapsed, as the quote checker collapses it.

/// One line of the document, whitespace collapsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Line {
    /// Its number in the document, from 1.
    pub number: usize,
    /// What it starts.
    pub kind: Kind,
    /// The text, whitespace collapsed (for an item: without its enumerator).
    pub text: String,
    /// The whole line, whitespace collapsed.
    pub whole: String,
}

/// What a line starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Nothing but whitespace.
    Blank,
    /// `De algemene ledenvergadering van de VNG, …`: who speaks.
    Preamble,
    /// `constaterende dat`, `overwegende dat`, `van mening dat`, …
    Consideration,
    /// `verzoekt het bestuur`, `roept het bestuur op`, `spreekt uit`, `draagt … op`, `besluit`, …
    Operative,
    /// `… en gaat over tot de orde van de dag`: the motion ends (the text is what comes before).
    Closing,
    /// `Toelichting`, `Ingediend door`, `Aldus besloten …`: the motion's own text has ended.
    Heading,
    /// An enumerated item: its style and label (`a`, `1`; none for a bullet).
    Item(Style, Option<String>),
    /// Anything else.
    Text,
}

/// How an item is enumerated; items of another style than a list's first are sub-items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    /// `a.`, `b)`, `(c)`
    Letter,
    /// `1.`, `2)`, `(3)`
    Number,
    /// `-`, `•`, `o`, …: the bullet character
    Bullet(char),
}

/// Words that open the preamble: who adopts the motion.
const PREAMBLE: [&str; 10] = [
    "de algemene ledenvergadering",
    "de buitengewone algemene ledenvergadering",
    "de buitengewone ledenvergadering",
    "de ledenvergadering",
    "de alv",
    "de balv",
    "de leden",
    "het bestuur van de vng",
    "het vng-bestuur",
    "de vereniging",
];

/// Words that open the considerations.
const CONSIDERATION: [&str; 18] = [
    "constaterende",
    "constateert",
    "overwegende",
    "voorts overwegende",
    "overweegt",
    "van mening",
    "is van mening",
    "van oordeel",
    "gelet op",
    "gehoord",
    "kennis genomen",
    "kennisgenomen",
    "gezien",
    "in aanmerking nemende",
    "concluderende",
    "concludeert",
    "erkennende",
    "benadrukkende",
];

/// Words that open the operative part: what the members declare or ask.
pub(super) const OPERATIVE: [&str; 20] = [
    "verzoekt",
    "verzoeken",
    "verzoek aan",
    "roept",
    "roepen",
    "oproep aan",
    "spreekt",
    "spreken",
    "uitspraak",
    "draagt",
    "dragen",
    "besluit",
    "besluiten",
    "vraagt",
    "vragen",
    "geeft het bestuur",
    "geven het bestuur",
    "opdracht aan",
    "stelt het bestuur",
    "dictum",
];

/// Headings after the operative part: the motion's own text has ended.
const END_HEADINGS: [&str; 12] = [
    "toelichting",
    "ondertekend",
    "ondertekenaars",
    "indiener",
    "indieners",
    "mede-indieners",
    "ingediend door",
    "namens",
    "aldus",
    "bijlage",
    "bijlagen",
    "preadvies",
];

/// The closing formula; the operative part ends where it starts.
const CLOSING: [&str; 3] = [
    "en gaat over tot de orde",
    "en gaan over tot de orde",
    "gaat over tot de orde",
];

/// Words that also go on a wrapped sentence ("… af te / spreken dat …", "elk onderwerp / vraagt
/// zijn eigen …"): taken as a marker only right after a line that ends a clause, not after a
/// blank line alone (text taken from a PDF has blank lines inside sentences).
const WEAK: [&str; 13] = [
    "spreken",
    "vraagt",
    "vragen",
    "besluit",
    "besluiten",
    "dragen",
    "gezien",
    "gehoord",
    "gelet op",
    "geeft het bestuur",
    "geven het bestuur",
    "opdracht aan",
    "stelt het bestuur",
];

/// Where a line stands: may a marker start it?
#[derive(Clone, Copy)]
struct After {
    /// The last line with text ended a clause (`.`, `;`, `:`, `,`, `!`, `?`), or there was none.
    clause: bool,
    /// A blank line came between.
    blank: bool,
}

impl After {
    /// True when `phrase` starts `line` and may be a marker here.
    fn marks(self, line: &str, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| {
            starts_with_word(line, p) && (self.clause || (self.blank && !WEAK.contains(p)))
        })
    }
}

/// The document's lines, sorted. A marker is only taken as one where a new clause can start:
/// at the top, after a line that ends a clause, or (unless it is [`WEAK`]) after a blank line;
/// a wrapped sentence that happens to go on with "gezien" stays text.
pub(super) fn lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut after = After {
        clause: true,
        blank: true,
    };
    for (i, raw) in text.lines().enumerate() {
        let squashed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let number = i + 1;
        if squashed.is_empty() {
            out.push(Line {
                number,
                kind: Kind::Blank,
                text: String::new(),
                whole: squashed,
            });
            after.blank = true;
            continue;
        }
        let (kind, text) = classify(&squashed, after);
        after = After {
            clause: squashed.ends_with(['.', ';', ':', ',', '!', '?']),
            blank: false,
        };
        out.push(Line {
            number,
            kind,
            text,
            whole: squashed,
        });
    }
    out
}

fn classify(line: &str, after: After) -> (Kind, String) {
    if let Some(before) = closing_at(line) {
        return (Kind::Closing, line[..before].trim_end().to_string());
    }
    let kinds: [(&[&str], Kind); 4] = [
        (&END_HEADINGS, Kind::Heading),
        (&PREAMBLE, Kind::Preamble),
        (&CONSIDERATION, Kind::Consideration),
        (&OPERATIVE, Kind::Operative),
    ];
    if let Some((_, kind)) = kinds.into_iter().find(|(p, _)| after.marks(line, p)) {
        return (kind, line.to_string());
    }
    match enumerator(line) {
        Some((style, label, rest)) => (Kind::Item(style, label), rest.to_string()),
        None => (Kind::Text, line.to_string()),
    }
}

/// Where the closing formula starts in `line`, if it is there.
pub(super) fn closing_at(line: &str) -> Option<usize> {
    let lower = line.to_ascii_lowercase();
    CLOSING.iter().find_map(|c| find_word(&lower, c))
}

/// True when `line` starts with `phrase` (ASCII case ignored) followed by a non-letter.
pub(super) fn starts_with_word(line: &str, phrase: &str) -> bool {
    line.get(..phrase.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(phrase))
        && line[phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '-')
}

/// The byte offset of `word` (lowercase) in `lower` as whole words, if it occurs.
pub(super) fn find_word(lower: &str, word: &str) -> Option<usize> {
    lower.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The enumerator that starts a line: `a.`, `b)`, `(c)`, `1.`, `2)`, `(3)`, or a bullet
/// (`-`, `–`, `•`, `*`, `o`, …) followed by a space; with the label and the rest of the line.
fn enumerator(line: &str) -> Option<(Style, Option<String>, &str)> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    if "-–—•*·▪●◦►o".contains(first) {
        let rest = &line[first.len_utf8()..];
        return rest
            .strip_prefix(' ')
            .map(|rest| (Style::Bullet(first), None, rest));
    }
    let body = line.strip_prefix('(').unwrap_or(line);
    let label: String = body
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let style =
        if !label.is_empty() && label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit()) {
            Style::Number
        } else if label.len() == 1 && label.chars().all(|c| c.is_ascii_alphabetic()) {
            Style::Letter
        } else {
            return None;
        };
    let after = &body[label.len()..];
    let rest = after
        .strip_prefix(". ")
        .or_else(|| after.strip_prefix(") "))
        .filter(|r| !r.is_empty())?;
    Some((style, Some(label.to_ascii_lowercase()), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        lines(text).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn markers_are_read_where_a_clause_starts() {
        let text = "De ALV van de VNG,\nconstaterende dat het regent;\nverzoekt het bestuur:\n\
                    a. niet te tekenen;\n- ook niet\nen gaat over tot de orde van de dag.";
        assert_eq!(
            kinds(text),
            vec![
                Kind::Preamble,
                Kind::Consideration,
                Kind::Operative,
                Kind::Item(Style::Letter, Some("a".into())),
                Kind::Item(Style::Bullet('-'), None),
                Kind::Closing,
            ]
        );
    }

    #[test]
    fn a_wrapped_sentence_that_goes_on_with_a_marker_word_stays_text() {
        assert_eq!(
            kinds("a. dit akkoord niet te tekenen\ngezien de tekorten."),
            vec![Kind::Item(Style::Letter, Some("a".into())), Kind::Text]
        );
    }

    #[test]
    fn a_weak_marker_after_a_blank_line_inside_a_sentence_stays_text() {
        assert_eq!(
            kinds("- met het kabinet af te\n\nspreken dat het zo is\n\nverzoekt het bestuur"),
            vec![
                Kind::Item(Style::Bullet('-'), None),
                Kind::Blank,
                Kind::Text,
                Kind::Blank,
                Kind::Operative,
            ]
        );
    }

    #[test]
    fn enumerators_in_their_forms() {
        assert_eq!(
            enumerator("(2) twee"),
            Some((Style::Number, Some("2".into()), "twee"))
        );
        assert_eq!(
            enumerator("B) bee"),
            Some((Style::Letter, Some("b".into()), "bee"))
        );
        assert_eq!(
            enumerator("• punt"),
            Some((Style::Bullet('•'), None, "punt"))
        );
        assert_eq!(enumerator("o.a. niet"), None);
        assert_eq!(enumerator("2018. Jaar"), None);
        assert_eq!(enumerator("ook niet"), None);
    }

    #[test]
    fn the_closing_formula_cuts_the_line() {
        let l = lines("te tekenen, en gaat over tot de orde van de dag.");
        assert_eq!(l[0].kind, Kind::Closing);
        assert_eq!(l[0].text, "te tekenen,");
    }
}
