//! A draft never prints what the privacy rules flag (`pva build --draft`
//! builds documents with errors too): each flagged passage becomes a black
//! bar of as many characters, in the text before it is rendered, so no
//! template, escape or string literal can let it through.

use crate::case::{Document, Node, Value};
use crate::lint::{Flagged, Passage};

/// The character a flagged passage is printed as: a full block, which
/// Liberation Sans has, so the bar is as wide as the passage was.
pub(super) const BAR: char = '\u{2588}';

/// `doc` with every passage of `flagged` blacked out.
pub(super) fn black_out(doc: &Document, flagged: &[Flagged]) -> Document {
    let mut doc = doc.clone();
    for (index, section) in doc.sections.iter_mut().enumerate() {
        let here = flagged
            .iter()
            .filter(|f| f.passage == Passage::Section(index));
        section.markdown = bars(&section.markdown, here);
    }
    let notes = flagged.iter().filter(|f| f.passage == Passage::Notes);
    doc.notes = bars(&doc.notes, notes);
    values(&mut doc.own, flagged);
    values(&mut doc.data, flagged);
    doc
}

/// Blacks out the flagged passages of the YAML values under `node` (a
/// value keeps its position wherever it is inherited).
fn values(node: &mut Node, flagged: &[Flagged]) {
    match &mut node.value {
        Value::Str(text) => {
            let here = flagged
                .iter()
                .filter(|f| matches!(&f.passage, Passage::Value(pos) if *pos == node.pos));
            *text = bars(text, here);
        }
        Value::Map(entries) => entries.iter_mut().for_each(|(_, v)| values(v, flagged)),
        Value::Seq(items) => items.iter_mut().for_each(|v| values(v, flagged)),
        _ => {}
    }
}

/// `text` with the bytes of each passage replaced by a bar of as many
/// characters; a line break inside a passage stays one.
fn bars<'a>(text: &str, passages: impl Iterator<Item = &'a Flagged>) -> String {
    let mut ranges: Vec<_> = passages
        .map(|f| f.range.clone())
        .filter(|r| text.get(r.clone()).is_some())
        .collect();
    if ranges.is_empty() {
        return text.to_string();
    }
    ranges.sort_by_key(|r| r.start);
    text.char_indices()
        .map(|(at, c)| {
            let flagged = ranges.iter().any(|r| r.contains(&at));
            if flagged && c != '\n' { BAR } else { c }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(range: std::ops::Range<usize>) -> Flagged {
        Flagged {
            passage: Passage::Notes,
            range,
            code: "PVA040",
        }
    }

    #[test]
    fn a_passage_becomes_a_bar_of_its_length() {
        let text = "Zij heeft een burn-out, zegt zij.";
        let flagged = [flag(14..22)];
        assert_eq!(
            bars(text, flagged.iter()),
            "Zij heeft een ████████, zegt zij."
        );
    }

    #[test]
    fn characters_count_not_bytes_and_lines_stay() {
        let text = "een hoge\nbloeddrük en meer";
        let flagged = [flag(4..19)];
        assert_eq!(bars(text, flagged.iter()), "een ████\n█████████ en meer");
    }

    #[test]
    fn a_range_outside_the_text_changes_nothing() {
        let flagged = [flag(3..99)];
        assert_eq!(bars("kort", flagged.iter()), "kort");
    }

    #[test]
    fn the_embedded_fonts_print_the_bar() {
        assert!(crate::glyphs::can_print(BAR));
    }
}
