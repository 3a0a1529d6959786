use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    pva::run(pva::cli::Cli::parse())
}
