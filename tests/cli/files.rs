//! Files behave like files: created with the user's umask, and mirrored
//! under the output folder by their place in the project, whatever way the
//! input path was written.

use std::path::Path;

use crate::fixture::{DOSSIER, PLAN};
use crate::support::Project;

#[cfg(unix)]
/// The permission bits of `path`, in octal as `ls` shows them.
fn mode(path: &Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    let metadata = std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    format!("{:o}", metadata.permissions().mode() & 0o777)
}

#[cfg(unix)]
#[test]
fn written_files_follow_the_umask() {
    for (umask, expected) in [("022", "644"), ("027", "640")] {
        let project = Project::new();
        project.run_with_umask(umask, &["init", "-q"]).success();
        project
            .run_with_umask(umask, &["build", "-q", "--today=2026-11-23"])
            .success();
        project
            .run_with_umask(
                umask,
                &["new", "bijstelling", "cases/voorbeeld", "--date=2026-11-23"],
            )
            .success();
        for file in [
            "pva.toml",
            ".github/workflows/pva.yml",
            "cases/voorbeeld/plan-van-aanpak.md",
            "cases/voorbeeld/bijstelling-2026-11-23.md",
            "output/cases/voorbeeld/plan-van-aanpak.pdf",
        ] {
            assert_eq!(
                mode(&project.path(file)),
                expected,
                "{file} under umask {umask}"
            );
        }
    }
}

/// Every PDF under `dir`, relative to it, with forward slashes.
fn pdfs(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| {
            p.strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn absolute_inputs_are_mirrored_from_the_project_or_their_own_folder() {
    let project = Project::new()
        .file("project/cases/d/dossier.yaml", DOSSIER)
        .file("project/cases/d/plan.md", PLAN)
        .file("elders/archief/a/dossier.yaml", DOSSIER)
        .file("elders/archief/a/plan.md", PLAN);
    let inside = project.path("project/cases");
    let outside = project.path("elders/archief");
    let out = project.path("pdf");
    let arg = |p: &Path| p.to_str().unwrap().to_string();
    let (inside, outside, out_arg) = (arg(&inside), arg(&outside), arg(&out));
    project
        .run_in(
            "project",
            &[
                "build",
                "-q",
                "--today=2026-11-23",
                &inside,
                &outside,
                "--out",
                &out_arg,
            ],
        )
        .success();
    assert_eq!(pdfs(&out), ["archief/a/plan.pdf", "cases/d/plan.pdf"]);
    // The same document built through a relative path: the same bytes.
    project
        .run_in(
            "project",
            &["build", "-q", "--today=2026-11-23", "cases", "--out", "rel"],
        )
        .success();
    let read = |p: &Path| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    assert!(
        read(&out.join("cases/d/plan.pdf")) == read(&project.path("project/rel/cases/d/plan.pdf")),
        "the PDF depends on how its path was written"
    );
}
