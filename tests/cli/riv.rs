//! `pva riv` and the parts of the re-integratieverslag beyond the plan:
//! the set for UWV is checked, written and bound; each new kind has its
//! timing rule, tested at its edges.

use crate::fixture::{CONFIG, DOSSIER, PLAN, project};
use crate::support::{Project, Run};

const TODAY: &str = "--today=2026-11-23";

#[test]
fn the_full_example_passes_and_writes_the_set() {
    // A team that keeps the signed originals elsewhere: no signed copies,
    // PVA044 off, so the set holds the PDFs pva makes, and each verdict
    // still says its parts are only unsigned in the dossier (the signed
    // copies themselves: signed.rs).
    let project = Project::with_examples().file("pva.toml", "[lint]\nPVA044 = \"off\"\n");
    for entry in std::fs::read_dir(project.path("cases/visser-2024")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".getekend.pdf") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .success();
    assert_eq!(run.stdout, "", "no findings");
    assert_eq!(
        run.stderr,
        "\
Toets van UWV (beoordelingskader poortwachter), per vraag:
  ja                 Is de probleemanalyse op tijd gemaakt? op 07-10-2024, binnen de termijn (uiterlijk 14-10-2024) (cases/visser-2024/dossier.yaml:63)
  ja                 Is het Plan van aanpak op tijd opgesteld? op 17-10-2024, binnen de termijn (uiterlijk 22-10-2024); let op: van 1 onderdeel staat alleen de ongetekende tekst in het dossier (cases/visser-2024/01-plan-van-aanpak.md:3)
                     cases/visser-2024/01-plan-van-aanpak.md:47: alleen ongetekend in het dossier: getekend op 17-10-2024 volgens de datums, maar cases/visser-2024/01-plan-van-aanpak.getekend.pdf ontbreekt
  ja                 Is er minstens eens per zes weken geëvalueerd? 15 gehouden evaluaties sinds 17-10-2024, nooit meer dan 42 dagen uit elkaar; let op: van 3 onderdelen staat alleen de ongetekende tekst in het dossier (cases/visser-2024/dossier.yaml:46, cases/visser-2024/dossier.yaml:47, cases/visser-2024/dossier.yaml:48, en 12 meer)
                     cases/visser-2024/02-evaluatieverslag.md:25: alleen ongetekend in het dossier: getekend op 23-01-2025 volgens de datums, maar cases/visser-2024/02-evaluatieverslag.getekend.pdf ontbreekt
                     cases/visser-2024/04-evaluatieverslag.md:28: alleen ongetekend in het dossier: getekend op 19-05-2025 volgens de datums, maar cases/visser-2024/04-evaluatieverslag.getekend.pdf ontbreekt
                     cases/visser-2024/06-evaluatieverslag.md:34: alleen ongetekend in het dossier: getekend op 27-11-2025 volgens de datums, maar cases/visser-2024/06-evaluatieverslag.getekend.pdf ontbreekt
  ja                 Is het plan bijgesteld toen het advies veranderde? elk gewijzigd advies is binnen 14 dagen gevolgd door een bijstelling; let op: van 1 onderdeel staat alleen de ongetekende tekst in het dossier (cases/visser-2024/dossier.yaml:68, cases/visser-2024/03-bijstelling.md:3)
                     cases/visser-2024/03-bijstelling.md:32: alleen ongetekend in het dossier: getekend op 03-02-2025 volgens de datums, maar cases/visser-2024/03-bijstelling.getekend.pdf ontbreekt
  ja                 Is de eerstejaarsevaluatie gehouden? op 24-07-2025, binnen de termijn (uiterlijk 31-08-2025); let op: van 1 onderdeel staat alleen de ongetekende tekst in het dossier (cases/visser-2024/dossier.yaml:35)
                     cases/visser-2024/05-eerstejaarsevaluatie.md:35: alleen ongetekend in het dossier: getekend op 24-07-2025 volgens de datums, maar cases/visser-2024/05-eerstejaarsevaluatie.getekend.pdf ontbreekt
  ja                 Is spoor 2 op tijd ingezet waar dat nodig was? niet nodig volgens de eerstejaarsevaluatie van 24-07-2025; let op: van 1 onderdeel staat alleen de ongetekende tekst in het dossier
                     cases/visser-2024/05-eerstejaarsevaluatie.md:35: alleen ongetekend in het dossier: getekend op 24-07-2025 volgens de datums, maar cases/visser-2024/05-eerstejaarsevaluatie.getekend.pdf ontbreekt
  ja                 Is er een eindevaluatie? op 12-05-2026, binnen de termijn (uiterlijk 01-06-2026); let op: van 1 onderdeel staat alleen de ongetekende tekst in het dossier (cases/visser-2024/07-eindevaluatie.md:3)
                     cases/visser-2024/07-eindevaluatie.md:5: alleen ongetekend in het dossier: getekend op 13-05-2026 volgens de datums, maar cases/visser-2024/07-eindevaluatie.getekend.pdf ontbreekt
  ja                 Is er een actueel oordeel van de bedrijfsarts? van 04-05-2026 (cases/visser-2024/actueel-oordeel-2026-05-04.pdf)
Upload in het werkgeversportaal van UWV, per document (soort · datum van ondertekening · bestand):
  Plan van aanpak · 17-10-2024 · set/01-plan-van-aanpak-2024-10-17.pdf (zonder handtekeningen)
  Evaluatie · 23-01-2025 · set/02-evaluatieverslag-2025-01-23.pdf (zonder handtekeningen)
  Bijstelling plan van aanpak · 03-02-2025 · set/03-bijstelling-2025-02-03.pdf (zonder handtekeningen)
  Evaluatie · 19-05-2025 · set/04-evaluatieverslag-2025-05-15.pdf (zonder handtekeningen)
  Eerstejaarsevaluatie · 24-07-2025 · set/05-eerstejaarsevaluatie-2025-07-24.pdf (zonder handtekeningen)
  Evaluatie · 27-11-2025 · set/06-evaluatieverslag-2025-11-27.pdf (zonder handtekeningen)
  Eindevaluatie · 13-05-2026 · set/07-eindevaluatie-2026-05-12.pdf (zonder handtekeningen)
Van de arbodienst en de werknemer (ingebonden in de gebundelde kopie):
  Probleemanalyse (arbodienst) 07-10-2024 · cases/visser-2024/probleemanalyse-2024-10-07.pdf
  Probleemanalyse (arbodienst) 20-01-2025 · cases/visser-2024/probleemanalyse-2025-01-20.pdf
  Actueel oordeel (arbodienst) 04-05-2026 · cases/visser-2024/actueel-oordeel-2026-05-04.pdf
Kopie voor de werknemer (alle onderdelen, gebundeld): set/re-integratieverslag-kopie-werknemer.pdf
"
    );
    for file in [
        "set/arbodienst-probleemanalyse-2024-10-07.pdf",
        "set/arbodienst-probleemanalyse-2025-01-20.pdf",
    ] {
        assert!(project.path(file).is_file(), "{file}");
    }
    let eerstejaars = project.pdf_text("set/05-eerstejaarsevaluatie-2025-07-24.pdf");
    assert!(
        eerstejaars.contains("Is een tweede spoor (werk bij een andere werkgever) nodig?"),
        "{eerstejaars}"
    );
    let bytes =
        std::fs::read(project.path("set/re-integratieverslag-kopie-werknemer.pdf")).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let toc = pdf.get_toc().unwrap();
    let titles: Vec<(String, u32)> = toc
        .toc
        .iter()
        .map(|e| (e.title.clone(), e.page as u32))
        .collect();
    assert_eq!(
        titles,
        [
            ("Probleemanalyse (arbodienst), 07-10-2024".to_string(), 2),
            ("Plan van aanpak, 17-10-2024".to_string(), 3),
            ("Probleemanalyse (arbodienst), 20-01-2025".to_string(), 7),
            ("Evaluatieverslag, 23-01-2025".to_string(), 8),
            ("Bijstelling Plan van aanpak, 03-02-2025".to_string(), 10),
            ("Evaluatieverslag, 15-05-2025".to_string(), 13),
            ("Eerstejaarsevaluatie, 24-07-2025".to_string(), 15),
            ("Evaluatieverslag, 27-11-2025".to_string(), 18),
            ("Actueel oordeel (arbodienst), 04-05-2026".to_string(), 20),
            ("Eindevaluatie, 12-05-2026".to_string(), 21),
        ]
    );
    assert_eq!(pdf.get_pages().len(), 22);
    let text = project.pdf_text("set/re-integratieverslag-kopie-werknemer.pdf");
    assert!(
        text.contains("pagina 22 van 22"),
        "numbered across the bundle"
    );
    // One name in the header, a date in every footer.
    assert!(
        text.contains("Re-integratieverslag · Kopie voor de werknemer"),
        "{text}"
    );
    assert!(!text.contains("Re-integratieverslag · Re-integratieverslag"));
    assert!(!text.contains("· datum ·"), "an undated footer");
    assert!(
        text.contains("Probleemanalyse (arbodienst) · datum 20-01-2025 · BSN 232262536"),
        "the arbodienst's pages under the copy's dated footer"
    );
    assert!(
        text.contains("Eindevaluatie · datum 12-05-2026 · BSN 232262536"),
        "each part keeps its own footer"
    );
}

