//! `pva lint`: each rule fires on the exact line and column, and not on
//! valid input. Positions are file lines of the fixture (see fixture.rs).

use crate::fixture::{BIJSTELLING, CONFIG, DOSSIER, PLAN, edit, project};
use crate::support::{Project, Run};

const DOSSIER_FILE: &str = "cases/d/dossier.yaml";
const PLAN_FILE: &str = "cases/d/plan.md";
const BIJ_FILE: &str = "cases/d/bijstelling.md";

fn lint(project: &Project) -> Run {
    project.run(&["lint", "--today", "2026-11-23", "--format", "json"])
}

/// Each finding of a `--format json` run as `CODE severity`, in order.
fn code_severities(run: &Run) -> Vec<String> {
    serde_json::from_str::<Vec<serde_json::Value>>(&run.stdout)
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["severity"].as_str().unwrap()
            )
        })
        .collect()
}

/// Lints the fixture with `dossier` and `plan`, expecting exactly `expected`.
#[track_caller]
fn expect(dossier: &str, plan: &str, expected: &[(&str, &str, usize, usize)]) -> Run {
    let run = lint(&project(dossier, plan));
    let found = run.findings();
    let expected: Vec<(String, String, usize, usize)> = expected
        .iter()
        .map(|(c, f, l, col)| (c.to_string(), f.to_string(), *l, *col))
        .collect();
    assert_eq!(found, expected, "messages: {:#?}", run.messages());
    run
}

#[test]
fn fixture_and_examples_lint_clean() {
    let run = lint(&project(DOSSIER, PLAN).file(BIJ_FILE, BIJSTELLING)).success();
    assert_eq!(run.findings(), vec![]);
    let examples = Project::with_examples();
    let run = lint(&examples).success();
    assert_eq!(run.findings(), vec![], "{:#?}", run.messages());
}

/// The plan's step when the plan cannot be read: overdue, with the doubt.
const UNREADABLE_PLAN: &str = "er is geen Plan van aanpak in dit dossier, terwijl de termijn op 23-02-2026 verstreek (een document van dit dossier is niet te lezen; staat het daarin, dan telt het pas als het te lezen is)";

#[test]
fn pva001_invalid_yaml_with_tabs() {
    let plan = edit(PLAN, "  keuze: eigen_functie", "\tkeuze: eigen_functie");
    // The plan cannot be read, so its step is overdue as the agenda says,
    // with the doubt named (PVA019).
    let run = expect(
        DOSSIER,
        &plan,
        &[
            ("PVA019", DOSSIER_FILE, 28, 21),
            ("PVA001", PLAN_FILE, 5, 2),
        ],
    )
    .code(1);
    assert_eq!(run.messages()[0], UNREADABLE_PLAN);
    assert!(
        run.messages()[1].starts_with("ongeldige YAML"),
        "{:?}",
        run.messages()
    );
}

#[test]
fn pva002_front_matter_not_closed() {
    let plan = edit(PLAN, "---\nNotitie.", "Notitie.");
    let run = expect(
        DOSSIER,
        &plan,
        &[
            ("PVA019", DOSSIER_FILE, 28, 21),
            ("PVA002", PLAN_FILE, 33, 1),
        ],
    );
    assert_eq!(
        run.messages(),
        vec![
            UNREADABLE_PLAN,
            "de front matter wordt niet afgesloten: er ontbreekt een regel --- na de velden"
        ]
    );
}

#[test]
fn pva003_unknown_key_suggests_the_nearest() {
    let plan = edit(
        PLAN,
        "document: plan-van-aanpak\n",
        "document: plan-van-aanpak\nreden_te_lat: vakantie\n",
    );
    let run = expect(DOSSIER, &plan, &[("PVA003", PLAN_FILE, 3, 1)]);
    assert_eq!(
        run.messages(),
        vec![
            "onbekend veld `reden_te_lat`: het komt niet op het formulier en wordt niet gebruikt. Bedoelt u `reden_te_laat`?"
        ]
    );
}

#[test]
fn pva003_unknown_key_in_the_dossier_file() {
    let dossier = edit(DOSSIER, "  bsn:", "  bsnn: \"1\"\n  bsn:");
    expect(&dossier, PLAN, &[("PVA003", DOSSIER_FILE, 8, 3)]);
}

#[test]
fn pva004_unknown_heading() {
    let plan = format!("{PLAN}\n## Reden te lat\n\nVakantie.\n");
    let run = expect(DOSSIER, &plan, &[("PVA004", PLAN_FILE, 36, 1)]);
    assert!(
        run.messages()[0].contains("Bedoelt u `Reden te laat`?"),
        "{:?}",
        run.messages()
    );
}

