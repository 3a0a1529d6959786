//! Structure: every key and `##` heading must be a known one, in the right
//! file, with the right kind of value.

use crate::case::schema::{self, DocKind, Field, Kind};
use crate::case::{Document, Node, Value};
use crate::diag::Diagnostic;

use super::suggest::{did_you_mean, nearest};
use crate::rules;

/// Checks a document's own front matter and its headings.
pub(super) fn document(doc: &Document) -> Vec<Diagnostic> {
    // Without a known kind only PVA008 is reported: every other key would be "wrong".
    if doc.kind.is_none() {
        return Vec::new();
    }
    let mut out = keys(&doc.own, doc.kind);
    out.extend(headings(doc));
    out
}

/// Checks the keys of a parsed file against the schema. `kind` is the
/// document kind, or `None` for `dossier.yaml` / `gedeeld.yaml`.
pub(super) fn keys(node: &Node, kind: Option<DocKind>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_map(node, schema::ROOT, "", kind, &mut out);
    out
}

fn check_map(
    node: &Node,
    fields: &[Field],
    prefix: &str,
    kind: Option<DocKind>,
    out: &mut Vec<Diagnostic>,
) {
    for (key, value) in node.entries() {
        let path = format!("{prefix}{}", key.name);
        let Some(field) = fields.iter().find(|f| f.key == key.name) else {
            let hint = did_you_mean(&key.name, fields.iter().map(|f| f.key));
            let near = nearest(&key.name, fields.iter().map(|f| f.key));
            out.push(
                Diagnostic::new(&rules::UNKNOWN_KEY, &key.pos, format!("onbekend veld `{path}`: het komt niet op het formulier en wordt niet gebruikt.{hint}"))
                    .width(key.name.chars().count())
                    .hint("`pva fields` toont alle velden")
                    .suggestion(near),
            );
            continue;
        };
        if !field.scope.allows(kind) {
            // One finding for the key; what is below it is not used either.
            out.push(wrong_place(field, &path, key, kind));
            continue;
        }
        check_value(value, field, &path, kind, out);
    }
}

fn wrong_place(
    field: &Field,
    path: &str,
    key: &crate::case::Key,
    kind: Option<DocKind>,
) -> Diagnostic {
    let belongs = match field.scope {
        schema::Scope::Plan => "een Plan van aanpak",
        schema::Scope::Bijstelling => "een Bijstelling",
        schema::Scope::Inherited => {
            "dossier.yaml of gedeeld.yaml (de geschiedenis van het dossier)"
        }
        _ => "een document (niet in dossier.yaml of gedeeld.yaml)",
    };
    let here = match kind {
        Some(k) => format!("dit document is een {}", k.title()),
        None => "hier staan alleen gegevens die alle documenten delen".to_string(),
    };
    Diagnostic::new(
        &rules::WRONG_PLACE,
        &key.pos,
        format!("`{path}` hoort bij {belongs}; {here}, dus het wordt niet gebruikt"),
    )
    .width(key.name.chars().count())
    .hint("verplaats het veld naar het juiste document of verwijder het")
}

fn check_value(
    node: &Node,
    field: &Field,
    path: &str,
    kind: Option<DocKind>,
    out: &mut Vec<Diagnostic>,
) {
    if matches!(node.value, Value::Null) {
        return;
    }
    let expected = match field.kind {
        Kind::Group(children) => {
            if matches!(node.value, Value::Map(_)) {
                check_map(node, children, &format!("{path}."), kind, out);
                return;
            }
            "een groep velden (ingesprongen regels `sleutel: waarde`)"
        }
        Kind::Rows(columns) => {
            if let Value::Seq(rows) = &node.value {
                check_rows(rows, columns, path, kind, out);
                return;
            }
            "een lijst van regels (elke regel begint met `- `)"
        }
        Kind::Bool if matches!(node.value, Value::Bool(_)) => return,
        Kind::Bool => "true of false",
        Kind::Number | Kind::Percent if matches!(node.value, Value::Int(_) | Value::Float(_)) => {
            return;
        }
        Kind::Number | Kind::Percent => "een getal",
        _ if matches!(node.value, Value::Map(_) | Value::Seq(_)) => "één waarde (tekst of datum)",
        _ => return,
    };
    out.push(Diagnostic::new(
        &rules::WRONG_TYPE,
        &node.pos,
        format!(
            "`{path}` ({}) moet {expected} zijn, maar is een {}",
            field.label,
            node.kind_name()
        ),
    ));
}

