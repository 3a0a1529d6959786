//! Incremental builds: exactly the PDFs whose inputs changed are rebuilt.

use crate::support::Project;

/// Builds with `--verbose` and returns the PDFs written below `output/`, sorted.
fn written(project: &Project, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["build", "--today=2026-11-23", "--verbose"];
    args.extend_from_slice(extra);
    let run = project.run(&args).success();
    let mut written: Vec<String> = run
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("geschreven: output/"))
        .map(str::to_string)
        .collect();
    written.sort();
    written
}

/// The PDFs written below `output/cases/` by a build of the examples.
fn rebuilt(project: &Project, extra: &[&str]) -> Vec<String> {
    written(project, extra)
        .iter()
        .filter_map(|w| w.strip_prefix("cases/"))
        .map(str::to_string)
        .collect()
}

fn append(project: &Project, path: &str, text: &str) {
    let old = std::fs::read_to_string(project.path(path)).unwrap();
    std::fs::write(project.path(path), format!("{old}{text}")).unwrap();
}

const ALL: [&str; 13] = [
    "bakker-2026/plan-van-aanpak.pdf",
    "de-vries-2026/plan-van-aanpak.pdf",
    "jansen-2025/01-plan-van-aanpak.pdf",
    "jansen-2025/02-bijstelling.pdf",
    "jansen-2025/03-bijstelling.pdf",
    "mulder-2026/verkort-reintegratieverslag.pdf",
    "visser-2024/01-plan-van-aanpak.pdf",
    "visser-2024/02-evaluatieverslag.pdf",
    "visser-2024/03-bijstelling.pdf",
    "visser-2024/04-evaluatieverslag.pdf",
    "visser-2024/05-eerstejaarsevaluatie.pdf",
    "visser-2024/06-evaluatieverslag.pdf",
    "visser-2024/07-eindevaluatie.pdf",
];

