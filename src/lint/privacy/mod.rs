//! Privacy: no diagnoses, nature of complaints or kinds of treatment or
//! treating specialist in any text the employer keeps.
//!
//! Terms ([`lexicon`]) match at the start of a word, so `terug` or
//! `contractbreuk` never trip it; compounds are read by their parts
//! (`knieblessure` is medical, `coronamaatregelen` is not). A term found is
//! then judged in its [`context`]: the words of its sentence, never the
//! employer's sector, so `verloskundige` in `werkt als verloskundige` is a
//! job, and `naar de verloskundige` a medical fact, in a hospital's dossier
//! as in a bakery's. A text that must keep a term says so visibly:
//! `[privacy-ok: reden]`.

mod context;
mod cues;
mod lexicon;
mod model;
mod terms;
#[cfg(test)]
mod tests;
#[doc(hidden)]
pub mod train;
mod written;

use crate::case::has_privacy_marker;
use crate::case::{Document, Node, Pos};
use crate::diag::Diagnostic;

use crate::rules;
use context::Word;
use lexicon::{Found, Kind, Match, WINDOW, is_word_char, lookup};
use model::{Hit, Model};
use written::{Lines, align, offset_of, position};

/// A passage the check flags, where it is in the text it was found in:
/// a draft blacks it out (`pva build --draft`) rather than print it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged {
    /// The text it is in.
    pub passage: Passage,
    /// Its bytes in that text.
    pub range: std::ops::Range<usize>,
    /// The rule that flags it.
    pub code: &'static str,
}

/// A text of a document that reaches its PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Passage {
    /// A YAML value of the document's data, by the position of the value.
    Value(Pos),
    /// The body of the document's section at this index.
    Section(usize),
    /// The Markdown before the first `##` heading.
    Notes,
}

/// One text to scan, with where it starts and whether treatment words are
/// only a warning there (sociaal-medische afspraken, interventies).
struct Text<'a> {
    text: &'a str,
    passage: Passage,
    pos: Pos,
    /// Treatment words are a warning here, not an error.
    lenient: bool,
    /// For a YAML value: the file's text, where quotes, escapes and folded
    /// lines stand between the value and its position.
    file: Option<&'a str>,
}

/// Checks every text of `doc` that ends up in the PDF.
pub(super) fn document(doc: &Document) -> Vec<Diagnostic> {
    found(doc).into_iter().map(|(_, d)| d).collect()
}

/// The passages of `doc` that [`document`] reports, with what reports them.
pub(super) fn flagged(doc: &Document) -> Vec<(Flagged, Diagnostic)> {
    found(doc)
}

fn found(doc: &Document) -> Vec<(Flagged, Diagnostic)> {
    let mut out = Vec::new();
    for text in texts(doc) {
        scan(&text, &model::MODEL, &mut out);
    }
    out
}

