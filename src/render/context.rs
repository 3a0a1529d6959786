//! The data a document template sees: the schema walked, so every key of
//! the form is there under its dotted path (`werknemer.naam`,
//! `einddoel.toelichting`), present even when empty, plus a few computed
//! values. Dates are in Dutch form, choices by the form's label, yes/no
//! keys `true` or `false`, tables lists of rows, long texts Typst markup.

use std::collections::BTreeMap;

use tera::{Context, Value};

use crate::case::schema::{self, Choice, DocKind, Field, Kind};
use crate::case::{Document, Node, Party, date, paths};
use crate::law;
use crate::markdown;

/// The names of the computed values, next to the schema's keys.
mod computed {
    /// `draft`: `pva build --draft`, the layout prints CONCEPT.
    pub(super) const DRAFT: &str = "draft";
    /// `datum_lang`: the document's date written out, for the PDF metadata.
    pub(super) const DATUM_LANG: &str = "datum_lang";
    /// `notities`: the Markdown before the first `##` heading, as Typst.
    pub(super) const NOTITIES: &str = "notities";
    /// `antwoorden.<path, `_` for `.`>.ja` / `.nee`: which box of a yes/no
    /// question is ticked (neither when unanswered).
    pub(super) const ANTWOORDEN: &str = "antwoorden";
    /// `<group>.postcode_plaats`: an address's postcode (`1234 AB`) and plaats.
    pub(super) const POSTCODE_PLAATS: &str = "postcode_plaats";
    /// `einddoel.keuzes`: the goals of this kind's form, the chosen one ticked.
    pub(super) const KEUZES: &str = "keuzes";
    /// `grond_keuzes`: the verkort verslag's grounds, the chosen one ticked.
    pub(super) const GROND_KEUZES: &str = "grond_keuzes";
}

/// A group of values by key, as templates see it.
pub(crate) type Map = BTreeMap<&'static str, Value>;

/// Builds the template context of `doc`, whose kind is `kind`. `draft`
/// (`pva build --draft`) makes the layout print CONCEPT on every page.
pub fn context(doc: &Document, kind: DocKind, draft: bool) -> Context {
    let mut context = Context::new();
    for (key, value) in values(doc, kind, draft) {
        context.insert_value(key, value);
    }
    context
}

/// The values of [`context`], by name.
pub(crate) fn values(doc: &Document, kind: DocKind, draft: bool) -> Map {
    let mut walk = Walk {
        doc,
        kind,
        answers: BTreeMap::new(),
    };
    let mut root = walk.keys(schema::form(), "");
    // The computed values stand in for the keys of the same name.
    root.insert(computed::DRAFT, draft.into());
    root.insert(paths::DOCUMENT, document(kind));
    root.insert(paths::ONDERTEKENING, signers(doc));
    let long_date = doc.date().map(date::long).unwrap_or_default();
    root.insert(computed::DATUM_LANG, long_date.into());
    let notes = markdown::to_typst(&doc.notes);
    root.insert(computed::NOTITIES, Value::safe_string(&notes));
    root.insert(
        computed::GROND_KEUZES,
        walk.boxes(schema::GROND, paths::GROND_VERKORT),
    );
    root.insert(computed::ANTWOORDEN, Value::from(walk.answers));
    root
}

/// A walk over the schema, reading one document.
struct Walk<'a> {
    doc: &'a Document,
    kind: DocKind,
    /// The yes/no questions met so far, by path with `_` for `.`.
    answers: BTreeMap<String, Value>,
}

