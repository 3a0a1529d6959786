//! The sentence's verdict: a linear model (logistic regression) that
//! weighs a sentence's words, the parts of its words and what the term
//! rules found in it. The rules know Dutch — compounds, a body part with
//! its state, who the subject is — but a casemanager says a complaint in
//! more ways than any list holds (`zijn lampje is uit`, `hij hangt erbij
//! als een zoutzak`), and a care worker's work sounds like someone's
//! illness. The model learned from every labelled corpus under
//! `tests/privacy/` except the blind one that measures it (see
//! [`super::train::TRAINING`]); `cargo run --release --example
//! train_privacy` makes `model.bin` again, and a test fails when the file
//! is not what the corpora give.
//!
//! A sentence costs one pass over its words: a few hashed features per
//! word, each a lookup in a fixed table.

use std::ops::Range;
use std::sync::LazyLock;

use super::context::Word;
use super::lexicon::{Found, Kind};

/// Bits of a feature's hash: the table has `2^BITS` weights.
pub(super) const BITS: u32 = 18;

/// Number of weights.
pub(super) const SIZE: usize = 1 << BITS;

/// The score above which a sentence in which the rules found a medical
/// term is about the employee's own health, and the one for a sentence
/// without: the model adds a finding the rules did not make only when it
/// is surer. Chosen from the cross-validation of the trainer (each corpus
/// judged by a model trained without it; docs/privacy.md): the pair with
/// the highest recall at which the sentences of care employers, of other
/// employers and of the project's own corpus each kept a precision of at
/// least 98 %.
pub(super) const THRESHOLD: Thresholds = Thresholds {
    term: 0.0,
    free: 2.0,
};

/// The two thresholds of [`THRESHOLD`].
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// For a sentence with a term the rules judged medical.
    pub term: f32,
    /// For a sentence without.
    pub free: f32,
}

impl Thresholds {
    /// Whether a sentence with this score is medical.
    pub fn medical(self, score: f32, term: bool) -> bool {
        score > if term { self.term } else { self.free }
    }
}

/// The fewest words of a sentence the model judges without a term the
/// rules found: in one word (`Leidinggevende`) there is too little to
/// weigh.
pub(super) const FEWEST: usize = 2;

/// Longest sentence read as one, in words: a longer one is read in
/// pieces, so the part about health is not outweighed by a clause about
/// rosters and dates (`In het gesprek van 11 juni, dat vooral ging over
/// …, noemde zij haar diabetes`). Twenty words gave the best recall at
/// the same precision in the cross-validation (docs/privacy.md).
const LONGEST: usize = 20;

/// A term the rules found in a paragraph, and their verdict on it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    /// Index of its first word.
    pub first: usize,
    /// Its bytes in the paragraph.
    pub start: usize,
    pub end: usize,
    /// What the lexicon says it is.
    pub found: Found,
    /// Whether the rules judged it medical in its sentence.
    pub medical: bool,
}

/// Weights of the features, and the bias.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// One weight per feature hash.
    pub weights: Vec<f32>,
    /// The score of a sentence without features.
    pub bias: f32,
}

/// What `model.bin` starts with.
const MAGIC: &[u8; 8] = b"PVAPRIV1";

impl Model {
    /// The score of a sentence's features (see [`THRESHOLD`]).
    pub fn score(&self, features: &[u32]) -> f32 {
        self.bias
            + features
                .iter()
                .map(|&f| self.weights[f as usize])
                .sum::<f32>()
    }

    /// The model as stored: the magic, the bias, a scale, then each weight
    /// as a 16-bit integer times the scale (little-endian).
    pub fn encode(&self) -> Vec<u8> {
        let largest = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut out = Vec::with_capacity(16 + 2 * SIZE);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bias.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for w in &self.weights {
            // The rounding is the model: the stored weights are the ones
            // judged in cross-validation and in the tests.
            let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        out
    }

    /// The model of [`Model::encode`]'s bytes, or `None` when they are not one.
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let float = |b: &[u8]| Some(f32::from_le_bytes(b.try_into().ok()?));
        let bias = float(rest.get(0..4)?)?;
        let scale = float(rest.get(4..8)?)?;
        let weights = rest.get(8..)?;
        if weights.len() != 2 * SIZE {
            return None;
        }
        let weights = weights
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
            .collect();
        Some(Model { weights, bias })
    }

    /// The verdict of the rules alone: a sentence is medical when a term
    /// in it is.
    pub fn rules_only() -> Model {
        let mut weights = vec![0.0; SIZE];
        weights[hash(b'm', &[]) as usize] = 1.0;
        Model {
            weights,
            bias: THRESHOLD.term.min(THRESHOLD.free) - 0.5,
        }
    }

    /// The model as stored and read back: what lint uses.
    pub fn stored(&self) -> Model {
        Model::decode(&self.encode()).unwrap_or_else(|| self.clone())
    }
}

