//! The forms' own wording on the fixture dossier: the dossier's arbodienst
//! where the ArboNed format names ArboNed, every question printed even when
//! unanswered, and evaluation moments as dates or as a frequency and form.

use crate::fixture::{BIJSTELLING, DOSSIER, PLAN, edit, project};
use crate::support::Project;

const PLAN_PDF: &str = "output/cases/d/plan.pdf";
const BIJ_PDF: &str = "output/cases/d/bijstelling.pdf";

/// Builds the fixture dossier and returns the text of the PDF at `pdf`.
#[track_caller]
fn built(dossier: &str, plan: &str, bijstelling: &str, pdf: &str) -> String {
    let project = project(dossier, plan).file("cases/d/bijstelling.md", bijstelling);
    project.run(&["build", "--today", "2026-11-23"]).success();
    project.pdf_text(pdf)
}

#[track_caller]
fn assert_contains(text: &str, expected: &[&str]) {
    for part in expected {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

#[test]
fn bijstelling_names_the_dossiers_arbodienst_instead_of_arboned() {
    let dossier = edit(DOSSIER, "naam: Arbo B.V.", "naam: Arbo Gelderse Vallei");
    let text = built(&dossier, PLAN, BIJSTELLING, BIJ_PDF);
    assert_contains(
        &text,
        &[
            "Bijstelling Plan van aanpak · Arbo Gelderse Vallei Jan Jansen · BSN 111222333",
            "Geef hier het percentage arbeidsongeschiktheid per datum aan, welke u eerder heeft doorgegeven aan Arbo Gelderse Vallei Datum Percentage",
        ],
    );
    assert!(!text.contains("ArboNed"), "{text}");
}

#[test]
fn bijstelling_without_an_arbodienst_name_says_uw_arbodienst() {
    let bijstelling = edit(
        BIJSTELLING,
        "obstakels:",
        "arbodienst:\n  naam: \"\"\nobstakels:",
    );
    let text = built(DOSSIER, PLAN, &bijstelling, BIJ_PDF);
    assert_contains(
        &text,
        &[
            "Bijstelling Plan van aanpak Jan Jansen · BSN 111222333",
            "welke u eerder heeft doorgegeven aan uw arbodienst Datum Percentage",
        ],
    );
    assert!(!text.contains("ArboNed"), "{text}");
    assert!(!text.contains(" · Jan Jansen"), "{text}");
}

#[test]
fn plan_keeps_uwv_in_its_header() {
    let text = built(DOSSIER, PLAN, BIJSTELLING, PLAN_PDF);
    assert_contains(
        &text,
        &["Plan van aanpak WIA · UWV Jan Jansen · BSN 111222333"],
    );
}

#[test]
fn bijstelling_without_obstacles_still_asks_how_to_solve_them() {
    // `obstakels.aanwezig: false`: both boxes of "Ja" stay empty, but the
    // form's question is printed between "Ja, dit zijn:" and "Nee".
    let text = built(DOSSIER, PLAN, BIJSTELLING, BIJ_PDF);
    assert_contains(
        &text,
        &["Ja, dit zijn: Hoe kunnen deze blijvend worden opgelost? X Nee, niet van toepassing"],
    );
}

/// A second evaluation row written as a frequency and a form, after the
/// `wie` line of `text`'s first row.
fn with_recurring_moment(text: &str, next_key: &str) -> String {
    edit(
        text,
        &format!("    wie: Werknemer en casemanager\n{next_key}"),
        &format!(
            "    wie: Werknemer en casemanager\n  - frequentie: elke 6 weken\n    vorm: gesprek op het werk\n    wat: Opbouw\n    wie: Leidinggevende\n{next_key}"
        ),
    )
}

#[test]
fn evaluation_moments_print_their_frequency_and_form_on_both_forms() {
    // The PDF text joins the lines of a cell without a space ("OpbouwVorm").
    let plan = with_recurring_moment(PLAN, "evaluatie_probleemanalyse");
    let bijstelling = with_recurring_moment(BIJSTELLING, "ondertekening");
    let text = built(DOSSIER, &plan, &bijstelling, PLAN_PDF);
    assert_contains(
        &text,
        &[
            "Wanneer Wat Wie 19-03-2026 Voortgang Werknemer en casemanager elke 6 weken OpbouwVorm: gesprek op het werk Leidinggevende 8 Welke afspraken",
        ],
    );
    let text = built(DOSSIER, &plan, &bijstelling, BIJ_PDF);
    assert_contains(
        &text,
        &[
            "8. Evaluatiemomenten (frequentie/vorm) Wat Wie Wanneer Voortgang Werknemer en casemanager 23-04-2026 OpbouwVorm: gesprek op het werk Leidinggevende elke 6 weken 9. Visie",
        ],
    );
}

#[test]
fn evaluation_moment_with_a_date_and_a_frequency_prints_both() {
    let plan = edit(
        PLAN,
        "    wat: Voortgang\n",
        "    frequentie: daarna elke 4 weken\n    wat: Voortgang\n",
    );
    let text = built(DOSSIER, &plan, BIJSTELLING, PLAN_PDF);
    assert_contains(
        &text,
        &["Wanneer Wat Wie 19-03-2026daarna elke 4 weken Voortgang Werknemer en casemanager"],
    );
}

/// The plan asks the visie in the UWV form's own (2023) questions; the
/// bijstelling keeps ArboNed's.
#[test]
fn plan_asks_uwv_visie_questions_and_bijstelling_arboneds() {
    let project = Project::with_examples();
    project.run(&["build", "--today=2026-11-23"]).success();
    let plan = project.pdf_text("output/cases/de-vries-2026/plan-van-aanpak.pdf");
    assert!(plan.contains("9 Welke mogelijkheden ziet de werknemer om weer (meer) te gaan werken, en wat vindt de werknemer van de afspraken?"), "{plan}");
    assert!(
        !plan.contains("kwaliteit van de arbeidsverhouding"),
        "{plan}"
    );
    let bijstelling = project.pdf_text("output/cases/jansen-2025/03-bijstelling.pdf");
    assert!(bijstelling.contains("Wat is de visie van de werknemer op de functie, de arbeidsmogelijkheden en de kwaliteit van de arbeidsverhouding?"), "{bijstelling}");
}
