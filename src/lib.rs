//! `pva`: sick-leave reintegration documents (Wet verbetering poortwachter)
//! as plain text, linted against the forms and the law, built into PDF/A.
//!
//! The pipeline, one module per stage:
//! [`case`] (files → data) → [`lint`] (data → findings) →
//! [`markdown`] and [`render`] (data → Typst source) → [`compile`] (Typst → PDF).
//! [`pipeline`] runs the stages over whole folders; [`run`] runs a command line.

pub mod agenda;
pub mod cache;
pub mod case;
pub mod ci;
/// The command line as clap definitions (the file itself cannot hold `//!`
/// docs: build scripts may `include!` it).
pub mod cli;
pub mod compile;
pub mod config;
pub mod diag;
pub mod freeze;
pub mod fs;
pub mod glyphs;
pub mod json_schema;
pub mod law;
pub mod lint;
pub mod lsp;
pub mod manifest;
pub mod markdown;
pub mod mirror;
pub mod pipeline;
pub mod record;
pub mod render;
pub mod report;
pub mod riv;
pub mod rules;
mod run;
pub mod scaffold;
pub mod shard;
pub mod verify;

pub use run::{FAILED, OK, USAGE, run};
