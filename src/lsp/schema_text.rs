//! The schema as the editor shows it: keys valid at a place, the type and
//! scope of a key in Dutch, and the form's wording of a choice.

use crate::case::paths;
use crate::case::schema::{self, Choice, DocKind, Field, Heading, Kind, Scope};

/// The kinds of document, for describing where a key may be written.
const KINDS: &[DocKind] = DocKind::ALL;

/// The fields that may be written under the keys `parents` (row keys by
/// their column names), or `None` when `parents` is not a group or table.
pub(super) fn fields_under(parents: &[String]) -> Option<&'static [Field]> {
    if parents.is_empty() {
        return Some(schema::ROOT);
    }
    match schema::field(&parents.join("."))?.kind {
        Kind::Group(children) | Kind::Rows(children) => Some(children),
        _ => None,
    }
}

/// The form's wording of `choice` on a document of `kind` (the plan's on
/// a plan, the bijstelling's on the others, either in the dossier files).
pub(super) fn choice_label(choice: &Choice, kind: Option<DocKind>) -> Option<&'static str> {
    let own = kind.and_then(|k| k.label(choice));
    own.or(choice.plan).or(choice.bijstelling)
}

/// The choices of the field at `path` valid on a document of `kind`: the
/// einddoel is ticked on the form, so only its boxes count (as the lint checks).
pub(super) fn choices(
    path: &str,
    options: &'static [Choice],
    kind: Option<DocKind>,
) -> Vec<&'static Choice> {
    options
        .iter()
        .filter(|c| match kind {
            Some(kind) if path == paths::EINDDOEL => kind.label(c).is_some(),
            _ => true,
        })
        .collect()
}

/// Whether a key of `scope` may be written in a file: a document of
/// `kind` (any kind while it is not yet named) or a dossier file.
pub(super) fn allowed(scope: Scope, markdown: bool, kind: Option<DocKind>) -> bool {
    match (markdown, kind) {
        (false, _) => scope.allows(None),
        (true, Some(kind)) => scope.allows(Some(kind)),
        (true, None) => KINDS.iter().any(|k| scope.allows(Some(*k))),
    }
}

/// Whether a document of `kind` (any kind while it is not yet named) may
/// have `heading`.
pub(super) fn heading_allowed(heading: &Heading, kind: Option<DocKind>) -> bool {
    match kind {
        Some(_) => heading.allows(kind),
        None => heading.kinds().next().is_some(),
    }
}

/// The kinds of document that have `heading`, in Dutch.
pub(super) fn heading_places(heading: &Heading) -> String {
    let kinds: Vec<&str> = heading.kinds().map(DocKind::title).collect();
    if kinds.len() == KINDS.len() {
        "elk document".to_string()
    } else {
        format!("alleen een {}", kinds.join(" of een "))
    }
}

/// The type of a value, in Dutch.
pub(super) fn kind_text(kind: &Kind) -> String {
    match kind {
        Kind::Text => "tekst (één regel)".to_string(),
        Kind::LongText => "lange tekst (Markdown)".to_string(),
        Kind::Date => "datum, JJJJ-MM-DD".to_string(),
        Kind::Bool => "ja of nee: `true` of `false`".to_string(),
        Kind::Number => "getal".to_string(),
        Kind::Percent => "percentage, 0 tot en met 100".to_string(),
        Kind::Bsn => "BSN tussen aanhalingstekens, zoals \"123456782\"".to_string(),
        Kind::Postcode => "postcode, zoals 3511 AB".to_string(),
        Kind::Phone => "telefoonnummer, zoals 030 - 123 45 67".to_string(),
        Kind::Email => "e-mailadres, zoals naam@domein.nl".to_string(),
        Kind::Choice(options) => {
            let keys: Vec<String> = options.iter().map(|c| format!("`{}`", c.key)).collect();
            format!("één van {}", keys.join(", "))
        }
        Kind::Group(_) => "groep van velden".to_string(),
        Kind::Rows(_) => "lijst van regels (elke regel begint met `- `)".to_string(),
    }
}

/// Where a key of `scope` may be written, in Dutch.
pub(super) fn scope_text(scope: Scope) -> String {
    let mut places = Vec::new();
    if scope.allows(None) {
        places.extend(["gedeeld.yaml".to_string(), "dossier.yaml".to_string()]);
    }
    let kinds: Vec<&str> = KINDS
        .iter()
        .filter(|k| scope.allows(Some(**k)))
        .map(|k| k.title())
        .collect();
    match kinds.len() {
        0 => {}
        n if n == KINDS.len() => places.push("elk document".to_string()),
        _ => places.push(format!("alleen een {}", kinds.join(" of een "))),
    }
    match places.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} en {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_in_words() {
        assert_eq!(
            scope_text(Scope::Shared),
            "gedeeld.yaml, dossier.yaml en elk document"
        );
        assert_eq!(scope_text(Scope::Plan), "alleen een Plan van aanpak");
        assert_eq!(scope_text(Scope::Inherited), "gedeeld.yaml en dossier.yaml");
        assert_eq!(scope_text(Scope::Document), "elk document");
    }

    #[test]
    fn the_einddoel_offers_the_form_s_boxes() {
        let keys = |kind| -> Vec<&str> {
            choices("einddoel.keuze", schema::EINDDOEL, Some(kind))
                .iter()
                .map(|c| c.key)
                .collect()
        };
        assert!(keys(DocKind::Plan).contains(&"nog_niet_bekend"));
        assert!(!keys(DocKind::Plan).contains(&"ongewijzigd"));
        assert!(keys(DocKind::Bijstelling).contains(&"ongewijzigd"));
    }
}
