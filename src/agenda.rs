//! The Poortwachter steps of each dossier (the table in `law`), with their
//! state on a given day, judged like the lint. A step is `gedaan` only when
//! the dossier records it by its due day (`gedaan, te laat` after it),
//! `vervallen` when recovery or the end of employment made it moot.
//! Printed as a list, JSON, or an iCalendar file.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::case::timeline::Timeline;
use crate::case::{Dossier, Node, date, paths};
use crate::law::{self, Case, Judged, State};

/// One deadline of one dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The dossier folder.
    pub dossier: String,
    /// The employee.
    pub werknemer: String,
    /// A stable key, unique within the dossier (also the calendar id).
    pub key: String,
    /// What is due, in Dutch.
    pub wat: String,
    /// The last day.
    pub datum: NaiveDate,
    /// Its state on the given day.
    pub status: Status,
}

/// The state of a step. It comes from the dossier, not from the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Recorded in the dossier by its due day.
    Gedaan,
    /// Recorded in the dossier after its due day.
    GedaanTeLaat,
    /// No longer needed: recovery or the end of employment made it moot.
    Vervallen,
    /// Due and not done.
    Verlopen,
    /// Not yet due.
    Open,
}

impl Status {
    /// The word printed.
    pub fn label(self) -> &'static str {
        match self {
            Status::Gedaan => "gedaan",
            Status::GedaanTeLaat => "gedaan, te laat",
            Status::Vervallen => "vervallen",
            Status::Verlopen => "verlopen",
            Status::Open => "open",
        }
    }

    /// The iCalendar event status: a moot step is cancelled, so calendar
    /// apps strike it out instead of leaving it as a task.
    fn ics(self) -> &'static str {
        match self {
            Status::Vervallen => "CANCELLED",
            _ => "CONFIRMED",
        }
    }

    /// The event's revision: states move on in this order, so importing the
    /// file again updates the event in calendar apps.
    fn sequence(self) -> u8 {
        match self {
            Status::Open => 0,
            Status::Verlopen => 1,
            Status::Gedaan | Status::GedaanTeLaat => 2,
            Status::Vervallen => 3,
        }
    }

    fn of(state: &State) -> Status {
        match state {
            State::Done(_) => Status::Gedaan,
            State::Late(..) => Status::GedaanTeLaat,
            State::Missing => Status::Verlopen,
            State::Due | State::Open => Status::Open,
            State::Moot(_) => Status::Vervallen,
        }
    }
}

/// The steps of `dossier` judged on `config.today`, by date; the project's
/// rule settings decide, as in `pva riv`, whether the verslag is complete.
pub fn deadlines(dossier: &Dossier, config: &crate::lint::LintConfig) -> Vec<Deadline> {
    let Some(timeline) = Timeline::of_dossier(dossier) else {
        return Vec::new();
    };
    let case = Case {
        dossier,
        timeline: &timeline,
        today: config.today,
        verslag: Some(crate::riv::is_complete(dossier, config)),
    };
    let werknemer = dossier
        .base
        .get(paths::WERKNEMER_NAAM)
        .and_then(Node::text)
        .unwrap_or_default();
    let mut out: Vec<Deadline> = law::judge_all(&case)
        .into_iter()
        .map(|judged| Deadline {
            dossier: crate::report::display(&dossier.dir),
            werknemer: werknemer.clone(),
            key: judged.key.clone(),
            wat: wat(&judged, &timeline),
            datum: judged.due,
            status: Status::of(&judged.state),
        })
        .collect();
    out.extend(deskundigenoordelen(dossier, config.today).into_iter().map(
        |(key, wat, datum, status)| Deadline {
            dossier: crate::report::display(&dossier.dir),
            werknemer: werknemer.clone(),
            key,
            wat,
            datum,
            status,
        },
    ));
    out.sort_by(|a, b| (a.datum, &a.key).cmp(&(b.datum, &b.key)));
    out
}

/// The deskundigenoordelen of UWV recorded in the dossier: (key, what,
/// date, status). Not steps of the law, but part of the dossier's course.
fn deskundigenoordelen(
    dossier: &Dossier,
    today: NaiveDate,
) -> Vec<(String, String, NaiveDate, Status)> {
    let text = |row: &Node, key: &str| row.child(key).and_then(Node::text).unwrap_or_default();
    dossier
        .base
        .get(paths::DESKUNDIGENOORDELEN)
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|row| {
            let day = row.child("datum")?.as_date()?;
            let status = if day <= today {
                Status::Gedaan
            } else {
                Status::Open
            };
            Some((
                format!("deskundigenoordeel-{}", day.format("%Y%m%d")),
                format!(
                    "Deskundigenoordeel van UWV: {} – {}",
                    text(row, "vraag"),
                    text(row, "uitkomst")
                ),
                day,
                status,
            ))
        })
        .collect()
}

/// The row's text: the step, and why it lapsed or how late it was done.
fn wat(judged: &Judged, timeline: &Timeline) -> String {
    let mut wat = judged.wat.clone();
    if judged.step.key == "plan-van-aanpak"
        && matches!(judged.state, State::Open | State::Due | State::Missing)
    {
        wat = format!("{wat} (uiterlijk {})", plan_rule(timeline, judged.due));
    }
    if judged.step.key == "eerstejaarsevaluatie" {
        let from = timeline.after_days(law::EERSTEJAARS_FROM);
        wat = format!("{wat}, vanaf {}", date::short(from));
    }
    if judged.step.key == "ziek-uit-dienst-verslag" {
        wat = format!("{wat}: {}", judged.noun);
    }
    match &judged.state {
        State::Moot(why) => format!("{wat} ({why})"),
        State::Late(found, days) => format!(
            "{wat} (gedaan op {}, {} te laat: {})",
            date::short(found.day),
            law::days_text(*days),
            judged.step.consequence.text()
        ),
        _ => wat,
    }
}

/// How the plan's last day came about, for the agenda row.
fn plan_rule(t: &Timeline, due: NaiveDate) -> &'static str {
    if due == t.after_days(56) {
        "D + 56, meer dan acht weken is te laat"
    } else {
        "twee weken na ontvangst van de probleemanalyse"
    }
}

/// An iCalendar file with one all-day event per deadline. Event ids are
/// stable (dossier + key), so importing again updates instead of duplicating.
pub fn ics(deadlines: &[Deadline], today: NaiveDate) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pva//agenda//NL\r\nCALSCALE:GREGORIAN\r\n",
    );
    for d in deadlines {
        let uid = format!("{}-{}@pva", d.dossier.replace(['/', ' '], "-"), d.key);
        let lines = [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape(&uid)),
            format!("DTSTAMP:{}T000000Z", today.format("%Y%m%d")),
            format!("DTSTART;VALUE=DATE:{}", d.datum.format("%Y%m%d")),
            format!(
                "DTEND;VALUE=DATE:{}",
                (d.datum + Duration::days(1)).format("%Y%m%d")
            ),
            format!(
                "SUMMARY:{}",
                escape(&format!("{} – {}", d.werknemer, d.wat))
            ),
            format!(
                "DESCRIPTION:{}",
                escape(&format!(
                    "Dossier {}; status op {}: {}",
                    d.dossier,
                    date::short(today),
                    d.status.label()
                ))
            ),
            format!("STATUS:{}", d.status.ics()),
            format!("SEQUENCE:{}", d.status.sequence()),
            "END:VEVENT".to_string(),
        ];
        for line in lines {
            out.push_str(&fold(&line));
        }
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets, as RFC 5545 asks.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}
