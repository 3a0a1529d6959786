//! Writing a missing key into YAML text: under the part of its path that is
//! already written, indented like its neighbours, or at the end.

use std::ops::Range;

use super::cursor::{key_lines, yaml_line};
use crate::case::schema::{Field, Kind};

/// Lines to insert so that the dotted `path` exists in the YAML `region`
/// of `lines`: the 0-based line to insert before, and the text (whole
/// lines). `None` when the key is written already (maybe blank) or a
/// written part of its path holds a value, not keys.
pub(super) fn insertion(
    lines: &[&str],
    region: Range<usize>,
    path: &[&str],
    leaf: &Field,
) -> Option<(usize, String)> {
    let found = key_lines(lines, region.clone(), path);
    if found.len() == path.len() {
        return None;
    }
    let (before, indent) = match found.last() {
        Some(&parent) => {
            let parsed = yaml_line(lines[parent]);
            if !parsed.value.is_empty() && !parsed.value.starts_with('#') {
                return None;
            }
            let end = block_end(lines, parent, region.end);
            let child = (parent + 1..end)
                .map(|i| yaml_line(lines[i]))
                .find(|l| !l.empty)
                .map_or(parsed.indent + 2, |l| l.indent);
            (end, child)
        }
        None => (
            last_content(lines, region.clone()).map_or(region.start, |l| l + 1),
            0,
        ),
    };
    Some((before, nested(&path[found.len()..], indent, leaf)))
}

/// The line after the last line belonging to the key on line `key`.
fn block_end(lines: &[&str], key: usize, end: usize) -> usize {
    let indent = yaml_line(lines[key]).indent;
    let below = (key + 1..end)
        .take_while(|i| {
            let parsed = yaml_line(lines[*i]);
            parsed.empty || parsed.indent > indent
        })
        .collect::<Vec<_>>();
    last_content(lines, key..below.last().map_or(key + 1, |l| l + 1)).map_or(key + 1, |l| l + 1)
}

/// The last line in `range` that is not blank.
fn last_content(lines: &[&str], range: Range<usize>) -> Option<usize> {
    range.rev().find(|i| !lines[*i].trim().is_empty())
}

/// The keys of `path`, each under the one before, the last one empty (a
/// table gets one row with its columns).
fn nested(path: &[&str], indent: usize, leaf: &Field) -> String {
    let mut out = String::new();
    for (depth, key) in path.iter().enumerate() {
        let pad = " ".repeat(indent + 2 * depth);
        match (depth + 1 == path.len(), leaf.kind) {
            (true, Kind::Rows(columns)) => {
                out.push_str(&format!("{pad}{key}:\n"));
                for (i, column) in columns.iter().enumerate() {
                    let dash = if i == 0 { "- " } else { "  " };
                    out.push_str(&format!("{pad}  {dash}{}: \n", column.key));
                }
            }
            (true, Kind::Group(_)) | (false, _) => out.push_str(&format!("{pad}{key}:\n")),
            (true, _) => out.push_str(&format!("{pad}{key}: \n")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::schema;

    fn insert(text: &str, path: &str) -> Option<(usize, String)> {
        let lines: Vec<&str> = text.split('\n').collect();
        let keys: Vec<&str> = path.split('.').collect();
        insertion(&lines, 0..lines.len(), &keys, schema::field(path).unwrap())
    }

    #[test]
    fn under_the_written_parent_like_its_children() {
        let text = "werknemer:\n    naam: Jan\n\n    bsn: \"1\"\n\nverzuim:\n  x: 1\n";
        assert_eq!(
            insert(text, "werknemer.adres"),
            Some((4, "    adres: \n".into()))
        );
    }

    #[test]
    fn the_missing_part_of_the_path_at_the_end() {
        let text = "werknemer:\n  naam: Jan\n\n";
        assert_eq!(
            insert(text, "werkgever.contactpersoon.naam"),
            Some((2, "werkgever:\n  contactpersoon:\n    naam: \n".into()))
        );
        assert_eq!(
            insert("verzuim:\n", "verzuim.eerste_ziektedag"),
            Some((1, "  eerste_ziektedag: \n".into()))
        );
    }

    #[test]
    fn a_table_gets_a_row() {
        assert_eq!(
            insert("datum: 2026-01-01\n", "evaluaties"),
            Some((
                1,
                "evaluaties:\n  - wanneer: \n    frequentie: \n    vorm: \n    wat: \n    wie: \n"
                    .into()
            ))
        );
    }

    #[test]
    fn nothing_when_written_or_under_a_value() {
        assert_eq!(insert("werknemer:\n  naam:\n", "werknemer.naam"), None);
        assert_eq!(insert("werknemer: Jan\n", "werknemer.naam"), None);
    }
}
