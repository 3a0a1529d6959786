//! Stage: case files. Finding dossiers, splitting front matter from notes,
//! parsing YAML with positions and merging inherited data.

pub mod date;
mod document;
mod dossier;
mod front_matter;
mod node;
pub mod schema;

pub use document::{Document, LongText, Section, line_col, parse_document};
pub use dossier::{DOSSIER_FILE, Dossier, Found, SHARED_FILE, find, load};
pub use front_matter::normalise;
pub use node::{Key, Node, Pos, Value};
pub use schema::DocKind;
