//! The questions of UWV's beoordelingskader poortwachter, each answered
//! `ja`, `nee` or `niet te beoordelen` with the file and line it rests on.
//! The steps' due days are the table's (`law`); what UWV weighs beyond the
//! steps (evaluations held, bijstellingen after new advice) is `lint::weigh`'s.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::case::{DocKind, Pos, date, paths};
use crate::law::{self, Case, Judged, State};
use crate::lint::weigh;

/// An answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Answer {
    /// Yes: the dossier shows it.
    #[serde(rename = "ja")]
    Ja,
    /// No: the dossier shows it is missing or late.
    #[serde(rename = "nee")]
    Nee,
    /// The dossier cannot say (not due yet, no data, a reason UWV weighs).
    #[serde(rename = "niet te beoordelen")]
    NietTeBeoordelen,
}

impl Answer {
    /// The word printed.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Ja => "ja",
            Answer::Nee => "nee",
            Answer::NietTeBeoordelen => "niet te beoordelen",
        }
    }
}

/// Where an answer's evidence is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The file.
    pub file: PathBuf,
    /// Its 1-based line; `None` for a file as a whole (a PDF).
    pub line: Option<usize>,
}

impl Place {
    fn at(pos: &Pos) -> Place {
        Place {
            file: pos.file.to_path_buf(),
            line: Some(pos.line),
        }
    }

    /// `file:line`, or the file.
    pub fn display(&self) -> String {
        let file = crate::report::display(&self.file);
        match self.line {
            Some(line) => format!("{file}:{line}"),
            None => file,
        }
    }
}

/// One question of the beoordelingskader, answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// A stable key.
    pub key: &'static str,
    /// The question, in Dutch.
    pub vraag: &'static str,
    /// The answer.
    pub antwoord: Answer,
    /// Why, in Dutch.
    pub toelichting: String,
    /// Where the evidence is.
    pub bewijs: Vec<Place>,
    /// The parts it rests on and how each is signed.
    pub ondertekening: Vec<super::signing::Part>,
}

/// The questions, in the order of the beoordelingskader.
pub const QUESTIONS: &[(&str, &str)] = &[
    ("probleemanalyse", "Is de probleemanalyse op tijd gemaakt?"),
    (
        "plan-van-aanpak",
        "Is het Plan van aanpak op tijd opgesteld?",
    ),
    (
        "evaluaties",
        "Is er minstens eens per zes weken geëvalueerd?",
    ),
    (
        "bijstelling",
        "Is het plan bijgesteld toen het advies veranderde?",
    ),
    (
        "eerstejaarsevaluatie",
        "Is de eerstejaarsevaluatie gehouden?",
    ),
    ("spoor-2", "Is spoor 2 op tijd ingezet waar dat nodig was?"),
    ("eindevaluatie", "Is er een eindevaluatie?"),
    (
        "actueel-oordeel",
        "Is er een actueel oordeel van de bedrijfsarts?",
    ),
];

/// The actueel oordeel found beside the dossier, if any.
#[derive(Debug, Clone)]
pub struct Oordeel {
    /// Its date, from the file name.
    pub day: NaiveDate,
    /// The file.
    pub file: PathBuf,
}

/// Every question answered for `case`.
pub fn verdicts(case: &Case, oordeel: Option<&Oordeel>) -> Vec<Verdict> {
    let judged = law::judge_all(case);
    let step = |key: &str| judged.iter().find(|j| j.step.key == key);
    QUESTIONS
        .iter()
        .map(|(key, vraag)| {
            let (antwoord, toelichting, bewijs) = match *key {
                "probleemanalyse" => from_step(step("probleemanalyse")),
                "plan-van-aanpak" => plan(case, step("plan-van-aanpak")),
                "evaluaties" => evaluations(case),
                "bijstelling" => bijstelling(case),
                "eerstejaarsevaluatie" => eerstejaars(case, step("eerstejaarsevaluatie")),
                "spoor-2" => spoor_2(step("spoor-2")),
                "eindevaluatie" => closing(case, &judged),
                _ => actueel_oordeel(case, oordeel),
            };
            let evidence: Vec<PathBuf> = bewijs.iter().map(|p| p.file.clone()).collect();
            let ondertekening = super::signing::parts(case, key, &evidence);
            let (antwoord, toelichting) =
                super::signing::weigh(antwoord, toelichting, &ondertekening);
            Verdict {
                key,
                vraag,
                antwoord,
                toelichting,
                bewijs,
                ondertekening,
            }
        })
        .collect()
}

