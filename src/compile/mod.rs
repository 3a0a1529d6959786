//! Stage: Typst source → PDF, in-process, with embedded fonts and a world
//! that can read nothing but the templates.

mod fonts;
mod pdf;
mod worker;
mod world;

pub use fonts::files as font_files;
pub use pdf::{CompileError, Pdf, compile, export, pdf_pages_as_png, typeset};
pub use worker::{Bounded, Bounds, Pool, SUBCOMMAND as WORKER_SUBCOMMAND, serve as serve_worker};
pub use world::{Engine, MAIN};

/// The standards of every PDF pva writes, as text (`[A_2a, Ua_1]`).
pub fn standards() -> String {
    format!("{:?}", pdf::STANDARDS)
}

/// The version of typst that lays out the PDFs.
pub fn typst_version() -> &'static str {
    typst::utils::version().raw()
}

#[cfg(test)]
mod tests;
