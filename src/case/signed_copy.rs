//! The signed copy of a document: the scan or e-signed PDF both parties
//! signed, kept beside the document as `NAME.getekend.pdf`. pva reads it
//! (never writes it): that it is a PDF, its size, and what its metadata
//! says (the fingerprint pva put in it, the day it was made).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Document;
use super::fingerprint::{self, Stamp};

/// The end of a signed copy's file name, instead of `md`.
pub const EXTENSION: &str = "getekend.pdf";

/// UWV's upload limit per document, and the largest signed copy pva reads.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// The signed copy's place: `plan-van-aanpak.md` → `plan-van-aanpak.getekend.pdf`.
pub fn path_of(doc: &Path) -> PathBuf {
    doc.with_extension(EXTENSION)
}

/// What a PDF's file and metadata say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfFacts {
    /// Its size in bytes.
    pub bytes: u64,
    /// Its number of pages.
    pub pages: usize,
    /// What pva's keywords in it say (nothing for a scan).
    pub stamp: Stamp,
    /// The day it was made or last changed (an e-signing service keeps the
    /// first and sets the second), when its metadata says.
    pub made: Option<NaiveDate>,
}

/// Why a file is not a readable PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotPdf {
    /// It could not be read.
    Unreadable(String),
    /// It is a symbolic link (it could point outside the project).
    Link,
    /// It is over [`MAX_BYTES`].
    TooLarge(u64),
    /// It does not start as a PDF does.
    NoPdf,
    /// It starts as a PDF but cannot be read as one (damaged, encrypted).
    Damaged,
}

impl NotPdf {
    /// What is wrong, in Dutch.
    pub fn message(&self) -> String {
        match self {
            NotPdf::Unreadable(e) => format!("kan het bestand niet lezen: {e}"),
            NotPdf::TooLarge(size) => format!(
                "het bestand is {:.1} MB; UWV neemt per document hooguit 10 MB aan",
                *size as f64 / 1e6
            ),
            NotPdf::Link => {
                "het is een snelkoppeling (symbolische link); pva leest alleen bestanden in het project zelf: zet de PDF zelf in de dossiermap".into()
            }
            NotPdf::NoPdf => "het bestand is geen PDF (het begint niet met %PDF-)".into(),
            NotPdf::Damaged => {
                "het bestand begint als een PDF maar is niet te lezen (beschadigd of beveiligd)"
                    .into()
            }
        }
    }
}

/// Reads the PDF `file`: refused when it is too large, not a PDF or damaged.
pub fn read(file: &Path) -> Result<PdfFacts, NotPdf> {
    let meta = std::fs::symlink_metadata(file).map_err(|e| NotPdf::Unreadable(e.to_string()))?;
    // A link could point outside the project: pva reads only what is in it.
    if meta.file_type().is_symlink() {
        return Err(NotPdf::Link);
    }
    let size = meta.len();
    if size > MAX_BYTES {
        return Err(NotPdf::TooLarge(size));
    }
    let bytes = std::fs::read(file).map_err(|e| NotPdf::Unreadable(e.to_string()))?;
    facts(bytes)
}

/// What the bytes of a PDF say.
pub fn facts(bytes: Vec<u8>) -> Result<PdfFacts, NotPdf> {
    // A PDF may have a few bytes before its header (the format allows 1024).
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(NotPdf::NoPdf);
    }
    let size = bytes.len() as u64;
    let pdf = hayro_syntax::Pdf::new(bytes).map_err(|_| NotPdf::Damaged)?;
    let metadata = pdf.metadata();
    let keywords = metadata.keywords.as_deref().map(text).unwrap_or_default();
    let day = |d: hayro_syntax::object::DateTime| {
        NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
    };
    let made = [metadata.creation_date, metadata.modification_date]
        .into_iter()
        .flatten()
        .filter_map(day)
        .max();
    Ok(PdfFacts {
        bytes: size,
        pages: pdf.pages().len(),
        stamp: Stamp::read(&keywords),
        made,
    })
}

/// What the signed copy beside a document is, judged against the document:
/// the one judgement lint (PVA044, PVA045), `pva riv`'s set, its bound copy
/// and its verdicts share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// No file `NAME.getekend.pdf` beside the document.
    Absent,
    /// There, but not a PDF pva can use (not a PDF, over 10 MB, a link, damaged).
    Unusable(NotPdf),
    /// A PDF of pva of another version: its fingerprint is not the signed one.
    OtherVersion {
        /// The fingerprint in the copy.
        found: String,
        /// The fingerprint of the signed version (recorded, or the content's now).
        signed: String,
    },
    /// Without a fingerprint, and made before the later signature date: a
    /// scan of something else than the signed version.
    Older {
        /// The day its metadata says it was made.
        made: NaiveDate,
        /// The later signature date.
        signed: NaiveDate,
    },
    /// It carries the fingerprint of the signed version.
    Matches {
        /// The fingerprint.
        fingerprint: String,
    },
    /// Without a fingerprint (a scan, another program's PDF), made on or
    /// after the later signature date.
    MadeAfter {
        /// The day its metadata says it was made.
        made: NaiveDate,
    },
    /// Without a fingerprint or a date: which version it is cannot be read
    /// (compare the fingerprint at the foot of its pages with `pva verify`).
    Unread,
}

impl Status {
    /// True when the copy can stand for the signed document: it goes into
    /// the set for UWV and the bound copy as it is.
    pub fn usable(&self) -> bool {
        matches!(
            self,
            Status::Matches { .. } | Status::MadeAfter { .. } | Status::Unread
        )
    }
}

/// Judges the signed copy beside `doc`.
pub fn status(doc: &Document) -> Status {
    let copy = path_of(&doc.path);
    if std::fs::symlink_metadata(&copy).is_err() {
        return Status::Absent;
    }
    let facts = match read(&copy) {
        Ok(facts) => facts,
        Err(e) => return Status::Unusable(e),
    };
    let signed = fingerprint::record(doc)
        .and_then(|r| r.fingerprint)
        .unwrap_or_else(|| fingerprint::of(doc));
    if let Some(found) = facts.stamp.fingerprint {
        return if found == signed {
            Status::Matches { fingerprint: found }
        } else {
            Status::OtherVersion { found, signed }
        };
    }
    let latest = fingerprint::signature_dates(doc)
        .iter()
        .flatten()
        .max()
        .copied();
    match (facts.made, latest) {
        (Some(made), Some(signed)) if made < signed => Status::Older { made, signed },
        (Some(made), _) => Status::MadeAfter { made },
        (None, _) => Status::Unread,
    }
}

/// A PDF text string: UTF-16 with its byte-order mark, or else bytes as
/// Latin-1 (PDFDocEncoding agrees with it on the characters pva writes).
fn text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}
