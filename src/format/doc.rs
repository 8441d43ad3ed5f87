//! A small pretty printer (Wadler's "prettier printer", with Prettier's `fill`): a layout is a
//! document of texts and line breaks in groups; a group is printed on one line when it fits in
//! the width, and with every one of its breaks taken when it does not.

/// A document to print.
#[derive(Clone, Debug)]
pub enum Doc {
    /// Text as is; it may hold line breaks (a text in quotes, a block comment), which are printed
    /// as they are.
    Text(String),
    /// A comment: printed as is, but not counted when deciding whether a group fits, so that a
    /// comment at the end of a line never breaks the code before it.
    Comment(String),
    /// A space, or a line break when its group is broken.
    Line,
    /// A line break, always; the groups around it are broken.
    Hard,
    /// An empty line and a line break.
    Blank,
    /// Line breaks inside are indented this much more.
    Nest(usize, Box<Doc>),
    /// Line breaks inside are indented to the column where this starts.
    Align(Box<Doc>),
    /// On one line if it fits, else with every `Line` of its own broken.
    Group(Box<Doc>),
    /// Items and separators, alternating: a separator breaks only when the item after it does not
    /// fit on the line.
    Fill(Vec<Doc>),
    /// One after the other.
    Concat(Vec<Doc>),
}

impl Doc {
    /// A text.
    pub fn text(s: impl Into<String>) -> Doc {
        Doc::Text(s.into())
    }

    /// Nothing.
    pub fn nil() -> Doc {
        Doc::Concat(Vec::new())
    }

    /// `doc` with its line breaks indented `by` more.
    pub fn nest(by: usize, doc: Doc) -> Doc {
        Doc::Nest(by, Box::new(doc))
    }

    /// `doc` on one line if it fits.
    pub fn group(doc: Doc) -> Doc {
        Doc::Group(Box::new(doc))
    }

    /// `doc` with its line breaks indented to where it starts.
    pub fn align(doc: Doc) -> Doc {
        Doc::Align(Box::new(doc))
    }
}

impl From<Vec<Doc>> for Doc {
    fn from(docs: Vec<Doc>) -> Doc {
        Doc::Concat(docs)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

/// What is left to print: a document, or the rest of a fill.
#[derive(Clone, Copy)]
enum Cmd<'d> {
    Doc(&'d Doc),
    Fill(&'d [Doc]),
}

type Entry<'d> = (usize, Mode, Cmd<'d>);

/// Prints `doc` in lines of at most `width` characters where the groups allow, with `newline`
/// between lines and no spaces at the end of a line.
pub fn print(doc: &Doc, width: usize, newline: &str) -> String {
    let mut p = Printer {
        out: String::new(),
        col: 0,
        width,
        newline,
    };
    let mut stack: Vec<Entry> = vec![(0, Mode::Break, Cmd::Doc(doc))];
    while let Some((indent, mode, cmd)) = stack.pop() {
        let doc = match cmd {
            Cmd::Doc(d) => d,
            Cmd::Fill(items) => {
                p.fill(indent, mode, items, &mut stack);
                continue;
            }
        };
        match doc {
            Doc::Text(s) | Doc::Comment(s) => p.write(s),
            Doc::Line if mode == Mode::Flat => p.write(" "),
            Doc::Line | Doc::Hard => p.newline(indent),
            Doc::Blank => {
                p.newline(0);
                p.newline(indent);
            }
            Doc::Nest(by, d) => stack.push((indent + by, mode, Cmd::Doc(d))),
            Doc::Align(d) => stack.push((p.col, mode, Cmd::Doc(d))),
            Doc::Concat(ds) => stack.extend(ds.iter().rev().map(|d| (indent, mode, Cmd::Doc(d)))),
            Doc::Group(d) => {
                let flat = mode == Mode::Flat
                    || fits(p.width, p.col, &[(indent, Mode::Flat, Cmd::Doc(d))], &stack);
                let mode = if flat { Mode::Flat } else { Mode::Break };
                stack.push((indent, mode, Cmd::Doc(d)));
            }
            Doc::Fill(items) => stack.push((indent, mode, Cmd::Fill(items))),
        }
    }
    p.out
}

struct Printer<'n> {
    out: String,
    col: usize,
    width: usize,
    newline: &'n str,
}

impl Printer<'_> {
    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        self.col = match s.rfind('\n') {
            Some(at) => s[at + 1..].chars().count(),
            None => self.col + s.chars().count(),
        };
    }

    fn newline(&mut self, indent: usize) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
        self.out.push_str(self.newline);
        self.out.extend(std::iter::repeat_n(' ', indent));
        self.col = indent;
    }

    /// The next item of a fill, and the separator after it: broken when the item after it does
    /// not fit on the line too.
    fn fill<'d>(&self, indent: usize, mode: Mode, items: &'d [Doc], stack: &mut Vec<Entry<'d>>) {
        let Some((item, rest)) = items.split_first() else {
            return;
        };
        let flat = |docs: &[&'d Doc]| -> Vec<Entry<'d>> {
            docs.iter()
                .map(|d| (indent, Mode::Flat, Cmd::Doc(d)))
                .collect()
        };
        let item_mode = if mode == Mode::Flat || fits(self.width, self.col, &flat(&[item]), &[]) {
            Mode::Flat
        } else {
            Mode::Break
        };
        if let [separator, next, ..] = rest {
            let both = mode == Mode::Flat
                || fits(self.width, self.col, &flat(&[item, separator, next]), &[]);
            stack.push((indent, mode, Cmd::Fill(&rest[1..])));
            let sep_mode = if both { Mode::Flat } else { Mode::Break };
            stack.push((indent, sep_mode, Cmd::Doc(separator)));
        }
        stack.push((indent, item_mode, Cmd::Doc(item)));
    }
}

