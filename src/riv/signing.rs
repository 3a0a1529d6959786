//! Whether each part of the verslag is signed, as the set, the bound copy
//! and the verdicts say it: a signed copy beside it (`NAME.getekend.pdf`,
//! judged by `case::signed_copy`), only the two signature dates in its
//! front matter, or not signed by both.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::case::signed_copy::{self, Status};
use crate::case::{DocKind, Document, date, fingerprint, paths};
use crate::law::Case;

use super::toets::Answer;

/// How one part is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signing {
    /// A signed copy that stands for it (the fingerprint of the signed
    /// version, or a scan made after the signatures, or one that says
    /// nothing of its version).
    Copy(Status),
    /// A signed copy that cannot stand for it (PVA045).
    CopyRefused(Status),
    /// Both signature dates, but no signed copy: what was signed is not in
    /// the dossier (PVA044).
    DatesOnly(NaiveDate),
    /// Not signed by both parties on or before the day judged.
    Unsigned,
}

impl Signing {
    /// How `doc` is signed, judged on `case.today`.
    pub fn of(case: &Case, doc: &Document) -> Signing {
        if !case.signed_by_both(doc) {
            return Signing::Unsigned;
        }
        match signed_copy::status(doc) {
            Status::Absent => {
                let last = fingerprint::signature_dates(doc)
                    .into_iter()
                    .flatten()
                    .max();
                last.map_or(Signing::Unsigned, Signing::DatesOnly)
            }
            status if status.usable() => Signing::Copy(status),
            status => Signing::CopyRefused(status),
        }
    }

    /// The word for it in `--format json`.
    pub fn key(&self) -> &'static str {
        match self {
            Signing::Copy(_) => "getekende kopie",
            Signing::CopyRefused(_) => "getekende kopie ongeldig",
            Signing::DatesOnly(_) => "alleen datums van ondertekening",
            Signing::Unsigned => "niet ondertekend",
        }
    }

    /// True when the part may stand in a verdict's `ja` unremarked.
    pub fn signed_copy(&self) -> bool {
        matches!(self, Signing::Copy(_))
    }
}

impl Serialize for Signing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// One part a verdict rests on, and how it is signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The document.
    pub document: PathBuf,
    /// The line of its signatures (`ondertekening:`), or of its date.
    pub line: usize,
    /// The signed copy's place (whether or not it is there).
    pub kopie: PathBuf,
    /// How it is signed (serialised as [`Signing::key`]).
    #[serde(rename = "status")]
    pub signing: Signing,
}

impl Part {
    fn of(case: &Case, doc: &Document) -> Part {
        Part {
            document: doc.path.clone(),
            line: doc.anchor(paths::ONDERTEKENING).line,
            kopie: signed_copy::path_of(&doc.path),
            signing: Signing::of(case, doc),
        }
    }

    /// What the verdict says of it, in Dutch, starting with where to look.
    pub fn describe(&self) -> String {
        let doc = crate::report::display(&self.document);
        let copy = crate::report::display(&self.kopie);
        match &self.signing {
            Signing::Copy(Status::Matches { fingerprint }) => format!(
                "{copy}: getekende kopie, met de vingerafdruk van de getekende versie ({fingerprint})"
            ),
            Signing::Copy(Status::MadeAfter { made }) => format!(
                "{copy}: getekende kopie, gemaakt op {}, na de handtekeningen (een scan zonder vingerafdruk)",
                date::short(*made)
            ),
            Signing::Copy(_) => format!(
                "{copy}: getekende kopie; van welke versie zij is, staat niet in de PDF (vergelijk de vingerafdruk onderaan de pagina's met `pva verify`)"
            ),
            Signing::CopyRefused(_) => format!(
                "{copy}: de getekende kopie is ongeldig (PVA045); het onderdeel telt als ongetekend"
            ),
            Signing::DatesOnly(day) => format!(
                "{doc}:{}: alleen ongetekend in het dossier: getekend op {} volgens de datums, maar {copy} ontbreekt",
                self.line,
                date::short(*day)
            ),
            Signing::Unsigned => {
                format!("{doc}:{}: niet door beide partijen ondertekend", self.line)
            }
        }
    }
}

/// The kinds of document a question of the beoordelingskader rests on.
fn kinds(question: &str) -> &'static [DocKind] {
    match question {
        "plan-van-aanpak" => &[DocKind::Plan],
        "evaluaties" => &[DocKind::Evaluatie],
        "bijstelling" => &[DocKind::Bijstelling],
        "eerstejaarsevaluatie" | "spoor-2" => &[DocKind::Eerstejaars],
        "eindevaluatie" => &[DocKind::Eind, DocKind::Verkort],
        _ => &[],
    }
}

/// The parts a verdict rests on: the documents its evidence points at and
/// those of the kinds its question asks about, dated on or before the day
/// judged, in the dossier's order.
pub fn parts(case: &Case, question: &str, evidence: &[PathBuf]) -> Vec<Part> {
    case.dossier
        .documents
        .iter()
        .filter(|d| {
            d.kind.is_some_and(|k| kinds(question).contains(&k)) || evidence.contains(&d.path)
        })
        .filter(|d| d.kind.is_some())
        .filter(|d| case.dated(d).is_some_and(|f| case.counts(f.day)))
        .map(|d| Part::of(case, d))
        .collect()
}

/// A verdict given what its parts' signing says. A `ja` that rests on a
/// part not signed by both (or whose signed copy is refused) cannot stand:
/// `niet te beoordelen`. A `ja` whose parts were signed by the dates but
/// whose signed copies are not in the dossier stays `ja`, with a note: the
/// parties' own dates say the step was taken; what reaches UWV unsigned is
/// a finding of the set (PVA044). Never a `ja` without saying so.
pub fn weigh(answer: Answer, toelichting: String, parts: &[Part]) -> (Answer, String) {
    let unsigned = parts
        .iter()
        .filter(|p| matches!(p.signing, Signing::Unsigned | Signing::CopyRefused(_)))
        .count();
    let dates_only = parts
        .iter()
        .filter(|p| matches!(p.signing, Signing::DatesOnly(_)))
        .count();
    let count = |n: usize| match n {
        1 => "1 onderdeel".to_string(),
        n => format!("{n} onderdelen"),
    };
    match answer {
        Answer::Ja if unsigned > 0 => (
            Answer::NietTeBeoordelen,
            format!(
                "{toelichting}; maar {} waarop dit rust, {} niet (geldig) ondertekend",
                count(unsigned),
                if unsigned == 1 { "is" } else { "zijn" }
            ),
        ),
        Answer::Ja if dates_only > 0 => (
            Answer::Ja,
            format!(
                "{toelichting}; let op: van {} staat alleen de ongetekende tekst in het dossier",
                count(dates_only)
            ),
        ),
        _ => (answer, toelichting),
    }
}
