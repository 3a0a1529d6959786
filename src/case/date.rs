//! Calendar dates: ISO in the case files, Dutch in the PDF.

use chrono::{Datelike, NaiveDate};

/// Parses an ISO `YYYY-MM-DD` date; `None` when malformed or not a real day.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 10 || text.as_bytes()[4] != b'-' || text.as_bytes()[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// `14-07-2026`, the short form on the forms.
pub fn short(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// The months, in Dutch, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// `14 juli 2026`.
pub fn long(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(parse("2026-07-14"), NaiveDate::from_ymd_opt(2026, 7, 14));
        assert_eq!(parse("2026-02-30"), None);
        assert_eq!(parse("14-07-2026"), None);
        assert_eq!(parse("2026-7-14"), None);
    }

    #[test]
    fn formats_in_dutch() {
        let d = NaiveDate::from_ymd_opt(2026, 7, 4).unwrap();
        assert_eq!(short(d), "04-07-2026");
        assert_eq!(long(d), "4 juli 2026");
    }
}
