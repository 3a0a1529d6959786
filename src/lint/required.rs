//! Required fields of each form, including those a choice makes required.

use chrono::NaiveDate;

use crate::case::schema::{self, DocKind};
use crate::case::{Document, Node, date};
use crate::diag::Diagnostic;

use crate::rules::{self, Rule};

/// Fields every document of the re-integratieverslag has: UWV asks name,
/// BSN and date on each part (Beleidsregels vorm- en herkenbaarheidsvereisten).
const COMMON: &[&str] = &[
    "werknemer.naam",
    "werknemer.bsn",
    "verzuim.eerste_ziektedag",
    "datum",
];

/// Fields of the forms that ask for the einddoel.
const GOAL: &[&str] = &["einddoel.keuze"];

const EVALUATIE: &[&str] = &["bijstelling_nodig"];

const EERSTEJAARS: &[&str] = &["einddoel.keuze", "einddoel_juist", "spoor_2.nodig"];

const EIND: &[&str] = &["werkgever.bedrijfsnaam", "werknemer.functie"];

const VERKORT: &[&str] = &[
    "werkgever.bedrijfsnaam",
    "werknemer.functie",
    "verzuim.einde_dienstverband",
];

/// The long texts each kind asks for.
const PLAN_TEXTS: &[&str] = &["stappen", "evaluatie_probleemanalyse"];
const EVALUATIE_TEXTS: &[&str] = &["besproken"];
const EERSTEJAARS_TEXTS: &[&str] = &[
    "eerste_jaar",
    "spoor_2.toelichting",
    "afspraken_tweede_jaar",
];
const EIND_TEXTS: &[&str] = &["stand_van_zaken", "passende_arbeid"];
const VERKORT_TEXTS: &[&str] = &["stand_van_zaken", "oordeel_werknemer"];

const PLAN: &[&str] = &[
    "casemanager.naam",
    "arbodienst.naam",
    "arbodienst.bedrijfsarts",
];

const BIJSTELLING: &[&str] = &[
    "werkgever.bedrijfsnaam",
    "werkgever.contactpersoon.naam",
    "werkgever.contactpersoon.telefoon",
    "werknemer.adres",
    "werknemer.postcode",
    "werknemer.plaats",
    "werknemer.geboortedatum",
    "arbodienst.vestiging",
    "arbodienst.adres",
    "arbodienst.postcode",
    "arbodienst.plaats",
    "arbodienst.bedrijfsarts",
    "arbodienst.contactpersoon.naam",
    "arbodienst.contactpersoon.telefoon",
    "arbodienst.contactpersoon.email",
    "obstakels.aanwezig",
];

/// The date since which both visies are required (Regeling procesgang, 2023).
pub(super) fn visie_since() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 7, 1).unwrap_or_default()
}

/// Checks the required and conditionally required fields of `doc`.
pub(super) fn document(doc: &Document) -> Vec<Diagnostic> {
    let Some(kind) = doc.kind else {
        return vec![kind_missing(doc)];
    };
    let mut out = Vec::new();
    let (fields, texts): (&[&[&str]], &[&str]) = match kind {
        DocKind::Plan => (&[GOAL, PLAN], PLAN_TEXTS),
        DocKind::Bijstelling => (&[GOAL, BIJSTELLING], &[]),
        DocKind::Evaluatie => (&[EVALUATIE], EVALUATIE_TEXTS),
        DocKind::Eerstejaars => (&[EERSTEJAARS], EERSTEJAARS_TEXTS),
        DocKind::Eind => (&[EIND], EIND_TEXTS),
        DocKind::Verkort => (&[VERKORT], VERKORT_TEXTS),
    };
    for path in COMMON.iter().chain(fields.iter().copied().flatten()) {
        if doc.get(path).is_none_or(Node::is_blank) {
            out.push(missing(doc, &rules::REQUIRED, path, ""));
        }
    }
    long_texts(doc, texts, &mut out);
    match kind {
        DocKind::Plan => plan(doc, &mut out),
        DocKind::Bijstelling => bijstelling(doc, &mut out),
        DocKind::Evaluatie => evaluatieverslag(doc, &mut out),
        DocKind::Eerstejaars | DocKind::Eind | DocKind::Verkort => {}
    }
    if matches!(kind, DocKind::Plan | DocKind::Bijstelling) {
        // A moment is a date or a frequency (bijstelling: "frequentie/vorm").
        rows(
            doc,
            "evaluaties",
            &[&["wanneer", "frequentie"], &["wat"], &["wie"]],
            &mut out,
        );
    }
    if matches!(kind, DocKind::Evaluatie | DocKind::Eerstejaars) {
        rows(doc, "deelnemers", &[&["naam"]], &mut out);
    }
    // The verkort verslag asks the werknemer's oordeel instead (RIVV art. 2a).
    if !matches!(kind, DocKind::Evaluatie | DocKind::Verkort) {
        visie(doc, &mut out);
    }
    signatures(doc, kind, &mut out);
    out
}

