//! Privacy: no diagnoses, nature of complaints or kinds of treatment or
//! treating specialist in any text the employer keeps. Terms match at the
//! start of a word, so `terug` or `contractbreuk` never trip it. A text that
//! must keep a term says so visibly: `[privacy-ok: reden]`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::case::{Document, Node, Pos};
use crate::diag::{Diagnostic, Severity};

use super::rules;

/// Diagnoses and nature of complaints (always an error).
const MEDICAL: &[&str] = &[
    "burn-out",
    "burnout",
    "overspannen",
    "depressie",
    "depressief",
    "angststoornis",
    "paniekstoornis",
    "ptss",
    "psychose",
    "bipolair",
    "schizofrenie",
    "adhd",
    "autisme",
    "verslaving",
    "alcoholisme",
    "alcoholist",
    "drugsgebruik",
    "kanker",
    "tumor",
    "borstkanker",
    "leukemie",
    "chemo",
    "hernia",
    "artrose",
    "reuma",
    "fibromyalgie",
    "whiplash",
    "rsi",
    "hartinfarct",
    "hartfalen",
    "beroerte",
    "cva",
    "epilepsie",
    "migraine",
    "diabetes",
    "astma",
    "copd",
    "long covid",
    "covid",
    "corona",
    "griep",
    "multiple sclerose",
    "parkinson",
    "dementie",
    "hersenletsel",
    "hersenschudding",
    "fractuur",
    "gebroken",
    "zwangerschapsvergiftiging",
    "bekkeninstabiliteit",
    "miskraam",
    "ivf",
    "hoge bloeddruk",
    "obesitas",
    "eetstoornis",
    "slaapstoornis",
    "tinnitus",
    "gehoorverlies",
    "psychische klachten",
    "lichamelijke klachten",
    "fysieke klachten",
    "rugklachten",
    "nekklachten",
    "hartklachten",
    "longklachten",
    "botbreuk",
];

/// Kinds of treatment and of treating specialist.
const TREATMENT: &[&str] = &[
    "behandeling",
    "ingreep",
    "kliniek",
    "therapie",
    "psychotherapie",
    "emdr",
    "cognitieve gedragstherapie",
    "traumabehandeling",
    "burn-out training",
    "burn-outtraining",
    "fysiotherapie",
    "oefentherapie",
    "manuele therapie",
    "rugtraining",
    "haptotherapie",
    "ergotherapie",
    "logopedie",
    "revalidatie",
    "chemotherapie",
    "bestraling",
    "radiotherapie",
    "ziekenhuisopname",
    "dagbehandeling",
    "medicatie",
    "medicijnen",
    "antidepressiva",
    "pijnstillers",
    "dialyse",
    "afkickkliniek",
    "verslavingszorg",
    "huisarts",
    "medisch specialist",
    "psycholoog",
    "gz-psycholoog",
    "psychiater",
    "poh-ggz",
    "ggz",
    "psychotherapeut",
    "fysiotherapeut",
    "oefentherapeut",
    "haptotherapeut",
    "ergotherapeut",
    "neuroloog",
    "cardioloog",
    "oncoloog",
    "orthopeed",
    "chirurg",
    "internist",
    "reumatoloog",
    "longarts",
    "gynaecoloog",
    "verloskundige",
    "revalidatiearts",
    "kno-arts",
    "oogarts",
    "dermatoloog",
    "diëtist",
    "ziekenhuis",
    "behandelaar",
    "behandelend arts",
];

/// The marker that acknowledges a term on purpose.
pub const MARKER: &str = "[privacy-ok:";

/// One text to scan, with where it starts and whether treatment words are
/// only a warning there (sociaal-medische afspraken, interventies).
struct Text<'a> {
    text: &'a str,
    pos: Pos,
    /// Treatment words are a warning here, not an error.
    lenient: bool,
}

/// Checks every text of `doc` that ends up in the PDF.
pub fn document(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for text in texts(doc) {
        scan(&text, &mut out);
    }
    out
}

fn texts(doc: &Document) -> Vec<Text<'_>> {
    let mut texts = Vec::new();
    collect(&doc.own, "", &mut texts);
    for section in &doc.sections {
        let lenient = section.title.eq_ignore_ascii_case("Interventies");
        texts.push(Text {
            text: &section.markdown,
            pos: section.body_pos.clone(),
            lenient,
        });
    }
    if let Some(start) = body_start(doc).filter(|_| !doc.notes.trim().is_empty()) {
        let (line, col) = crate::case::line_col(&doc.text, start);
        texts.push(Text {
            text: &doc.notes,
            pos: Pos {
                file: doc.start().file,
                line,
                col,
            },
            lenient: false,
        });
    }
    texts
}

/// Byte offset where the notes start: just after the closing `---`.
fn body_start(doc: &Document) -> Option<usize> {
    let text = &doc.text;
    let mut offset = text.find('\n')? + 1;
    for line in text[offset..].split_inclusive('\n') {
        offset += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return Some(offset);
        }
    }
    None
}

