//! Positions and file names across the protocol boundary: pva counts
//! 1-based lines and columns in characters, LSP 0-based lines and UTF-16
//! code units; pva names files by path, LSP by `file:` URI.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};

/// The lines of a normalised text (LF line endings), for converting positions.
#[derive(Debug)]
pub(super) struct LineIndex<'a> {
    lines: Vec<&'a str>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`, which must be normalised as pva reads files.
    pub(super) fn new(text: &'a str) -> LineIndex<'a> {
        LineIndex {
            lines: text.split('\n').collect(),
        }
    }

    /// The 0-based line `line`, or "" past the end.
    pub(super) fn line(&self, line: usize) -> &'a str {
        self.lines.get(line).copied().unwrap_or("")
    }

    /// How many lines the text has (a final newline starts an empty one).
    pub(super) fn len(&self) -> usize {
        self.lines.len()
    }

    /// The LSP position of pva's 1-based `line` and character `col`;
    /// past the end of a line is its end, past the last line the text's end.
    pub(super) fn position(&self, line: usize, col: usize) -> Position {
        let Some(text) = self.lines.get(line.saturating_sub(1)) else {
            let last = self.lines.len().saturating_sub(1);
            return Position::new(last as u32, utf16_len(self.line(last)));
        };
        let prefix: String = text.chars().take(col.saturating_sub(1)).collect();
        Position::new(line.saturating_sub(1) as u32, utf16_len(&prefix))
    }

    /// The range of `width` characters from pva's `line` and `col`, kept on that line.
    pub(super) fn range(&self, line: usize, col: usize, width: usize) -> Range {
        let start = self.position(line, col);
        let end = self.position(line, col + width.max(1));
        Range::new(start, if end.line == start.line { end } else { start })
    }

    /// The 0-based character column of an LSP position (UTF-16 units) on its line.
    pub(super) fn char_col(&self, position: Position) -> usize {
        let mut units = 0;
        let mut chars = 0;
        for c in self.line(position.line as usize).chars() {
            if units >= position.character as usize {
                break;
            }
            units += c.len_utf16();
            chars += 1;
        }
        chars
    }
}

/// The UTF-16 length of `text`, the LSP's unit for columns.
pub(super) fn utf16_len(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// The file a `file:` URI names.
pub(super) fn path_of(uri: &Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// The `file:` URI of a path (made absolute first).
pub(super) fn uri_of(path: &Path) -> Option<Uri> {
    let absolute = std::path::absolute(path).ok()?;
    let url = url::Url::from_file_path(absolute).ok()?;
    Uri::from_str(url.as_str()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        // "ë" is one unit, "𝄞" two: the "x" after "𝄞ë" is character 9, unit 10.
        let index = LineIndex::new("---\nnaam: 𝄞ëx y\n");
        assert_eq!(index.position(2, 7), Position::new(1, 6));
        assert_eq!(index.position(2, 9), Position::new(1, 9));
        let range = index.range(2, 7, 3);
        assert_eq!((range.start.character, range.end.character), (6, 10));
        assert_eq!(index.char_col(Position::new(1, 9)), 8);
    }

    #[test]
    fn positions_past_the_end_stay_in_the_text() {
        let index = LineIndex::new("a\nbc");
        assert_eq!(index.position(2, 9), Position::new(1, 2));
        assert_eq!(index.position(7, 1), Position::new(1, 2));
        assert_eq!(index.range(1, 1, 5).end, Position::new(0, 1));
    }

    #[test]
    fn file_uris_round_trip_with_spaces_and_accents() {
        let path = Path::new("/tmp/dossiers/de vries-2026/plan één.md");
        let uri = uri_of(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///tmp/dossiers/de%20vries-2026/plan%20%C3%A9%C3%A9n.md"
        );
        assert_eq!(path_of(&uri).unwrap(), path);
    }
}
