//! What made a signed document's PDF besides its content: the Typst source
//! its template gives, the layout files (`pva.typ`, images), the fonts and
//! the version of typst. `pva freeze` records them (`getekende_versie.pdf`);
//! `pva lint` and `pva build` compare them with what this pva would use, so
//! a newer pva or an edited template never changes a signed PDF unseen.
//!
//! These four decide the PDF's bytes: pva's PDFs are reproducible (the date
//! is the document's, the PDF's /ID its path), so the same four give the
//! same PDF. The PDF itself is not hashed: lint then needs no typst run,
//! and the PDF carries the content's fingerprint, which these include.

use std::sync::OnceLock;

use crate::case::fingerprint::{self, PDF_KEYS};
use crate::case::{DocKind, Document, Dossier};
use crate::compile;
use crate::diag::Diagnostic;
use crate::render::{self, TemplateError, Templates};
use crate::rules;

/// The parts of a run that every document shares, hashed once.
pub struct Layout<'a> {
    templates: &'a Templates,
    /// The layout files typst reads.
    opmaak: String,
}

impl<'a> Layout<'a> {
    /// The layout of a run with `templates`.
    pub fn new(templates: &'a Templates) -> Layout<'a> {
        let mut hasher = blake3::Hasher::new();
        for (name, bytes) in templates.assets() {
            fingerprint::add(&mut hasher, &name);
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
        Layout {
            templates,
            opmaak: fingerprint::short(&hasher),
        }
    }

    /// The values of `getekende_versie.pdf` for `doc`, of kind `kind`, in
    /// the order of [`PDF_KEYS`].
    pub fn of(
        &self,
        doc: &Document,
        kind: DocKind,
    ) -> Result<Vec<(String, String)>, TemplateError> {
        let source = render::source(self.templates, doc, kind, false, &[])?;
        let bron = blake3::hash(source.as_bytes()).to_hex()[..fingerprint::LEN].to_string();
        let values = [bron, self.opmaak.clone(), fonts().to_string(), typst()];
        Ok(PDF_KEYS
            .iter()
            .zip(values)
            .map(|(k, v)| (k.to_string(), v))
            .collect())
    }
}

/// The hash of the embedded fonts.
fn fonts() -> &'static str {
    static FONTS: OnceLock<String> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut hasher = blake3::Hasher::new();
        for (name, bytes) in compile::font_files() {
            fingerprint::add(&mut hasher, name);
            hasher.update(bytes);
        }
        fingerprint::short(&hasher)
    })
}

/// The version of typst and the PDF standards pva writes.
fn typst() -> String {
    format!("{} {}", compile::typst_version(), compile::standards())
}

/// The findings about signed documents of `dossier` whose content is as
/// signed but whose PDF this pva would make differently.
pub fn check(dossier: &Dossier, layout: &Layout<'_>) -> Vec<Diagnostic> {
    dossier
        .documents
        .iter()
        .filter_map(|doc| check_one(doc, layout))
        .collect()
}

fn check_one(doc: &Document, layout: &Layout<'_>) -> Option<Diagnostic> {
    let record = fingerprint::record(doc)?;
    // A changed content is PVA042's finding; this one is about the rest.
    if record.fingerprint? != fingerprint::of(doc) || record.pdf.is_empty() {
        return None;
    }
    let now = layout.of(doc, doc.kind?).ok()?;
    let reasons: Vec<String> = now
        .iter()
        .filter_map(|(key, value)| {
            let then = record.pdf.iter().find(|(k, _)| k == key).map(|(_, v)| v);
            (then != Some(value)).then(|| reason(key, then, value, doc))
        })
        .collect();
    if reasons.is_empty() {
        return None;
    }
    Some(
        Diagnostic::new(
            &rules::SIGNED_PDF_CHANGES,
            &record.pos,
            format!(
                "de PDF van dit getekende document wordt nu anders dan bij ondertekening: {}",
                reasons.join("; ")
            ),
        )
        .hint(format!(
            "de inhoud is zoals getekend, alleen de opmaak verschilt; de getekende kopie blijft het stuk dat telt. Akkoord met de nieuwe opmaak? Voer `pva freeze --accept-layout {}` uit en commit het document",
            doc.path.display()
        )),
    )
}

/// Why one part of the PDF differs, in the user's words.
fn reason(key: &str, then: Option<&String>, now: &str, doc: &Document) -> String {
    let template = doc.kind.map_or_else(String::new, render::template_name);
    match key {
        "bron" => {
            format!("het sjabloon {template} (of hoe pva het invult) geeft een andere Typst-bron")
        }
        "opmaak" => {
            "de vormgeving is anders (pva.typ of een ander bestand van de sjablonen)".into()
        }
        "lettertypen" => "de lettertypen zijn anders".into(),
        _ => format!(
            "typst is nu {now}, bij ondertekening {}",
            then.map_or("onbekend", String::as_str)
        ),
    }
}