#[test]
fn pva005_key_of_the_other_form() {
    let plan = edit(
        PLAN,
        "document: plan-van-aanpak\n",
        "document: plan-van-aanpak\nobstakels:\n  aanwezig: false\n",
    );
    let run = expect(DOSSIER, &plan, &[("PVA005", PLAN_FILE, 3, 1)]).success();
    assert_eq!(
        run.messages(),
        vec![
            "`obstakels` hoort bij een Bijstelling; dit document is een Plan van aanpak, dus het wordt niet gebruikt"
        ]
    );
}

#[test]
fn pva006_wrong_kind_of_value() {
    let plan = edit(
        PLAN,
        "  werknemer:\n    datum: 2026-02-19",
        "  werknemer:\n    datum: [2026-02-19]",
    );
    // Without a valid signature date the plan is not signed: PVA019 too.
    expect(
        DOSSIER,
        &plan,
        &[
            ("PVA019", DOSSIER_FILE, 28, 21),
            ("PVA006", PLAN_FILE, 18, 12),
        ],
    );
}

#[test]
fn pva007_text_in_front_matter_and_heading() {
    let plan = edit(
        PLAN,
        "evaluatie_probleemanalyse:",
        "stappen: Opbouw.\nevaluatie_probleemanalyse:",
    );
    expect(DOSSIER, &plan, &[("PVA007", PLAN_FILE, 25, 1)]);
}

#[test]
fn pva008_unknown_document_kind() {
    let plan = edit(
        PLAN,
        "document: plan-van-aanpak",
        "document: plan-van-aanpk",
    );
    let run = expect(
        DOSSIER,
        &plan,
        &[
            ("PVA019", DOSSIER_FILE, 28, 21),
            ("PVA008", PLAN_FILE, 2, 11),
        ],
    );
    assert_eq!(
        run.messages(),
        vec![
            UNREADABLE_PLAN,
            "onbekende soort document `plan-van-aanpk`. Bedoelt u `plan-van-aanpak`?"
        ]
    );
}

#[test]
fn pva009_two_plans_in_one_dossier() {
    let project = project(DOSSIER, PLAN).file("cases/d/plan2.md", PLAN);
    let found = lint(&project).findings();
    assert_eq!(
        found,
        vec![("PVA009".into(), "cases/d/plan2.md".into(), 1, 1)]
    );
}

#[test]
fn pva009_document_outside_a_dossier() {
    let project = Project::new().file("cases/los/plan.md", PLAN);
    let found = lint(&project).findings();
    assert_eq!(
        found,
        vec![("PVA009".into(), "cases/los/plan.md".into(), 1, 1)]
    );
}

#[test]
fn pva010_probleemanalyse_after_week_6() {
    // D = 2026-01-05: week 6 ends 2026-02-16; the plan stays within 14 days.
    let dossier = edit(DOSSIER, "  datum: 2026-02-09", "  datum: 2026-02-17");
    expect(&dossier, PLAN, &[("PVA010", DOSSIER_FILE, 43, 10)]);
    let on_time = edit(DOSSIER, "  datum: 2026-02-09", "  datum: 2026-02-16");
    expect(&on_time, PLAN, &[]);
}

#[test]
fn pva011_plan_more_than_two_weeks_after_the_analysis() {
    let dossier = edit(DOSSIER, "  datum: 2026-02-09", "  datum: 2026-02-04");
    expect(&dossier, PLAN, &[("PVA011", PLAN_FILE, 3, 8)]);
    // Counted from receipt when it is known.
    let received = edit(
        DOSSIER,
        "  datum: 2026-02-09",
        "  datum: 2026-02-04\n  ontvangen_op: 2026-02-06",
    );
    expect(&received, PLAN, &[]);
}

#[test]
fn pva012_plan_more_than_eight_weeks_after_the_first_day_needs_a_reason() {
    // D = 2026-01-05: eight weeks after D is 2026-03-02 (D + 56), the last
    // day on time; it is the first day of week 9, so the message says no week.
    let dossier = edit(
        DOSSIER,
        "  datum: 2026-02-09",
        "  datum: 2026-02-09\n  ontvangen_op: 2026-02-20",
    );
    let late = PLAN.replace("2026-02-19", "2026-03-03");
    let run = expect(&dossier, &late, &[("PVA012", PLAN_FILE, 3, 8)]);
    assert_eq!(
        run.messages(),
        vec![
            "het Plan van aanpak is op 03-03-2026 opgesteld, meer dan acht weken na de eerste ziektedag (uiterlijk 02-03-2026); het formulier vraagt dan de reden"
        ]
    );
    let last_day = PLAN.replace("2026-02-19", "2026-03-02");
    expect(&dossier, &last_day, &[]);
    let with_reason = format!("{late}\n## Reden te laat\n\nDe probleemanalyse kwam laat binnen.\n");
    expect(&dossier, &with_reason, &[]);
}

