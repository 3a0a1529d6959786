//! The Poortwachter deadlines of each dossier, with their state on a given
//! day, computed with the same counting as the lint (samengesteld verzuim
//! included). Printed as a list, JSON, or an iCalendar file.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::case::{DocKind, Dossier, Node, date};
use crate::lint::deadline::{Counting, Step};

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

/// The state of a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Done: the dossier shows it.
    Gedaan,
    /// Past and not done.
    Verlopen,
    /// Within 14 days.
    Binnenkort,
    /// Later.
    Gepland,
}

impl Status {
    /// The word printed.
    pub fn label(self) -> &'static str {
        match self {
            Status::Gedaan => "gedaan",
            Status::Verlopen => "verlopen",
            Status::Binnenkort => "binnen 14 dagen",
            Status::Gepland => "gepland",
        }
    }
}

/// The deadlines of `dossier` judged on `today`, by date.
pub fn deadlines(dossier: &Dossier, today: NaiveDate) -> Vec<Deadline> {
    let Some(first) = dossier
        .base
        .get("verzuim.eerste_ziektedag")
        .and_then(Node::text)
        .and_then(|d| date::parse(&d))
    else {
        return Vec::new();
    };
    let counting = counting(dossier, first);
    let done_analysis = dossier
        .base
        .get("probleemanalyse.datum")
        .and_then(Node::text)
        .is_some();
    let plan = dossier
        .documents
        .iter()
        .any(|d| d.kind == Some(DocKind::Plan));
    let recorded = |key: &str| dossier.base.get(key).and_then(Node::text).is_some();
    let fixed: [(&str, &str, NaiveDate, bool); 7] = [
        (
            "probleemanalyse",
            "Probleemanalyse door de bedrijfsarts (week 6)",
            counting.week(6),
            done_analysis,
        ),
        (
            "plan-van-aanpak",
            "Plan van aanpak opgesteld (week 8)",
            counting.week(8),
            plan,
        ),
        (
            "ziekmelding-uwv",
            "Ziekmelding bij UWV (42e week)",
            counting.week(42),
            recorded("verzuim.ziekmelding_uwv"),
        ),
        (
            "eerstejaarsevaluatie",
            "Eerstejaarsevaluatie (week 52)",
            counting.week(52),
            recorded("verzuim.eerstejaarsevaluatie"),
        ),
        (
            "re-integratieverslag",
            "Re-integratieverslag klaar (week 91)",
            counting.week(91),
            false,
        ),
        (
            "wia-aanvraag",
            "WIA-aanvraag door de werknemer (uiterlijk week 93)",
            counting.week(93),
            false,
        ),
        (
            "einde-wachttijd",
            "Einde van de 104 weken loondoorbetaling",
            counting.week(104),
            false,
        ),
    ];
    let mut out: Vec<Deadline> = fixed
        .iter()
        .map(|(key, wat, day, done)| deadline(dossier, key, wat, *day, *done, today))
        .collect();
    out.extend(evaluations(dossier, today));
    out.sort_by(|a, b| (a.datum, &a.key).cmp(&(b.datum, &b.key)));
    out
}

fn counting(dossier: &Dossier, first: NaiveDate) -> Counting {
    let steps: Vec<Step> = dossier
        .base
        .get("verzuim.verloop")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|row| {
            let day = date::parse(&row.child("datum")?.text()?)?;
            let percentage = row.child("percentage")?.scalar()?.parse().ok()?;
            Some(Step {
                date: day,
                percentage,
            })
        })
        .collect();
    Counting::from_verloop(first, &steps).0
}

/// The evaluation moments agreed in the latest document.
fn evaluations(dossier: &Dossier, today: NaiveDate) -> Vec<Deadline> {
    let latest = dossier
        .documents
        .iter()
        .filter(|d| d.kind.is_some())
        .max_by_key(|d| d.text("datum").and_then(|t| date::parse(&t)));
    let Some(doc) = latest else { return Vec::new() };
    doc.get("evaluaties")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|row| {
            let day = date::parse(&row.child("wanneer")?.text()?)?;
            let wat = row
                .child("wat")
                .and_then(Node::text)
                .unwrap_or_else(|| "Evaluatie".into());
            let key = format!("evaluatie-{}", day.format("%Y%m%d"));
            Some(deadline(
                dossier,
                &key,
                &format!("Evaluatie: {wat}"),
                day,
                day < today,
                today,
            ))
        })
        .collect()
}

fn deadline(
    dossier: &Dossier,
    key: &str,
    wat: &str,
    datum: NaiveDate,
    done: bool,
    today: NaiveDate,
) -> Deadline {
    let status = if done {
        Status::Gedaan
    } else if datum < today {
        Status::Verlopen
    } else if datum <= today + Duration::days(14) {
        Status::Binnenkort
    } else {
        Status::Gepland
    };
    Deadline {
        dossier: crate::report::display(&dossier.dir),
        werknemer: dossier
            .base
            .get("werknemer.naam")
            .and_then(Node::text)
            .unwrap_or_default(),
        key: key.to_string(),
        wat: wat.to_string(),
        datum,
        status,
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
