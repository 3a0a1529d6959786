//! The steps of the Wet verbetering poortwachter, each written once: what
//! it is, when it is due (a formula with its counting), what completes it,
//! what follows when it is late or missing, the lint rule that reports it
//! and the legal source. `pva lint`, `pva agenda` (and its ICS), `pva riv`,
//! the job summary and the language server read this table through
//! [`judge`]; docs/rules.md shows it ([`reference_markdown`]).
//!
//! Counting (see `case::timeline`): D is the first sick day, day 1. Week N
//! is D + 7(N − 1) … D + 7N − 1. "D + n" is n counted sick days after D:
//! the days of a samentelling break (a gap under 28 days) are not counted,
//! so every due day after a break moves by its length.

mod judge;

pub use judge::{Case, Found, Judged, State, agreed_moments, judge, judge_all};

use crate::case::{DocKind, paths};
use crate::rules::{self, Rule};

/// When a step is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// `n` counted sick days after D.
    Day(i64),
    /// The Plan van aanpak: the earlier of D + 56 and fourteen days after the
    /// probleemanalyse was received (after the bijstelling that first sees
    /// possibilities, when the first did not).
    Plan,
    /// `n` days after the eerstejaarsevaluatie (held; else its last day).
    AfterEerstejaars(i64),
    /// The last day of the employment.
    LastDayOfEmployment,
    /// Each evaluation moment agreed in the plan and its bijstellingen.
    Agreed,
    /// Two years after the period ended.
    Retention,
}

/// What completes a step. Only evidence dated within the period (on or
/// after its first day) and on or before `--today` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A date recorded at this key in dossier.yaml.
    Recorded(&'static str),
    /// A date recorded at this key, or a document of this kind signed by both.
    RecordedOrSigned(&'static str, DocKind),
    /// A document of this kind signed by both parties.
    Signed(DocKind),
    /// The probleemanalyse recorded (`probleemanalyse.datum`).
    Analysis,
    /// Spoor 2 started (`verzuim.start_spoor_2`), where the
    /// eerstejaarsevaluatie finds it needed.
    Spoor2,
    /// The re-integratieverslag: `pva riv` passes; lint, which cannot run
    /// it, looks for the signed closing document (eindevaluatie, or the
    /// verkort re-integratieverslag).
    Verslag,
    /// An evaluation held: a record in `verzuim.evaluaties_gehouden` or an
    /// evaluatieverslag, within 14 days of the agreed moment.
    Held,
    /// A moment that passes by itself.
    Passes,
    /// Nothing completes it: the data is to be removed.
    Removal,
}

/// When a step applies at all, and when it lapses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// While the period runs; lapses when recovery or the end of employment
    /// comes before its due day.
    WhilePeriodRuns,
    /// The plan: not when no analysis sees duurzaam benutbare mogelijkheden,
    /// nor when the employment ends within ten weeks and no plan was made.
    PlanNeeded,
    /// Spoor 2: not when the eerstejaarsevaluatie finds it not needed.
    Spoor2Needed,
    /// The regular verslag at D + 637: while the period runs.
    VerslagAtWeek91,
    /// Only when the employment ends while the employee is sick.
    SickAtEndOfEmployment,
    /// Only when the employment ends sick, six weeks or more after D.
    VerslagAtEndOfEmployment,
    /// Only after the period ended.
    AfterPeriod,
}

/// What follows when a step is late or missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consequence {
    /// A bestuurlijke boete from UWV.
    Boete,
    /// UWV may impose a loonsanctie (extended loondoorbetaling).
    Loonsanctie,
    /// An administratieve loonsanctie: UWV does not take the WIA-aanvraag
    /// into treatment before the verslag is complete.
    AdministratieveLoonsanctie,
    /// The loondoorbetaling runs on until the werknemer applies.
    LoonLoopt,
    /// None by itself; UWV weighs it in the re-integratieverslag.
    Weighed,
    /// None for the employer.
    Geen,
    /// Keeping the data is no longer lawful.
    Privacy,
}