/// Long texts the form asks, from the front matter or their `##` heading.
fn long_texts(doc: &Document, paths: &[&str], out: &mut Vec<Diagnostic>) {
    for path in paths {
        if doc.long_text(path).is_none() {
            out.push(missing(
                doc,
                &rules::REQUIRED,
                path,
                &format!(" (of onder de kop `## {}`)", heading_of(path)),
            ));
        }
    }
}

/// A needed bijstelling says what must change.
fn evaluatieverslag(doc: &Document, out: &mut Vec<Diagnostic>) {
    let needed = doc.get("bijstelling_nodig").and_then(Node::as_bool) == Some(true);
    if needed && doc.long_text("toelichting_bijstelling").is_none() {
        out.push(missing(
            doc,
            &rules::CONDITIONAL,
            "toelichting_bijstelling",
            ": als het plan moet worden bijgesteld, zeg wat er verandert; leg de bijstelling daarna vast in een Bijstelling Plan van aanpak",
        ));
    }
}

fn plan(doc: &Document, out: &mut Vec<Diagnostic>) {
    rows(
        doc,
        "afspraken",
        &[&["probleemveld"], &["activiteit"], &["door"], &["planning"]],
        out,
    );
    let keuze = doc.text("einddoel.keuze").unwrap_or_default();
    if keuze == "nog_niet_bekend" && doc.long_text("einddoel.nog_niet_bekend_omdat").is_none() {
        out.push(missing(
            doc,
            &rules::CONDITIONAL,
            "einddoel.nog_niet_bekend_omdat",
            ": bij 'Nog niet bekend' vraagt het formulier 'omdat …'",
        ));
    }
    let advies = doc.text("probleemanalyse.advies_einddoel");
    let differs = advies
        .as_deref()
        .is_some_and(|a| !keuze.is_empty() && a != keuze);
    let marked = doc
        .get("einddoel.afwijkend_van_advies")
        .and_then(Node::as_bool)
        == Some(true);
    if (marked || differs) && doc.long_text("einddoel.reden_afwijking").is_none() {
        let why = if differs {
            ": het einddoel wijkt af van het advies van de bedrijfsarts (probleemanalyse.advies_einddoel)"
        } else {
            ""
        };
        out.push(missing(
            doc,
            &rules::CONDITIONAL,
            "einddoel.reden_afwijking",
            why,
        ));
    }
}

fn bijstelling(doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.long_text("afspraken_nabije_toekomst").is_none() {
        out.push(missing(doc, &rules::REQUIRED, "afspraken_nabije_toekomst", " (of onder de kop `## Afspraken nabije toekomst`); ook als werkhervatting nog niet mogelijk is"));
    }
    if doc.text("verzuim.verloop").is_none()
        && doc
            .get("verzuim.verloop")
            .is_none_or(|n| n.items().is_empty())
    {
        out.push(missing(
            doc,
            &rules::REQUIRED,
            "verzuim.verloop",
            ": het percentage arbeidsongeschiktheid per datum",
        ));
    }
    if doc.text("einddoel.keuze").as_deref() == Some("ander")
        && doc.long_text("einddoel.toelichting").is_none()
    {
        out.push(missing(
            doc,
            &rules::CONDITIONAL,
            "einddoel.toelichting",
            ": bij 'ander einddoel' hoort een toelichting",
        ));
    }
    if doc.get("obstakels.aanwezig").and_then(Node::as_bool) == Some(true) {
        for path in ["obstakels.omschrijving", "obstakels.oplossing"] {
            if doc.long_text(path).is_none() {
                out.push(missing(doc, &rules::CONDITIONAL, path, ": bij obstakels 'Ja' vraagt het formulier wat ze zijn en hoe ze blijvend worden opgelost"));
            }
        }
    }
}