type Answered = (Answer, String, Vec<Place>);

fn places(found: &law::Found) -> Vec<Place> {
    found.pos.iter().map(Place::at).collect()
}

/// A step of the table as an answer: done on time is `ja`, late or missing
/// `nee`, not yet due or lapsed `niet te beoordelen` with its due day.
fn from_step(judged: Option<&Judged>) -> Answered {
    let Some(judged) = judged else {
        return (
            Answer::NietTeBeoordelen,
            "niet van toepassing op dit dossier".into(),
            Vec::new(),
        );
    };
    let due = date::short(judged.due);
    match &judged.state {
        State::Done(Some(found)) => (
            Answer::Ja,
            format!(
                "op {}, binnen de termijn (uiterlijk {due})",
                date::short(found.day)
            ),
            places(found),
        ),
        State::Done(None) => (Answer::Ja, format!("uiterlijk {due}"), Vec::new()),
        State::Late(found, days) => (
            Answer::Nee,
            format!(
                "op {}, {} na de termijn ({due})",
                date::short(found.day),
                law::days_text(*days)
            ),
            places(found),
        ),
        State::Missing => (
            Answer::Nee,
            format!("ontbreekt; de termijn verstreek op {due}"),
            Vec::new(),
        ),
        State::Due | State::Open => (
            Answer::NietTeBeoordelen,
            format!("nog niet aan de orde: uiterlijk {due}"),
            Vec::new(),
        ),
        State::Moot(why) => (
            Answer::NietTeBeoordelen,
            format!("vervallen: {why}"),
            Vec::new(),
        ),
    }
}

/// A plan made late with its reason written is for UWV to weigh.
fn plan(case: &Case, judged: Option<&Judged>) -> Answered {
    let answered = from_step(judged);
    let reason = case.dossier.documents_of(DocKind::Plan).find_map(|d| {
        d.long_text(paths::REDEN_TE_LAAT)
            .map(|_| d.anchor(paths::REDEN_TE_LAAT))
    });
    match (answered.0, reason) {
        (Answer::Nee, Some(pos)) if matches!(judged.map(|j| &j.state), Some(State::Late(..))) => {
            let mut bewijs = answered.2;
            bewijs.push(Place::at(&pos));
            (
                Answer::NietTeBeoordelen,
                format!(
                    "{}; de reden staat in het plan en UWV weegt die",
                    answered.1
                ),
                bewijs,
            )
        }
        _ => answered,
    }
}

/// UWV reads the eerstejaarsevaluatie itself: a recorded date without the
/// signed document is not enough for the verslag.
fn eerstejaars(case: &Case, judged: Option<&Judged>) -> Answered {
    let answered = from_step(judged);
    if answered.0 != Answer::Ja || case.signed(DocKind::Eerstejaars).is_some() {
        return answered;
    }
    let day = judged
        .and_then(|j| match &j.state {
            State::Done(Some(found)) => Some(date::short(found.day)),
            _ => None,
        })
        .unwrap_or_default();
    (
        Answer::Nee,
        format!("vastgelegd op {day}, maar het ondertekende document ontbreekt in het verslag"),
        answered.2,
    )
}

fn spoor_2(judged: Option<&Judged>) -> Answered {
    match judged.map(|j| &j.state) {
        Some(State::Moot(why)) if why.starts_with("niet nodig") => {
            (Answer::Ja, why.clone(), Vec::new())
        }
        _ => from_step(judged),
    }
}

