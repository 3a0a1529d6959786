//! The Poortwachter steps of each dossier, with their state on a given day,
//! counted by `case::timeline` like the lint. A step is `gedaan` only when
//! the dossier records it, `vervallen` when recovery or the end of
//! employment made it moot. Printed as a list, JSON, or an iCalendar file.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::case::timeline::{self, Timeline};
use crate::case::{DocKind, Document, Dossier, Node, date, paths};

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
    /// Recorded in the dossier (a document, a date field, a held evaluation).
    Gedaan,
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
            Status::Gedaan => 2,
            Status::Vervallen => 3,
        }
    }
}

/// How far an evaluation may move from its agreed date and still count.
const EVALUATION_SLACK_DAYS: i64 = 14;

/// The steps of `dossier` judged on `config.today`, by date; the project's
/// rule settings decide, as in `pva riv`, whether the verslag is complete.
pub fn deadlines(dossier: &Dossier, config: &crate::lint::LintConfig) -> Vec<Deadline> {
    let today = config.today;
    let Some(timeline) = Timeline::of(&dossier.base) else {
        return Vec::new();
    };
    let steps = Steps {
        dossier,
        timeline: &timeline,
        today,
        riv_complete: crate::riv::is_complete(dossier, config),
    };
    let mut out = steps.law();
    out.extend(steps.ziek_uit_dienst());
    out.extend(steps.evaluations());
    out.extend(steps.retention());
    out.sort_by(|a, b| (a.datum, &a.key).cmp(&(b.datum, &b.key)));
    out
}

struct Steps<'a> {
    dossier: &'a Dossier,
    timeline: &'a Timeline,
    today: NaiveDate,
    /// Whether `pva riv` would pass: the only way the verslag is gedaan.
    riv_complete: bool,
}

