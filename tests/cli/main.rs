//! Integration tests: one binary, so typst is linked once. Each module
//! covers one feature, through the `pva` command as a user runs it.

// Fixtures are written directly; atomic writes guard outputs, not test setup.
#![allow(clippy::disallowed_methods)]

mod accessibility;
mod agreement;
mod boundaries;
mod broken;
mod build;
mod ci;
mod drafts;
mod escaping;
mod everyday;
mod files;
mod fixture;
mod forms;
mod guidance;
mod incremental;
mod integrity;
mod lint;
mod lsp;
mod periods;
mod privacy;
mod questions;
mod readme;
mod release;
mod riv;
mod schema;
mod signed;
mod stages;
mod support;
mod templates;
mod timeline;
