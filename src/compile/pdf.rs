//! Compiling generated Typst to a PDF/A-2b file, reproducibly.

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::world::{DocWorld, Engine};

/// The standards every PDF pva writes follows.
pub(crate) const STANDARDS: &[PdfStandard] = &[PdfStandard::A_2a, PdfStandard::Ua_1];

/// A compilation failure: typst's messages, located in the generated source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", messages.join("\n"))]
pub struct CompileError {
    /// Each message as `file:line:col: error: text`.
    pub messages: Vec<String>,
}

/// A compiled document.
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
}

/// Compiles `source` into a PDF/A-2b. `date` is the document's date: it is
/// both typst's `today` and the PDF's creation date, so the same inputs give
/// the same bytes. `ident` must be stable for the document (its output path).
/// `keywords` are added to the template's own (the document's fingerprint).
pub fn compile(
    engine: &Engine,
    source: String,
    date: Datetime,
    ident: &str,
    keywords: &[String],
) -> Result<Pdf, CompileError> {
    let mut document = typeset(engine, source, date)?;
    document
        .info_mut()
        .keywords
        .extend(keywords.iter().map(|k| k.as_str().into()));
    let bytes = export(&document, date, ident)?;
    Ok(Pdf { bytes })
}

/// Compiles `source` into laid-out pages (the first half of [`compile`]).
pub fn typeset(
    engine: &Engine,
    source: String,
    date: Datetime,
) -> Result<PagedDocument, CompileError> {
    layout(&DocWorld::new(engine, source, date))
}

/// Exports laid-out pages as PDF/A-2b (the second half of [`compile`]).
pub fn export(
    document: &PagedDocument,
    date: Datetime,
    ident: &str,
) -> Result<Vec<u8>, CompileError> {
    let standards = PdfStandards::new(STANDARDS).map_err(|e| CompileError {
        messages: vec![e.message().to_string()],
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: Some(Timestamp::new_utc(date)),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| CompileError {
        messages: errors
            .iter()
            .map(|d| format!("pdf export: {}", d.message))
            .collect(),
    })
}

/// Pixels per PDF point when a received PDF's pages are rendered: 150 dpi,
/// legible when printed, about 0.5 MB a page.
const RENDER_SCALE: f32 = 150.0 / 72.0;

/// The pages of a PDF rendered as PNG images, for binding it into a PDF/A
/// (which may not embed PDF pages: krilla refuses `EmbeddedPDF` under every
/// PDF/A and PDF/UA profile), or `None` when the file cannot be read.
/// Rendering is deterministic: the same file gives the same images.
pub fn pdf_pages_as_png(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let pdf = hayro::hayro_syntax::Pdf::new(bytes.to_vec()).ok()?;
    let cache = hayro::RenderCache::new();
    let interpreter = hayro::hayro_interpret::InterpreterSettings::default();
    let settings = hayro::RenderSettings {
        x_scale: RENDER_SCALE,
        y_scale: RENDER_SCALE,
        bg_color: hayro::vello_cpu::color::palette::css::WHITE,
        ..Default::default()
    };
    let pages: Option<Vec<Vec<u8>>> = pdf
        .pages()
        .iter()
        .map(|page| {
            hayro::render(page, &cache, &interpreter, &settings)
                .into_png()
                .ok()
        })
        .collect();
    pages.filter(|p| !p.is_empty())
}

/// Compiles the world's main file into laid-out pages.
pub(crate) fn layout(world: &DocWorld<'_>) -> Result<PagedDocument, CompileError> {
    let Warned {
        output,
        warnings: _,
    } = typst::compile::<PagedDocument>(world);
    output.map_err(|errors| describe(world, &errors))
}

fn describe(world: &DocWorld<'_>, errors: &[SourceDiagnostic]) -> CompileError {
    let messages = errors.iter().map(|d| describe_one(world, d)).collect();
    CompileError { messages }
}

fn describe_one(world: &DocWorld<'_>, diag: &SourceDiagnostic) -> String {
    let severity = if diag.severity == Severity::Error {
        "error"
    } else {
        "warning"
    };
    let location = diag.span.id().and_then(|id| {
        let range = world.range(diag.span)?;
        let source = world.source(id).ok()?;
        let (line, col) = source.lines().byte_to_line_column(range.start)?;
        Some(format!(
            "{}:{}:{}",
            id.vpath().get_without_slash(),
            line + 1,
            col + 1
        ))
    });
    let mut text = format!(
        "{}: {severity}: {}",
        location.as_deref().unwrap_or("<typst>"),
        diag.message
    );
    for hint in &diag.hints {
        text.push_str(&format!("\n  hint: {}", hint.v));
    }
    text
}
