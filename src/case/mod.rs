//! Stage: case files. Finding dossiers, splitting front matter from notes,
//! parsing YAML with positions and merging inherited data.

pub mod date;
mod document;
mod dossier;
pub mod fingerprint;
pub mod forms;
mod freeze;
mod front_matter;
mod guidance;
mod inherit;
mod marker;
mod node;
mod overlay;
pub mod paths;
pub mod periods;
pub mod schema;
mod sections;
pub mod signed_copy;
pub mod timeline;

pub use document::{Document, LongText, Party, Section, Signer, line_col, parse_document};
pub use dossier::{
    DOSSIER_FILE, Dossier, Found, Read, SHARED_FILE, find, load, load_with, read_with,
};
pub use freeze::frozen_text;
pub use front_matter::normalise;
pub use guidance::{Comments, guidance, is_blank};
pub use inherit::Chain;
pub use marker::{PRIVACY_MARKER, has_privacy_marker, strip_privacy_markers};
pub use node::{Key, Node, Pos, Value};
pub use overlay::Overlay;
pub use schema::DocKind;
pub use sections::markdown_options;
