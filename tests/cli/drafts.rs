//! `pva build --draft`: a PDF to finish on paper in the meeting, also when
//! the document has errors; never taken for, nor written over, the final PDF.

use crate::fixture::{BIJSTELLING, DOSSIER, PLAN, edit, project};
use crate::support::{Project, repo};

const TODAY: &str = "--today=2026-11-23";
const PDF: &str = "output/cases/d/plan.pdf";
const DRAFT: &str = "output/cases/d/plan.concept.pdf";

fn read(project: &Project, path: &str) -> Vec<u8> {
    std::fs::read(project.path(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[track_caller]
fn assert_concept_on_every_page(project: &Project, path: &str) {
    let pages = project.pdf_pages(path);
    assert!(pages.len() > 1, "{pages:#?}");
    // Once in the header, once as the watermark across the page.
    for (number, page) in pages.iter().enumerate() {
        assert_eq!(
            page.matches("CONCEPT").count(),
            2,
            "page {} of {path}:\n{page}",
            number + 1
        );
        assert!(page.contains("CONCEPT, niet definitief"), "{page}");
    }
}

#[test]
fn a_document_with_errors_gets_a_draft_and_the_exit_code_says_so() {
    let plan = edit(PLAN, "Wij ook.\n", "");
    let project = project(DOSSIER, &plan);
    let run = project.run(&["build", "--draft", TODAY]).code(1);
    assert!(run.stderr.contains("error[PVA022]"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with(
            "1 concept-PDF('s) (*.concept.pdf, CONCEPT op elke pagina) gemaakt in output, 0 al actueel; 0 document(en) konden niet gemaakt worden\n\
             de concepten zijn niet definitief: los de fouten hierboven op en maak dan met `pva build` de PDF's om te ondertekenen\n"
        ),
        "{}",
        run.stderr
    );
    assert_concept_on_every_page(&project, DRAFT);
    let text = project.pdf_text(DRAFT);
    assert!(text.contains("Ik wil terug."), "{text}");
    assert!(!project.path(PDF).exists(), "a draft is no final PDF");
    // Without --draft the document with errors is not built at all.
    let run = project.run(&["build", TODAY]).code(1);
    assert!(
        run.stderr.ends_with(
            "0 PDF('s) gemaakt in output, 0 al actueel; 1 document(en) niet gemaakt wegens fouten\n"
        ),
        "{}",
        run.stderr
    );
    assert!(!project.path(PDF).exists());
}

#[test]
fn a_draft_never_replaces_the_final_pdf() {
    let project = project(DOSSIER, PLAN);
    project.run(&["build", TODAY]).success();
    let signed = read(&project, PDF);
    let final_pages = project.pdf_pages(PDF);
    assert!(
        final_pages.iter().all(|page| !page.contains("CONCEPT")),
        "{final_pages:#?}"
    );

    let run = project.run(&["build", "--draft", TODAY]).success();
    assert!(
        run.stderr.ends_with(
            "1 concept-PDF('s) (*.concept.pdf, CONCEPT op elke pagina) gemaakt in output, 0 al actueel; 0 document(en) konden niet gemaakt worden\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(read(&project, PDF), signed, "the final PDF changed");
    assert_concept_on_every_page(&project, DRAFT);
    // Empty answers (reden afwijking, reden te laat …) take room to write in.
    assert!(project.pdf_pages(DRAFT).len() > final_pages.len());

    // The manifest keeps them apart: each is up to date on its own.
    let run = project.run(&["build", TODAY]).success();
    assert!(
        run.stderr
            .contains("0 PDF('s) gemaakt in output, 1 al actueel;"),
        "{}",
        run.stderr
    );
    let run = project.run(&["build", "--draft", TODAY]).success();
    assert!(
        run.stderr.contains(
            "0 concept-PDF('s) (*.concept.pdf, CONCEPT op elke pagina) gemaakt in output, 1 al actueel;"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(read(&project, PDF), signed);
}

#[test]
fn a_draft_that_would_replace_another_documents_pdf_is_refused() {
    // plan.concept.md's final PDF is plan.concept.pdf: the name of plan.md's draft.
    let project = project(DOSSIER, PLAN).file("cases/d/plan.concept.md", BIJSTELLING);
    project.run(&["build", TODAY]).success();
    let bijstelling = read(&project, DRAFT);
    let run = project.run(&["build", "--draft", TODAY]).code(1);
    assert!(
        run.stderr.contains(
            "fout: output/cases/d/plan.concept.pdf kon niet gemaakt worden:\n\
             het concept zou de definitieve PDF van plan.concept.md vervangen; geef een van de twee documenten een andere naam\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(read(&project, DRAFT), bijstelling);
    assert_concept_on_every_page(&project, "output/cases/d/plan.concept.concept.pdf");
}

#[test]
fn a_template_that_does_not_mark_drafts_is_refused() {
    let builtin = std::fs::read_to_string(repo().join("templates/plan-van-aanpak.typ")).unwrap();
    let old = edit(
        &builtin,
        "{%- if draft %}\n  concept: true,\n{%- endif %}\n",
        "",
    );
    let project = project(DOSSIER, PLAN).file("templates/plan-van-aanpak.typ", &old);
    project.run(&["build", TODAY]).success();
    let run = project.run(&["build", "--draft", TODAY]).code(1);
    assert!(
        run.stderr
            .contains("het sjabloon plan-van-aanpak.typ markeert geen concepten"),
        "{}",
        run.stderr
    );
    assert!(!project.path(DRAFT).exists());
}

/// Point 8 of issue 22: a draft is built with errors too, but never prints
/// what the privacy rules flag: a black bar in its place, and a note under
/// the title; the final build still refuses the document.
#[test]
fn a_draft_blacks_out_what_privacy_flags_with_a_note() {
    let plan = edit(
        PLAN,
        "Ik wil terug.\n",
        "Pieter heeft een burn-out en gaat naar de fysiotherapeut. Ik wil terug.\n",
    );
    let plan = edit(
        &plan,
        "activiteit: Minder uren",
        "activiteit: Minder uren vanwege zijn hernia",
    );
    let project = project(DOSSIER, &plan);
    let run = project.run(&["build", "--draft", TODAY]).code(1);
    assert!(run.stderr.contains("error[PVA040]"), "{}", run.stderr);
    assert!(run.stderr.contains("[PVA041]"), "{}", run.stderr);
    let text = project.pdf_text(DRAFT);
    for flagged in ["burn-out", "burn", "fysiotherapeut", "hernia"] {
        assert!(!text.contains(flagged), "{flagged} printed:\n{text}");
    }
    // A bar as long as each passage: burn-out (8), fysiotherapeut (14), hernia (6).
    for bar in [8, 14, 6] {
        let bar = format!(" {} ", "█".repeat(bar));
        let bar = bar.trim_end();
        assert!(text.contains(bar), "no bar of {bar:?}:\n{text}");
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("3 passages zwartgelakt: medische gegevens horen niet in dit dossier (PVA040, PVA041); pva lint wijst ze aan."),
        "{flat}"
    );
    assert!(flat.contains("Pieter heeft een"), "{flat}");
    assert!(flat.contains("en gaat naar de"), "{flat}");
    assert!(flat.contains("Ik wil terug."), "{flat}");
    assert!(flat.contains("Minder uren vanwege zijn"), "{flat}");
    // The final build refuses the document, as before.
    project.run(&["build", TODAY]).code(1);
    assert!(!project.path(PDF).exists());
}

/// A sentence the model flags without a listed term is blacked out whole
/// in a draft, and the text around it stays.
#[test]
fn a_draft_blacks_out_a_whole_sentence_the_model_flags() {
    let sentence = "Zijn lampje is uit en hij hangt als een zoutzak op de bank";
    let plan = edit(
        PLAN,
        "Ik wil terug.\n",
        &format!("{sentence}. Ik wil terug.\n"),
    );
    let project = project(DOSSIER, &plan);
    let run = project.run(&["build", "--draft", TODAY]).code(1);
    assert!(run.stderr.contains("error[PVA040]"), "{}", run.stderr);
    let text = project.pdf_text(DRAFT);
    for word in ["lampje", "zoutzak", "bank"] {
        assert!(!text.contains(word), "{word} printed:\n{text}");
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Ik wil terug."), "{flat}");
    assert!(
        flat.contains(
            "1 passage zwartgelakt: medische gegevens horen niet in dit dossier (PVA040)"
        ),
        "{flat}"
    );
    // One bar as long as the sentence.
    let bar = "█".repeat(sentence.chars().count());
    assert!(
        flat.contains(&bar),
        "no bar of {} characters:\n{flat}",
        sentence.chars().count()
    );
}

/// A draft without privacy findings has no note.
#[test]
fn a_draft_without_privacy_findings_has_no_note() {
    let project = project(DOSSIER, PLAN);
    project.run(&["build", "--draft", TODAY]).success();
    let text = project.pdf_text(DRAFT);
    assert!(!text.contains("zwartgelakt"), "{text}");
    assert!(!text.contains('█'), "{text}");
}
