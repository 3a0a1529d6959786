//! Stage: Typst source → PDF, in-process, with embedded fonts and a world
//! that can read nothing but the templates.

mod fonts;
mod pdf;
mod world;

pub use fonts::files as font_files;
pub use pdf::{CompileError, Pdf, compile, export, typeset};
pub use world::{Engine, MAIN};

#[cfg(test)]
mod tests;
