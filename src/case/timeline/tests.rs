use std::path::Path;
use std::sync::Arc;

use super::*;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn step(day: &str, percentage: f64) -> Step {
    Step {
        date: d(day),
        percentage: Some(percentage),
        pos: Pos {
            file: Arc::from(Path::new("dossier.yaml")),
            line: 1,
            col: 1,
        },
    }
}

fn analysis(received: &str, advises_plan: bool) -> Analysis {
    Analysis {
        datum: None,
        ontvangen_op: Some(d(received)),
        advies_einddoel: None,
        advises_plan,
        pos: step(received, 0.0).pos,
    }
}

/// The worked example of the domain facts (§2.1), D = 2024-01-08.
#[test]
fn worked_example() {
    let c = Timeline::new(d("2024-01-08"));
    let table = [
        (41, "2024-02-18"),
        (42, "2024-02-19"),
        (55, "2024-03-03"),
        (56, "2024-03-04"),
        (69, "2024-03-17"),
        (70, "2024-03-18"),
        (294, "2024-10-28"),
        (363, "2025-01-05"),
        (622, "2025-09-21"),
        (637, "2025-10-06"),
        (651, "2025-10-20"),
        (686, "2025-11-24"),
        (727, "2026-01-04"),
        (728, "2026-01-05"),
    ];
    for (days, expected) in table {
        assert_eq!(c.after_days(days), d(expected), "D+{days}");
    }
    assert_eq!(c.week(6), d("2024-02-19"));
    assert_eq!(c.week(8), d("2024-03-04"));
    assert_eq!(c.week(42), d("2024-10-28"));
    // The 104 weeks end on their last day, D + 727, not the day after.
    assert_eq!(c.last_day(), d("2026-01-04"));
    assert_eq!(c.over_from(), d("2026-01-05"));
}

#[test]
fn short_break_shifts_later_deadlines_only() {
    let c = Timeline::new(d("2024-01-08")).with_verloop(&[
        step("2024-01-08", 100.0),
        step("2024-01-22", 0.0),
        step("2024-02-05", 100.0),
    ]);
    assert_eq!(c.new_period, None);
    assert_eq!(c.recovered, None);
    assert_eq!(c.breaks, vec![(d("2024-01-22"), d("2024-02-05"))]);
    // 14 fit days do not count: week 8 moves from 2024-03-04 to 2024-03-18.
    assert_eq!(c.week(8), d("2024-03-18"));
    // A deadline before the break is not moved.
    assert_eq!(c.after_days(7), d("2024-01-15"));
}

#[test]
fn break_of_four_weeks_starts_a_new_period() {
    let c = Timeline::new(d("2024-01-08")).with_verloop(&[
        step("2024-01-08", 100.0),
        step("2024-01-22", 0.0),
        step("2024-02-19", 50.0),
    ]);
    assert_eq!(c.new_period, Some(d("2024-02-19")));
    assert_eq!(c.first, d("2024-02-19"));
    assert!(c.breaks.is_empty());
}

#[test]
fn break_of_27_days_still_counts_together() {
    let c = Timeline::new(d("2024-01-08"))
        .with_verloop(&[step("2024-01-22", 0.0), step("2024-02-18", 100.0)]);
    assert_eq!(c.new_period, None);
    assert_eq!(c.week(8), d("2024-03-04") + Duration::days(27));
}

#[test]
fn a_last_row_of_zero_is_recovery_and_ends_the_period() {
    let c = Timeline::new(d("2024-01-08"))
        .with_verloop(&[step("2024-01-08", 100.0), step("2024-04-01", 0.0)]);
    assert_eq!(c.recovered, Some(d("2024-04-01")));
    let end = c.end().unwrap();
    assert_eq!(
        (end.from, end.reason),
        (d("2024-04-01"), EndReason::Recovered)
    );
    assert!(c.is_moot(c.week(42)));
    assert!(!c.is_moot(c.week(8)));
}

#[test]
fn a_row_without_percentage_is_not_counted() {
    let mut unknown = step("2024-01-22", 0.0);
    unknown.percentage = None;
    let c = Timeline::new(d("2024-01-08")).with_verloop(&[step("2024-01-08", 100.0), unknown]);
    assert_eq!(c.recovered, None);
    assert!(c.breaks.is_empty());
}

#[test]
fn end_of_employment_ends_the_period_the_day_after() {
    let mut c = Timeline::new(d("2024-01-08"));
    c.employment_end = Some(d("2024-03-16"));
    assert_eq!(c.end().unwrap().from, d("2024-03-17"));
    assert_eq!(c.end().unwrap().reason, EndReason::EmploymentEnded);
    // D … L shorter than ten weeks: L on D+67 or D+68 is within ten weeks;
    // on D+69 the employee was sick all of week 10, so it is not.
    c.employment_end = Some(d("2024-03-15"));
    assert!(c.ends_within_ten_weeks());
    c.employment_end = Some(d("2024-03-16"));
    assert!(c.ends_within_ten_weeks());
    c.employment_end = Some(d("2024-03-17"));
    assert!(!c.ends_within_ten_weeks());
}

#[test]
fn employment_ending_within_six_weeks_needs_no_verslag() {
    // D = 2024-01-08: D+40 = 2024-02-17, D+41 = 2024-02-18, D+42 = 2024-02-19.
    let mut c = Timeline::new(d("2024-01-08"));
    for (last, verslag) in [
        ("2024-02-17", false),
        ("2024-02-18", true),
        ("2024-02-19", true),
    ] {
        c.employment_end = Some(d(last));
        assert_eq!(c.verslag_at_end_of_employment(), verslag, "{last}");
    }
}

#[test]
fn plan_due_is_the_earlier_of_week_8_and_two_weeks_after_the_analysis() {
    let mut c = Timeline::new(d("2024-01-08"));
    assert_eq!(c.plan_due(), Some(d("2024-03-04")));
    c.analyses = vec![analysis("2024-02-01", true)];
    assert_eq!(c.plan_due(), Some(d("2024-02-15")));
    c.analyses = vec![analysis("2024-02-26", true)];
    assert_eq!(c.plan_due(), Some(d("2024-03-04")));
}

#[test]
fn no_plan_until_an_analysis_sees_possibilities() {
    let mut c = Timeline::new(d("2024-01-08"));
    c.analyses = vec![analysis("2024-02-15", false)];
    assert!(!c.plan_needed());
    assert_eq!(c.plan_due(), None);
    c.analyses.push(analysis("2024-06-03", true));
    assert!(c.plan_needed());
    assert_eq!(c.plan_due(), Some(d("2024-06-17")));
    assert!(!c.analysis_at(d("2024-05-01")).unwrap().advises_plan);
    assert!(c.analysis_at(d("2024-06-03")).unwrap().advises_plan);
    assert!(c.analysis_at(d("2024-01-20")).is_none());
}

#[test]
fn standing_warns_from_the_day_before() {
    let due = d("2024-03-04");
    assert_eq!(standing(d("2024-03-02"), due), Standing::Ahead);
    assert_eq!(standing(d("2024-03-03"), due), Standing::Due);
    assert_eq!(standing(d("2024-03-04"), due), Standing::Due);
    assert_eq!(standing(d("2024-03-05"), due), Standing::Late);
}
