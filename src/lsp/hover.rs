//! Hover: on a finding its rule as `pva lint --explain` tells it; on a key
//! (or its value, or a `##` heading) the form's label, the type, where it
//! may be written and the value it inherits with the file and line.

use std::path::Path;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::cursor::{Place, place};
use super::inherited::{inherited, shown};
use super::position::LineIndex;
use super::schema_text::{choice_label, choices, kind_text, scope_text};
use super::workspace::{Workspace, is_markdown};
use crate::case::schema::{self, DocKind, Kind};
use crate::rules;

/// The hover at `position` of `file`.
pub(super) fn hover(workspace: &Workspace, file: &Path, position: Position) -> Option<Hover> {
    let text = workspace.text(file)?;
    let index = LineIndex::new(&text);
    let mut parts: Vec<String> = findings_at(workspace, file, &index, position);
    let col = index.char_col(position);
    if let Some(path) = key_path(&text, position.line as usize, col, is_markdown(file)) {
        parts.extend(key_hover(workspace, file, &text, &path));
        // A date of a step of the law: its formula and source, from the table.
        let steps = crate::law::steps_of_key(&path, document_kind(&text, file));
        parts.extend(steps.into_iter().map(crate::law::step_markdown));
    }
    (!parts.is_empty()).then(|| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

/// The explanation of each finding whose range holds `position`.
fn findings_at(
    workspace: &Workspace,
    file: &Path,
    index: &LineIndex<'_>,
    position: Position,
) -> Vec<String> {
    let mut codes: Vec<&str> = workspace
        .findings_in(file)
        .into_iter()
        .filter(|d| {
            let range = index.range(d.line, d.column, d.width);
            range.start <= position && position <= range.end
        })
        .map(|d| d.code)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
        .into_iter()
        .filter_map(rules::find)
        .map(|rule| rules::explanation(rule).trim_end().to_string())
        .collect()
}

/// The dotted key the cursor is on: a key, its value or a `##` heading.
pub(super) fn key_path(text: &str, line: usize, col: usize, markdown: bool) -> Option<String> {
    match place(text, line, col, markdown) {
        Place::Key {
            parents,
            key,
            start,
        } if !key.is_empty() && col <= start + key.chars().count() => Some(
            parents
                .into_iter()
                .chain([key])
                .collect::<Vec<_>>()
                .join("."),
        ),
        Place::Value { path, .. } => Some(path.join(".")),
        Place::Heading { line } => {
            let title = line.trim_start_matches('#').trim();
            schema::HEADINGS
                .iter()
                .find(|h| h.title.eq_ignore_ascii_case(title))
                .map(|h| h.path.to_string())
        }
        _ => None,
    }
}

/// Label, type, scope and inherited value of the key at `path`.
fn key_hover(workspace: &Workspace, file: &Path, text: &str, path: &str) -> Option<String> {
    let field = schema::field(path)?;
    let kind = document_kind(text, file);
    let mut out = format!(
        "**`{path}`**: {}\n\nSoort: {}  \nMag staan in: {}",
        field.label,
        kind_text(&field.kind),
        scope_text(field.scope)
    );
    if let Kind::Choice(options) = field.kind {
        for choice in choices(path, options, kind) {
            let label = choice_label(choice, kind).unwrap_or("");
            out.push_str(&format!("\n- `{}`: {label}", choice.key));
        }
    }
    if let Some(found) = inherited(workspace, file, path) {
        let pos = &found.node.pos;
        let from = if found.frozen { "Bevroren" } else { "Geërfd" };
        let root = workspace.root_for(file);
        let shown_path = pos.file.strip_prefix(&root).unwrap_or(&pos.file);
        out.push_str(&format!(
            "\n\n{from}: {} uit {}:{}",
            shown(&found.node),
            shown_path.display(),
            pos.line
        ));
    }
    Some(out)
}

/// The kind of a document as its front matter names it (read from the
/// text, so also while the YAML does not parse); `None` for the YAML files.
pub(super) fn document_kind(text: &str, file: &Path) -> Option<DocKind> {
    if !is_markdown(file) {
        return None;
    }
    text.lines()
        .skip(1)
        .take_while(|l| l.trim_end() != "---")
        .find_map(|l| l.strip_prefix("document:"))
        .and_then(|v| DocKind::parse(v.trim().trim_matches(['"', '\''])))
}
