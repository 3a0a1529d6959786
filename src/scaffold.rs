//! Starting points: `pva init` (a new dossier repository) and `pva new`
//! (the next document of a dossier, prefilled from what it already knows).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::case::forms::Skeleton;
use crate::case::{self, DocKind, Node, paths};
use crate::ci::System;
use crate::fs::{self, FsError};

mod dossier;
mod editor;
mod reports;
pub use dossier::new_dossier;

/// What a scaffolding command did with each file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written.
    Wrote(PathBuf),
    /// Already there: left untouched.
    Kept(PathBuf),
}

/// Everything pva writes holds personal data: the PDFs, drafts, generated
/// Typst and the re-integratieverslag go to output/, the agenda's calendar
/// file wherever `--ics` says.
const GITIGNORE: &str = "\
# Written by pva; each holds names, BSNs or dates of employees. Never commit them.
# PDFs, drafts and the re-integratieverslag: `pva build`, `pva riv`.
/output
# Calendar files: `pva agenda --ics deadlines.ics`.
*.ics
";

/// The first lines of the example dossier's files: it is fictional.
const EXAMPLE_NOTE: &str = "\
# VOORBEELD van `pva init`: een verzonnen werknemer, om van te leren.
# Verwijder het zodra uw eigen dossier er staat: rm -r cases/voorbeeld
";

/// Marks the example's dossier: once the project has a dossier of its own,
/// lint, build and the agenda leave the example out (PVA090).
const EXAMPLE_MARK: &str = "\
# Zolang dit hier staat, laten lint, build en agenda dit dossier weg zodra er
# een eigen dossier is.
voorbeeld: true

";

const CONFIG: &str = "\
# pva project configuration. Every option is optional.

[lint]
# Change the severity of a rule (\"error\", \"warning\", \"info\") or switch
# it off (\"off\"). Codes and their sources: `pva lint --explain PVA012`.
# The severity set here holds everywhere, also where a rule is milder by
# default (PVA041 is a warning under sociaal-medische zaken).
# PVA011 = \"error\"    # plan later than two weeks after the probleemanalyse
# PVA016 = \"off\"      # bijstelling without a changed einddoel
";

/// Creates a dossier repository in `dir` with the configuration of `ci`
/// (at the root of the git repository `dir` is in, where CI reads it);
/// existing files are kept.
pub fn init(dir: &Path, ci: System) -> Result<Vec<Outcome>, FsError> {
    let ci_config = ci.config(&crate::ci::placement(dir));
    let gedeeld =
        editor::with_modeline("cases/gedeeld.yaml", include_str!("../cases/gedeeld.yaml"));
    let dossier = editor::with_modeline(
        "cases/voorbeeld/dossier.yaml",
        &format!(
            "{EXAMPLE_NOTE}{EXAMPLE_MARK}{}",
            include_str!("../cases/de-vries-2026/dossier.yaml")
        ),
    );
    let plan = include_str!("../cases/de-vries-2026/plan-van-aanpak.md").replacen(
        "---\n",
        &format!("---\n{EXAMPLE_NOTE}"),
        1,
    );
    let editor = editor::files();
    let files: [(&str, &str); 5] = [
        ("cases/gedeeld.yaml", &gedeeld),
        ("cases/voorbeeld/dossier.yaml", &dossier),
        ("cases/voorbeeld/plan-van-aanpak.md", &plan),
        (".gitignore", GITIGNORE),
        (crate::config::FILE, CONFIG),
    ];
    let editor = editor.iter().map(|(name, text)| (*name, text.as_str()));
    let ci_file = shown(&ci.destination(dir).path);
    let files = files.into_iter().map(|(name, text)| (dir.join(name), text));
    let editor = editor.map(|(name, text)| (dir.join(name), text));
    files
        .chain([(ci_file, ci_config.as_str())])
        .chain(editor)
        .map(|(path, text)| write_new(&path, text))
        .collect()
}

/// `path` relative to the current folder when it is an absolute path below
/// it, as the user would type it.
fn shown(path: &Path) -> PathBuf {
    if path.is_relative() {
        return path.to_path_buf();
    }
    std::env::current_dir()
        .ok()
        .and_then(|cwd| crate::mirror::relative_to(&cwd, path))
        .unwrap_or_else(|| path.to_path_buf())
}

fn write_new(path: &Path, text: &str) -> Result<Outcome, FsError> {
    if path.exists() {
        return Ok(Outcome::Kept(path.to_path_buf()));
    }
    fs::write_atomic(path, text.as_bytes())?;
    Ok(Outcome::Wrote(path.to_path_buf()))
}

