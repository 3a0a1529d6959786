//! The fonts every PDF is set in, and which characters they can print: the
//! one table of the fonts, read by `compile` (to set text) and `lint` (to
//! report a character no font has before a build fails on it).

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};

/// Liberation Sans (the Arial-metric sans-serif of the official forms).
pub(crate) const LIBERATION_SANS: [&[u8]; 4] = [
    include_bytes!("../assets/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../assets/fonts/LiberationSans-BoldItalic.ttf"),
];

/// Every embedded font: Liberation Sans, then typst's own (its fallback).
/// System fonts are never used, so output does not depend on the machine.
pub(crate) fn all() -> impl Iterator<Item = (Font, FontInfo)> {
    let liberation = LIBERATION_SANS.into_iter().flat_map(|data| {
        Font::iter(Bytes::new(data)).map(|font| {
            let info = font.info().clone();
            (font, info)
        })
    });
    liberation.chain(typst_kit::fonts::embedded())
}

/// Whether some embedded font has a glyph for `c` (typst falls back from
/// one font to the next), or `c` needs none (an invisible formatting mark).
pub fn can_print(c: char) -> bool {
    if is_common(c) || needs_no_glyph(c) {
        return true;
    }
    static COVERAGE: OnceLock<Vec<FontInfo>> = OnceLock::new();
    COVERAGE
        .get_or_init(|| all().map(|(_, info)| info).collect())
        .iter()
        .any(|info| info.coverage.contains(c as u32))
}

/// Characters of Dutch text that Liberation Sans has (a test checks it
/// against the fonts): answered without reading every font's coverage,
/// which costs a no-change rebuild tens of milliseconds.
fn is_common(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{17F}' | '\u{2013}'..='\u{2014}' | '\u{2018}'..='\u{201E}' | '\u{2026}' | '\u{20AC}')
}

/// Marks typst lays out without a glyph: zero-width spaces and joiners,
/// direction marks, variation selectors, the byte-order mark.
fn needs_no_glyph(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut of `is_common` holds: Liberation Sans has every one.
    #[test]
    fn common_characters_are_in_liberation_sans() {
        let regular = Font::iter(Bytes::new(LIBERATION_SANS[0])).next().unwrap();
        let coverage = &regular.info().coverage;
        let common = (0x20..=0x20AC_u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_common(c));
        for c in common {
            assert!(coverage.contains(c as u32), "{c:?}");
        }
    }

    #[test]
    fn dutch_names_print_and_emoji_and_chinese_do_not() {
        for c in "Zoë Smit-Çelik, Ĳsbrand, Øystein, Šárka, Ελένη, Наталья, € – “”".chars()
        {
            assert!(can_print(c), "{c:?}");
        }
        for c in ['😀', '王', '\u{10FFFF}'] {
            assert!(!can_print(c), "{c:?}");
        }
    }
}
