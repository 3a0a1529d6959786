//! Freezing a signed document: writing what it inherited into its own front
//! matter (`bevroren:`), so later edits of the shared files cannot change
//! what was signed, and any change to it is a visible edit of the document.

use super::document::Document;
use super::dossier::Dossier;
use super::front_matter;
use super::node::{Node, Value};
use super::paths;
use super::schema::{self, Field, Kind};

/// Of `verzuim`, what a document shows; the agenda's records stay in the dossier.
const VERZUIM_SHOWN: &[&str] = &[
    paths::EERSTE_ZIEKTEDAG,
    paths::VERLOOP,
    paths::EINDE_DIENSTVERBAND,
];

/// The groups a document inherits and a frozen document carries: the keys
/// of `bevroren` in the schema.
fn carried() -> &'static [Field] {
    match schema::field(paths::BEVROREN).map(|f| f.kind) {
        Some(Kind::Group(groups)) => groups,
        _ => &[],
    }
}

/// The keys of the group `key` a document shows, when it shows only some.
fn shown(key: &str) -> Vec<&'static str> {
    VERZUIM_SHOWN
        .iter()
        .filter_map(|path| path.strip_prefix(key)?.strip_prefix('.'))
        .collect()
}

/// The text of `doc` with what it inherited on its date written into its
/// front matter (`bevroren: {}` when nothing), or `None` when its front
/// matter cannot be found.
pub fn frozen_text(dossier: &Dossier, doc: &Document) -> Option<String> {
    let inherited = dossier.base_at(doc.date());
    let mut block = String::new();
    for key in carried().iter().map(|f| f.key) {
        let Some(value) = inherited.child(key) else {
            continue;
        };
        let mut value = value.clone();
        let shown = shown(key);
        if !shown.is_empty() {
            retain(&mut value, &shown);
        }
        let value = without_own(&value, doc.own.child(key));
        if let Some(value) = value.filter(|v| !v.is_blank()) {
            entry(key, &value, 2, &mut block);
        }
    }
    if block.is_empty() {
        // Frozen all the same: what it shows no longer depends on the shared files.
        block.push_str(" {}\n");
    } else {
        block.insert(0, '\n');
    }
    let split = front_matter::split(&doc.text).ok()?;
    let mut text = doc.text.clone();
    let before = &text[..split.yaml_end];
    let gap = if before.ends_with("\n\n") || before.ends_with("---\n") {
        ""
    } else {
        "\n"
    };
    let insert = format!(
        "{gap}# Bevroren met `pva freeze`: wat dit getekende document erfde uit gedeeld.yaml\n# en dossier.yaml. Latere wijzigingen daar veranderen dit document niet meer;\n# een correctie hier is een bewuste wijziging van een getekend document.\n{}:{block}",
        paths::BEVROREN
    );
    text.insert_str(split.yaml_end, &insert);
    Some(text)
}

/// `value` without what the document sets itself (its own value wins anyway).
fn without_own(value: &Node, own: Option<&Node>) -> Option<Node> {
    let Some(own) = own else {
        return Some(value.clone());
    };
    let (Value::Map(entries), Value::Map(_)) = (&value.value, &own.value) else {
        return None;
    };
    let kept = entries
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), without_own(v, own.child(&k.name))?)))
        .collect();
    Some(Node {
        value: Value::Map(kept),
        pos: value.pos.clone(),
    })
}

fn retain(node: &mut Node, keys: &[&str]) {
    if let Value::Map(entries) = &mut node.value {
        entries.retain(|(k, _)| keys.contains(&k.name.as_str()));
    }
}

/// Writes `key: value` as YAML at `indent` spaces.
fn entry(key: &str, value: &Node, indent: usize, out: &mut String) {
    out.push_str(&" ".repeat(indent));
    out.push_str(key);
    out.push(':');
    value_after_key(value, indent, out);
}

fn value_after_key(value: &Node, indent: usize, out: &mut String) {
    match &value.value {
        Value::Map(entries) if !entries.is_empty() => {
            out.push('\n');
            for (k, v) in entries {
                entry(&k.name, v, indent + 2, out);
            }
        }
        Value::Seq(items) if !items.is_empty() => {
            out.push('\n');
            for item in items {
                list_item(item, indent + 2, out);
            }
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(value));
            out.push('\n');
        }
    }
}

fn list_item(item: &Node, indent: usize, out: &mut String) {
    out.push_str(&" ".repeat(indent));
    out.push('-');
    match &item.value {
        Value::Map(entries) if !entries.is_empty() => {
            let (first_key, first_value) = &entries[0];
            out.push(' ');
            out.push_str(&first_key.name);
            out.push(':');
            value_after_key(first_value, indent + 2, out);
            for (k, v) in &entries[1..] {
                entry(&k.name, v, indent + 2, out);
            }
        }
        _ => value_after_key(item, indent, out),
    }
}

/// A scalar as YAML: dates, numbers and booleans plain, text double-quoted.
fn scalar(node: &Node) -> String {
    match &node.value {
        Value::Null => "~".to_string(),
        Value::Map(_) => "{}".to_string(),
        Value::Seq(_) => "[]".to_string(),
        Value::Str(s) if super::date::parse(s).is_some() || is_plain(s) => s.clone(),
        Value::Str(s) => format!(
            "\"{}\"",
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n")
        ),
        _ => node.scalar().unwrap_or_default(),
    }
}

/// Text that YAML reads back as the same text without quotes.
fn is_plain(s: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "true", "false", "yes", "no", "on", "off", "null", "~", "ja", "nee",
    ];
    let starts_special = s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`.".contains(c));
    !s.is_empty()
        && s.trim() == s
        && !starts_special
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.contains('\n')
        && !KEYWORDS.contains(&s.to_ascii_lowercase().as_str())
        && s.parse::<f64>().is_err()
        && !s.chars().all(|c| c.is_ascii_digit() || "_.+-".contains(c))
        && !s.starts_with("0x")
        && !s.starts_with("0o")
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::case::node::parse;

    fn yaml(text: &str) -> Node {
        parse(text, &Arc::from(Path::new("x.yaml")), 1).unwrap()
    }

    #[test]
    fn written_yaml_reads_back_the_same() {
        let node = yaml(
            "werknemer:\n  naam: \"Kees \\\"K\\\" Jansen\"\n  bsn: \"123456782\"\nverzuim:\n  eerste_ziektedag: 2025-11-03\n  verloop:\n    - datum: 2025-11-03\n      percentage: 100\n    - datum: 2025-12-15\n      percentage: 0\n",
        );
        let mut out = String::new();
        for (k, v) in node.entries() {
            entry(&k.name, v, 0, &mut out);
        }
        let again = yaml(&out);
        assert_eq!(
            again.get("werknemer.naam").unwrap().text().unwrap(),
            "Kees \"K\" Jansen"
        );
        assert_eq!(
            again.get("werknemer.bsn").unwrap().text().unwrap(),
            "123456782"
        );
        assert!(out.contains("bsn: \"123456782\""), "{out}");
        assert!(out.contains("eerste_ziektedag: 2025-11-03"), "{out}");
        assert_eq!(again.get("verzuim.verloop").unwrap().items().len(), 2);
        assert_eq!(
            again.get("verzuim.verloop").unwrap().items()[1]
                .child("percentage")
                .unwrap()
                .scalar()
                .unwrap(),
            "0"
        );
    }
}
