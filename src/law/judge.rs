//! Each step of the table judged for one dossier on one day: its due day,
//! whether the dossier holds what completes it (dated within the period and
//! not after `--today`), and so its state.

use chrono::{Duration, NaiveDate};

use super::{Applies, Due, EVALUATION_SLACK_DAYS, Evidence, STEPS, Step};
use crate::case::timeline::{EndReason, Standing, Timeline, standing};
use crate::case::{DocKind, Document, Dossier, Node, Party, Pos, date, paths};

/// What the steps are judged on.
#[derive(Debug, Clone, Copy)]
pub struct Case<'a> {
    /// The dossier.
    pub dossier: &'a Dossier,
    /// Its counted time.
    pub timeline: &'a Timeline,
    /// The day judged on (`--today`).
    pub today: NaiveDate,
    /// Whether `pva riv` passes, where the caller could ask it (the
    /// agenda); `None` in lint, which looks for the closing document.
    pub verslag: Option<bool>,
}

/// Where the evidence of a step is, and its date.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The day it was done.
    pub day: NaiveDate,
    /// Where that day is written.
    pub pos: Option<Pos>,
}

/// A step's state on the day judged.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// Done by its due day.
    Done(Option<Found>),
    /// Done after its due day, this many days late.
    Late(Found, i64),
    /// Past its due day and not done.
    Missing,
    /// Due today or tomorrow and not done.
    Due,
    /// Not yet due.
    Open,
    /// No longer needed, and why.
    Moot(String),
}

/// One step judged (an agreed evaluation moment is one step each).
#[derive(Debug, Clone)]
pub struct Judged {
    /// The row of the table.
    pub step: &'static Step,
    /// A stable key, unique within the dossier.
    pub key: String,
    /// What it is, as the agenda lists it.
    pub wat: String,
    /// What it is, as a finding names it.
    pub noun: String,
    /// Its due day.
    pub due: NaiveDate,
    /// Its state.
    pub state: State,
    /// Where the step itself is written, if the dossier sets it (an agreed
    /// evaluation moment); findings about it go there.
    pub at: Option<Pos>,
}

/// Every step of the table judged for `case`, in table order.
pub fn judge_all(case: &Case) -> Vec<Judged> {
    STEPS.iter().flat_map(|step| judge(step, case)).collect()
}

/// One step judged; several for the agreed evaluations, none when the step
/// does not apply to this dossier.
pub fn judge(step: &'static Step, case: &Case) -> Vec<Judged> {
    if step.due == Due::Agreed {
        return case.evaluations(step);
    }
    case.single(step).into_iter().collect()
}

