//! Is the re-integratieverslag complete? What UWV judges at week 91: the
//! plan (or the recorded reason there is none), every bijstelling, the
//! eerstejaarsevaluatie, the evaluatieverslagen, the eindevaluatie (or, for
//! employment ending within ten weeks, the verkort re-integratieverslag),
//! each signed by both parties.

use std::path::{Path, PathBuf};

use crate::case::timeline::Timeline;
use crate::case::{DocKind, Document, Dossier, Pos, date, paths};
use crate::diag::Diagnostic;
use crate::rules;

/// The parts the verslag of this dossier needs, in order, given its time.
pub fn needed(dossier: &Dossier, timeline: &Timeline) -> Vec<DocKind> {
    if timeline.ends_within_ten_weeks() {
        return vec![DocKind::Verkort];
    }
    let mut kinds = Vec::new();
    if timeline.plan_needed() {
        kinds.push(DocKind::Plan);
    }
    // The first year is over before the period ended.
    if timeline.week(52) < timeline.over_from()
        || dossier.documents_of(DocKind::Eerstejaars).next().is_some()
    {
        kinds.push(DocKind::Eerstejaars);
    }
    kinds.push(DocKind::Eind);
    kinds
}

/// Findings that make the set incomplete: a missing part, an unsigned part,
/// a missing document from the arbodienst.
pub fn findings(dossier: &Dossier, timeline: &Timeline) -> Vec<Diagnostic> {
    let anchor = dossier
        .base
        .get(paths::EERSTE_ZIEKTEDAG)
        .map_or_else(|| file_start(&dossier.file()), |n| n.pos.clone());
    let mut out = Vec::new();
    for kind in needed(dossier, timeline) {
        if dossier.documents_of(kind).next().is_none() {
            out.push(missing(dossier, kind, &anchor));
        }
    }
    for doc in dossier.documents.iter().filter(|d| d.kind.is_some()) {
        if !doc.is_signed() {
            out.push(unsigned(doc));
        }
    }
    out.extend(arbodienst_files(dossier, timeline, &anchor));
    out
}

fn missing(dossier: &Dossier, kind: DocKind, anchor: &Pos) -> Diagnostic {
    Diagnostic::new(
        &rules::RIV_INCOMPLETE,
        anchor,
        format!(
            "het re-integratieverslag mist {} {}",
            kind.article(),
            kind.title()
        ),
    )
    .hint(format!(
        "maak het met `pva new {} {}`",
        kind.key(),
        dossier.dir.display()
    ))
}

fn unsigned(doc: &Document) -> Diagnostic {
    let pos = doc.anchor(paths::ONDERTEKENING);
    let title = doc.kind.map_or("dit document", DocKind::title);
    Diagnostic::new(
        &rules::RIV_INCOMPLETE,
        &pos,
        format!("{title} is nog niet door beide partijen ondertekend; UWV vraagt per onderdeel de datum van ondertekening"),
    )
    .hint("vul ondertekening.werknemer.datum en ondertekening.werkgever.datum in zodra beide hebben getekend, en bevries het document met `pva freeze`")
}

/// The probleemanalyse and its bijstellingen are documents of the
/// arbodienst: kept as PDF in the dossier folder, named by their date.
fn arbodienst_files(dossier: &Dossier, timeline: &Timeline, anchor: &Pos) -> Vec<Diagnostic> {
    let days = timeline.analyses.iter().filter_map(|a| a.datum);
    let mut out: Vec<Diagnostic> = days
        .clone()
        .filter_map(|day| {
            let file = analysis_file(&dossier.dir, day);
            let why = unusable(&file, &dossier.bound)?;
            Some(
                Diagnostic::in_file(&rules::ARBODIENST_FILE, &file, why.message()).hint(why.hint()),
            )
        })
        .collect();
    out.extend(
        days.filter(|day| !analysis_file(&dossier.dir, *day).is_file())
            .map(|day| {
                let name = analysis_file_name(day);
                Diagnostic::new(
                    &rules::ARBODIENST_FILE,
                    anchor,
                    format!(
                        "de probleemanalyse van {} staat niet als PDF in het dossier ({name})",
                        date::short(day)
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

/// The PDFs of the arbodienst present in the dossier folder, by date.
pub fn arbodienst_pdfs(
    dossier: &Dossier,
    timeline: &Timeline,
) -> Vec<(chrono::NaiveDate, PathBuf)> {
    timeline
        .analyses
        .iter()
        .filter_map(|a| a.datum)
        .map(|day| (day, analysis_file(&dossier.dir, day)))
        .filter(|(_, path)| path.is_file() && unusable(path, &dossier.bound).is_none())
        .collect()
}

fn analysis_file_name(day: chrono::NaiveDate) -> String {
    format!("probleemanalyse-{day}.pdf")
}

fn analysis_file(dir: &Path, day: chrono::NaiveDate) -> PathBuf {
    dir.join(analysis_file_name(day))
}

fn file_start(file: &Path) -> Pos {
    Pos {
        file: std::sync::Arc::from(file),
        line: 1,
        col: 1,
    }
}