fn texts(doc: &Document) -> Vec<Text<'_>> {
    let mut texts = Vec::new();
    collect(&doc.own, "", &mut texts);
    let file = doc.start().file;
    for text in &mut texts {
        // Values inherited from another file keep their own position.
        if text.pos.file == file {
            text.file = Some(&doc.text);
        }
    }
    for (index, section) in doc.sections.iter().enumerate() {
        let lenient = section.title.eq_ignore_ascii_case("Interventies");
        texts.push(Text {
            text: &section.markdown,
            passage: Passage::Section(index),
            pos: section.body_pos.clone(),
            lenient,
            file: None,
        });
    }
    if !doc.notes.trim().is_empty() {
        let (line, col) = crate::case::line_col(&doc.text, doc.body_offset);
        texts.push(Text {
            text: &doc.notes,
            passage: Passage::Notes,
            pos: Pos {
                file: doc.start().file,
                line,
                col,
            },
            lenient: false,
            file: None,
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
        // pva's own record of the signature: fingerprints, not words.
        _ if path.split('.').nth(1) == Some(crate::case::paths::GETEKENDE_VERSIE) => {}
        crate::case::Value::Str(s) => {
            let lenient = path.starts_with(".interventies")
                || path.ends_with("activiteit") && path.contains("sociaal");
            out.push(Text {
                text: s,
                passage: Passage::Value(node.pos.clone()),
                pos: node.pos.clone(),
                lenient,
                file: None,
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

fn scan(text: &Text<'_>, model: &Model, out: &mut Vec<(Flagged, Diagnostic)>) {
    let mut places = Places::new(text);
    for (start, para) in paragraphs(text.text) {
        if has_privacy_marker(para) {
            continue;
        }
        let lower = lowercase(para);
        let judged = judge(para, &lower, model);
        for (sentence, score, term) in &judged.sentences {
            if !model::THRESHOLD.medical(*score, *term) {
                continue;
            }
            let hits: Vec<&Hit> = judged
                .hits
                .iter()
                .filter(|h| h.medical && sentence.contains(&h.first))
                .collect();
            if hits.is_empty() {
                let words = &judged.words[sentence.clone()];
                let (from, to) = (words[0].start, end_of(words[words.len() - 1]));
                let (pos, width) = places.span(start + from, start + to);
                let telling = telling(words, model);
                let finding = sentence_finding(&telling, &pos, width);
                let flagged = Flagged {
                    passage: text.passage.clone(),
                    range: start + from..start + to,
                    code: finding.code,
                };
                out.push((flagged, finding));
            }
            for hit in hits {
                // The whole term when it spans words: `hoge bloeddruk`.
                let shown = &para[hit.start..hit.end];
                let (pos, width) = places.span(start + hit.start, start + hit.end);
                let finding = finding(hit.found, shown, &pos, width, text.lenient);
                let flagged = Flagged {
                    passage: text.passage.clone(),
                    range: start + hit.start..start + hit.end,
                    code: finding.code,
                };
                out.push((flagged, finding));
            }
        }
    }
}

/// A paragraph as the check reads it: its words, the terms the rules
/// found, and each sentence (a range of words) with its score and whether
/// the rules found a medical term in it ([`model::THRESHOLD`] says which
/// scores are about the employee's own health).
struct Judged<'a> {
    words: Vec<Word<'a>>,
    hits: Vec<Hit>,
    sentences: Vec<(std::ops::Range<usize>, f32, bool)>,
}

/// Judges a paragraph: the rules find terms and judge each in its
/// sentence; the model weighs each sentence with what the rules found.
fn judge<'a>(para: &'a str, lower: &'a str, model: &Model) -> Judged<'a> {
    let words = words(para, lower);
    let hits = terms(lower, &words);
    let mut features = Vec::new();
    let sentences = model::sentences(para, &words)
        .into_iter()
        .map(|range| {
            // The hits are in the order of their words: a sentence's are
            // one run of them.
            let from = hits.partition_point(|h| h.first < range.start);
            let to = hits.partition_point(|h| h.first < range.end);
            let inside = &hits[from..to];
            features.clear();
            model::features(&words[range.clone()], inside, &mut features);
            let term = inside.iter().any(|h| h.medical);
            let (start, end) = (words[range.start].start, end_of(words[range.end - 1]));
            let tokens = para[start..end].split_whitespace().count();
            let score = if term || tokens >= model::FEWEST {
                model.score(&features)
            } else {
                f32::NEG_INFINITY
            };
            (range, score, term)
        })
        .collect();
    Judged {
        words,
        hits,
        sentences,
    }
}

/// The terms of a paragraph, each judged in its sentence by the rules.
fn terms(lower: &str, words: &[Word<'_>]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut index = 0;
    // The last word of the last term judged ordinary.
    let mut ordinary = None;
    while index < words.len() {
        let Some((offset, found, last)) = term_in(lower, words, index) else {
            index += 1;
            continue;
        };
        // One finding per term: `hoge bloeddruk` is not found again
        // as `bloeddruk`.
        let first = index;
        index = last + 1;
        let joined = ordinary.is_some_and(|end| context::coordinated(words, end, first));
        let medical = !joined && context::is_medical(found, words, first, last);
        // A term that lacked what it needs (`last` without a body part)
        // passes nothing on: `last van steken en een branderig gevoel`.
        ordinary = if medical {
            None
        } else {
            (found.need == lexicon::Need::Nothing).then_some(last)
        };
        hits.push(Hit {
            first,
            start: offset,
            end: end_of(words[last]),
            found,
            medical,
        });
    }
    hits
}

fn end_of(word: Word<'_>) -> usize {
    word.start + word.text.len()
}

/// The words of a sentence that weigh most towards its verdict, most
/// telling first: what a finding without a listed term quotes.
fn telling<'a>(words: &[Word<'a>], model: &Model) -> Vec<&'a str> {
    let mut weighed: Vec<(f32, usize)> = word_weights(words, model)
        .into_iter()
        .enumerate()
        .map(|(i, w)| (w, i))
        .filter(|(w, _)| *w > 0.0)
        .collect();
    weighed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    weighed
        .iter()
        .take(3)
        .map(|(_, i)| words[*i].text)
        .collect()
}

/// What each word adds to a sentence's score on its own: the weights of
/// its features read alone.
fn word_weights(words: &[Word<'_>], model: &Model) -> Vec<f32> {
    let mut features = Vec::new();
    (0..words.len())
        .map(|i| {
            features.clear();
            model::features(&words[i..=i], &[], &mut features);
            model.score(&features) - model.bias
        })
        .collect()
}

/// The file positions of offsets in one text: counted on from the last
/// one, through the alignment of a YAML value with what was written. The
/// alignment is made at the first finding: most texts have none.
struct Places<'a> {
    start: Pos,
    value: &'a str,
    file: Option<&'a str>,
    /// What is counted in (the text itself, or the file from the value
    /// on) and, for a YAML value, value offset → offset in that text.
    counted: Option<(Lines<'a>, Option<Vec<usize>>)>,
}

impl<'a> Places<'a> {
    fn new(text: &Text<'a>) -> Places<'a> {
        Places {
            start: text.pos.clone(),
            value: text.text,
            file: text.file,
            counted: None,
        }
    }

    /// The position of the text from byte `from` to `to`, and its width
    /// in characters as written.
    fn span(&mut self, from: usize, to: usize) -> (Pos, usize) {
        let Places {
            start,
            value,
            file,
            counted,
        } = self;
        let (lines, map) = counted.get_or_insert_with(|| count(value, *file, start));
        let (from, to) = match map {
            Some(map) => (map[from], map[to]),
            None => (from, to),
        };
        let (line, col) = lines.at(from);
        let (end_line, end_col) = lines.at(to);
        let width = if end_line == line {
            end_col - col
        } else {
            to - from
        };
        (position(start, (line, col)), width.max(1))
    }
}

/// The text positions of `value`, which starts at `start`, are counted
/// in: the file from the value on, aligned with the value, or else the
/// value itself.
fn count<'a>(
    value: &'a str,
    file: Option<&'a str>,
    start: &Pos,
) -> (Lines<'a>, Option<Vec<usize>>) {
    let aligned = file.and_then(|file| {
        let from = offset_of(file, start.line, start.col)?;
        let written = &file[from..];
        Some((written, align(written, value)?))
    });
    match aligned {
        Some((written, map)) => (Lines::new(written), Some(map)),
        None => (Lines::new(value), None),
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

fn finding(found: Found, word: &str, pos: &Pos, width: usize, lenient: bool) -> Diagnostic {
    let rule = match found.kind {
        Kind::Diagnosis => &rules::PRIVACY_MEDICAL,
        Kind::Treatment | Kind::Provider | Kind::Place => &rules::PRIVACY_TREATMENT,
    };
    // Interventions and sociaal-medische zaken name help by its kind; the
    // rule says how much milder it is there.
    let new = if lenient {
        Diagnostic::milder
    } else {
        Diagnostic::new
    };
    new(rule, pos, message(rule.code, word))
        .width(width)
        .hint("beschrijf wat de werknemer wel en niet kan (beperkingen, mogelijkheden), niet de ziekte of behandeling; bewust nodig? zet [privacy-ok: reden] in deze alinea")
}

/// A sentence the model judges medical in which no listed term is: the
/// finding covers the sentence and quotes its most telling words.
fn sentence_finding(telling: &[&str], pos: &Pos, width: usize) -> Diagnostic {
    let quoted: Vec<String> = telling.iter().map(|w| format!("`{w}`")).collect();
    let because = if quoted.is_empty() {
        String::new()
    } else {
        format!(" (vooral {})", quoted.join(", "))
    };
    Diagnostic::new(
        &rules::PRIVACY_MEDICAL,
        pos,
        format!(
            "deze zin lijkt iets te zeggen over de eigen gezondheid van de werknemer{because}; dat mag de werkgever niet vastleggen"
        ),
    )
    .width(width)
    .hint("beschrijf wat de werknemer wel en niet kan (beperkingen, mogelijkheden), niet hoe het met de gezondheid gaat; gaat de zin over het werk of over iemand anders, of is dit bewust nodig? zet [privacy-ok: reden] in deze alinea")
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

/// Whether the clause `clause` so far is a body part alone, the label of
/// a note (`nek: stijf, draait moeizaam`): what follows the colon is its
/// state, so the colon does not end the clause.
fn body_part_label(words: &[Word<'_>], clause: usize) -> bool {
    let mut named = words
        .iter()
        .rev()
        .take_while(|w| w.clause == clause)
        .filter(|w| w.lower.chars().any(char::is_alphanumeric));
    matches!((named.next(), named.next()), (Some(w), None) if lexicon::is_body_part(w.lower))
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
        if matches!(c, '.' | '!' | '?' | ';') || (c == ':' && !body_part_label(&out, clause)) {
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
