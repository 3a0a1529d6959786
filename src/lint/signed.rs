//! Signed documents stay what was signed: a signed document should carry
//! what it inherited (`pva freeze`), and a shared value that changed since
//! is shown with the place of its new value.

use std::sync::Arc;

use crate::case::fingerprint::{self, Record};
use crate::case::signed_copy::{self, Status};
use crate::case::{Document, Dossier, Node, Party, Pos, Value, date, paths};
use crate::diag::Diagnostic;

use crate::rules;

/// The findings about signed documents of `dossier`.
pub(super) fn dossier(dossier: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in &dossier.documents {
        let record = fingerprint::record(doc);
        if let Some(record) = &record {
            out.extend(changed_after_signing(doc, record));
        }
        if doc.frozen {
            changed_since(dossier, doc, &mut out);
        }
        if doc.is_signed() && !doc.frozen {
            out.push(not_frozen(doc));
        } else if doc.is_signed() && record.is_none() {
            out.push(not_recorded(doc));
        }
        out.extend(signed_copy(doc));
    }
    out
}

/// The signed copy beside `doc`: missing once both signed (a reminder), or
/// not a PDF, too large, or of another version.
fn signed_copy(doc: &Document) -> Option<Diagnostic> {
    let copy = signed_copy::path_of(&doc.path);
    let invalid = |message: String, hint: String| {
        Some(Diagnostic::in_file(&rules::SIGNED_COPY_INVALID, &copy, message).hint(hint))
    };
    match signed_copy::status(doc) {
        Status::Absent => {
            let signed = fingerprint::signature_dates(doc)
                .iter()
                .flatten()
                .max()
                .copied()?;
            if !doc.is_signed() {
                return None;
            }
            Some(Diagnostic::new(&rules::SIGNED_COPY_MISSING, &doc.anchor(paths::ONDERTEKENING), format!(
                "beide partijen tekenden dit document (op {}), maar de getekende kopie staat niet in het dossier",
                date::short(signed)
            ))
            .hint(format!(
                "bewaar de scan of de elektronisch getekende PDF als {}; `pva riv` geeft die aan UWV. Bewaart uw organisatie de getekende stukken elders, zet PVA044 dan uit in pva.toml",
                copy.display()
            )))
        }
        Status::Unusable(e) => invalid(
            format!("de getekende kopie is niet te gebruiken: {}", e.message()),
            "bewaar de scan of de elektronisch getekende PDF als PDF van hooguit 10 MB (scan in grijstinten, 200 tot 300 dpi)".into(),
        ),
        Status::OtherVersion { found, signed } => invalid(
            format!(
                "de getekende kopie is van een andere versie: zij draagt vingerafdruk {found}, de getekende versie van {} heeft {signed}",
                doc.path.display()
            ),
            format!(
                "`pva verify {}` zegt van welke versie zij is; bewaar de kopie van de versie die beide partijen tekenden",
                copy.display()
            ),
        ),
        Status::Older { made, signed } => invalid(
            format!(
                "de getekende kopie is gemaakt op {}, vóór de laatste handtekening ({}): zij is niet van de getekende versie",
                date::short(made),
                date::short(signed)
            ),
            "scan of bewaar het stuk opnieuw nadat beide partijen tekenden".into(),
        ),
        Status::Matches { .. } | Status::MadeAfter { .. } | Status::Unread => None,
    }
}

fn not_frozen(doc: &Document) -> Diagnostic {
    Diagnostic::new(&rules::NOT_FROZEN, &doc.anchor(paths::ONDERTEKENING), "dit document is door beide partijen getekend maar erft nog uit dossier.yaml en gedeeld.yaml, en zijn vingerafdruk is niet vastgelegd: een latere wijziging verandert de PDF van wat getekend is zonder dat het opvalt")
        .hint(format!("voer `pva freeze {}` uit en commit het document", doc.path.display()))
}

/// A document frozen before pva recorded fingerprints.
fn not_recorded(doc: &Document) -> Diagnostic {
    Diagnostic::new(&rules::NOT_FROZEN, &doc.anchor(paths::ONDERTEKENING), "dit getekende document is bevroren voordat pva vingerafdrukken vastlegde: een wijziging van zijn eigen tekst valt nog niet op")
        .hint(format!("controleer met `git log -p {0}` dat het nog is wat getekend is, voer dan `pva freeze {0}` uit en commit het document", doc.path.display()))
}

