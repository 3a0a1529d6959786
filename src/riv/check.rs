//! Is the re-integratieverslag complete? What UWV judges at the end: the
//! plan (or the recorded reason there is none), every bijstelling, the
//! eerstejaarsevaluatie, the evaluations held, the eindevaluatie (or, for
//! employment ending within ten weeks, the verkort re-integratieverslag),
//! each signed by both parties; the probleemanalyse and the actueel oordeel
//! of the bedrijfsarts as files from the arbodienst. Nothing dated after
//! `--today` counts.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::case::{DocKind, Document, Dossier, Pos, date, paths};
use crate::diag::Diagnostic;
use crate::law::{self, Case, State};
use crate::rules;

use super::toets::Oordeel;

/// The file name of the actueel oordeel of `day`, beside the probleemanalyse PDFs.
pub fn oordeel_file_name(day: NaiveDate) -> String {
    format!("actueel-oordeel-{day}.pdf")
}

/// The parts the verslag of this dossier needs, in order, given its time.
pub fn needed(case: &Case) -> Vec<DocKind> {
    let t = case.timeline;
    if t.ends_within_ten_weeks() {
        return vec![DocKind::Verkort];
    }
    let mut kinds = Vec::new();
    if t.plan_needed() {
        kinds.push(DocKind::Plan);
    }
    // The first year is over before the period ended.
    if t.after_days(law::EERSTEJAARS_UNTIL) < t.over_from()
        || case
            .dossier
            .documents_of(DocKind::Eerstejaars)
            .next()
            .is_some()
    {
        kinds.push(DocKind::Eerstejaars);
    }
    kinds.push(DocKind::Eind);
    kinds
}

/// Findings that make the set incomplete: a missing, unsigned or future
/// part, an agreed evaluation never held, a missing file of the arbodienst.
pub fn findings(case: &Case, oordeel: Option<&Oordeel>) -> Vec<Diagnostic> {
    let dossier = case.dossier;
    let anchor = dossier
        .base
        .get(paths::EERSTE_ZIEKTEDAG)
        .map_or_else(|| file_start(&dossier.file()), |n| n.pos.clone());
    let mut out = Vec::new();
    for kind in needed(case) {
        if !dossier
            .documents_of(kind)
            .any(|d| d.date().is_some_and(|day| case.counts(day)))
        {
            out.push(missing(case, kind, &anchor));
        }
    }
    for doc in dossier.documents.iter().filter(|d| d.kind.is_some()) {
        if let Some(finding) = future(case, doc) {
            out.push(finding);
        } else if !case.signed_by_both(doc) {
            out.push(unsigned(doc));
        }
    }
    out.extend(unheld_evaluations(case, &anchor));
    out.extend(analysis_files(case, &anchor));
    out.extend(actueel_oordeel(case, oordeel, &anchor));
    out
}

/// A needed part that is not there; when it is not yet due, say when it is.
fn missing(case: &Case, kind: DocKind, anchor: &Pos) -> Diagnostic {
    let due = match kind {
        DocKind::Eind => Some(case.timeline.after_days(law::VERSLAG_DAY)),
        DocKind::Eerstejaars => Some(case.timeline.after_days(law::EERSTEJAARS_UNTIL)),
        DocKind::Plan | DocKind::Bijstelling | DocKind::Evaluatie | DocKind::Verkort => None,
    }
    .filter(|due| *due >= case.today);
    let message = match due {
        Some(due) => format!(
            "het re-integratieverslag mist {} {}; die is nog niet aan de orde: uiterlijk {}",
            kind.article(),
            kind.title(),
            date::short(due)
        ),
        None => format!(
            "het re-integratieverslag mist {} {}",
            kind.article(),
            kind.title()
        ),
    };
    Diagnostic::new(&rules::RIV_INCOMPLETE, anchor, message).hint(format!(
        "maak het met `pva new {} {}`",
        kind.key(),
        case.dossier.dir.display()
    ))
}

/// A part dated, or signed, after the day the verslag is judged on.
fn future(case: &Case, doc: &Document) -> Option<Diagnostic> {
    let node = doc.get(paths::DATUM)?;
    let day = node.as_date()?;
    if day <= case.today {
        return None;
    }
    let title = doc.kind.map_or("dit document", DocKind::title);
    Some(
        Diagnostic::new(
            &rules::RIV_INCOMPLETE,
            &node.pos,
            format!(
                "{title} is gedateerd op {}, na de dag waarop het verslag beoordeeld wordt ({}): het telt nog niet mee",
                date::short(day),
                date::short(case.today)
            ),
        )
        .hint("controleer de datum; een document dat nog moet komen, hoort pas in het verslag als het er is"),
    )
}

