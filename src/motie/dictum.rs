//! The operative part (the *dictum*): what the members declare or ask, paragraph by paragraph,
//! each with its exact text. The considerations between the sections are passed over.

use super::lines::{Kind, Line};
use super::read::Paragraph;

/// The operative paragraphs of every operative section; the considerations are skipped, and
/// reading stops at the closing formula or a heading such as `Toelichting`.
pub(super) fn operative(lines: &[Line]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match lines[i].kind {
            Kind::Operative => {
                let end = section_end(lines, i + 1);
                let closing = lines.get(end).filter(|l| l.kind == Kind::Closing);
                let mut body: Vec<&Line> = lines[i + 1..end].iter().collect();
                body.extend(closing);
                out.extend(section(&lines[i], &body));
                if closing.is_some() {
                    break;
                }
                i = end;
            }
            Kind::Closing | Kind::Heading => break,
            _ => i += 1,
        }
    }
    out
}

/// The index of the line that ends a section whose body starts at `from`.
fn section_end(lines: &[Line], from: usize) -> usize {
    lines[from..]
        .iter()
        .position(|l| {
            matches!(
                l.kind,
                Kind::Consideration | Kind::Operative | Kind::Closing | Kind::Heading
            )
        })
        .map_or(lines.len(), |p| from + p)
}

/// The paragraphs of one operative section: its enumerated items (sub-items of another style
/// stay with their item, enumerator and all), or else its paragraphs.
fn section(head: &Line, body: &[&Line]) -> Vec<Paragraph> {
    let top = body.iter().find_map(|l| match &l.kind {
        Kind::Item(style, _) => Some(*style),
        _ => None,
    });
    // The verb line is part of the first paragraph, unless it only introduces what follows.
    let introduces = head.text.ends_with(':') || (top.is_some() && !substantive(&head.text));
    let mut paragraphs = Paragraphs::new(head, !introduces);
    let mut blank = false;
    for line in body {
        match &line.kind {
            Kind::Blank => {
                blank = true;
                continue;
            }
            Kind::Item(style, label) if Some(*style) == top => {
                paragraphs.start(label.clone(), line);
            }
            Kind::Item(..) => paragraphs.append(&line.whole, line.number),
            _ if blank && paragraphs.ended(top.is_none()) => {
                let uppercase = line.text.chars().next().is_some_and(char::is_uppercase);
                if top.is_some() && uppercase {
                    // Prose after a finished list is not part of it.
                    break;
                }
                paragraphs.start(None, line);
            }
            _ => paragraphs.append(&line.text, line.number),
        }
        blank = false;
    }
    paragraphs.finish()
}

/// Paragraphs as they are read: the ones done, and the one going on.
struct Paragraphs {
    done: Vec<Paragraph>,
    current: Paragraph,
}

impl Paragraphs {
    /// Starts with the verb line as the first paragraph's text, or with nothing.
    fn new(head: &Line, with_head: bool) -> Self {
        let text = if with_head {
            head.text.clone()
        } else {
            String::new()
        };
        Paragraphs {
            done: Vec::new(),
            current: Paragraph {
                label: None,
                text,
                line: head.number,
            },
        }
    }

    /// Ends the paragraph going on and starts one with `line`.
    fn start(&mut self, label: Option<String>, line: &Line) {
        self.push();
        self.current = Paragraph {
            label,
            text: line.text.clone(),
            line: line.number,
        };
    }

    /// Adds text on line `number` to the paragraph going on.
    fn append(&mut self, text: &str, number: usize) {
        if text.is_empty() {
            return;
        }
        let current = &mut self.current;
        if current.text.is_empty() {
            current.line = number;
        } else {
            current.text.push(' ');
        }
        current.text.push_str(text);
    }

    /// True when the paragraph going on ends a sentence (or, `or_clause`, a clause: `;`).
    fn ended(&self, or_clause: bool) -> bool {
        let text = &self.current.text;
        text.ends_with(['.', '!', '?']) || (or_clause && text.ends_with(';'))
    }

    /// Keeps the paragraph going on, its trailing `;`, `,` and a dangling `en`/`of` cut off,
    /// when it has text left.
    fn push(&mut self) {
        let mut text = self.current.text.trim_end();
        for conjunction in [" en", " of"] {
            if let Some(rest) = text.strip_suffix(conjunction)
                && rest.ends_with([';', ','])
            {
                text = rest;
            }
        }
        let text = text.trim_end_matches([';', ',', ' ']).to_string();
        if !text.is_empty() {
            self.done.push(Paragraph {
                label: self.current.label.take(),
                text,
                line: self.current.line,
            });
        }
        self.current.text.clear();
    }

    fn finish(mut self) -> Vec<Paragraph> {
        self.push();
        self.done
    }
}

/// False for a verb line that only addresses: "verzoekt het bestuur", "spreekt uit dat".
fn substantive(head: &str) -> bool {
    const FILLER: [&str; 22] = [
        "het",
        "de",
        "bestuur",
        "vng",
        "vng-bestuur",
        "van",
        "op",
        "om",
        "dat",
        "zich",
        "uit",
        "te",
        "aan",
        "leden",
        "college",
        "colleges",
        "haar",
        "zijn",
        "en",
        "als",
        "volgt",
        "mening",
    ];
    head.split(|c: char| c.is_whitespace() || ",:;".contains(c))
        .filter(|w| !w.is_empty())
        .skip(1)
        .any(|w| !FILLER.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::super::read::read;

    fn texts(motion: &str) -> Vec<String> {
        read(motion).operative.into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn a_request_in_one_paragraph_keeps_its_verb() {
        assert_eq!(
            texts("constaterende dat het regent,\n\nverzoekt het bestuur om niet te tekenen.\n"),
            ["verzoekt het bestuur om niet te tekenen."]
        );
    }

    #[test]
    fn a_verb_line_that_only_addresses_is_left_out() {
        assert_eq!(
            texts("verzoekt het bestuur van de VNG\n- niet te tekenen;\n- te melden.\n"),
            ["niet te tekenen", "te melden."]
        );
    }

    #[test]
    fn a_sub_item_keeps_its_own_enumerator() {
        assert_eq!(
            texts("besluit:\n1. een\nb) twee\n2. drie\n"),
            ["een b) twee", "drie"]
        );
    }

    #[test]
    fn prose_after_a_finished_list_is_left_out() {
        assert_eq!(
            texts("spreekt uit:\n1. dat het zo is.\n\nDe volledige tekst staat in de bijlage.\n"),
            ["dat het zo is."]
        );
    }

    #[test]
    fn without_a_list_each_paragraph_is_one() {
        assert_eq!(
            texts(
                "spreekt uit dat het zo is;\n\ndat het zo blijft.\n\nen gaat over tot de orde van de dag.\n"
            ),
            ["spreekt uit dat het zo is", "dat het zo blijft."]
        );
    }
}
