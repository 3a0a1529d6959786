//! Continuous integration: the CI files `pva init` writes, and what the
//! commands add when they run in CI (the GitHub job summary, paths relative
//! to the repository for GitLab).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::agenda::{self, Deadline, Status};
use crate::case;
use crate::diag::Diagnostic;
use crate::fs::{self, FsError};
use crate::report::summary::{Built, Summary};

/// A CI system `pva init` can write the configuration of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    /// GitHub Actions.
    Github,
    /// GitLab CI/CD.
    Gitlab,
}

impl System {
    /// Where the configuration goes, relative to the repository.
    pub fn path(self) -> &'static str {
        match self {
            System::Github => ".github/workflows/pva.yml",
            System::Gitlab => ".gitlab-ci.yml",
        }
    }

    /// The configuration: it installs the pva version that writes it.
    pub fn config(self) -> String {
        let template = match self {
            System::Github => include_str!("../assets/ci/github-workflow.yml"),
            System::Gitlab => include_str!("../assets/ci/gitlab-ci.yml"),
        };
        template.replace("@VERSION@", env!("CARGO_PKG_VERSION"))
    }
}

/// The file GitHub Actions collects the job summary in, when running there.
pub fn step_summary_file() -> Option<PathBuf> {
    std::env::var_os("GITHUB_STEP_SUMMARY")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The repository the project is in, for paths in CI reports: GitLab's
/// `CI_PROJECT_DIR`, else the nearest folder with `.git`, else `root`.
pub fn repository_root(root: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os("CI_PROJECT_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    absolute
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map_or(absolute.clone(), Path::to_path_buf)
}

/// What a command did, for its job summary.
#[derive(Debug)]
pub struct Run<'a> {
    /// `lint` or `build`.
    pub command: &'a str,
    /// The paths it was given.
    pub paths: &'a [PathBuf],
    /// The project root.
    pub root: &'a Path,
    /// The day deadlines are judged on.
    pub today: NaiveDate,
    /// All findings.
    pub diagnostics: &'a [Diagnostic],
    /// What a build wrote; `None` for lint.
    pub built: Option<Built<'a>>,
}

/// Appends the summary of `run` to `file` (GitHub's job summary).
pub fn append_summary(file: &Path, run: &Run<'_>) -> Result<(), FsError> {
    let overdue = overdue(run.paths, run.root, run.today);
    let summary = Summary {
        command: run.command,
        root: run.root,
        diagnostics: run.diagnostics,
        built: run.built.as_ref(),
        overdue: &overdue,
    };
    fs::append(file, &summary.markdown())
}

/// The deadlines of every dossier under `paths` that passed without being
/// met, by date.
fn overdue(paths: &[PathBuf], root: &Path, today: NaiveDate) -> Vec<Deadline> {
    let found = case::find(paths);
    let mut config = crate::lint::LintConfig::new(today);
    // The findings were printed with these settings; a bad pva.toml was reported there.
    config.severities = crate::config::severities(root).unwrap_or_default();
    let mut all: Vec<Deadline> = found
        .dossiers
        .par_iter()
        .flat_map_iter(|(dir, files)| agenda::deadlines(&case::load(dir, files, root), &config))
        .filter(|d| d.status == Status::Verlopen)
        .collect();
    all.sort_by(|a, b| (a.datum, &a.dossier, &a.key).cmp(&(b.datum, &b.dossier, &b.key)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ci_files_install_the_version_that_wrote_them() {
        for system in [System::Github, System::Gitlab] {
            let config = system.config();
            let line = format!("PVA_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"));
            assert!(config.contains(&line), "{}:\n{config}", system.path());
            assert!(!config.contains("@VERSION@"));
        }
    }
}