fn unsigned(doc: &Document) -> Diagnostic {
    let pos = doc.anchor(paths::ONDERTEKENING);
    let title = doc.kind.map_or("dit document", DocKind::title);
    Diagnostic::new(
        &rules::RIV_INCOMPLETE,
        &pos,
        format!("{title} is nog niet door beide partijen ondertekend; UWV vraagt per onderdeel de datum van ondertekening"),
    )
    .hint(format!(
        "vul ondertekening.werknemer.datum en ondertekening.werkgever.datum in zodra beide hebben getekend, bevries het document met `pva freeze` en sla de getekende versie op als {}",
        crate::case::signed_copy::path_of(&doc.path).display()
    ))
}

/// Agreed evaluation moments that passed with neither an evaluatieverslag
/// nor a record of the evaluation held.
fn unheld_evaluations(case: &Case, anchor: &Pos) -> Vec<Diagnostic> {
    let Some(step) = law::step("evaluatie") else {
        return Vec::new();
    };
    law::judge(step, case)
        .into_iter()
        .filter(|j| j.state == State::Missing)
        .map(|j| {
            Diagnostic::new(
                &rules::RIV_INCOMPLETE,
                anchor,
                format!(
                    "de evaluatie van {} ({}) heeft geen evaluatieverslag en staat niet in `{}`",
                    date::short(j.due),
                    j.wat.trim_start_matches("Evaluatie: "),
                    paths::EVALUATIES_GEHOUDEN
                ),
            )
            .hint(format!(
                "leg de gehouden evaluatie vast (datum in `{}`, of `pva new evaluatieverslag {}`); ging ze niet door, zeg dat dan in het volgende evaluatieverslag",
                paths::EVALUATIES_GEHOUDEN,
                case.dossier.dir.display()
            ))
        })
        .collect()
}

/// The probleemanalyse and its bijstellingen are documents of the
/// arbodienst: kept as PDF in the dossier folder, named by their date.
fn analysis_files(case: &Case, anchor: &Pos) -> Vec<Diagnostic> {
    let dossier = case.dossier;
    let days: Vec<NaiveDate> = case
        .timeline
        .analyses
        .iter()
        .filter_map(|a| a.datum)
        .filter(|day| case.counts(*day))
        .collect();
    let mut out: Vec<Diagnostic> = days
        .iter()
        .filter_map(|day| {
            let file = analysis_file(&dossier.dir, *day);
            let why = unusable(&file, &dossier.bound)?;
            Some(
                Diagnostic::in_file(&rules::ARBODIENST_FILE, &file, why.message()).hint(why.hint()),
            )
        })
        .collect();
    out.extend(
        days.iter()
            .filter(|day| !analysis_file(&dossier.dir, **day).is_file())
            .map(|day| {
                let name = analysis_file_name(*day);
                Diagnostic::new(
                    &rules::ARBODIENST_FILE,
                    anchor,
                    format!(
                        "de probleemanalyse van {} staat niet als PDF in het dossier ({name})",
                        date::short(*day)
                    ),
                )
                .hint(format!(
                    "bewaar de PDF die u van de arbodienst kreeg als {}",
                    dossier.dir.join(&name).display()
                ))
            }),
    );
    out
}

/// Why a file named as the arbodienst's PDF cannot go into the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unusable {
    /// A link to a file outside the project.
    Outside,
    /// Larger than any PDF of a few pages.
    TooLarge,
    /// Not a PDF at all (no `%PDF-` header).
    NotPdf,
    /// Starts like a PDF but cannot be read as one.
    Broken,
}

/// Far above a scanned probleemanalyse; keeps `pva riv` from reading a
/// huge file into memory.
const MAX_PDF_BYTES: u64 = 50 * 1024 * 1024;