/// The model in use, compiled into pva. A unit test checks that it reads
/// and that it is what the corpora give; [`Model::rules_only`] is there
/// for training the first one.
pub(super) static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::decode(include_bytes!("model.bin")).unwrap_or_else(Model::rules_only));

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dhr", "mw", "mevr", "mr", "dr", "drs", "ir", "ing", "bijv", "bv", "evt", "ca", "nr", "tel",
    "zgn", "resp", "incl", "excl", "etc", "vgl", "jl", "vlg", "max", "min", "wk", "mnd", "ivm",
    "mbt", "oa", "ipv", "tzt", "zsm", "ovv",
];

/// The sentences of a paragraph as ranges of its words: a sentence ends
/// at `.`, `!` or `?` before a space and a capital or digit, unless the
/// word before is an abbreviation (`dhr.`, `i.v.m.`), and at a line that
/// starts a list item, a table row or a heading. A line break alone does
/// not end one: Markdown wraps a sentence over lines.
pub(super) fn sentences(para: &str, words: &[Word<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in 1..words.len() {
        let before = words[i - 1];
        let gap = before.start + before.text.len()..words[i].start;
        if ends_sentence(before, para, gap, words[i]) {
            out.push(from..i);
            from = i;
        }
    }
    if from < words.len() {
        out.push(from..words.len());
    }
    out.into_iter()
        .flat_map(|r| {
            (r.start..r.end)
                .step_by(LONGEST)
                .map(move |s| s..(s + LONGEST).min(r.end))
        })
        .collect()
}

/// Whether a sentence ends between `before` and `next`, with `gap` the
/// bytes of `para` between them.
fn ends_sentence(before: Word<'_>, para: &str, gap: Range<usize>, next: Word<'_>) -> bool {
    let between = &para[gap.clone()];
    if let Some(newline) = between.rfind('\n') {
        let line = para[gap.start + newline + 1..].trim_start();
        let item = line.starts_with(['-', '*', '+', '|', '#', '>'])
            || line
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['.', ')'])
                && line.starts_with(|c: char| c.is_ascii_digit());
        if item {
            return true;
        }
    }
    let stop = between.trim_start_matches(['"', '\'', ')', '”', '’']);
    if !stop.starts_with(['.', '!', '?']) || !between.contains(char::is_whitespace) {
        return false;
    }
    let abbreviation = before.text.chars().count() == 1 || ABBREVIATIONS.contains(&before.lower);
    let capital = next
        .text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    capital && (!abbreviation || between.starts_with(['!', '?']))
}

/// The features of a sentence: its words, their pairs, the four- and
/// five-letter pieces of each word (how Dutch builds compounds and
/// inflections: `nek|klachten`, `kortademig|e`) and the verdicts of the
/// term rules.
pub(super) fn features(words: &[Word<'_>], hits: &[Hit], out: &mut Vec<u32>) {
    let mut previous: &[u8] = b"^";
    // The word as `^word$`, digits as `0`: one buffer for the sentence.
    let mut padded = Vec::new();
    for word in words {
        padded.clear();
        padded.push(b'^');
        padded.extend(
            word.lower
                .bytes()
                .map(|b| if b.is_ascii_digit() { b'0' } else { b }),
        );
        padded.push(b'$');
        let normal = &padded[1..padded.len() - 1];
        out.push(hash(b'w', &[normal]));
        out.push(hash(b'b', &[previous, b" ", normal]));
        pieces(&padded, out);
        previous = word.lower.as_bytes();
    }
    for hit in hits {
        let verdict: &[u8] = if hit.medical { b"+" } else { b"-" };
        out.push(hash(b'r', &[kind_name(hit.found.kind), verdict]));
        out.push(hash(b't', &[hit.found.term.as_bytes(), verdict]));
    }
    if hits.iter().any(|h| h.medical) {
        out.push(hash(b'm', &[]));
    }
    // Each feature once: a word said twice is not twice as medical.
    out.sort_unstable();
    out.dedup();
}

/// The four- and five-byte pieces of `padded` (`^word$`).
fn pieces(padded: &[u8], out: &mut Vec<u32>) {
    for n in [4, 5] {
        for piece in padded.windows(n) {
            out.push(hash(b'c', &[piece]));
        }
    }
}

fn kind_name(kind: Kind) -> &'static [u8] {
    match kind {
        Kind::Diagnosis => b"diagnose",
        Kind::Treatment => b"behandeling",
        Kind::Provider => b"behandelaar",
        Kind::Place => b"plaats",
    }
}

/// FNV-1a of a tag and parts, folded to [`BITS`]: fixed, so a model
/// trained once means the same on every machine.
fn hash(tag: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for byte in std::iter::once(&tag).chain(parts.iter().flat_map(|p| p.iter())) {
        h ^= u32::from(*byte);
        h = h.wrapping_mul(0x0100_0193);
    }
    (h ^ (h >> BITS)) & (SIZE as u32 - 1)
}
