//! Integration tests: one binary, so typst is linked once. Each module
//! covers one feature, through the `pva` command as a user runs it.

// Fixtures are written directly; atomic writes guard outputs, not test setup.
#![allow(clippy::disallowed_methods)]

mod broken;
mod build;
mod escaping;
mod everyday;
mod fixture;
mod incremental;
mod lint;
mod privacy;
mod support;
mod templates;
