//! Broken and hostile input: every file in `tests/broken/` gives exactly the
//! findings in its `.expected` file, never a panic, and the valid plan next
//! to it is still built.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::fixture::{DOSSIER, PLAN, project};
use crate::support::{Project, repo};

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
    assert!(run.stdout.contains("error[PVA009]: dit document staat niet in een dossiermap: er is geen dossier.yaml in cases/los"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("hint: maak cases/los/dossier.yaml met de gegevens van de werknemer"),
        "{}",
        run.stdout
    );
}

/// Killing a build at any moment leaves each PDF either the old complete
/// file or the new complete file.
#[test]
fn interrupted_build_never_leaves_a_truncated_pdf() {
    let project = Project::with_examples();
    project.run(&["build", "--today=2026-11-23"]).success();
    let pdfs: Vec<_> = walkdir::WalkDir::new(project.path("output"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    let old: Vec<Vec<u8>> = pdfs.iter().map(|p| std::fs::read(p).unwrap()).collect();
    // Change a shared value so every PDF is rewritten.
    let shared = std::fs::read_to_string(project.path("cases/gedeeld.yaml")).unwrap();
    std::fs::write(
        project.path("cases/gedeeld.yaml"),
        shared.replace("Ingrid Smit", "Ingrid Smit-de Wit"),
    )
    .unwrap();
    for delay in [5, 20, 40, 80, 150] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pva"))
            .args(["build", "--today=2026-11-23", "--quiet"])
            .current_dir(project.path(""))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        for (pdf, old) in pdfs.iter().zip(&old) {
            let now = std::fs::read(pdf).unwrap();
            let complete = now.starts_with(b"%PDF-") && now.trim_ascii_end().ends_with(b"%%EOF");
            assert!(
                now == *old || complete,
                "{} is truncated after a kill at {delay} ms",
                pdf.display()
            );
        }
    }
}
