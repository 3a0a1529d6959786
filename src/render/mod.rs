//! Stage: case data → Typst source, through Tera templates.

mod blackout;
mod context;
mod templates;

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
    let shown = if blacked_out.is_empty() {
        std::borrow::Cow::Borrowed(doc)
    } else {
        std::borrow::Cow::Owned(blackout::black_out(doc, blacked_out))
    };
    let mut source = templates.render(kind, &context(&shown, kind, draft))?;
    source.push_str(&format!(
        "\n#metadata(\"{}\") <{FINGERPRINT_LABEL}>\n",
        fingerprint::of(doc)
    ));
    if !blacked_out.is_empty() {
        let mut codes: Vec<&str> = blacked_out.iter().map(|f| f.code).collect();
        codes.sort_unstable();
        codes.dedup();
        source.push_str(&format!(
            "#metadata((aantal: {}, regels: \"{}\")) <{BLACKED_OUT_LABEL}>\n",
            blacked_out.len(),
            codes.join(", ")
        ));
    }
    Ok(source)
}
