//! The dossier's time, counted once: lint, agenda and templates all read
//! this module, so they cannot disagree.
//!
//! Day 1 is the first sick day D. "Week N" ends on D + 7N: after that date
//! the deadline has passed; on the day before, a warning is due. When an
//! earlier period of sickness counts along (samengesteld verzuim: a break of
//! less than four weeks), the days of the break do not count, so every
//! deadline moves by the length of the breaks before it. The 104 weeks end
//! on D + 727 (their last day). The period ends earlier when the employee
//! recovers (a 0 % row not followed by new sickness within 28 days) or when
//! the employment ends (`verzuim.einde_dienstverband`, its last day).

use chrono::{Duration, Months, NaiveDate};

use super::node::{Node, Pos};
use super::paths;
use super::periods::{Earlier, Later, Links};

/// Breaks shorter than this (in days) join two periods into one.
pub const SAMENTELLING_DAYS: i64 = 28;

/// Days from D to the last day of the 104 weeks.
pub const LAST_DAY: i64 = 727;

/// Employment whose last day L comes before D + this asks for a verkort
/// re-integratieverslag instead of a plan: RIVV art. 2a wants the time from
/// the first sick day to the last day "korter dan tien weken", and D … L
/// counts L − D + 1 days, so L − D + 1 < 70, L ≤ D + 68. On D + 69 the
/// employee was sick ten full weeks (week 10 is D + 63 … D + 69).
pub const VERKORT_DAYS: i64 = 69;

/// Employment whose last day comes before D + this needs no
/// re-integratieverslag at all (BKP: "zes weken of langer" asks one):
/// D … L shorter than six weeks, L − D + 1 < 42, L ≤ D + 40.
pub const NO_VERSLAG_DAYS: i64 = 41;

/// How long after the end of the period the data may be kept (AP).
pub const RETENTION_MONTHS: u32 = 24;

/// Days UWV gives to send the re-integratieverslag after a ziek-uit-dienstmelding.
pub const ZIEK_UIT_DIENST_DAYS: i64 = 14;

/// Days the employer has to make the plan after receiving the analysis.
pub const PLAN_AFTER_ANALYSIS_DAYS: i64 = 14;

/// One row of `verzuim.verloop`: a date and the percentage from that date on.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// From this date…
    pub date: NaiveDate,
    /// …the employee is this percentage arbeidsongeschikt; `None` when the
    /// row has no readable percentage (it is then not counted).
    pub percentage: Option<f64>,
    /// Where the row's date is written.
    pub pos: Pos,
}

/// One probleemanalyse of the bedrijfsarts: the first, or a bijstelling.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The date of the bedrijfsarts' oordeel.
    pub datum: Option<NaiveDate>,
    /// The date the employer received it.
    pub ontvangen_op: Option<NaiveDate>,
    /// The einddoel the bedrijfsarts advises.
    pub advies_einddoel: Option<String>,
    /// False when the bedrijfsarts sees no duurzaam benutbare mogelijkheden:
    /// then no Plan van aanpak is made.
    pub advises_plan: bool,
    /// Where it is written.
    pub pos: Pos,
}

impl Analysis {
    /// The day it counts from: when it was received, else its own date.
    pub fn effective(&self) -> Option<NaiveDate> {
        self.ontvangen_op.or(self.datum)
    }
}

/// Why a period of sickness ended before the 104 weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// Recovered: from this date 0 %, not sick again within 28 days.
    Recovered,
    /// The employment ended (its last day is the day before `ends_on`).
    EmploymentEnded,
}

/// The end of the period: the first day it no longer runs, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct End {
    /// The first day the employer's obligations no longer run.
    pub from: NaiveDate,
    /// Why.
    pub reason: EndReason,
}

/// The counted time of one dossier.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The first sick day of the (combined) period: day 1.
    pub first: NaiveDate,
    /// Breaks that do not count: (first fit day, day sick again).
    pub breaks: Vec<(NaiveDate, NaiveDate)>,
    /// A period found in the verloop after a break of four weeks or more:
    /// a new sickness, which needs its own dossier.
    pub new_period: Option<NaiveDate>,
    /// The period before `new_period`: (its first sick day, its first fit day).
    pub period_before: Option<(NaiveDate, NaiveDate)>,
    /// Recovery: the first fit day of a 0 % row not followed by new sickness
    /// within 28 days.
    pub recovered: Option<NaiveDate>,
    /// The last day of the employment, if it ends.
    pub employment_end: Option<NaiveDate>,
    /// The probleemanalyse and its bijstellingen, in dossier order.
    pub analyses: Vec<Analysis>,
    /// This dossier's own first sick day (of its own period): `first`
    /// unless an earlier dossier's period counts along.
    pub own_first: NaiveDate,
    /// The earlier dossier of the same employee counted along (BW 7:629
    /// lid 10); steps due before `own_first` are judged there.
    pub earlier: Option<Earlier>,
    /// The later dossier in which this period runs on.
    pub later: Option<Later>,
}

