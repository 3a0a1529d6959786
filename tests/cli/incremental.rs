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

/// What a run printed of its findings: `stream` less its closing line (the
/// build's count of PDFs, lint's count of findings).
fn findings_in(stream: &str) -> String {
    let mut lines: Vec<&str> = stream.lines().collect();
    lines.pop();
    lines.join("\n")
}

/// Builds on `today` and checks that the findings the build prints are
/// exactly those a fresh `pva lint` prints for the same inputs (lint never
/// keeps findings between runs). Returns them.
#[track_caller]
fn build_says_what_lint_says(project: &Project, today: &str) -> String {
    let build = project.run(&["build", &format!("--today={today}")]);
    assert!(build.code <= 1, "build failed:\n{}", build.stderr);
    let lint = project.run(&["lint", &format!("--today={today}")]);
    let (built, linted) = (findings_in(&build.stderr), findings_in(&lint.stdout));
    assert_eq!(built, linted, "the build's findings differ from lint's");
    built
}

/// The findings (each a block of lines) about files whose path holds `dir`.
fn about(findings: &str, dir: &str) -> Vec<String> {
    findings
        .split("\n\n")
        .filter(|finding| finding.contains(dir))
        .map(str::to_string)
        .collect()
}

/// A dossier of the employee with BSN 111222333, sick from `first`, fit
/// from `fit`.
fn employee(first: &str, fit: Option<&str>) -> String {
    let recovery = fit.map_or(String::new(), |fit| {
        format!("    - datum: {fit}\n      percentage: 0\n")
    });
    format!(
        "werknemer:\n  naam: Ali Yilmaz\n  bsn: \"111222333\"\nverzuim:\n  eerste_ziektedag: {first}\n  verloop:\n    - datum: {first}\n      percentage: 100\n{recovery}probleemanalyse:\n  datum: {first}\n"
    )
}

/// A build that finds nothing changed prints its findings from what the
/// previous build kept (output/.pva-findings.json) without parsing or
/// linting: they must be exactly what a fresh lint says, after every kind
/// of change a finding depends on.
#[test]
fn kept_findings_are_exactly_what_a_fresh_lint_says() {
    let project = Project::with_examples()
        .file(
            "cases/a/dossier.yaml",
            &employee("2025-01-06", Some("2025-03-17")),
        )
        .file("cases/b/dossier.yaml", &employee("2025-03-31", None));
    let today = "2027-09-01";
    let first = build_says_what_lint_says(&project, today);
    assert!(first.contains("PVA"), "no findings to keep:\n{first}");
    assert_eq!(build_says_what_lint_says(&project, today), first);

    // The second build did print the kept findings: one changed by hand
    // in the kept file is printed as changed.
    let kept = project.path("output/.pva-findings.json");
    let text = std::fs::read_to_string(&kept).unwrap();
    let message = "is voorbij, maar er is geen gehouden evaluatie vastgelegd";
    assert!(text.contains(message), "{message} is not kept");
    std::fs::write(
        &kept,
        text.replace(message, "IS UIT DE BEWAARDE BEVINDINGEN"),
    )
    .unwrap();
    let run = project.run(&["build", &format!("--today={today}")]);
    assert!(run.stderr.contains("IS UIT DE BEWAARDE BEVINDINGEN"));
    std::fs::remove_file(&kept).unwrap();
    assert_eq!(build_says_what_lint_says(&project, today), first);

    // A file touched, its text the same.
    let plan = project.path("cases/de-vries-2026/plan-van-aanpak.md");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .append(true)
        .open(&plan)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(build_says_what_lint_says(&project, today), first);

    // Another day: other deadlines passed.
    let earlier = build_says_what_lint_says(&project, "2027-03-01");
    assert_ne!(earlier, first);
    assert_eq!(build_says_what_lint_says(&project, today), first);

    // pva.toml switches a rule off, then makes a warning an error.
    std::fs::write(project.path("pva.toml"), "[lint]\nPVA070 = \"off\"\n").unwrap();
    let off = build_says_what_lint_says(&project, today);
    assert!(!off.contains("PVA070") && first.contains("PVA070"));
    std::fs::write(project.path("pva.toml"), "[lint]\nPVA070 = \"error\"\n").unwrap();
    let error = build_says_what_lint_says(&project, today);
    assert!(error.contains("error[PVA070]"));
    std::fs::remove_file(project.path("pva.toml")).unwrap();
    assert_eq!(build_says_what_lint_says(&project, today), first);

    // The dossier linked with b (same BSN, within 28 days) changes in its
    // own folder: b's period is no longer counted along, and b's findings
    // change with it although nothing in b changed.
    std::fs::write(
        project.path("cases/a/dossier.yaml"),
        employee("2025-01-06", Some("2025-02-10")),
    )
    .unwrap();
    let unlinked = build_says_what_lint_says(&project, today);
    assert_ne!(about(&unlinked, "cases/b/"), about(&first, "cases/b/"));

    // A signed copy beside a document goes away.
    std::fs::remove_file(project.path("cases/jansen-2025/02-bijstelling.getekend.pdf")).unwrap();
    let unsigned = build_says_what_lint_says(&project, today);
    assert_ne!(
        about(&unsigned, "jansen-2025/02"),
        about(&unlinked, "jansen-2025/02")
    );
    assert_eq!(build_says_what_lint_says(&project, today), unsigned);
}
