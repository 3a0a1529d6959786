//! The stages of one build, in-process, on a representative document (the
//! three-page plan of cases/de-vries-2026), so each stage's share shows:
//! `cargo bench --bench stages`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use pva::case::{self, DocKind};
use pva::compile::{self, Engine};
use pva::lint::{self, LintConfig};
use pva::markdown;
use pva::render::{self, Templates};
use typst::foundations::Datetime;

fn dossier() -> (PathBuf, Vec<PathBuf>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("cases/de-vries-2026");
    (dir.clone(), vec![dir.join("plan-van-aanpak.md")])
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
        b.iter(|| lint::dossier(black_box(&loaded), &config))
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
