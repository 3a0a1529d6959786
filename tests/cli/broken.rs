//! Broken and hostile input: every file in `tests/broken/` gives exactly the
//! findings in its `.expected` file, never a panic, and the valid plan next
//! to it is still built.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::fixture::{DOSSIER, PLAN, project};
use crate::support::{Project, copy_dir, repo};

const TODAY: &str = "--today=2026-11-23";

#[test]
fn each_broken_case_gives_its_exact_findings_and_the_rest_builds() {
    let dir = repo().join("tests/broken");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.retain(|p| p.extension().is_some_and(|e| e == "md"));
    cases.sort();
    assert!(cases.len() >= 15, "the corpus is missing");
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(case.with_extension("expected")).unwrap();
        let project = project(DOSSIER, PLAN);
        std::fs::copy(&case, project.path(&format!("cases/d/{name}"))).unwrap();
        let lint = project.run(&["lint", "--today", "2026-11-23", "--format", "short"]);
        assert_eq!(
            lint.stdout, expected,
            "{name}: findings differ\nstderr: {}",
            lint.stderr
        );
        let has_error = expected.contains(": error[");
        let build = project
            .run(&["build", "--today", "2026-11-23"])
            .code(i32::from(has_error));
        assert!(
            !build.stderr.contains("panicked"),
            "{name}: {}",
            build.stderr
        );
        assert!(
            project.path("output/cases/d/plan.pdf").is_file(),
            "{name}: the valid plan was not built"
        );
    }
}

#[test]
fn huge_file_is_refused_with_a_clear_message() {
    let notes = "Een regel notities die steeds herhaald wordt.\n".repeat(230_000);
    let huge = format!("{PLAN}\n{notes}");
    let project = project(DOSSIER, PLAN).file("cases/d/groot.md", &huge);
    let run = project
        .run(&["lint", "--today", "2026-11-23", "--format", "short"])
        .code(1);
    assert_eq!(
        run.stdout,
        "cases/d/groot.md:1:1: error[PVA002]: het bestand is te groot (10.6 MB); een document of dossierbestand mag hooguit 1 MB zijn\n"
    );
}

#[test]
fn missing_dossier_file_names_the_fix() {
    let project = Project::new().file("cases/los/plan.md", PLAN);
    let run = project.run(&["lint", "--today", "2026-11-23"]).code(1);
    assert_eq!(
        run.stdout,
        "\
error[PVA009]: dit document staat niet in een dossiermap: er is geen dossier.yaml in cases/los
  ┌─ cases/los/plan.md:1:1
  │
1 │ ---
  │ ^
  │
  = hint: maak cases/los/dossier.yaml met de gegevens van de werknemer, of verplaats het document naar de map van zijn dossier

1 fout(en), 0 waarschuwing(en), 0 melding(en)
"
    );
}

/// Killing a build while it writes its PDFs leaves only complete ones (the
/// bytes an uninterrupted build writes), and the next build completes the
/// rest and removes the temporary files a kill can leave.
#[test]
fn interrupted_build_never_leaves_a_truncated_pdf() {
    let project = Project::with_examples();
    project.run(&["build", TODAY, "--quiet"]).success();
    let examples = pdfs(&project).len();
    let jansen = output_files(&project, ".pdf")
        .iter()
        .filter(|p| p.contains("jansen-2025"))
        .count();
    // More documents, so the build is still writing when the kill lands.
    for copy in 1..=8 {
        copy_dir(
            &project.path("cases/jansen-2025"),
            &project.path(&format!("cases/kopie-{copy}")),
        );
    }
    project.run(&["build", TODAY, "--quiet"]).success();
    let complete = pdfs(&project);
    assert!(jansen >= 2, "the jansen-2025 example has {jansen} PDF(s)");
    assert_eq!(complete.len(), examples + 8 * jansen);
    for (pdf, bytes) in &complete {
        let whole = bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF");
        assert!(whole, "{pdf} is not a whole PDF");
    }
    let mut written_at_kill = Vec::new();
    for _ in 0..5 {
        std::fs::remove_dir_all(project.path("output")).unwrap();
        let written = kill_after_the_first_pdf(&project);
        for (pdf, bytes) in &written {
            let same = complete.get(pdf) == Some(bytes);
            assert!(same, "{pdf} differs from the complete PDF after a kill");
        }
        written_at_kill.push(written.len());
        if (1..complete.len()).contains(&written.len()) {
            break;
        }
    }
    assert!(
        written_at_kill
            .iter()
            .any(|n| (1..complete.len()).contains(n)),
        "no kill landed between the first and the last of {} PDFs; PDFs written at each kill: {written_at_kill:?}",
        complete.len()
    );
    // What a kill during a write leaves behind.
    let stale = project.path("output/cases/bakker-2026/.pva-Xk3q9a.tmp");
    std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
    std::fs::write(&stale, b"%PDF-1.7 half").unwrap();
    project.run(&["build", TODAY, "--quiet"]).success();
    assert!(pdfs(&project) == complete, "the next build is not complete");
    assert_eq!(temp_files(&project), Vec::<String>::new());
}

/// Starts a build, kills it as soon as its first PDF exists, and returns the
/// PDFs it wrote.
fn kill_after_the_first_pdf(project: &Project) -> BTreeMap<String, Vec<u8>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pva"))
        .args(["build", TODAY, "--quiet"])
        .current_dir(project.path(""))
        .env_remove("SOURCE_DATE_EPOCH")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while output_files(project, ".pdf").is_empty() && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.kill();
    child.wait().unwrap();
    pdfs(project)
}

/// Every PDF under `output/`: path → bytes.
fn pdfs(project: &Project) -> BTreeMap<String, Vec<u8>> {
    output_files(project, ".pdf")
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(project.path(&format!("output/{name}"))).unwrap();
            (name, bytes)
        })
        .collect()
}

/// Temporary files under `output/`.
fn temp_files(project: &Project) -> Vec<String> {
    output_files(project, ".tmp")
}

/// The files under `output/` whose name ends with `suffix`, relative to it.
fn output_files(project: &Project, suffix: &str) -> Vec<String> {
    let out = project.path("output");
    walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name().to_string_lossy().ends_with(suffix))
        .map(|e| {
            e.path()
                .strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}