/// A change of `doc` since the version recorded in `record`: a finding at
/// each changed stretch of lines, or at a signature date changed since.
fn changed_after_signing(doc: &Document, record: &Record) -> Vec<Diagnostic> {
    let signed = record
        .signed_on()
        .map_or_else(String::new, |d| format!(" op {}", date::short(d)));
    let hint = way_forward(doc, record);
    let (Some(then_fp), Some(then)) = (&record.fingerprint, &record.line_hashes) else {
        return vec![Diagnostic::new(&rules::CHANGED_AFTER_SIGNING, &record.pos, "de vastgelegde getekende versie is onvolledig: de vingerafdruk of de regels ontbreken, dus een wijziging na ondertekening is niet te beoordelen")
            .hint(format!("zet getekende_versie terug zoals `pva freeze` het schreef (`git log -p {}` toont het)", doc.path.display()))];
    };
    if *then_fp == fingerprint::of(doc) {
        return dates_changed(doc, record, &hint);
    }
    let lines = fingerprint::lines(&doc.text, Some(&record.lines));
    let changes = fingerprint::changes(then, &lines);
    if changes.is_empty() {
        return vec![
            Diagnostic::new(
                &rules::CHANGED_AFTER_SIGNING,
                &record.pos,
                format!(
                    "wat dit document erft is gewijzigd sinds beide partijen het{signed} tekenden"
                ),
            )
            .hint(hint),
        ];
    }
    changes
        .iter()
        .map(|change| {
            let pos = Pos {
                file: Arc::from(doc.path.as_path()),
                line: change.first,
                col: 1,
            };
            let message = format!(
                "{} na ondertekening{}",
                change.describe(),
                fingerprint::place(doc, change.first)
            );
            Diagnostic::new(
                &rules::CHANGED_AFTER_SIGNING,
                &pos,
                format!("{message}: beide partijen tekenden een andere tekst{signed}"),
            )
            .hint(hint.clone())
        })
        .collect()
}

/// A signature date other than the recorded one (the content is as signed).
fn dates_changed(doc: &Document, record: &Record, hint: &str) -> Vec<Diagnostic> {
    let now = fingerprint::signature_dates(doc);
    Party::BOTH
        .iter()
        .zip(record.signed.iter().zip(now))
        .filter(|(_, (then, now))| *then != now)
        .map(|(who, (then, now))| {
            let path = who.signature().datum;
            let pos = doc.own.get(path).map_or_else(|| doc.anchor(path), |n| n.pos.clone());
            let shown = |d: &Option<chrono::NaiveDate>| d.map_or_else(|| "geen".to_string(), date::short);
            Diagnostic::new(&rules::CHANGED_AFTER_SIGNING, &pos, format!(
                "de datum van ondertekening van de {} is gewijzigd na het vastleggen: vastgelegd {}, nu {}",
                who.key(), shown(then), shown(&now)
            ))
            .hint(hint.to_string())
        })
        .collect()
}

/// What to do about a change after signing.
fn way_forward(doc: &Document, record: &Record) -> String {
    let path = doc.path.display();
    match record.signed_on() {
        Some(then) if fingerprint::signed_again_after(doc, then) => format!(
            "beide partijen tekenden opnieuw na {}: leg deze versie vast met `pva freeze {path}` en commit het document",
            date::short(then)
        ),
        _ => format!(
            "zet de getekende tekst terug (`git diff {path}` of `git log -p {path}` toont hem); nieuwe afspraken horen in een bijstelling of evaluatieverslag. Is het een bewuste correctie, laat beide partijen deze versie dan opnieuw tekenen, vul beide nieuwe datums van ondertekening in en voer `pva freeze {path}` uit; de vorige versie blijft in git"
        ),
    }
}

/// Compares what a frozen document carries with what the shared files now
/// say for its date.
fn changed_since(dossier: &Dossier, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(snapshot) = doc.own.get(paths::BEVROREN) else {
        return;
    };
    let now = dossier.base_at(doc.date());
    compare(snapshot, &now, "", doc, out);
}

fn compare(kept: &Node, now: &Node, prefix: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    for (key, value) in kept.entries() {
        let path = format!("{prefix}{}", key.name);
        let current = now.child(&key.name);
        match (&value.value, current) {
            (Value::Map(_), Some(current)) if matches!(current.value, Value::Map(_)) => {
                compare(value, current, &format!("{path}."), doc, out);
            }
            (_, Some(current)) if !same(value, current) => {
                out.push(changed(&path, value, current, doc))
            }
            _ => {}
        }
    }
}

fn changed(path: &str, kept: &Node, current: &Node, doc: &Document) -> Diagnostic {
    Diagnostic::new(
        &rules::CHANGED_SINCE_SIGNED,
        &kept.pos,
        format!(
            "`{path}` is gewijzigd sinds dit document is getekend: het document houdt {}, {}:{} zegt nu {}",
            shown(kept),
            current.pos.file.display(),
            current.pos.line,
            shown(current)
        ),
    )
    .hint(format!(
        "hoort de correctie ook in het getekende document? Dan is dat een nieuwe versie: pas `bevroren.{path}` in {} aan en laat beide partijen opnieuw tekenen (zie `pva lint --explain PVA042`); anders blijft het zoals getekend",
        doc.path.display()
    ))
}

fn shown(node: &Node) -> String {
    match node.text() {
        Some(text) => format!("'{text}'"),
        None if node.items().is_empty() => "niets".to_string(),
        None => format!("{} regels", node.items().len()),
    }
}

/// Equal values, wherever they were written.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| b.child(&k.name).is_some_and(|w| same(v, w)))
        }
        _ => a.text() == b.text(),
    }
}
