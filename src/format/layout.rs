//! From the concrete tree to a document: the words in file order, with the separators the
//! canonical layout puts between them, and every comment back between the same two words.
//!
//! The builder walks the words left to right. Before each word it looks at the gap in the text
//! since the previous one: a comment there is written there, and where the comment needs a line
//! break (a `//` comment, or one on a line of its own) the break is taken, also where the layout
//! would have kept the words on one line. So no comment is ever moved past a word or dropped.

use crate::i18n::Lang;
use crate::parse::{Syntax as S, Tree};

use super::comments::Comment;
use super::doc::Doc;
use super::keywords;

/// What separates a word from the one before it when no comment lies between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sep {
    /// Nothing: `feit(`.
    None,
    /// One space, never a line break.
    Space,
    /// A space, or a line break when its group does not fit on the line.
    Line,
    /// A line break.
    Hard,
    /// A line break; an empty line in the text before is kept (one at most).
    Stmt,
    /// A line break and an empty line.
    Blank,
}

/// Walks the words of one file; see the module documentation.
pub(super) struct Builder<'s> {
    source: &'s str,
    comments: &'s [Comment],
    /// The next comment to write.
    next: usize,
    /// The end of the last word or comment written.
    cursor: usize,
    /// Where the search for the next punctuation starts.
    scan: usize,
    /// True once anything is written.
    started: bool,
    lang: Lang,
}

impl<'s> Builder<'s> {
    pub(super) fn new(source: &'s str, comments: &'s [Comment], lang: Lang) -> Self {
        Builder {
            source,
            comments,
            next: 0,
            cursor: 0,
            scan: 0,
            started: false,
            lang,
        }
    }

    /// True when every comment was written.
    pub(super) fn wrote_every_comment(&self) -> bool {
        self.next == self.comments.len()
    }

    /// A whole file: the items, an empty line around sources, scenarios and properties, the
    /// comments after the last item, and a final line break.
    pub(super) fn file(&mut self, tree: &Tree) -> Doc {
        let mut out = Vec::new();
        let mut previous_block = None;
        for item in &tree.children {
            let block = matches!(item.kind, S::source | S::scenario | S::property);
            let sep = match previous_block {
                Some(before) if before || block => Sep::Blank,
                _ => Sep::Stmt,
            };
            out.push(self.item(sep, item));
            previous_block = Some(block);
        }
        let (tail, _) = self.gap_tail(self.source.len(), Sep::Stmt);
        out.push(tail);
        if self.started {
            out.push(Doc::Hard);
        }
        out.into()
    }

    // ------------------------------------------------------------ words and gaps

    /// The gap before a word at `to`, then the word's text as the layout writes it.
    pub(super) fn token(&mut self, sep: Sep, t: &Tree) -> Doc {
        let (gap, text) = self.token_parts(sep, t);
        vec![gap, text].into()
    }

    /// [`Builder::token`] as two parts: the gap, and the word.
    pub(super) fn token_parts(&mut self, sep: Sep, t: &Tree) -> (Doc, Doc) {
        let gap = self.gap(t.span.start, sep);
        let text = self.spelled(t);
        self.cursor = t.span.end;
        self.scan = t.span.end;
        (gap, Doc::text(text))
    }

    /// A keyword in the file's keyword language; anything else as written.
    fn spelled(&self, t: &Tree) -> String {
        let text = self.slice(t);
        if let Some(word) = keywords::spell(t.kind, text, self.lang) {
            return word.to_string();
        }
        match t.children.as_slice() {
            // `boolean`, `action`, `verdict`, `op_and`, …: one keyword inside
            [only] if only.span == t.span => self.spelled(only),
            _ => text.to_string(),
        }
    }

    /// True when `t` is written as one word (a keyword, a name, a literal).
    pub(super) fn is_word(&self, t: &Tree) -> bool {
        match t.children.as_slice() {
            [] => true,
            [only] if only.span == t.span => self.is_word(only),
            _ => matches!(t.kind, S::string | S::amount | S::target),
        }
    }

