//! The forms' questions and sentences as the PDFs print them, for every
//! kind the examples hold (docs/forms/ gives each question's source): what
//! RIVV art. 2 and 2a, the Regeling procesgang and UWV's forms ask, the
//! route of the actueel oordeel and the medical information, and the step
//! of the law each form completes, worded from the law's table.

use crate::support::Project;

const TODAY: &str = "--today=2026-11-23";

fn built() -> Project {
    let project = Project::with_examples();
    project.run(&["build", TODAY]).success();
    project
}

/// Each sentence is in the PDF's text, in this order of words. Spaces are
/// left out of the comparison: text extraction adds or drops one where a
/// font changes (☒ is set in another font) or a kept-together date ends.
#[track_caller]
fn assert_prints(project: &Project, pdf: &str, expected: &[&str]) {
    let text = project.pdf_text(pdf);
    let squeezed: String = text.split_whitespace().collect();
    for sentence in expected {
        let wanted: String = sentence.split_whitespace().collect();
        assert!(
            squeezed.contains(&wanted),
            "{pdf}: missing {sentence:?} in:\n{text}"
        );
    }
}

/// The sentences on where the actueel oordeel and the medical information
/// go, as RIVV art. 2 lid 2 c and UWV's route have it (never "niet via dit
/// verslag" for the actueel oordeel).
const ROUTE: &[&str] = &[
    "De medische informatie van de bedrijfsarts gaat niet via de werkgever: de werknemer stuurt die zelf in een gesloten envelop naar UWV.",
];

#[test]
fn eindevaluatie_asks_what_rivv_art_2_asks() {
    let project = built();
    let pdf = "output/cases/visser-2024/07-eindevaluatie.pdf";
    assert_prints(&project, pdf, ROUTE);
    assert_prints(
        &project,
        pdf,
        &[
            "Het actueel oordeel van de bedrijfsarts is ook een onderdeel van het re-integratieverslag (RIVV art. 2 lid 2 c): een eigen document van de arbodienst, dat met dit verslag meegaat.",
            "Wat is de aard van het bedrijf van de werkgever?",
            "Wat is de stand van zaken van de re-integratie: werkt de werknemer, in welk werk en hoeveel uur, en hoe is de re-integratie sinds de laatste evaluatie verlopen (spoor 1 en spoor 2)?",
            "Wat is het oordeel van de werkgever over de aanwezigheid van passende arbeid bij de werkgever: is die er, en zo ja welke?",
            "4 Kwaliteit van de arbeidsrelatie",
            "Wat is het oordeel van de werkgever over de kwaliteit van de arbeidsrelatie?",
            "5 Visie werknemer en werkgever",
            "Stap van de Wet verbetering poortwachter: Re-integratieverslag compleet, uiterlijk 13 weken voor het einde van de wachttijd (Wet WIA art. 25 lid 3 en 8;",
        ],
    );
    let text = project.pdf_text(pdf);
    assert!(!text.contains("niet via dit verslag"), "{text}");
    // The function of 2026, not the old one of the plan.
    assert!(
        text.contains("Medewerker technische binnendienst"),
        "{text}"
    );
    assert!(!text.contains("Eerste monteur"), "{text}");
}

#[test]
fn verkort_verslag_asks_what_rivv_art_2a_lid_3_asks() {
    let project = built();
    let pdf = "output/cases/mulder-2026/verkort-reintegratieverslag.pdf";
    assert_prints(&project, pdf, ROUTE);
    assert_prints(
        &project,
        pdf,
        &[
            "Wat is de aard van het bedrijf van de werkgever?",
            "Wat zijn de bekwaamheden van de werknemer (opleiding, ervaring, vaardigheden)?",
            "Bedrijfsarts",
            "dr. M. (Marieke) Hoekstra",
            "Op welke grond volstaat een verkort re-integratieverslag (RIVV art. 2a lid 1)?",
            "☒ De tijdsperiode tussen de eerste dag van de ongeschiktheid tot werken en de laatste dag",
            "Wat is de actuele stand van zaken van de re-integratie?",
            "Wat is het oordeel van de werknemer over de re-integratie?",
            "Stap van de Wet verbetering poortwachter: Re-integratieverslag bij einde dienstverband (uiterlijk op de laatste dag)",
        ],
    );
    assert!(!project.pdf_text(pdf).contains("niet via dit verslag"));
}

