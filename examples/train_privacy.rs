//! Trains the privacy check's sentence model from the labelled corpora and
//! writes `src/lint/privacy/model.bin`; prints the cross-validation that
//! chose `model::THRESHOLD`: each corpus judged by a model trained without
//! it, per employer, at a range of thresholds.
//!
//! `cargo run --release --example train_privacy` (add `--cv` for the
//! cross-validation, with `--term X --free Y` for other thresholds and
//! `PVA_LIST=1` for every miss and false hit; `--no-write` to leave
//! model.bin as it is; `--explain SENTENCE…` for what each word weighs).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use pva::lint::privacy_training::{self as training, Example, Thresholds};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/privacy");
    // Every corpus of the list, or nothing: a model from fewer corpora is
    // not the one the test expects.
    let names = training::TRAINING;
    let examples = match training::read(&dir, names) {
        Ok(examples) => examples,
        Err(e) => {
            eprintln!("tests/privacy/{e}");
            return ExitCode::FAILURE;
        }
    };
    let medical = examples.iter().filter(|e| e.medical).count();
    println!(
        "{} sentences ({medical} medisch) in {} corpora",
        examples.len(),
        names.len()
    );
    let all: Vec<&Example> = examples.iter().collect();
    if let Some(i) = args.iter().position(|a| a == "--explain") {
        let model = training::train(&all);
        for text in &args[i + 1..] {
            println!("{:?} {text}", training::scores(&model, text));
            for (word, weight) in training::contributions(&model, text) {
                println!("  {weight:6.2} {word}");
            }
        }
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--cv") {
        cross_validate(&examples, names);
    }
    if let Some(name) = args
        .iter()
        .position(|a| a == "--judge")
        .and_then(|i| args.get(i + 1))
    {
        return judge(&dir, name, &training::train(&all));
    }
    if !args.iter().any(|a| a == "--no-write") {
        let model = training::train(&all);
        let path = root.join("src/lint/privacy/model.bin");
        if let Err(e) = pva::fs::write_atomic(&path, &model.encode()) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

/// Recall and precision per employer on the corpus `name`, by the rules
/// alone and by `model` (trained on every training corpus), as lint judges.
fn judge(dir: &Path, name: &str, model: &training::Model) -> ExitCode {
    let corpus = match training::read(dir, &[name]) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("tests/privacy/{e}");
            return ExitCode::FAILURE;
        }
    };
    let rules = training::rules_only();
    let scored: Vec<Scored<'_>> = corpus
        .iter()
        .map(|e| Scored {
            corpus: 0,
            employer: e.employer.as_str(),
            medical: e.medical,
            model: training::scores(model, &e.text),
            rules: training::scores(&rules, &e.text),
            example: e,
        })
        .collect();
    let flagged = |scores: &[(f32, bool)]| {
        scores
            .iter()
            .any(|&(s, h)| training::THRESHOLD.medical(s, h))
    };
    println!("rules alone:");
    report(&scored, &[name], |s| flagged(&s.rules));
    println!("rules and model:");
    report(&scored, &[name], |s| flagged(&s.model));
    ExitCode::SUCCESS
}

/// One sentence of a corpus as judged in cross-validation: its corpus,
/// employer, label, and the scores of its sentences by the model trained
/// without its corpus and by the rules alone.
struct Scored<'a> {
    corpus: usize,
    employer: &'a str,
    medical: bool,
    model: Vec<(f32, bool)>,
    rules: Vec<(f32, bool)>,
    example: &'a Example,
}

