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

/// The script that installs a pva release (checksum checked, cached, with
/// `cargo install` as the fallback): pva's GitHub action runs it, and the
/// GitLab pipeline carries it.
const INSTALL_SCRIPT: &str = include_str!("../scripts/install.sh");

impl System {
    /// Where the configuration goes, relative to the repository.
    pub fn path(self) -> &'static str {
        match self {
            System::Github => ".github/workflows/pva.yml",
            System::Gitlab => ".gitlab-ci.yml",
        }
    }

    /// The CI system's name.
    pub fn name(self) -> &'static str {
        match self {
            System::Github => "GitHub Actions",
            System::Gitlab => "GitLab CI/CD",
        }
    }

    /// The configuration for a project at `project` in its repository: it
    /// installs the pva version that writes it, and runs in that folder.
    pub fn config(self, project: &Placement) -> String {
        let folder = project.folder.as_deref();
        let template = match self {
            System::Github => include_str!("../assets/ci/github-workflow.yml"),
            System::Gitlab => include_str!("../assets/ci/gitlab-ci.yml"),
        };
        // Artifact paths are relative to the repository.
        let in_project = |file: &str| match folder {
            Some(f) => yaml_quote(&format!("{f}/{file}")),
            None => file.to_string(),
        };
        template
            .replace(
                "@WORKING_DIRECTORY@",
                &folder.map(github_defaults).unwrap_or_default(),
            )
            .replace("@CD@", &folder.map(gitlab_cd).unwrap_or_default())
            .replace("@OUTPUT@", &in_project("output/"))
            .replace(
                "@KEPT@",
                &in_project(&format!("output/{}", crate::cache::FILE)),
            )
            .replace("@REPORT@", &in_project("gl-code-quality-report.json"))
            .replace("@REPOSITORY@", repository_slug())
            .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
            // Last: the script's text is taken as it is.
            .replace("@INSTALL@\n", &indented(INSTALL_SCRIPT, "      "))
    }
}

/// The GitHub job's steps run in `folder`.
fn github_defaults(folder: &str) -> String {
    format!(
        "    defaults:\n      run:\n        working-directory: {}\n",
        yaml_quote(folder)
    )
}

/// The GitLab script goes to `folder` after installing pva.
fn gitlab_cd(folder: &str) -> String {
    format!(
        "    # The dossier project is this folder of the repository.\n    - {}\n",
        if plain(folder) && !folder.starts_with('-') {
            format!("cd {folder}")
        } else {
            single_quoted(&format!("cd {}", shell_quote(folder)))
        }
    )
}

/// `text` with `indent` before each line that is not empty.
fn indented(text: &str, indent: &str) -> String {
    text.lines()
        .map(|line| match line {
            "" => "\n".to_string(),
            line => format!("{indent}{line}\n"),
        })
        .collect()
}

/// Where `pva init` writes the CI configuration of a project, and what the
/// user should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// The file: at the repository's root, or in the project when the root
    /// already has another GitLab configuration.
    pub path: PathBuf,
    /// What to tell the user, for a project in a subfolder.
    pub note: Option<String>,
}

/// What the GitLab file of a project in a subfolder is called when the
/// repository already has its own `.gitlab-ci.yml`, which then includes it.
const GITLAB_INCLUDED: &str = "pva.gitlab-ci.yml";

impl System {
    /// Where the configuration of the project `dir` goes (decided before
    /// anything is written).
    pub fn destination(self, dir: &Path) -> Destination {
        let placement = placement(dir);
        let Some(folder) = &placement.folder else {
            return Destination {
                path: dir.join(self.path()),
                note: None,
            };
        };
        let root_file = placement.repository.join(self.path());
        if self == System::Gitlab && root_file.exists() && !written_by_pva(&root_file) {
            return Destination {
                path: dir.join(GITLAB_INCLUDED),
                note: Some(format!(
                    "{} heeft al een {}: voeg daar `include: {{local: {}}}` aan toe, zodat GitLab de job van pva in {folder} draait",
                    placement.repository.display(),
                    self.path(),
                    yaml_quote(&format!("{folder}/{GITLAB_INCLUDED}")),
                )),
            };
        }
        Destination {
            path: root_file,
            note: Some(format!(
                "{folder} staat in de git-repository {}: de CI-configuratie {} staat in die hoofdmap, waar {} haar leest, en draait pva in {folder}",
                placement.repository.display(),
                self.path(),
                self.name(),
            )),
        }
    }
}

/// Whether `file` is a configuration `pva init` wrote (so it is kept as
/// pva's own, not included a second time).
fn written_by_pva(file: &Path) -> bool {
    std::fs::read_to_string(file).is_ok_and(|text| text.contains("Written by `pva init"))
}

