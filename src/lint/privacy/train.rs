//! Training the sentence model ([`super::model`]) from the labelled
//! corpora under `tests/privacy/`, and judging a text as lint does. Used by
//! `examples/train_privacy.rs` (which writes `model.bin` and the
//! cross-validation) and by the test that checks `model.bin` is what the
//! corpora give. Not part of pva's interface.

use std::path::Path;

use super::model::{self, SIZE};
pub use super::model::{Model, Thresholds};
use super::{judge, lowercase, paragraphs, terms, word_weights, words};

/// The corpora the model learns from, under `tests/privacy/`. The blind
/// corpus that measures it ([`BLIND`]) is not among them and must never
/// be; the one before it (`heldout-final5.tsv`, measured once in the
/// first half of the fifth round) is a development corpus since.
pub const TRAINING: &[&str] = &[
    "corpus.tsv",
    "heldout-dev.tsv",
    "heldout-final.tsv",
    "heldout-final2.tsv",
    "heldout-final3.tsv",
    "heldout-dev4.tsv",
    "heldout-final4.tsv",
    "train-w1.tsv",
    "train-w2.tsv",
    "train-w3.tsv",
    "train-w4.tsv",
    "train-w5.tsv",
    "train-w6.tsv",
    "train-w7.tsv",
    "train-w8.tsv",
    "train-w9.tsv",
    "train-w10.tsv",
    "train-w11.tsv",
    "train-w12.tsv",
    "formulier.tsv",
    "heldout-final5.tsv",
];

/// The blind corpus that measures the model (written by someone who saw
/// neither the code nor any corpus; `heldout-final6.md`).
pub const BLIND: &str = "heldout-final6.tsv";

/// Passes over the examples.
const EPOCHS: usize = 5;
/// AdaGrad's step.
const RATE: f32 = 0.2;
/// L2 pull of each weight towards zero, per update.
const L2: f32 = 1e-5;

/// One labelled sentence of a corpus.
#[derive(Debug, Clone)]
pub struct Example {
    /// Index of its corpus in [`TRAINING`] (or the list read).
    pub corpus: usize,
    pub medical: bool,
    /// `zorg`, `overig` or the corpus's context.
    pub employer: String,
    pub pattern: String,
    pub text: String,
    /// Its features, the whole line read as one sentence.
    pub features: Vec<u32>,
}

/// Reads the corpora `names` under `dir`: a header, then `label`,
/// `patroon` or `categorie`, `werkgever` or `context`, `zin`.
pub fn read(dir: &Path, names: &[&str]) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for (corpus, name) in names.iter().enumerate() {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        for (i, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [label, pattern, employer, sentence] = cols[..] else {
                return Err(format!("{name}:{}: {} columns", i + 1, cols.len()));
            };
            let medical = match label {
                "medisch" => true,
                "geen" | "gewoon" => false,
                other => return Err(format!("{name}:{}: label {other:?}", i + 1)),
            };
            out.push(Example {
                corpus,
                medical,
                employer: employer.to_string(),
                pattern: pattern.to_string(),
                text: sentence.to_string(),
                features: line_features(sentence),
            });
        }
    }
    Ok(out)
}

/// The features of `text` read as one sentence, with what the rules find.
fn line_features(text: &str) -> Vec<u32> {
    let lower = lowercase(text);
    let words = words(text, &lower);
    let hits = terms(&lower, &words);
    let mut out = Vec::new();
    model::features(&words, &hits, &mut out);
    out
}

/// The score of each sentence of `text` as lint judges it (each paragraph
/// split into sentences), and whether the rules found a medical term in
/// it: the text is flagged when [`Thresholds::medical`] says so of one.
pub fn scores(model: &Model, text: &str) -> Vec<(f32, bool)> {
    paragraphs(text)
        .into_iter()
        .flat_map(|(_, para)| {
            let lower = lowercase(para);
            judge(para, &lower, model)
                .sentences
                .into_iter()
                .map(|(_, s, t)| (s, t))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The thresholds lint uses.
pub const THRESHOLD: Thresholds = model::THRESHOLD;

/// Trains a model on `examples` (logistic regression, AdaGrad, the two
/// labels weighed equally), in a fixed order: the same examples give the
/// same bytes. Returns it as stored (weights rounded to 16 bits).
pub fn train(examples: &[&Example]) -> Model {
    let medical = examples.iter().filter(|e| e.medical).count().max(1) as f32;
    let ordinary = (examples.len() as f32 - medical).max(1.0);
    let total = examples.len() as f32;
    let weigh = |m: bool| {
        if m {
            total / (2.0 * medical)
        } else {
            total / (2.0 * ordinary)
        }
    };
    let mut weights = vec![0f32; SIZE];
    let mut squares = vec![0f32; SIZE];
    let (mut bias, mut bias_squares) = (0f32, 0f32);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x2545_f491_u64;
    for _ in 0..EPOCHS {
        shuffle(&mut order, &mut seed);
        for &i in &order {
            let example = examples[i];
            let z = bias
                + example
                    .features
                    .iter()
                    .map(|&f| weights[f as usize])
                    .sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let target = if example.medical { 1.0 } else { 0.0 };
            let gradient = (p - target) * weigh(example.medical);
            for &f in &example.features {
                let f = f as usize;
                let g = gradient + L2 * weights[f];
                squares[f] += g * g;
                weights[f] -= RATE * g / (squares[f].sqrt() + 1e-6);
            }
            bias_squares += gradient * gradient;
            bias -= RATE * gradient / (bias_squares.sqrt() + 1e-6);
        }
    }
    Model { weights, bias }.stored()
}

/// A Fisher–Yates shuffle with a fixed generator (xorshift), so training
/// needs no source of randomness.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// The verdict of the rules alone, as a model (for comparison).
pub fn rules_only() -> Model {
    Model::rules_only()
}

/// What each word of `text` adds to its score on its own (the words a
/// finding quotes are the three that add most), for looking at a verdict.
pub fn contributions(model: &Model, text: &str) -> Vec<(String, f32)> {
    let lower = lowercase(text);
    let words = words(text, &lower);
    let weights = word_weights(&words, model);
    words
        .iter()
        .map(|w| w.text.to_string())
        .zip(weights)
        .collect()
}