/// A problem creating a new document.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The folder is not a dossier.
    #[error("{} is geen dossier: er staat geen {} in; maak het eerst met `pva new dossier`", .0.display(), case::DOSSIER_FILE)]
    NotADossier(PathBuf),
    /// The dossier already has a plan.
    #[error("{} heeft al een Plan van aanpak ({}); leg wijzigingen vast met `pva new bijstelling`", dir.display(), plan.display())]
    PlanExists {
        /// The dossier.
        dir: PathBuf,
        /// The existing plan.
        plan: PathBuf,
    },
    /// The folder already holds a dossier.
    #[error("{} bevat al een dossier ({}); kies een nieuwe mapnaam", .0.display(), case::DOSSIER_FILE)]
    DossierExists(PathBuf),
    /// Writing failed.
    #[error(transparent)]
    Fs(#[from] FsError),
}

/// Writes the next document of `kind` into the dossier `dir`, dated `day`.
pub fn new_document(
    dir: &Path,
    kind: DocKind,
    day: NaiveDate,
    root: &Path,
) -> Result<PathBuf, NewError> {
    if !dir.join(case::DOSSIER_FILE).is_file() {
        return Err(NewError::NotADossier(dir.to_path_buf()));
    }
    let found = case::find(&[dir.to_path_buf()]);
    let files = found.dossiers.get(dir).cloned().unwrap_or_default();
    let dossier = case::load(dir, &files, root);
    let latest = dossier
        .documents
        .iter()
        .filter(|d| d.kind.is_some())
        .max_by_key(|d| (d.date(), d.path.clone()));
    let form = kind.form();
    let text = match form.skeleton {
        Skeleton::Plan => {
            if let Some(plan) = dossier
                .documents
                .iter()
                .find(|d| d.kind == Some(DocKind::Plan))
            {
                return Err(NewError::PlanExists {
                    dir: dir.to_path_buf(),
                    plan: plan.path.clone(),
                });
            }
            let advice = dossier
                .base_at(Some(day))
                .get(paths::ADVIES_EINDDOEL)
                .and_then(Node::text);
            plan_skeleton(day, advice.as_deref().unwrap_or(""))
        }
        Skeleton::Bijstelling => {
            let goal = latest
                .and_then(|d| d.text(paths::EINDDOEL))
                .unwrap_or_default();
            let afspraken = latest.map(agreed).unwrap_or_default();
            bijstelling_skeleton(day, &goal, &agreed_comment(&afspraken))
        }
        Skeleton::Report(fields) => reports::skeleton(form.key, fields, form.headings, day),
    };
    let path = free_name(dir, kind, day);
    fs::write_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// The agreements of a document as Markdown bullets, to start the next one from.
fn agreed(doc: &case::Document) -> String {
    doc.get(paths::AFSPRAKEN)
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|row| {
            let activity = row.child("activiteit").and_then(Node::text)?;
            let by = row.child("door").and_then(Node::text).unwrap_or_default();
            Some(format!("- {activity} ({by})\n"))
        })
        .collect()
}