#[test]
fn pva012_samengesteld_verzuim_moves_the_deadline() {
    // Fit from 19 January to 2 February (14 days): the last day on time moves to 2026-03-16.
    let dossier = edit(
        DOSSIER,
        "      percentage: 100\n",
        "      percentage: 100\n    - datum: 2026-01-19\n      percentage: 0\n    - datum: 2026-02-02\n      percentage: 100\n",
    );
    let dossier = edit(
        &dossier,
        "  datum: 2026-02-09",
        "  datum: 2026-03-02\n  ontvangen_op: 2026-03-04",
    );
    let plan = PLAN
        .replace("2026-02-19", "2026-03-16")
        .replace("2026-03-19", "2026-04-16");
    expect(&dossier, &plan, &[]);
    let plan = PLAN
        .replace("2026-02-19", "2026-03-17")
        .replace("2026-03-19", "2026-04-16");
    expect(&dossier, &plan, &[("PVA012", PLAN_FILE, 3, 8)]);
}

#[test]
fn pva013_employment_ending_within_ten_weeks() {
    // D + 68: the last day within ten weeks; the melding is made.
    let ends = |day: &str| {
        edit(
            DOSSIER,
            "  eerste_ziektedag: 2026-01-05\n",
            &format!(
                "  eerste_ziektedag: 2026-01-05\n  einde_dienstverband: {day}\n  ziek_uit_dienst_melding: {day}\n"
            ),
        )
    };
    // Also missing since its last day: the verkort re-integratieverslag (PVA019).
    let run = expect(
        &ends("2026-03-14"),
        PLAN,
        &[
            ("PVA019", DOSSIER_FILE, 28, 21),
            ("PVA013", DOSSIER_FILE, 29, 24),
        ],
    );
    assert_eq!(
        run.messages()[0],
        "er is geen verkort re-integratieverslag in dit dossier, terwijl de termijn op 14-03-2026 verstreek"
    );
    // D + 69: a plan is right; the eindevaluatie was due on the last day.
    let run = expect(
        &ends("2026-03-15"),
        PLAN,
        &[("PVA019", DOSSIER_FILE, 28, 21)],
    );
    assert_eq!(
        run.messages(),
        vec!["er is geen eindevaluatie in dit dossier, terwijl de termijn op 15-03-2026 verstreek"]
    );
}

#[test]
fn pva014_evaluations_more_than_six_weeks_apart() {
    let plan = edit(PLAN, "wanneer: 2026-03-19", "wanneer: 2026-04-03");
    // The moment passed with no evaluation held within 14 days: PVA070 too.
    expect(
        DOSSIER,
        &plan,
        &[("PVA014", PLAN_FILE, 12, 14), ("PVA070", PLAN_FILE, 12, 14)],
    );
    let plan = edit(PLAN, "wanneer: 2026-03-19", "wanneer: 2026-04-02");
    expect(DOSSIER, &plan, &[]);
}

#[test]
fn pva014_counts_only_the_dated_evaluation_moments() {
    // A recurring moment has no date to count from; the dated one after it
    // is still 43 days after the plan.
    let plan = edit(
        PLAN,
        "  - wanneer: 2026-03-19\n",
        "  - frequentie: elke 6 weken\n    vorm: gesprek op het werk\n    wat: Opbouw\n    wie: Leidinggevende\n  - wanneer: 2026-04-03\n",
    );
    expect(
        DOSSIER,
        &plan,
        &[("PVA014", PLAN_FILE, 16, 14), ("PVA070", PLAN_FILE, 16, 14)],
    );
}

#[test]
fn pva015_bijstelling_before_the_plan() {
    let bij = BIJSTELLING
        .replace("2026-03-26", "2026-02-19")
        .replace("2026-04-23", "2026-03-19");
    let found = lint(&project(DOSSIER, PLAN).file(BIJ_FILE, &bij)).findings();
    assert_eq!(found, vec![("PVA015".into(), BIJ_FILE.into(), 3, 8)]);
}