/// A table must have at least one row, and every row one of the
/// alternatives of each column.
fn rows(doc: &Document, path: &str, columns: &[&[&str]], out: &mut Vec<Diagnostic>) {
    let Some(node) = doc.get(path).filter(|n| !n.items().is_empty()) else {
        out.push(missing(doc, &rules::REQUIRED, path, ": minstens één regel"));
        return;
    };
    for row in node.items() {
        for alternatives in columns {
            if alternatives
                .iter()
                .all(|column| row.child(column).is_none_or(Node::is_blank))
            {
                let named: Vec<String> = alternatives
                    .iter()
                    .map(|column| {
                        let label =
                            schema::field(&format!("{path}.{column}")).map_or(*column, |f| f.label);
                        format!("`{column}` ({label})")
                    })
                    .collect();
                out.push(Diagnostic::new(
                    &rules::REQUIRED,
                    &row.pos,
                    format!(
                        "in deze regel van `{path}` ontbreekt {}",
                        named.join(" of ")
                    ),
                ));
            }
        }
    }
}

fn visie(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(day) = doc.text("datum").and_then(|d| date::parse(&d)) else {
        return;
    };
    if day < visie_since() {
        return;
    }
    for (path, who) in [
        ("visie.werknemer", "werknemer"),
        ("visie.werkgever", "werkgever"),
    ] {
        if doc.long_text(path).is_none() {
            let heading = if who == "werknemer" {
                "Visie werknemer"
            } else {
                "Visie werkgever"
            };
            out.push(missing(doc, &rules::VISIE, path, &format!(": sinds 1 juli 2023 is de visie van de {who} verplicht; schrijf die onder `## {heading}`")));
        }
    }
}

fn signatures(doc: &Document, kind: DocKind, out: &mut Vec<Diagnostic>) {
    let signed: Vec<&str> = ["werknemer", "werkgever"]
        .into_iter()
        .filter(|who| doc.text(&format!("ondertekening.{who}.datum")).is_some())
        .collect();
    if signed.is_empty() {
        out.push(Diagnostic::new(&rules::UNSIGNED, &doc.anchor("ondertekening"), format!("{} is nog niet ondertekend: de PDF krijgt lege regels om te tekenen", kind.title_with_article()))
            .hint("vul ondertekening.werknemer.datum en ondertekening.werkgever.datum in zodra beide partijen hebben getekend"));
    }
    if !signed.contains(&"werkgever") {
        return;
    }
    // The werknemer signs with werknemer.naam, which is required anyway.
    let signer = doc.signer("werkgever");
    if signer.naam.is_none() {
        out.push(missing(
            doc,
            &rules::SIGNATURE,
            "ondertekening.werkgever.naam",
            ": wie tekent, met naam",
        ));
    }
    if signer.functie.is_none() {
        out.push(missing(
            doc,
            &rules::SIGNATURE,
            "ondertekening.werkgever.functie",
            ": de functie van wie namens de werkgever tekent",
        ));
    }
}

fn kind_missing(doc: &Document) -> Diagnostic {
    let node = doc.own.get("document");
    let value = node.and_then(Node::text);
    let pos = node.map_or_else(|| doc.start(), |n| n.pos.clone());
    let message = match &value {
        Some(v) => format!(
            "onbekende soort document `{v}`.{}",
            super::suggest::did_you_mean(v, schema::DOCUMENT.iter().map(|c| c.key))
        ),
        None => "de soort document ontbreekt".to_string(),
    };
    Diagnostic::new(&rules::DOCUMENT_KIND, &pos, message)
        .width(value.map_or(1, |v| v.chars().count()))
        .hint("zet in de front matter `document: plan-van-aanpak` of `document: bijstelling`")
}

/// A finding that `path` is missing, placed at the nearest key that exists,
/// or at its heading when the body has one left blank. The hint is the
/// guidance under that heading, when the skeleton left it there.
fn missing(doc: &Document, rule: &Rule, path: &str, why: &str) -> Diagnostic {
    let label = schema::field(path).map_or("", |f| f.label);
    let message = format!("`{path}` ontbreekt ({label}){why}");
    let Some(section) = doc.section_of(path) else {
        return Diagnostic::new(rule, &doc.anchor(path), message).hint(format!(
            "vul `{path}` in, in dit document of, als het voor alle documenten geldt, in dossier.yaml"
        ));
    };
    let hint = doc
        .guidance(path)
        .unwrap_or_else(|| format!("schrijf het antwoord onder de kop `## {}`", section.title));
    Diagnostic::new(rule, &section.pos, message)
        .width(section.title.chars().count() + 3)
        .hint(hint)
}

fn heading_of(path: &str) -> &'static str {
    schema::HEADINGS
        .iter()
        .find(|h| h.path == path)
        .map_or("", |h| h.title)
}
