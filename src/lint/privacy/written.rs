//! Where a character of a text was written in its file. A Markdown section
//! is the file's text itself; a YAML value is not: quotes, escapes (`\"`,
//! `''`) and folded lines stand between the value and the file. A finding
//! must point at the term exactly — the draft PDF blacks out its span — so
//! a value is aligned with what was written, character by character.

use crate::case::Pos;

/// How a YAML scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Block,
}

/// For each byte offset of `value`, the byte offset in `written` where it
/// was written; `written` starts where the value does in the file (at its
/// quote or block indicator) and runs to the end of the file. `None` when
/// the value does not match what was written.
pub(super) fn align(written: &str, value: &str) -> Option<Vec<usize>> {
    let (mut i, style) = match written.as_bytes().first() {
        Some(b'"') => (1, Style::Double),
        Some(b'\'') => (1, Style::Single),
        Some(b'|' | b'>') => (written.find('\n')? + 1, Style::Block),
        _ => (0, Style::Plain),
    };
    let mut map = vec![0; value.len() + 1];
    for (at, c) in value.char_indices() {
        let (start, end) = next_char(written, i, c, style)?;
        map[at] = start;
        i = end;
        map[at..at + c.len_utf8()].fill(start);
    }
    map[value.len()] = i;
    Some(map)
}

/// Where value character `c` was written, from byte `i` of `written` on:
/// its start and end. Skips indentation and line breaks that folding made
/// into nothing; a folded line break is a space of the value.
fn next_char(written: &str, mut i: usize, c: char, style: Style) -> Option<(usize, usize)> {
    loop {
        let rest = written.get(i..)?;
        let w = rest.chars().next()?;
        if style == Style::Double && w == '\\' {
            let escaped = rest[1..].chars().next()?;
            if escaped == '\n' {
                i += 2;
                continue;
            }
            let len = match escaped {
                'x' => 4,
                'u' => 6,
                'U' => 10,
                other => 1 + other.len_utf8(),
            };
            return Some((i, (i + len).min(written.len())));
        }
        if style == Style::Single && w == '\'' {
            return (c == '\'' && rest[1..].starts_with('\'')).then_some((i, i + 2));
        }
        if style == Style::Double && w == '"' {
            return None;
        }
        if w == c || (c == ' ' && w == '\n') {
            return Some((i, i + w.len_utf8()));
        }
        if !w.is_whitespace() {
            return None;
        }
        i += w.len_utf8();
    }
}

/// The byte offset of 1-based `line` and character column `col` in `text`.
pub(super) fn offset_of(text: &str, line: usize, col: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let row = &text[start..];
    let in_row = row
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(row.len(), |(i, _)| i);
    Some(start + in_row)
}

/// Line and column of ever later offsets in one text, each counted on
/// from the one before, so the positions of all findings cost one pass.
pub(super) struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    col: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            offset: 0,
            line: 1,
            col: 1,
        }
    }

    /// The 1-based line and column of byte `offset`.
    pub(super) fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = self.text.floor_char_boundary(offset.min(self.text.len()));
        if offset < self.offset {
            *self = Lines::new(self.text);
        }
        let gap = &self.text[self.offset..offset];
        match gap.rfind('\n') {
            Some(last) => {
                self.line += gap.matches('\n').count();
                self.col = gap[last + 1..].chars().count() + 1;
            }
            None => self.col += gap.chars().count(),
        }
        self.offset = offset;
        (self.line, self.col)
    }
}

/// The file position of `(line, col)` counted from `start`.
pub(super) fn position(start: &Pos, (line, col): (usize, usize)) -> Pos {
    if line == 1 {
        Pos {
            col: start.col + col - 1,
            ..start.clone()
        }
    } else {
        Pos {
            line: start.line + line - 1,
            col,
            ..start.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The written text at the mapped span of `value[from..to]`.
    fn spans<'a>(written: &'a str, value: &str, from: usize, to: usize) -> &'a str {
        let map = align(written, value).expect("aligned");
        &written[map[from]..map[to]]
    }

    #[test]
    fn quoted_values_point_past_the_quote() {
        assert_eq!(spans("'een hernia'\n", "een hernia", 4, 10), "hernia");
        assert_eq!(spans("\"een hernia\"\n", "een hernia", 4, 10), "hernia");
        assert_eq!(spans("een hernia\n", "een hernia", 4, 10), "hernia");
    }

    #[test]
    fn escapes_and_doubled_quotes_are_counted_as_written() {
        let value = "zij zei \"au\" bij haar hernia";
        let written = "\"zij zei \\\"au\\\" bij haar hernia\"";
        assert_eq!(spans(written, value, 22, 28), "hernia");
        let value = "Sanne's hernia";
        assert_eq!(spans("'Sanne''s hernia'", value, 8, 14), "hernia");
    }

    #[test]
    fn folded_lines_are_followed() {
        let written = "Zij heeft een\n  hernia en\n  loopt slecht\n";
        let value = "Zij heeft een hernia en loopt slecht";
        assert_eq!(spans(written, value, 14, 20), "hernia");
        let written = "|\n  regel een\n  hernia\n";
        assert_eq!(spans(written, "regel een\nhernia\n", 10, 16), "hernia");
    }

    #[test]
    fn a_value_that_does_not_match_is_not_aligned() {
        assert_eq!(align("'iets anders'", "een hernia"), None);
    }

    #[test]
    fn offsets_of_lines_and_columns() {
        assert_eq!(offset_of("ab\ncdé f", 2, 4), Some(7));
        assert_eq!(offset_of("ab\ncd", 1, 1), Some(0));
        assert_eq!(offset_of("ab", 3, 1), None);
    }
}
