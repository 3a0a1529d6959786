//! What the server knows: the workspace folders, the open buffers, and the
//! findings of every dossier linted so far, kept per dossier so a file
//! shared by several dossiers (`gedeeld.yaml`) shows the findings of all.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::case::{self, DOSSIER_FILE, Document, Dossier, Overlay, SHARED_FILE};
use crate::diag::{Diagnostic, Severity};
use crate::lint::{self, LintConfig};

/// The day deadlines are judged against.
#[derive(Debug, Clone, Copy)]
pub enum Today {
    /// A fixed day (`pva lsp --today`).
    Fixed(NaiveDate),
    /// The clock's day, read at every lint.
    Clock(fn() -> NaiveDate),
}

/// The server's state.
#[derive(Debug)]
pub(super) struct Workspace {
    roots: Vec<PathBuf>,
    today: Today,
    /// The open buffers.
    pub overlay: Overlay,
    severities: HashMap<PathBuf, BTreeMap<String, Option<Severity>>>,
    findings: BTreeMap<PathBuf, Vec<Diagnostic>>,
}

/// A file's place in a dossier.
pub(super) enum Role<'a> {
    /// A document, loaded.
    Document(&'a Document),
    /// An inherited file; the files farther up the chain come first.
    Inherited(&'a [case::Node]),
}

impl Workspace {
    /// A workspace over the folders `roots` (the project roots, where
    /// `pva.toml` is and the search for `gedeeld.yaml` stops).
    pub(super) fn new(roots: Vec<PathBuf>, today: Today) -> Workspace {
        Workspace {
            roots,
            today,
            overlay: Overlay::new(),
            severities: HashMap::new(),
            findings: BTreeMap::new(),
        }
    }

    /// The project root of `path`: the innermost workspace folder holding
    /// it, else the top of its file system.
    pub(super) fn root_for(&self, path: &Path) -> PathBuf {
        self.roots
            .iter()
            .filter(|r| path.starts_with(r))
            .max_by_key(|r| r.components().count())
            .cloned()
            .unwrap_or_else(|| path.ancestors().last().unwrap_or(path).to_path_buf())
    }

    /// The normalised text of `path`: its buffer, else the file.
    pub(super) fn text(&self, path: &Path) -> Option<String> {
        self.overlay.read_text(path).ok()
    }

    /// The dossier folder a document or `dossier.yaml` belongs to.
    pub(super) fn dossier_of(&self, path: &Path) -> Option<PathBuf> {
        let dir = path.parent()?;
        let is_case_file = is_markdown(path) || path.file_name()? == DOSSIER_FILE;
        (is_case_file && self.overlay.is_file(&dir.join(DOSSIER_FILE))).then(|| dir.to_path_buf())
    }

    /// Whether `path` is a case file: a document or `dossier.yaml` of a
    /// dossier, or a `gedeeld.yaml`.
    pub(super) fn is_case_file(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| n == SHARED_FILE) || self.dossier_of(path).is_some()
    }

    /// Whether the dossier in `dir` reads `file`: a document or
    /// `dossier.yaml` of it, or a `gedeeld.yaml` above it.
    pub(super) fn reads(&self, dir: &Path, file: &Path) -> bool {
        match file.file_name().is_some_and(|n| n == SHARED_FILE) {
            true => file.parent().is_some_and(|folder| dir.starts_with(folder)),
            false => self.dossier_of(file).is_some_and(|d| d == dir),
        }
    }

    /// The dossiers whose findings change when `path` changes: its own, or
    /// for a `gedeeld.yaml` every dossier below it.
    pub(super) fn affected(&self, path: &Path) -> Vec<PathBuf> {
        if path.file_name().is_some_and(|n| n == SHARED_FILE) {
            let folder = path.parent().unwrap_or(path);
            let mut dirs: BTreeSet<PathBuf> = case::find(&[folder.to_path_buf()])
                .dossiers
                .into_keys()
                .collect();
            dirs.extend(
                self.overlay
                    .paths()
                    .filter_map(|p| self.dossier_of(p))
                    .filter(|d| d.starts_with(folder)),
            );
            return dirs.into_iter().collect();
        }
        self.dossier_of(path).into_iter().collect()
    }

    /// Loads the dossier in `dir` as the buffers read: its documents on
    /// disk and those open but not yet saved.
    pub(super) fn load(&self, dir: &Path) -> Dossier {
        let mut files: Vec<PathBuf> = case::find(&[dir.to_path_buf()])
            .dossiers
            .remove(dir)
            .unwrap_or_default();
        for open in self.overlay.paths() {
            if open.parent() == Some(dir) && is_markdown(open) && !files.iter().any(|f| f == open) {
                files.push(open.to_path_buf());
            }
        }
        files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        let root = self.root_for(dir);
        let mut dossier = case::load_with(dir, &files, &root, &self.overlay);
        // Other dossiers of the same employee may count along (as saved on disk).
        let given = BTreeMap::from([(dir.to_path_buf(), Vec::new())]);
        dossier.links = case::periods::Periods::of_project(&given, &root).links(dir);
        dossier
    }

    /// Lints the dossiers in `dirs` again and returns the files whose
    /// findings may have changed (those with findings before or after).
    pub(super) fn relint(&mut self, dirs: &[PathBuf]) -> BTreeSet<PathBuf> {
        for dir in dirs {
            let root = self.root_for(dir);
            self.severities
                .entry(root.clone())
                .or_insert_with(|| crate::config::severities(&root).unwrap_or_default());
        }
        let fresh: Vec<(PathBuf, Vec<Diagnostic>)> = dirs
            .par_iter()
            .map(|dir| (dir.clone(), self.lint(dir)))
            .collect();
        let mut changed = BTreeSet::new();
        for (dir, findings) in fresh {
            let old = self.findings.insert(dir, findings).unwrap_or_default();
            changed.extend(old.into_iter().map(|d| d.file));
        }
        for dir in dirs {
            changed.extend(self.findings[dir].iter().map(|d| d.file.clone()));
        }
        changed
    }

    fn lint(&self, dir: &Path) -> Vec<Diagnostic> {
        let root = self.root_for(dir);
        let today = match self.today {
            Today::Fixed(day) => day,
            Today::Clock(clock) => clock(),
        };
        let mut config = LintConfig::new(today);
        config.severities = self.severities.get(&root).cloned().unwrap_or_default();
        let dossier = self.load(dir);
        let mut findings = lint::judge(&dossier, &config).findings;
        // An overdue verslag that `pva riv` would refuse, as `pva lint` says.
        findings.extend(crate::riv::overdue_findings(&dossier, &config));
        findings
    }

    /// The findings in `file`, from every dossier that reads it.
    pub(super) fn findings_in(&self, file: &Path) -> Vec<&Diagnostic> {
        let mut out: Vec<&Diagnostic> = self
            .findings
            .values()
            .flatten()
            .filter(|d| d.file == file)
            .collect();
        out.sort_by_key(|d| (d.line, d.column, d.code));
        out.dedup();
        out
    }

    /// Forgets the problems with reading `pva.toml`, so it is read again.
    pub(super) fn reload_config(&mut self) {
        self.severities.clear();
    }
}

/// The role of `file` in `dossier`, if it has one.
pub(super) fn role<'a>(dossier: &'a Dossier, file: &Path) -> Option<Role<'a>> {
    if let Some(doc) = dossier.documents.iter().find(|d| d.path == file) {
        return Some(Role::Document(doc));
    }
    let files = dossier.chain.files();
    let index = files.iter().position(|f| &*f.pos.file == file)?;
    Some(Role::Inherited(&files[..index]))
}

/// Whether `path` names a Markdown file.
pub(super) fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}