impl Timeline {
    /// Counting from `first` with no breaks, no end and no analysis.
    pub fn new(first: NaiveDate) -> Timeline {
        Timeline {
            first,
            breaks: Vec::new(),
            new_period: None,
            period_before: None,
            recovered: None,
            employment_end: None,
            analyses: Vec::new(),
            own_first: first,
            earlier: None,
            later: None,
        }
    }

    /// The timeline of a dossier: its own data, counted along with the
    /// dossiers of the same employee it is linked to.
    pub fn of_dossier(dossier: &super::Dossier) -> Option<Timeline> {
        Some(Timeline::of(&dossier.base)?.linked(&dossier.links))
    }

    /// Counts from the earlier dossier's first sick day, without the days
    /// between, and knows where the period runs on.
    pub fn linked(mut self, links: &Links) -> Timeline {
        if let Some(earlier) = &links.earlier {
            self.first = earlier.first;
            let own = std::mem::take(&mut self.breaks);
            self.breaks = earlier.breaks.iter().copied().chain(own).collect();
            self.earlier = Some(earlier.clone());
        }
        self.later = links.later.clone();
        self
    }

    /// The timeline of a dossier's merged data; `None` without a readable
    /// first sick day.
    pub fn of(data: &Node) -> Option<Timeline> {
        let first = data.get(paths::EERSTE_ZIEKTEDAG)?.as_date()?;
        let mut timeline = Timeline::new(first).with_verloop(&verloop(data));
        timeline.employment_end = data.get(paths::EINDE_DIENSTVERBAND).and_then(Node::as_date);
        // An analysis of an earlier period does not serve this one.
        let start = timeline.first;
        timeline.analyses = analyses(data)
            .into_iter()
            .filter(|a| a.effective().is_none_or(|day| day >= start))
            .collect();
        Some(timeline)
    }

    /// Adds the breaks, a new period and a recovery found in `verloop`.
    pub fn with_verloop(mut self, verloop: &[Step]) -> Timeline {
        let mut fit_since: Option<NaiveDate> = None;
        for step in verloop {
            let Some(percentage) = step.percentage else {
                continue;
            };
            match (fit_since, percentage > 0.0) {
                (None, false) => fit_since = Some(step.date),
                (Some(fit), true) => {
                    if (step.date - fit).num_days() < SAMENTELLING_DAYS {
                        self.breaks.push((fit, step.date));
                    } else {
                        self.new_period = Some(step.date);
                        self.period_before = Some((self.first, fit));
                        self.first = step.date;
                        self.own_first = step.date;
                        self.breaks.clear();
                    }
                    fit_since = None;
                }
                _ => {}
            }
        }
        self.recovered = fit_since;
        self
    }

    /// The last day of the deadline "week `n`": D + 7n plus the breaks before it.
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

    /// The last day of the 104 weeks (D + 727, breaks not counted).
    pub fn last_day(&self) -> NaiveDate {
        self.after_days(LAST_DAY)
    }

    /// The end of the period before the 104 weeks are over, if any: the
    /// earlier of recovery and the end of the employment.
    pub fn end(&self) -> Option<End> {
        let recovered = self.recovered.map(|from| End {
            from,
            reason: EndReason::Recovered,
        });
        let left = self.employment_end.map(|last| End {
            from: last + Duration::days(1),
            reason: EndReason::EmploymentEnded,
        });
        [recovered, left]
            .into_iter()
            .flatten()
            .min_by_key(|e| e.from)
            .filter(|e| e.from <= self.last_day())
    }

    /// The first day the employer's duties no longer run: the end of the
    /// period, else the day after the 104 weeks.
    pub fn over_from(&self) -> NaiveDate {
        self.end()
            .map_or(self.last_day() + Duration::days(1), |e| e.from)
    }