impl Consequence {
    /// In Dutch, for findings and the agenda.
    pub fn text(self) -> &'static str {
        match self {
            Consequence::Boete => "UWV kan een bestuurlijke boete opleggen",
            Consequence::Loonsanctie => {
                "UWV kan een loonsanctie opleggen (tot 52 weken langer loon doorbetalen)"
            }
            Consequence::AdministratieveLoonsanctie => {
                "UWV neemt de WIA-aanvraag pas in behandeling als het verslag compleet is (administratieve loonsanctie)"
            }
            Consequence::LoonLoopt => {
                "de loondoorbetaling loopt door tot de aanvraag er is (BW 7:629 lid 11 a)"
            }
            Consequence::Weighed => {
                "geen eigen sanctie; UWV weegt het mee bij de toets van het re-integratieverslag"
            }
            Consequence::Geen => "geen voor de werkgever",
            Consequence::Privacy => "bewaren is niet meer toegestaan (AVG)",
        }
    }
}

/// One step of the law.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// A stable key (also the agenda's and the calendar's id).
    pub key: &'static str,
    /// What it is, as the agenda lists it.
    pub wat: &'static str,
    /// What it is, as a finding names it ("de …" / "er is geen …").
    pub noun: &'static str,
    /// When it is due.
    pub due: Due,
    /// The due day as a formula, with its counting.
    pub formula: &'static str,
    /// What completes it.
    pub evidence: Evidence,
    /// When it applies.
    pub applies: Applies,
    /// What follows when it is late or missing.
    pub consequence: Consequence,
    /// The rule that reports it missing; `None`: the agenda only (a step
    /// UWV or the werknemer takes).
    pub missing: Option<&'static Rule>,
    /// The rule that reports it done late.
    pub late: Option<&'static Rule>,
    /// The legal source.
    pub source: &'static str,
}

/// The first day of the eerstejaarsevaluatie's window: week 46 begins.
pub const EERSTEJAARS_FROM: i64 = 315;
/// The last day of the window: week 52 ends.
pub const EERSTEJAARS_UNTIL: i64 = 363;
/// The end of the wachttijd: the first day after the 104 weeks (D + 728).
pub const END_OF_WAITING_TIME: i64 = 728;
/// The verslag is due thirteen weeks before the end of the wachttijd.
pub const VERSLAG_DAY: i64 = END_OF_WAITING_TIME - 13 * 7;
/// The WIA-aanvraag is due eleven weeks before the end of the wachttijd.
pub const WIA_AANVRAAG_DAY: i64 = END_OF_WAITING_TIME - 11 * 7;
/// How many days around an agreed evaluation moment a held one counts.
pub const EVALUATION_SLACK_DAYS: i64 = 14;