fn evaluations(case: &Case) -> Answered {
    let check = weigh::evaluation_gaps(case);
    let bewijs = check.held.iter().map(Place::at).collect();
    match (check.runs_from, check.gaps.first()) {
        (None, _) => (
            Answer::NietTeBeoordelen,
            "er loopt (nog) geen ondertekend plan".into(),
            bewijs,
        ),
        (Some(_), Some(gap)) => (
            Answer::Nee,
            format!(
                "van {} tot {} is {} dagen niet geëvalueerd (hooguit 42)",
                date::short(gap.from),
                date::short(gap.until),
                gap.days
            ),
            bewijs,
        ),
        (Some(from), None) => (
            Answer::Ja,
            format!(
                "{} gehouden evaluaties sinds {}, nooit meer dan 42 dagen uit elkaar",
                check.held.len(),
                date::short(from)
            ),
            bewijs,
        ),
    }
}

fn bijstelling(case: &Case) -> Answered {
    let advice = weigh::changed_advice(case);
    if advice.is_empty() {
        return (
            Answer::Ja,
            "geen bijgestelde probleemanalyse met een ander einddoel dan het plan".into(),
            Vec::new(),
        );
    }
    let missing: Vec<_> = advice.iter().filter(|a| a.followed_by.is_none()).collect();
    let mut bewijs: Vec<Place> = advice.iter().map(|a| Place::at(&a.pos)).collect();
    bewijs.extend(
        advice
            .iter()
            .filter_map(|a| a.followed_by.as_ref())
            .map(Place::at),
    );
    match missing.first() {
        Some(a) if case.today > a.due => (
            Answer::Nee,
            format!(
                "het advies van {} wijkt af van het plan en er volgde geen bijstelling binnen 14 dagen (uiterlijk {})",
                date::short(a.received),
                date::short(a.due)
            ),
            bewijs,
        ),
        Some(a) => (
            Answer::NietTeBeoordelen,
            format!(
                "nog niet aan de orde: bijstellen uiterlijk {}",
                date::short(a.due)
            ),
            bewijs,
        ),
        None => (
            Answer::Ja,
            "elk gewijzigd advies is binnen 14 dagen gevolgd door een bijstelling".into(),
            bewijs,
        ),
    }
}

/// The closing document: the eindevaluatie (or the verkort verslag).
fn closing(case: &Case, judged: &[Judged]) -> Answered {
    let ending = judged
        .iter()
        .find(|j| j.step.key == "ziek-uit-dienst-verslag");
    let regular = judged.iter().find(|j| j.step.key == "re-integratieverslag");
    let _ = case;
    from_step(ending.or(regular))
}

fn actueel_oordeel(case: &Case, oordeel: Option<&Oordeel>) -> Answered {
    // Asked of the full verslag (RIVV art. 2 lid 2 c); the verkort verslag of
    // art. 2a does not list it, as riv's check says too.
    if oordeel.is_none() && case.timeline.ends_within_ten_weeks() {
        return (
            Answer::NietTeBeoordelen,
            "vervallen: een verkort re-integratieverslag (Regeling art. 2a) vraagt geen actueel oordeel".into(),
            Vec::new(),
        );
    }
    let Some(oordeel) = oordeel else {
        return (
            Answer::Nee,
            "geen actueel-oordeel-JJJJ-MM-DD.pdf in de dossiermap".into(),
            Vec::new(),
        );
    };
    let bewijs = vec![Place {
        file: oordeel.file.clone(),
        line: None,
    }];
    let eind = case.signed(DocKind::Eind).map(|f| f.day);
    match eind {
        Some(eind) if oordeel.day > eind => (
            Answer::Nee,
            format!(
                "gedateerd {}, na de eindevaluatie ({})",
                date::short(oordeel.day),
                date::short(eind)
            ),
            bewijs,
        ),
        _ => (
            Answer::Ja,
            format!("van {}", date::short(oordeel.day)),
            bewijs,
        ),
    }
}
