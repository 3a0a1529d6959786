use super::*;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The worked example of the domain facts (§2.1), D = 2024-01-08.
#[test]
fn worked_example() {
    let c = Counting::new(d("2024-01-08"));
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
}

#[test]
fn short_break_shifts_later_deadlines_only() {
    let verloop = [
        Step {
            date: d("2024-01-08"),
            percentage: 100.0,
        },
        Step {
            date: d("2024-01-22"),
            percentage: 0.0,
        },
        Step {
            date: d("2024-02-05"),
            percentage: 100.0,
        },
    ];
    let (c, new) = Counting::from_verloop(d("2024-01-08"), &verloop);
    assert_eq!(new, None);
    assert_eq!(c.breaks, vec![(d("2024-01-22"), d("2024-02-05"))]);
    // 14 fit days do not count: week 8 moves from 2024-03-04 to 2024-03-18.
    assert_eq!(c.week(8), d("2024-03-18"));
    // A deadline before the break is not moved.
    assert_eq!(c.after_days(7), d("2024-01-15"));
}

#[test]
fn break_of_four_weeks_starts_a_new_period() {
    let verloop = [
        Step {
            date: d("2024-01-08"),
            percentage: 100.0,
        },
        Step {
            date: d("2024-01-22"),
            percentage: 0.0,
        },
        Step {
            date: d("2024-02-19"),
            percentage: 50.0,
        },
    ];
    let (c, new) = Counting::from_verloop(d("2024-01-08"), &verloop);
    assert_eq!(
        new,
        Some(NewPeriod {
            start: d("2024-02-19")
        })
    );
    assert_eq!(c.first, d("2024-02-19"));
    assert!(c.breaks.is_empty());
}

#[test]
fn break_of_27_days_still_counts_together() {
    let verloop = [
        Step {
            date: d("2024-01-22"),
            percentage: 0.0,
        },
        Step {
            date: d("2024-02-18"),
            percentage: 100.0,
        },
    ];
    let (c, new) = Counting::from_verloop(d("2024-01-08"), &verloop);
    assert_eq!(new, None);
    assert_eq!(c.week(8), d("2024-03-04") + Duration::days(27));
}

#[test]
fn standing_warns_from_the_day_before() {
    let due = d("2024-03-04");
    assert_eq!(standing(d("2024-03-02"), due), Standing::Ahead);
    assert_eq!(standing(d("2024-03-03"), due), Standing::Due);
    assert_eq!(standing(d("2024-03-04"), due), Standing::Due);
    assert_eq!(standing(d("2024-03-05"), due), Standing::Late);
}