    fn slice(&self, t: &Tree) -> &'s str {
        self.source.get(t.span.start..t.span.end).unwrap_or("")
    }

    /// Punctuation: the gap before it, and the sign.
    pub(super) fn punct(&mut self, sep: Sep, sign: char) -> Doc {
        let at = self.find(sign).unwrap_or(self.scan);
        let gap = self.gap(at, sep);
        self.cursor = at + sign.len_utf8();
        self.scan = self.cursor;
        vec![gap, Doc::text(sign.to_string())].into()
    }

    /// Passes over punctuation the layout leaves out (a `,` before `}`, parentheses around a
    /// name), when it is there. Comments before and after it stay where they are.
    pub(super) fn skip(&mut self, sign: char) {
        if let Some(at) = self.find(sign) {
            self.scan = at + sign.len_utf8();
        }
    }

    /// Where the `}` that closes what is being written is.
    pub(super) fn find_close(&self) -> usize {
        self.find('}').unwrap_or(self.scan)
    }

    /// Where the next sign after the last word is, when it is `sign`; whitespace and comments
    /// are passed over.
    fn find(&self, sign: char) -> Option<usize> {
        let mut at = self.scan;
        loop {
            let rest = self.source.get(at..)?;
            let c = rest.chars().next()?;
            if c.is_whitespace() {
                at += c.len_utf8();
            } else if let Ok(i) = self.comments.binary_search_by_key(&at, |c| c.start) {
                at = self.comments[i].end;
            } else {
                return (c == sign).then_some(at);
            }
        }
    }

    fn newlines(&self, from: usize, to: usize) -> usize {
        self.source
            .get(from.min(to)..to)
            .map_or(0, |s| s.bytes().filter(|&b| b == b'\n').count())
    }

    /// The separator and comments between the last word and a word at `to`.
    pub(super) fn gap(&mut self, to: usize, sep: Sep) -> Doc {
        let (mut out, after) = self.comments_before(to, sep);
        let newlines = self.newlines(after.from, to);
        let start = !self.started;
        self.started = true;
        if start {
            // nothing is written before the first word but the comments above it
            if after.line_comment || newlines > 0 {
                out.push(self.broken(Sep::Stmt, newlines, false));
            } else if after.comments > 0 {
                out.push(Doc::Comment(" ".into()));
            }
        } else if after.comments == 0 {
            out.push(self.plain(sep, newlines));
        } else if after.line_comment || newlines > 0 {
            out.push(self.broken(sep, newlines, after.first_break));
        } else {
            // a `/* … */` with the word after it on its line
            out.push(match sep {
                Sep::None => Doc::nil(),
                Sep::Space => Doc::Comment(" ".into()),
                Sep::Line => Doc::Line,
                // after the word before: the next statement still starts a line
                _ if after.first_break => self.broken(sep, 0, true),
                // on a line of its own: the statement follows it there
                _ => Doc::Comment(" ".into()),
            });
        }
        out.into()
    }

    /// The comments before a `}` at `to`, with the separators before each, but not the
    /// separator after the last; and whether that must be a line break.
    pub(super) fn gap_tail(&mut self, to: usize, sep: Sep) -> (Doc, bool) {
        let (out, after) = self.comments_before(to, sep);
        let newlines = self.newlines(after.from, to);
        let must_break = after.comments > 0 && (after.line_comment || newlines > 0);
        (out.into(), must_break)
    }

    /// The comments before `to` not yet written, each with the separator before it.
    fn comments_before(&mut self, to: usize, sep: Sep) -> (Vec<Doc>, After) {
        let mut out = Vec::new();
        let mut after = After {
            from: self.cursor,
            comments: 0,
            line_comment: false,
            first_break: true,
        };
        while let Some(c) = self.comments.get(self.next).filter(|c| c.start < to) {
            let newlines = self.newlines(after.from, c.start);
            let text = c.text(self.source);
            if !self.started {
                // a comment at the top of the file
                out.push(Doc::Comment(text.to_string()));
            } else if newlines == 0 && !after.line_comment {
                // after a word on the same line; the space is the comment's, so that it does not
                // count as a word when the layout decides whether a group fits
                out.push(Doc::Comment(format!(" {text}")));
            } else {
                out.push(self.broken(sep, newlines, after.first_break));
                out.push(Doc::Comment(text.to_string()));
                after.first_break = false;
            }
            self.started = true;
            after.from = c.end;
            after.comments += 1;
            after.line_comment = c.line;
            self.next += 1;
        }
        self.cursor = self.cursor.max(after.from);
        (out, after)
    }

    /// The separator where no comment is.
    fn plain(&self, sep: Sep, newlines: usize) -> Doc {
        match sep {
            Sep::None => Doc::nil(),
            Sep::Space => Doc::text(" "),
            Sep::Line => Doc::Line,
            Sep::Hard => Doc::Hard,
            Sep::Stmt if newlines >= 2 => Doc::Blank,
            Sep::Stmt => Doc::Hard,
            Sep::Blank => Doc::Blank,
        }
    }

    /// A line break a comment needs (or had in the text): at a place the layout may break, the
    /// layout's break; inside a phrase, a break indented a step further.
    fn broken(&self, sep: Sep, newlines: usize, first: bool) -> Doc {
        match sep {
            Sep::Blank if first => Doc::Blank,
            Sep::Stmt | Sep::Blank if newlines >= 2 => Doc::Blank,
            Sep::Stmt | Sep::Blank | Sep::Hard | Sep::Line => Doc::Hard,
            Sep::None | Sep::Space => Doc::nest(2, Doc::Hard),
        }
    }

    // ------------------------------------------------------------ shared shapes

    /// A construct this layout does not know (one added to the grammar after it): kept exactly
    /// as written, the comments inside it included.
    pub(super) fn raw(&mut self, sep: Sep, t: &Tree) -> Doc {
        self.raw_between(sep, t.span.start, t.span.end)
    }

    /// The text from `start` to `end` exactly as written.
    pub(super) fn raw_between(&mut self, sep: Sep, start: usize, end: usize) -> Doc {
        let gap = self.gap(start, sep);
        while self.comments.get(self.next).is_some_and(|c| c.start < end) {
            self.next += 1;
        }
        self.cursor = end;
        self.scan = end;
        let text = self.source.get(start..end).unwrap_or("");
        vec![gap, Doc::text(text)].into()
    }

    /// Words separated by spaces, the first after `sep`: `bron "…"`, `geldig vanaf D tot D`.
    pub(super) fn words(&mut self, sep: Sep, t: &Tree) -> Doc {
        if self.is_word(t) {
            return self.token(sep, t);
        }
        let mut out = Vec::new();
        for (i, child) in t.children.iter().enumerate() {
            let sep = if i == 0 { sep } else { Sep::Space };
            out.push(self.words(sep, child));
        }
        out.into()
    }

    /// `a, b, c`, broken where the next does not fit, aligned under the first.
    pub(super) fn list(&mut self, sep: Sep, items: &[&Tree]) -> Doc {
        let (lead, fill) = self.list_parts(sep, items);
        vec![lead, Doc::align(fill)].into()
    }

    /// The gap before the first item, and the items as a fill.
    pub(super) fn list_parts(&mut self, sep: Sep, items: &[&Tree]) -> (Doc, Doc) {
        let mut lead = Doc::nil();
        let mut fill = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if i == 0 {
                let (gap, text) = self.token_parts(sep, item);
                lead = gap;
                fill.push(text);
            } else {
                let comma = self.punct(Sep::None, ',');
                let (gap, text) = self.token_parts(Sep::Line, item);
                fill.push(vec![comma, gap].into());
                fill.push(text);
            }
        }
        (lead, Doc::Fill(fill))
    }

    /// `{`, the statements of a block indented, then `}` on a line of its own; `{}` when there
    /// is nothing inside.
    pub(super) fn block(&mut self, body: impl FnOnce(&mut Self) -> Vec<Doc>) -> Doc {
        let open = self.punct(Sep::Space, '{');
        let body = body(self);
        let at = self.find_close();
        let (tail, must_break) = self.gap_tail(at, Sep::Stmt);
        let empty =
            body.is_empty() && !must_break && matches!(&tail, Doc::Concat(d) if d.is_empty());
        let close = self.punct(if empty { Sep::None } else { Sep::Hard }, '}');
        vec![open, Doc::nest(2, vec![body.into(), tail].into()), close].into()
    }

    /// The separator before the statement `i` of a block: a line break after `{`, else one
    /// that keeps an empty line of the text.
    pub(super) fn statement(i: usize) -> Sep {
        if i == 0 { Sep::Hard } else { Sep::Stmt }
    }
}

/// Where the comments of a gap end.
struct After {
    /// The end of the last comment, or of the word before the gap.
    from: usize,
    /// How many comments the gap holds.
    comments: usize,
    /// True when the last is a `//` comment, so a line break must follow.
    line_comment: bool,
    /// True while no line break was taken in the gap.
    first_break: bool,
}
