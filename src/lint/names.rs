//! Names that travel: a dossier folder and a document name become the path
//! of a PDF (`output/<folder>/<document>.pdf`), which CI uploads as an
//! artifact and HR uploads to UWV from a Windows PC.

use std::path::Path;

use crate::case::{DOSSIER_FILE, Dossier};
use crate::diag::Diagnostic;
use crate::rules;

/// The characters GitHub's artifact upload refuses in a path
/// (`invalidArtifactFilePathCharacters` in actions/toolkit's
/// `path-and-artifact-name-validation.ts`, used by actions/upload-artifact),
/// plus `\`, a folder separator on Windows. Control characters (newline,
/// carriage return, tab …) are refused too; see [`refused`].
const REFUSED: &[char] = &['"', ':', '<', '>', '|', '*', '?', '\\'];

/// The name of the dossier's folder and of each of its documents.
pub(crate) fn dossier(dossier: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(folder) = file_name(&dossier.dir) {
        let at = dossier.dir.join(DOSSIER_FILE);
        out.extend(check(&folder, "dossiermap", &at));
    }
    let documents = dossier.documents.iter().map(|d| d.path.as_path());
    for path in documents.chain(dossier.unreadable.iter().map(|p| p.as_path())) {
        if let Some(name) = file_name(path) {
            out.extend(check(&name, "bestandsnaam", path));
        }
    }
    out
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
}

/// A finding at `at` when `name` would be refused.
fn check(name: &str, what: &str, at: &Path) -> Option<Diagnostic> {
    let bad: Vec<String> =
        name.chars()
            .filter(|c| refused(*c))
            .map(describe)
            .fold(Vec::new(), |mut seen, c| {
                if !seen.contains(&c) {
                    seen.push(c);
                }
                seen
            });
    let trailing = name.ends_with(['.', ' ']);
    if bad.is_empty() && !trailing {
        return None;
    }
    let mut problems = bad.join(", ");
    if trailing {
        if !problems.is_empty() {
            problems.push_str(" en ");
        }
        problems.push_str("een punt of spatie aan het eind");
    }
    let message = format!(
        "de {what} `{}` bevat {problems}; GitHub weigert dan het hele artefact met de PDF's, en op een Windows-pc (voor het werkgeversportaal van UWV) is de PDF niet op te slaan",
        name.escape_debug()
    );
    Some(
        Diagnostic::in_file(&rules::NAME_REFUSED, at, message)
            .hint(format!("hernoem naar `{}` (git mv)", suggest(name))),
    )
}

fn refused(c: char) -> bool {
    REFUSED.contains(&c) || c.is_control()
}

/// How a refused character reads in a message.
fn describe(c: char) -> String {
    match c {
        '\n' => "een regeleinde".to_string(),
        '\r' => "een regelterugloop (\\r)".to_string(),
        '\t' => "een tab".to_string(),
        c if c.is_control() => format!("het stuurteken U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

/// `name` with each run of refused characters as one `-`, no `-` next to
/// a dot or at either end, and no dot or space at the end.
pub(crate) fn suggest(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if refused(c) {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c);
        }
    }
    let out = out
        .replace("-.", ".")
        .replace(".-", ".")
        .replace("- ", " ")
        .replace(" -", " ");
    let out = out.trim_matches('-').trim_end_matches(['.', ' ']).trim();
    if out.is_empty() {
        "dossier".to_string()
    } else {
        out.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_name_has_no_refused_character() {
        for (name, suggested) in [
            ("jansen: 2026", "jansen 2026"),
            ("plan?.md", "plan.md"),
            ("a|b*c", "a-b-c"),
            ("\"de vries\"", "de vries"),
            ("regel\neen", "regel-een"),
            ("eind. ", "eind"),
            ("???", "dossier"),
        ] {
            assert_eq!(suggest(name), suggested, "{name:?}");
            assert!(!suggest(name).chars().any(refused), "{name:?}");
        }
    }
}
