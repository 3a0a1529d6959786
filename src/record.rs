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
use crate::compile::{self, Bounded, Bounds, Pool};
use crate::diag::Diagnostic;
use crate::render::{self, TemplateError, Templates};
use crate::rules;

/// The parts of a run that every document shares, hashed once.
pub struct Layout<'a> {
    templates: &'a Templates,
    /// The layout files typst reads.
    opmaak: String,
    /// Workers that render the project's own document templates within the
    /// bounds; `None` without bounds (tests, benches) or without such a
    /// template.
    pool: Option<Pool>,
}

/// Why the layout of a signed document could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    /// The template could not be rendered (Tera's words).
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The project's own template went over a bound of `[build]`.
    #[error(
        "het eigen sjabloon templates/{template} van het project {what} en is afgebroken, dus pva kan niet nagaan of de PDF nog is zoals getekend. {fix}"
    )]
    Bounded {
        /// The template's file name.
        template: String,
        /// What happened: "deed er langer dan 2 s over".
        what: String,
        /// What to do about it.
        fix: String,
    },
}

impl<'a> Layout<'a> {
    /// The layout of a run with `templates`; with `bounds`, the project's
    /// own document templates are rendered in workers within them.
    pub fn new(templates: &'a Templates, bounds: Option<&Bounds>) -> Layout<'a> {
        let mut hasher = blake3::Hasher::new();
        for (name, bytes) in templates.assets() {
            fingerprint::add(&mut hasher, &name);
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
        let own = DocKind::ALL
            .iter()
            .any(|kind| !templates.is_builtin(&render::template_name(*kind)));
        Layout {
            templates,
            opmaak: fingerprint::short(&hasher),
            pool: bounds
                .filter(|_| own)
                .map(|b| Pool::new(b.clone(), templates)),
        }
    }

    /// The values of `getekende_versie.pdf` for `doc`, of kind `kind`, in
    /// the order of [`PDF_KEYS`].
    pub fn of(&self, doc: &Document, kind: DocKind) -> Result<Vec<(String, String)>, LayoutError> {
        let prepared = render::prepare(doc, kind, false, &[]);
        let source = match &self.pool {
            // A built-in template is rendered here: it loops only over the
            // document's own lists and sections, once each, and lint bounds
            // those (the input limit and the expensive-document rules of
            // lint::expensive), so it ends in time linear in the document.
            // A project's template is code that may never end.
            Some(pool) if !self.templates.is_builtin(&prepared.template) => pool
                .render(&prepared)
                .map_err(|e| bounded(e, &prepared.template))?,
            _ => prepared.render(self.templates)?,
        };
        let bron = blake3::hash(source.as_bytes()).to_hex()[..fingerprint::LEN].to_string();
        let values = [bron, self.opmaak.clone(), fonts().to_string(), typst()];
        Ok(PDF_KEYS
            .iter()
            .zip(values)
            .map(|(k, v)| (k.to_string(), v))
            .collect())
    }
}

/// A worker's failure as a [`LayoutError`] about `template`.
fn bounded(error: Bounded, template: &str) -> LayoutError {
    let over = |what: String, fix: String| LayoutError::Bounded {
        template: template.to_string(),
        what,
        fix,
    };
    match error {
        Bounded::Template { name, message } => TemplateError::Tera { name, message }.into(),
        Bounded::Compile(error) => TemplateError::Tera {
            name: template.to_string(),
            message: error.to_string(),
        }
        .into(),
        Bounded::TooSlow { seconds } => over(
            format!("deed er langer dan {seconds} s over"),
            format!(
                "Staat er in templates/{template} een lus of herhaling die niet ophoudt? Zet die recht, of verhoog `max_seconds` onder [build] in pva.toml als het sjabloon echt zo lang nodig heeft"
            ),
        ),
        Bounded::TooBig { memory_mb } => over(
            format!("gebruikte meer dan {memory_mb} MB geheugen"),
            format!(
                "Maakt templates/{template} een tekst of lijst die steeds groter wordt? Zet die recht, of verhoog `max_memory_mb` onder [build] in pva.toml als het sjabloon echt zo veel nodig heeft"
            ),
        ),
        Bounded::Crashed(why) => over(
            format!("stopte onverwacht ({why})"),
            "Probeer het opnieuw, en meld het als fout in pva als het blijft gebeuren".into(),
        ),
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
    let now = match layout.of(doc, doc.kind?) {
        Ok(now) => now,
        Err(error @ LayoutError::Bounded { .. }) => {
            return Some(unchecked(doc, &record.pos, &error));
        }
        // A template Tera cannot render fails the build of the document,
        // which says so.
        Err(LayoutError::Template(_)) => return None,
    };
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

/// The finding about a signed document whose layout could not be computed
/// within the bounds: an error, since what its PDF would be is unknown
/// (and building it would run the same template again).
fn unchecked(doc: &Document, pos: &crate::diag::Pos, error: &LayoutError) -> Diagnostic {
    Diagnostic::new(&rules::LAYOUT_UNCHECKED, pos, error.to_string()).hint(format!(
        "pva maakt de PDF van {} niet zolang het sjabloon niet binnen de grenzen eindigt; de getekende kopie blijft het stuk dat telt",
        doc.path.display()
    ))
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
