//! Stage: Markdown notes → Typst markup, and the escaping shared by every
//! stage that writes Typst.

mod escape;
mod guidance;
mod marker;
mod sections;
mod writer;

pub use escape::{push_markup, typst_markup, typst_str};
pub use guidance::{guidance, is_blank};
pub use marker::{PRIVACY_MARKER, has_privacy_marker, strip_privacy_markers};
pub use sections::{Section, Sections, split as split_sections};
pub use writer::{options, to_typst};