#[test]
fn rebuilds_exactly_what_changed() {
    let project = Project::with_examples();
    // A plan still being edited: changing a recorded one would be an error.
    crate::support::unrecord(&project, "cases/de-vries-2026/plan-van-aanpak.md");
    assert_eq!(rebuilt(&project, &[]), ALL);
    assert_eq!(
        rebuilt(&project, &[]),
        Vec::<String>::new(),
        "nothing changed"
    );

    append(
        &project,
        "cases/de-vries-2026/plan-van-aanpak.md",
        "\nNog een notitie.\n",
    );
    assert_eq!(
        rebuilt(&project, &[]),
        ["de-vries-2026/plan-van-aanpak.pdf"]
    );

    // The examples are frozen (signed): shared files no longer change them.
    append(&project, "cases/jansen-2025/dossier.yaml", "# opmerking\n");
    assert_eq!(rebuilt(&project, &[]), Vec::<String>::new());

    // A document that inherits is rebuilt when a file it inherits changes.
    let plan = "cases/de-vries-2026/plan-van-aanpak.md";
    let text = std::fs::read_to_string(project.path(plan)).unwrap();
    let start = text.find("\n# Bevroren met").expect("frozen example");
    let end = start + text[start..].find("\n---\n").unwrap();
    std::fs::write(
        project.path(plan),
        format!("{}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    assert_eq!(
        rebuilt(&project, &[]),
        ["de-vries-2026/plan-van-aanpak.pdf"]
    );
    append(&project, "cases/gedeeld.yaml", "# opmerking\n");
    assert_eq!(
        rebuilt(&project, &[]),
        ["de-vries-2026/plan-van-aanpak.pdf"]
    );
    append(
        &project,
        "cases/de-vries-2026/dossier.yaml",
        "# opmerking\n",
    );
    assert_eq!(
        rebuilt(&project, &[]),
        ["de-vries-2026/plan-van-aanpak.pdf"]
    );

    std::fs::remove_file(project.path("output/cases/bakker-2026/plan-van-aanpak.pdf")).unwrap();
    assert_eq!(rebuilt(&project, &[]), ["bakker-2026/plan-van-aanpak.pdf"]);

    assert_eq!(rebuilt(&project, &["--force"]), ALL);
}

#[test]
fn template_change_rebuilds_everything() {
    let project = Project::with_examples();
    assert_eq!(rebuilt(&project, &[]), ALL);
    let builtin =
        std::fs::read_to_string(crate::support::repo().join("templates/pva.typ")).unwrap();
    std::fs::create_dir_all(project.path("templates")).unwrap();
    std::fs::write(
        project.path("templates/pva.typ"),
        builtin.replace("#1d4f91", "#2a6e3f"),
    )
    .unwrap();
    assert_eq!(rebuilt(&project, &[]), ALL);
}

#[test]
fn stale_or_broken_manifest_rebuilds_safely() {
    let project = Project::with_examples();
    assert_eq!(rebuilt(&project, &[]), ALL);
    std::fs::write(project.path("output/.pva-manifest.json"), "{ kapot").unwrap();
    assert_eq!(rebuilt(&project, &[]), ALL);
    assert_eq!(rebuilt(&project, &[]), Vec::<String>::new());

    // A manifest written by another pva version: its hashes mean nothing.
    let manifest = project.path("output/.pva-manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(text.contains(&version), "{text}");
    std::fs::write(&manifest, text.replace(&version, "\"version\": \"0.0.1\"")).unwrap();
    assert_eq!(rebuilt(&project, &[]), ALL);
}

#[test]
fn options_that_change_the_output_rebuild() {
    let project = Project::with_examples();
    assert_eq!(rebuilt(&project, &[]), ALL);
    assert_eq!(rebuilt(&project, &["--emit", "typst"]), ALL);
    assert!(
        project
            .path("output/cases/jansen-2025/02-bijstelling.typ")
            .is_file()
    );
    assert_eq!(
        rebuilt(&project, &["--emit", "typst"]),
        Vec::<String>::new()
    );
}

#[test]
fn document_with_errors_is_rebuilt_once_fixed() {
    let project = Project::with_examples();
    assert_eq!(rebuilt(&project, &[]), ALL);
    let path = "cases/de-vries-2026/plan-van-aanpak.md";
    let good = std::fs::read_to_string(project.path(path)).unwrap();
    std::fs::write(
        project.path(path),
        good.replace("keuze: eigen_functie", "keuze: eigen"),
    )
    .unwrap();
    project.run(&["build", "--today=2026-11-23"]).code(1);
    std::fs::write(project.path(path), &good).unwrap();
    assert_eq!(
        rebuilt(&project, &[]),
        ["de-vries-2026/plan-van-aanpak.pdf"]
    );
}

/// Many dossiers are built a batch at a time: a broken one in the middle
/// stops only itself, every other PDF is built, the findings come out in
/// path order, and a rebuild after one change touches exactly that PDF.
#[test]
fn many_dossiers_build_in_batches() {
    use crate::fixture::{CONFIG, DOSSIER, PLAN, edit};
    let mut project = Project::new().file("pva.toml", CONFIG);
    for i in 0..70 {
        let plan = if i == 5 || i == 41 {
            edit(PLAN, "keuze: eigen_functie", "keuze: eigen")
        } else {
            PLAN.to_string()
        };
        project = project
            .file(&format!("cases/d{i:02}/dossier.yaml"), DOSSIER)
            .file(&format!("cases/d{i:02}/plan.md"), &plan);
    }
    let run = project
        .run(&["build", "--today=2026-11-23", "--verbose"])
        .code(1);
    let pdfs = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("geschreven: "))
        .count();
    assert_eq!(pdfs, 68, "{}", run.stderr);
    assert!(!project.path("output/cases/d41/plan.pdf").exists());
    assert!(project.path("output/cases/d69/plan.pdf").is_file());

    let lint = project
        .run(&["lint", "--today=2026-11-23", "--format=json"])
        .code(1);
    let mut files: Vec<String> = lint.findings().into_iter().map(|f| f.1).collect();
    files.dedup();
    assert_eq!(files, ["cases/d05/plan.md", "cases/d41/plan.md"]);

    append(&project, "cases/d07/plan.md", "\nExtra.\n");
    std::fs::write(project.path("cases/d41/plan.md"), PLAN).unwrap();
    std::fs::write(project.path("cases/d05/plan.md"), PLAN).unwrap();
    assert_eq!(
        written(&project, &[]),
        [
            "cases/d05/plan.pdf",
            "cases/d07/plan.pdf",
            "cases/d41/plan.pdf"
        ]
    );
}
