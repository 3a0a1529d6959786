//! Stage: case data → Typst source, through Tera templates.

mod context;
mod templates;

pub use context::context;
pub use templates::{BUILTIN, TemplateError, Templates, template_name};