impl Walk<'_> {
    /// The values of `fields`, whose paths start with `prefix`.
    fn keys<'f>(&mut self, fields: impl Iterator<Item = &'f Field>, prefix: &str) -> Map {
        fields
            .map(|field| {
                (
                    field.key,
                    self.value(field, &format!("{prefix}{}", field.key)),
                )
            })
            .collect()
    }

    fn value(&mut self, field: &Field, path: &str) -> Value {
        let node = self.doc.get(path);
        match field.kind {
            Kind::Group(children) => self.group(children, path),
            Kind::Rows(columns) => self.rows(columns, node),
            Kind::LongText => {
                let text = self.doc.long_text(path);
                Value::safe_string(
                    &text.map_or_else(String::new, |t| markdown::to_typst(&t.markdown)),
                )
            }
            Kind::Bool => {
                let answer = node.and_then(Node::as_bool);
                self.answers.insert(path.replace('.', "_"), yes_no(answer));
                self.scalar(field, node)
            }
            _ => self.scalar(field, node),
        }
    }

    /// A group's keys, and what is computed from them.
    fn group(&mut self, children: &[Field], path: &str) -> Value {
        let mut map = self.keys(children.iter(), &format!("{path}."));
        if let Some(line) = postcode_plaats(children, &map) {
            map.insert(computed::POSTCODE_PLAATS, line.into());
        }
        // The group of the einddoel's choice gets the form's boxes.
        if paths::EINDDOEL
            .rsplit_once('.')
            .is_some_and(|(group, _)| group == path)
        {
            map.insert(computed::KEUZES, self.choices());
        }
        Value::from(map)
    }

    /// A table: each row with every column.
    fn rows(&self, columns: &[Field], node: Option<&Node>) -> Value {
        let rows: Vec<Value> = node
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .map(|row| {
                let cells: Map = columns
                    .iter()
                    .map(|column| (column.key, self.scalar(column, row.child(column.key))))
                    .collect();
                Value::from(cells)
            })
            .collect();
        Value::from(rows)
    }

    /// One value: dates in Dutch form, choices by this form's label, the
    /// rest as written (trimmed).
    fn scalar(&self, field: &Field, node: Option<&Node>) -> Value {
        let text = node.and_then(Node::text).unwrap_or_default();
        match field.kind {
            Kind::Bool => (node.and_then(Node::as_bool) == Some(true)).into(),
            Kind::Date => date::parse(&text).map(date::short).unwrap_or(text).into(),
            Kind::Choice(options) => label(options, &text, self.kind).unwrap_or(text).into(),
            _ => text.into(),
        }
    }

    /// The einddoel boxes of this kind's form, in form order, the chosen one ticked.
    fn choices(&self) -> Value {
        self.boxes(schema::EINDDOEL, paths::EINDDOEL)
    }

    /// The boxes of the choice at `path` on this kind's form, in form
    /// order, the chosen one ticked.
    fn boxes(&self, options: &[Choice], path: &str) -> Value {
        let chosen = self.doc.text(path).unwrap_or_default();
        let boxes: Vec<Value> = options
            .iter()
            .filter_map(|c| {
                let label = self.kind.label(c)?;
                let entry: Map = BTreeMap::from([
                    ("sleutel", c.key.into()),
                    ("label", label.into()),
                    ("gekozen", (c.key == chosen).into()),
                ]);
                Some(Value::from(entry))
            })
            .collect();
        Value::from(boxes)
    }
}

/// `document.soort` (the kind's key), `document.titel` (its form's
/// title), `document.deel` (its part of the re-integratieverslag),
/// `document.stap` and `document.stap_bron` (the step of the law it
/// completes and its source, from the law's table; empty for none) and
/// `document.visie.werknemer` / `.werkgever` (its visie questions, empty
/// when the form asks none): from the form's row.
fn document(kind: DocKind) -> Value {
    let form = kind.form();
    let step = form.step.and_then(law::step);
    let (stap, bron) = step.map_or((String::new(), ""), |s| (step_wording(s.wat), s.source));
    let (werknemer, werkgever) = form.visie.map_or(("", ""), |v| (v.werknemer, v.werkgever));
    let visie: Map = BTreeMap::from([
        ("werknemer", werknemer.into()),
        ("werkgever", werkgever.into()),
    ]);
    let map: Map = BTreeMap::from([
        ("soort", form.key.into()),
        ("titel", form.title.into()),
        ("deel", form.part.into()),
        ("stap", stap.into()),
        ("stap_bron", bron.into()),
        ("visie", Value::from(visie)),
    ]);
    Value::from(map)
}

/// A step's wording on a form: as the law's table gives it, less a
/// pointer to a command ("(`pva riv`)"), which is for the agenda's reader.
fn step_wording(wat: &str) -> String {
    let mut out = wat.to_string();
    while let Some(open) = out.find(" (`") {
        let close = out[open..].find(')').map_or(out.len(), |c| open + c + 1);
        out.replace_range(open..close, "");
    }
    out
}

/// Who signs for each party, with the defaults [`Document::signer`] fills in.
fn signers(doc: &Document) -> Value {
    let map: Map = Party::BOTH
        .into_iter()
        .map(|who| {
            let signer = doc.signer(who);
            let datum = signer
                .datum
                .map(|d| date::parse(&d).map(date::short).unwrap_or(d));
            let fields: Map = BTreeMap::from([
                ("naam", signer.naam.unwrap_or_default().into()),
                ("functie", signer.functie.unwrap_or_default().into()),
                ("datum", datum.unwrap_or_default().into()),
            ]);
            (who.key(), Value::from(fields))
        })
        .collect();
    Value::from(map)
}

/// A yes/no question of the form: which box is ticked, if any.
fn yes_no(answer: Option<bool>) -> Value {
    let map: Map = BTreeMap::from([
        ("ja", (answer == Some(true)).into()),
        ("nee", (answer == Some(false)).into()),
    ]);
    Value::from(map)
}