impl Unusable {
    fn message(self) -> &'static str {
        match self {
            Unusable::Outside => {
                "dit bestand is een koppeling naar een bestand buiten het project; pva neemt het niet op"
            }
            Unusable::TooLarge => "dit bestand is groter dan 50 MB; dat is geen probleemanalyse",
            Unusable::NotPdf => "dit bestand is geen PDF (het begint niet met %PDF-)",
            Unusable::Broken => "dit bestand begint als een PDF maar is beschadigd of onvolledig",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Unusable::Outside => {
                "kopieer de PDF van de arbodienst in de dossiermap in plaats van een koppeling"
            }
            _ => {
                "bewaar hier de PDF zoals de arbodienst hem stuurde (vraag zo nodig een nieuwe kopie)"
            }
        }
    }
}

/// Checks a present file: inside the project, and a PDF that parses.
pub(super) fn unusable(file: &Path, root: &Path) -> Option<Unusable> {
    if std::fs::symlink_metadata(file).is_err() || !file.is_file() {
        return None;
    }
    if !crate::fs::is_inside(root, file) {
        return Some(Unusable::Outside);
    }
    if std::fs::metadata(file).map_or(0, |m| m.len()) > MAX_PDF_BYTES {
        return Some(Unusable::TooLarge);
    }
    let Ok(bytes) = std::fs::read(file) else {
        return Some(Unusable::Broken);
    };
    if !bytes.starts_with(b"%PDF-") {
        return Some(Unusable::NotPdf);
    }
    match hayro_syntax::Pdf::new(std::sync::Arc::new(bytes)) {
        Ok(pdf) if !pdf.pages().is_empty() => None,
        _ => Some(Unusable::Broken),
    }
}

/// The actueel oordeel: there, and not later than the eindevaluatie.
fn actueel_oordeel(case: &Case, oordeel: Option<&Oordeel>, anchor: &Pos) -> Option<Diagnostic> {
    let dir = case.dossier.dir.display();
    // Asked of the full verslag (RIVV art. 2 lid 2 c); the verkort verslag
    // of art. 2a does not list it.
    if case.timeline.ends_within_ten_weeks() {
        return None;
    }
    let Some(oordeel) = oordeel else {
        return Some(Diagnostic::new(&rules::RIV_INCOMPLETE, anchor,
            "het re-integratieverslag mist het actueel oordeel van de bedrijfsarts (Regeling re-integratieverslag art. 2 lid 2 c)")
            .hint(format!("vraag de bedrijfsarts om een actueel oordeel en bewaar de PDF als {dir}/actueel-oordeel-JJJJ-MM-DD.pdf (de datum van het oordeel)")));
    };
    let eind = case.signed(DocKind::Eind)?;
    (oordeel.day > eind.day).then(|| {
        Diagnostic::in_file(&rules::RIV_INCOMPLETE, &oordeel.file, format!(
            "het actueel oordeel van {} is later dan de eindevaluatie ({}); het verslag rust op een oordeel van uiterlijk die dag",
            date::short(oordeel.day), date::short(eind.day)
        )).hint("vraag een actueel oordeel van voor de eindevaluatie, of stel de eindevaluatie opnieuw op")
    })
}

/// The latest actueel oordeel in the dossier folder dated on or before
/// today (`actueel-oordeel-JJJJ-MM-DD.pdf`).
pub fn find_oordeel(dossier: &Dossier, today: NaiveDate) -> Option<Oordeel> {
    std::fs::read_dir(&dossier.dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().to_string();
            let day = name
                .strip_prefix("actueel-oordeel-")?
                .strip_suffix(".pdf")
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())?;
            let file = entry.path();
            let usable = file.is_file() && unusable(&file, &dossier.bound).is_none();
            (day <= today && usable).then_some(Oordeel { day, file })
        })
        .max_by_key(|o| o.day)
}

/// The PDFs of the arbodienst present in the dossier folder, by date.
pub fn arbodienst_pdfs(case: &Case) -> Vec<(NaiveDate, PathBuf)> {
    case.timeline
        .analyses
        .iter()
        .filter_map(|a| a.datum)
        .filter(|day| case.counts(*day))
        .map(|day| (day, analysis_file(&case.dossier.dir, day)))
        .filter(|(_, path)| path.is_file() && unusable(path, &case.dossier.bound).is_none())
        .collect()
}

fn analysis_file_name(day: NaiveDate) -> String {
    format!("probleemanalyse-{day}.pdf")
}

fn analysis_file(dir: &Path, day: NaiveDate) -> PathBuf {
    dir.join(analysis_file_name(day))
}

fn file_start(file: &Path) -> Pos {
    Pos {
        file: std::sync::Arc::from(file),
        line: 1,
        col: 1,
    }
}