fn collect<'a>(node: &'a Node, path: &str, out: &mut Vec<Text<'a>>) {
    match &node.value {
        crate::case::Value::Str(s) => {
            let lenient = path.starts_with("interventies")
                || path.ends_with("activiteit") && path.contains("sociaal");
            out.push(Text {
                text: s,
                pos: node.pos.clone(),
                lenient,
            });
        }
        crate::case::Value::Map(entries) => {
            let medical_row = node.child("probleemveld").and_then(Node::text).as_deref()
                == Some("sociaal_medische_zaken");
            for (key, value) in entries {
                let child = if medical_row {
                    format!("{path}.sociaal.{}", key.name)
                } else {
                    format!("{path}.{}", key.name)
                };
                collect(value, &child, out);
            }
        }
        crate::case::Value::Seq(items) => items.iter().for_each(|i| collect(i, path, out)),
        _ => {}
    }
}

fn scan(text: &Text<'_>, out: &mut Vec<Diagnostic>) {
    for paragraph in paragraphs(text.text) {
        let (start, para) = paragraph;
        if para.to_lowercase().contains(MARKER) {
            continue;
        }
        for (offset, word) in words(para) {
            let Some((rule, term)) = term_at(&para[offset..]) else {
                continue;
            };
            let pos = position(text, start + offset);
            let mut diag = Diagnostic::new(rule, &pos, message(rule.code, word))
                .width(word.chars().count().max(term.chars().count()))
                .hint("beschrijf wat de werknemer wel en niet kan (beperkingen, mogelijkheden), niet de ziekte of behandeling; bewust nodig? zet [privacy-ok: reden] in deze alinea");
            if text.lenient && rule.code == rules::PRIVACY_TREATMENT.code {
                diag.severity = Severity::Warning;
            }
            out.push(diag);
        }
    }
}

fn message(code: &str, word: &str) -> String {
    if code == rules::PRIVACY_MEDICAL.code {
        format!(
            "`{word}` is een medisch gegeven (diagnose of aard van de klachten); dat mag de werkgever niet vastleggen"
        )
    } else {
        format!("`{word}` noemt een soort behandeling of behandelaar; dat is een medisch gegeven")
    }
}

/// Longest term, in characters: no term can match further into the text.
const WINDOW: usize = 32;

/// Every term, medical ones first, in one automaton: a word is checked
/// against all of them in one pass.
static TERMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(StartKind::Anchored)
        .build(MEDICAL.iter().chain(TREATMENT))
        .expect("the term lists are small, fixed strings")
});

/// The rule and term that `text` starts with, if any (medical terms win).
fn term_at(text: &str) -> Option<(&'static rules::Rule, &'static str)> {
    let window = lowercase_window(text);
    let found = TERMS.find(Input::new(&window).anchored(Anchored::Yes))?;
    let id = found.pattern().as_usize();
    Some(match MEDICAL.get(id) {
        Some(term) => (&rules::PRIVACY_MEDICAL, term),
        None => (&rules::PRIVACY_TREATMENT, TREATMENT[id - MEDICAL.len()]),
    })
}

/// The start of `text`, lowercased: only as much as a term can span, so a
/// long paragraph costs linear time, not quadratic.
fn lowercase_window(text: &str) -> String {
    let end = text
        .char_indices()
        .nth(WINDOW)
        .map_or(text.len(), |(i, _)| i);
    text[..end].to_lowercase()
}

/// Paragraphs (split at blank lines) with their byte offsets.
fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        out.push((start, &text[start..i]));
        start = i + 2;
    }
    out.push((start, &text[start..]));
    out
}

/// Words (letters, digits, `-`) with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
}

/// The file position of byte `offset` within a scanned text.
fn position(text: &Text<'_>, offset: usize) -> Pos {
    let (line, col) = crate::case::line_col(text.text, offset);
    if line == 1 {
        Pos {
            col: text.pos.col + col - 1,
            ..text.pos.clone()
        }
    } else {
        Pos {
            line: text.pos.line + line - 1,
            col,
            ..text.pos.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn hits(text: &str) -> Vec<(&'static str, usize)> {
        let pos = Pos {
            file: Arc::from(std::path::Path::new("x.md")),
            line: 1,
            col: 1,
        };
        let mut out = Vec::new();
        scan(
            &Text {
                text,
                pos,
                lenient: false,
            },
            &mut out,
        );
        out.iter().map(|d| (d.code, d.column)).collect()
    }

    #[test]
    fn whole_word_starts_only() {
        assert_eq!(hits("Hij komt terug na de contractbreuk."), vec![]);
        assert_eq!(hits("Zij heeft een burn-out."), vec![("PVA040", 15)]);
        assert_eq!(hits("Afspraak bij de Fysiotherapeut"), vec![("PVA041", 17)]);
        assert_eq!(hits("Depressieve klachten"), vec![("PVA040", 1)]);
    }

    #[test]
    fn no_term_is_longer_than_the_window() {
        for term in MEDICAL.iter().chain(TREATMENT) {
            assert!(term.chars().count() <= WINDOW, "{term}");
        }
    }

    #[test]
    fn terms_late_in_a_long_paragraph_are_found() {
        let text = format!("{}psychiater", "woord ".repeat(2000));
        assert_eq!(hits(&text), vec![("PVA041", 12_001)]);
    }

    #[test]
    fn marker_acknowledges_the_paragraph() {
        assert_eq!(
            hits("Naar de huisarts [privacy-ok: werknemer vroeg dit]\n\nNaar de huisarts"),
            vec![("PVA041", 9)]
        );
    }
}
