//! Quick fixes, from the data a finding carries (`diag::FixData`, sent as
//! the LSP diagnostic's `data`), never from its Dutch message: replace the
//! marked text by the suggestion of a typo, or write a missing key where it
//! belongs (the dossier for shared data, else the document, a `##` heading
//! for a long text that has one, such as the late plan's reason).

// `WorkspaceEdit` maps `lsp_types::Uri` to edits; a Uri hashes by its text,
// which its cached parts never change.
#![allow(clippy::mutable_key_type)]

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, Position, Range,
    TextEdit, Uri, WorkspaceEdit,
};

use super::cursor::yaml_region;
use super::insert::insertion;
use super::position::{LineIndex, uri_of, utf16_len};
use super::workspace::{Workspace, is_markdown};
use crate::case::DOSSIER_FILE;
use crate::case::schema::{self, Field};

/// The quick fixes for the findings the client sends along.
pub(super) fn actions(
    workspace: &Workspace,
    file: &Path,
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let Some(text) = workspace.text(file) else {
        return Vec::new();
    };
    let uri = &params.text_document.uri;
    let mut out = Vec::new();
    for diagnostic in &params.context.diagnostics {
        if let Some(action) = suggestion(&text, uri, diagnostic) {
            out.push(action);
        }
        out.extend(missing(workspace, file, &text, diagnostic));
    }
    out.into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// The data the finding carries, as `lint` attached it.
fn data(diagnostic: &Diagnostic) -> FixData {
    diagnostic
        .data
        .as_ref()
        .and_then(|d| serde_json::from_value(d.clone()).ok())
        .unwrap_or_default()
}

/// What the finding carries as pva's data: the key, the suggestion.
#[derive(Debug, Default, serde::Deserialize)]
struct FixData {
    key: Option<String>,
    suggestion: Option<String>,
}

/// A typo's suggestion: replace the marked word (inside its quotes, or the
/// whole `## ` heading).
fn suggestion(text: &str, uri: &Uri, diagnostic: &Diagnostic) -> Option<CodeAction> {
    let suggested = data(diagnostic).suggestion?;
    let word = suggested.strip_prefix("## ").unwrap_or(&suggested);
    let index = LineIndex::new(text);
    let line = index.line(diagnostic.range.start.line as usize);
    let start = index.char_col(diagnostic.range.start);
    let marked: String = line.chars().skip(start).collect();
    let mut range = diagnostic.range;
    let new_text = if marked.starts_with('#') {
        format!("## {word}")
    } else if marked.starts_with(['"', '\'']) {
        // The finding marks the quote and as many characters as the value has.
        // The client sends the range back: it may end anywhere (found by
        // the fuzz target lsp_messages, an overflow at u32::MAX).
        range.start.character = range.start.character.saturating_add(1);
        range.end.character = range.end.character.saturating_add(1);
        word.to_string()
    } else {
        word.to_string()
    };
    Some(fix(
        format!("Vervang door `{word}`"),
        diagnostic,
        HashMap::from([(uri.clone(), vec![TextEdit::new(range, new_text)])]),
        true,
    ))
}

/// A required key that is missing: write it into the dossier (shared data)
/// and into the document, or add the heading of its long text.
fn missing(
    workspace: &Workspace,
    file: &Path,
    text: &str,
    diagnostic: &Diagnostic,
) -> Vec<CodeAction> {
    let key = data(diagnostic).key;
    let Some((path, field)) = key.as_deref().and_then(|k| Some((k, schema::field(k)?))) else {
        return Vec::new();
    };
    // In dossier.yaml or gedeeld.yaml the finding stands where the key
    // belongs: write it there, under its group.
    if !is_markdown(file) {
        let title = format!("Voeg `{path}` toe aan {}", file_name(file));
        return insert_edit(text, false, path, field)
            .zip(uri_of(file))
            .map(|(edit, uri)| fix(title, diagnostic, HashMap::from([(uri, vec![edit])]), true))
            .into_iter()
            .collect();
    }
    if let Some(heading) = schema::HEADINGS.iter().find(|h| h.path == path) {
        let edit = append_heading(text, heading.title);
        let title = format!("Voeg de kop `## {}` toe", heading.title);
        return uri_of(file)
            .map(|uri| fix(title, diagnostic, HashMap::from([(uri, vec![edit])]), true))
            .into_iter()
            .collect();
    }
    let mut out = Vec::new();
    let shared = field.scope.allows(None);
    if let Some(dossier) = file
        .parent()
        .map(|d| d.join(DOSSIER_FILE))
        .filter(|_| shared)
    {
        let edit = workspace
            .text(&dossier)
            .and_then(|t| insert_edit(&t, false, path, field));
        if let (Some(edit), Some(uri)) = (edit, uri_of(&dossier)) {
            let title = format!("Voeg `{path}` toe aan {DOSSIER_FILE}");
            out.push(fix(
                title,
                diagnostic,
                HashMap::from([(uri, vec![edit])]),
                true,
            ));
        }
    }
    if let (Some(edit), Some(uri)) = (insert_edit(text, true, path, field), uri_of(file)) {
        let title = format!("Voeg `{path}` toe aan dit document");
        out.push(fix(
            title,
            diagnostic,
            HashMap::from([(uri, vec![edit])]),
            !shared,
        ));
    }
    out
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The edit that writes `path` into the YAML of `text` (the front matter of
/// a document, or a whole dossier file).
fn insert_edit(text: &str, markdown: bool, path: &str, field: &Field) -> Option<TextEdit> {
    let lines: Vec<&str> = text.split('\n').collect();
    let region = yaml_region(&lines, markdown)?;
    let keys: Vec<&str> = path.split('.').collect();
    let (before, new_text) = insertion(&lines, region, &keys, field)?;
    Some(match before < lines.len() {
        true => TextEdit::new(point(before as u32, 0), new_text),
        // After a last line without a line break.
        false => {
            let last = lines.len() - 1;
            let end = point(last as u32, utf16_len(lines[last]));
            TextEdit::new(end, format!("\n{}", new_text.trim_end_matches('\n')))
        }
    })
}

/// `## title` at the end of the document, after a blank line.
fn append_heading(text: &str, title: &str) -> TextEdit {
    let index = LineIndex::new(text);
    let last = index.len() - 1;
    let end = point(last as u32, utf16_len(index.line(last)));
    let gap = match (text.ends_with("\n\n"), text.ends_with('\n')) {
        (true, _) => "",
        (false, true) => "\n",
        (false, false) => "\n\n",
    };
    TextEdit::new(end, format!("{gap}## {title}\n\n"))
}

fn point(line: u32, character: u32) -> Range {
    Range::new(
        Position::new(line, character),
        Position::new(line, character),
    )
}

fn fix(
    title: String,
    diagnostic: &Diagnostic,
    changes: HashMap<Uri, Vec<TextEdit>>,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit::new(changes)),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the fuzz target `lsp_messages`: the client sends the
    /// finding back, and a range that ends at u32::MAX overflowed when the
    /// fix moved past the opening quote.
    #[test]
    fn a_quoted_typo_with_a_range_to_the_end_gets_its_fix() {
        let text = "---\ndocument: 'plan-van-aanpk'\n---\n";
        let uri: Uri = "file:///p/cases/d/plan.md".parse().unwrap();
        let mut diagnostic = Diagnostic {
            range: Range::new(Position::new(1, 10), Position::new(1, u32::MAX)),
            message: "x".into(),
            data: Some(serde_json::json!({ "suggestion": "plan-van-aanpak" })),
            ..Diagnostic::default()
        };
        let action = suggestion(text, &uri, &diagnostic).expect("a fix");
        let edits = &action.edit.unwrap().changes.unwrap()[&uri];
        assert_eq!(edits[0].new_text, "plan-van-aanpak");
        assert_eq!(edits[0].range.start, Position::new(1, 11));
        diagnostic.range.start.character = u32::MAX;
        assert!(suggestion(text, &uri, &diagnostic).is_some());
    }
}
