//! Guidance: `<!-- … -->` comments, as `pva new` writes them under each
//! heading. Visible in the editor, never printed, never an answer.

use crate::fixture::{DOSSIER, PLAN, edit, project};
use crate::support::{Project, Run};

const PLAN_FILE: &str = "cases/d/plan.md";
const PDF: &str = "output/cases/d/plan.pdf";

fn lint(project: &Project) -> Run {
    project.run(&["lint", "--today", "2026-11-23", "--format", "json"])
}

fn finding(code: &str, line: usize, column: usize) -> (String, String, usize, usize) {
    (code.to_string(), PLAN_FILE.to_string(), line, column)
}

#[test]
fn a_section_left_at_its_guidance_is_missing_with_the_guidance_as_hint() {
    let plan = edit(
        PLAN,
        "Opbouw van uren.\n",
        "<!-- Welke stappen moeten worden\n     genomen? -->\n",
    );
    let run = lint(&project(DOSSIER, &plan)).code(1);
    // At the heading `## Te nemen stappen` (line 24), where the answer goes.
    assert_eq!(run.findings(), [finding("PVA020", 24, 1)]);
    assert_eq!(
        run.messages(),
        ["`stappen` ontbreekt (Te nemen stappen (5)) (of onder de kop `## Te nemen stappen`)"]
    );
    assert_eq!(run.hints(), ["Welke stappen moeten worden genomen?"]);
}

#[test]
fn an_empty_heading_is_reported_at_the_heading() {
    let plan = edit(PLAN, "Wij ook.\n", "");
    let run = lint(&project(DOSSIER, &plan)).code(1);
    assert_eq!(run.findings(), [finding("PVA022", 32, 1)]);
    assert_eq!(
        run.hints(),
        ["schrijf het antwoord onder de kop `## Visie werkgever`"]
    );
}

#[test]
fn guidance_is_never_printed() {
    let plan = edit(
        PLAN,
        "Opbouw van uren.\n",
        "<!-- Welke stappen? -->\n\nOpbouw <!-- in de zin --> van uren.\n",
    );
    let plan = edit(&plan, "Notitie.\n", "<!-- Uitleg bij de notities. -->\n");
    let project = project(DOSSIER, &plan);
    project.run(&["build", "--today=2026-11-23"]).success();
    let text = project.pdf_text(PDF);
    assert!(
        text.contains("Te nemen stappen: Opbouw van uren."),
        "{text}"
    );
    for guidance in ["Welke stappen?", "in de zin", "Uitleg bij", "<!--", "-->"] {
        assert!(!text.contains(guidance), "{guidance:?} printed:\n{text}");
    }
    // Notes of only guidance are no notes: the section is left out.
    assert!(!text.contains("Aanvullende notities"), "{text}");
}

#[test]
fn a_heading_with_only_guidance_leaves_the_front_matter_answer() {
    let guided = format!("{PLAN}\n## Evaluatie probleemanalyse\n\n<!-- Welke afspraken? -->\n");
    let guided = project(DOSSIER, &guided);
    assert_eq!(lint(&guided).success().findings(), []);
    guided.run(&["build", "--today=2026-11-23"]).success();
    let text = guided.pdf_text(PDF);
    assert!(
        text.contains("Probleemanalyse evalueren. Spreekuur in maart."),
        "{text}"
    );
    // With an answer under it, the text is given twice (line 36).
    let double = format!("{PLAN}\n## Evaluatie probleemanalyse\n\nOok hier.\n");
    let run = lint(&project(DOSSIER, &double)).code(1);
    assert_eq!(run.findings(), [finding("PVA007", 36, 1)]);
}
