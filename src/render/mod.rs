//! Stage: case data → Typst source, through Tera templates.

mod blackout;
mod context;
mod templates;
pub mod wire;

pub use context::context;
pub use templates::{BUILTIN, TemplateError, Templates, template_name};

use crate::case::{DocKind, Document, fingerprint};
use crate::lint::Flagged;

/// The label of the metadata that holds a document's fingerprint; the
/// layout (`pva.typ`) prints it at the foot of every page.
pub const FINGERPRINT_LABEL: &str = "pva-vingerafdruk";

/// The label of the metadata that holds how many passages a draft blacked
/// out; the layout (`pva.typ`) says so under the title.
pub const BLACKED_OUT_LABEL: &str = "pva-zwartgelakt";

/// The Typst source of `doc`: its template rendered, and the document's
/// fingerprint after it as metadata, so the footer can print it whatever
/// the template (a template cannot leave it out or change it). The
/// passages in `blacked_out` (a draft's privacy findings) are printed as
/// black bars, and their number is metadata too; the fingerprint is of
/// the document as written.
pub fn source(
    templates: &Templates,
    doc: &Document,
    kind: DocKind,
    draft: bool,
    blacked_out: &[Flagged],
) -> Result<String, TemplateError> {
    prepare(doc, kind, draft, blacked_out).render(templates)
}

/// What rendering a document takes, before its template runs: a build
/// runs the template in a bounded worker (a project's own template is
/// code and may not stop), so this part is plain data that can be sent.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The template's name ([`template_name`] of the kind).
    pub template: String,
    /// The values the template reads, by name.
    pub values: std::collections::BTreeMap<&'static str, tera::Value>,
    /// Typst put after the template's output (fingerprint, blacked-out count).
    pub suffix: String,
}

impl Prepared {
    /// The Typst source: the template rendered, then the suffix.
    pub fn render(&self, templates: &Templates) -> Result<String, TemplateError> {
        let mut context = tera::Context::new();
        for (key, value) in &self.values {
            context.insert_value(*key, value.clone());
        }
        let mut source = templates.render_name(&self.template, &context)?;
        source.push_str(&self.suffix);
        Ok(source)
    }
}

/// The data [`source`] renders for `doc`.
pub fn prepare(doc: &Document, kind: DocKind, draft: bool, blacked_out: &[Flagged]) -> Prepared {
    let shown = if blacked_out.is_empty() {
        std::borrow::Cow::Borrowed(doc)
    } else {
        std::borrow::Cow::Owned(blackout::black_out(doc, blacked_out))
    };
    let mut suffix = format!(
        "\n#metadata(\"{}\") <{FINGERPRINT_LABEL}>\n",
        fingerprint::of(doc)
    );
    if !blacked_out.is_empty() {
        let mut codes: Vec<&str> = blacked_out.iter().map(|f| f.code).collect();
        codes.sort_unstable();
        codes.dedup();
        suffix.push_str(&format!(
            "#metadata((aantal: {}, regels: \"{}\")) <{BLACKED_OUT_LABEL}>\n",
            blacked_out.len(),
            codes.join(", ")
        ));
    }
    Prepared {
        template: template_name(kind),
        values: context::values(&shown, kind, draft),
        suffix,
    }
}
