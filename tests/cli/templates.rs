//! Templates: built-ins embedded, overridden by name, confined to the
//! templates folder, and exportable.

use crate::fixture::{DOSSIER, PLAN, project};
use crate::support::Project;

/// The build's output from its first error on (the findings before it are
/// tested elsewhere).
fn from_the_first_error(stderr: &str) -> &str {
    &stderr[stderr.find("fout:").expect("an error")..]
}

#[test]
fn local_template_overrides_the_builtin_by_name() {
    let project = project(DOSSIER, PLAN).file(
        "templates/plan-van-aanpak.typ",
        "#import \"pva.typ\": *\n#show: formulier.with(titel: \"Eigen plan\")\nEigen sjabloon voor {{ werknemer.naam }}.\n",
    );
    project.run(&["build", "--today", "2026-11-23"]).success();
    let text = project.pdf_text("output/cases/d/plan.pdf");
    assert!(text.contains("Eigen sjabloon voor Jan Jansen."), "{text}");
    assert!(
        !text.contains("Onderdeel van het re-integratieverslag"),
        "{text}"
    );
}

#[test]
fn local_layout_library_overrides_the_builtin() {
    let builtin =
        std::fs::read_to_string(crate::support::repo().join("templates/pva.typ")).unwrap();
    let changed = builtin.replace("#let klein = 8pt", "#let klein = 8pt\n#let _merk = [MERK]");
    let changed = changed.replace(
        "  body\n}\n\n// A numbered section",
        "  [Huisstijl van de werkgever]\n  body\n}\n\n// A numbered section",
    );
    assert_ne!(builtin, changed);
    let project = project(DOSSIER, PLAN).file("templates/pva.typ", &changed);
    project.run(&["build", "--today", "2026-11-23"]).success();
    assert!(
        project
            .pdf_text("output/cases/d/plan.pdf")
            .contains("Huisstijl van de werkgever")
    );
}

#[test]
fn template_cannot_read_files_outside_the_templates() {
    let project =
        project(DOSSIER, PLAN).file("templates/plan-van-aanpak.typ", "#read(\"/etc/passwd\")\n");
    let run = project.run(&["build", "--today", "2026-11-23"]).code(1);
    assert_eq!(
        from_the_first_error(&run.stderr),
        "fout: output/cases/d/plan.pdf kon niet gemaakt worden:
typst kon de gemaakte bron niet zetten (een probleem in het sjabloon):
main.typ:1:7: error: failed to load file (/etc/passwd is geen sjabloonbestand: sjablonen mogen alleen bestanden uit de map templates/ gebruiken)
0 PDF('s) gemaakt in output, 0 al actueel; 1 document(en) niet gemaakt wegens fouten
"
    );
    let escape = project.file(
        "templates/plan-van-aanpak.typ",
        "#read(\"../cases/d/dossier.yaml\")\n",
    );
    let run = escape.run(&["build", "--today", "2026-11-23"]).code(1);
    assert_eq!(
        from_the_first_error(&run.stderr),
        "fout: output/cases/d/plan.pdf kon niet gemaakt worden:
typst kon de gemaakte bron niet zetten (een probleem in het sjabloon):
main.typ:1:7: error: path `\"../cases/d/dossier.yaml\"` would escape the project root
  hint: cannot access files outside of the project sandbox
  hint: you can adjust the project root with the `--root` argument
0 PDF('s) gemaakt in output, 0 al actueel; 1 document(en) niet gemaakt wegens fouten
"
    );
    assert!(!run.stderr.contains("Jan Jansen"), "{}", run.stderr);
}

/// The errors of a build whose plan template is `template`, which fails.
fn failed_build_with_plan_template(template: &str) -> String {
    let project = project(DOSSIER, PLAN).file("templates/plan-van-aanpak.typ", template);
    project
        .run(&["build", "--today", "2026-11-23"])
        .code(1)
        .stderr
}

#[test]
fn template_cannot_use_packages() {
    let stderr = failed_build_with_plan_template("#import \"@preview/cetz:0.3.0\"\n");
    assert!(stderr.contains("packages are disabled"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn symlinked_template_is_refused() {
    let project = project(DOSSIER, PLAN);
    std::fs::create_dir_all(project.path("templates")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", project.path("templates/passwd.typ")).unwrap();
    let run = project.run(&["build", "--today", "2026-11-23"]).code(2);
    assert!(run.stderr.contains("is a symbolic link"), "{}", run.stderr);
}

#[test]
fn broken_template_names_the_template() {
    let stderr = failed_build_with_plan_template("{{ onbekend }}\n");
    assert!(stderr.contains("sjabloon plan-van-aanpak.typ:"), "{stderr}");
}

#[test]
fn template_of_an_older_pva_says_where_the_long_texts_went() {
    let stderr = failed_build_with_plan_template("#antwoord[{{ tekst.stappen }}]\n");
    assert!(stderr.contains("`tekst.stappen` is `stappen`"), "{stderr}");
}

#[test]
fn export_copies_builtins_and_never_overwrites() {
    let project = Project::new().file("templates/pva.typ", "// mijn eigen versie\n");
    project.run(&["templates", "export"]).success();
    assert_eq!(
        std::fs::read_to_string(project.path("templates/pva.typ")).unwrap(),
        "// mijn eigen versie\n"
    );
    let plan = std::fs::read_to_string(project.path("templates/plan-van-aanpak.typ")).unwrap();
    assert!(plan.contains("#import \"pva.typ\": *"));
    assert!(project.path("templates/bijstelling.typ").is_file());
}
