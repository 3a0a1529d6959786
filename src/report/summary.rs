//! A run as a Markdown summary for CI (GitHub's job summary): findings
//! counted per rule and per folder, the PDFs built and the overdue
//! deadlines. It names rules, folders, files and dates only: never a finding's
//! message or any other text from the documents, so no BSN, name or
//! health detail ends up on a CI page.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::agenda::Deadline;
use crate::case::date;
use crate::diag::{Diagnostic, Severity};
use crate::rules;

/// The most rows of one list; the rest are counted.
const MAX_ROWS: usize = 50;

/// What a build did.
#[derive(Debug, Clone, Copy)]
pub struct Built<'a> {
    /// PDFs written.
    pub pdfs: &'a [PathBuf],
    /// PDFs left as they were.
    pub unchanged: usize,
    /// Documents not built because of errors or a failure.
    pub not_built: usize,
}

/// Everything a summary shows.
#[derive(Debug)]
pub struct Summary<'a> {
    /// `lint` or `build`.
    pub command: &'a str,
    /// Folders are shown relative to this root.
    pub root: &'a Path,
    /// All findings.
    pub diagnostics: &'a [Diagnostic],
    /// What a build wrote; `None` for lint.
    pub built: Option<&'a Built<'a>>,
    /// Deadlines passed without being met.
    pub overdue: &'a [Deadline],
}

impl Summary<'_> {
    /// The summary as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = format!("### pva {}: {}\n\n", self.command, totals(self.diagnostics));
        if !self.diagnostics.is_empty() {
            out.push_str(&self.per_rule());
            out.push_str(&self.per_folder());
        }
        if let Some(built) = self.built {
            out.push_str(&self.built(built));
        }
        out.push_str(&self.deadlines());
        // A blank line ends the last table before whatever comes next.
        out + "\n"
    }

    fn per_rule(&self) -> String {
        let mut rows: BTreeMap<&str, (Severity, usize)> = BTreeMap::new();
        for d in self.diagnostics {
            rows.entry(d.code).or_insert((d.severity, 0)).1 += 1;
        }
        let mut out = String::from("| Regel | Ernst | Wat | Aantal |\n|---|---|---|---:|\n");
        for (code, (severity, count)) in &rows {
            let title = rules::find(code).map_or("", |r| r.title);
            let _ = writeln!(out, "| {code} | {} | {title} | {count} |", word(*severity));
        }
        out + "\n"
    }

    fn per_folder(&self) -> String {
        let mut rows: BTreeMap<String, [usize; 3]> = BTreeMap::new();
        for d in self.diagnostics {
            let folder = d.file.parent().unwrap_or(Path::new(""));
            let counts = rows.entry(self.show(folder)).or_default();
            counts[column(d.severity)] += 1;
        }
        let mut out =
            String::from("| Map | Fouten | Waarschuwingen | Meldingen |\n|---|---:|---:|---:|\n");
        for (folder, [errors, warnings, notes]) in rows.iter().take(MAX_ROWS) {
            let _ = writeln!(out, "| {folder} | {errors} | {warnings} | {notes} |");
        }
        out + &more(rows.len()) + "\n"
    }

    fn built(&self, built: &Built<'_>) -> String {
        let mut out = format!(
            "**Gebouwd:** {}; {} ongewijzigd; {} niet gebouwd door fouten.\n\n",
            plural(built.pdfs.len(), "PDF", "PDF's"),
            built.unchanged,
            built.not_built
        );
        for pdf in built.pdfs.iter().take(MAX_ROWS) {
            let _ = writeln!(out, "- {}", self.show(pdf));
        }
        if !built.pdfs.is_empty() {
            out += &(more(built.pdfs.len()) + "\n");
        }
        out
    }

    fn deadlines(&self) -> String {
        if self.overdue.is_empty() {
            return "**Verlopen termijnen:** geen.\n".to_string();
        }
        let mut out = format!(
            "**Verlopen termijnen:** {}\n\n| Uiterlijk | Dossier | Termijn |\n|---|---|---|\n",
            self.overdue.len()
        );
        for d in self.overdue.iter().take(MAX_ROWS) {
            let dossier = self.show(Path::new(&d.dossier));
            let _ = writeln!(
                out,
                "| {} | {dossier} | {} |",
                date::short(d.datum),
                code(&d.key)
            );
        }
        out + &more(self.overdue.len())
    }

    /// A path relative to the root, as inline code.
    fn show(&self, path: &Path) -> String {
        let root = std::path::absolute(self.root).unwrap_or_else(|_| self.root.to_path_buf());
        let relative = path.strip_prefix(&root).unwrap_or(path);
        code(&super::display(relative))
    }
}

/// "2 fouten, 1 waarschuwing, 0 meldingen", or that there are none.
fn totals(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return "geen bevindingen".to_string();
    }
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    [
        plural(count(Severity::Error), "fout", "fouten"),
        plural(count(Severity::Warning), "waarschuwing", "waarschuwingen"),
        plural(count(Severity::Info), "melding", "meldingen"),
    ]
    .join(", ")
}

/// "1 fout", "2 fouten".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The column of `severity` in the per-folder table.
fn column(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "fout",
        Severity::Warning => "waarschuwing",
        Severity::Info => "melding",
    }
}

/// "…en nog N" under a list cut at `MAX_ROWS`.
fn more(total: usize) -> String {
    if total > MAX_ROWS {
        format!("\n…en nog {}.\n", total - MAX_ROWS)
    } else {
        String::new()
    }
}

/// Text as inline code that cannot break out of its table cell.
fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'").replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_cannot_end_a_cell_or_the_code_span() {
        assert_eq!(code("a|b`c"), "`a\\|b'c`");
    }

    #[test]
    fn totals_use_singular_and_plural() {
        let finding = |severity| Diagnostic {
            severity,
            ..Diagnostic::in_file(&rules::BSN, Path::new("x.md"), "")
        };
        let list = [
            finding(Severity::Error),
            finding(Severity::Error),
            finding(Severity::Warning),
        ];
        assert_eq!(totals(&list), "2 fouten, 1 waarschuwing, 0 meldingen");
        assert_eq!(totals(&[]), "geen bevindingen");
    }
}
