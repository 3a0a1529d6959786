//! The JSON Schema (draft-07) of the case format, for editors: generated from
//! the same table as the lint and `docs/case-format.md` ([`crate::case::schema`]),
//! so completion, hover and the editor's red lines cannot drift from `pva lint`.
//!
//! Two schemas: [`shared`] for `gedeeld.yaml` and `dossier.yaml` (what the
//! YAML language server checks while typing), and [`document`] for the front
//! matter of a document, one definition per kind chosen by `document:`.
//!
//! The schema accepts what the lint accepts where JSON Schema can say it: an
//! empty value is allowed everywhere (the lint's required-field rules report
//! what is missing), text may be any scalar, and the exact checks (elfproef,
//! a real calendar day, phone-number lengths) stay with the lint.
//!
//! Only the keywords of draft-07, so any validator reads it as written:
//! ajv in strict mode (`ajv compile --strict=true`) accepts it, which
//! rules out editor extensions (`patternErrorMessage`, `enumDescriptions`)
//! and unions of types (`"type": ["string", "null"]`, written here as
//! `anyOf`). What those said is in each key's `description`: the form it
//! takes and the choices with their wording on the form.

use serde_json::{Map, Value, json};

use crate::case::schema::{self, Choice, DocKind, Field, Kind};

/// The meta-schema both schemas are written in: the YAML language server's.
pub const DRAFT_07: &str = "http://json-schema.org/draft-07/schema#";

/// The file `pva init` writes the shared schema to, in the project root.
pub const FILE: &str = "pva.schema.json";

/// `YYYY-MM-DD` with a real month and day number.
const DATE: &str = r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
/// Nine digits, quoted in YAML so a leading zero stays.
const BSN: &str = "[0-9]{9}";
/// Four digits not starting with 0, two letters, not SA, SD or SS.
const POSTCODE: &str = "[1-9][0-9]{3} *([A-RT-Za-rt-z][A-Za-z]|[Ss][B-CE-RT-Zb-ce-rt-z])";
/// Digits with spaces, dashes, dots, brackets and `+`: 8 to 15 digits.
const PHONE: &str = r"[ ()+.-]*([0-9][ ()+.-]*){8,15}";
/// `name@domain.tld`.
const EMAIL: &str = r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+";

/// The schema of `gedeeld.yaml` and `dossier.yaml`.
pub fn shared() -> Value {
    let root = object(schema::ROOT, None);
    header(
        root,
        "pva: gedeeld.yaml en dossier.yaml",
        "Gedeelde gegevens van een dossier (werkgever, werknemer, verzuim, probleemanalyse …). \
         Gemaakt door `pva schema` uit dezelfde tabel als `pva lint`; alle velden: `pva fields`.",
    )
}

/// The schema of a document's front matter: `document:` chooses the kind,
/// and each kind allows its own keys and its own form's choices.
pub fn document() -> Value {
    let kinds = kinds();
    let mut definitions = Map::new();
    let mut branches = Vec::new();
    for kind in &kinds {
        let mut definition = object(schema::ROOT, Some(*kind));
        definition["title"] = json!(kind.title());
        definition["properties"]["document"] = json!({ "const": kind.key() });
        definitions.insert(kind.key().to_string(), definition);
        branches.push(json!({
            "if": {
                "type": "object",
                "properties": { "document": { "const": kind.key() } },
                "required": ["document"],
            },
            "then": { "$ref": format!("#/definitions/{}", kind.key()) },
        }));
    }
    let keys: Vec<&str> = kinds.iter().map(|k| k.key()).collect();
    let titles: Vec<(&str, String)> = kinds
        .iter()
        .map(|k| (k.key(), k.title().to_string()))
        .collect();
    let root = json!({
        "type": "object",
        "required": ["document"],
        "properties": { "document": {
            "description": format!("Soort document{}", choices(&titles)),
            "type": "string",
            "enum": keys,
        } },
        "allOf": branches,
        "definitions": definitions,
    });
    header(
        root,
        "pva: front matter van een document",
        "De YAML tussen de `---` regels bovenaan een document. Gemaakt door `pva schema --document` \
         uit dezelfde tabel als `pva lint`; alle velden: `pva fields`.",
    )
}

/// A schema as the text `pva schema` prints: pretty JSON and a newline.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Every kind of document, in the order of the `document:` choices.
fn kinds() -> Vec<DocKind> {
    schema::DOCUMENT
        .iter()
        .filter_map(|choice| DocKind::parse(choice.key))
        .collect()
}

fn header(mut root: Value, title: &str, description: &str) -> Value {
    root["$schema"] = json!(DRAFT_07);
    root["title"] = json!(title);
    root["description"] = json!(description);
    root
}

