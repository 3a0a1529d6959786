//! Skeletons of the other parts of the re-integratieverslag: the
//! evaluatieverslag, eerstejaarsevaluatie, eindevaluatie and verkort
//! re-integratieverslag. The front matter is the form's row's; the body
//! has every heading the form knows, in form order. Nothing medical is asked.

use chrono::NaiveDate;

use crate::case::schema;

/// The skeleton of a report with the front-matter `fields`, of the form
/// keyed `key` whose body has the headings of `headings`, dated `day`.
pub(super) fn skeleton(key: &str, fields: &str, headings: &[&str], day: NaiveDate) -> String {
    let body: String = headings
        .iter()
        .filter_map(|path| schema::HEADINGS.iter().find(|h| h.path == *path))
        .map(|h| format!("\n## {}\n", h.title))
        .collect();
    format!(
        "---
document: {key}
# Datum van het gesprek of het verslag.
datum: {day}
{fields}
ondertekening:
  werknemer:
    datum:        # JJJJ-MM-DD, zodra de werknemer heeft getekend
  werkgever:
    datum:        # JJJJ-MM-DD; naam en functie komen van de casemanager
---
{body}"
    )
}
