//! The `pva` binary: parses the command line and hands it to [`pva::run`].

use std::process::ExitCode;

use clap::Parser;

/// Typst allocates many small, short-lived objects from both threads;
/// mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    pva::run(pva::cli::Cli::parse())
}