#[test]
fn pva016_bijstelling_with_unchanged_goal_is_info() {
    let bij = edit(
        BIJSTELLING,
        "keuze: andere_functie_eigen_werkgever",
        "keuze: eigen_functie",
    );
    let run = lint(&project(DOSSIER, PLAN).file(BIJ_FILE, &bij)).success();
    assert_eq!(
        run.findings(),
        vec![("PVA016".into(), BIJ_FILE.into(), 5, 10)]
    );
}

#[test]
fn pva017_impossible_chronology() {
    let dossier = edit(
        DOSSIER,
        "geboortedatum: 1980-05-05",
        "geboortedatum: 2026-02-01",
    );
    expect(&dossier, PLAN, &[("PVA017", DOSSIER_FILE, 12, 18)]);
}

#[test]
fn pva018_verloop_before_the_first_day() {
    let dossier = edit(
        DOSSIER,
        "    - datum: 2026-01-05",
        "    - datum: 2025-12-01",
    );
    expect(&dossier, PLAN, &[("PVA018", DOSSIER_FILE, 30, 14)]);
}

#[test]
fn pva019_no_plan_after_week_8() {
    let empty = Project::new()
        .file("pva.toml", CONFIG)
        .file("cases/d/dossier.yaml", DOSSIER)
        .file("cases/d/bijstelling.md", BIJSTELLING);
    let found = lint(&empty).findings();
    assert_eq!(
        found,
        vec![
            ("PVA009".into(), BIJ_FILE.into(), 1, 1),
            ("PVA019".into(), DOSSIER_FILE.into(), 28, 21)
        ]
    );
    // The analysis of 2026-02-09 makes the plan due on 2026-02-23 (before week 8).
    let due = empty.run(&["lint", "--today", "2026-02-22", "--format", "json"]);
    let severities = code_severities(&due);
    assert_eq!(severities, vec!["PVA009 error", "PVA019 warning"]);
}

#[test]
fn pva020_required_field_missing() {
    let dossier = edit(DOSSIER, "  naam: Jan Jansen\n", "");
    // Where the fix goes: under `werknemer:` in dossier.yaml, not in the plan.
    let run = expect(&dossier, PLAN, &[("PVA020", DOSSIER_FILE, 6, 1)]);
    assert_eq!(
        run.messages(),
        vec!["`werknemer.naam` ontbreekt (Naam (1.1))"]
    );
    // Left empty: at the empty key, once for the dossier however many
    // documents inherit it.
    let empty = edit(DOSSIER, "  naam: Jan Jansen\n", "  naam:\n");
    let run = expect(&empty, PLAN, &[("PVA020", DOSSIER_FILE, 7, 3)]);
    assert_eq!(
        run.messages(),
        vec!["`werknemer.naam` is leeg (Naam (1.1))"]
    );
}

#[test]
fn pva020_row_incomplete() {
    let plan = edit(PLAN, "    door: Leidinggevende\n", "");
    expect(DOSSIER, &plan, &[("PVA020", PLAN_FILE, 7, 5)]);
}

#[test]
fn pva020_evaluation_moment_is_a_date_or_a_frequency() {
    // Bijstelling 8: "Evaluatiemomenten (frequentie/vorm)".
    let recurring = edit(
        PLAN,
        "  - wanneer: 2026-03-19\n",
        "  - frequentie: elke 6 weken\n    vorm: gesprek op het werk\n",
    );
    expect(DOSSIER, &recurring, &[]);
    let neither = edit(PLAN, "  - wanneer: 2026-03-19\n    wat:", "  - wat:");
    let run = expect(DOSSIER, &neither, &[("PVA020", PLAN_FILE, 12, 5)]);
    assert_eq!(
        run.messages(),
        vec![
            "in deze regel van `evaluaties` ontbreekt `wanneer` (Wanneer) of `frequentie` (Frequentie, zoals elke 6 weken)"
        ]
    );
}

#[test]
fn pva021_nog_niet_bekend_needs_its_reason() {
    let plan = edit(PLAN, "keuze: eigen_functie", "keuze: nog_niet_bekend");
    expect(DOSSIER, &plan, &[("PVA021", PLAN_FILE, 4, 1)]);
}

#[test]
fn pva021_goal_differing_from_the_advice_needs_a_reason() {
    let dossier = format!("{DOSSIER}  advies_einddoel: andere_werkgever\n");
    expect(&dossier, PLAN, &[("PVA021", PLAN_FILE, 4, 1)]);
}

