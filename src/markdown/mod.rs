//! Stage: Markdown notes → Typst markup, and the escaping shared by every
//! stage that writes Typst.

mod escape;
mod safety;
mod writer;

pub use crate::case::markdown_options as options;
pub use escape::{push_markup, typst_markup, typst_str};
pub use safety::check_generated;
pub use writer::to_typst;
