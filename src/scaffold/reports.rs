//! Skeletons of the other parts of the re-integratieverslag: the
//! evaluatieverslag, eerstejaarsevaluatie, eindevaluatie and verkort
//! re-integratieverslag. Every question of the form is there, with a comment
//! saying what it asks; nothing medical is asked.

use chrono::NaiveDate;

use crate::case::DocKind;

/// The skeleton of a document of `kind` (not a plan or bijstelling), dated `day`.
pub(super) fn skeleton(kind: DocKind, day: NaiveDate) -> String {
    let (fields, body) = match kind {
        DocKind::Evaluatie => (EVALUATIE_FIELDS, EVALUATIE_BODY),
        DocKind::Eerstejaars => (EERSTEJAARS_FIELDS, EERSTEJAARS_BODY),
        DocKind::Eind => ("", EIND_BODY),
        _ => ("", VERKORT_BODY),
    };
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
{body}",
        key = kind.key()
    )
}

const EVALUATIE_FIELDS: &str = "
# Wie namen deel aan het gesprek (werknemer, leidinggevende, casemanager …).
deelnemers:
  - naam:
    functie:

# Moet het Plan van aanpak worden bijgesteld? true of false. Bij true: zeg
# onder `## Toelichting bijstelling` wat er verandert, en maak daarna een
# Bijstelling Plan van aanpak (pva new bijstelling).
bijstelling_nodig:

# De volgende evaluatiemomenten (minstens eens per zes weken).
evaluaties:
  - wanneer:
    wat:
    wie:
";

const EVALUATIE_BODY: &str = "
## Besproken en afgesproken

## Toelichting bijstelling
";

const EERSTEJAARS_FIELDS: &str = "
# Wie namen deel aan het gesprek.
deelnemers:
  - naam:
    functie:

# Is het einddoel van de re-integratie nog juist? true of false.
einddoel_juist:
einddoel:
  # Het einddoel voor het tweede jaar: ongewijzigd, eigen_functie,
  # gedeeltelijk_eigen_functie, andere_functie_eigen_werkgever,
  # gedeeltelijk_andere_functie_eigen_werkgever, andere_werkgever, ander
  keuze:

spoor_2:
  # Is een tweede spoor (werk bij een andere werkgever) nodig? true of false.
  # Zeg onder `## Tweede spoor` waarom wel of niet.
  nodig:
";

const EERSTEJAARS_BODY: &str = "
## Eerste ziektejaar

## Tweede spoor

## Afspraken tweede ziektejaar

## Visie werknemer

## Visie werkgever
";

const EIND_BODY: &str = "
## Stand van zaken

## Passende arbeid

## Visie werknemer

## Visie werkgever
";

const VERKORT_BODY: &str = "
## Stand van zaken

## Oordeel werknemer
";
