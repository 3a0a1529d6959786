//! What the cursor is on, read from the text alone: a key (with the keys
//! above it), a value, a `##` heading. The text is read line by line by
//! indentation, so this works while the YAML is half typed and does not parse.

/// One line of YAML as far as keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct YamlLine<'a> {
    /// Character column where the content starts, after spaces and `- `.
    pub indent: usize,
    /// The key, when the content starts with `key:`.
    pub key: Option<&'a str>,
    /// What follows the key's colon, trimmed (empty for a group).
    pub value: &'a str,
    /// Character column just after the key's colon.
    pub after_colon: usize,
    /// True for blank lines and comments.
    pub empty: bool,
}

/// Reads one line of YAML.
pub(super) fn yaml_line(line: &str) -> YamlLine<'_> {
    let mut rest = line;
    let mut indent = 0;
    loop {
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        indent += spaces;
        rest = &rest[spaces..];
        match rest.strip_prefix('-') {
            Some(after) if after.is_empty() || after.starts_with(' ') => {
                indent += 1;
                rest = after;
            }
            _ => break,
        }
    }
    let empty = rest.trim().is_empty() || rest.starts_with('#');
    let name_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let after = &rest[name_len..];
    let is_key = name_len > 0
        && after.starts_with(':')
        && (after.len() == 1 || after[1..].starts_with([' ', '\t']));
    let (key, value, after_colon) = if is_key {
        let key = &rest[..name_len];
        (
            Some(key),
            after[1..].trim(),
            indent + key.chars().count() + 1,
        )
    } else {
        (None, "", 0)
    };
    YamlLine {
        indent,
        key,
        value,
        after_colon,
        empty,
    }
}

/// Where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
    /// On a key, or where one can be typed. `parents` are the keys above it.
    Key {
        /// The enclosing keys, outermost first.
        parents: Vec<String>,
        /// The key on the line ("" on an empty line).
        key: String,
        /// Its first character column.
        start: usize,
    },
    /// After a key's colon.
    Value {
        /// The key's full path, outermost first.
        path: Vec<String>,
        /// Character column where the value starts (just after the colon).
        start: usize,
    },
    /// On a Markdown line starting with `#`.
    Heading {
        /// The line's text.
        line: String,
    },
    /// Anywhere else: in a long text, the body's prose, outside the front matter.
    Elsewhere,
}

/// The cursor at 0-based `line` and character `col` of a Markdown document
/// (`markdown`) or a whole-YAML file.
pub(super) fn place(text: &str, line: usize, col: usize, markdown: bool) -> Place {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(region) = yaml_region(&lines, markdown) else {
        return Place::Elsewhere;
    };
    // A position past the end: no editor sends one, but a client that
    // does must not stop the server (found by the fuzz target lsp_messages).
    let Some(&current) = lines.get(line) else {
        return Place::Elsewhere;
    };
    if markdown && line >= region.end {
        return match current.starts_with('#') && line > region.end {
            true => Place::Heading {
                line: current.to_string(),
            },
            false => Place::Elsewhere,
        };
    }
    if line < region.start {
        return Place::Elsewhere;
    }
    let parsed = yaml_line(current);
    let before: String = current.chars().take(col).collect();
    let indent = match parsed.empty && parsed.key.is_none() {
        true => yaml_line(&before).indent,
        false => parsed.indent,
    };
    let Some(parents) = parents(&lines[region.start..line], indent) else {
        return Place::Elsewhere;
    };
    match parsed.key {
        Some(key) if col >= parsed.after_colon => Place::Value {
            path: parents.into_iter().chain([key.to_string()]).collect(),
            start: parsed.after_colon,
        },
        Some(key) => Place::Key {
            parents,
            key: key.to_string(),
            start: parsed.indent,
        },
        None if before.trim_start_matches([' ', '-']).contains(':') => Place::Elsewhere,
        None => Place::Key {
            parents,
            key: before[before.len() - before.trim_start_matches([' ', '-']).len()..].to_string(),
            start: indent,
        },
    }
}

/// The 0-based line range of the YAML: the front matter between the fences
/// (to the end while the closing fence is not yet typed), or the whole file.
pub(super) fn yaml_region(lines: &[&str], markdown: bool) -> Option<std::ops::Range<usize>> {
    if !markdown {
        return Some(0..lines.len());
    }
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    let end = lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map_or(lines.len(), |i| i + 1);
    Some(1..end)
}

/// The keys enclosing a line indented `indent`, reading `above` upwards;
/// `None` when the line is inside a multi-line text.
fn parents(above: &[&str], indent: usize) -> Option<Vec<String>> {
    let mut found = Vec::new();
    let mut limit = indent;
    for line in above.iter().rev() {
        let parsed = yaml_line(line);
        if parsed.empty || parsed.indent >= limit {
            continue;
        }
        let key = parsed.key?;
        if !parsed.value.is_empty() && !parsed.value.starts_with('#') {
            // A scalar above with less indent: this line continues its text.
            return None;
        }
        found.push(key.to_string());
        limit = parsed.indent;
        if limit == 0 {
            break;
        }
    }
    found.reverse();
    Some(found)
}