    /// True when a step due on `due` no longer has to be taken because the
    /// period ended before it.
    pub fn is_moot(&self, due: NaiveDate) -> bool {
        self.end().is_some_and(|e| due >= e.from)
    }

    /// Whether the employment ends within ten weeks of D (a verkort
    /// re-integratieverslag instead of a plan): its last day is D + 68 or
    /// earlier.
    pub fn ends_within_ten_weeks(&self) -> bool {
        self.employment_end
            .is_some_and(|e| e < self.after_days(VERKORT_DAYS))
    }

    /// Whether an employment that ends asks a re-integratieverslag: the
    /// employee was sick six weeks or more by its last day (D + 41 or later).
    pub fn verslag_at_end_of_employment(&self) -> bool {
        self.employment_end
            .is_some_and(|e| e >= self.after_days(NO_VERSLAG_DAYS))
    }

    /// The last day the dossier's data may be kept: two years after the
    /// period ended (recovery, end of employment, or the end of the 104 weeks).
    pub fn removal_due(&self) -> Option<NaiveDate> {
        // A period that runs on in a later dossier ends with that one.
        self.later
            .as_ref()
            .map_or_else(|| self.over_from(), |l| l.over_from)
            .checked_add_months(Months::new(RETENTION_MONTHS))
    }

    /// The analysis in force on `day`: the latest received on or before it.
    pub fn analysis_at(&self, day: NaiveDate) -> Option<&Analysis> {
        self.analyses
            .iter()
            .filter(|a| a.effective().is_some_and(|e| e <= day))
            .max_by_key(|a| a.effective())
    }

    /// The first analysis that advises a plan, or `None` when there is no
    /// analysis yet.
    fn first_advising_plan(&self) -> Option<&Analysis> {
        self.analyses.iter().find(|a| a.advises_plan)
    }

    /// Whether a plan is needed: not when every analysis recorded says there
    /// are no duurzaam benutbare mogelijkheden.
    pub fn plan_needed(&self) -> bool {
        self.analyses.is_empty() || self.first_advising_plan().is_some()
    }

    /// The last day for the Plan van aanpak: the earlier of week 8 and two
    /// weeks after the analysis was received. When the first analysis saw no
    /// possibilities, two weeks after the bijstelling that does ("maak een
    /// Plan van aanpak zodra u de Bijstelling van de Probleemanalyse binnen
    /// heeft"). `None` when no plan is needed.
    pub fn plan_due(&self) -> Option<NaiveDate> {
        let week8 = self.week(8);
        let Some(analysis) = self.first_advising_plan() else {
            return self.analyses.is_empty().then_some(week8);
        };
        let after = analysis
            .effective()
            .map(|d| d + Duration::days(PLAN_AFTER_ANALYSIS_DAYS));
        let is_first = self.analyses.first().is_some_and(|a| a.advises_plan);
        Some(match after {
            Some(after) if is_first => after.min(week8),
            Some(after) => after,
            None => week8,
        })
    }
}

/// The rows of `verzuim.verloop` with a readable date, in file order.
pub fn verloop(data: &Node) -> Vec<Step> {
    data.get(paths::VERLOOP)
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|row| {
            let node = row.child("datum")?;
            Some(Step {
                date: node.as_date()?,
                percentage: row
                    .child("percentage")
                    .and_then(Node::scalar)
                    .and_then(|p| p.trim().parse().ok()),
                pos: node.pos.clone(),
            })
        })
        .collect()
}

/// The probleemanalyse and its bijstellingen as written.
pub fn analyses(data: &Node) -> Vec<Analysis> {
    let Some(group) = data.get(paths::PROBLEEMANALYSE) else {
        return Vec::new();
    };
    let first = analysis(group).filter(|a| a.datum.is_some() || a.ontvangen_op.is_some());
    let later = group
        .child("bijstellingen")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(analysis);
    first.into_iter().chain(later).collect()
}

fn analysis(node: &Node) -> Option<Analysis> {
    let day = |key: &str| node.child(key).and_then(Node::as_date);
    let pos = node
        .child("datum")
        .map_or(node.pos.clone(), |n| n.pos.clone());
    Some(Analysis {
        datum: day("datum"),
        ontvangen_op: day("ontvangen_op"),
        advies_einddoel: node.child("advies_einddoel").and_then(Node::text),
        advises_plan: node
            .child("geen_benutbare_mogelijkheden")
            .and_then(Node::as_bool)
            != Some(true),
        pos,
    })
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