#[test]
fn pva021_obstacles_need_what_and_how() {
    let bij = edit(BIJSTELLING, "aanwezig: false", "aanwezig: true");
    let found = lint(&project(DOSSIER, PLAN).file(BIJ_FILE, &bij)).findings();
    assert_eq!(
        found,
        vec![
            ("PVA021".into(), BIJ_FILE.into(), 6, 1),
            ("PVA021".into(), BIJ_FILE.into(), 6, 1)
        ]
    );
}

#[test]
fn pva022_visie_required_since_july_2023() {
    let plan = edit(PLAN, "\n## Visie werkgever\n\nWij ook.\n", "");
    expect(DOSSIER, &plan, &[("PVA022", PLAN_FILE, 2, 1)]);
}

#[test]
fn pva023_signature_needs_a_function() {
    let dossier = edit(DOSSIER, "  functie: HR-adviseur\n", "");
    expect(&dossier, PLAN, &[("PVA023", PLAN_FILE, 19, 3)]);
}

#[test]
fn pva024_unsigned_is_info() {
    let plan = edit(
        PLAN,
        "ondertekening:\n  werknemer:\n    datum: 2026-02-19\n  werkgever:\n    datum: 2026-02-19\n",
        "",
    );
    // Judged before the plan's deadline (23-02-2026): only the note. After
    // it, an unsigned plan is no plan made (PVA019, see timeline.rs).
    let run = project(DOSSIER, &plan)
        .run(&["lint", "--today", "2026-02-20", "--format", "json"])
        .success();
    assert_eq!(
        run.findings(),
        vec![("PVA024".to_string(), PLAN_FILE.to_string(), 2, 1)]
    );
}

#[test]
fn pva030_bsn_fails_the_elfproef() {
    let dossier = edit(DOSSIER, "\"111222333\"", "\"111222334\"");
    let run = expect(&dossier, PLAN, &[("PVA030", DOSSIER_FILE, 8, 8)]);
    assert_eq!(
        run.messages(),
        vec![
            "het BSN `111222334` voldoet niet aan de elfproef; controleer de cijfers op het loonstrookje of paspoort"
        ]
    );
}

#[test]
fn pva030_bsn_without_quotes() {
    let dossier = edit(DOSSIER, "\"111222333\"", "111222333");
    expect(&dossier, PLAN, &[("PVA030", DOSSIER_FILE, 8, 8)]);
}

#[test]
fn pva031_postcode() {
    let dossier = edit(DOSSIER, "postcode: 3511 AB", "postcode: 3511 SS");
    expect(&dossier, PLAN, &[("PVA031", DOSSIER_FILE, 10, 13)]);
}

#[test]
fn pva032_phone() {
    let dossier = edit(DOSSIER, "telefoon: 030 - 123 45 67", "telefoon: 12345");
    expect(&dossier, PLAN, &[("PVA032", DOSSIER_FILE, 5, 15)]);
    let form_number = edit(
        DOSSIER,
        "telefoon: 030 - 123 45 67",
        "telefoon: 0900 - 92 95",
    );
    expect(&form_number, PLAN, &[]);
}

#[test]
fn pva033_email() {
    let dossier = edit(DOSSIER, "email: piet@arbo.nl", "email: piet@arbo");
    expect(&dossier, PLAN, &[("PVA033", DOSSIER_FILE, 26, 12)]);
}

#[test]
fn pva034_date_not_in_the_calendar() {
    let plan = edit(
        PLAN,
        "datum: 2026-02-19\neinddoel",
        "datum: 2026-02-30\neinddoel",
    );
    expect(DOSSIER, &plan, &[("PVA034", PLAN_FILE, 3, 8)]);
}

#[test]
fn pva034_evaluation_moment_in_words_points_to_frequentie() {
    let plan = edit(
        PLAN,
        "wanneer: 2026-03-19",
        "wanneer: elke zes weken, op het werk",
    );
    let run = expect(DOSSIER, &plan, &[("PVA034", PLAN_FILE, 12, 14)]);
    assert_eq!(
        run.hints(),
        vec![
            "een datum schrijft u als JJJJ-MM-DD; een vast ritme als `frequentie: elke 6 weken`, met `vorm: gesprek op het werk`"
        ]
    );
}

#[test]
fn pva035_percentage_out_of_range() {
    let dossier = edit(DOSSIER, "percentage: 100", "percentage: 120");
    expect(&dossier, PLAN, &[("PVA035", DOSSIER_FILE, 31, 19)]);
}

