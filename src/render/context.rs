//! The data a document template sees: every field of the form, present even
//! when empty, with dates in Dutch form and long texts as Typst markup.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};
use tera::{Context, Value};

use crate::case::schema::{self, Choice, DocKind};
use crate::case::{Document, Node, Party, date};
use crate::markdown;

/// Long texts of the form, by the name templates use (`tekst.stappen`).
const LONG_TEXTS: &[(&str, &str)] = &[
    ("stappen", "stappen"),
    ("nog_niet_bekend_omdat", "einddoel.nog_niet_bekend_omdat"),
    ("reden_afwijking", "einddoel.reden_afwijking"),
    ("toelichting_einddoel", "einddoel.toelichting"),
    ("motivering_afwijking_advies", "motivering_afwijking_advies"),
    ("evaluatie_probleemanalyse", "evaluatie_probleemanalyse"),
    ("reden_te_laat", "reden_te_laat"),
    ("visie_werknemer", "visie.werknemer"),
    ("visie_werkgever", "visie.werkgever"),
    ("obstakels_omschrijving", "obstakels.omschrijving"),
    ("obstakels_oplossing", "obstakels.oplossing"),
    ("afspraken_nabije_toekomst", "afspraken_nabije_toekomst"),
    ("interventies", "interventies"),
    ("besproken", "besproken"),
    ("toelichting_bijstelling", "toelichting_bijstelling"),
    ("eerste_jaar", "eerste_jaar"),
    ("spoor_2", "spoor_2.toelichting"),
    ("afspraken_tweede_jaar", "afspraken_tweede_jaar"),
    ("stand_van_zaken", "stand_van_zaken"),
    ("passende_arbeid", "passende_arbeid"),
    ("oordeel_werknemer", "oordeel_werknemer"),
];

/// Builds the template context of `doc`, whose kind is `kind`. `draft`
/// (`pva build --draft`) makes the layout print CONCEPT on every page.
pub fn context(doc: &Document, kind: DocKind, draft: bool) -> Context {
    let t = |path: &str| doc.text(path).unwrap_or_default();
    let data = json!({
        "draft": draft,
        "document": { "soort": kind.key(), "titel": kind.title() },
        "datum": date_short(doc, "datum"),
        "datum_lang": doc.text("datum").and_then(|d| date::parse(&d)).map(date::long).unwrap_or_default(),
        "werknemer": {
            "naam": t("werknemer.naam"), "bsn": t("werknemer.bsn"), "adres": t("werknemer.adres"),
            "postcode_plaats": joined(&t("werknemer.postcode"), &t("werknemer.plaats")),
            "geboortedatum": date_short(doc, "werknemer.geboortedatum"),
            "functie": t("werknemer.functie"),
        },
        "werkgever": {
            "bedrijfsnaam": t("werkgever.bedrijfsnaam"),
            "postcode_plaats": joined(&t("werkgever.postcode"), &t("werkgever.plaats")),
            "contactpersoon": { "naam": t("werkgever.contactpersoon.naam"), "telefoon": t("werkgever.contactpersoon.telefoon") },
        },
        "casemanager": {
            "naam": t("casemanager.naam"), "adres": t("casemanager.adres"),
            "postcode_plaats": joined(&t("casemanager.postcode"), &t("casemanager.plaats")),
            "telefoon": t("casemanager.telefoon"), "functie": t("casemanager.functie"),
        },
        "arbodienst": {
            "naam": t("arbodienst.naam"), "vestiging": t("arbodienst.vestiging"), "adres": t("arbodienst.adres"),
            "postcode_plaats": joined(&t("arbodienst.postcode"), &t("arbodienst.plaats")),
            "telefoon": t("arbodienst.telefoon"), "bedrijfsarts": t("arbodienst.bedrijfsarts"),
            "contactpersoon": {
                "naam": t("arbodienst.contactpersoon.naam"), "telefoon": t("arbodienst.contactpersoon.telefoon"),
                "email": t("arbodienst.contactpersoon.email"),
            },
        },
        "verzuim": {
            "eerste_ziektedag": date_short(doc, "verzuim.eerste_ziektedag"),
            "einde_dienstverband": date_short(doc, "verzuim.einde_dienstverband"),
            "verloop": rows(doc, "verzuim.verloop", &["datum", "percentage"]),
        },
        "einddoel": {
            "keuzes": choices(doc, kind),
            "afwijkend_van_advies": doc.get("einddoel.afwijkend_van_advies").and_then(Node::as_bool) == Some(true),
        },
        "afspraken": rows(doc, "afspraken", &["probleemveld", "activiteit", "door", "planning"]),
        "evaluaties": rows(doc, "evaluaties", &["wanneer", "frequentie", "vorm", "wat", "wie"]),
        "obstakels": obstakels(doc),
        "hervatting": {
            "vanaf": date_short(doc, "hervatting.vanaf"), "uren_per_week": t("hervatting.uren_per_week"),
            "deelherstel_percentage": t("hervatting.deelherstel_percentage"),
            "volledig_verwacht": date_short(doc, "hervatting.volledig_verwacht"),
        },
        "deelnemers": rows(doc, "deelnemers", &["naam", "functie"]),
        "antwoorden": {
            "bijstelling_nodig": yes_no(doc, "bijstelling_nodig"),
            "einddoel_juist": yes_no(doc, "einddoel_juist"),
            "spoor_2_nodig": yes_no(doc, "spoor_2.nodig"),
        },
        "ondertekening": {
            "werknemer": signer(doc, Party::Werknemer),
            "werkgever": signer(doc, Party::Werkgever),
        },
    });
    let mut context = Context::from_serialize(&data).unwrap_or_default();
    context.insert_value("tekst", long_texts(doc));
    context
}

