//! pva's findings as LSP diagnostics, one notification per file.

use std::path::Path;

use lsp_types::{DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams};

use super::position::{LineIndex, uri_of};
use super::workspace::Workspace;
use crate::diag::{Diagnostic, FixData, Severity};

/// The notification that replaces the findings shown for `file` (none
/// clears them).
pub(super) fn publish(workspace: &Workspace, file: &Path) -> Option<PublishDiagnosticsParams> {
    let text = workspace.text(file).unwrap_or_default();
    let index = LineIndex::new(&text);
    let diagnostics = workspace
        .findings_in(file)
        .into_iter()
        .map(|d| to_lsp(d, &index))
        .collect();
    Some(PublishDiagnosticsParams::new(
        uri_of(file)?,
        diagnostics,
        None,
    ))
}

/// One finding, its position converted to the text's UTF-16 columns.
pub(super) fn to_lsp(finding: &Diagnostic, index: &LineIndex<'_>) -> lsp_types::Diagnostic {
    let mut message = finding.message.clone();
    if let Some(hint) = &finding.hint {
        message.push_str(&format!("\nhint: {hint}"));
    }
    lsp_types::Diagnostic {
        range: index.range(finding.line, finding.column, finding.width),
        severity: Some(match finding.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.code.to_string())),
        source: Some("pva".to_string()),
        message,
        data: (finding.data != FixData::default())
            .then(|| serde_json::to_value(&finding.data).ok())
            .flatten(),
        ..lsp_types::Diagnostic::default()
    }
}