/// Every step, in the order of the law.
pub const STEPS: &[Step] = &[
    Step {
        key: "probleemanalyse",
        wat: "Probleemanalyse door de bedrijfsarts (binnen zes weken)",
        noun: "probleemanalyse van de bedrijfsarts",
        due: Due::Day(42),
        formula: "D + 42: 'binnen zes weken na de eerste dag van ongeschiktheid'; zes weken na D eindigen op D + 42 (de ruime lezing; week 6 zelf eindigt op D + 41)",
        evidence: Evidence::Analysis,
        applies: Applies::WhilePeriodRuns,
        consequence: Consequence::Loonsanctie,
        missing: Some(&rules::ANALYSIS_MISSING),
        late: Some(&rules::PROBLEEMANALYSE_LATE),
        source: "Regeling procesgang art. 2 lid 2, art. 5; Beleidsregels beoordelingskader poortwachter",
    },
    Step {
        key: "plan-van-aanpak",
        wat: "Plan van aanpak opgesteld en ondertekend",
        noun: "Plan van aanpak",
        due: Due::Plan,
        formula: "de vroegste van D + 56 ('meer dan acht weken na de eerste arbeidsongeschiktheidsdag … te laat') en 14 dagen na ontvangst van de probleemanalyse; zag de eerste analyse geen benutbare mogelijkheden: 14 dagen na ontvangst van de bijstelling die ze wel ziet",
        evidence: Evidence::Signed(DocKind::Plan),
        applies: Applies::PlanNeeded,
        consequence: Consequence::Loonsanctie,
        missing: Some(&rules::DOCUMENT_MISSING),
        late: Some(&rules::PLAN_LATE),
        source: "Regeling procesgang art. 4 lid 1, art. 5; UWV-formulier Plan van aanpak",
    },
    Step {
        key: "evaluatie",
        wat: "Evaluatie",
        noun: "evaluatie",
        due: Due::Agreed,
        formula: "elk evaluatiemoment dat het plan of een bijstelling afspreekt (hooguit 42 dagen uit elkaar); een gehouden evaluatie telt binnen 14 dagen van het moment",
        evidence: Evidence::Held,
        applies: Applies::WhilePeriodRuns,
        consequence: Consequence::Weighed,
        missing: Some(&rules::EVALUATION_MISSED),
        late: None,
        source: "Regeling procesgang art. 4 lid 2 b; UWV-formulier: 'minimaal een keer per zes weken'",
    },
    Step {
        key: "ziekmelding-uwv",
        wat: "Ziekmelding bij UWV (42e week)",
        noun: "ziekmelding bij UWV (42e week)",
        due: Due::Day(294),
        formula: "D + 294: 'uiterlijk op de eerste dag nadat de ongeschiktheid 42 weken heeft geduurd' (42 weken zijn D … D + 293)",
        evidence: Evidence::Recorded(paths::ZIEKMELDING_UWV),
        applies: Applies::WhilePeriodRuns,
        consequence: Consequence::Boete,
        missing: Some(&rules::MELDING_42_MISSING),
        late: Some(&rules::STEP_LATE),
        source: "Ziektewet art. 38 lid 1 en 3",
    },
    Step {
        key: "eerstejaarsevaluatie",
        wat: "Eerstejaarsevaluatie (week 46 tot en met 52)",
        noun: "eerstejaarsevaluatie",
        due: Due::Day(EERSTEJAARS_UNTIL),
        formula: "in week 46 tot en met 52: van D + 315 tot en met D + 363 ('aan het einde van het eerste ziektejaar')",
        evidence: Evidence::RecordedOrSigned(paths::EERSTEJAARSEVALUATIE, DocKind::Eerstejaars),
        applies: Applies::WhilePeriodRuns,
        consequence: Consequence::Loonsanctie,
        missing: Some(&rules::EERSTEJAARS_MISSING),
        late: Some(&rules::EERSTEJAARS_WINDOW),
        source: "Regeling procesgang art. 4 lid 2 b; Beleidsregels beoordelingskader poortwachter (eerstejaarsevaluatie)",
    },
    Step {
        key: "spoor-2",
        wat: "Start spoor 2 (binnen zes weken na de eerstejaarsevaluatie)",
        noun: "start van spoor 2",
        due: Due::AfterEerstejaars(42),
        formula: "42 dagen na de eerstejaarsevaluatie (gehouden; anders na D + 363), als die spoor 2 nodig vindt of er niets over zegt",
        evidence: Evidence::Spoor2,
        applies: Applies::Spoor2Needed,
        consequence: Consequence::Loonsanctie,
        missing: Some(&rules::SPOOR_2_MISSING),
        late: Some(&rules::STEP_LATE),
        source: "Beleidsregels beoordelingskader poortwachter (tweede spoor); BW 7:658a lid 1",
    },
    Step {
        key: "wia-brief-uwv",
        wat: "Brief van UWV aan de werknemer over de WIA-aanvraag (89 weken)",
        noun: "brief van UWV over de WIA-aanvraag",
        due: Due::Day(622),
        formula: "D + 622: 'uiterlijk op de dag waarop de wachttijd 89 weken heeft geduurd' (89 weken zijn D … D + 622)",
        evidence: Evidence::Recorded(paths::WIA_BRIEF_UWV),
        applies: Applies::WhilePeriodRuns,
        consequence: Consequence::Geen,
        missing: Some(&rules::WIA_BRIEF_MISSING),
        late: None,
        source: "Wet WIA art. 64 lid 2 en 6",
    },
    Step {
        key: "re-integratieverslag",
        wat: "Re-integratieverslag compleet, uiterlijk 13 weken voor het einde van de wachttijd (`pva riv`)",
        noun: "eindevaluatie",
        due: Due::Day(VERSLAG_DAY),
        formula: "D + 637: 'uiterlijk dertien weken voor het einde van de wachttijd'; de wachttijd eindigt na 104 weken, op D + 728 (de laatste dag is D + 727), en 728 − 91 = 637",
        evidence: Evidence::Verslag,
        applies: Applies::VerslagAtWeek91,
        consequence: Consequence::AdministratieveLoonsanctie,
        missing: Some(&rules::DOCUMENT_MISSING),
        late: Some(&rules::EIND_LATE),
        source: "Wet WIA art. 25 lid 3 en 8; Regeling procesgang art. 6; Beleidsregels vorm- en herkenbaarheidsvereisten art. 2",
    },
    Step {
        key: "wia-aanvraag",
        wat: "WIA-aanvraag door de werknemer (uiterlijk 11 weken voor het einde van de wachttijd)",
        noun: "WIA-aanvraag",
        due: Due::Day(WIA_AANVRAAG_DAY),
        formula: "D + 651: 'uiterlijk elf weken voor het einde van de wachttijd' (728 − 77 = 651)",
        evidence: Evidence::Recorded(paths::WIA_AANVRAAG),
        applies: Applies::WhilePeriodRuns,
        consequence: Consequence::LoonLoopt,
        missing: Some(&rules::WIA_AANVRAAG_MISSING),
        late: Some(&rules::STEP_LATE),
        source: "Wet WIA art. 64 lid 3; BW 7:629 lid 3 f en lid 11 a",
    },
    Step {
        key: "einde-wachttijd",
        wat: "Laatste dag van de 104 weken loondoorbetaling",
        noun: "einde van de wachttijd",
        due: Due::Day(END_OF_WAITING_TIME - 1),
        formula: "D + 727: de laatste dag van 104 weken (D … D + 727)",
        evidence: Evidence::Passes,
        applies: Applies::WhilePeriodRuns,
        consequence: Consequence::Geen,
        missing: None,
        late: None,
        source: "BW 7:629 lid 1; Wet WIA art. 23 lid 1",
    },
    Step {
        key: "ziek-uit-dienst-melding",
        wat: "Ziek-uit-dienstmelding bij UWV (uiterlijk op de laatste dag van het dienstverband)",
        noun: "ziek-uit-dienstmelding bij UWV",
        due: Due::LastDayOfEmployment,
        formula: "de laatste dag van het dienstverband (verzuim.einde_dienstverband)",
        evidence: Evidence::Recorded(paths::ZIEK_UIT_DIENST),
        applies: Applies::SickAtEndOfEmployment,
        consequence: Consequence::Boete,
        missing: Some(&rules::ZIEK_UIT_DIENST_MISSING),
        late: Some(&rules::STEP_LATE),
        source: "Ziektewet art. 38 lid 2 en 3",
    },
    Step {
        key: "ziek-uit-dienst-verslag",
        wat: "Re-integratieverslag bij einde dienstverband (uiterlijk op de laatste dag)",
        noun: "re-integratieverslag bij einde dienstverband",
        due: Due::LastDayOfEmployment,
        formula: "de laatste dag van het dienstverband L. Ziek korter dan zes weken (L ≤ D + 40): geen verslag; korter dan tien weken (L ≤ D + 68): het verkort re-integratieverslag; anders (L ≥ D + 69): het volledige verslag met de eindevaluatie. D … L telt L − D + 1 dagen",
        evidence: Evidence::Verslag,
        applies: Applies::VerslagAtEndOfEmployment,
        consequence: Consequence::AdministratieveLoonsanctie,
        missing: Some(&rules::DOCUMENT_MISSING),
        late: Some(&rules::STEP_LATE),
        source: "Beleidsregels beoordelingskader poortwachter (einde dienstverband: 'zes weken of langer'); Beleidsregels vorm- en herkenbaarheidsvereisten art. 2a; UWV Werkwijzer poortwachter 5.5–5.7",
    },
    Step {
        key: "bewaartermijn",
        wat: "Gegevens van dit dossier verwijderen (bewaartermijn: twee jaar na het einde)",
        noun: "bewaartermijn",
        due: Due::Retention,
        formula: "twee jaar na het einde van de periode (herstel, einde dienstverband of D + 727)",
        evidence: Evidence::Removal,
        applies: Applies::AfterPeriod,
        consequence: Consequence::Privacy,
        missing: Some(&rules::RETENTION),
        late: None,
        source: "Autoriteit Persoonsgegevens, re-integratie van zieke werknemers",
    },
];