/// True when `next`, printed flat, and what follows it up to the next line break fit on the
/// line from column `col` to `width`. A line break in `next` means it cannot be flat, except
/// before its first word: a group is judged from its first word on (the break before a
/// statement, and the comments above it, are part of the statement's group).
fn fits(width: usize, col: usize, next: &[Entry], rest: &[Entry]) -> bool {
    let mut look = Lookahead {
        todo: next
            .iter()
            .rev()
            .map(|&(i, m, c)| (i, m, c, true))
            .collect(),
        rest: rest.iter().rev(),
        room: width as isize - col as isize,
        width,
        leading: true,
    };
    while let Some((indent, mode, cmd, own)) = look
        .todo
        .pop()
        .or_else(|| look.rest.next().map(|&(i, m, c)| (i, m, c, false)))
    {
        if let Some(answer) = look.step(indent, mode, cmd, own) {
            return answer;
        }
    }
    true
}

/// The state of [`fits`]: what is left to measure, and the room left on the line.
struct Lookahead<'d, 'r> {
    /// Parts of `next` (`own`) and of what follows, still to measure.
    todo: Vec<(usize, Mode, Cmd<'d>, bool)>,
    /// What follows `next` on the printer's stack, nearest first.
    rest: std::iter::Rev<std::slice::Iter<'r, Entry<'d>>>,
    room: isize,
    width: usize,
    /// True until the first text of `next`.
    leading: bool,
}

impl<'d> Lookahead<'d, '_> {
    /// Measures one part; `Some` when that decides the answer.
    fn step(&mut self, indent: usize, mode: Mode, cmd: Cmd<'d>, own: bool) -> Option<bool> {
        let doc = match cmd {
            Cmd::Doc(d) => d,
            Cmd::Fill(items) => {
                self.push(indent, mode, items, own);
                return None;
            }
        };
        match doc {
            Doc::Text(s) => {
                self.leading = false;
                let first = s.split('\n').next().unwrap_or("");
                self.room -= first.chars().count() as isize;
                if self.room >= 0 && s.contains('\n') {
                    return Some(true);
                }
            }
            Doc::Comment(s) if s.contains('\n') => return Some(true),
            Doc::Comment(_) => {}
            Doc::Line if mode == Mode::Flat => self.room -= 1,
            Doc::Line | Doc::Hard | Doc::Blank if own && self.leading => {
                self.room = self.width as isize - indent as isize;
            }
            Doc::Line | Doc::Hard | Doc::Blank => return Some(!own || mode == Mode::Break),
            Doc::Nest(by, d) => self.todo.push((indent + by, mode, Cmd::Doc(d), own)),
            Doc::Align(d) => self.todo.push((indent, mode, Cmd::Doc(d), own)),
            // a group inside what is measured is measured flat
            Doc::Group(d) => {
                let mode = if own { Mode::Flat } else { mode };
                self.todo.push((indent, mode, Cmd::Doc(d), own));
            }
            Doc::Fill(ds) | Doc::Concat(ds) => self.push(indent, mode, ds, own),
        }
        (self.room < 0).then_some(false)
    }

    fn push(&mut self, indent: usize, mode: Mode, docs: &'d [Doc], own: bool) {
        self.todo
            .extend(docs.iter().rev().map(|d| (indent, mode, Cmd::Doc(d), own)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[&str]) -> Doc {
        let mut parts = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            if i > 0 {
                parts.push(Doc::Line);
            }
            parts.push(Doc::text(*w));
        }
        Doc::group(Doc::nest(2, parts.into()))
    }

    #[test]
    fn a_group_that_fits_stays_on_one_line() {
        assert_eq!(print(&words(&["a", "bb", "c"]), 10, "\n"), "a bb c");
    }

    #[test]
    fn a_group_that_does_not_fit_breaks_every_line_of_its_own() {
        assert_eq!(
            print(&words(&["aaaa", "bbbb", "c"]), 10, "\n"),
            "aaaa\n  bbbb\n  c"
        );
    }

    #[test]
    fn a_hard_break_breaks_the_group_around_it() {
        let doc = Doc::group(
            vec![
                Doc::text("a"),
                Doc::Line,
                Doc::text("b"),
                Doc::Hard,
                Doc::text("c"),
            ]
            .into(),
        );
        assert_eq!(print(&doc, 80, "\n"), "a\nb\nc");
    }

    #[test]
    fn a_fill_breaks_only_where_the_next_item_does_not_fit() {
        let items = ["aa", "bb", "cc", "dd"].map(Doc::text);
        let mut parts = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                parts.push(vec![Doc::text(","), Doc::Line].into());
            }
            parts.push(item);
        }
        assert_eq!(print(&Doc::Fill(parts), 8, "\n"), "aa, bb,\ncc, dd");
    }

    #[test]
    fn a_comment_does_not_break_the_code_before_it() {
        let doc: Doc = vec![
            words(&["a", "b"]),
            Doc::Comment(" // a long comment".into()),
            Doc::Hard,
        ]
        .into();
        assert_eq!(print(&doc, 5, "\n"), "a b // a long comment\n");
    }

    #[test]
    fn lines_end_without_spaces_and_blank_lines_are_empty() {
        let doc: Doc = vec![Doc::nest(
            4,
            vec![Doc::text("a "), Doc::Blank, Doc::text("b")].into(),
        )]
        .into();
        assert_eq!(print(&doc, 80, "\r\n"), "a\r\n\r\n    b");
    }
}