#[test]
fn evaluatieverslag_asks_the_visie_the_plan_as_agreed_and_spoor_2() {
    let project = built();
    assert_prints(
        &project,
        "output/cases/visser-2024/02-evaluatieverslag.pdf",
        &[
            "elke evaluatie omvat de visie van de werkgever en de werknemer (Stcrt. 2023, 13931).",
            "4 Verloop volgens plan",
            "Verloopt de re-integratie volgens het Plan van aanpak? ☒ Ja ☐ Nee",
            "5 Tweede spoor",
            "Is een tweede spoor (werk bij een andere werkgever) nodig?",
            "Moet het Plan van aanpak worden bijgesteld?",
            "8 Visie werknemer en werkgever",
            "Stap van de Wet verbetering poortwachter: Evaluatie (Regeling procesgang art. 4 lid 2 b;",
        ],
    );
}

#[test]
fn eerstejaarsevaluatie_asks_its_questions_and_names_the_goal() {
    let project = built();
    assert_prints(
        &project,
        "output/cases/visser-2024/05-eerstejaarsevaluatie.pdf",
        &[
            "2 Aanleiding",
            "Wat is de aanleiding van deze evaluatie? ☒ Evaluatie aan het einde van het eerste ziektejaar (Regeling procesgang art. 4 lid 2 b)",
            "4.2 Verloopt de re-integratie volgens plan, en zo niet, waarom niet? ☒ Ja ☐ Nee, omdat:",
            "4.4 Moet de aanpak van de re-integratie worden bijgesteld?",
            "Is een tweede spoor (werk bij een andere werkgever) nodig?",
            "4.5 Is het tweede spoor gestart, en zo ja, per wanneer? ☐ Ja, per: ☒ Nee, (nog) niet gestart",
            // The goal is named, not answered with "ongewijzigd".
            "4.3 Wat is het einddoel van de re-integratie voor het tweede ziektejaar?",
            "☒ Gedeeltelijke werkhervatting in een andere functie bij de eigen werkgever.",
            "Stap van de Wet verbetering poortwachter: Eerstejaarsevaluatie (week 46 tot en met 52)",
        ],
    );
}

#[test]
fn plan_names_the_employer_the_two_week_rule_and_the_form_it_follows() {
    let project = built();
    assert_prints(
        &project,
        "output/cases/visser-2024/01-plan-van-aanpak.pdf",
        &[
            "De vragen en hun nummers zijn die van het UWV-formulier Plan van aanpak zoals het tot 2023 luidde; de vragen naar de visie van werknemer en werkgever (9 en 10) komen uit de Regeling procesgang (art. 4 lid 2 a, sinds 1 juli 2023).",
            "Werkgever",
            "Bedrijfsnaam",
            "Van Dijk Installatietechniek B.V.",
            "Is het Plan van aanpak meer dan acht weken na de eerste arbeidsongeschiktheidsdag opgesteld, of meer dan twee weken nadat de werkgever de probleemanalyse ontving (Regeling procesgang art. 4 lid 1), dan is dat te laat.",
            "Stap van de Wet verbetering poortwachter: Plan van aanpak opgesteld en ondertekend (Regeling procesgang art. 4 lid 1, art. 5; UWV-formulier Plan van aanpak)",
        ],
    );
}