/// "1 dag", "36 dagen".
pub fn days_text(days: i64) -> String {
    if days == 1 {
        "1 dag".to_string()
    } else {
        format!("{days} dagen")
    }
}

/// The step with this key.
pub fn step(key: &str) -> Option<&'static Step> {
    STEPS.iter().find(|s| s.key == key)
}

/// The table of docs/rules.md: every step with its formula, evidence,
/// consequence, rules and source (a test compares the file with it).
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "| Stap | Termijn (formule) | Gedaan als | Te laat of ontbreekt | Regels | Bron |\n|---|---|---|---|---|---|\n",
    );
    for step in STEPS {
        let codes: Vec<&str> = [step.missing, step.late]
            .into_iter()
            .flatten()
            .map(|r| r.code)
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            step.wat,
            step.formula,
            evidence_text(step.evidence),
            step.consequence.text(),
            if codes.is_empty() {
                "alleen pva agenda".to_string()
            } else {
                codes.join(", ")
            },
            step.source
        ));
    }
    out
}

/// The steps a key of the case format records or sets (the language
/// server's hover), read off the table: the key of a step's evidence, the
/// `datum` of a document that completes one, an agreed moment
/// (`evaluaties.wanneer`) and the last day of employment.
pub fn steps_of_key(path: &str, kind: Option<DocKind>) -> Vec<&'static Step> {
    let on = |key: &str| path == key || path.strip_prefix(key).is_some_and(|r| r.starts_with('.'));
    let dated = |k: DocKind| kind == Some(k) && path == paths::DATUM;
    STEPS
        .iter()
        .filter(|step| {
            let evidence = match step.evidence {
                Evidence::Recorded(key) => on(key),
                Evidence::RecordedOrSigned(key, k) => on(key) || dated(k),
                Evidence::Signed(k) => dated(k),
                Evidence::Analysis => on(paths::PROBLEEMANALYSE_DATUM),
                Evidence::Spoor2 => on(paths::START_SPOOR_2),
                Evidence::Verslag => dated(DocKind::Eind) || dated(DocKind::Verkort),
                Evidence::Held => on(paths::EVALUATIES_GEHOUDEN),
                Evidence::Passes | Evidence::Removal => false,
            };
            let due = match step.due {
                Due::Agreed => path == format!("{}.wanneer", paths::EVALUATIES),
                Due::LastDayOfEmployment => on(paths::EINDE_DIENSTVERBAND),
                _ => false,
            };
            evidence || due
        })
        .collect()
}

