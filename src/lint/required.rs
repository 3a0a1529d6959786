//! Required fields of each form, including those an answer makes required:
//! as the schema declares them (`schema::Field::required`), and the few
//! rules that are computed (the visie, the signatures, the verloop, a goal
//! other than advised).

use chrono::NaiveDate;

use crate::case::schema::{self, Answer, DocKind, Field, Kind, Required};
use crate::case::{Document, Node, Party, paths};
use crate::diag::Diagnostic;

use crate::rules::{self, Rule};

/// The date since which both visies are required (Regeling procesgang, 2023).
pub(super) fn visie_since() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 7, 1).unwrap_or_default()
}

/// Checks the required and conditionally required fields of `doc`: those
/// the schema declares for its kind, then the rules that are computed.
pub(super) fn document(doc: &Document) -> Vec<Diagnostic> {
    let Some(kind) = doc.kind else {
        return vec![kind_missing(doc)];
    };
    let mut out = Vec::new();
    asked(doc, kind, schema::form(), "", &mut out);
    match kind {
        DocKind::Plan => reden_afwijking(doc, &mut out),
        DocKind::Bijstelling => verloop(doc, &mut out),
        _ => {}
    }
    // The verkort verslag asks the werknemer's oordeel instead (RIVV art. 2a).
    if !matches!(kind, DocKind::Evaluatie | DocKind::Verkort) {
        visie(doc, &mut out);
    }
    signatures(doc, kind, &mut out);
    out
}

/// The keys of `fields` (below `prefix`) the form of `kind` asks, in the
/// schema's order.
fn asked<'a>(
    doc: &Document,
    kind: DocKind,
    fields: impl Iterator<Item = &'a Field>,
    prefix: &str,
    out: &mut Vec<Diagnostic>,
) {
    for field in fields {
        let path = format!("{prefix}{}", field.key);
        if let Kind::Group(children) = field.kind {
            asked(doc, kind, children.iter(), &format!("{path}."), out);
        } else if let Some(required) = field.required.filter(|r| r.kinds.contains(&kind)) {
            check(doc, kind, field, &path, required, out);
        }
    }
}

/// One asked key: PVA020 when it is always asked, PVA021 when an answer
/// asks it and was given.
fn check(
    doc: &Document,
    kind: DocKind,
    field: &Field,
    path: &str,
    required: Required,
    out: &mut Vec<Diagnostic>,
) {
    let rule = match required.when {
        Some(when) if !answered(doc, when.path, when.is) => return,
        Some(_) => &rules::CONDITIONAL,
        None => &rules::REQUIRED,
    };
    match field.kind {
        Kind::Rows(columns) => rows(doc, kind, rule, path, columns, out),
        Kind::LongText if doc.long_text(path).is_none() => {
            // An unconditional question has its own heading to answer under.
            let heading = match (required.when, heading_of(path)) {
                (None, Some(title)) => format!(" (of onder de kop `## {title}`)"),
                _ => String::new(),
            };
            let why = format!("{heading}{}", required.why);
            out.push(missing(doc, rule, path, &why));
        }
        Kind::LongText => {}
        _ if doc.get(path).is_none_or(Node::is_blank) => {
            out.push(missing(doc, rule, path, required.why));
        }
        _ => {}
    }
}

/// Whether the key at `path` has the answer `is`.
fn answered(doc: &Document, path: &str, is: Answer) -> bool {
    match is {
        Answer::Yes => doc.get(path).and_then(Node::as_bool) == Some(true),
        Answer::Choice(key) => doc.text(path).as_deref() == Some(key),
    }
}

/// A table must have at least one row, and every row each column the form
/// of `kind` asks (or the column that stands in for it).
fn rows(
    doc: &Document,
    kind: DocKind,
    rule: &Rule,
    path: &str,
    columns: &[Field],
    out: &mut Vec<Diagnostic>,
) {
    let Some(node) = doc.get(path).filter(|n| !n.items().is_empty()) else {
        out.push(missing(doc, rule, path, ": minstens één regel"));
        return;
    };
    let asked = asked_columns(columns, kind);
    for row in node.items() {
        for alternatives in &asked {
            if alternatives
                .iter()
                .all(|c| row.child(c.key).is_none_or(Node::is_blank))
            {
                let named: Vec<String> = alternatives
                    .iter()
                    .map(|c| format!("`{}` ({})", c.key, c.label))
                    .collect();
                let message = format!(
                    "in deze regel van `{path}` ontbreekt {}",
                    named.join(" of ")
                );
                out.push(Diagnostic::new(&rules::REQUIRED, &row.pos, message));
            }
        }
    }
}

