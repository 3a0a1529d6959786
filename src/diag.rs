//! Findings about case files: data with a stable code, a severity and an
//! exact position. Lint rules return them; the CLI renders them.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::case::Pos;
use crate::lint::rules::Rule;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document cannot be handed in like this; it is not built.
    Error,
    /// Probably wrong; check it.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The word used in output.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `PVA012`.
    pub code: &'static str,
    /// Severity (after project configuration).
    pub severity: Severity,
    /// The file the finding is about.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Width of the marked text in characters (at least 1).
    pub width: usize,
    /// What is wrong and what to do, in Dutch.
    pub message: String,
    /// Extra help: the rule's source or an example.
    pub hint: Option<String>,
    /// Whether, as an error, it stops the PDF of the document it is about
    /// (see [`crate::lint::rules::Group::blocks_documents`]).
    #[serde(skip)]
    pub blocks: bool,
}

impl Diagnostic {
    /// A finding of `rule` at `pos`.
    pub fn new(rule: &Rule, pos: &Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: rule.code,
            severity: rule.severity,
            file: pos.file.to_path_buf(),
            line: pos.line,
            column: pos.col,
            width: 1,
            message: message.into(),
            hint: None,
            blocks: rule.group.blocks_documents(),
        }
    }

    /// A finding about a whole file (line 1).
    pub fn in_file(rule: &Rule, file: &Path, message: impl Into<String>) -> Diagnostic {
        let pos = Pos {
            file: file.into(),
            line: 1,
            col: 1,
        };
        Diagnostic::new(rule, &pos, message)
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Sets how many characters to mark.
    pub fn width(mut self, width: usize) -> Diagnostic {
        self.width = width.max(1);
        self
    }

    /// Orders findings by file, then position, then code.
    pub fn sort(list: &mut [Diagnostic]) {
        list.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
        });
    }
}
