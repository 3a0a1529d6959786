//! The fonts of every PDF: typst's own embedded fonts plus Liberation Sans
//! (the Arial-metric sans-serif of the official forms), all inside the binary.
//! System fonts are never used, so output does not depend on the machine.

use typst_kit::fonts::FontStore;

use crate::glyphs::{self, LIBERATION_SANS};

/// Builds the font store: loaded once per process and shared by all documents.
pub(super) fn store() -> FontStore {
    let mut fonts = FontStore::new();
    fonts.extend(glyphs::all());
    fonts
}

/// The embedded font files with their names, for `--emit typst` and
/// `pva templates export`, so a plain `typst compile --font-path` can use them.
pub fn files() -> [(&'static str, &'static [u8]); 4] {
    [
        ("LiberationSans-Regular.ttf", LIBERATION_SANS[0]),
        ("LiberationSans-Bold.ttf", LIBERATION_SANS[1]),
        ("LiberationSans-Italic.ttf", LIBERATION_SANS[2]),
        ("LiberationSans-BoldItalic.ttf", LIBERATION_SANS[3]),
    ]
}