/// Scores of each corpus by a model trained on the others, then recall
/// and precision per employer at a grid of thresholds, and per corpus at
/// the thresholds in use.
fn cross_validate(examples: &[Example], names: &[&str]) {
    let mut scored = Vec::new();
    let rules = training::rules_only();
    for (corpus, name) in names.iter().enumerate() {
        let rest: Vec<&Example> = examples.iter().filter(|e| e.corpus != corpus).collect();
        let model = training::train(&rest);
        for e in examples.iter().filter(|e| e.corpus == corpus) {
            let employer = match e.employer.as_str() {
                "zorg" | "overig" => e.employer.as_str(),
                _ => "context",
            };
            scored.push(Scored {
                corpus,
                employer,
                medical: e.medical,
                model: training::scores(&model, &e.text),
                rules: training::scores(&rules, &e.text),
                example: e,
            });
        }
        eprintln!("cv {name}");
    }
    let flagged =
        |scores: &[(f32, bool)], t: Thresholds| scores.iter().any(|&(s, h)| t.medical(s, h));
    println!("\nrules alone:");
    report(&scored, names, |s| flagged(&s.rules, training::THRESHOLD));
    println!("\n| term | free | overig R / P | zorg R / P | context R / P | lowest corpus P |");
    for term in [-1.5f32, -1.0, -0.5, 0.0, 0.5, 1.0] {
        for free in [1.0f32, 1.5, 2.0, 2.5, 3.0] {
            let t = Thresholds { term, free };
            let line = summary(&scored, names, |s| flagged(&s.model, t));
            println!("| {term} | {free} | {line}");
        }
    }
    // `--term X --free Y` look at other thresholds than those in use.
    let arg = |name: &str, default: f32| {
        let args: Vec<String> = std::env::args().collect();
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(default)
    };
    let t = Thresholds {
        term: arg("--term", training::THRESHOLD.term),
        free: arg("--free", training::THRESHOLD.free),
    };
    println!("\nmodel at {t:?}:");
    report(&scored, names, |s| flagged(&s.model, t));
    if std::env::var_os("PVA_LIST").is_some() {
        for s in &scored {
            if s.medical != flagged(&s.model, t) {
                let what = if s.medical { "MISS" } else { "FALSE" };
                // `term`: the rules found a medical term in it.
                let term = if s.model.iter().any(|x| x.1) {
                    " term"
                } else {
                    ""
                };
                let best = s
                    .model
                    .iter()
                    .map(|x| x.0)
                    .fold(f32::NEG_INFINITY, f32::max);
                println!(
                    "{what}{term} {best:5.2} {} · {} · {} · {}",
                    names[s.corpus], s.employer, s.example.pattern, s.example.text
                );
            }
        }
    }
}

/// Counts of (medical flagged, medical missed, ordinary flagged, ordinary passed).
type Counts = [usize; 4];

fn count<'a>(
    scored: &[Scored<'a>],
    flag: impl Fn(&Scored<'a>) -> bool,
) -> BTreeMap<(usize, &'a str), Counts> {
    let mut table: BTreeMap<(usize, &'a str), Counts> = BTreeMap::new();
    for s in scored {
        let f = flag(s);
        for key in [(s.corpus, s.employer), (usize::MAX, s.employer)] {
            let c = table.entry(key).or_default();
            c[match (s.medical, f) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            }] += 1;
        }
    }
    table
}

fn figures(c: Counts) -> (f64, f64) {
    let recall = c[0] as f64 / (c[0] + c[1]).max(1) as f64 * 100.0;
    let precision = c[0] as f64 / (c[0] + c[2]).max(1) as f64 * 100.0;
    (recall, precision)
}

fn summary(scored: &[Scored<'_>], _names: &[&str], flag: impl Fn(&Scored<'_>) -> bool) -> String {
    let table = count(scored, flag);
    let mut line = String::new();
    for employer in ["overig", "zorg", "context"] {
        let (r, p) = figures(
            table
                .get(&(usize::MAX, employer))
                .copied()
                .unwrap_or_default(),
        );
        line.push_str(&format!("{r:5.1} / {p:5.1} | "));
    }
    let lowest = table
        .iter()
        .filter(|((c, _), n)| *c != usize::MAX && n[0] + n[1] > 0)
        .map(|(_, c)| figures(*c).1)
        .fold(100.0, f64::min);
    line.push_str(&format!("{lowest:5.1} |"));
    line
}

fn report(scored: &[Scored<'_>], names: &[&str], flag: impl Fn(&Scored<'_>) -> bool) {
    for ((corpus, employer), c) in count(scored, flag) {
        let name = names.get(corpus).copied().unwrap_or("ALL");
        let (r, p) = figures(c);
        println!(
            "  {name:22} {employer:8} recall {r:5.1} % ({}/{})  precision {p:5.1} % ({} false)",
            c[0],
            c[0] + c[1],
            c[2]
        );
    }
}