#[test]
fn a_set_without_the_eerstejaarsevaluatie_is_incomplete() {
    let project = Project::with_examples();
    std::fs::remove_file(project.path("cases/visser-2024/05-eerstejaarsevaluatie.md")).unwrap();
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .code(1);
    assert!(
        run.stdout
            .contains("error[PVA059]: het re-integratieverslag mist de Eerstejaarsevaluatie"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("cases/visser-2024/dossier.yaml:19:21"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("hint: maak het met `pva new eerstejaarsevaluatie cases/visser-2024`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("\nhet re-integratieverslag is nog niet compleet"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("  nee                Is de eerstejaarsevaluatie gehouden? vastgelegd op 24-07-2025, maar het ondertekende document ontbreekt in het verslag (cases/visser-2024/dossier.yaml:35)\n"),
        "the recorded date stands, the document is gone: {}",
        run.stderr
    );
    assert!(!project.path("set").exists(), "nothing written");
    // The agenda agrees: the verslag is not gedaan.
    assert_eq!(verslag_status(&project), "verlopen");
}

#[test]
fn the_agenda_shows_the_verslag_gedaan_only_when_riv_passes() {
    let project = Project::with_examples();
    assert_eq!(verslag_status(&project), "gedaan");
}

/// The agenda status of the re-integratieverslag of the full example.
fn verslag_status(project: &Project) -> String {
    let agenda = project
        .run(&["agenda", TODAY, "--format=json", "cases/visser-2024"])
        .success();
    let list: Vec<serde_json::Value> = serde_json::from_str(&agenda.stdout).unwrap();
    let row = list
        .iter()
        .find(|d| d["key"] == "re-integratieverslag")
        .unwrap();
    row["status"].as_str().unwrap().to_string()
}

/// An eerstejaarsevaluatie dated `day`, complete and signed.
fn eerstejaars(day: &str) -> String {
    format!(
        "---
document: eerstejaarsevaluatie
datum: {day}
deelnemers:
  - naam: Jan Jansen
    functie: Werknemer
volgens_plan: true
einddoel_juist: true
einddoel:
  keuze: eigen_functie
bijstelling_nodig: false
spoor_2:
  nodig: false
ondertekening:
  werknemer:
    datum: {day}
  werkgever:
    datum: {day}
---
## Eerste ziektejaar

Opbouw van uren in de eigen functie.

## Tweede spoor

Niet nodig: de werknemer werkt weer 28 uur in de eigen functie.

## Afspraken tweede ziektejaar

Verder opbouwen naar 36 uur.

## Visie werknemer

Goed.

## Visie werkgever

Goed.
"
    )
}

fn lint_with(file: &str, text: &str, dossier: &str, today: &str) -> Run {
    project(dossier, PLAN)
        .file("pva.toml", CONFIG)
        .file(file, text)
        .run(&["lint", "--today", today, "--format", "json"])
}

#[test]
fn eerstejaarsevaluatie_in_weeks_46_to_52() {
    // D = 2026-01-05: week 46 begins on D + 315 (2026-11-16), week 52 ends
    // on D + 363 (2027-01-03).
    let file = "cases/d/eerstejaarsevaluatie.md";
    for (day, expected) in [
        (
            "2026-11-15",
            vec![("PVA056".to_string(), file.to_string(), 3, 8)],
        ),
        ("2026-11-16", vec![]),
        ("2027-01-03", vec![]),
        (
            "2027-01-04",
            vec![("PVA056".to_string(), file.to_string(), 3, 8)],
        ),
    ] {
        let run = lint_with(file, &eerstejaars(day), DOSSIER, "2027-01-10");
        assert_eq!(run.findings(), expected, "{day}: {:#?}", run.messages());
    }
    let run = lint_with(file, &eerstejaars("2026-11-15"), DOSSIER, "2027-01-10");
    assert_eq!(
        run.messages(),
        vec![
            "deze eerstejaarsevaluatie (15-11-2026) is te vroeg: ze hoort in week 46 tot en met 52, van 16-11-2026 tot en met 03-01-2027"
        ]
    );
}

#[test]
fn eindevaluatie_after_week_91_is_late() {
    // D = 2026-01-05: week 91 ends 2027-10-04.
    let eind = |day: &str| {
        format!(
            "---\ndocument: eindevaluatie\ndatum: {day}\nondertekening:\n  werknemer:\n    datum: {day}\n  werkgever:\n    datum: {day}\n---\n## Stand van zaken\n\nWerkt 28 uur in de eigen functie.\n\n## Passende arbeid\n\nDe eigen functie, in aangepaste uren.\n\n## Visie werknemer\n\nGoed.\n\n## Visie werkgever\n\nGoed.\n"
        )
    };
    let dossier = DOSSIER.replace(
        "  ziekmelding_uwv: 2026-10-20\n",
        "  ziekmelding_uwv: 2026-10-20\n  eerstejaarsevaluatie: 2026-12-14\n",
    );
    let file = "cases/d/eindevaluatie.md";
    let late = lint_with(file, &eind("2027-10-05"), &dossier, "2027-10-10");
    assert!(late.codes().contains("PVA057"), "{:#?}", late.messages());
    let on_time = lint_with(file, &eind("2027-10-04"), &dossier, "2027-10-10");
    assert!(
        !on_time.codes().contains("PVA057"),
        "{:#?}",
        on_time.messages()
    );
}

#[test]
fn verkort_verslag_only_within_ten_weeks() {
    // D = 2026-01-05: employment ending on D+68 (2026-03-14) allows it, D+69 does not.
    let verkort = |day: &str| {
        format!(
            "---\ndocument: verkort-reintegratieverslag\ndatum: {day}\ngrond: korter_dan_tien_weken\nwerknemer:\n  functie: Broodbakker\n  bekwaamheden: Bakkersopleiding niveau 3\nwerkgever:\n  aard_bedrijf: Ambachtelijke bakkerij met winkel\nondertekening:\n  werknemer:\n    datum: {day}\n  werkgever:\n    datum: {day}\n---\n## Stand van zaken\n\nNog niet aan het werk.\n\n## Oordeel werknemer\n\nIk wil graag weer aan het werk.\n"
        )
    };
    let ends = |day: &str| {
        DOSSIER.replace(
            "  eerste_ziektedag: 2026-01-05\n",
            &format!("  eerste_ziektedag: 2026-01-05\n  einde_dienstverband: {day}\n  ziek_uit_dienst_melding: {day}\n"),
        )
    };
    let file = "cases/d/verkort.md";
    // The verslag is due: `pva lint` reports what `pva riv` would refuse,
    // so the dossier keeps the arbodienst's probleemanalyse as PDF.
    let analysis = std::fs::read(
        crate::support::repo().join("cases/visser-2024/probleemanalyse-2025-01-20.pdf"),
    )
    .unwrap();
    let with_analysis = |project: Project| {
        std::fs::write(
            project.path("cases/d/probleemanalyse-2026-02-09.pdf"),
            &analysis,
        )
        .unwrap();
        project
    };
    let within = with_analysis(
        Project::new()
            .file("pva.toml", CONFIG)
            .file("cases/d/dossier.yaml", &ends("2026-03-14"))
            .file(file, &verkort("2026-03-14")),
    )
    .run(&["lint", TODAY, "--format", "json"]);
    assert_eq!(within.findings(), vec![], "{:#?}", within.messages());
    // Made after the last day of employment: a day late.
    let late = with_analysis(
        Project::new()
            .file("pva.toml", CONFIG)
            .file("cases/d/dossier.yaml", &ends("2026-03-14"))
            .file(file, &verkort("2026-03-15")),
    )
    .run(&["lint", TODAY, "--format", "json"]);
    assert_eq!(
        late.messages(),
        vec![
            "het verkort re-integratieverslag is vastgelegd op 15-03-2026, 1 dag na de termijn (14-03-2026): UWV neemt de WIA-aanvraag pas in behandeling als het verslag compleet is (administratieve loonsanctie)"
        ]
    );
    let after = Project::new()
        .file("pva.toml", CONFIG)
        .file("cases/d/dossier.yaml", &ends("2026-03-15"))
        .file(file, &verkort("2026-03-15"))
        .run(&["lint", TODAY, "--format", "json"]);
    assert!(after.codes().contains("PVA058"), "{:#?}", after.messages());
    assert!(after.messages().contains(&"een verkort re-integratieverslag is hier niet van toepassing: het dienstverband eindigt op 15-03-2026, niet binnen tien weken na de eerste ziektedag".to_string()));
}

#[test]
fn new_kinds_have_skeletons_that_lint_as_unfinished() {
    let project = project(DOSSIER, PLAN).file("pva.toml", CONFIG);
    for kind in [
        "evaluatieverslag",
        "eerstejaarsevaluatie",
        "eindevaluatie",
        "verkort-reintegratieverslag",
    ] {
        let run = project
            .run(&["new", kind, "cases/d", "--date", "2026-11-20"])
            .success();
        assert!(
            run.stderr
                .contains(&format!("cases/d/{kind}-2026-11-20.md")),
            "{}",
            run.stderr
        );
    }
    let run = project.run(&["lint", TODAY, "--format", "json"]).code(1);
    assert!(run.codes().contains("PVA020"), "{:#?}", run.messages());
}

/// `pva riv` judges lint findings with the project's severities, like
/// `pva lint`: an error in the dossier stops the set, and the same finding
/// made a warning in pva.toml does not.
#[test]
fn riv_follows_the_severities_of_pva_toml() {
    let project = Project::with_examples();
    let shared = std::fs::read_to_string(project.path("cases/gedeeld.yaml")).unwrap();
    let project = project.file(
        "cases/gedeeld.yaml",
        &crate::fixture::edit(
            &shared,
            "telefoon: 030 - 244 18 90\n    email: i.smit",
            "telefoon: bellen\n    email: i.smit",
        ),
    );
    let riv = ["riv", "cases/visser-2024", TODAY, "--out", "set"];
    let run = project.run(&riv).code(1);
    assert!(
        run.stdout.starts_with("error[PVA032]: `werkgever.contactpersoon.telefoon` `bellen` is geen geldig telefoonnummer"),
        "{}",
        run.stdout
    );
    let project = project.file("pva.toml", "[lint]\nPVA032 = \"warning\"\n");
    let run = project.run(&riv).success();
    assert_eq!(run.stdout, "");
}

/// The bound copy is the whole verslag: the actueel oordeel of the
/// arbodienst and the werknemer's own oordeel, kept as PDFs in the dossier,
/// are bound in as pages in date order, each with its bookmark.
#[test]
fn the_bound_copy_binds_in_the_actueel_oordeel_and_the_werknemers_oordeel() {
    let received = std::fs::read(
        crate::support::repo().join("cases/visser-2024/probleemanalyse-2025-01-20.pdf"),
    )
    .unwrap();
    let project = Project::with_examples();
    for file in [
        "actueel-oordeel-2026-04-28.pdf",
        "oordeel-werknemer-2026-05-20.pdf",
    ] {
        std::fs::write(
            project.path(&format!("cases/visser-2024/{file}")),
            &received,
        )
        .unwrap();
    }
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .success();
    assert!(
        run.stderr.contains("  Actueel oordeel (arbodienst) 28-04-2026 · cases/visser-2024/actueel-oordeel-2026-04-28.pdf\n  Actueel oordeel (arbodienst) 04-05-2026 · cases/visser-2024/actueel-oordeel-2026-05-04.pdf\n  Oordeel van de werknemer 20-05-2026 · cases/visser-2024/oordeel-werknemer-2026-05-20.pdf\n"),
        "{}",
        run.stderr
    );
    let bytes =
        std::fs::read(project.path("set/re-integratieverslag-kopie-werknemer.pdf")).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let titles: Vec<(String, u32)> = pdf
        .get_toc()
        .unwrap()
        .toc
        .iter()
        .map(|e| (e.title.clone(), e.page as u32))
        .collect();
    assert_eq!(
        titles[titles.len() - 4..],
        [
            ("Actueel oordeel (arbodienst), 28-04-2026".to_string(), 20),
            ("Actueel oordeel (arbodienst), 04-05-2026".to_string(), 21),
            ("Eindevaluatie, 12-05-2026".to_string(), 22),
            ("Oordeel van de werknemer, 20-05-2026".to_string(), 24),
        ]
    );
    assert_eq!(pdf.get_pages().len(), 24);
    let text = project.pdf_text("set/re-integratieverslag-kopie-werknemer.pdf");
    assert!(
        text.contains("Oordeel van de werknemer · datum 20-05-2026"),
        "{text}"
    );
}

/// The cover has only the dates that apply: an employment that ended in
/// week 9 has no week 52, 91 or 104.
#[test]
fn the_cover_of_an_ended_employment_has_no_later_week_dates() {
    let project = Project::with_examples();
    project
        .run(&["riv", "cases/mulder-2026", TODAY, "--out", "set"])
        .success();
    let pages = project.pdf_pages("set/re-integratieverslag-kopie-werknemer.pdf");
    let cover = &pages[0];
    assert!(
        cover.contains("Laatste dag van het dienstverband 30-04-2026"),
        "{cover}"
    );
    for absent in ["week 52", "week 91", "104 weken"] {
        assert!(!cover.contains(absent), "{absent} on the cover:\n{cover}");
    }
}

/// The full example as a team without signed copies keeps it (PVA044 off),
/// its set written into `set/`, and a user's own file beside it.
fn with_a_set() -> Project {
    let project = Project::with_examples().file("pva.toml", "[lint]\nPVA044 = \"off\"\n");
    for entry in std::fs::read_dir(project.path("cases/visser-2024")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".getekend.pdf") {
            std::fs::remove_file(path).unwrap();
        }
    }
    project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .success();
    std::fs::write(project.path("set/notities.pdf"), "van de casemanager").unwrap();
    project
}

/// The files in `set/`, sorted.
fn files_in_set(project: &Project) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(project.path("set"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn an_incomplete_run_removes_the_previous_set_and_says_so() {
    let project = with_a_set();
    assert!(files_in_set(&project).contains(&"01-plan-van-aanpak-2024-10-17.pdf".to_string()));
    let manifest = std::fs::read_to_string(project.path("set/pva-riv-set.txt")).unwrap();
    assert!(manifest.contains("status: compleet\n"), "{manifest}");
    assert!(
        manifest.contains("bestand: re-integratieverslag-kopie-werknemer.pdf\n"),
        "{manifest}"
    );
    std::fs::remove_file(project.path("cases/visser-2024/05-eerstejaarsevaluatie.md")).unwrap();
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .code(1);
    assert!(
        run.stderr.ends_with(
            "het re-integratieverslag is nog niet compleet: er is niets geschreven; los de fouten hierboven op\n\
             de vorige set in set is verwijderd, omdat die niet meer klopt met het dossier; upload niets daaruit tot pva riv weer een complete set schrijft\n"
        ),
        "{}",
        run.stderr
    );
    // Only the user's own file is left: no part, copy, bundle or manifest.
    assert_eq!(files_in_set(&project), ["notities.pdf"]);
    assert_eq!(
        std::fs::read_to_string(project.path("set/notities.pdf")).unwrap(),
        "van de casemanager"
    );
    // A second failing run has nothing left to remove, and says nothing of it.
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .code(1);
    assert!(!run.stderr.contains("vorige set"), "{}", run.stderr);
}

#[test]
fn a_file_no_longer_in_the_set_is_removed_from_the_folder() {
    let project = with_a_set();
    let before = files_in_set(&project);
    // The werknemer's oordeel, added and run: one file more in the set.
    let oordeel = project.path("cases/visser-2024/oordeel-werknemer-2026-05-20.pdf");
    std::fs::copy(
        project.path("cases/visser-2024/probleemanalyse-2025-01-20.pdf"),
        &oordeel,
    )
    .unwrap();
    project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .success();
    let added: Vec<String> = files_in_set(&project)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    assert_eq!(added, ["werknemer-oordeel-2026-05-20.pdf"]);
    // Removed from the dossier: gone from the set, the user's file stays.
    std::fs::remove_file(&oordeel).unwrap();
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .success();
    assert!(!run.stderr.contains("vorige set"), "{}", run.stderr);
    assert_eq!(files_in_set(&project), before);
    assert!(before.contains(&"notities.pdf".to_string()));
    let manifest = std::fs::read_to_string(project.path("set/pva-riv-set.txt")).unwrap();
    assert!(manifest.contains("status: compleet\n"), "{manifest}");
    assert!(!manifest.contains("werknemer-oordeel"), "{manifest}");
    assert!(!manifest.contains("notities.pdf"), "{manifest}");
}