#[test]
fn pva036_choice_with_did_you_mean() {
    let plan = edit(PLAN, "keuze: eigen_functie", "keuze: eigen_functi");
    let run = expect(DOSSIER, &plan, &[("PVA036", PLAN_FILE, 5, 10)]);
    assert!(
        run.messages()[0].contains("Bedoelt u `eigen_functie`?"),
        "{:?}",
        run.messages()
    );
}

/// One cause, one finding: a typo in the goal is not also a goal that
/// differs from the bedrijfsarts' advice (PVA021).
#[test]
fn pva036_a_typo_in_the_goal_is_only_the_typo() {
    let dossier = edit(
        DOSSIER,
        "  datum: 2026-02-09\n",
        "  datum: 2026-02-09\n  advies_einddoel: eigen_functie\n",
    );
    expect(&dossier, PLAN, &[]);
    let plan = edit(PLAN, "keuze: eigen_functie", "keuze: eigen_functe");
    expect(&dossier, &plan, &[("PVA036", PLAN_FILE, 5, 10)]);
    // A real other goal still asks for the reason.
    let other = edit(PLAN, "keuze: eigen_functie", "keuze: andere_werkgever");
    let run = lint(&project(&dossier, &other));
    assert!(
        run.findings().iter().any(|f| f.0 == "PVA021"),
        "{:?}",
        run.findings()
    );
}

#[test]
fn pva036_goal_of_the_other_form() {
    let plan = edit(PLAN, "keuze: eigen_functie", "keuze: ongewijzigd");
    expect(DOSSIER, &plan, &[("PVA036", PLAN_FILE, 5, 10)]);
}

#[test]
fn pva040_diagnosis_in_a_text() {
    let plan = edit(PLAN, "Ik wil terug.", "Ik wil terug na mijn burn-out.");
    let run = expect(DOSSIER, &plan, &[("PVA040", PLAN_FILE, 30, 22)]);
    assert_eq!(
        run.messages(),
        vec![
            "`burn-out` is een medisch gegeven (diagnose of aard van de klachten); dat mag de werkgever niet vastleggen"
        ]
    );
}

/// The notes before the first `##` start right after the closing `---`.
#[test]
fn pva040_diagnosis_in_the_notes() {
    let plan = edit(PLAN, "Notitie.", "Notitie over de burn-out.");
    expect(DOSSIER, &plan, &[("PVA040", PLAN_FILE, 22, 17)]);
}

#[test]
fn pva040_acknowledged_with_a_visible_marker() {
    let plan = edit(
        PLAN,
        "Ik wil terug.",
        "Ik wil terug na mijn burn-out. [privacy-ok: werknemer wil dit vermeld]",
    );
    expect(DOSSIER, &plan, &[]);
}

#[test]
fn pva041_treating_specialist_in_front_matter() {
    let plan = edit(
        PLAN,
        "activiteit: Minder uren",
        "activiteit: Minder uren en naar de fysiotherapeut",
    );
    expect(DOSSIER, &plan, &[("PVA041", PLAN_FILE, 8, 40)]);
}

/// The fixture dossier of a verloskundige at a hospital.
fn hospital_dossier() -> String {
    let dossier = edit(
        DOSSIER,
        "bedrijfsnaam: Bakkerij Brood B.V.",
        "bedrijfsnaam: Ziekenhuis Rivierenland",
    );
    edit(
        &dossier,
        "  geboortedatum: 1980-05-05\n",
        "  geboortedatum: 1980-05-05\n  functie: verloskundige\n",
    )
}

#[test]
fn pva040_pva041_the_job_and_the_workplace_are_no_medical_facts() {
    let plan = edit(
        PLAN,
        "Ik wil terug.",
        "Zij werkt als verloskundige in het ziekenhuis, met gebroken diensten; het team volgt de coronamaatregelen.\n\nGelijke behandeling van collega's is voor haar belangrijk.",
    );
    let run = expect(&hospital_dossier(), &plan, &[]);
    run.success();
}

