//! The one error type of the command layer: every failure that stops a
//! command, typed up to the top, and the exit code it gives.

use std::path::PathBuf;

use notify_debouncer_mini::notify;

use crate::config::ConfigError;
use crate::fs::FsError;
use crate::lsp::LspError;
use crate::pipeline::BuildError;
use crate::render::TemplateError;
use crate::riv::RivError;
use crate::scaffold::NewError;

use super::USAGE;

/// A failure that stops a command. Findings and documents that could not be
/// built are results, not errors: they are reported and the command ends.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RunError {
    /// A file could not be read or written.
    #[error(transparent)]
    Fs(#[from] FsError),
    /// The templates are broken.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The build could not start or finish.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// `pva new` refused.
    #[error(transparent)]
    New(#[from] NewError),
    /// `pva.toml` is wrong.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// `pva riv` could not check or write the set.
    #[error(transparent)]
    Riv(#[from] RivError),
    /// `pva verify` could not read its argument.
    #[error(transparent)]
    Verify(#[from] crate::verify::VerifyError),
    /// `pva freeze` failed.
    #[error(transparent)]
    Freeze(#[from] crate::freeze::FreezeError),
    /// The language server stopped.
    #[error(transparent)]
    Lsp(#[from] LspError),
    /// The working folder is unreadable.
    #[error("kan de huidige map niet lezen: {}", crate::fs::reason(.0))]
    CurrentDir(#[source] std::io::Error),
    /// A date option is not a date.
    #[error("{flag} {text}: dat is geen datum; schrijf JJJJ-MM-DD, zoals 2026-11-23")]
    Date {
        /// The option, e.g. `--today`.
        flag: &'static str,
        /// What was given.
        text: String,
    },
    /// `--shard` is not `I/N`.
    #[error("{0}")]
    Shard(String),
    /// `--explain` names no rule.
    #[error(
        "onbekende regel `{code}`; de regels zijn {first} tot en met {last}, elk uitgelegd door `pva lint --explain CODE`"
    )]
    UnknownRule {
        /// What was given.
        code: String,
        /// The first code of the rule table.
        first: &'static str,
        /// The last code of the rule table.
        last: &'static str,
    },
    /// A folder could not be watched.
    #[error("kan {} niet bewaken: {source}", path.display())]
    Watch {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: notify::Error,
    },
    /// Watching for changes failed.
    #[error("kan niet op wijzigingen letten: {0}")]
    Watcher(#[from] notify::Error),
    /// Writing to the terminal (or a pipe) failed.
    #[error("kan de uitvoer niet schrijven: {}", crate::fs::reason(.0))]
    Output(#[from] std::io::Error),
    /// The agenda could not be written as JSON.
    #[error("kan de agenda niet als JSON schrijven: {0}")]
    Json(#[from] serde_json::Error),
}

impl RunError {
    /// The process exit code: every error that stops a command is a usage or
    /// I/O problem (2); findings and failed documents give 1, see `Status`.
    pub(crate) fn exit_code(&self) -> u8 {
        USAGE
    }
}
