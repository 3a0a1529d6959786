//! `pva verify`: which source version a PDF came from. pva puts each
//! document's fingerprint at the foot of its pages and, with the source
//! file and a hash per line, in the PDF's keywords. Given a PDF (or the
//! fingerprint read off a print or scan), this finds the document with that
//! fingerprint now, or else the document it came from and what changed since.

use std::path::{Path, PathBuf};

use crate::case::fingerprint::{self, Change, Stamp};
use crate::case::{self, Document, signed_copy};

/// What `pva verify` found.
#[derive(Debug)]
pub enum Outcome {
    /// Documents whose content now has the PDF's fingerprint.
    Match {
        /// The fingerprint.
        fingerprint: String,
        /// The documents (more than one only for identical copies).
        documents: Vec<PathBuf>,
    },
    /// The document the PDF came from, changed since.
    Changed {
        /// The PDF's fingerprint.
        then: String,
        /// The document's fingerprint now.
        now: String,
        /// The document.
        document: PathBuf,
        /// The changed lines of the document, when the PDF says its lines.
        changes: Option<Vec<(Change, String)>>,
        /// True when the PDF is the version both parties signed (the
        /// document's record has its fingerprint).
        signed: bool,
    },
    /// No document has or had the fingerprint.
    Unknown {
        /// The fingerprint.
        fingerprint: String,
    },
    /// The PDF carries no fingerprint of pva (a scan, another program's PDF).
    NoFingerprint,
}

/// A failure of `pva verify`.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The argument is not a readable PDF.
    #[error("{}: {}", .0.display(), .1)]
    NotPdf(PathBuf, String),
    /// The argument is neither a file nor a fingerprint.
    #[error(
        "{0} is geen bestand en geen vingerafdruk van 12 tekens 0-9 en a-f (zoals onderaan een pagina)"
    )]
    NotFound(String),
}

/// Finds the source of `target` (a PDF, or a fingerprint) among the
/// documents under `paths`; `root` is the project root, which the PDF's
/// source file name is relative to.
pub fn run(target: &str, paths: &[PathBuf], root: &Path) -> Result<Outcome, VerifyError> {
    let stamp = stamp(target)?;
    let Some(wanted) = stamp.fingerprint.clone() else {
        return Ok(Outcome::NoFingerprint);
    };
    let found = case::find(paths);
    let mut matches = Vec::new();
    let mut source: Option<(Document, bool)> = None;
    for (dir, files) in &found.dossiers {
        for doc in case::load(dir, files, root).documents {
            if fingerprint::of(&doc) == wanted {
                matches.push(doc.path.clone());
                continue;
            }
            let signed =
                fingerprint::record(&doc).and_then(|r| r.fingerprint) == Some(wanted.clone());
            let named = stamp
                .document
                .as_ref()
                .is_some_and(|name| root.join(name) == doc.path || Path::new(name) == doc.path);
            if signed || (named && source.is_none()) {
                source = Some((doc, signed));
            }
        }
    }
    if !matches.is_empty() {
        return Ok(Outcome::Match {
            fingerprint: wanted,
            documents: matches,
        });
    }
    let Some((doc, signed)) = source else {
        return Ok(Outcome::Unknown {
            fingerprint: wanted,
        });
    };
    let changes = stamp.lines.as_ref().map(|then| {
        let skip = fingerprint::record(&doc).map(|r| r.lines);
        fingerprint::changes(then, &fingerprint::lines(&doc.text, skip.as_ref()))
            .into_iter()
            .map(|c| {
                let place = fingerprint::place(&doc, c.first);
                (c, place)
            })
            .collect()
    });
    Ok(Outcome::Changed {
        then: wanted,
        now: fingerprint::of(&doc),
        document: doc.path,
        changes,
        signed,
    })
}

/// What `target` says: a PDF's keywords, or a fingerprint typed in.
fn stamp(target: &str) -> Result<Stamp, VerifyError> {
    let path = Path::new(target);
    if path.is_file() {
        let facts = signed_copy::read(path)
            .map_err(|e| VerifyError::NotPdf(path.to_path_buf(), e.message()))?;
        return Ok(facts.stamp);
    }
    let typed: String = target
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect::<String>()
        .to_ascii_lowercase();
    if typed.len() == fingerprint::LEN && typed.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(Stamp {
            fingerprint: Some(typed),
            ..Stamp::default()
        });
    }
    Err(VerifyError::NotFound(target.to_string()))
}

/// The outcome as the lines `pva verify` prints, and whether it is a match.
pub fn describe(outcome: &Outcome, display: impl Fn(&Path) -> String) -> (String, bool) {
    match outcome {
        Outcome::Match {
            fingerprint,
            documents,
        } => {
            let names: Vec<String> = documents.iter().map(|d| display(d)).collect();
            (
                format!(
                    "komt overeen: {} (vingerafdruk {fingerprint}); de PDF is gemaakt van de huidige tekst\n",
                    names.join(", ")
                ),
                true,
            )
        }
        Outcome::Changed {
            then,
            now,
            document,
            changes,
            signed,
        } => (changed(then, now, &display(document), changes.as_deref(), *signed), false),
        Outcome::Unknown { fingerprint } => (
            format!(
                "geen document heeft of had vingerafdruk {fingerprint}: de PDF is van een andere versie dan pva kan terugvinden (zoek in git: `git log -p` van het document), of van een ander project\n"
            ),
            false,
        ),
        Outcome::NoFingerprint => (
            "deze PDF draagt geen vingerafdruk van pva (een scan of de PDF van een ander programma): lees de vingerafdruk onderaan een pagina en voer `pva verify VINGERAFDRUK` uit\n".to_string(),
            false,
        ),
    }
}

fn changed(
    then: &str,
    now: &str,
    document: &str,
    changes: Option<&[(Change, String)]>,
    signed: bool,
) -> String {
    let which = if signed {
        " (de versie die beide partijen tekenden)"
    } else {
        ""
    };
    let mut out = format!(
        "de PDF is gemaakt van een eerdere versie van {document}{which}: vingerafdruk {then}, nu {now}\n"
    );
    match changes {
        Some([]) => out.push_str(
            "  de tekst van het document is dezelfde; wat het erft uit dossier.yaml of gedeeld.yaml is gewijzigd\n",
        ),
        Some(changes) => {
            out.push_str("  gewijzigd sindsdien:\n");
            for (change, place) in changes {
                out.push_str(&format!("  {document}:{}: {}{place}\n", change.first, change.describe()));
            }
        }
        None => out.push_str(&format!(
            "  welke regels is niet te zeggen (de PDF noemt ze niet); `git log -p {document}` toont de wijzigingen\n"
        )),
    }
    out
}