/// The keys already written beside the key on 0-based `line` (same parent,
/// same indentation), so completion does not offer them twice.
pub(super) fn siblings(text: &str, line: usize, indent: usize) -> Vec<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let block = |range: &mut dyn Iterator<Item = usize>| -> Vec<String> {
        range
            .map(|i| yaml_line(lines[i]))
            .filter(|l| !l.empty)
            .take_while(|l| l.indent >= indent && !(l.key.is_none() && l.indent == 0))
            .filter(|l| l.indent == indent)
            .filter_map(|l| l.key.map(str::to_string))
            .collect()
    };
    let mut keys = block(&mut (0..line).rev());
    keys.extend(block(&mut (line + 1..lines.len())));
    keys
}

/// The 0-based lines of the keys of `path` that exist in the YAML `region`
/// of `lines`, outermost first: all of them when the key is written.
pub(super) fn key_lines(
    lines: &[&str],
    region: std::ops::Range<usize>,
    path: &[&str],
) -> Vec<usize> {
    let mut found = Vec::new();
    let mut block = region;
    for key in path {
        let Some(indent) = block
            .clone()
            .map(|i| yaml_line(lines[i]))
            .find(|l| !l.empty)
            .map(|l| l.indent)
        else {
            break;
        };
        let Some(line) = block.clone().find(|i| {
            let parsed = yaml_line(lines[*i]);
            parsed.indent == indent && parsed.key == Some(key)
        }) else {
            break;
        };
        found.push(line);
        let end = (line + 1..block.end)
            .find(|i| {
                let parsed = yaml_line(lines[*i]);
                !parsed.empty && parsed.indent <= indent
            })
            .unwrap_or(block.end);
        block = line + 1..end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "---\ndocument: plan-van-aanpak\neinddoel:\n  keuze: eigen_functie\n  \nafspraken:\n  - probleemveld: arbeidsinhoud\n    activiteit: Minder uren\nstappen: |\n  Eerst: rust.\n---\n## Te nemen\n";

    fn key(parents: &[&str], key: &str, start: usize) -> Place {
        Place::Key {
            parents: parents.iter().map(|p| p.to_string()).collect(),
            key: key.to_string(),
            start,
        }
    }

    #[test]
    fn keys_know_their_parents() {
        assert_eq!(place(PLAN, 3, 3, true), key(&["einddoel"], "keuze", 2));
        assert_eq!(place(PLAN, 1, 0, true), key(&[], "document", 0));
        assert_eq!(
            place(PLAN, 7, 6, true),
            key(&["afspraken"], "activiteit", 4)
        );
        assert_eq!(
            place(PLAN, 6, 6, true),
            key(&["afspraken"], "probleemveld", 4)
        );
    }

    /// Found by the fuzz target `lsp_messages`: completion in a
    /// `dossier.yaml` on a line past its end panicked (a slice out of range).
    #[test]
    fn a_line_past_the_end_is_nowhere() {
        let yaml = "werknemer:\n  naam: Jan\n";
        for line in [3, 4, 10, usize::MAX] {
            assert_eq!(place(yaml, line, 0, false), Place::Elsewhere);
            assert_eq!(
                place(PLAN, line.saturating_add(12), 5, true),
                Place::Elsewhere
            );
        }
    }

    #[test]
    fn an_empty_line_takes_the_cursor_s_indentation() {
        assert_eq!(place(PLAN, 4, 2, true), key(&["einddoel"], "", 2));
        assert_eq!(
            place("a:\n  b:\n    \n", 2, 4, false),
            key(&["a", "b"], "", 4)
        );
        assert_eq!(place("a:\n  b:\n    \n", 2, 2, false), key(&["a"], "", 2));
    }

    #[test]
    fn values_heading_and_text() {
        assert_eq!(
            place(PLAN, 3, 9, true),
            Place::Value {
                path: vec!["einddoel".into(), "keuze".into()],
                start: 8
            }
        );
        assert_eq!(place(PLAN, 9, 4, true), Place::Elsewhere);
        assert_eq!(
            place(PLAN, 11, 3, true),
            Place::Heading {
                line: "## Te nemen".into()
            }
        );
        assert_eq!(place(PLAN, 10, 1, true), Place::Elsewhere);
    }

    #[test]
    fn key_lines_follow_a_path_as_far_as_it_is_written() {
        let lines: Vec<&str> = PLAN.split('\n').collect();
        let region = yaml_region(&lines, true).unwrap();
        assert_eq!(
            key_lines(&lines, region.clone(), &["einddoel", "keuze"]),
            vec![2, 3]
        );
        assert_eq!(
            key_lines(&lines, region.clone(), &["einddoel", "toelichting"]),
            vec![2]
        );
        assert_eq!(
            key_lines(&lines, region.clone(), &["keuze"]),
            Vec::<usize>::new()
        );
        assert_eq!(key_lines(&lines, region, &["stappen"]), vec![8]);
    }

    #[test]
    fn siblings_are_the_keys_beside() {
        assert_eq!(siblings(PLAN, 4, 2), vec!["keuze"]);
        assert_eq!(
            siblings(PLAN, 4, 0),
            vec!["einddoel", "document", "afspraken", "stappen"]
        );
    }
}
