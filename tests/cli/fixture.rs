//! A small, complete and valid dossier. Lint tests change one thing in it
//! and check the exact finding. Line numbers below are file lines.

use crate::support::Project;

/// `cases/d/dossier.yaml`
pub(crate) const DOSSIER: &str = "\
werkgever:
  bedrijfsnaam: Bakkerij Brood B.V.
  contactpersoon:
    naam: Eva Smit
    telefoon: 030 - 123 45 67
werknemer:
  naam: Jan Jansen
  bsn: \"111222333\"
  adres: Dorpsstraat 1
  postcode: 3511 AB
  plaats: Utrecht
  geboortedatum: 1980-05-05
casemanager:
  naam: Eva Smit
  functie: HR-adviseur
arbodienst:
  naam: Arbo B.V.
  vestiging: Arbo Utrecht
  adres: Laan 2
  postcode: 3512 CD
  plaats: Utrecht
  bedrijfsarts: P. Arts
  contactpersoon:
    naam: Piet Post
    telefoon: 06 - 1234 5678
    email: piet@arbo.nl
verzuim:
  eerste_ziektedag: 2026-01-05
  verloop:
    - datum: 2026-01-05
      percentage: 100
  ziekmelding_uwv: 2026-10-20
  evaluaties_gehouden:
    - datum: 2026-03-19
    - datum: 2026-04-30
    - datum: 2026-06-11
    - datum: 2026-07-23
    - datum: 2026-09-03
    - datum: 2026-10-15
    - datum: 2026-11-26
    - datum: 2027-01-07
probleemanalyse:
  datum: 2026-02-09
";

/// `cases/d/plan.md`
pub(crate) const PLAN: &str = "\
---
document: plan-van-aanpak
datum: 2026-02-19
einddoel:
  keuze: eigen_functie
afspraken:
  - probleemveld: arbeidsinhoud
    activiteit: Minder uren
    door: Leidinggevende
    planning: maart 2026
evaluaties:
  - wanneer: 2026-03-19
    wat: Voortgang
    wie: Werknemer en casemanager
evaluatie_probleemanalyse: Spreekuur in maart.
ondertekening:
  werknemer:
    datum: 2026-02-19
  werkgever:
    datum: 2026-02-19
---
Notitie.

## Te nemen stappen

Opbouw van uren.

## Visie werknemer

Ik wil terug.

## Visie werkgever

Wij ook.
";

/// `cases/d/bijstelling.md`, amending the plan.
pub(crate) const BIJSTELLING: &str = "\
---
document: bijstelling
datum: 2026-03-26
einddoel:
  keuze: andere_functie_eigen_werkgever
obstakels:
  aanwezig: false
evaluaties:
  - wanneer: 2026-04-23
    wat: Voortgang
    wie: Werknemer en casemanager
ondertekening:
  werknemer:
    datum: 2026-03-26
  werkgever:
    datum: 2026-03-26
---
## Afspraken nabije toekomst

Werken in de administratie.

## Visie werknemer

Goed.

## Visie werkgever

Goed.
";

/// The fixture's documents are signed but not frozen, and have no signed
/// copy: PVA054 and PVA044 would be in every expected list. They are
/// switched off here and tested on their own (tests/cli/signed.rs).
pub(crate) const CONFIG: &str = "[lint]\nPVA054 = \"off\"\nPVA044 = \"off\"\n";

/// A project with the fixture dossier; `edit` may change its files first.
pub(crate) fn project(dossier: &str, plan: &str) -> Project {
    Project::new()
        .file("pva.toml", CONFIG)
        .file("cases/d/dossier.yaml", dossier)
        .file("cases/d/plan.md", plan)
}

/// Replaces exactly one occurrence of `from` (the test fails if there is none).
#[track_caller]
pub(crate) fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "fixture edit {from:?} must match once"
    );
    text.replacen(from, to, 1)
}
