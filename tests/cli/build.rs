//! `pva build`: the examples become PDFs that read like the forms.

use crate::fixture::{DOSSIER, PLAN, edit, project};
use crate::support::{Project, repo};

const TODAY: &str = "--today=2026-11-23";

#[test]
fn plan_pdf_reads_like_the_uwv_form() {
    let project = Project::with_examples();
    project.run(&["build", TODAY]).success();
    let text = project.pdf_text("output/cases/de-vries-2026/plan-van-aanpak.pdf");
    for expected in [
        "Plan van aanpak WIA",
        "Onderdeel van het re-integratieverslag",
        "1.1 Naam Sanne de Vries",
        "1.2 Burgerservicenummer 111222333",
        "Eerste arbeidsongeschiktheidsdag 07-09-2026",
        "2.4 Telefoonnummer 030 - 244 18 90",
        "3.2 Naam arbo-/bedrijfsarts dr. M. (Marieke) Hoekstra",
        "4 Wat is het einddoel van de re-integratie?",
        "Kruis één vakje aan.",
        "☒ Werkhervatting in de eigen functie",
        "Gedeeltelijke werkhervatting in een andere functie bij de eigen werkgever",
        "Nog niet bekend, omdat",
        "Werknemer hervat op 26 oktober 2026 voor 4 uur per dag",
        "Probleemveld Activiteit Door Planning Arbeidsinhoud",
        "05-11-2026 Voortgangsgesprek opbouw en werkplek",
        "Ik wil graag terug in mijn eigen functie.",
        "Het plan is opgesteld in een gesprek op 22 oktober 2026",
        "Is het Plan van aanpak meer dan acht weken na de eerste arbeidsongeschiktheidsdag opgesteld, of meer dan twee weken nadat de werkgever de probleemanalyse ontving (Regeling procesgang art. 4 lid 1), dan is dat te laat.",
        "Bedrijfsnaam Van Dijk Installatietechniek B.V.",
        "Naam Sanne de Vries Functie Werkvoorbereider Datum 22-10-2026",
        // The fingerprint of the signed version, recorded in the example.
        "Plan van aanpak WIA · datum 22-10-2026 · BSN 111222333 vingerafdruk d8b2847a96a5 · pagina 1 van 3",
        "pagina 3 van 3",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Exactly one box is ticked, and the others read as unticked.
    assert_eq!(text.matches("☒").count(), 1, "{text}");
    assert_eq!(text.matches("☐").count(), 5, "{text}");
}

#[test]
fn bijstelling_pdf_reads_like_the_arboned_form() {
    let project = Project::with_examples();
    project.run(&["build", TODAY]).success();
    let text = project.pdf_text("output/cases/jansen-2025/03-bijstelling.pdf");
    for expected in [
        "1. Gegevens werkgever Bedrijfsnaam Van Dijk Installatietechniek B.V.",
        "Burgerservicenummer (BSN) 123456782 Geboortedatum 11-02-1971",
        "E-mailadres contactpersoon p.verhoeven@arbozorg-mn.nl",
        "Datum Percentage 03-11-2025 100% 15-12-2025 0% 05-01-2026 100%",
        "Eén antwoord mogelijk",
        "Nee, het einddoel is ongewijzigd",
        "☒ Gehele of gedeeltelijke werkhervatting bij een andere werkgever.",
        "☒ Ja, dit zijn:",
        "Hoe kunnen deze blijvend worden opgelost? Wij zetten een tweede spoor in",
        "Nee, niet van toepassing",
        "(2-6 weken)?",
        "Wat Wie Wanneer Voortgang re-integratietraject tweede spoor",
        "Werknemer en werkgever verklaren hierbij akkoord te gaan met de bijstelling van het Plan van aanpak:",
        "BSN 123456782",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert_eq!(
        text.matches("☒").count(),
        2,
        "einddoel and obstakels: {text}"
    );
}

#[test]
fn late_plan_carries_its_reason() {
    let project = Project::with_examples();
    project.run(&["build", TODAY]).success();
    let text = project.pdf_text("output/cases/bakker-2026/plan-van-aanpak.pdf");
    assert!(
        text.contains("wat is daarvan dan de reden? De probleemanalyse van 10 juli 2026"),
        "{text}"
    );
    assert!(
        text.contains("☒ Nog niet bekend, omdat De bedrijfsarts kan de belastbaarheid"),
        "{text}"
    );
}

#[test]
fn pdf_is_pdf_a_with_dutch_metadata() {
    let project = Project::with_examples();
    project.run(&["build", TODAY]).success();
    let bytes =
        std::fs::read(project.path("output/cases/de-vries-2026/plan-van-aanpak.pdf")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.starts_with("%PDF-"));
    for expected in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "Plan van aanpak WIA – Sanne de Vries</rdf:li>",
        "<rdf:li>nl-NL</rdf:li>",
        "<rdf:li>Van Dijk Installatietechniek B.V.</rdf:li>",
        "Plan van aanpak WIA van Sanne de Vries, opgesteld 22 oktober 2026",
        "2026-10-22T00:00:00",
    ] {
        assert!(
            text.contains(expected),
            "missing {expected:?} in the PDF metadata"
        );
    }
    // The metadata never carries the BSN (it is shown to anyone who opens
    // the file's properties, and copied by search indexes).
    let xmp = &text[text.find("<x:xmpmeta").unwrap()..text.find("</x:xmpmeta>").unwrap()];
    assert!(!xmp.contains("111222333"), "BSN in the XMP: {xmp}");
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .unwrap();
    let info = format!("{:?}", pdf.get_object(info).unwrap());
    assert!(
        !info.contains("111222333"),
        "BSN in the Info dictionary: {info}"
    );
}

/// A document without a `datum` is dated by `--creation-date`, which
/// `SOURCE_DATE_EPOCH` sets too, else 1 January 1980; a changed date
/// rebuilds it, and a malformed one stops the build before it starts.
#[test]
fn creation_date_dates_a_document_without_datum() {
    let plan = edit(PLAN, "datum: 2026-02-19\neinddoel", "einddoel");
    let project = project(DOSSIER, &plan).file("pva.toml", "[lint]\nPVA020 = \"warning\"\n");
    let created = || {
        let bytes = std::fs::read(project.path("output/cases/d/plan.pdf")).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let at = text.find("/CreationDate(D:").expect("a creation date") + 16;
        text[at..at + 15].to_string()
    };
    project
        .run(&["build", TODAY, "--creation-date", "1700000000"])
        .success();
    assert_eq!(created(), "20231114000000Z");
    project
        .run_with(&["build", TODAY], &[("SOURCE_DATE_EPOCH", "1600000000")])
        .success();
    assert_eq!(created(), "20200913000000Z");
    project.run(&["build", TODAY]).success();
    assert_eq!(created(), "19800101000000Z");
    let bad = project
        .run_with(&["build", TODAY], &[("SOURCE_DATE_EPOCH", "morgen")])
        .code(2);
    assert_eq!(
        bad.stderr,
        "error: invalid value 'morgen' for '--creation-date <SECONDS>': verwacht een geheel aantal seconden sinds 1970-01-01 UTC; controleer --creation-date of SOURCE_DATE_EPOCH\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn rebuild_is_byte_identical() {
    let project = Project::with_examples();
    project.run(&["build", TODAY, "--out", "a"]).success();
    project.run(&["build", TODAY, "--out", "b"]).success();
    for pdf in [
        "cases/de-vries-2026/plan-van-aanpak.pdf",
        "cases/jansen-2025/02-bijstelling.pdf",
    ] {
        let a = std::fs::read(project.path(&format!("a/{pdf}"))).unwrap();
        let b = std::fs::read(project.path(&format!("b/{pdf}"))).unwrap();
        assert!(a == b, "{pdf} differs between builds");
    }
}

#[test]
fn broken_case_does_not_stop_the_others() {
    let project = Project::with_examples().file(
        "cases/de-vries-2026/bijstelling.md",
        "---\ndocument: bijstelling\ndatum: 2026-11-20\neinddoel:\n\tkeuze: ander\n---\n",
    );
    let run = project.run(&["build", TODAY]).code(1);
    assert!(
        run.stderr.contains("error[PVA001]: ongeldige YAML"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("cases/de-vries-2026/bijstelling.md:5:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("13 PDF('s) gemaakt in output, 0 al actueel; 1 document(en) niet gemaakt"),
        "{}",
        run.stderr
    );
    assert!(
        project
            .path("output/cases/de-vries-2026/plan-van-aanpak.pdf")
            .is_file()
    );
    assert!(
        !project
            .path("output/cases/de-vries-2026/bijstelling.pdf")
            .exists()
    );
}

/// A wrong value in `dossier.yaml` is wrong in every document of the
/// dossier that inherits it: none of them is built, the other dossiers are.
/// A frozen document carries its own values and is built.
#[test]
fn error_in_an_inherited_file_stops_its_documents() {
    use crate::fixture::{BIJSTELLING, DOSSIER, PLAN, edit, project};
    let wrong = edit(DOSSIER, "\"111222333\"", "\"111222334\"");
    let project = project(DOSSIER, PLAN)
        .file("cases/e/dossier.yaml", &wrong)
        .file("cases/e/plan.md", PLAN)
        .file("cases/e/bijstelling.md", BIJSTELLING);
    let run = project.run(&["build", TODAY]).code(1);
    assert!(run.stderr.contains("error[PVA030]"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 PDF('s) gemaakt in output, 0 al actueel; 2 document(en) niet gemaakt"),
        "{}",
        run.stderr
    );
    assert!(!project.path("output/cases/e").exists());

    let frozen = Project::with_examples();
    let path = "cases/jansen-2025/dossier.yaml";
    let text = std::fs::read_to_string(frozen.path(path)).unwrap();
    std::fs::write(frozen.path(path), text.replace("123456782", "123456783")).unwrap();
    let run = frozen.run(&["build", TODAY]).code(1);
    assert!(run.stderr.contains("error[PVA030]"), "{}", run.stderr);
    assert!(run.stderr.contains("warning[PVA055]: `werknemer.bsn` is gewijzigd sinds dit document is getekend: het document houdt '123456782', cases/jansen-2025/dossier.yaml:7 zegt nu '123456783'"), "{}", run.stderr);
    assert!(
        frozen
            .path("output/cases/jansen-2025/01-plan-van-aanpak.pdf")
            .is_file()
    );
}

#[test]
fn refuses_an_output_folder_that_holds_the_cases() {
    let project = Project::with_examples();
    let run = project.run(&["build", TODAY, "--out", "."]).code(2);
    assert_eq!(
        run.stderr,
        "fout: kan niet in . schrijven: die map bevat cases; kies een aparte map, zoals output/\n"
    );
    assert!(
        !project
            .path("cases/de-vries-2026/plan-van-aanpak.pdf")
            .exists()
    );
}

#[test]
fn leaves_no_temporary_files() {
    let project = Project::with_examples();
    project.run(&["build", TODAY]).success();
    for entry in walkdir::WalkDir::new(project.path("output")) {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp"), "left behind: {name}");
    }
}

/// The generated Typst of each example, compared with `tests/golden/`.
/// Run with `PVA_BLESS=1` to accept a deliberate change, then review the diff.
#[test]
fn generated_typst_matches_golden_files() {
    let project = Project::with_examples();
    project.run(&["build", TODAY, "--emit", "typst"]).success();
    let golden = repo().join("tests/golden");
    let bless = std::env::var_os("PVA_BLESS").is_some();
    for doc in [
        "de-vries-2026/plan-van-aanpak",
        "jansen-2025/01-plan-van-aanpak",
        "jansen-2025/02-bijstelling",
        "jansen-2025/03-bijstelling",
        "bakker-2026/plan-van-aanpak",
        "visser-2024/02-evaluatieverslag",
        "visser-2024/05-eerstejaarsevaluatie",
        "visser-2024/07-eindevaluatie",
        "mulder-2026/verkort-reintegratieverslag",
    ] {
        let actual =
            std::fs::read_to_string(project.path(&format!("output/cases/{doc}.typ"))).unwrap();
        let path = golden.join(format!("{}.typ", doc.replace('/', "__")));
        if bless {
            std::fs::create_dir_all(&golden).unwrap();
            std::fs::write(&path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} missing: run with PVA_BLESS=1", path.display()));
        assert!(
            actual == expected,
            "{doc}: generated Typst differs from {}; run with PVA_BLESS=1 and review",
            path.display()
        );
    }
    assert!(
        project.path("output/cases/jansen-2025/pva.typ").is_file(),
        "the layout library is written beside the source"
    );
    assert!(
        project
            .path("output/fonts/LiberationSans-Regular.ttf")
            .is_file()
    );
}