#[test]
fn pva040_pva041_medical_facts_in_a_hospital_dossier_still_error() {
    let plan = edit(
        PLAN,
        "Ik wil terug.",
        "Zij heeft een hernia en gaat naar de fysiotherapeut.\n\nZij ligt zelf in het ziekenhuis met een gebroken enkel; zij heeft corona.",
    );
    // Line 30: `hernia` at column 15, `fysiotherapeut` at 38. Line 32:
    // `ziekenhuis` at 22, `gebroken` at 41, `corona` at 67.
    let run = expect(
        &hospital_dossier(),
        &plan,
        &[
            ("PVA040", PLAN_FILE, 30, 15),
            ("PVA041", PLAN_FILE, 30, 38),
            ("PVA041", PLAN_FILE, 32, 22),
            ("PVA040", PLAN_FILE, 32, 41),
            ("PVA040", PLAN_FILE, 32, 67),
        ],
    );
    assert_eq!(
        run.messages(),
        vec![
            "`hernia` is een medisch gegeven (diagnose of aard van de klachten); dat mag de werkgever niet vastleggen",
            "`fysiotherapeut` noemt een soort behandeling of behandelaar; dat is een medisch gegeven",
            "`ziekenhuis` noemt een soort behandeling of behandelaar; dat is een medisch gegeven",
            "`gebroken` is een medisch gegeven (diagnose of aard van de klachten); dat mag de werkgever niet vastleggen",
            "`corona` is een medisch gegeven (diagnose of aard van de klachten); dat mag de werkgever niet vastleggen",
        ]
    );
    run.code(1);
}

#[test]
fn pva041_is_a_warning_in_interventies() {
    let bij = edit(
        BIJSTELLING,
        "  aanwezig: false\n",
        "  aanwezig: false\ninterventies: Werknemer gaat naar de fysiotherapeut en heeft een hernia.\n",
    );
    let run = lint(&project(DOSSIER, PLAN).file(BIJ_FILE, &bij));
    assert_eq!(
        run.findings(),
        vec![
            ("PVA041".into(), BIJ_FILE.into(), 8, 38),
            ("PVA040".into(), BIJ_FILE.into(), 8, 66),
        ]
    );
    let severities: Vec<String> = code_severities(&run)
        .iter()
        .map(|cs| cs.split_once(' ').unwrap().1.to_string())
        .collect();
    assert_eq!(severities, vec!["warning", "error"]);
    // A severity in pva.toml holds for the whole rule, milder context too.
    let strict = project(DOSSIER, PLAN)
        .file(BIJ_FILE, &bij)
        .file("pva.toml", &format!("{CONFIG}PVA041 = \"error\"\n"));
    let run = lint(&strict);
    let severities = code_severities(&run);
    assert_eq!(severities, vec!["PVA041 error", "PVA040 error"]);
}

#[test]
fn explain_names_where_a_rule_is_milder() {
    let run = Project::new()
        .run(&["lint", "--explain", "PVA041"])
        .success();
    let first = run.stdout.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "PVA041 (error; warning bij het probleemveld sociaal-medische zaken en bij interventies): behandeling of behandelaar genoemd"
    );
}

