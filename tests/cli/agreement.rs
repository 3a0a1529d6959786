//! `pva agenda` and `pva lint` read one table of the law's steps, so they
//! never disagree: every row the agenda calls `verlopen` is a finding of
//! lint in that dossier, naming the step's due day.

use pva::law::{self, Evidence};

use crate::support::Project;

/// The days the examples are judged on: their test date, the day the
/// agreed evaluation of de-vries-2026 passed unrecorded, and later days on
/// which most steps of every example are due.
const DAYS: &[&str] = &[
    "2025-06-01",
    "2026-06-15",
    "2026-11-23",
    "2026-12-07",
    "2027-06-01",
    "2028-03-01",
    "2029-01-01",
];

/// The overdue agenda rows of `project` on `today`: (dossier, key, date).
fn overdue(project: &Project, today: &str) -> Vec<(String, String, String)> {
    let today = format!("--today={today}");
    let run = project.run(&["agenda", &today, "--format=json"]).success();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    rows.iter()
        .filter(|r| r["status"] == "verlopen")
        .map(|r| {
            (
                r["dossier"].as_str().unwrap().to_string(),
                r["key"].as_str().unwrap().to_string(),
                r["datum"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// "2026-12-03" → "03-12-2026", as findings write a day.
fn short(day: &str) -> String {
    let parts: Vec<&str> = day.split('-').collect();
    format!("{}-{}-{}", parts[2], parts[1], parts[0])
}

/// Asserts that lint reports each overdue agenda row of `project` on `today`;
/// returns how many rows were checked.
#[track_caller]
fn assert_agree(project: &Project, today: &str) -> usize {
    let rows = overdue(project, today);
    let run = project.run(&["lint", "--today", today, "--format", "json"]);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    for (dossier, key, day) in &rows {
        let step_key = if key.starts_with("evaluatie-") {
            "evaluatie"
        } else {
            key
        };
        let step = law::step(step_key).unwrap_or_else(|| panic!("{key} is not a step"));
        let mut codes: Vec<&str> = [step.missing, step.late]
            .into_iter()
            .flatten()
            .map(|r| r.code)
            .collect();
        // An overdue verslag whose closing document is signed: `pva riv`'s gaps.
        let verslag = step.evidence == Evidence::Verslag;
        if verslag {
            codes.extend(["PVA059", "PVA060"]);
        }
        let found = findings.iter().any(|f| {
            let file = f["file"].as_str().unwrap().replace('\\', "/");
            let message = f["message"].as_str().unwrap();
            file.starts_with(&format!("{dossier}/"))
                && codes.contains(&f["code"].as_str().unwrap())
                && (verslag || message.contains(&short(day)))
        });
        assert!(
            found,
            "on {today} the agenda calls {key} of {dossier} ({day}) verlopen, but lint has no finding of {codes:?} naming it:\n{}",
            run.stdout
        );
    }
    rows.len()
}

#[test]
fn every_overdue_agenda_row_of_the_examples_is_a_lint_finding() {
    let project = Project::with_examples();
    let checked: usize = DAYS.iter().map(|day| assert_agree(&project, day)).sum();
    // The days are chosen so that many rows are overdue.
    assert!(checked > 20, "only {checked} overdue rows checked");
}

#[test]
fn the_overdue_evaluation_of_the_trust_bug_is_reported() {
    let project = Project::with_examples();
    assert_eq!(
        overdue(&project, "2026-12-07"),
        vec![(
            "cases/de-vries-2026".to_string(),
            "evaluatie-20261203".to_string(),
            "2026-12-03".to_string()
        )]
    );
    let run = project
        .run(&[
            "lint",
            "--today",
            "2026-12-07",
            "--format",
            "json",
            "cases/de-vries-2026",
        ])
        .success();
    assert_eq!(
        run.findings(),
        vec![(
            "PVA070".to_string(),
            "cases/de-vries-2026/plan-van-aanpak.md".to_string(),
            26,
            14
        )]
    );
    assert_eq!(
        run.messages(),
        vec![
            "de evaluatie van 03-12-2026 (Evaluatie Plan van aanpak, zo nodig bijstellen) is voorbij, maar er is geen gehouden evaluatie vastgelegd (geen datum in `verzuim.evaluaties_gehouden` en geen evaluatieverslag binnen 14 dagen ervan)"
        ]
    );
    // The day of the moment and the day after it: open, then verlopen.
    for (today, overdue_rows, findings) in [("2026-12-03", 0, 0), ("2026-12-04", 1, 1)] {
        assert_eq!(overdue(&project, today).len(), overdue_rows, "{today}");
        let run = project.run(&[
            "lint",
            "--today",
            today,
            "--format",
            "json",
            "cases/de-vries-2026",
        ]);
        assert_eq!(run.findings().len(), findings, "{today}: {}", run.stdout);
    }
}

#[test]
fn an_overdue_verslag_that_riv_refuses_is_a_lint_finding() {
    // The eindevaluatie is signed, but the actueel oordeel is gone: `pva
    // riv` fails, the agenda calls the verslag verlopen after D + 637, and
    // lint names the gap.
    let project = Project::with_examples();
    std::fs::remove_file(project.path("cases/visser-2024/actueel-oordeel-2026-05-04.pdf")).unwrap();
    let rows = overdue(&project, "2026-07-01");
    assert!(
        rows.iter()
            .any(|(d, k, _)| d == "cases/visser-2024" && k == "re-integratieverslag"),
        "{rows:?}"
    );
    assert_agree(&project, "2026-07-01");
    let run = project.run(&[
        "lint",
        "--today",
        "2026-07-01",
        "--format",
        "json",
        "cases/visser-2024",
    ]);
    assert!(
        run.findings()
            .iter()
            .any(|(code, _, _, _)| code == "PVA059"),
        "{}",
        run.stdout
    );
    // Before the due day the verslag is not judged by lint.
    let early = project.run(&[
        "lint",
        "--today",
        "2026-05-20",
        "--format",
        "json",
        "cases/visser-2024",
    ]);
    assert!(
        !early
            .findings()
            .iter()
            .any(|(code, _, _, _)| code == "PVA059"),
        "{}",
        early.stdout
    );
}

#[test]
fn an_unreadable_document_does_not_silence_an_overdue_step() {
    // The plan cannot be read: the agenda calls the plan verlopen, and
    // lint says so too, naming the doubt.
    use crate::fixture::{DOSSIER, PLAN, edit, project};
    let plan = edit(PLAN, "  keuze: eigen_functie", "\tkeuze: eigen_functie");
    let broken = project(DOSSIER, &plan);
    let rows = overdue(&broken, "2026-11-23");
    assert!(
        rows.iter().any(|(_, key, _)| key == "plan-van-aanpak"),
        "{rows:?}"
    );
    assert!(assert_agree(&broken, "2026-11-23") > 0);
}

#[test]
fn dossiers_counted_together_agree_too() {
    // Two dossiers of one employee, 14 days fit in between (BW 7:629 lid
    // 10): each one's overdue rows, counted together, are lint findings.
    let dossier = |first: &str, fit: &str| {
        format!(
            "werknemer:\n  naam: Ali Yilmaz\n  bsn: \"111222333\"\nverzuim:\n  eerste_ziektedag: {first}\n  verloop:\n    - datum: {first}\n      percentage: 100\n{fit}"
        )
    };
    let project = Project::new()
        .file(
            "cases/a/dossier.yaml",
            &dossier(
                "2025-01-06",
                "    - datum: 2025-03-17\n      percentage: 0\n",
            ),
        )
        .file("cases/b/dossier.yaml", &dossier("2025-03-31", ""));
    let checked: usize = ["2025-03-01", "2025-06-01", "2025-12-01", "2026-12-01"]
        .iter()
        .map(|day| assert_agree(&project, day))
        .sum();
    assert!(checked > 5, "only {checked} overdue rows checked");
}
