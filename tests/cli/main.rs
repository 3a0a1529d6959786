//! Integration tests: one binary, so typst is linked once. Each module
//! covers one feature, through the `pva` command as a user runs it.

// Fixtures are written directly; atomic writes guard outputs, not test setup.
#![allow(clippy::disallowed_methods)]

mod broken;
mod build;
mod escaping;
mod everyday;
mod fixture;
mod forms;
mod incremental;
mod lint;
mod lsp;
mod support;
mod templates;
mod timeline;