#[test]
fn human_output_is_rendered_like_a_compiler() {
    let plan = edit(PLAN, "keuze: eigen_functie", "keuze: eigen_functi");
    let run = project(DOSSIER, &plan)
        .run(&["lint", "--today", "2026-11-23"])
        .code(1);
    let expected = "\
error[PVA036]: `einddoel.keuze` `eigen_functi` is geen toegestane waarde op het Plan van aanpak. Bedoelt u `eigen_functie`? Mogelijk: eigen_functie, gedeeltelijk_eigen_functie, andere_functie_eigen_werkgever, gedeeltelijk_andere_functie_eigen_werkgever, andere_werkgever, nog_niet_bekend
  ┌─ cases/d/plan.md:5:10
  │
5 │   keuze: eigen_functi
  │          ^^^^^^^^^^^^
  │
  = hint: `pva fields` toont bij elk veld de waarden die het kent

1 fout(en), 0 waarschuwing(en), 0 melding(en)
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn github_format_gives_annotations() {
    let dossier = edit(DOSSIER, "postcode: 3511 AB", "postcode: 3511 SS");
    let run = project(&dossier, PLAN)
        .run(&["lint", "--today", "2026-11-23", "--format", "github"])
        .code(1);
    assert!(
        run.stdout.starts_with("::error file=cases/d/dossier.yaml,line=10,col=13,title=PVA031::`werknemer.postcode` `3511 SS` is geen geldige postcode"),
        "{}",
        run.stdout
    );
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let plan = edit(
        PLAN,
        "document: plan-van-aanpak\n",
        "document: plan-van-aanpak\nobstakels:\n  aanwezig: false\n",
    );
    project(DOSSIER, &plan)
        .run(&["lint", "--today", "2026-11-23"])
        .success();
    project(DOSSIER, &plan)
        .run(&["lint", "--today", "2026-11-23", "--deny", "warnings"])
        .code(1);
}

#[test]
fn project_config_changes_severity_or_switches_off() {
    let plan = edit(PLAN, "keuze: eigen_functie", "keuze: nog_niet_bekend");
    let off = project(DOSSIER, &plan).file("pva.toml", &format!("{CONFIG}PVA021 = \"off\"\n"));
    assert_eq!(lint(&off).success().findings(), vec![]);
    let warn = project(DOSSIER, &plan).file("pva.toml", "[lint]\nPVA021 = \"warning\"\n");
    lint(&warn).success();
    let bad = project(DOSSIER, &plan).file("pva.toml", "[lint]\nPVA999 = \"off\"\n");
    let run = lint(&bad).code(2);
    assert!(
        run.stderr.contains("onbekende regel `PVA999`"),
        "{}",
        run.stderr
    );
}

#[test]
fn explain_prints_the_rule_its_source_and_the_counting() {
    let run = Project::new()
        .run(&["lint", "--explain", "PVA012"])
        .success();
    assert!(
        run.stdout.starts_with(
            "PVA012 (error): plan meer dan acht weken na de eerste ziektedag zonder reden\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("datum ≤ D + 56 dagen"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Telling: dag 1 is de eerste ziektedag (D);"),
        "{}",
        run.stdout
    );
    let unknown = Project::new().run(&["lint", "--explain", "PVA999"]).code(2);
    assert_eq!(
        unknown.stderr,
        "fout: onbekende regel `PVA999`; de regels zijn PVA001 tot en met PVA095, elk uitgelegd door `pva lint --explain CODE`\n"
    );
}

/// Issue 22, point 7: the YAML reader's messages reach the user in Dutch,
/// each with what to do, at the file and line (one finding per file); a
/// message the table does not know gets a Dutch lead and the reader's words.
#[test]
fn yaml_errors_are_dutch_with_a_fix_at_their_line() {
    let cases: [(&str, usize, usize, &str, &str); 7] = [
        (
            "werknemer:\n  naam Jan\n  bsn: \"1\"\n",
            3,
            6,
            "ongeldige YAML: een dubbele punt staat op een onverwachte plek",
            "ontbreekt op de regel erboven de dubbele punt na de veldnaam (`naam: Jan`)? Anders: zet tekst met een dubbele punt tussen aanhalingstekens",
        ),
        (
            "werknemer:\n  naam: Jan\n verzuim: x\n",
            3,
            2,
            "ongeldige YAML: de inspringing klopt niet",
            "zet velden van één groep precies even ver ingesprongen, met spaties",
        ),
        (
            "a:\n  - x\n  y: 2\n",
            3,
            3,
            "ongeldige YAML: een lijst is niet goed ingesprongen: elk item begint met `- ` even ver ingesprongen",
            "zet de streepjes van één lijst precies onder elkaar, en ander tekst niet tussen de items",
        ),
        (
            "a: |\n x\n  y\nb\n",
            4,
            1,
            "ongeldige YAML: er ontbreekt een dubbele punt na een veldnaam",
            "schrijf `sleutel: waarde`, met een spatie na de dubbele punt; tekst van meer regels zet u onder `sleutel: |`, ingesprongen",
        ),
        (
            "a: [1, 2\n",
            1,
            4,
            "ongeldige YAML: een haak ([ of {) wordt niet gesloten",
            "sluit de lijst met ] of de groep met }, of schrijf de items elk op een eigen regel met `- `",
        ),
        (
            "a: &x 1\nb: *y\n",
            2,
            4,
            "ongeldige YAML: een verwijzing (*naam) noemt een anker (&naam) dat er niet is",
            "schrijf de waarde gewoon uit in plaats van met * en &",
        ),
        (
            "a: x # c\n  b: 1\n",
            1,
            6,
            "ongeldige YAML: een commentaar (#) staat midden in tekst van meer regels",
            "zet de hele tekst tussen aanhalingstekens, of zet # pas achter de laatste regel",
        ),
    ];
    for (yaml, line, column, message, hint) in cases {
        let project = Project::new()
            .file("pva.toml", CONFIG)
            .file(DOSSIER_FILE, yaml);
        let run = lint(&project).code(1);
        let yaml_findings: Vec<_> = run
            .findings()
            .into_iter()
            .zip(run.messages())
            .zip(run.hints())
            .filter(|((f, _), _)| f.0 == "PVA001")
            .map(|((f, m), h)| (f.2, f.3, m, h))
            .collect();
        assert_eq!(
            yaml_findings,
            vec![(line, column, message.to_string(), hint.to_string())],
            "{yaml:?}"
        );
    }
}