fn check_rows(
    rows: &[Node],
    columns: &'static [Field],
    path: &str,
    kind: Option<DocKind>,
    out: &mut Vec<Diagnostic>,
) {
    for row in rows {
        if matches!(row.value, Value::Map(_)) {
            check_map(row, columns, &format!("{path}."), kind, out);
        } else {
            let names: Vec<&str> = columns.iter().map(|c| c.key).collect();
            out.push(
                Diagnostic::new(
                    &rules::WRONG_TYPE,
                    &row.pos,
                    format!(
                        "elke regel van `{path}` moet de velden {} hebben, maar dit is een {}",
                        names.join(", "),
                        row.kind_name()
                    ),
                )
                .hint(format!(
                    "schrijf bijvoorbeeld `- {}: …` en daaronder de andere velden",
                    names[0]
                )),
            );
        }
    }
}

/// Checks the `##` headings: known, for this kind of document, not twice,
/// and not also given in the front matter. A section reported here is not
/// printed, so every finding says so and lists the headings that are.
fn headings(doc: &Document) -> Vec<Diagnostic> {
    let kind = doc.kind;
    let allowed: Vec<&str> = schema::HEADINGS
        .iter()
        .filter(|h| h.allows(kind))
        .map(|h| h.title)
        .collect();
    let known = format!(
        "koppen van {}: {}; gebruik ### voor een tussenkopje",
        kind.map_or_else(|| "dit document".to_string(), DocKind::title_with_article),
        allowed.join(", ")
    );
    let mut out = Vec::new();
    for (i, section) in doc.sections.iter().enumerate() {
        let found = schema::HEADINGS
            .iter()
            .find(|h| h.title.eq_ignore_ascii_case(&section.title));
        let width = section.title.chars().count() + 3;
        let earlier = doc.sections[..i]
            .iter()
            .find(|s| s.title.eq_ignore_ascii_case(&section.title));
        match found {
            None => {
                let hint = did_you_mean(&section.title, allowed.iter().copied());
                let near = nearest(&section.title, allowed.iter().copied()).map(|t| format!("## {t}"));
                out.push(
                    Diagnostic::new(&rules::UNKNOWN_HEADING, &section.pos, format!("onbekende kop `## {}`: de tekst eronder komt niet in het formulier.{hint}", section.title))
                        .width(width)
                        .hint(known.clone())
                        .suggestion(near.as_deref()),
                );
            }
            Some(h) if !h.allows(kind) => out.push(
                Diagnostic::new(
                    &rules::WRONG_PLACE,
                    &section.pos,
                    format!(
                        "de kop `## {}` hoort niet bij {}: de tekst eronder komt niet in het formulier",
                        section.title,
                        kind.map_or_else(|| "dit document".to_string(), DocKind::title_with_article)
                    ),
                )
                .width(width)
                .hint(known.clone()),
            ),
            Some(_) if earlier.is_some() => out.push(
                Diagnostic::new(
                    &rules::WRONG_PLACE,
                    &section.pos,
                    format!(
                        "de kop `## {}` staat twee keer in dit document (ook op regel {}): de tekst onder deze tweede kop komt niet in het formulier",
                        section.title,
                        earlier.map_or(0, |s| s.pos.line)
                    ),
                )
                .width(width)
                .hint("voeg de tekst samen onder één kop"),
            ),
            // A heading with only guidance under it answers nothing, so the
            // front-matter value is the only one.
            Some(h) if !crate::case::is_blank(&section.markdown) => {
                if let Some(node) = doc.own.get(h.path).filter(|n| !n.is_blank()) {
                    out.push(
                        Diagnostic::new(
                            &rules::DOUBLE_TEXT,
                            &section.pos,
                            format!(
                                "`{}` staat zowel in de front matter (regel {}) als onder deze kop",
                                h.path, node.pos.line
                            ),
                        )
                        .width(width)
                        .hint("houd één van de twee over"),
                    );
                }
            }
            Some(_) => {}
        }
    }
    out
}
