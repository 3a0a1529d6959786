//! Periods as the law counts them (BW 7:629 lid 10): two dossiers of one
//! employee less than 28 days apart count together, on both dossiers; 28
//! days fit or more within a dossier starts a new period that nothing of
//! the old one completes.

use chrono::{Duration, NaiveDate};

use crate::support::{Project, Run};

const BSN: &str = "111222333";

/// A dossier sick from `first`; fit from `fit` when given.
fn dossier(first: &str, fit: Option<&str>) -> String {
    let recovery = fit.map_or(String::new(), |fit| {
        format!("    - datum: {fit}\n      percentage: 0\n")
    });
    format!(
        "werknemer:\n  naam: Ali Yilmaz\n  bsn: \"{BSN}\"\nverzuim:\n  eerste_ziektedag: {first}\n  verloop:\n    - datum: {first}\n      percentage: 100\n{recovery}probleemanalyse:\n  datum: {first}\n"
    )
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Dossier a sick from 06-01-2025 and fit from 17-03-2025; dossier b sick
/// again `gap` days later.
fn two(gap: i64) -> Project {
    let b_first = day("2025-03-17") + Duration::days(gap);
    Project::new()
        .file(
            "cases/a/dossier.yaml",
            &dossier("2025-01-06", Some("2025-03-17")),
        )
        .file("cases/b/dossier.yaml", &dossier(&b_first.to_string(), None))
}

fn lint(project: &Project, today: &str, code: &str) -> Vec<(String, usize, usize, String)> {
    let run = project.run(&["lint", "--today", today, "--format", "json"]);
    assert!(
        !run.stdout.contains(BSN),
        "the BSN is printed:\n{}",
        run.stdout
    );
    with_code(&run, code)
}

fn with_code(run: &Run, code: &str) -> Vec<(String, usize, usize, String)> {
    run.findings()
        .into_iter()
        .zip(run.messages())
        .filter(|(f, _)| f.0 == code)
        .map(|((_, file, line, col), message)| (file, line, col, message))
        .collect()
}

/// The agenda's date of step `key` in `dossier`.
fn due(project: &Project, today: &str, dossier: &str, key: &str) -> String {
    let run = project
        .run(&["agenda", &format!("--today={today}"), "--format=json"])
        .success();
    assert!(
        !run.stdout.contains(BSN),
        "the BSN is printed:\n{}",
        run.stdout
    );
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    rows.iter()
        .find(|r| r["dossier"] == dossier && r["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {dossier}: {rows:#?}"))["datum"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn two_dossiers_fourteen_days_apart_count_together() {
    // The case: 14 days fit between the two dossiers. The second
    // dossier's 42nd week is 06-01-2025 + 294 + 14 = 10-11-2025, not
    // 31-03-2025 + 294 = 19-01-2026.
    let project = two(14);
    assert_eq!(
        due(&project, "2025-06-01", "cases/b", "ziekmelding-uwv"),
        "2025-11-10"
    );
    assert_eq!(
        lint(&project, "2025-06-01", "PVA072"),
        vec![
            (
                "cases/a/dossier.yaml".to_string(),
                9,
                14,
                "de werknemer werd op 31-03-2025 weer ziek, 14 dagen na dit herstel (minder dan 28): de ziekteperiode loopt door in cases/b, waar de termijnen doortellen vanaf 06-01-2025".to_string()
            ),
            (
                "cases/b/dossier.yaml".to_string(),
                5,
                21,
                "deze ziekteperiode telt samen met die in cases/a (ziek vanaf 06-01-2025, hersteld op 17-03-2025): er zaten 14 dagen tussen, minder dan 28; de termijnen tellen vanaf 06-01-2025 zonder de dagen ertussen (de 42e-weekmelding uiterlijk 10-11-2025)".to_string()
            ),
        ]
    );
    // Linting one dossier still counts with the other: the project is read.
    let run = project.run(&[
        "lint",
        "--today",
        "2025-06-01",
        "--format",
        "json",
        "cases/b",
    ]);
    assert_eq!(with_code(&run, "PVA072").len(), 1, "{}", run.stdout);
    // The earlier dossier's steps after the recovery run on in the later one.
    let rows = project
        .run(&["agenda", "--today=2025-06-01", "cases/a"])
        .success()
        .stdout;
    assert!(
        rows.contains("Ziekmelding bij UWV (42e week) (hersteld op 17-03-2025, maar de periode loopt door in cases/b (samengesteld verzuim))"),
        "{rows}"
    );
}

#[test]
fn the_boundary_is_28_days_fit() {
    // 27 days fit: one period, the 42nd week moves by 27 days.
    let linked = two(27);
    assert_eq!(
        due(&linked, "2025-06-01", "cases/b", "ziekmelding-uwv"),
        (day("2025-01-06") + Duration::days(294 + 27)).to_string()
    );
    assert_eq!(
        lint(&linked, "2025-06-01", "PVA072")
            .iter()
            .map(|f| f.3.clone())
            .collect::<Vec<_>>(),
        vec![
            "de werknemer werd op 13-04-2025 weer ziek, 27 dagen na dit herstel (minder dan 28): de ziekteperiode loopt door in cases/b, waar de termijnen doortellen vanaf 06-01-2025".to_string(),
            "deze ziekteperiode telt samen met die in cases/a (ziek vanaf 06-01-2025, hersteld op 17-03-2025): er zaten 27 dagen tussen, minder dan 28; de termijnen tellen vanaf 06-01-2025 zonder de dagen ertussen (de 42e-weekmelding uiterlijk 23-11-2025)".to_string(),
        ]
    );
    // 28 and 29 days fit: a new period, counted from its own first day.
    for gap in [28, 29] {
        let apart = two(gap);
        let b_first = day("2025-03-17") + Duration::days(gap);
        assert_eq!(
            due(&apart, "2025-06-01", "cases/b", "ziekmelding-uwv"),
            (b_first + Duration::days(294)).to_string(),
            "{gap} days"
        );
        assert_eq!(lint(&apart, "2025-06-01", "PVA072"), vec![], "{gap} days");
    }
}

#[test]
fn another_employee_or_employer_is_not_counted_along() {
    let other = two(14).file(
        "cases/b/dossier.yaml",
        &dossier("2025-03-31", None).replace(BSN, "123456782"),
    );
    assert_eq!(lint(&other, "2025-06-01", "PVA072"), vec![]);
    let employer = |name: &str| format!("werkgever:\n  bedrijfsnaam: {name}\n");
    let elsewhere = two(14)
        .file(
            "cases/a/dossier.yaml",
            &(dossier("2025-01-06", Some("2025-03-17")) + &employer("Bakkerij De Korenaar")),
        )
        .file(
            "cases/b/dossier.yaml",
            &(dossier("2025-03-31", None) + &employer("Van Dijk Installatietechniek")),
        );
    assert_eq!(lint(&elsewhere, "2025-06-01", "PVA072"), vec![]);
}

#[test]
fn a_new_period_in_the_verloop_is_not_completed_by_the_old_one() {
    // Fit from 17-03-2025; sick again after `gap` days.
    let within = |gap: i64| {
        let again = day("2025-03-17") + Duration::days(gap);
        let text = dossier("2025-01-06", Some("2025-03-17"))
            .replace(
                "probleemanalyse:",
                &format!("    - datum: {again}\n      percentage: 100\nprobleemanalyse:"),
            )
            .replace("  datum: 2025-01-06\n", "  datum: 2025-02-10\n");
        Project::new().file("cases/c/dossier.yaml", &text)
    };
    // 27 days: samentelling, the old analysis serves; no new period.
    let joined = within(27);
    assert_eq!(lint(&joined, "2025-06-01", "PVA073"), vec![]);
    assert_eq!(
        due(&joined, "2025-06-01", "cases/c", "probleemanalyse"),
        "2025-02-17"
    );
    // 28 days: a new period from 14-04-2025. Its probleemanalyse is due on
    // 26-05-2025, and the analysis of February does not complete it.
    let apart = within(28);
    assert_eq!(
        lint(&apart, "2025-06-01", "PVA073"),
        vec![
            (
                "cases/c/dossier.yaml".to_string(),
                5,
                21,
                "volgens het verloop was de werknemer van 17-03-2025 tot 14-04-2025 hersteld (28 dagen, 28 of meer): op 14-04-2025 begint een nieuwe ziekteperiode met eigen termijnen, en niets van de vorige periode telt voor haar stappen".to_string()
            ),
            (
                "cases/c/dossier.yaml".to_string(),
                14,
                10,
                "deze probleemanalyse (10-02-2025) is van de vorige ziekteperiode: de nieuwe periode vanaf 14-04-2025 vraagt een eigen probleemanalyse, uiterlijk 26-05-2025".to_string()
            ),
        ]
    );
    let run = apart.run(&["agenda", "--today=2025-06-01", "--format=json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let analysis = rows.iter().find(|r| r["key"] == "probleemanalyse").unwrap();
    assert_eq!(
        (analysis["datum"].as_str(), analysis["status"].as_str()),
        (Some("2025-05-26"), Some("verlopen"))
    );
    assert!(
        lint(&apart, "2025-06-01", "PVA050")[0]
            .3
            .contains("terwijl de termijn op 26-05-2025 verstreek")
    );
    // 29 days: the same, from 15-04-2025.
    assert_eq!(lint(&within(29), "2025-06-01", "PVA073").len(), 2);
}
