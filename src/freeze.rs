//! `pva freeze`: record the version both parties signed. A signed document
//! gets what it inherited written into it (`bevroren:`), and the record of
//! the signed version (`getekende_versie:`): the fingerprint of its content,
//! a hash per line, and what made its PDF (see `record`). Lint then finds
//! any later change at its line, and any other PDF a newer pva would make.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::case::fingerprint::{self, Record};
use crate::case::{self, DOSSIER_FILE, Document, Dossier, date};
use crate::compile::Bounds;
use crate::fs::{self, FsError};
use crate::record::{Layout, LayoutError};
use crate::render::{TemplateError, Templates};

/// What `pva freeze` did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Documents frozen and recorded now, with what was done.
    pub frozen: Vec<(PathBuf, String)>,
    /// Documents left as they were, with the reason.
    pub skipped: Vec<(PathBuf, String)>,
    /// True when a document could not be frozen because of a problem (it
    /// cannot be read, is outside a dossier, inherits from a broken file, or
    /// changed after signing), not merely because it is unsigned or
    /// recorded already.
    pub failed: bool,
}

/// A failure that stops `pva freeze`.
#[derive(Debug, thiserror::Error)]
pub enum FreezeError {
    /// A document could not be written.
    #[error(transparent)]
    Fs(#[from] FsError),
    /// The templates could not be loaded: what made the PDF cannot be recorded.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The text with the record would not read back as a document (a pva
    /// bug); nothing was written.
    #[error("kan {} niet vastleggen: de tekst met het record zou niet als document te lezen zijn; er is niets geschreven", .0.display())]
    Unreadable(PathBuf),
    /// The project's own template went over a bound: this document's PDF
    /// cannot be recorded (the others still are).
    #[error("{0}")]
    Bounded(String),
}

impl From<LayoutError> for FreezeError {
    fn from(error: LayoutError) -> FreezeError {
        match error {
            LayoutError::Template(e) => FreezeError::Template(e),
            bounded @ LayoutError::Bounded { .. } => FreezeError::Bounded(bounded.to_string()),
        }
    }
}

/// Freezes and records every signed document under `paths` (documents or
/// folders) that is not recorded yet, or that both parties signed again
/// after the recorded version. With `accept_layout`, a recorded document
/// whose content is as signed gets the PDF of this pva recorded. A document
/// that cannot be read, is not signed by both parties or changed after
/// signing is left alone and listed with the reason, and so is one whose
/// PDF cannot be computed within `bounds` (a project's looping template).
pub fn run(
    paths: &[PathBuf],
    root: &Path,
    accept_layout: bool,
    bounds: Option<&Bounds>,
) -> Result<Outcome, FreezeError> {
    let templates = Templates::load(Some(&root.join("templates")))?;
    let layout = Layout::new(&templates, bounds);
    let mut outcome = Outcome::default();
    for (dir, files) in targets(paths, &mut outcome) {
        let dossier = case::load(&dir, &files, root);
        if let Some(broken) = dossier
            .diagnostics
            .iter()
            .find(|d| dossier.inherited.contains(&d.file))
        {
            outcome.failed = true;
            for file in files {
                outcome.skipped.push((
                    file,
                    format!(
                        "los eerst {} op ({})",
                        crate::report::display(&broken.file),
                        broken.message
                    ),
                ));
            }
            continue;
        }
        for file in files {
            let Some(doc) = dossier.documents.iter().find(|d| d.path == file) else {
                outcome.failed = true;
                outcome
                    .skipped
                    .push((file, "het is niet te lezen; `pva lint` zegt waarom".into()));
                continue;
            };
            let decision = match decide(&dossier, doc, &layout, accept_layout) {
                Err(FreezeError::Bounded(why)) => Decision::Refused(why),
                other => other?,
            };
            match decision {
                Decision::Done(what) => outcome.frozen.push((file, what)),
                Decision::Left(why) => outcome.skipped.push((file, why)),
                Decision::Refused(why) => {
                    outcome.failed = true;
                    outcome.skipped.push((file, why));
                }
            }
        }
    }
    Ok(outcome)
}

enum Decision {
    /// Written; what was done.
    Done(String),
    /// Nothing to do.
    Left(String),
    /// Not done because of a problem.
    Refused(String),
}

fn decide(
    dossier: &Dossier,
    doc: &Document,
    layout: &Layout<'_>,
    accept_layout: bool,
) -> Result<Decision, FreezeError> {
    let Some(kind) = doc.kind else {
        return Ok(Decision::Left(
            "het noemt geen bekende soort document".into(),
        ));
    };
    if !doc.is_signed() {
        return Ok(Decision::Left("het is nog niet door beide partijen ondertekend (ondertekening.werknemer.datum en ondertekening.werkgever.datum)".into()));
    }
    let Some(record) = fingerprint::record(doc) else {
        let what = if doc.frozen {
            "vingerafdruk vastgelegd (het was bevroren voordat pva vingerafdrukken vastlegde: controleer met `git log -p` dat het is wat getekend is)"
        } else {
            "bevroren, met vingerafdruk"
        };
        return write(dossier, doc, None, layout, kind).map(|()| Decision::Done(what.into()));
    };
    let unchanged = record.fingerprint.as_deref() == Some(fingerprint::of(doc).as_str())
        && record.signed == fingerprint::signature_dates(doc);
    let signed_again = record
        .signed_on()
        .is_some_and(|then| fingerprint::signed_again_after(doc, then));
    if unchanged && accept_layout {
        if record.pdf == layout.of(doc, kind)? {
            return Ok(Decision::Left(
                "de PDF van deze pva is al vastgelegd".into(),
            ));
        }
        write(dossier, doc, Some(&record), layout, kind)?;
        return Ok(Decision::Done(
            "de opmaak van deze pva vastgelegd (de inhoud is zoals getekend)".into(),
        ));
    }
    if unchanged {
        return Ok(Decision::Left("het is al vastgelegd".into()));
    }
    if signed_again {
        write(dossier, doc, Some(&record), layout, kind)?;
        let then = record.signed_on().map(date::short).unwrap_or_default();
        return Ok(Decision::Done(format!(
            "de opnieuw getekende versie vastgelegd (de versie getekend op {then} blijft in git)"
        )));
    }
    Ok(Decision::Refused(format!(
        "het is gewijzigd na ondertekening (`pva lint {}` wijst aan waar); zet de getekende tekst terug, of laat beide partijen de gecorrigeerde versie tekenen en vul beide nieuwe datums van ondertekening in",
        crate::report::display(&doc.path)
    )))
}

/// Writes `doc` frozen (when it is not yet) with a new record in place of
/// `old`. The record is computed from the text as it will be written: its
/// line hashes leave out the record's own lines.
fn write(
    dossier: &Dossier,
    doc: &Document,
    old: Option<&Record>,
    layout: &Layout<'_>,
    kind: case::DocKind,
) -> Result<(), FreezeError> {
    let frozen = if doc.frozen {
        doc.clone()
    } else {
        let text = case::frozen_text(dossier, doc).unwrap_or_else(|| doc.text.clone());
        reparse(dossier, doc, text)?
    };
    let old = if doc.frozen { old.cloned() } else { None };
    let signed = fingerprint::signature_dates(doc);
    // First with a stand-in record, to know which lines the record takes.
    let draft = fingerprint::record_yaml("", signed, &[], "");
    let text = with_record(&frozen.text, old.as_ref(), &draft, doc)?;
    let drafted = reparse(dossier, doc, text)?;
    let record = fingerprint::record(&drafted).map(|r| r.lines);
    let lines = fingerprint::encode(&fingerprint::lines(&drafted.text, record.as_ref()));
    let pdf = layout.of(&drafted, kind)?;
    let yaml = fingerprint::record_yaml(&fingerprint::of(&drafted), signed, &pdf, &lines);
    let text = with_record(&frozen.text, old.as_ref(), &yaml, doc)?;
    Ok(fs::write_atomic(&doc.path, text.as_bytes())?)
}

fn with_record(
    text: &str,
    old: Option<&Record>,
    yaml: &str,
    doc: &Document,
) -> Result<String, FreezeError> {
    fingerprint::with_record(text, old, yaml).ok_or_else(|| unwritable(doc))
}

fn reparse(dossier: &Dossier, doc: &Document, text: String) -> Result<Document, FreezeError> {
    dossier.parse(&doc.path, text).map_err(|_| unwritable(doc))
}

/// The frozen text could not be read back: never write it.
fn unwritable(doc: &Document) -> FreezeError {
    FreezeError::Unreadable(doc.path.clone())
}

/// The documents named or found under `paths`, per dossier folder.
fn targets(paths: &[PathBuf], outcome: &mut Outcome) -> BTreeMap<PathBuf, Vec<PathBuf>> {
    let (files, folders): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| p.is_file());
    let mut targets = case::find(&folders).dossiers;
    for file in files {
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        if dir.join(DOSSIER_FILE).is_file() {
            let list = targets.entry(dir).or_default();
            if !list.contains(&file) {
                list.push(file);
            }
        } else {
            outcome.failed = true;
            outcome.skipped.push((
                file,
                format!("het staat niet in een dossiermap (geen {DOSSIER_FILE} ernaast)"),
            ));
        }
    }
    targets
}
