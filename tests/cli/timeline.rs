//! The dossier as a 104-week timeline: a dossier exists from its
//! `dossier.yaml`, steps come due and lapse, the probleemanalyse has a
//! history, documents are true to their own date and signed documents stay
//! what was signed.

use crate::fixture::{BIJSTELLING, CONFIG, DOSSIER, PLAN, edit, project};
use crate::support::{Project, Run};

const DOSSIER_FILE: &str = "cases/d/dossier.yaml";
const PLAN_FILE: &str = "cases/d/plan.md";

fn lint(project: &Project, today: &str) -> Run {
    project.run(&["lint", "--today", today, "--format", "json"])
}

/// (key, status) of every agenda row of the project on `today`.
fn agenda(project: &Project, today: &str) -> Vec<(String, String)> {
    let today = format!("--today={today}");
    let run = project.run(&["agenda", &today, "--format=json"]).success();
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    list.iter()
        .map(|d| {
            (
                d["key"].as_str().unwrap().to_string(),
                d["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn status(rows: &[(String, String)], key: &str) -> String {
    rows.iter()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("{key} missing from {rows:?}"))
        .1
        .clone()
}

const ONLY_DOSSIER: &str = "\
werknemer:
  naam: Ali Yilmaz
  bsn: \"111222333\"
verzuim:
  eerste_ziektedag: 2026-08-03
";

#[test]
fn a_dossier_without_documents_has_its_overdue_steps() {
    let project = Project::new().file("cases/yilmaz/dossier.yaml", ONLY_DOSSIER);
    let run = lint(&project, "2026-11-23").code(1);
    let file = "cases/yilmaz/dossier.yaml".to_string();
    assert_eq!(
        run.findings(),
        vec![
            ("PVA019".into(), file.clone(), 5, 21),
            ("PVA050".into(), file, 5, 21)
        ]
    );
    assert_eq!(
        run.messages(),
        vec![
            "er is geen Plan van aanpak in dit dossier, terwijl de termijn op 28-09-2026 verstreek",
            "er is geen probleemanalyse van de bedrijfsarts in dit dossier, terwijl de termijn op 14-09-2026 verstreek",
        ]
    );
    // The day before week 6 ends: a warning, not yet an error.
    let due = lint(&project, "2026-09-13").success();
    assert_eq!(due.codes(), ["PVA050".to_string()].into());
    let rows = agenda(&project, "2026-11-23");
    assert_eq!(status(&rows, "probleemanalyse"), "verlopen");
    assert_eq!(status(&rows, "plan-van-aanpak"), "verlopen");
    assert_eq!(status(&rows, "ziekmelding-uwv"), "open");
    // The build has nothing to build but reports the same.
    let build = project.run(&["build", "--today=2026-11-23"]).code(1);
    assert!(build.stderr.contains("error[PVA050]"), "{}", build.stderr);
}

#[test]
fn the_42nd_week_and_the_eerstejaarsevaluatie_must_be_recorded() {
    let dossier = edit(DOSSIER, "  ziekmelding_uwv: 2026-10-20\n", "");
    let run = lint(&project(&dossier, PLAN), "2026-11-23").code(1);
    assert_eq!(
        run.findings(),
        vec![("PVA051".into(), DOSSIER_FILE.into(), 28, 21)]
    );
    assert_eq!(
        run.messages(),
        vec![
            "er is geen ziekmelding bij UWV (42e week) in dit dossier, terwijl de termijn op 26-10-2026 verstreek"
        ]
    );
    // Week 52 ends on 2027-01-04.
    let run = lint(&project(DOSSIER, PLAN), "2027-01-05").code(1);
    assert_eq!(run.codes(), ["PVA052".to_string()].into());
    lint(&project(DOSSIER, PLAN), "2027-01-02").success();
}

/// 0 % from 6 April 2026, not sick again: the period ended.
const RECOVERED: &str = "      percentage: 100\n    - datum: 2026-04-06\n      percentage: 0\n";

#[test]
fn recovery_makes_later_steps_moot() {
    let dossier = edit(
        DOSSIER,
        "      percentage: 100\n  ziekmelding_uwv: 2026-10-20\n",
        RECOVERED,
    );
    let project = project(&dossier, PLAN);
    lint(&project, "2026-11-23").success();
    let rows = agenda(&project, "2026-11-23");
    assert_eq!(status(&rows, "plan-van-aanpak"), "gedaan");
    for key in [
        "ziekmelding-uwv",
        "eerstejaarsevaluatie",
        "re-integratieverslag",
        "wia-aanvraag",
        "einde-wachttijd",
    ] {
        assert_eq!(status(&rows, key), "vervallen", "{key}");
    }
    project
        .run(&["agenda", "--today=2026-11-23", "--ics", "a.ics"])
        .success();
    let ics = std::fs::read_to_string(project.path("a.ics")).unwrap();
    let unfolded = ics.replace("\r\n ", "");
    let event = unfolded
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("-ziekmelding-uwv@pva"))
        .unwrap();
    assert!(event.contains("STATUS:CANCELLED"), "{event}");
}

#[test]
fn sick_again_within_four_weeks_counts_along() {
    // 21 fit days: the 42nd week moves from 26-10-2026 to 16-11-2026.
    let again = format!("{RECOVERED}    - datum: 2026-04-27\n      percentage: 100\n");
    let dossier = edit(
        DOSSIER,
        "      percentage: 100\n  ziekmelding_uwv: 2026-10-20\n",
        &again,
    );
    let run = lint(&project(&dossier, PLAN), "2026-11-23").code(1);
    assert_eq!(
        run.messages(),
        vec![
            "er is geen ziekmelding bij UWV (42e week) in dit dossier, terwijl de termijn op 16-11-2026 verstreek"
        ]
    );
    let run = lint(&project(&dossier, PLAN), "2026-11-15").success();
    assert_eq!(
        run.codes(),
        ["PVA051".to_string()].into(),
        "a warning the day before"
    );
    let run = lint(&project(&dossier, PLAN), "2026-11-14").success();
    assert_eq!(run.findings(), vec![]);
}

/// The fixture with the employment ending on `day`, the melding made that day.
fn ends_on(day: &str) -> String {
    edit(
        DOSSIER,
        "  eerste_ziektedag: 2026-01-05\n",
        &format!(
            "  eerste_ziektedag: 2026-01-05\n  einde_dienstverband: {day}\n  ziek_uit_dienst_melding: {day}\n"
        ),
    )
}

/// The agenda's row for the verslag at the end of employment, if any.
fn end_verslag(project: &Project) -> Option<(String, String)> {
    let run = project
        .run(&["agenda", "--today=2026-11-23", "--format=json"])
        .success();
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    list.iter()
        .find(|d| d["key"] == "ziek-uit-dienst-verslag")
        .map(|row| {
            (
                row["wat"].as_str().unwrap().to_string(),
                row["datum"].as_str().unwrap().to_string(),
            )
        })
}

#[test]
fn employment_ending_within_six_weeks_asks_no_verslag() {
    // D = 2026-01-05: D + 40 = 2026-02-14, D + 41 = 2026-02-15, D + 42 = 2026-02-16.
    let d40 = project(&ends_on("2026-02-14"), PLAN);
    assert_eq!(end_verslag(&d40), None);
    assert_eq!(
        lint(&d40, "2026-11-23").success().messages(),
        Vec::<String>::new()
    );
    for (day, due) in [("2026-02-15", "15-02-2026"), ("2026-02-16", "16-02-2026")] {
        let project = project(&ends_on(day), PLAN);
        assert_eq!(
            end_verslag(&project),
            Some((
                "Re-integratieverslag bij einde dienstverband (uiterlijk op de laatste dag): verkort re-integratieverslag".to_string(),
                day.to_string()
            ))
        );
        assert_eq!(
            lint(&project, "2026-11-23").code(1).messages(),
            vec![
                format!(
                    "er is geen verkort re-integratieverslag in dit dossier, terwijl de termijn op {due} verstreek"
                ),
                format!(
                    "het dienstverband eindigt op {due}, binnen tien weken na de eerste ziektedag: het Verkort re-integratieverslag (UWV) volstaat; het Plan van aanpak blijft deel van het dossier"
                ),
            ]
        );
    }
}

#[test]
fn employment_ending_at_d68_asks_a_verkort_verslag_and_at_d69_a_full_one() {
    // D = 2026-01-05: D + 67 = 2026-03-13, D + 68 = 2026-03-14, D + 69 = 2026-03-15.
    for (day, kind) in [
        ("2026-03-13", "verkort re-integratieverslag"),
        ("2026-03-14", "verkort re-integratieverslag"),
        ("2026-03-15", "eindevaluatie"),
        ("2026-03-16", "eindevaluatie"),
    ] {
        let project = project(&ends_on(day), PLAN);
        let (wat, due) = end_verslag(&project).unwrap();
        assert_eq!(
            wat,
            format!(
                "Re-integratieverslag bij einde dienstverband (uiterlijk op de laatste dag): {kind}"
            ),
            "{day}"
        );
        assert_eq!(due, day, "due on the last day of employment");
        let messages = lint(&project, "2026-11-23").code(1).messages();
        let short = format!("{}-{}-{}", &day[8..10], &day[5..7], &day[0..4]);
        assert_eq!(
            messages[0],
            format!("er is geen {kind} in dit dossier, terwijl de termijn op {short} verstreek"),
            "{day}"
        );
        let rows = agenda(&project, "2026-11-23");
        assert_eq!(status(&rows, "ziek-uit-dienst-melding"), "gedaan");
        assert_eq!(status(&rows, "eerstejaarsevaluatie"), "vervallen");
    }
}

#[test]
fn a_plan_made_before_the_end_of_employment_stays_and_builds() {
    // The plan of D + 45 (19-02-2026); the employment ends on D + 65.
    let project = project(&ends_on("2026-03-11"), PLAN);
    let run = lint(&project, "2026-11-23").code(1);
    let verkort = run
        .findings()
        .into_iter()
        .find(|f| f.0 == "PVA013")
        .unwrap();
    assert_eq!(verkort.1, DOSSIER_FILE);
    let json: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let notice = json.iter().find(|f| f["code"] == "PVA013").unwrap();
    assert_eq!(notice["severity"], "info");
    project.run(&["build", "--today=2026-11-23"]).code(1);
    assert!(
        project.path("output/cases/d/plan.pdf").is_file(),
        "the plan is built"
    );
}

#[test]
fn the_ziek_uit_dienstmelding_is_due_on_the_last_day() {
    let dossier = |melding: &str| {
        edit(
            DOSSIER,
            "  eerste_ziektedag: 2026-01-05\n",
            &format!(
                "  eerste_ziektedag: 2026-01-05\n  einde_dienstverband: 2026-06-30\n{melding}"
            ),
        )
    };
    let missing = project(&dossier(""), PLAN);
    let codes = |today: &str| {
        let run = lint(&missing, today);
        run.findings()
            .into_iter()
            .zip(run.messages())
            .filter(|(f, _)| f.0 == "PVA062")
            .map(|(f, m)| (run_severity(&run, &f.0), m))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("2026-06-28"), vec![]);
    assert_eq!(
        codes("2026-06-30"),
        vec![("warning".to_string(), "de ziek-uit-dienstmelding bij UWV moet uiterlijk 30-06-2026 klaar zijn en staat nog niet in dit dossier".to_string())]
    );
    assert_eq!(
        codes("2026-07-01"),
        vec![("error".to_string(), "er is geen ziek-uit-dienstmelding bij UWV in dit dossier, terwijl de termijn op 30-06-2026 verstreek".to_string())]
    );
    // Recorded one day late: the days and what follows.
    let late = project(&dossier("  ziek_uit_dienst_melding: 2026-07-01\n"), PLAN);
    let run = lint(&late, "2026-11-23");
    let message = run
        .findings()
        .into_iter()
        .zip(run.messages())
        .find(|(f, _)| f.0 == "PVA061")
        .map(|(f, m)| (f.1, f.2, m))
        .unwrap();
    assert_eq!(
        message,
        (DOSSIER_FILE.to_string(), 30, "de ziek-uit-dienstmelding bij UWV is vastgelegd op 01-07-2026, 1 dag na de termijn (30-06-2026): UWV kan een bestuurlijke boete opleggen".to_string())
    );
    let on_time = project(&dossier("  ziek_uit_dienst_melding: 2026-06-30\n"), PLAN);
    assert!(!lint(&on_time, "2026-11-23").codes().contains("PVA061"));
}

/// The severity of the first finding with `code` in a JSON lint run.
fn run_severity(run: &Run, code: &str) -> String {
    let json: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    json.iter()
        .find(|f| f["code"] == code)
        .map(|f| f["severity"].as_str().unwrap().to_string())
        .unwrap()
}

/// The first analysis sees no possibilities; a bijstelling of it does.
const NO_POSSIBILITIES: &str = "probleemanalyse:
  datum: 2026-02-09
  geen_benutbare_mogelijkheden: true
";

#[test]
fn a_plan_follows_the_bijstelling_of_the_probleemanalyse() {
    let waiting = edit(
        DOSSIER,
        "probleemanalyse:\n  datum: 2026-02-09\n",
        NO_POSSIBILITIES,
    );
    let no_plan = Project::new()
        .file("pva.toml", CONFIG)
        .file(DOSSIER_FILE, &waiting);
    assert_eq!(lint(&no_plan, "2026-11-23").findings(), vec![]);
    assert_eq!(
        status(&agenda(&no_plan, "2026-11-23"), "plan-van-aanpak"),
        "vervallen"
    );

    let advised = format!(
        "{waiting}  bijstellingen:\n    - datum: 2026-05-04\n      ontvangen_op: 2026-05-06\n      advies_einddoel: andere_functie_eigen_werkgever\n"
    );
    let due = Project::new()
        .file("pva.toml", CONFIG)
        .file(DOSSIER_FILE, &advised);
    let run = lint(&due, "2026-11-23").code(1);
    assert_eq!(
        run.messages(),
        vec![
            "er is geen Plan van aanpak in dit dossier, terwijl de termijn op 20-05-2026 verstreek"
        ]
    );

    // A plan after the bijstelling, with its advice: no finding, not even
    // for being later than week 8.
    let plan = PLAN
        .replace("2026-02-19", "2026-05-15")
        .replace(
            "keuze: eigen_functie",
            "keuze: andere_functie_eigen_werkgever",
        )
        .replace("2026-03-19", "2026-06-12");
    let run = lint(&project(&advised, &plan), "2026-11-23").success();
    assert_eq!(run.findings(), vec![]);
}

#[test]
fn an_old_plan_is_judged_against_the_advice_of_its_own_date() {
    // A later bijstelling advises another goal: the plan of February stays valid.
    let dossier = format!(
        "{DOSSIER}  advies_einddoel: eigen_functie\n  bijstellingen:\n    - datum: 2026-06-01\n      advies_einddoel: andere_werkgever\n"
    );
    // No PVA021 for the plan; but the new advice asks a bijstelling (PVA066).
    let run = lint(&project(&dossier, PLAN), "2026-11-23").success();
    assert_eq!(run.codes(), ["PVA066".to_string()].into());
    // The same advice in force on the plan's date does ask for a reason.
    let early = dossier.replace("2026-06-01", "2026-02-10");
    let run = lint(&project(&early, PLAN), "2026-11-23").code(1);
    assert_eq!(run.codes(), ["PVA021".to_string()].into());
}

#[test]
fn a_document_uses_what_applied_on_its_date() {
    let dossier = format!(
        "{DOSSIER}wijzigingen:\n  - vanaf: 2026-03-01\n    casemanager:\n      naam: Tom de Wit\n      functie: Casemanager\n"
    );
    let dossier = edit(
        &dossier,
        "      percentage: 100\n  ziekmelding_uwv",
        "      percentage: 100\n    - datum: 2026-03-02\n      percentage: 50\n    - datum: 2026-06-01\n      percentage: 80\n  ziekmelding_uwv",
    );
    let project = project(&dossier, PLAN).file("cases/d/bijstelling.md", BIJSTELLING);
    project.run(&["build", "--today=2026-11-23"]).success();
    let plan = project.pdf_text("output/cases/d/plan.pdf");
    assert!(plan.contains("Naam Eva Smit Functie HR-adviseur"), "{plan}");
    let bijstelling = project.pdf_text("output/cases/d/bijstelling.pdf");
    assert!(bijstelling.contains("Tom de Wit"), "{bijstelling}");
    // Dated 26-03-2026: the verloop up to then, not the row of June.
    assert!(bijstelling.contains("02-03-2026 50"), "{bijstelling}");
    assert!(!bijstelling.contains("01-06-2026"), "{bijstelling}");
}

#[test]
fn a_signed_document_never_changes() {
    // Without a signed copy beside it (PVA044, tested in signed.rs).
    let project = project(DOSSIER, PLAN).file("pva.toml", "[lint]\nPVA044 = \"off\"\n");
    // Signed and not frozen: a warning that says what to do.
    let run = lint(&project, "2026-11-23").success();
    assert_eq!(
        run.findings(),
        vec![("PVA054".into(), PLAN_FILE.into(), 16, 1)]
    );
    let freeze = project.run(&["freeze", "cases"]).success();
    assert_eq!(
        freeze.stderr,
        "vastgelegd: cases/d/plan.md: bevroren, met vingerafdruk\n"
    );
    lint(&project, "2026-11-23").success();
    let frozen = std::fs::read_to_string(project.path(PLAN_FILE)).unwrap();
    assert!(frozen.contains("bevroren:\n  werkgever:\n"), "{frozen}");
    project.run(&["build", "--today=2026-11-23"]).success();
    let before = std::fs::read(project.path("output/cases/d/plan.pdf")).unwrap();

    // Later: another casemanager's name and another advice in dossier.yaml.
    let changed = format!(
        "{}  advies_einddoel: andere_werkgever\n",
        edit(
            DOSSIER,
            "casemanager:\n  naam: Eva Smit",
            "casemanager:\n  naam: Eva de Smit"
        )
    );
    std::fs::write(project.path(DOSSIER_FILE), changed).unwrap();
    project
        .run(&["build", "--today=2026-11-23", "--force"])
        .success();
    let after = std::fs::read(project.path("output/cases/d/plan.pdf")).unwrap();
    assert!(before == after, "the signed PDF changed");

    let run = lint(&project, "2026-11-23").success();
    let line = frozen
        .lines()
        .position(|l| l == "    naam: Eva Smit")
        .map(|i| i + 1)
        .unwrap();
    assert_eq!(
        run.findings(),
        vec![("PVA055".into(), PLAN_FILE.into(), line, 11)]
    );
    assert_eq!(
        run.messages(),
        vec![
            "`casemanager.naam` is gewijzigd sinds dit document is getekend: het document houdt 'Eva Smit', cases/d/dossier.yaml:14 zegt nu 'Eva de Smit'"
        ]
    );
    let again = project.run(&["freeze", "cases"]).success();
    assert_eq!(
        again.stderr,
        "niet vastgelegd: cases/d/plan.md: het is al vastgelegd\n"
    );
}

#[test]
fn data_is_to_be_removed_two_years_after_the_end() {
    let dossier = edit(
        DOSSIER,
        "      percentage: 100\n  ziekmelding_uwv: 2026-10-20\n",
        RECOVERED,
    );
    let project = project(&dossier, PLAN);
    // The last day of the retention period: nothing yet.
    assert_eq!(lint(&project, "2028-04-06").success().findings(), vec![]);
    let run = lint(&project, "2028-04-07").success();
    assert_eq!(
        run.findings(),
        vec![("PVA053".into(), DOSSIER_FILE.into(), 28, 21)]
    );
    assert_eq!(
        run.messages(),
        vec![
            "de re-integratie eindigde op 06-04-2026, meer dan twee jaar geleden: verwijder de gegevens van dit dossier (bewaartermijn tot en met 06-04-2028)"
        ]
    );
    assert_eq!(
        status(&agenda(&project, "2028-04-07"), "bewaartermijn"),
        "verlopen"
    );
}

#[test]
fn new_dossier_appears_in_the_agenda_at_once() {
    let project = Project::new();
    let run = project
        .run(&["new", "dossier", "cases/nieuw", "--date", "2026-11-02"])
        .success();
    assert!(
        run.stderr
            .starts_with("geschreven: cases/nieuw/dossier.yaml"),
        "{}",
        run.stderr
    );
    let rows = agenda(&project, "2026-11-23");
    assert_eq!(status(&rows, "probleemanalyse"), "open");
    // Its own empty fields count from the first day, at their lines.
    let lint = lint(&project, "2026-11-23").code(1);
    let file = "cases/nieuw/dossier.yaml".to_string();
    let at = |line| ("PVA020".to_string(), file.clone(), line, 3);
    assert_eq!(lint.findings(), (11..=17).map(at).collect::<Vec<_>>());
    project.run(&["new", "dossier", "cases/nieuw"]).code(2);
}

#[test]
fn shared_files_are_inherited_from_every_level_of_a_relative_path() {
    // cases/gedeeld.yaml two levels above the dossier, linted by a relative path.
    let project = Project::new()
        .file("pva.toml", CONFIG)
        .file(
            "cases/gedeeld.yaml",
            "casemanager:\n  naam: Eva Smit\n  functie: HR-adviseur\n",
        )
        .file(
            "cases/team-a/d/dossier.yaml",
            &DOSSIER.replace(
                "casemanager:\n  naam: Eva Smit\n  functie: HR-adviseur\n",
                "",
            ),
        )
        .file("cases/team-a/d/plan.md", PLAN);
    let run = project.run(&["lint", "--today", "2026-11-23", "--format", "json", "cases"]);
    assert_eq!(run.findings(), vec![], "{:#?}", run.messages());
}

#[test]
fn an_unsigned_plan_is_not_a_plan_made() {
    let unsigned = edit(
        PLAN,
        "ondertekening:\n  werknemer:\n    datum: 2026-02-19\n  werkgever:\n    datum: 2026-02-19\n",
        "",
    );
    let rows = agenda(&project(DOSSIER, &unsigned), "2026-11-23");
    assert_eq!(status(&rows, "plan-van-aanpak"), "verlopen");
    // The lint agrees, and says what is missing: the signatures.
    let run = lint(&project(DOSSIER, &unsigned), "2026-11-23").code(1);
    let late = run
        .messages()
        .into_iter()
        .find(|m| m.contains("ondertekend"))
        .unwrap();
    assert_eq!(
        late,
        "er is geen ondertekend Plan van aanpak in dit dossier, terwijl de termijn op 23-02-2026 verstreek"
    );
    assert!(
        run.hints()
            .iter()
            .any(|h| h.starts_with("cases/d/plan.md is nog niet door beide partijen ondertekend")),
        "{:#?}",
        run.hints()
    );
    let rows = agenda(&project(DOSSIER, PLAN), "2026-11-23");
    assert_eq!(status(&rows, "plan-van-aanpak"), "gedaan");
}

#[test]
fn freeze_says_which_document_it_could_not_read_and_fails() {
    let project = project(DOSSIER, PLAN).file(
        "cases/d/kapot.md",
        "---\ndocument: plan-van-aanpak\n  bad: [\n---\n",
    );
    let run = project.run(&["freeze", "cases"]).code(1);
    assert_eq!(
        run.stderr,
        "vastgelegd: cases/d/plan.md: bevroren, met vingerafdruk\nniet vastgelegd: cases/d/kapot.md: het is niet te lezen; `pva lint` zegt waarom\n"
    );
}

#[test]
fn new_advice_asks_a_bijstelling_within_two_weeks() {
    // Received on 01-06-2026, advising another goal than the plan's: the
    // bijstelling is due on 15-06-2026.
    let dossier = format!(
        "{DOSSIER}  advies_einddoel: eigen_functie\n  bijstellingen:\n    - datum: 2026-06-01\n      advies_einddoel: andere_werkgever\n"
    );
    let pva066 = |project: &Project, today: &str| {
        let run = lint(project, today);
        run.findings()
            .into_iter()
            .zip(run.messages())
            .filter(|(f, _)| f.0 == "PVA066")
            .map(|(f, m)| (f.1, f.2, m))
            .collect::<Vec<_>>()
    };
    let without = project(&dossier, PLAN);
    assert_eq!(pva066(&without, "2026-06-15"), vec![]);
    let expected = vec![(
        DOSSIER_FILE.to_string(),
        46,
        "deze bijgestelde probleemanalyse (ontvangen 01-06-2026) adviseert een ander einddoel dan het plan, en er volgde geen bijstelling van het plan binnen 14 dagen (uiterlijk 15-06-2026)".to_string(),
    )];
    assert_eq!(pva066(&without, "2026-06-16"), expected);
    let bijstelling = |day: &str| {
        BIJSTELLING
            .replace("2026-03-26", day)
            .replace("andere_functie_eigen_werkgever", "andere_werkgever")
            .replace("2026-04-23", "2026-07-20")
    };
    let on_time =
        project(&dossier, PLAN).file("cases/d/bijstelling.md", &bijstelling("2026-06-15"));
    assert_eq!(pva066(&on_time, "2026-11-23"), vec![]);
    // A bijstelling after the 14 days is late, not absent: still a warning.
    let late = project(&dossier, PLAN).file("cases/d/bijstelling.md", &bijstelling("2026-06-16"));
    assert_eq!(
        pva066(&late, "2026-11-23"),
        vec![(
            DOSSIER_FILE.to_string(),
            46,
            "deze bijgestelde probleemanalyse (ontvangen 01-06-2026) adviseert een ander einddoel dan het plan; de bijstelling van het plan kwam op 16-06-2026, 1 dag na de termijn van 14 dagen (uiterlijk 15-06-2026)".to_string(),
        )]
    );
    // The day before the due day: on time as well.
    let early = project(&dossier, PLAN).file("cases/d/bijstelling.md", &bijstelling("2026-06-14"));
    assert_eq!(pva066(&early, "2026-11-23"), vec![]);
}