/// A group of keys: only those `kind` may hold (`None`: the shared files),
/// and no others, so a typo is a red line.
fn object(fields: &[Field], kind: Option<DocKind>) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .filter(|f| f.scope.allows(kind))
        .map(|f| (f.key.to_string(), field(f, kind)))
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// `schema`, or empty (`~` or nothing): an empty value is allowed
/// everywhere. Not a union of types, which ajv's strict mode refuses, and
/// not `anyOf`, whose error a validator reports at the group rather than
/// at the wrong key inside it: a value that is not empty must match.
fn or_empty(schema: Value) -> Value {
    json!({ "if": { "not": { "type": "null" } }, "then": schema })
}

fn field(field: &Field, kind: Option<DocKind>) -> Value {
    let mut out = match field.kind {
        // Any scalar: `123` or `true` is text written without quotes.
        Kind::Text | Kind::LongText => json!({ "anyOf": [
            { "type": "string" },
            { "type": "number" },
            { "type": "boolean" },
            { "type": "null" },
        ] }),
        Kind::Date => text_pattern(DATE),
        // An unquoted BSN is a number in YAML and loses its leading zero:
        // only a string matches, and the description says to quote it.
        Kind::Bsn => text_pattern(BSN),
        Kind::Postcode => text_pattern(POSTCODE),
        Kind::Phone => text_pattern(PHONE),
        Kind::Email => text_pattern(EMAIL),
        Kind::Bool => or_empty(json!({ "type": "boolean" })),
        Kind::Number => or_empty(json!({ "type": "number" })),
        Kind::Percent => or_empty(json!({ "type": "number", "minimum": 0, "maximum": 100 })),
        Kind::Choice(options) => or_empty(choice(field, options, kind)),
        Kind::Group(children) => or_empty(object(children, kind)),
        Kind::Rows(columns) => or_empty(json!({ "type": "array", "items": object(columns, kind) })),
    };
    let mut text = description(field);
    if let Kind::Choice(options) = field.kind {
        text.push_str(&choices(&offered(field, options, kind)));
    }
    out["description"] = json!(text);
    out
}

/// A text of a fixed form; empty (`""`, or nothing at all) is allowed.
/// The description says the form in words ([`description`]).
fn text_pattern(pattern: &str) -> Value {
    or_empty(json!({
        "type": "string",
        "pattern": format!(r"^\s*({pattern})?\s*$"),
    }))
}

/// The form field, and for the kinds that have a form of their own, the form.
fn description(field: &Field) -> String {
    let form = match field.kind {
        Kind::LongText => " (tekst; Markdown mag)",
        Kind::Date => " (datum JJJJ-MM-DD, zoals 2026-07-14)",
        Kind::Bool => " (true of false)",
        Kind::Number => " (getal)",
        Kind::Percent => " (percentage 0–100)",
        Kind::Bsn => " (BSN: 9 cijfers tussen aanhalingstekens, zoals \"123456782\")",
        Kind::Postcode => " (postcode, zoals 3511 AB)",
        Kind::Phone => " (telefoonnummer, zoals 030 - 123 45 67)",
        Kind::Email => " (e-mailadres, zoals naam@domein.nl)",
        _ => "",
    };
    format!("{}{form}", field.label)
}

/// The choices as an enum. A document's own choice (not shared data)
/// allows only what its form offers, as the lint.
fn choice(field: &Field, options: &[Choice], kind: Option<DocKind>) -> Value {
    let keys: Vec<&str> = offered(field, options, kind)
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    json!({ "type": "string", "enum": keys })
}

/// The choices `kind` offers for `field`, each with its wording on the form.
fn offered<'a>(
    field: &Field,
    options: &'a [Choice],
    kind: Option<DocKind>,
) -> Vec<(&'a str, String)> {
    let own_form = kind.filter(|_| !field.scope.allows(None));
    options
        .iter()
        .filter(|c| own_form.is_none_or(|k| k.label(c).is_some()))
        .map(|c| (c.key, wording(c, kind)))
        .collect()
}

/// The end of a description that lists the choices: the value to write and
/// its wording on the form.
fn choices(offered: &[(&str, String)]) -> String {
    let lines: Vec<String> = offered
        .iter()
        .map(|(key, wording)| format!("\n- {key}: {wording}"))
        .collect();
    format!(". Keuzes:{}", lines.concat())
}

/// The wording of a choice on `kind`'s form, or on every form that has it.
fn wording(choice: &Choice, kind: Option<DocKind>) -> String {
    if let Some(label) = kind.and_then(|k| k.label(choice)) {
        return label.to_string();
    }
    match (choice.plan, choice.bijstelling) {
        // The bijstelling ends most choices with a full stop; that is no difference.
        (Some(plan), Some(bijstelling)) if plan != bijstelling.trim_end_matches('.') => {
            format!("{plan} (Plan van aanpak) · {bijstelling} (Bijstelling Plan van aanpak)")
        }
        (Some(label), _) | (None, Some(label)) => label.to_string(),
        (None, None) => choice.key.to_string(),
    }
}

#[cfg(test)]
mod tests;
