//! Places as editors count them. Our spans are byte ranges in UTF-8 text; the Language Server
//! Protocol counts lines from 0 and characters in UTF-16 code units, so `€` is three bytes but
//! one unit, and `𝄞` four bytes but two units. Lines end in `\n`, `\r\n` or a lone `\r`.

/// A place in a text: line from 0, character in UTF-16 code units from the line's start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, from 0.
    pub line: u32,
    /// UTF-16 code units from the start of the line.
    pub character: u32,
}

/// A range between two places, the end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Range {
    /// The first place.
    pub start: Position,
    /// One past the last place.
    pub end: Position,
}

/// Where each line of a text starts, so that byte offsets and editor positions convert in time
/// proportional to one line.
#[derive(Clone, Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex { text, starts }
    }

    /// The position of a byte offset; an offset inside a character counts as its start, one
    /// past the end as the end of the text.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let units: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(units).unwrap_or(u32::MAX),
        }
    }

    /// The range of a byte range.
    pub fn range(&self, start: usize, end: usize) -> Range {
        Range {
            start: self.position(start),
            end: self.position(end.max(start)),
        }
    }

    /// The byte offset of a position. A character past the end of its line counts as the end of
    /// the line (before its line break), a line past the last as the end of the text, and a
    /// position inside a character of two UTF-16 units as the start of that character.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let line = &self.text[start..self.line_end(position.line as usize)];
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            units += c.len_utf16();
            if units > position.character as usize {
                return start + i;
            }
        }
        start + line.len()
    }

    /// Where the text of a line ends, before its line break.
    fn line_end(&self, line: usize) -> usize {
        let start = self.starts.get(line).copied().unwrap_or(0);
        let next = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let segment = &self.text[start..next];
        let body = segment
            .strip_suffix("\r\n")
            .or_else(|| segment.strip_suffix('\n'))
            .or_else(|| segment.strip_suffix('\r'))
            .unwrap_or(segment);
        start + body.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn a_euro_sign_is_three_bytes_but_one_utf16_unit() {
        let text = "feit x: bedrag \"?\"\nvereis bedrag > € 100 mln voor ondertekening\n";
        let index = LineIndex::new(text);
        let at = text.find("100").expect("the amount is there");
        // 20 bytes into the line, but 18 UTF-16 units.
        assert_eq!(at - text.find("vereis").unwrap_or(0), 20);
        assert_eq!(index.position(at), pos(1, 18));
        assert_eq!(index.offset(pos(1, 18)), at);
        let euro = text.find('€').expect("the euro sign is there");
        assert_eq!(index.position(euro), pos(1, 16));
        assert_eq!(index.position(euro + 3), pos(1, 17));
        // A byte inside the euro sign counts as its start.
        assert_eq!(index.position(euro + 1), pos(1, 16));
        assert_eq!(index.range(euro, at + 3).end, pos(1, 21));
    }

    #[test]
    fn a_character_outside_the_basic_plane_is_two_units() {
        let text = "a𝄞b";
        let index = LineIndex::new(text);
        assert_eq!(index.position(5), pos(0, 3));
        assert_eq!(index.offset(pos(0, 3)), 5);
        // Halfway through the pair: the start of the character.
        assert_eq!(index.offset(pos(0, 2)), 1);
    }

    #[test]
    fn line_breaks_of_every_kind_end_a_line_and_positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd\ref\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(4), pos(1, 0));
        assert_eq!(index.position(7), pos(2, 0));
        assert_eq!(index.offset(pos(0, 99)), 2);
        assert_eq!(index.offset(pos(1, 99)), 6);
        assert_eq!(index.offset(pos(3, 0)), text.len());
        assert_eq!(index.offset(pos(99, 0)), text.len());
        assert_eq!(index.position(999), pos(3, 0));
    }
}
