//! Stage: case data → Typst source, through Tera templates.

mod context;
mod templates;

pub use context::context;
pub use templates::{BUILTIN, TemplateError, Templates, template_name};

use crate::case::{DocKind, Document, fingerprint};

/// The label of the metadata that holds a document's fingerprint; the
/// layout (`pva.typ`) prints it at the foot of every page.
pub const FINGERPRINT_LABEL: &str = "pva-vingerafdruk";

/// The Typst source of `doc`: its template rendered, and the document's
/// fingerprint after it as metadata, so the footer can print it whatever
/// the template (a template cannot leave it out or change it).
pub fn source(
    templates: &Templates,
    doc: &Document,
    kind: DocKind,
    draft: bool,
) -> Result<String, TemplateError> {
    let mut source = templates.render(kind, &context(doc, kind, draft))?;
    source.push_str(&format!(
        "\n#metadata(\"{}\") <{FINGERPRINT_LABEL}>\n",
        fingerprint::of(doc)
    ));
    Ok(source)
}
