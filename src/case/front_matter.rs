//! Splitting a case file into its YAML front matter and Markdown body.

/// A case file cut at its `---` fences. Offsets are byte offsets into the
/// normalised text (BOM removed, CRLF turned into LF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Split<'a> {
    /// Byte offset of the closing fence line (where the YAML ends).
    pub yaml_end: usize,
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// The 1-based file line on which the YAML starts.
    pub yaml_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of the body in the text.
    pub body_offset: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum SplitError {
    /// The file is empty or only whitespace.
    Empty,
    /// The first line is not `---`.
    NoOpening,
    /// No closing `---` line after the opening one.
    NoClosing,
}

/// Normalises line endings and removes a byte-order mark, so that positions
/// and fences work the same for files saved on any system.
pub fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Splits normalised `text` into front matter and body.
pub(super) fn split(text: &str) -> Result<Split<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(SplitError::NoOpening);
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let body_offset = offset + line.len();
            return Ok(Split {
                yaml_end: offset,
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(SplitError::NoClosing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let split = split("---\na: 1\n---\n# x\n").unwrap();
        assert_eq!(split.yaml, "a: 1\n");
        assert_eq!(split.body, "# x\n");
        assert_eq!(split.body_offset, 13);
    }

    #[test]
    fn body_may_be_missing() {
        assert_eq!(split("---\na: 1\n---").unwrap().body, "");
    }

    #[test]
    fn reports_what_is_missing() {
        assert_eq!(split(" \n"), Err(SplitError::Empty));
        assert_eq!(split("a: 1\n"), Err(SplitError::NoOpening));
        assert_eq!(split("---\na: 1\n"), Err(SplitError::NoClosing));
    }

    #[test]
    fn normalises_crlf_and_bom() {
        assert_eq!(normalise("\u{feff}---\r\na: 1\r\n"), "---\na: 1\n");
    }
}