/// The bound copy: one header per page naming the part and the copy, a
/// date in every footer, and the cover's dates of this dossier.
#[test]
fn the_bound_copy_has_one_header_dated_footers_and_the_dates_that_apply() {
    let project = built();
    project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .success();
    let pages = project.pdf_pages("set/re-integratieverslag-kopie-werknemer.pdf");
    assert!(pages.len() > 10, "{}", pages.len());
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        assert_eq!(
            page.matches("· Kopie voor de werknemer").count(),
            1,
            "page {n}: {page}"
        );
        assert!(
            !page.contains("Re-integratieverslag · Re-integratieverslag"),
            "page {n}: {page}"
        );
        // The footer's date: "· datum 17-10-2024 ·".
        let dated = page
            .split("· datum ")
            .skip(1)
            .any(|rest| rest.chars().next().is_some_and(|c| c.is_ascii_digit()));
        assert!(dated, "page {n}: no dated footer: {page}");
        assert!(
            page.contains(&format!("pagina {n} van {}", pages.len())),
            "page {n}: {page}"
        );
    }
    let cover = &pages[0];
    for date in [
        "Eerste arbeidsongeschiktheidsdag",
        "Eerstejaarsevaluatie (week 46 tot en met 52)",
        "Laatste dag van de 104 weken",
    ] {
        assert!(cover.contains(date), "{date}: {cover}");
    }
    assert!(
        !cover.contains("Laatste dag van het dienstverband"),
        "{cover}"
    );
}

/// Layout: no page ends on a section's heading (its content on the next
/// page), and the signatures stay together, never alone on a page: the
/// Ondertekening, its date and both signatures share their page with the
/// section before them. Every kind, and every PDF of the examples.
#[test]
fn no_heading_ends_a_page_and_the_signatures_are_never_alone() {
    let project = built();
    let others = [
        (
            "output/cases/jansen-2025/01-plan-van-aanpak.pdf",
            "plan-van-aanpak.typ",
        ),
        (
            "output/cases/jansen-2025/02-bijstelling.pdf",
            "bijstelling.typ",
        ),
        (
            "output/cases/jansen-2025/03-bijstelling.pdf",
            "bijstelling.typ",
        ),
        (
            "output/cases/visser-2024/04-evaluatieverslag.pdf",
            "evaluatieverslag.typ",
        ),
        (
            "output/cases/visser-2024/06-evaluatieverslag.pdf",
            "evaluatieverslag.typ",
        ),
        (
            "output/cases/bakker-2026/plan-van-aanpak.pdf",
            "plan-van-aanpak.typ",
        ),
        (
            "output/cases/de-vries-2026/plan-van-aanpak.pdf",
            "plan-van-aanpak.typ",
        ),
    ];
    for (pdf, template) in crate::accessibility::KINDS.iter().chain(&others) {
        let headings = crate::accessibility::template_headings(template);
        let title = headings[0].trim_start_matches("H1 ");
        let pages = project.pdf_pages(pdf);
        let mut signed = 0;
        for (i, page) in pages.iter().enumerate() {
            let footer = format!("{title} · datum");
            let body = page[..page.rfind(&footer).unwrap_or(page.len())].trim_end();
            for heading in &headings {
                let heading = heading[3..].trim();
                assert!(
                    !body.ends_with(heading),
                    "{pdf} page {}: ends on {heading:?}: {page}",
                    i + 1
                );
            }
            if page.contains("Ondertekening Datum") || page.contains("Ondertekening Werknemer") {
                signed += 1;
                assert_eq!(page.matches("Handtekening").count(), 2, "{pdf}: {page}");
                let before = headings
                    .iter()
                    .filter(|h| !h.ends_with("Ondertekening") && h.starts_with("H2"))
                    .chain(std::iter::once(&"H2 Aanvullende notities".to_string()))
                    .any(|h| page.contains(h[3..].trim()));
                assert!(before, "{pdf} page {}: the signatures alone: {page}", i + 1);
            }
        }
        assert_eq!(signed, 1, "{pdf}: one page with the signatures");
    }
}