impl Case<'_> {
    fn single(&self, step: &'static Step) -> Option<Judged> {
        let (due, noun) = self.due(step)?;
        // Counted along with an earlier dossier: what fell due before this
        // dossier's own first sick day is judged in that dossier.
        if self.timeline.earlier.is_some() && due < self.timeline.own_first {
            return None;
        }
        let found = self.evidence(step, due);
        let state = match (found, self.lapsed(step, due)) {
            (Some(found), _) => done(found, due),
            (None, Some(why)) => State::Moot(why),
            (None, None) if step.evidence == super::Evidence::Passes => passing(due, self.today),
            (None, None) if step.applies == Applies::AfterPeriod => {
                if self.today > due {
                    State::Missing
                } else {
                    State::Open
                }
            }
            (None, None) => pending(due, self.today),
        };
        Some(Judged {
            step,
            key: step.key.to_string(),
            wat: step.wat.to_string(),
            noun,
            due,
            state,
            at: None,
        })
    }

    /// The due day and the finding's noun; `None` when the step does not
    /// apply to this dossier at all.
    fn due(&self, step: &Step) -> Option<(NaiveDate, String)> {
        let t = self.timeline;
        let noun = step.noun.to_string();
        let day = match step.due {
            Due::Day(n) => t.after_days(n),
            Due::Plan => t.plan_due().unwrap_or_else(|| t.after_days(56)),
            Due::AfterEerstejaars(n) => self.eerstejaars_day() + Duration::days(n),
            Due::LastDayOfEmployment => t.employment_end?,
            Due::Agreed => return None,
            Due::Retention => t.removal_due()?,
        };
        match step.applies {
            Applies::SickAtEndOfEmployment => self.sick_at_end()?,
            Applies::VerslagAtEndOfEmployment => {
                self.sick_at_end()?;
                if !t.verslag_at_end_of_employment() {
                    return None;
                }
                return Some((day, self.closing_kind().title().to_lowercase()));
            }
            Applies::AfterPeriod if t.end().is_none() && self.today <= t.last_day() => {
                return None;
            }
            _ => {}
        }
        Some((day, noun))
    }

    /// Why a step that is not done no longer has to be, if it does not.
    fn lapsed(&self, step: &Step, due: NaiveDate) -> Option<String> {
        let t = self.timeline;
        match step.applies {
            Applies::PlanNeeded if !t.plan_needed() => {
                Some("niet nodig: geen duurzaam benutbare mogelijkheden".into())
            }
            Applies::PlanNeeded if t.ends_within_ten_weeks() => {
                Some("niet nodig: het dienstverband eindigt binnen tien weken".into())
            }
            Applies::Spoor2Needed => self.spoor_2_not_needed().or_else(|| self.ended(due)),
            Applies::SickAtEndOfEmployment
            | Applies::VerslagAtEndOfEmployment
            | Applies::AfterPeriod => None,
            _ => self.ended(due),
        }
    }

    /// "vervallen: …" when the period ended before `due`.
    fn ended(&self, due: NaiveDate) -> Option<String> {
        let end = self.timeline.end().filter(|e| due >= e.from)?;
        Some(match end.reason {
            EndReason::Recovered => match &self.timeline.later {
                Some(later) => format!(
                    "hersteld op {}, maar de periode loopt door in {} (samengesteld verzuim)",
                    date::short(end.from),
                    later.dir.display()
                ),
                None => format!("hersteld op {}", date::short(end.from)),
            },
            EndReason::EmploymentEnded => format!(
                "het dienstverband eindigde op {}",
                date::short(end.from - Duration::days(1))
            ),
        })
    }

    /// Whether the employee is still sick on the last day of employment,
    /// within the 104 weeks.
    fn sick_at_end(&self) -> Option<()> {
        let t = self.timeline;
        let last = t.employment_end?;
        let sick = t.recovered.is_none_or(|fit| fit > last) && last <= t.last_day();
        sick.then_some(())
    }

    /// The closing document of the verslag: the verkort verslag when the
    /// employment ends within ten weeks, else the eindevaluatie.
    fn closing_kind(&self) -> DocKind {
        if self.timeline.ends_within_ten_weeks() {
            DocKind::Verkort
        } else {
            DocKind::Eind
        }
    }

    fn evidence(&self, step: &Step, due: NaiveDate) -> Option<Found> {
        match step.evidence {
            Evidence::Recorded(path) => self.recorded(path),
            Evidence::RecordedOrSigned(path, kind) => {
                self.recorded(path).or_else(|| self.signed(kind))
            }
            Evidence::Signed(kind) => self.signed(kind),
            Evidence::Analysis => self.analysis(),
            Evidence::Spoor2 => self.recorded(paths::START_SPOOR_2).or_else(|| {
                self.spoor_2_needed()
                    .is_none()
                    .then(|| self.recorded(paths::BESLUIT_SPOOR_2))
                    .flatten()
            }),
            Evidence::Verslag => {
                let found = self.signed(self.closing_kind())?;
                (self.verslag != Some(false)).then_some(found)
            }
            Evidence::Passes => (self.today > due).then_some(Found {
                day: due,
                pos: None,
            }),
            Evidence::Held | Evidence::Removal => None,
        }
    }

    /// Whether a day counts as evidence: within the period, not after today.
    pub fn counts(&self, day: NaiveDate) -> bool {
        day >= self.timeline.first && day <= self.today
    }

    /// A date recorded at `path` in the shared files.
    pub fn recorded(&self, path: &str) -> Option<Found> {
        let node = self.dossier.base.get(path)?;
        let day = node.as_date().filter(|d| self.counts(*d))?;
        Some(Found {
            day,
            pos: Some(node.pos.clone()),
        })
    }

    /// The first document of `kind` signed by both parties, dated within
    /// the period, with no date after today.
    pub fn signed(&self, kind: DocKind) -> Option<Found> {
        self.dossier
            .documents_of(kind)
            .filter(|d| self.signed_by_both(d))
            .filter_map(|d| self.dated(d))
            .filter(|f| self.counts(f.day))
            .min_by_key(|f| f.day)
    }

    /// A document's day: its `datum`, or when that cannot be read, the day
    /// the last party signed (a signed document exists from then on).
    pub fn dated(&self, doc: &Document) -> Option<Found> {
        let own = doc.get(paths::DATUM).and_then(|n| Some((n.as_date()?, n)));
        let signed = || {
            Party::BOTH
                .iter()
                .filter_map(|who| doc.get(who.signature().datum))
                .filter_map(|n| Some((n.as_date()?, n)))
                .max_by_key(|(day, _)| *day)
        };
        let (day, node) = own.or_else(signed)?;
        Some(Found {
            day,
            pos: Some(node.pos.clone()),
        })
    }

    /// Both signature dates written and not after today.
    pub fn signed_by_both(&self, doc: &Document) -> bool {
        Party::BOTH.iter().all(|who| {
            doc.get(who.signature().datum)
                .and_then(Node::as_date)
                .is_some_and(|d| d <= self.today)
        })
    }

    /// The first probleemanalyse of the period.
    fn analysis(&self) -> Option<Found> {
        let node = self.dossier.base.get(paths::PROBLEEMANALYSE_DATUM);
        let day = self
            .timeline
            .analyses
            .iter()
            .filter_map(|a| a.datum.or(a.ontvangen_op))
            .filter(|d| self.counts(*d))
            .min()?;
        Some(Found {
            day,
            pos: node.map(|n| n.pos.clone()),
        })
    }

    /// The day of the eerstejaarsevaluatie: held (recorded or signed), else
    /// the last day of its window.
    pub fn eerstejaars_day(&self) -> NaiveDate {
        self.recorded(paths::EERSTEJAARSEVALUATIE)
            .or_else(|| self.signed(DocKind::Eerstejaars))
            .map_or_else(
                || self.timeline.after_days(super::EERSTEJAARS_UNTIL),
                |f| f.day,
            )
    }

    /// What the signed eerstejaarsevaluatie of the period answers to "is
    /// spoor 2 nodig?", with the document.
    pub fn spoor_2_needed(&self) -> Option<(bool, &Document)> {
        self.dossier
            .documents_of(DocKind::Eerstejaars)
            .filter(|d| self.signed_by_both(d) && d.date().is_some_and(|day| self.counts(day)))
            .find_map(|d| Some((d.get(paths::SPOOR_2_NODIG)?.as_bool()?, d)))
    }

    fn spoor_2_not_needed(&self) -> Option<String> {
        let (needed, doc) = self.spoor_2_needed()?;
        (!needed).then(|| {
            format!(
                "niet nodig volgens de eerstejaarsevaluatie van {}",
                doc.date().map(date::short).unwrap_or_default()
            )
        })
    }

    /// Every held evaluation of the period: records and evaluatieverslagen.
    pub fn held_evaluations(&self) -> Vec<Found> {
        let records = self
            .dossier
            .base
            .get(paths::EVALUATIES_GEHOUDEN)
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .filter_map(|row| row.child("datum"))
            .filter_map(|node| {
                Some(Found {
                    day: node.as_date()?,
                    pos: Some(node.pos.clone()),
                })
            });
        // An evaluatieverslag, and the eerstejaarsevaluatie: an evaluation too
        // (Regeling procesgang art. 4 lid 2 b).
        let reports = self
            .dossier
            .documents
            .iter()
            .filter(|d| {
                d.kind
                    .is_some_and(|k| [DocKind::Evaluatie, DocKind::Eerstejaars].contains(&k))
            })
            .filter_map(|d| self.dated(d));
        let first_year = self.recorded(paths::EERSTEJAARSEVALUATIE);
        let mut held: Vec<Found> = records
            .chain(reports)
            .chain(first_year)
            .filter(|f| self.counts(f.day))
            .collect();
        held.sort_by_key(|f| f.day);
        // One evaluation per day, however many places record it.
        held.dedup_by_key(|f| f.day);
        held
    }

    /// The agreed evaluation moments, each judged.
    fn evaluations(&self, step: &'static Step) -> Vec<Judged> {
        let held = self.held_evaluations();
        agreed_moments(self.dossier)
            .into_iter()
            .filter(|(day, _, _)| *day >= self.timeline.first)
            .map(|(day, wat, pos)| {
                let found = held
                    .iter()
                    .find(|h| (h.day - day).num_days().abs() <= EVALUATION_SLACK_DAYS)
                    .cloned();
                let state = match (found, self.ended(day)) {
                    (Some(found), _) => State::Done(Some(found)),
                    (None, Some(why)) => State::Moot(why),
                    (None, None) => pending(day, self.today),
                };
                Judged {
                    step,
                    key: format!("evaluatie-{}", day.format("%Y%m%d")),
                    wat: format!("Evaluatie: {wat}"),
                    noun: "evaluatie".into(),
                    due: day,
                    state,
                    at: Some(pos),
                }
            })
            .collect()
    }
}

