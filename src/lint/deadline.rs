//! The day-counting convention of every timing rule, in one place.
//!
//! Day 1 is the first sick day D. "Week N" ends on D + 7N: after that date
//! the deadline has passed; on the day before, a warning is due. When an
//! earlier period of sickness counts along (samengesteld verzuim: a break of
//! less than four weeks), the days of the break do not count, so every
//! deadline moves by the length of the breaks before it.

use chrono::{Duration, NaiveDate};

/// Breaks shorter than this (in days) join two periods into one.
pub const SAMENTELLING_DAYS: i64 = 28;

/// The sickness periods of a dossier, as counted for deadlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counting {
    /// The first sick day of the (combined) period: day 1.
    pub first: NaiveDate,
    /// Breaks that do not count: (first fit day, day sick again).
    pub breaks: Vec<(NaiveDate, NaiveDate)>,
}

/// One row of `verzuim.verloop`: a date and the percentage from that date on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// From this date…
    pub date: NaiveDate,
    /// …the employee is this percentage arbeidsongeschikt.
    pub percentage: f64,
}

/// A period starting after a break of four weeks or more: a new sickness,
/// whose first day should be `verzuim.eerste_ziektedag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewPeriod {
    /// Its first sick day.
    pub start: NaiveDate,
}

impl Counting {
    /// Counting from `first` with no breaks.
    pub fn new(first: NaiveDate) -> Counting {
        Counting {
            first,
            breaks: Vec::new(),
        }
    }

    /// Counting from `first` with the breaks found in `verloop` (a row of 0%
    /// followed by a row above 0%). A break of four weeks or more starts a new
    /// period, which is returned so lint can report it.
    pub fn from_verloop(first: NaiveDate, verloop: &[Step]) -> (Counting, Option<NewPeriod>) {
        let mut counting = Counting::new(first);
        let mut new_period = None;
        let mut fit_since: Option<NaiveDate> = None;
        for step in verloop {
            match (fit_since, step.percentage > 0.0) {
                (None, false) => fit_since = Some(step.date),
                (Some(fit), true) => {
                    if (step.date - fit).num_days() < SAMENTELLING_DAYS {
                        counting.breaks.push((fit, step.date));
                    } else {
                        new_period = Some(NewPeriod { start: step.date });
                        counting = Counting::new(step.date);
                    }
                    fit_since = None;
                }
                _ => {}
            }
        }
        (counting, new_period)
    }

    /// The last day of the deadline "week `n`": D + 7n plus the breaks that began before it.
    pub fn week(&self, n: i64) -> NaiveDate {
        self.after_days(7 * n)
    }

    /// The date `days` counted sick days after D (D + days, breaks not counted).
    pub fn after_days(&self, days: i64) -> NaiveDate {
        let mut due = self.first + Duration::days(days);
        for (fit, sick_again) in &self.breaks {
            if *fit <= due {
                due += *sick_again - *fit;
            }
        }
        due
    }
}

/// How a date stands against a deadline on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// More than a day left.
    Ahead,
    /// The deadline is tomorrow or today.
    Due,
    /// Past the deadline.
    Late,
}

/// Where `day` stands against deadline `due` (warnings from the day before).
pub fn standing(day: NaiveDate, due: NaiveDate) -> Standing {
    if day > due {
        Standing::Late
    } else if day >= due - Duration::days(1) {
        Standing::Due
    } else {
        Standing::Ahead
    }
}

#[cfg(test)]
mod tests;