fn free_name(dir: &Path, kind: DocKind, day: NaiveDate) -> PathBuf {
    // The plan is one per dossier; the others are named by their date.
    let base = match kind.form().skeleton {
        Skeleton::Plan => kind.key().to_string(),
        Skeleton::Bijstelling | Skeleton::Report(_) => format!("{}-{day}", kind.key()),
    };
    (1..)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{base}.md"))
            } else {
                dir.join(format!("{base}-{n}.md"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{base}.md")))
}

fn plan_skeleton(day: NaiveDate, advice: &str) -> String {
    format!(
        "---
document: plan-van-aanpak
# Datum waarop het plan samen met de werknemer is opgesteld.
datum: {day}

einddoel:
  # Eén van: eigen_functie, gedeeltelijk_eigen_functie, andere_functie_eigen_werkgever,
  # gedeeltelijk_andere_functie_eigen_werkgever, andere_werkgever, nog_niet_bekend
  keuze: {advice}
  # Alleen bij nog_niet_bekend: waarom het einddoel nog niet bekend is.
  # nog_niet_bekend_omdat:
  # Wijkt het einddoel af van het advies van de bedrijfsarts? Geef dan de reden.
  # reden_afwijking:

# Vraag 6: per probleemveld (arbeidsinhoud, arbeidsomstandigheden, arbeidsvoorwaarden,
# arbeidsverhoudingen, sociaal_medische_zaken, overig) wat er gebeurt, door wie, wanneer.
afspraken:
  - probleemveld:
    activiteit:
    door:
    planning:

# Vraag 7: evaluatiemomenten, minstens eens per zes weken. Een vast ritme
# schrijft u als `frequentie: elke 6 weken` (met `vorm: gesprek op het werk`).
evaluaties:
  - wanneer:
    wat:
    wie:

# Vraag 8: afspraken tussen arbodienst en werknemer over evaluatie van de probleemanalyse.
evaluatie_probleemanalyse:

# Vul de data in zodra beide partijen hebben getekend; leeg = lege regels in de PDF.
ondertekening:
  werknemer:
    datum:
  werkgever:
    datum:
---
{GUIDANCE_NOTE}
## Te nemen stappen

<!-- Welke stappen moeten worden genomen om tot werkhervatting te komen?
Bijvoorbeeld de opbouw van uren en taken, met data. -->

{VISIE_PLAN}"
    )
}

/// The first lines of every body: how guidance works.
const GUIDANCE_NOTE: &str = "\
<!-- Tekst in een commentaar zoals dit is uitleg: u ziet hem hier, maar hij
komt nooit in de PDF en telt niet als antwoord. Schrijf elk antwoord onder
de uitleg bij zijn kop. Tekst hier, voor de eerste kop, is optioneel en komt
in de PDF als 'Aanvullende notities'. -->
";

/// Both visies on the plan, with the UWV form's (2023) questions as guidance.
const VISIE_PLAN: &str = "\
## Visie werknemer

<!-- Welke mogelijkheden ziet de werknemer om weer (meer) te gaan werken, en
wat vindt de werknemer van de afspraken? In de woorden van de werknemer. -->

## Visie werkgever

<!-- Welke mogelijkheden ziet de werkgever voor de werknemer om weer (meer) te
gaan werken, en wat vindt de werkgever van de afspraken? -->
";

/// Both visies on the bijstelling, with ArboNed's questions as guidance.
const VISIE: &str = "\
## Visie werknemer

<!-- Wat is de visie van de werknemer op de functie, de arbeidsmogelijkheden
en de kwaliteit van de arbeidsverhouding? In de woorden van de werknemer. -->

## Visie werkgever

<!-- Wat is de visie van de werkgever op de re-integratie van de werknemer,
de functie en de arbeidsmogelijkheden? -->
";

fn bijstelling_skeleton(day: NaiveDate, goal: &str, afspraken: &str) -> String {
    format!(
        "---
document: bijstelling
# Datum waarop de bijstelling is opgesteld.
datum: {day}

einddoel:
  # Het einddoel van het plan of de vorige bijstelling staat hieronder: pas het aan.
  # Een bijstelling is alleen nodig als het einddoel wijzigt. Eén van: eigen_functie,
  # gedeeltelijk_eigen_functie, andere_functie_eigen_werkgever,
  # gedeeltelijk_andere_functie_eigen_werkgever, andere_werkgever, ander
  keuze: {goal}
  # Alleen bij ander: de toelichting.
  # toelichting:

obstakels:
  # true of false: zijn er obstakels die werkhervatting in de weg staan?
  # Bij true: beschrijf ze onder ## Obstakels en de oplossing onder ## Oplossing obstakels.
  aanwezig:

# Vraag 8: evaluatiemomenten (wat, wie, wanneer), minstens eens per zes weken.
# Een vast ritme schrijft u als `frequentie: elke 6 weken` (met `vorm: gesprek op het werk`).
evaluaties:
  - wanneer:
    wat:
    wie:

ondertekening:
  werknemer:
    datum:
  werkgever:
    datum:
---
{GUIDANCE_NOTE}
## Obstakels

<!-- Alleen bij obstakels.aanwezig: true. Welke praktische obstakels,
obstakels in de arbeidsrelatie of werkgerelateerde factoren staan
werkhervatting in de weg? -->

## Oplossing obstakels

<!-- Alleen bij obstakels.aanwezig: true. Hoe kunnen deze obstakels blijvend
worden opgelost? -->

## Afspraken nabije toekomst

<!-- Welke afspraken maken werknemer en werkgever over re-integratie of
(gedeeltelijke) werkhervatting in de komende 2 tot 6 weken? Ook als
werkhervatting nog niet mogelijk is. -->
{afspraken}
{VISIE}"
    )
}

/// The agreements so far as a second comment: a starting point to copy
/// from, never printed as the new agreements. `-->` in them would end the
/// comment early, so it is broken up.
fn agreed_comment(afspraken: &str) -> String {
    if afspraken.is_empty() {
        return String::new();
    }
    format!(
        "\n<!-- De afspraken tot nu toe; neem over wat blijft gelden:\n{}-->\n",
        afspraken.replace("-->", "- ->")
    )
}