/// A step as the language server shows it: what it is, its formula, what
/// completes it, what follows and its source, all from the table.
pub fn step_markdown(step: &Step) -> String {
    let codes: Vec<&str> = [step.missing, step.late]
        .into_iter()
        .flatten()
        .map(|r| r.code)
        .collect();
    let mut out = format!(
        "**Stap: {}**\n\nTermijn: {}  \nGedaan als: {}  \nTe laat of ontbreekt: {}  \nBron: {}",
        step.wat,
        step.formula,
        evidence_text(step.evidence),
        step.consequence.text(),
        step.source
    );
    if !codes.is_empty() {
        out.push_str(&format!("  \nRegels: {}", codes.join(", ")));
    }
    out
}

/// What completes a step, in Dutch.
pub fn evidence_text(evidence: Evidence) -> String {
    match evidence {
        Evidence::Recorded(path) => format!("een datum in `{path}`"),
        Evidence::RecordedOrSigned(path, kind) => format!(
            "een datum in `{path}`, of {} {} ondertekend door beide partijen",
            kind.article(),
            kind.title()
        ),
        Evidence::Signed(kind) => format!(
            "{} {} ondertekend door beide partijen",
            kind.article(),
            kind.title()
        ),
        Evidence::Analysis => format!("een datum in `{}`", paths::PROBLEEMANALYSE_DATUM),
        Evidence::Spoor2 => format!("een datum in `{}`", paths::START_SPOOR_2),
        Evidence::Verslag => "`pva riv` slaagt (lint: de eindevaluatie, of bij einde dienstverband binnen tien weken het verkort re-integratieverslag, ondertekend)".to_string(),
        Evidence::Held => format!(
            "een datum in `{}` of een evaluatieverslag, binnen 14 dagen van het moment",
            paths::EVALUATIES_GEHOUDEN
        ),
        Evidence::Passes => "de dag is voorbij".to_string(),
        Evidence::Removal => "het dossier is verwijderd".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentation_shows_the_table() {
        crate::rules::tests::bless_rules_doc("| Stap |", &reference_markdown());
        let doc = include_str!("../docs/rules.md");
        let table = reference_markdown();
        assert!(
            doc.contains(&table),
            "docs/rules.md is out of date; its table of steps must be:\n{table}"
        );
    }

    #[test]
    fn keys_are_unique() {
        for (i, step) in STEPS.iter().enumerate() {
            assert!(
                STEPS[i + 1..].iter().all(|s| s.key != step.key),
                "{}",
                step.key
            );
        }
    }

    #[test]
    fn keys_lead_to_the_steps_they_record() {
        let keys = |path: &str, kind: Option<DocKind>| -> Vec<&str> {
            steps_of_key(path, kind).iter().map(|s| s.key).collect()
        };
        assert_eq!(keys("verzuim.ziekmelding_uwv", None), ["ziekmelding-uwv"]);
        assert_eq!(
            keys("verzuim.eerstejaarsevaluatie", None),
            ["eerstejaarsevaluatie"]
        );
        assert_eq!(
            keys("evaluaties.wanneer", Some(DocKind::Plan)),
            ["evaluatie"]
        );
        assert_eq!(
            keys("verzuim.evaluaties_gehouden.datum", None),
            ["evaluatie"]
        );
        assert_eq!(keys("datum", Some(DocKind::Plan)), ["plan-van-aanpak"]);
        assert_eq!(
            keys("datum", Some(DocKind::Eerstejaars)),
            ["eerstejaarsevaluatie"]
        );
        assert_eq!(
            keys("verzuim.einde_dienstverband", None),
            ["ziek-uit-dienst-melding", "ziek-uit-dienst-verslag"]
        );
        assert_eq!(keys("datum", Some(DocKind::Evaluatie)), Vec::<&str>::new());
        assert_eq!(keys("werknemer.naam", None), Vec::<&str>::new());
        assert_eq!(
            keys("verzuim.ziekmelding_uwv_extra", None),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn the_counting_of_the_law() {
        assert_eq!(VERSLAG_DAY, 637);
        assert_eq!(WIA_AANVRAAG_DAY, 651);
        assert_eq!(EERSTEJAARS_FROM, 7 * (46 - 1));
        assert_eq!(EERSTEJAARS_UNTIL, 7 * 52 - 1);
    }
}
