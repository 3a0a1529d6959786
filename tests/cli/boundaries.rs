//! Each rule of the law's steps on the day before, on and after its
//! boundary, with the exact finding. The fixture's first sick day D is
//! 05-01-2026 (see fixture.rs); the due days are the table's formulas.

use crate::fixture::{DOSSIER, PLAN, edit, project};
use crate::support::Project;

/// (severity, message) of every finding of `code` when `project` is
/// linted on `today`.
fn found(project: &Project, today: &str, code: &str) -> Vec<(String, String)> {
    let run = project.run(&["lint", "--today", today, "--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    list.iter()
        .filter(|f| f["code"] == code)
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn one(severity: &str, message: &str) -> Vec<(String, String)> {
    vec![(severity.to_string(), message.to_string())]
}

/// The fixture's dossier with the ziekmelding of the 42nd week on `day`
/// (none when empty) and `extra` lines under `verzuim`.
fn dossier(melding: &str, extra: &str) -> String {
    let melding = if melding.is_empty() {
        String::new()
    } else {
        format!("  ziekmelding_uwv: {melding}\n")
    };
    edit(
        DOSSIER,
        "  ziekmelding_uwv: 2026-10-20\n",
        &format!("{melding}{extra}"),
    )
}

#[test]
fn the_42nd_week_ziekmelding_recorded_late() {
    // D + 294 = 26-10-2026 (ZW art. 38 lid 1): recorded on the day before
    // and on the due day it is on time; the day after, a day late.
    for on_time in ["2026-10-25", "2026-10-26"] {
        let p = project(&dossier(on_time, ""), PLAN);
        assert_eq!(found(&p, "2026-11-23", "PVA061"), vec![], "{on_time}");
    }
    let late = project(&dossier("2026-10-27", ""), PLAN);
    assert_eq!(
        found(&late, "2026-11-23", "PVA061"),
        one(
            "warning",
            "de ziekmelding bij UWV (42e week) is vastgelegd op 27-10-2026, 1 dag na de termijn (26-10-2026): UWV kan een bestuurlijke boete opleggen"
        )
    );
    // The case: 36 days late.
    let later = project(&dossier("2026-12-01", ""), PLAN);
    assert_eq!(
        found(&later, "2026-12-07", "PVA061"),
        one(
            "warning",
            "de ziekmelding bij UWV (42e week) is vastgelegd op 01-12-2026, 36 dagen na de termijn (26-10-2026): UWV kan een bestuurlijke boete opleggen"
        )
    );
    // A date after --today does not count as done.
    let future = project(&dossier("2026-10-27", ""), PLAN);
    assert_eq!(found(&future, "2026-10-26", "PVA061"), vec![]);
    assert_eq!(
        found(&future, "2026-10-26", "PVA051"),
        one(
            "warning",
            "de ziekmelding bij UWV (42e week) moet uiterlijk 26-10-2026 klaar zijn en staat nog niet in dit dossier"
        )
    );
}

#[test]
fn the_42nd_week_ziekmelding_missing() {
    let p = project(&dossier("", ""), PLAN);
    assert_eq!(found(&p, "2026-10-24", "PVA051"), vec![]);
    let soon = one(
        "warning",
        "de ziekmelding bij UWV (42e week) moet uiterlijk 26-10-2026 klaar zijn en staat nog niet in dit dossier",
    );
    assert_eq!(found(&p, "2026-10-25", "PVA051"), soon);
    assert_eq!(found(&p, "2026-10-26", "PVA051"), soon);
    assert_eq!(
        found(&p, "2026-10-27", "PVA051"),
        one(
            "error",
            "er is geen ziekmelding bij UWV (42e week) in dit dossier, terwijl de termijn op 26-10-2026 verstreek"
        )
    );
}

#[test]
fn the_wia_aanvraag_and_uwvs_letter() {
    // UWV's letter by D + 622 = 19-09-2027 (a notice), the aanvraag by
    // D + 651 = 18-10-2027 (Wet WIA art. 64 lid 2 and 3).
    let p = project(&dossier("2026-10-20", ""), PLAN);
    assert_eq!(found(&p, "2027-09-17", "PVA071"), vec![]);
    let letter_soon = one(
        "info",
        "de brief van UWV over de WIA-aanvraag moet uiterlijk 19-09-2027 klaar zijn en staat nog niet in dit dossier",
    );
    assert_eq!(found(&p, "2027-09-18", "PVA071"), letter_soon);
    assert_eq!(found(&p, "2027-09-19", "PVA071"), letter_soon);
    assert_eq!(
        found(&p, "2027-09-20", "PVA071"),
        one(
            "info",
            "er is geen brief van UWV over de WIA-aanvraag in dit dossier, terwijl de termijn op 19-09-2027 verstreek"
        )
    );
    assert_eq!(found(&p, "2027-10-16", "PVA063"), vec![]);
    let soon = one(
        "warning",
        "de WIA-aanvraag moet uiterlijk 18-10-2027 klaar zijn en staat nog niet in dit dossier",
    );
    assert_eq!(found(&p, "2027-10-17", "PVA063"), soon);
    assert_eq!(found(&p, "2027-10-18", "PVA063"), soon);
    assert_eq!(
        found(&p, "2027-10-19", "PVA063"),
        one(
            "warning",
            "er is geen WIA-aanvraag in dit dossier, terwijl de termijn op 18-10-2027 verstreek"
        )
    );
    for on_time in ["2027-10-17", "2027-10-18"] {
        let p = project(
            &dossier("2026-10-20", &format!("  wia_aanvraag: {on_time}\n")),
            PLAN,
        );
        assert_eq!(found(&p, "2027-11-01", "PVA061"), vec![], "{on_time}");
    }
    let late = project(&dossier("2026-10-20", "  wia_aanvraag: 2027-10-19\n"), PLAN);
    assert_eq!(
        found(&late, "2027-11-01", "PVA061"),
        one(
            "warning",
            "de WIA-aanvraag is vastgelegd op 19-10-2027, 1 dag na de termijn (18-10-2027): de loondoorbetaling loopt door tot de aanvraag er is (BW 7:629 lid 11 a)"
        )
    );
}

#[test]
fn spoor_2_within_six_weeks_of_the_eerstejaarsevaluatie() {
    // Held on 14-12-2026: spoor 2 starts by 14-12-2026 + 42 = 25-01-2027.
    let held = "  eerstejaarsevaluatie: 2026-12-14\n";
    let p = project(&dossier("2026-10-20", held), PLAN);
    assert_eq!(found(&p, "2027-01-23", "PVA064"), vec![]);
    let soon = one(
        "warning",
        "de start van spoor 2 moet uiterlijk 25-01-2027 klaar zijn en staat nog niet in dit dossier",
    );
    assert_eq!(found(&p, "2027-01-24", "PVA064"), soon);
    assert_eq!(found(&p, "2027-01-25", "PVA064"), soon);
    assert_eq!(
        found(&p, "2027-01-26", "PVA064"),
        one(
            "warning",
            "er is geen start van spoor 2 in dit dossier, terwijl de termijn op 25-01-2027 verstreek"
        )
    );
    for on_time in ["2027-01-24", "2027-01-25"] {
        let p = project(
            &dossier("2026-10-20", &format!("{held}  start_spoor_2: {on_time}\n")),
            PLAN,
        );
        assert_eq!(found(&p, "2027-02-15", "PVA061"), vec![], "{on_time}");
    }
    let late = project(
        &dossier(
            "2026-10-20",
            &format!("{held}  start_spoor_2: 2027-01-26\n"),
        ),
        PLAN,
    );
    assert_eq!(
        found(&late, "2027-02-15", "PVA061"),
        one(
            "warning",
            "de start van spoor 2 is vastgelegd op 26-01-2027, 1 dag na de termijn (25-01-2027): UWV kan een loonsanctie opleggen (tot 52 weken langer loon doorbetalen)"
        )
    );
}

#[test]
fn held_evaluations_at_most_42_days_apart() {
    // The plan of 19-02-2026 runs; the first evaluation held on the day
    // given (the next on 30-04-2026): 41 and 42 days pass, 43 is a gap.
    let with_first = |first: &str| {
        project(
            &edit(
                DOSSIER,
                "    - datum: 2026-03-19\n",
                &format!("    - datum: {first}\n"),
            ),
            PLAN,
        )
    };
    for fine in ["2026-04-01", "2026-04-02"] {
        assert_eq!(
            found(&with_first(fine), "2026-11-23", "PVA065"),
            vec![],
            "{fine}"
        );
    }
    assert_eq!(
        found(&with_first("2026-04-03"), "2026-11-23", "PVA065"),
        one(
            "warning",
            "van 19-02-2026 tot 03-04-2026 is 43 dagen geen evaluatie gehouden, terwijl het plan loopt; UWV verwacht er minstens een per zes weken (42 dagen)"
        )
    );
}

#[test]
fn an_arbeidsdeskundig_onderzoek_from_week_52() {
    // Week 52 begins on D + 357 = 28-12-2026.
    let plan = edit(PLAN, "keuze: eigen_functie", "keuze: andere_werkgever");
    let p = project(&dossier("2026-10-20", ""), &plan);
    assert_eq!(found(&p, "2026-12-27", "PVA068"), vec![]);
    let message = one(
        "warning",
        "vanaf week 52 (28-12-2026) is het einddoel ander werk dan het eigen werk (andere_werkgever), maar er is geen arbeidsdeskundig onderzoek vastgelegd",
    );
    assert_eq!(found(&p, "2026-12-28", "PVA068"), message);
    assert_eq!(found(&p, "2026-12-29", "PVA068"), message);
    let done = project(
        &dossier("2026-10-20", "  arbeidsdeskundig_onderzoek: 2026-12-01\n"),
        &plan,
    );
    assert_eq!(found(&done, "2026-12-29", "PVA068"), vec![]);
}

#[test]
fn a_document_signed_by_one_party_for_more_than_14_days() {
    // The werknemer signed on 19-02-2026; the werkgever not (yet).
    let plan = edit(
        PLAN,
        "  werkgever:\n    datum: 2026-02-19\n",
        "  werkgever:\n    naam: Eva Smit\n",
    );
    let p = project(&dossier("2026-10-20", ""), &plan);
    for fine in ["2026-03-04", "2026-03-05"] {
        assert_eq!(found(&p, fine, "PVA069"), vec![], "{fine}");
    }
    assert_eq!(
        found(&p, "2026-03-06", "PVA069"),
        one(
            "info",
            "alleen de werknemer tekende dit document, 15 dagen geleden (19-02-2026)"
        )
    );
}

#[test]
fn an_agreed_evaluation_not_recorded() {
    // The plan agrees 19-03-2026; without a record, the day before and the
    // day itself are open, the day after it is overdue.
    let p = project(&edit(DOSSIER, "    - datum: 2026-03-19\n", ""), PLAN);
    for fine in ["2026-03-18", "2026-03-19"] {
        assert_eq!(found(&p, fine, "PVA070"), vec![], "{fine}");
    }
    assert_eq!(
        found(&p, "2026-03-20", "PVA070"),
        one(
            "warning",
            "de evaluatie van 19-03-2026 (Voortgang) is voorbij, maar er is geen gehouden evaluatie vastgelegd (geen datum in `verzuim.evaluaties_gehouden` en geen evaluatieverslag binnen 14 dagen ervan)"
        )
    );
    // Held 14 days after the moment still counts; 15 days after does not.
    let held = |day: &str| {
        project(
            &edit(
                DOSSIER,
                "    - datum: 2026-03-19\n",
                &format!("    - datum: {day}\n"),
            ),
            PLAN,
        )
    };
    assert_eq!(found(&held("2026-04-02"), "2026-04-10", "PVA070"), vec![]);
    assert_eq!(found(&held("2026-04-03"), "2026-04-10", "PVA070").len(), 1);
}

/// A signed eerstejaarsevaluatie of 14-12-2026 with this einddoel and
/// answer to "is spoor 2 nodig?".
fn eerstejaars(goal: &str, spoor_2: bool) -> String {
    format!(
        "---\ndocument: eerstejaarsevaluatie\ndatum: 2026-12-14\ndeelnemers:\n  - naam: Jan Jansen\n    functie: Werknemer\nvolgens_plan: true\neinddoel_juist: true\neinddoel:\n  keuze: {goal}\nbijstelling_nodig: false\nspoor_2:\n  nodig: {spoor_2}\nondertekening:\n  werknemer:\n    datum: 2026-12-14\n  werkgever:\n    datum: 2026-12-14\n---\n## Eerste ziektejaar\n\nOpbouw.\n\n## Tweede spoor\n\nZie hierboven.\n\n## Afspraken tweede ziektejaar\n\nVerder.\n\n## Visie werknemer\n\nGoed.\n\n## Visie werkgever\n\nGoed.\n"
    )
}

#[test]
fn spoor_2_not_needed_while_the_goal_is_another_employer() {
    // Not a rule of days: the answer and the einddoel contradict each other.
    let file = "cases/d/eerstejaarsevaluatie.md";
    let with = |goal: &str, spoor_2: bool| {
        project(&dossier("2026-10-20", ""), PLAN).file(file, &eerstejaars(goal, spoor_2))
    };
    let run =
        with("andere_werkgever", false).run(&["lint", "--today", "2026-12-20", "--format", "json"]);
    let at: Vec<_> = run
        .findings()
        .into_iter()
        .zip(run.messages())
        .filter(|(f, _)| f.0 == "PVA067")
        .map(|(f, m)| (f.1, f.2, m))
        .collect();
    assert_eq!(
        at,
        vec![(
            file.to_string(),
            13,
            "de eerstejaarsevaluatie vindt spoor 2 niet nodig, maar het einddoel is werk bij een andere werkgever".to_string()
        )]
    );
    assert_eq!(
        found(&with("andere_werkgever", true), "2026-12-20", "PVA067"),
        vec![]
    );
    assert_eq!(
        found(&with("eigen_functie", false), "2026-12-20", "PVA067"),
        vec![]
    );
}