/// `owner/name` of pva's own repository (Cargo.toml's `repository`): where
/// the action and the release archives are.
fn repository_slug() -> &'static str {
    let url = env!("CARGO_PKG_REPOSITORY");
    url.strip_prefix("https://github.com/").unwrap_or(url)
}

/// Where a dossier project is in its git repository, for the CI files of
/// `pva init`: CI systems read them only at the repository's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The repository's root: the nearest folder with `.git` above the
    /// project, or the project itself.
    pub repository: PathBuf,
    /// The project's folder below it with forward slashes; `None` when the
    /// project is the repository.
    pub folder: Option<String>,
}

/// Where the project `dir` (which need not exist yet) is in its repository.
pub fn placement(dir: &Path) -> Placement {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let repository = absolute
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map_or_else(|| absolute.clone(), Path::to_path_buf);
    let folder = crate::mirror::relative_to(&repository, &absolute)
        .filter(|f| !f.as_os_str().is_empty())
        .map(|f| f.to_string_lossy().replace('\\', "/"));
    Placement { repository, folder }
}

/// Whether `text` reads as itself, unquoted, in YAML and in a shell.
fn plain(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
}

/// `text` as a YAML scalar: single-quoted when anything in it could be read
/// as YAML.
fn yaml_quote(text: &str) -> String {
    if plain(text) && !text.starts_with(['-', '.']) {
        return text.to_string();
    }
    single_quoted(text)
}

/// `text` as a YAML single-quoted scalar.
fn single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// `text` as one shell word.
fn shell_quote(text: &str) -> String {
    if plain(text) && !text.starts_with('-') {
        return text.to_string();
    }
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The file GitHub Actions collects the job summary in, when running there.
pub fn step_summary_file() -> Option<PathBuf> {
    std::env::var_os("GITHUB_STEP_SUMMARY")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The repository the project is in, for paths in CI reports: GitLab's
/// `CI_PROJECT_DIR` or GitHub's `GITHUB_WORKSPACE`, else the nearest folder
/// with `.git`, else `root`.
pub fn repository_root(root: &Path) -> PathBuf {
    for variable in ["CI_PROJECT_DIR", "GITHUB_WORKSPACE"] {
        if let Some(dir) = std::env::var_os(variable).filter(|v| !v.is_empty()) {
            return PathBuf::from(dir);
        }
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
    let periods = case::periods::Periods::of_project(&found.dossiers, root);
    let mut all: Vec<Deadline> = found
        .dossiers
        .par_iter()
        .flat_map_iter(|(dir, files)| {
            let mut dossier = case::load(dir, files, root);
            dossier.links = periods.links(dir);
            agenda::deadlines(&dossier, &config)
        })
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
        let root = Placement {
            repository: PathBuf::from("/r"),
            folder: None,
        };
        for system in [System::Github, System::Gitlab] {
            let config = system.config(&root);
            let line = format!("PVA_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"));
            assert!(config.contains(&line), "{}:\n{config}", system.path());
            for placeholder in [
                "@VERSION@",
                "@WORKING_DIRECTORY@",
                "@CD@",
                "@OUTPUT@",
                "@REPORT@",
                "@REPOSITORY@",
                "@INSTALL@",
            ] {
                assert!(!config.contains(placeholder), "{placeholder}");
            }
        }
    }

    fn parsed(text: &str) -> serde_json::Value {
        serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    /// A folder name with a space and a quote reaches YAML and the shell as
    /// itself.
    #[test]
    fn a_folder_is_quoted_where_yaml_or_the_shell_would_read_it() {
        let odd = Placement {
            repository: PathBuf::from("/r"),
            folder: Some("hr dossiers/it's".to_string()),
        };
        let gitlab = parsed(&System::Gitlab.config(&odd));
        let job = &gitlab["dossiers"];
        assert_eq!(job["script"][2], r"cd 'hr dossiers/it'\''s'");
        assert_eq!(job["artifacts"]["paths"][0], "hr dossiers/it's/output/");
        assert_eq!(
            job["artifacts"]["exclude"][0],
            "hr dossiers/it's/output/.pva-findings.json"
        );
        let github = parsed(&System::Github.config(&odd));
        let job = &github["jobs"]["dossiers"];
        assert_eq!(
            job["defaults"]["run"]["working-directory"],
            "hr dossiers/it's"
        );
        let plain = Placement {
            repository: PathBuf::from("/r"),
            folder: Some("hr/team-1".to_string()),
        };
        assert!(
            System::Gitlab
                .config(&plain)
                .contains("    - cd hr/team-1\n")
        );
    }

    #[test]
    fn a_project_is_placed_in_the_nearest_repository_above_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        let found = placement(&dir.path().join("hr/dossiers"));
        assert_eq!(found.repository, dir.path());
        assert_eq!(found.folder.as_deref(), Some("hr/dossiers"));
        assert_eq!(placement(dir.path()).folder, None);
    }
}
