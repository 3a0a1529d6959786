//! Privacy: no diagnoses, nature of complaints or kinds of treatment or
//! treating specialist in any text the employer keeps.
//!
//! Terms ([`lexicon`]) match at the start of a word, so `terug` or
//! `contractbreuk` never trip it; compounds are read by their parts
//! (`knieblessure` is medical, `coronamaatregelen` is not). A term found is
//! then judged in its [`context`]: the words around it and the employee's
//! employer and job, so `verloskundige` in `werkt als verloskundige` is a
//! job, and `naar de verloskundige` a medical fact. A text that must keep a
//! term says so visibly: `[privacy-ok: reden]`.

mod context;
mod cues;
mod lexicon;
mod terms;
#[cfg(test)]
mod tests;

use crate::case::has_privacy_marker;
use crate::case::{Document, Node, Pos, paths};
use crate::diag::Diagnostic;

use crate::rules;
use context::{Word, Workplace};
use lexicon::{Found, Kind, Match, WINDOW, is_word_char, lookup};

/// One text to scan, with where it starts and whether treatment words are
/// only a warning there (sociaal-medische afspraken, interventies).
struct Text<'a> {
    text: &'a str,
    pos: Pos,
    /// Treatment words are a warning here, not an error.
    lenient: bool,
}

/// Checks every text of `doc` that ends up in the PDF.
pub(super) fn document(doc: &Document) -> Vec<Diagnostic> {
    let workplace = Workplace::new(
        &doc.text(paths::BEDRIJFSNAAM).unwrap_or_default(),
        &doc.text(paths::WERKNEMER_FUNCTIE).unwrap_or_default(),
    );
    let mut out = Vec::new();
    for text in texts(doc) {
        scan(&text, &workplace, &mut out);
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
    if !doc.notes.trim().is_empty() {
        let (line, col) = crate::case::line_col(&doc.text, doc.body_offset);
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

/// Names, job titles and addresses (`werkgever.bedrijfsnaam: Ziekenhuis
/// Rivierenland`, `functie: verloskundige`) say who someone is, not how
/// they are.
fn is_identity(path: &str) -> bool {
    let key = path.rsplit('.').next().unwrap_or(path);
    IDENTITY.contains(&key)
}

/// The keys of [`is_identity`], wherever in the schema they are.
const IDENTITY: &[&str] = &[
    "naam",
    "bedrijfsnaam",
    "bedrijfsarts",
    "functie",
    "adres",
    "plaats",
    "vestiging",
    "email",
];

fn collect<'a>(node: &'a Node, path: &str, out: &mut Vec<Text<'a>>) {
    match &node.value {
        crate::case::Value::Str(_) if is_identity(path) => {}
        crate::case::Value::Str(s) => {
            let lenient = path.starts_with(".interventies")
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

fn scan(text: &Text<'_>, workplace: &Workplace, out: &mut Vec<Diagnostic>) {
    let mut lines = Lines::new(text.text);
    for (start, para) in paragraphs(text.text) {
        if has_privacy_marker(para) {
            continue;
        }
        let lower = lowercase(para);
        let words = words(para, &lower);
        for index in 0..words.len() {
            if let Some((offset, found, last)) = term_in(&lower, &words, index) {
                if !context::is_medical(found, &words, index, last, workplace) {
                    continue;
                }
                // The whole term when it spans words: `hoge bloeddruk`.
                let end = words[last].start + words[last].text.len();
                let shown = &para[offset..end];
                let pos = position(text, lines.at(start + offset));
                out.push(finding(found, shown, &pos, text.lenient));
            }
        }
    }
}

/// The medical term that starts in `words[index]`: at the word start, or
/// else at a part after a hyphen (`collega-fysiotherapeut`), with its byte
/// offset and the index of the last word it spans.
fn term_in(lower: &str, words: &[Word<'_>], index: usize) -> Option<(usize, Found, usize)> {
    let word = words[index];
    let parts = std::iter::once(0).chain(word.text.match_indices('-').map(|(i, _)| i + 1));
    for part in parts.filter(|p| *p < word.text.len()) {
        let offset = word.start + part;
        let (window, cut) = window(&lower[offset..]);
        match lookup(window, cut, part > 0) {
            Match::None => continue,
            Match::Ordinary => return None,
            Match::Medical(found) => {
                let end = offset + found.term.len();
                let last = index
                    + words[index + 1..]
                        .iter()
                        .take_while(|w| w.start < end)
                        .count();
                return Some((offset, found, last));
            }
        }
    }
    let found = lexicon::free_head(word.lower)?;
    Some((word.start, found, index))
}

fn finding(found: Found, word: &str, pos: &Pos, lenient: bool) -> Diagnostic {
    let rule = match found.kind {
        Kind::Diagnosis => &rules::PRIVACY_MEDICAL,
        Kind::Treatment | Kind::Provider => &rules::PRIVACY_TREATMENT,
    };
    // Interventions and sociaal-medische zaken name help by its kind; the
    // rule says how much milder it is there.
    let new = if lenient {
        Diagnostic::milder
    } else {
        Diagnostic::new
    };
    new(rule, pos, message(rule.code, word))
        .width(word.chars().count().max(found.term.chars().count()))
        .hint("beschrijf wat de werknemer wel en niet kan (beperkingen, mogelijkheden), niet de ziekte of behandeling; bewust nodig? zet [privacy-ok: reden] in deze alinea")
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

/// The start of `text` that a term can span, and whether the text goes on
/// after it: a long paragraph costs linear time, not quadratic.
fn window(text: &str) -> (&str, bool) {
    let end = text.floor_char_boundary(WINDOW);
    (&text[..end], end < text.len())
}

/// `text` lowercased letter by letter, each at the same byte offset: a
/// letter whose lowercase is longer or shorter (rare outside Turkish and
/// Greek) stays as it is.
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
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

/// The words of a paragraph (letters, digits, `-`), each with its byte
/// offset, its lowercase form (from `lower`, the paragraph lowercased) and
/// its clause.
fn words<'a>(text: &'a str, lower: &'a str) -> Vec<Word<'a>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut clause = 0;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    start: s,
                    text: &text[s..i],
                    lower: &lower[s..i],
                    clause,
                });
                start = None;
            }
            _ => {}
        }
        if matches!(c, '.' | '!' | '?' | ';' | ':') {
            clause += 1;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            text: &text[s..],
            lower: &lower[s..],
            clause,
        });
    }
    out
}

/// Line and column of ever later offsets in one text, each counted on
/// from the one before, so the positions of all findings cost one pass.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    col: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            offset: 0,
            line: 1,
            col: 1,
        }
    }

    /// The 1-based line and column of byte `offset`.
    fn at(&mut self, offset: usize) -> (usize, usize) {
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

/// The file position of `(line, col)` within a scanned text.
fn position(text: &Text<'_>, (line, col): (usize, usize)) -> Pos {
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