/// The columns the form of `kind` asks, each with the column that may
/// stand in for it.
fn asked_columns(columns: &[Field], kind: DocKind) -> Vec<Vec<&Field>> {
    columns
        .iter()
        .filter_map(|column| {
            let required = column.required.filter(|r| r.kinds.contains(&kind))?;
            let or = required
                .or
                .and_then(|key| columns.iter().find(|c| c.key == key));
            Some(std::iter::once(column).chain(or).collect())
        })
        .collect()
}

/// The plan gives a reason for a goal other than the bedrijfsarts advised,
/// or one it marks as different.
fn reden_afwijking(doc: &Document, out: &mut Vec<Diagnostic>) {
    let keuze = doc.text(paths::EINDDOEL).unwrap_or_default();
    let advies = doc.text(paths::ADVIES_EINDDOEL);
    let differs = advies
        .as_deref()
        .is_some_and(|a| !keuze.is_empty() && a != keuze);
    let marked = doc.get(paths::AFWIJKEND_VAN_ADVIES).and_then(Node::as_bool) == Some(true);
    if (marked || differs) && doc.long_text(paths::REDEN_AFWIJKING).is_none() {
        let why = if differs {
            format!(
                ": het einddoel wijkt af van het advies van de bedrijfsarts ({})",
                paths::ADVIES_EINDDOEL
            )
        } else {
            String::new()
        };
        out.push(missing(
            doc,
            &rules::CONDITIONAL,
            paths::REDEN_AFWIJKING,
            &why,
        ));
    }
}

/// The bijstelling gives the verloop, as rows or as a text.
fn verloop(doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.text(paths::VERLOOP).is_none()
        && doc.get(paths::VERLOOP).is_none_or(|n| n.items().is_empty())
    {
        out.push(missing(
            doc,
            &rules::REQUIRED,
            paths::VERLOOP,
            ": het percentage arbeidsongeschiktheid per datum",
        ));
    }
}

fn visie(doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.date().is_none_or(|day| day < visie_since()) {
        return;
    }
    for (path, who) in [
        (paths::VISIE_WERKNEMER, Party::Werknemer),
        (paths::VISIE_WERKGEVER, Party::Werkgever),
    ] {
        if doc.long_text(path).is_none() {
            let who = who.key();
            let heading = heading_of(path).unwrap_or_default();
            out.push(missing(doc, &rules::VISIE, path, &format!(": sinds 1 juli 2023 is de visie van de {who} verplicht; schrijf die onder `## {heading}`")));
        }
    }
}

fn signatures(doc: &Document, kind: DocKind, out: &mut Vec<Diagnostic>) {
    let signed: Vec<Party> = Party::BOTH
        .into_iter()
        .filter(|who| doc.text(who.signature().datum).is_some())
        .collect();
    if signed.is_empty() {
        out.push(unsigned(doc, kind));
    }
    if !signed.contains(&Party::Werkgever) {
        return;
    }
    // The werknemer signs with werknemer.naam, which is required anyway.
    let signer = doc.signer(Party::Werkgever);
    let keys = paths::WERKGEVER_SIGNATURE;
    if signer.naam.is_none() {
        out.push(missing(
            doc,
            &rules::SIGNATURE,
            keys.naam,
            ": wie tekent, met naam",
        ));
    }
    if signer.functie.is_none() {
        out.push(missing(
            doc,
            &rules::SIGNATURE,
            keys.functie,
            ": de functie van wie namens de werkgever tekent",
        ));
    }
}

/// PVA024: nobody signed yet.
fn unsigned(doc: &Document, kind: DocKind) -> Diagnostic {
    let (werknemer, werkgever) = (paths::WERKNEMER_SIGNATURE, paths::WERKGEVER_SIGNATURE);
    let message = format!(
        "{} is nog niet ondertekend: de PDF krijgt lege regels om te tekenen",
        kind.title_with_article()
    );
    Diagnostic::new(&rules::UNSIGNED, &doc.anchor(paths::ONDERTEKENING), message).hint(format!(
        "vul {} en {} in zodra beide partijen hebben getekend",
        werknemer.datum, werkgever.datum
    ))
}

fn kind_missing(doc: &Document) -> Diagnostic {
    let node = doc.own.get(paths::DOCUMENT);
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

fn heading_of(path: &str) -> Option<&'static str> {
    schema::HEADINGS
        .iter()
        .find(|h| h.path == path)
        .map(|h| h.title)
}