/// Done by `due`, or late by some days.
fn done(found: Found, due: NaiveDate) -> State {
    let late = (found.day - due).num_days();
    if late > 0 {
        State::Late(found, late)
    } else {
        State::Done(Some(found))
    }
}

/// Not done: missing after its due day, due from the day before.
fn pending(due: NaiveDate, today: NaiveDate) -> State {
    match standing(today, due) {
        Standing::Late => State::Missing,
        Standing::Due => State::Due,
        Standing::Ahead => State::Open,
    }
}

/// A moment that is over once its day has passed.
fn passing(due: NaiveDate, today: NaiveDate) -> State {
    if today > due {
        State::Done(None)
    } else {
        State::Open
    }
}

/// (date, what, where) of every agreed evaluation moment still in force: a
/// later document's schedule replaces the moments of an earlier one from its
/// date.
pub fn agreed_moments(dossier: &Dossier) -> Vec<(NaiveDate, String, Pos)> {
    let mut docs: Vec<(NaiveDate, &Document)> = dossier
        .documents
        .iter()
        .filter(|d| d.kind.is_some())
        .filter_map(|d| Some((d.date()?, d)))
        .collect();
    docs.sort_by_key(|(day, _)| *day);
    let mut out = Vec::new();
    for (i, (_, doc)) in docs.iter().enumerate() {
        let next = docs.get(i + 1).map(|(day, _)| *day);
        for row in doc
            .get(paths::EVALUATIES)
            .map(Node::items)
            .unwrap_or_default()
        {
            let Some(node) = row.child("wanneer") else {
                continue;
            };
            let Some(day) = node.as_date() else {
                continue;
            };
            if next.is_some_and(|n| day >= n) {
                continue;
            }
            let wat = row
                .child("wat")
                .and_then(Node::text)
                .unwrap_or_else(|| "Evaluatie".into());
            out.push((day, wat, node.pos.clone()));
        }
    }
    out
}
