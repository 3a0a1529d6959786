//! Completion: the keys valid at the cursor for this kind of document, the
//! values of a choice with the form's wording, and the form's `##` headings.

use std::path::Path;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, Position, Range, TextEdit,
};

use super::cursor::{Place, key_lines, place, siblings, yaml_region};
use super::hover::document_kind;
use super::position::{LineIndex, utf16_len};
use super::schema_text::{
    allowed, choice_label, choices, fields_under, heading_allowed, heading_places, kind_text,
    scope_text,
};
use super::workspace::is_markdown;
use crate::case::schema::{self, DocKind, Field, Kind};

/// What may be typed at `position` of `file`, whose text is `text`.
pub(super) fn complete(text: &str, file: &Path, position: Position) -> Vec<CompletionItem> {
    let index = LineIndex::new(text);
    let line = position.line as usize;
    let col = index.char_col(position);
    let markdown = is_markdown(file);
    let kind = document_kind(text, file);
    let at = Spot {
        index: &index,
        line,
        cursor: position,
    };
    match place(text, line, col, markdown) {
        Place::Key { parents, start, .. } => {
            let present = siblings(text, line, start);
            keys(&parents, markdown, kind, &present, &at.from(start))
        }
        Place::Value { path, start } => values(&path.join("."), kind, &at, start),
        Place::Heading { .. } if markdown => headings(text, kind, &at.from(0)),
        _ => Vec::new(),
    }
}

/// Where the completion is: the cursor on a line of the text.
struct Spot<'a> {
    index: &'a LineIndex<'a>,
    line: usize,
    cursor: Position,
}

impl Spot<'_> {
    /// The range from character `col` of the line to the cursor.
    fn from(&self, col: usize) -> Range {
        let prefix: String = self.index.line(self.line).chars().take(col).collect();
        Range::new(
            Position::new(self.cursor.line, utf16_len(&prefix)),
            self.cursor,
        )
    }
}

fn keys(
    parents: &[String],
    markdown: bool,
    kind: Option<DocKind>,
    present: &[String],
    range: &Range,
) -> Vec<CompletionItem> {
    let Some(fields) = fields_under(parents) else {
        return Vec::new();
    };
    fields
        .iter()
        .enumerate()
        .filter(|(_, f)| allowed(f.scope, markdown, kind) && !present.iter().any(|p| p == f.key))
        .map(|(i, field)| {
            let after = match field.kind {
                Kind::Group(_) | Kind::Rows(_) => ":",
                _ => ": ",
            };
            CompletionItem {
                kind: Some(CompletionItemKind::PROPERTY),
                detail: Some(field.label.to_string()),
                documentation: Some(markdown_doc(&about(field))),
                sort_text: Some(format!("{i:03}")),
                filter_text: Some(field.key.to_string()),
                text_edit: Some(edit(range, format!("{}{after}", field.key))),
                ..CompletionItem::new_simple(field.key.to_string(), String::new())
            }
        })
        .collect()
}

fn values(path: &str, kind: Option<DocKind>, at: &Spot<'_>, colon: usize) -> Vec<CompletionItem> {
    let Some(field) = schema::field(path) else {
        return Vec::new();
    };
    let options: Vec<(&str, String)> = match field.kind {
        Kind::Choice(options) => choices(path, options, kind)
            .into_iter()
            .map(|c| (c.key, choice_label(c, kind).unwrap_or("").to_string()))
            .collect(),
        Kind::Bool => vec![("true", "ja".to_string()), ("false", "nee".to_string())],
        _ => return Vec::new(),
    };
    let line = at.index.line(at.line);
    let spaces = line.chars().skip(colon).take_while(|c| *c == ' ').count();
    let cursor = at.index.char_col(at.cursor);
    // Right after the colon the value needs its space.
    let (start, space) = match cursor >= colon + spaces && spaces > 0 {
        true => (colon + spaces, ""),
        false => (cursor, " "),
    };
    let range = at.from(start);
    options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| CompletionItem {
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(label),
            sort_text: Some(format!("{i:03}")),
            filter_text: Some(value.to_string()),
            text_edit: Some(edit(&range, format!("{space}{value}"))),
            ..CompletionItem::new_simple(value.to_string(), String::new())
        })
        .collect()
}

/// The headings of this kind of document whose text is not written yet,
/// under a heading or in the front matter.
fn headings(text: &str, kind: Option<DocKind>, range: &Range) -> Vec<CompletionItem> {
    let lines: Vec<&str> = text.split('\n').collect();
    let region = yaml_region(&lines, true).unwrap_or(0..0);
    let written = |title: &str, path: &str| {
        let keys: Vec<&str> = path.split('.').collect();
        key_lines(&lines, region.clone(), &keys).len() == keys.len()
            || lines
                .iter()
                .filter_map(|l| l.strip_prefix("## "))
                .any(|t| t.trim().eq_ignore_ascii_case(title))
    };
    schema::HEADINGS
        .iter()
        .enumerate()
        .filter(|(_, h)| heading_allowed(h, kind) && !written(h.title, h.path))
        .map(|(i, heading)| {
            let label = format!("## {}", heading.title);
            let field = schema::field(heading.path);
            CompletionItem {
                kind: Some(CompletionItemKind::KEYWORD),
                detail: field.map(|f| f.label.to_string()),
                documentation: Some(markdown_doc(&format!(
                    "De tekst eronder vult `{}`.  \nMag staan in: {}",
                    heading.path,
                    heading_places(heading)
                ))),
                sort_text: Some(format!("{i:03}")),
                filter_text: Some(label.clone()),
                text_edit: Some(edit(range, label.clone())),
                ..CompletionItem::new_simple(label, String::new())
            }
        })
        .collect()
}

/// Type and scope of a field, for a completion's documentation.
fn about(field: &Field) -> String {
    format!(
        "Soort: {}  \nMag staan in: {}",
        kind_text(&field.kind),
        scope_text(field.scope)
    )
}

fn markdown_doc(value: &str) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: value.to_string(),
    })
}

fn edit(range: &Range, new_text: String) -> CompletionTextEdit {
    CompletionTextEdit::Edit(TextEdit::new(*range, new_text))
}
