//! The privacy acknowledgement `[privacy-ok: reden]`. It is written in the
//! case text for whoever reviews the dossier and silences PVA040/PVA041 for
//! its paragraph; it is a note about the text, never part of the form, so it
//! is taken out before any text becomes Typst.

use std::borrow::Cow;

/// How the marker starts (compared without regard to ASCII case).
pub const PRIVACY_MARKER: &str = "[privacy-ok:";

/// Whether `text` holds a privacy marker.
pub fn has_privacy_marker(text: &str) -> bool {
    find_marker(text, 0).is_some()
}

/// `text` without its privacy markers. A marker that stands alone on its
/// line takes the line with it, so paragraphs stay as they were; otherwise
/// the spaces before it go, so no double space is left.
pub fn strip_privacy_markers(text: &str) -> Cow<'_, str> {
    let Some(first) = find_marker(text, 0) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut next = Some(first);
    while let Some(start) = next {
        let end = marker_end(text, start);
        let (cut_start, cut_end) = cut(text, copied, start, end);
        out.push_str(&text[copied..cut_start]);
        copied = cut_end;
        next = find_marker(text, end);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Byte offset of the next marker at or after `from`.
fn find_marker(text: &str, from: usize) -> Option<usize> {
    let needle = PRIVACY_MARKER.as_bytes();
    text.as_bytes()
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i)
}

/// Just after the `]` that closes the marker at `start` (brackets nest), or
/// the end of its paragraph when it is never closed.
fn marker_end(text: &str, start: usize) -> usize {
    let mut depth = 0usize;
    let rest = &text[start..];
    for (i, c) in rest.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth <= 1 => return start + i + 1,
            ']' => depth -= 1,
            '\n' if rest[i + 1..]
                .trim_start_matches([' ', '\t'])
                .starts_with('\n') =>
            {
                return start + i;
            }
            _ => {}
        }
    }
    text.len()
}

/// The byte range to remove for the marker `start..end`: its whole line when
/// nothing else is on it, else the marker and the spaces before it (never
/// reaching back before `floor`, the end of the previous cut).
fn cut(text: &str, floor: usize, start: usize, end: usize) -> (usize, usize) {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let alone = line_start >= floor
        && text[line_start..start].trim().is_empty()
        && text[end..line_end].trim().is_empty();
    if alone {
        return (line_start, (line_end + 1).min(text.len()));
    }
    let before = text[floor..start].trim_end_matches([' ', '\t']).len() + floor;
    (before, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_the_marker_and_the_space_before_it() {
        assert_eq!(
            strip_privacy_markers("Na de burn-out. [privacy-ok: werknemer vroeg dit] Verder."),
            "Na de burn-out. Verder."
        );
        assert_eq!(strip_privacy_markers("Tekst [Privacy-OK: reden]"), "Tekst");
    }

    #[test]
    fn a_marker_alone_on_its_line_takes_the_line() {
        assert_eq!(
            strip_privacy_markers("Regel een\n[privacy-ok: reden]\nRegel twee\n"),
            "Regel een\nRegel twee\n"
        );
    }

    #[test]
    fn nested_brackets_and_several_markers() {
        assert_eq!(
            strip_privacy_markers("a [privacy-ok: zie [1]] b [privacy-ok: x] c"),
            "a b c"
        );
        assert_eq!(
            strip_privacy_markers("x [privacy-ok: a] [privacy-ok: b]\ny"),
            "x\ny"
        );
    }

    #[test]
    fn an_unclosed_marker_ends_with_its_paragraph() {
        assert_eq!(
            strip_privacy_markers("a [privacy-ok: reden\nloopt door\n\nVolgende alinea."),
            "a\n\nVolgende alinea."
        );
    }

    #[test]
    fn text_without_a_marker_is_borrowed() {
        assert!(matches!(
            strip_privacy_markers("[privacy] ok"),
            Cow::Borrowed("[privacy] ok")
        ));
        assert!(has_privacy_marker("x [PRIVACY-ok: y]"));
    }
}
