//! Findings about case files: data with a stable code, a severity and an
//! exact position. Lint rules return them; the CLI renders them.
//!
//! The first stage: it imports nothing from the crate, so every stage can
//! report findings. The rules themselves are listed in `rules`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// Where a key or value was written: file and 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pos {
    /// The file it came from.
    pub file: Arc<Path>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

/// What a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Files, keys, headings and kinds of value.
    Structure,
    /// Deadlines and order of the documents, counted in days.
    Timing,
    /// Steps of the law missing from the dossier, judged on `--today`.
    Steps,
    /// Required fields of the forms.
    Required,
    /// Formats of values (BSN, postcode, dates …).
    Format,
    /// No medical details.
    Privacy,
    /// Signed documents stay what was signed.
    Signed,
}

impl Group {
    /// Whether the rule's explanation includes the day counting.
    pub fn counts_days(self) -> bool {
        matches!(self, Group::Timing | Group::Steps)
    }

    /// Whether an error of this group stops the PDF of the document it is
    /// in (or of the documents inheriting the file it is in). A missing step
    /// of the dossier is about the dossier's progress, not a document's content.
    pub fn blocks_documents(self) -> bool {
        !matches!(self, Group::Steps)
    }
}

/// One lint rule. The rules are constants in `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable code, never reused.
    pub code: &'static str,
    /// What it is about.
    pub group: Group,
    /// Default severity; `pva.toml` may change it.
    pub severity: Severity,
    /// One line: what the rule checks.
    pub title: &'static str,
    /// The rule, its source and the counting used.
    pub explain: &'static str,
    /// A milder severity in a context where the rule weighs less, if any.
    pub milder: Option<Milder>,
}

/// Where a rule is milder than its default, and how mild (PVA041, a kind of
/// treatment named, is a warning under sociaal-medische zaken). `pva.toml`
/// sets one severity for the whole rule, milder contexts included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Milder {
    /// The severity in that context.
    pub severity: Severity,
    /// The context, in Dutch, as `--explain` names it.
    pub context: &'static str,
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
    /// (see [`Group::blocks_documents`]).
    #[serde(skip)]
    pub blocks: bool,
    /// The text of its file as pva read it, for showing the line in a
    /// report; `None` when the file could not be read.
    #[serde(skip)]
    pub source: Option<Arc<str>>,
    /// What a quick fix needs, as data: the language server reads it
    /// instead of the Dutch message.
    #[serde(skip)]
    pub data: FixData,
}

/// The data of a finding that a quick fix acts on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixData {
    /// The dotted key that is missing, empty or asked for (`werknemer.naam`,
    /// `reden_te_laat`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// What was probably meant, for a typo: replaces the marked text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Diagnostic {
    /// A finding of `rule` at `pos`, in the context where the rule is
    /// milder (see [`Rule::milder`]); the same as [`Diagnostic::new`] for a
    /// rule without one.
    pub fn milder(rule: &Rule, pos: &Pos, message: impl Into<String>) -> Diagnostic {
        let mut diag = Diagnostic::new(rule, pos, message);
        if let Some(milder) = rule.milder {
            diag.severity = milder.severity;
        }
        diag
    }

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
            source: None,
            data: FixData::default(),
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

    /// Names the key the finding is about, for quick fixes.
    pub fn key(mut self, key: impl Into<String>) -> Diagnostic {
        self.data.key = Some(key.into());
        self
    }

    /// Adds what was probably meant, for quick fixes.
    pub fn suggestion(mut self, suggestion: Option<&str>) -> Diagnostic {
        self.data.suggestion = suggestion.map(str::to_string);
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Keeps the text of the finding's file, as it was read.
    pub fn source(mut self, text: Arc<str>) -> Diagnostic {
        self.source = Some(text);
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