fn long_texts(doc: &Document) -> Value {
    let mut texts: BTreeMap<String, Value> = LONG_TEXTS
        .iter()
        .map(|(name, path)| {
            let typst = doc
                .long_text(path)
                .map(|t| markdown::to_typst(&t.markdown))
                .unwrap_or_default();
            (name.to_string(), Value::safe_string(&typst))
        })
        .collect();
    texts.insert(
        "notities".into(),
        Value::safe_string(&markdown::to_typst(&doc.notes)),
    );
    Value::from(texts)
}

fn date_short(doc: &Document, path: &str) -> String {
    let text = doc.text(path).unwrap_or_default();
    date::parse(&text).map(date::short).unwrap_or(text)
}

fn joined(postcode: &str, plaats: &str) -> String {
    format!("{} {}", normalise_postcode(postcode), plaats)
        .trim()
        .to_string()
}

/// `1234ab` → `1234 AB`, the canonical form.
fn normalise_postcode(postcode: &str) -> String {
    let compact: String = postcode
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if compact.len() == 6 && compact.is_ascii() {
        format!("{} {}", &compact[..4], &compact[4..])
    } else {
        postcode.trim().to_string()
    }
}

/// Table rows: every column present, dates in Dutch form, choices by label.
fn rows(doc: &Document, path: &str, columns: &[&str]) -> Json {
    let items = doc.get(path).map(Node::items).unwrap_or_default();
    items
        .iter()
        .map(|row| {
            let cells: serde_json::Map<String, Json> = columns
                .iter()
                .map(|col| {
                    (
                        col.to_string(),
                        Json::String(cell(row, &format!("{path}.{col}"), col)),
                    )
                })
                .collect();
            Json::Object(cells)
        })
        .collect()
}

fn cell(row: &Node, schema_path: &str, column: &str) -> String {
    let text = row.child(column).and_then(Node::text).unwrap_or_default();
    match schema::field(schema_path).map(|f| f.kind) {
        Some(schema::Kind::Date) => date::parse(&text).map(date::short).unwrap_or(text),
        Some(schema::Kind::Choice(options)) => label(options, &text, DocKind::Plan).unwrap_or(text),
        _ => text,
    }
}

fn label(options: &[Choice], key: &str, kind: DocKind) -> Option<String> {
    let choice = options.iter().find(|c| c.key == key)?;
    kind.label(choice).map(str::to_string)
}

/// The einddoel boxes of the form of `kind`, in form order, with the chosen one ticked.
fn choices(doc: &Document, kind: DocKind) -> Json {
    let chosen = doc.text("einddoel.keuze").unwrap_or_default();
    schema::EINDDOEL
        .iter()
        .filter_map(|c| {
            let label = kind.label(c)?;
            Some(json!({ "sleutel": c.key, "label": label, "gekozen": c.key == chosen }))
        })
        .collect()
}

/// A yes/no question of the form: which box is ticked, if any.
fn yes_no(doc: &Document, path: &str) -> Json {
    let answer = doc.get(path).and_then(Node::as_bool);
    json!({ "ja": answer == Some(true), "nee": answer == Some(false) })
}

fn obstakels(doc: &Document) -> Json {
    let aanwezig = doc.get("obstakels.aanwezig").and_then(Node::as_bool);
    json!({ "ja": aanwezig == Some(true), "nee": aanwezig == Some(false) })
}

fn signer(doc: &Document, who: Party) -> Json {
    let signer = doc.signer(who);
    json!({
        "naam": signer.naam.unwrap_or_default(),
        "functie": signer.functie.unwrap_or_default(),
        "datum": signer.datum.map(|d| date::parse(&d).map(date::short).unwrap_or(d)).unwrap_or_default(),
    })
}