impl Steps<'_> {
    fn recorded(&self, path: &str) -> Option<NaiveDate> {
        self.dossier.base.get(path).and_then(Node::as_date)
    }

    /// A signed document of `kind`: a skeleton is not a plan made.
    fn has(&self, kind: DocKind) -> bool {
        self.dossier.signed_of(kind).next().is_some()
    }

    /// A step due on `due`, done when `done`; moot when the period ended first.
    fn step(&self, key: &str, wat: &str, due: NaiveDate, done: bool) -> Deadline {
        let moot = self.timeline.is_moot(due);
        self.row(key, wat, due, status(done, moot, due, self.today))
    }

    fn row(&self, key: &str, wat: &str, datum: NaiveDate, status: Status) -> Deadline {
        Deadline {
            dossier: crate::report::display(&self.dossier.dir),
            werknemer: self
                .dossier
                .base
                .get(paths::WERKNEMER_NAAM)
                .and_then(Node::text)
                .unwrap_or_default(),
            key: key.to_string(),
            wat: wat.to_string(),
            datum,
            status,
        }
    }

    /// The steps of the Wet verbetering poortwachter, in order.
    fn law(&self) -> Vec<Deadline> {
        let t = self.timeline;
        let first_year = self
            .recorded(paths::EERSTEJAARSEVALUATIE)
            .or_else(|| {
                self.dossier
                    .documents_of(DocKind::Eerstejaars)
                    .find_map(|d| d.date())
            })
            .unwrap_or_else(|| t.week(52));
        vec![
            self.step(
                "probleemanalyse",
                "Probleemanalyse door de bedrijfsarts (week 6)",
                t.week(6),
                !t.analyses.is_empty(),
            ),
            self.plan(),
            self.step(
                "ziekmelding-uwv",
                "Ziekmelding bij UWV (42e week)",
                t.week(42),
                self.recorded(paths::ZIEKMELDING_UWV).is_some(),
            ),
            self.step(
                "eerstejaarsevaluatie",
                &format!(
                    "Eerstejaarsevaluatie (week 46–52, vanaf {})",
                    date::short(t.week(45) + Duration::days(1))
                ),
                t.week(52),
                self.dossier
                    .records(paths::EERSTEJAARSEVALUATIE, Some(DocKind::Eerstejaars)),
            ),
            self.step(
                "besluit-spoor-2",
                "Besluit over spoor 2 (binnen zes weken na de eerstejaarsevaluatie)",
                first_year + Duration::days(42),
                self.recorded(paths::BESLUIT_SPOOR_2).is_some(),
            ),
            self.step(
                "wia-brief-uwv",
                "Brief van UWV aan de werknemer over de WIA-aanvraag (week 89)",
                t.week(89),
                self.recorded(paths::WIA_BRIEF_UWV).is_some(),
            ),
            self.step(
                "re-integratieverslag",
                "Re-integratieverslag compleet (week 91; `pva riv`)",
                t.week(91),
                self.riv_complete,
            ),
            self.step(
                "wia-aanvraag",
                "WIA-aanvraag door de werknemer (uiterlijk week 93)",
                t.week(93),
                self.recorded(paths::WIA_AANVRAAG).is_some(),
            ),
            self.end_of_waiting_time(),
        ]
    }

    fn plan(&self) -> Deadline {
        let t = self.timeline;
        let key = "plan-van-aanpak";
        let Some(due) = t.plan_due() else {
            let wat = "Plan van aanpak (niet nodig: geen duurzaam benutbare mogelijkheden)";
            return self.row(key, wat, t.week(8), Status::Vervallen);
        };
        if t.ends_within_ten_weeks() && !self.has(DocKind::Plan) {
            let wat = "Plan van aanpak (niet nodig: dienstverband eindigt binnen tien weken)";
            return self.row(key, wat, due, Status::Vervallen);
        }
        let wat = format!(
            "Plan van aanpak opgesteld (uiterlijk {})",
            plan_rule(t, due)
        );
        self.step(key, &wat, due, self.has(DocKind::Plan))
    }

    /// The last day of the 104 weeks: a moment, which is gedaan once passed.
    fn end_of_waiting_time(&self) -> Deadline {
        let day = self.timeline.last_day();
        let status = if self.timeline.is_moot(day) {
            Status::Vervallen
        } else if self.today > day {
            Status::Gedaan
        } else {
            Status::Open
        };
        self.row(
            "einde-wachttijd",
            "Laatste dag van de 104 weken loondoorbetaling",
            day,
            status,
        )
    }

    /// Employment ending during sickness: the melding on the last working
    /// day, and a verkort (under ten weeks) or full re-integratieverslag.
    fn ziek_uit_dienst(&self) -> Vec<Deadline> {
        let t = self.timeline;
        let Some(last) = t.employment_end else {
            return Vec::new();
        };
        let sick_at_end = t.recovered.is_none_or(|fit| fit > last) && last <= t.last_day();
        if !sick_at_end {
            return Vec::new();
        }
        let verslag = if t.ends_within_ten_weeks() {
            "Verkort re-integratieverslag naar UWV (ziek uit dienst binnen tien weken)"
        } else {
            "Re-integratieverslag naar UWV (ziek uit dienst)"
        };
        let due = last + Duration::days(timeline::ZIEK_UIT_DIENST_DAYS);
        let melding = self.recorded(paths::ZIEK_UIT_DIENST).is_some();
        let report = if t.ends_within_ten_weeks() {
            DocKind::Verkort
        } else {
            DocKind::Eind
        };
        let done = self.riv_complete && self.dossier.documents_of(report).next().is_some();
        vec![
            self.row(
                "ziek-uit-dienst-melding",
                "Ziek-uit-dienstmelding bij UWV (op de laatste werkdag)",
                last,
                status(melding, false, last, self.today),
            ),
            self.row(
                "ziek-uit-dienst-verslag",
                verslag,
                due,
                status(done, false, due, self.today),
            ),
        ]
    }

    /// The evaluation moments agreed in the plan and bijstellingen; each
    /// document's moments until the next document takes over.
    fn evaluations(&self) -> Vec<Deadline> {
        let held: Vec<NaiveDate> = self
            .dossier
            .base
            .get(paths::EVALUATIES_GEHOUDEN)
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .filter_map(|row| row.child("datum").and_then(Node::as_date))
            .chain(
                self.dossier
                    .documents_of(DocKind::Evaluatie)
                    .filter_map(Document::date),
            )
            .collect();
        agreed_moments(self.dossier)
            .into_iter()
            .map(|(day, wat)| {
                let done = held
                    .iter()
                    .any(|h| (*h - day).num_days().abs() <= EVALUATION_SLACK_DAYS);
                let key = format!("evaluatie-{}", day.format("%Y%m%d"));
                self.step(&key, &format!("Evaluatie: {wat}"), day, done)
            })
            .collect()
    }

    /// After the period ended: remove the data two years later (AP).
    fn retention(&self) -> Option<Deadline> {
        let t = self.timeline;
        let ended = t.end().is_some() || self.today > t.last_day();
        let due = t.removal_due().filter(|_| ended)?;
        let status = if due < self.today {
            Status::Verlopen
        } else {
            Status::Open
        };
        Some(self.row(
            "bewaartermijn",
            "Gegevens van dit dossier verwijderen (bewaartermijn: twee jaar na het einde)",
            due,
            status,
        ))
    }
}

fn status(done: bool, moot: bool, due: NaiveDate, today: NaiveDate) -> Status {
    if done {
        Status::Gedaan
    } else if moot {
        Status::Vervallen
    } else if due < today {
        Status::Verlopen
    } else {
        Status::Open
    }
}

/// How the plan's last day came about, for the agenda row.
fn plan_rule(t: &Timeline, due: NaiveDate) -> &'static str {
    if due == t.week(8) {
        "week 8"
    } else {
        "twee weken na ontvangst van de probleemanalyse"
    }
}

/// (date, what) of every agreed evaluation moment still in force: a later
/// document's schedule replaces the moments of an earlier one from its date.
fn agreed_moments(dossier: &Dossier) -> Vec<(NaiveDate, String)> {
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
            let Some(day) = row.child("wanneer").and_then(Node::as_date) else {
                continue;
            };
            if next.is_some_and(|n| day >= n) {
                continue;
            }
            let wat = row
                .child("wat")
                .and_then(Node::text)
                .unwrap_or_else(|| "Evaluatie".into());
            out.push((day, wat));
        }
    }
    out
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
