//! The patterns against the lint's own checks: the schema may leave a check
//! to the lint (elfproef, 30 February), but never reject what the lint accepts.

use super::*;
use crate::lint::formats;

fn matches(pattern: &str, text: &str) -> bool {
    let schema = text_pattern(pattern);
    jsonschema::draft7::is_valid(&schema, &json!(text))
}

#[track_caller]
fn agrees(pattern: &str, lint_ok: fn(&str) -> bool, samples: &[&str], rejected: &[&str]) {
    for text in samples {
        if lint_ok(text) {
            assert!(
                matches(pattern, text),
                "lint accepts {text:?}, the schema not"
            );
        }
    }
    for text in rejected {
        assert!(!lint_ok(text), "lint accepts {text:?}");
        assert!(!matches(pattern, text), "the schema accepts {text:?}");
    }
}

#[test]
fn postcodes_as_the_lint() {
    let samples = [
        "3511 AB", "3511ab", "3511  AB", "9999 ZZ", "3511 SB", "3511 XS",
    ];
    let rejected = [
        "0511 AB", "3511 SS", "3511 sa", "3511 SD", "351 AB", "3511 A1",
    ];
    agrees(POSTCODE, formats::postcode_ok, &samples, &rejected);
}

#[test]
fn phone_numbers_as_the_lint() {
    let samples = [
        "0900 - 92 95",
        "030-1234567",
        "06 12345678",
        "+31 6 1234 5678",
        "0031 30 123 4567",
        "(030) 123 45 67",
        "030 - 244 18 90",
    ];
    let rejected = ["12345", "bel me", "0800 12", "030/1234567"];
    agrees(PHONE, formats::phone_ok, &samples, &rejected);
}

#[test]
fn emails_as_the_lint() {
    let samples = ["p.devries@arbo-unie.nl", "i.smit@vandijk-installatie.nl"];
    let rejected = ["p.devries@arbo", "p devries@arbo.nl", "arbo.nl", "a@b@c.nl"];
    agrees(EMAIL, formats::email_ok, &samples, &rejected);
}

#[test]
fn dates_as_the_lint() {
    let lint_ok = |t: &str| crate::case::date::parse(t).is_some();
    let samples = ["2026-07-14", "2028-02-29", "2026-12-31"];
    let rejected = [
        "14-07-2026",
        "2026-7-14",
        "2026-13-01",
        "2026-07-32",
        "20260714",
    ];
    agrees(DATE, lint_ok, &samples, &rejected);
}

#[test]
fn bsn_is_nine_digits_the_elfproef_stays_with_the_lint() {
    let lint_ok = |t: &str| t.len() == 9 && t.chars().all(|c| c.is_ascii_digit());
    agrees(
        BSN,
        lint_ok,
        &["111222333", "012345678"],
        &["12345678", "1112223334", "11122233a"],
    );
    assert!(
        matches(BSN, "111222334"),
        "fails the elfproef: PVA030 says so"
    );
}

#[test]
fn empty_values_are_allowed_as_in_the_lint() {
    for pattern in [DATE, BSN, POSTCODE, PHONE, EMAIL] {
        assert!(matches(pattern, ""), "{pattern}");
        assert!(jsonschema::draft7::is_valid(
            &text_pattern(pattern),
            &Value::Null
        ));
    }
}

#[test]
fn choice_wording_per_form() {
    let eigen = &schema::EINDDOEL[1];
    assert_eq!(wording(eigen, None), "Werkhervatting in de eigen functie");
    assert_eq!(
        wording(eigen, Some(DocKind::Bijstelling)),
        "Werkhervatting in de eigen functie."
    );
    let ongewijzigd = &schema::EINDDOEL[0];
    assert_eq!(
        wording(ongewijzigd, None),
        "Nee, het einddoel is ongewijzigd"
    );
}
