//! Text from a case file is shown literally: no Typst code runs, no
//! structure breaks, and Markdown becomes the intended layout.

use crate::fixture::{DOSSIER, PLAN, edit, project};

/// Payloads that would be Typst code, Tera syntax or structure if not escaped.
const PAYLOADS: &[&str] = &[
    "#panic(\"x\")",
    "#read(\"/etc/passwd\")",
    "] #strong[x",
    "[ open",
    "$x^2$",
    "<label>",
    "@ref",
    "// comment",
    "/* open comment",
    "back\\slash",
    "{{ werknemer.naam }}",
    "{% if true %}",
    "<b>html</b>",
    "= heading",
    "- dash",
    "1. April",
    "https://example.org/x.",
    "a ~ b -- c ... d",
];

fn yaml_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[test]
fn payloads_in_fields_appear_literally() {
    let rows: String = PAYLOADS
        .iter()
        .map(|p| format!("  - probleemveld: overig\n    activiteit: {}\n    door: Casemanager\n    planning: maart 2026\n", yaml_quoted(p)))
        .collect();
    let plan = edit(PLAN, "afspraken:\n", &format!("afspraken:\n{rows}"));
    let dossier = edit(
        DOSSIER,
        "naam: Jan Jansen",
        "naam: 'Jan #panic(\"naam\") ] \"Jansen\" \\'",
    );
    let project = project(&dossier, &plan);
    project.run(&["build", "--today", "2026-11-23"]).success();
    let text = project.pdf_text("output/cases/d/plan.pdf");
    for payload in PAYLOADS {
        assert!(
            text.contains(payload),
            "payload {payload:?} not shown literally in:\n{text}"
        );
    }
    // In the header (a Typst string) and in the body (markup).
    assert_eq!(
        text.matches("Jan #panic(\"naam\") ] \"Jansen\" \\").count(),
        3 + 2,
        "{text}"
    );
}

#[test]
fn payloads_in_markdown_appear_literally() {
    let markdown_payloads = [
        "#panic(\"x\")",
        "$x^2$",
        "<label>",
        "@ref",
        "// comment",
        "/* open comment",
        "{{ werknemer.naam }}",
        "{% if true %}",
        "<b>html</b>",
        "] #strong[x",
    ];
    let body: String = markdown_payloads
        .iter()
        .map(|p| format!("Tekst {p} einde.\n\n"))
        .collect();
    let plan = edit(PLAN, "Opbouw van uren.", &body);
    let project = project(DOSSIER, &plan);
    project.run(&["build", "--today", "2026-11-23"]).success();
    let text = project.pdf_text("output/cases/d/plan.pdf");
    for payload in markdown_payloads {
        assert!(
            text.contains(&format!("Tekst {payload} einde.")),
            "{payload:?} not literal in:\n{text}"
        );
    }
}

#[test]
fn raw_typst_code_block_is_shown_not_run() {
    let plan = edit(
        PLAN,
        "Opbouw van uren.",
        "```typst\n#panic(\"boem\")\n#read(\"/etc/passwd\")\n```\n\nEn `#panic()` inline.",
    );
    let project = project(DOSSIER, &plan);
    project.run(&["build", "--today", "2026-11-23"]).success();
    let text = project.pdf_text("output/cases/d/plan.pdf");
    assert!(
        text.contains("#panic(\"boem\")") && text.contains("#read(\"/etc/passwd\")"),
        "{text}"
    );
    assert!(text.contains("En #panic() inline."), "{text}");
}

#[test]
fn markdown_constructs_become_layout() {
    let markdown = "\
Eerste alinea met *nadruk*, **vet** en ~~doorgehaald~~.
Regel met harde\\
breuk en [een link](https://www.uwv.nl).

3. derde
4. vierde
   - genest

> Citaat van de werknemer.

| Week | Uren |
|------|-----:|
| 1    | 12   |
| 2    | 16   |
";
    let plan = edit(PLAN, "Opbouw van uren.", markdown);
    let project = project(DOSSIER, &plan);
    project.run(&["build", "--today", "2026-11-23"]).success();
    let text = project.pdf_text("output/cases/d/plan.pdf");
    for expected in [
        // The extractor puts a space where the font changes (italic, bold).
        "Eerste alinea met nadruk",
        "vet en doorgehaald",
        "Regel met harde breuk en een link",
        "3. derde 4. vierde",
        "genest",
        "Citaat van de werknemer.",
        "Week Uren 1 12 2 16",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(
        !text.contains("**") && !text.contains("~~") && !text.contains("|"),
        "{text}"
    );
}

#[test]
fn privacy_markers_are_never_printed() {
    let plan = edit(
        PLAN,
        "activiteit: Minder uren",
        "activiteit: 'Minder uren, daarna naar de fysiotherapeut [privacy-ok: op verzoek van werknemer]'",
    );
    let plan = edit(
        &plan,
        "Ik wil terug.",
        "Ik wil terug na mijn burn-out. [privacy-ok: werknemer wil dit vermeld] Graag in mei.",
    );
    let plan = edit(
        &plan,
        "Notitie.",
        "Notitie over de hernia.\n[PRIVACY-OK: zie gesprek van 3 maart]\nTweede regel.",
    );
    let project = project(DOSSIER, &plan);
    let run = project.run(&["lint", "--today", "2026-11-23", "--format", "json"]);
    assert_eq!(run.findings(), vec![], "{:#?}", run.messages());
    project.run(&["build", "--today", "2026-11-23"]).success();
    let text = project.pdf_text("output/cases/d/plan.pdf");
    for shown in [
        "Minder uren, daarna naar de fysiotherapeut",
        "Ik wil terug na mijn burn-out. Graag in mei.",
        "Notitie over de hernia. Tweede regel.",
    ] {
        assert!(text.contains(shown), "missing {shown:?} in:\n{text}");
    }
    for hidden in [
        "privacy-ok",
        "PRIVACY-OK",
        "op verzoek van werknemer",
        "wil dit vermeld",
        "gesprek van 3 maart",
    ] {
        assert!(!text.contains(hidden), "{hidden:?} printed in:\n{text}");
    }
}
