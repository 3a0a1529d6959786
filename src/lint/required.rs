//! Required fields of each form, including those an answer makes required:
//! as the schema declares them (`schema::Field::required`), and the few
//! rules that are computed (the visie, the signatures, the verloop, a goal
//! other than advised).

use chrono::NaiveDate;

use crate::case::schema::{self, Answer, DocKind, Field, Kind, Required, Scope};
use crate::case::{Document, Dossier, Key, Node, Party, paths};
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
        DocKind::Evaluatie | DocKind::Eerstejaars | DocKind::Eind | DocKind::Verkort => {}
    }
    // The verkort verslag asks the werknemer's oordeel instead (RIVV art. 2a).
    if kind.form().visie.is_some() {
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
        Answer::No => doc.get(path).and_then(Node::as_bool) == Some(false),
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
    // A goal that is no choice of the form is a typo, reported as such
    // (PVA036): one cause, one finding.
    let differs = advies
        .as_deref()
        .is_some_and(|a| is_choice(paths::EINDDOEL, &keuze) && a != keuze);
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

/// Whether `value` is one of the choices of the key at `path`.
fn is_choice(path: &str, value: &str) -> bool {
    schema::field(path).is_some_and(|f| match f.kind {
        Kind::Choice(options) => options.iter().any(|c| c.key == value),
        _ => false,
    })
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

/// A finding that `path` is missing, placed where the fix goes: at its
/// heading when the body has one left blank; in the inherited file that
/// holds the key (left empty) or its group; else at the nearest key of the
/// document's own front matter. The hint is the guidance under the
/// heading, when the skeleton left it there.
fn missing(doc: &Document, rule: &Rule, path: &str, why: &str) -> Diagnostic {
    if let Some(section) = doc.section_of(path) {
        let hint = doc
            .guidance(path)
            .unwrap_or_else(|| format!("schrijf het antwoord onder de kop `## {}`", section.title));
        return Diagnostic::new(rule, &section.pos, absent(path, why))
            .width(section.title.chars().count() + 3)
            .hint(hint)
            .key(path);
    }
    if let Some(found) = inherited_place(doc, path) {
        return found.finding(rule, why);
    }
    Diagnostic::new(rule, &doc.anchor(path), absent(path, why))
        .hint(format!(
            "vul `{path}` in, in dit document of, als het voor alle documenten geldt, in dossier.yaml"
        ))
        .key(path)
}

fn absent(path: &str, why: &str) -> String {
    let label = schema::field(path).map_or("", |f| f.label);
    format!("`{path}` ontbreekt ({label}){why}")
}

/// Where in a file a key that must be filled in is written: the key itself
/// (its value left empty) or the deepest group of it that is there.
struct Place<'a> {
    /// The dotted path of the missing key.
    path: &'a str,
    /// The key written, or its deepest group.
    key: &'a Key,
    /// The group's path, when only a group of `path` is written.
    group: Option<String>,
}

impl Place<'_> {
    /// The finding at this place; the same wherever it is found from
    /// (every document inheriting the file, or the file itself), so the
    /// dossier's findings keep one of them.
    fn finding(&self, rule: &Rule, why: &str) -> Diagnostic {
        let label = schema::field(self.path).map_or("", |f| f.label);
        let path = self.path;
        let finding = match &self.group {
            None => Diagnostic::new(
                rule,
                &self.key.pos,
                format!("`{path}` is leeg ({label}){why}"),
            )
            .width(self.key.name.chars().count())
            .hint(format!("vul hier de waarde van `{}:` in", self.key.name)),
            Some(group) => {
                let rest = &path[group.len() + 1..];
                Diagnostic::new(rule, &self.key.pos, absent(path, why))
                    .width(self.key.name.chars().count())
                    .hint(format!("vul `{rest}:` in onder `{}:`", self.key.name))
            }
        };
        // An empty value is typed where the finding points; a missing key
        // can be written under its group by a quick fix.
        match self.group {
            Some(_) => finding.key(path),
            None => finding,
        }
    }
}

/// The place of `path` in `node` (a file's root): the key, or its deepest
/// group that is written; `None` when not even the first group is.
fn place_in<'a>(node: &'a Node, path: &'a str) -> Option<Place<'a>> {
    let mut current = node;
    let mut found: Option<(&Key, usize)> = None;
    for (depth, part) in path.split('.').enumerate() {
        let Some((key, value)) = current.entries().iter().find(|(k, _)| k.name == part) else {
            break;
        };
        found = Some((key, depth + 1));
        current = value;
    }
    let (key, depth) = found?;
    let parts: Vec<&str> = path.split('.').collect();
    let group = (depth < parts.len()).then(|| parts[..depth].join("."));
    Some(Place { path, key, group })
}

/// Where a key the document inherits is to be filled in, when that is an
/// inherited file (`dossier.yaml`, `gedeeld.yaml`): the file that holds the
/// key, or its group, in the document's merged data.
fn inherited_place<'a>(doc: &'a Document, path: &'a str) -> Option<Place<'a>> {
    let shared =
        schema::field(path).is_some_and(|f| matches!(f.scope, Scope::Shared | Scope::Inherited));
    let place = place_in(&doc.data, path).filter(|_| shared)?;
    (&*place.key.pos.file != doc.path.as_path()).then_some(place)
}

/// The dossier's own files from the first day, with or without documents:
/// a key the forms require, written in `dossier.yaml` or `gedeeld.yaml`
/// with its value left empty (as `pva new dossier` writes them), unless
/// every document fills it in itself.
pub(super) fn shared(dossier: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for file in dossier.chain.files() {
        for (path, field) in always_asked(schema::form(), "") {
            let Some(place) = place_in(file, &path).filter(|p| p.group.is_none()) else {
                continue;
            };
            let blank = file.get(&path).is_none_or(Node::is_blank);
            let filled_by_documents = !dossier.documents.is_empty()
                && dossier
                    .documents
                    .iter()
                    .all(|d| d.own.get(&path).is_some_and(|n| !n.is_blank()));
            if blank && !filled_by_documents {
                let why = field.required.map_or("", |r| r.why);
                out.push(place.finding(&rules::REQUIRED, why));
            }
        }
    }
    out
}

/// The plain keys some form always asks (PVA020), with their paths.
fn always_asked<'a>(
    fields: impl Iterator<Item = &'a Field>,
    prefix: &str,
) -> Vec<(String, &'a Field)> {
    let mut out = Vec::new();
    for field in fields {
        let path = format!("{prefix}{}", field.key);
        match field.kind {
            Kind::Group(children) => out.extend(always_asked(children.iter(), &format!("{path}."))),
            Kind::Rows(_) | Kind::LongText => {}
            _ if field.required.is_some_and(|r| r.when.is_none()) => out.push((path, field)),
            _ => {}
        }
    }
    out
}

fn heading_of(path: &str) -> Option<&'static str> {
    schema::HEADINGS
        .iter()
        .find(|h| h.path == path)
        .map(|h| h.title)
}
