//! The stages of one build, in-process, on a representative document (the
//! three-page plan of cases/de-vries-2026), so each stage's share shows:
//! `cargo bench --bench stages`.

// criterion_group! generates a public function without docs.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use pva::case::{self, DocKind};
use pva::compile::{self, Engine};
use pva::fs;
use pva::lint::{self, LintConfig};
use pva::markdown;
use pva::render::{self, Templates};
use typst::foundations::Datetime;

fn dossier() -> (PathBuf, Vec<PathBuf>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("cases/de-vries-2026");
    (dir.clone(), vec![dir.join("plan-van-aanpak.md")])
}

/// A dossier whose plan holds every sentence of the privacy corpus ten
/// times over (about 3,900 paragraphs, 45,000 words), in a hospital: the
/// privacy scan at its busiest.
fn privacy_heavy(dir: &Path) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::fs::read_to_string(root.join("tests/privacy/corpus.tsv")).unwrap();
    let sentences: Vec<&str> = corpus
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(3))
        .collect();
    let body = vec![sentences.join("\n\n"); 10].join("\n\n");
    let dossier = std::fs::read_to_string(root.join("cases/de-vries-2026/dossier.yaml")).unwrap();
    let dossier = format!("{dossier}\nwerkgever:\n  bedrijfsnaam: Ziekenhuis Rivierenland\n");
    fs::write_atomic(&dir.join("dossier.yaml"), dossier.as_bytes()).unwrap();
    let plan = dir.join("plan-van-aanpak.md");
    let text = format!("---\ndocument: plan-van-aanpak\n---\n{body}\n");
    fs::write_atomic(&plan, text.as_bytes()).unwrap();
    plan
}

fn stages(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (dir, files) = dossier();
    let loaded = case::load(&dir, &files, &root);
    let doc = &loaded.documents[0];
    let config = LintConfig::new(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    let templates = Templates::load(None).unwrap();
    let engine = Engine::new(&templates.assets());
    let context = render::context(doc, DocKind::Plan, false);
    let source = templates.render(DocKind::Plan, &context).unwrap();
    let date = Datetime::from_ymd(2026, 10, 22).unwrap();
    let document = compile::typeset(&engine, source.clone(), date).unwrap();
    let body: String = doc.sections.iter().map(|s| s.markdown.as_str()).collect();

    c.bench_function("1 front matter + YAML + inheritance", |b| {
        b.iter(|| case::load(black_box(&dir), &files, Path::new(&root)))
    });
    c.bench_function("2 lint", |b| {
        b.iter(|| lint::judge(black_box(&loaded), &config))
    });
    let heavy_dir = tempfile::tempdir().unwrap();
    let heavy_plan = privacy_heavy(heavy_dir.path());
    let heavy = case::load(heavy_dir.path(), &[heavy_plan], heavy_dir.path());
    c.bench_function("2b lint, privacy corpus x10 in one plan", |b| {
        b.iter(|| lint::judge(black_box(&heavy), &config))
    });
    c.bench_function("3 markdown to typst", |b| {
        b.iter(|| markdown::to_typst(black_box(&body)))
    });
    c.bench_function("4 tera render (incl. markdown)", |b| {
        b.iter(|| {
            templates
                .render(
                    DocKind::Plan,
                    &render::context(black_box(doc), DocKind::Plan, false),
                )
                .unwrap()
        })
    });
    c.bench_function("5 typst compile (layout)", |b| {
        b.iter(|| compile::typeset(&engine, black_box(source.clone()), date).unwrap())
    });
    c.bench_function("6 pdf/a export", |b| {
        b.iter(|| compile::export(black_box(&document), date, "bench").unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = stages
}
criterion_main!(benches);
