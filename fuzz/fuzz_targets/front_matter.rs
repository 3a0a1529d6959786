//! Any bytes as a case file, the way `pva lint` and the language server
//! read it: as a document (front matter split off, YAML parsed with
//! positions, body cut at `##`) or as the dossier's `dossier.yaml`, in a
//! dossier beside the example's files, then the whole dossier linted.
//! Never a panic, and every finding points at a line that exists in its
//! file. The first byte chooses which file the rest stands for.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pva::case::{self, Overlay};
use pva::lint::{self, LintConfig};

const SHARED: &str = include_str!("../../cases/gedeeld.yaml");
const DOSSIER: &str = include_str!("../../cases/de-vries-2026/dossier.yaml");
const PLAN: &str = include_str!("../../cases/de-vries-2026/plan-van-aanpak.md");

/// A project with one dossier, made once: `cases/gedeeld.yaml`,
/// `cases/d/dossier.yaml` and `cases/d/plan.md`.
fn project() -> &'static Path {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("cases/d");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(root.path().join("cases/gedeeld.yaml"), SHARED).unwrap();
        std::fs::write(dir.join("dossier.yaml"), DOSSIER).unwrap();
        std::fs::write(dir.join("plan.md"), PLAN).unwrap();
        root
    })
    .path()
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let root = project();
    let dir = root.join("cases/d");
    let plan = dir.join("plan.md");
    let fuzzed: PathBuf = if choice % 2 == 0 {
        plan.clone()
    } else {
        dir.join("dossier.yaml")
    };
    let mut overlay = Overlay::new();
    overlay.set(fuzzed.clone(), text.to_string());
    let dossier = case::load_with(&dir, &[plan], root, &overlay);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let verdict = lint::judge(&dossier, &LintConfig::new(today));
    let lines = case::normalise(text).lines().count().max(1) + 1;
    for finding in &verdict.findings {
        if finding.file == fuzzed {
            assert!(
                finding.line >= 1 && finding.line <= lines,
                "finding past the end ({lines} lines): {finding:?}"
            );
        }
    }
});