/// `1234 AB Plaats` for a group with a postcode and a plaats.
fn postcode_plaats(fields: &[Field], map: &Map) -> Option<String> {
    let postcode = fields.iter().find(|f| f.kind == Kind::Postcode)?;
    let postcode = map.get(postcode.key)?.as_str()?;
    let plaats = map.get(paths::PLAATS)?.as_str()?;
    let line = format!("{} {plaats}", normalise_postcode(postcode));
    Some(line.trim().to_string())
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

fn label(options: &[Choice], key: &str, kind: DocKind) -> Option<String> {
    let choice = options.iter().find(|c| c.key == key)?;
    kind.label(choice).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::law::Evidence;

    /// Each form's step is a key of the law's one table, of a step this
    /// kind completes, and the form prints its wording from there.
    #[test]
    fn every_form_names_a_step_of_the_law_that_it_completes() {
        for &kind in DocKind::ALL {
            let Some(key) = kind.form().step else {
                assert_eq!(kind, DocKind::Bijstelling);
                continue;
            };
            let step = law::step(key).unwrap_or_else(|| panic!("{kind:?}: no step {key}"));
            let completes = match step.evidence {
                Evidence::Signed(k) | Evidence::RecordedOrSigned(_, k) => k == kind,
                // Lint finds the verslag by its closing document.
                Evidence::Verslag => [DocKind::Eind, DocKind::Verkort].contains(&kind),
                Evidence::Held => kind == DocKind::Evaluatie,
                _ => false,
            };
            assert!(completes, "{kind:?} does not complete {key}");
            let printed = document(kind);
            let stap = printed
                .get_from_path("stap")
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            assert!(
                !stap.is_empty() && step.wat.starts_with(stap.as_str()),
                "{stap:?}"
            );
            assert!(!stap.contains('`'), "{stap:?}");
        }
        assert_eq!(
            step_wording("Re-integratieverslag compleet, uiterlijk 13 weken (`pva riv`)"),
            "Re-integratieverslag compleet, uiterlijk 13 weken"
        );
    }
    use crate::case::{Chain, parse_document};

    const BIJSTELLING: &str = "---
document: bijstelling
datum: 2026-03-02
werknemer:
  postcode: 3451bn
  plaats: Vleuten
einddoel:
  keuze: ander
obstakels:
  aanwezig: true
verzuim:
  verloop:
    - datum: 2026-01-05
      percentage: 100
---
## Toelichting einddoel

Een *andere* functie.
";

    fn values_of(text: &str) -> Value {
        let file: Arc<Path> = Arc::from(Path::new("b.md"));
        let empty = Node::empty_map(file.clone());
        let doc = parse_document(&file, text.into(), &Chain::new(Vec::new()), &empty).unwrap();
        Value::from(values(&doc, DocKind::Bijstelling, false))
    }

    fn text<'a>(values: &'a Value, path: &'a str) -> &'a str {
        let value = values.get_from_path(path);
        value
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{path}: {value:?}"))
    }

    /// Templates may name any key of the form: undefined ones are errors.
    #[test]
    fn every_key_of_the_form_is_there_even_when_empty() {
        fn walk<'f>(values: &Value, fields: impl Iterator<Item = &'f Field>, prefix: &str) {
            for field in fields {
                let path = format!("{prefix}{}", field.key);
                assert!(values.get_from_path(&path).is_some(), "{path}");
                if let Kind::Group(children) = field.kind {
                    walk(values, children.iter(), &format!("{path}."));
                }
            }
        }
        walk(&values_of(BIJSTELLING), schema::form(), "");
    }

    #[test]
    fn values_are_in_the_forms_words() {
        let values = values_of(BIJSTELLING);
        assert_eq!(text(&values, "datum"), "02-03-2026");
        assert_eq!(
            text(&values, "werknemer.postcode_plaats"),
            "3451 BN Vleuten"
        );
        assert_eq!(
            text(&values, "einddoel.keuze"),
            "ander einddoel, inclusief toelichting:"
        );
        assert_eq!(text(&values, "verzuim.verloop.0.datum"), "05-01-2026");
        assert_eq!(text(&values, "verzuim.verloop.0.percentage"), "100");
        assert!(text(&values, "einddoel.toelichting").contains("#emph[andere]"));
        assert_eq!(text(&values, "document.soort"), "bijstelling");
        let ticked = |path: &str| values.get_from_path(path).is_some_and(Value::is_truthy);
        assert!(ticked("obstakels.aanwezig"));
        assert!(ticked("antwoorden.obstakels_aanwezig.ja"));
        assert!(!ticked("antwoorden.obstakels_aanwezig.nee"));
        assert!(!ticked("antwoorden.bijstelling_nodig.nee"));
        assert!(ticked("einddoel.keuzes"));
    }
}
