//! Findings as a GitLab Code Quality report: the subset of the Code Climate
//! format GitLab reads (`artifacts:reports:codequality`), shown in merge
//! requests. Paths are relative to the repository; fingerprints stay the
//! same when lines are added above a finding, so GitLab can tell new
//! findings from old ones.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};

/// One Code Quality issue.
#[derive(Debug, Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Debug, Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Debug, Serialize)]
struct Lines {
    begin: usize,
}

/// Writes `diagnostics` as one JSON array, paths relative to `repository`.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    repository: &Path,
) -> std::io::Result<()> {
    let mut seen: HashMap<(String, &str, &str), usize> = HashMap::new();
    let issues: Vec<Issue<'_>> = diagnostics
        .iter()
        .map(|d| {
            let path = super::relative_path(repository, &d.file);
            // Identical findings in one file stay distinct by their order.
            let n = seen
                .entry((path.clone(), d.code, d.message.as_str()))
                .or_default();
            *n += 1;
            Issue {
                description: &d.message,
                check_name: d.code,
                fingerprint: fingerprint(&path, d, *n),
                severity: severity(d.severity),
                location: Location {
                    path,
                    lines: Lines { begin: d.line },
                },
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// Code Climate's scale: info, minor, major, critical, blocker. An error
/// keeps a document from being built, but the build goes on: major.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// A hash of what the finding is, not where: rule, file, message and its
/// number among identical ones; the line is left out on purpose.
fn fingerprint(path: &str, d: &Diagnostic, n: usize) -> String {
    let mut hasher = blake3::Hasher::new();
    for part in [path, d.code, &d.message, &n.to_string()] {
        hasher.update(part.as_bytes());
        hasher.update(&[0]);
    }
    hasher.finalize().to_hex()[..32].to_string()
}
