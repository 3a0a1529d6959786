//! `pva freeze`: write what signed documents inherited into the documents,
//! so that what was signed stays what was signed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::case::{self, DOSSIER_FILE};
use crate::fs::{self, FsError};

/// What `pva freeze` did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Documents frozen now.
    pub frozen: Vec<PathBuf>,
    /// Documents left as they were, with the reason.
    pub skipped: Vec<(PathBuf, String)>,
    /// True when a document could not be frozen because of a problem (it
    /// cannot be read, is outside a dossier, or inherits from a broken file),
    /// not merely because it is unsigned or frozen already.
    pub failed: bool,
}

/// Freezes every signed, not yet frozen document under `paths` (documents
/// or folders). A document that cannot be read, is not signed by both
/// parties or is frozen already is left alone and listed with the reason.
pub fn run(paths: &[PathBuf], root: &Path) -> Result<Outcome, FsError> {
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
            let reason = if doc.frozen {
                "het is al vastgelegd"
            } else if !doc.is_signed() {
                "het is nog niet door beide partijen ondertekend (ondertekening.werknemer.datum en ondertekening.werkgever.datum)"
            } else {
                match case::frozen_text(&dossier, doc) {
                    Some(text) => {
                        fs::write_atomic(&doc.path, text.as_bytes())?;
                        outcome.frozen.push(file);
                        continue;
                    }
                    None => "het erft niets",
                }
            };
            outcome.skipped.push((file, reason.into()));
        }
    }
    Ok(outcome)
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
