//! `pva new dossier`: a new period of sickness starts with one command.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::NewError;
use crate::case::DOSSIER_FILE;
use crate::fs;

/// Creates the folder `dir` with a `dossier.yaml` skeleton whose first sick
/// day is `first_day`. Refuses when `dir` already holds a dossier.
pub fn new_dossier(dir: &Path, first_day: NaiveDate) -> Result<PathBuf, NewError> {
    let path = dir.join(DOSSIER_FILE);
    if path.exists() {
        return Err(NewError::DossierExists(dir.to_path_buf()));
    }
    let mut text = skeleton(first_day);
    // The editor finds the schema from the file's folder: only a path
    // below the project root can name it.
    if path.is_relative() {
        text = super::editor::with_modeline(&path.to_string_lossy().replace('\\', "/"), &text);
    }
    fs::write_atomic(&path, text.as_bytes())?;
    Ok(path)
}

fn skeleton(first_day: NaiveDate) -> String {
    format!(
        "\
# Dossier: één ziekteperiode van één werknemer. Gegevens hier gelden voor elk
# document in deze map; gegevens van de werkgever, casemanager en arbodienst
# staan meestal in gedeeld.yaml hoger in de map, en kunnen hier per veld
# worden overschreven. Alle velden: `pva fields`.
#
# Geen medische gegevens: geen diagnose, klachten, behandeling of behandelaar.
# Die blijven bij de bedrijfsarts.

werknemer:
  naam:                 # Voor- en achternaam
  bsn: \"\"               # Burgerservicenummer, tussen aanhalingstekens
  adres:                # Straat en huisnummer
  postcode:             # 1234 AB
  plaats:
  geboortedatum:        # JJJJ-MM-DD
  functie:              # Functie bij de werkgever

verzuim:
  # De eerste dag van arbeidsongeschiktheid (dag 1 van de 104 weken).
  eerste_ziektedag: {first_day}
  # Het percentage arbeidsongeschiktheid per datum, oplopend. 0 = hersteld;
  # wie binnen vier weken weer ziek wordt, telt door (samengesteld verzuim).
  verloop:
    - datum: {first_day}
      percentage: 100
  # Laatste dag van het dienstverband, als dat tijdens de ziekte eindigt.
  # einde_dienstverband: JJJJ-MM-DD
  # Gezette stappen, voor `pva agenda` (vul de datum in zodra het gedaan is):
  # ziekmelding_uwv: JJJJ-MM-DD          # ziekmelding bij UWV in de 42e week
  # eerstejaarsevaluatie: JJJJ-MM-DD     # eerstejaarsevaluatie (week 46-52)
  # besluit_spoor_2: JJJJ-MM-DD          # besluit over spoor 2
  # evaluaties_gehouden:                 # elke gehouden evaluatie
  #   - datum: JJJJ-MM-DD

# De probleemanalyse van de bedrijfsarts (uiterlijk week 6). Alleen datums en
# het geadviseerde einddoel: de inhoud is medisch en blijft bij de bedrijfsarts.
probleemanalyse:
  datum:                # JJJJ-MM-DD, datum van het oordeel
  ontvangen_op:         # JJJJ-MM-DD, wanneer u hem ontving (het plan volgt binnen twee weken)
  advies_einddoel:      # eigen_functie, gedeeltelijk_eigen_functie, andere_functie_eigen_werkgever, ...
  # Ziet de bedrijfsarts geen duurzaam benutbare mogelijkheden? Dan (nog) geen plan:
  # geen_benutbare_mogelijkheden: true
  # Latere bijstellingen van de probleemanalyse, elk geldt vanaf ontvangst:
  # bijstellingen:
  #   - datum: JJJJ-MM-DD
  #     ontvangen_op: JJJJ-MM-DD
  #     advies_einddoel: andere_functie_eigen_werkgever

# Gegevens die vanaf een datum anders zijn, bijvoorbeeld een nieuwe casemanager.
# Een document gebruikt wat gold op zijn eigen datum.
# wijzigingen:
#   - vanaf: JJJJ-MM-DD
#     casemanager:
#       naam: ...
"
    )
}
