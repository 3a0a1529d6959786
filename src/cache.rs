//! What a build made of each dossier, kept for the next build: its
//! findings and what became of each document. A dossier whose inputs are
//! all as before is then neither parsed nor linted again; its findings are
//! printed from here, exactly as a fresh lint would print them.
//!
//! An entry is used only when its key matches, and the key holds every
//! input of the findings (see [`key`]): the text of each file the dossier
//! reads (inherited files included), the other files in its folder (signed
//! copies and the arbodienst's PDFs, by size, times and inode), the
//! dossiers its period is linked with, `--today`, `pva.toml`'s severities,
//! the templates, the build's options and this pva (version and program
//! file). Anything else differing, the dossier is linted again. An entry
//! is a function of its key alone, so a build killed before saving
//! leaves nothing wrong behind: the file is replaced atomically, once, at
//! the end of a build that changed it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::case::Read;
use crate::case::periods::{self, Links, Periods};
use crate::diag::{Diagnostic, FixData, Severity};
use crate::fs::{self, FsError};

/// The cache's file name inside the output folder.
pub const FILE: &str = ".pva-findings.json";

/// Dossier folder → what the last build made of it.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// The pva version that wrote it; another version starts empty.
    version: String,
    entries: BTreeMap<PathBuf, Entry>,
    /// The links between the project's dossiers, under the key of every
    /// dossier's shared files (see [`periods_key`]).
    periods: Option<(String, Periods)>,
    #[serde(skip)]
    changed: bool,
}

/// What a build made of one dossier.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// The hash of every input (see [`key`]).
    key: String,
    /// Its findings, in the order lint gave them.
    findings: Vec<Stored>,
    /// What became of each document, in the order the build handled them.
    pub outcomes: Vec<Outcome>,
}

/// What a build does with one document of a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// It could not be read (a finding says why).
    Unreadable(PathBuf),
    /// Built from inputs with this hash (compiled, or current already).
    Job {
        /// The document.
        doc: PathBuf,
        /// The hash of its PDF's inputs (the manifest's).
        hash: String,
    },
    /// Not built: it has errors, or is no document pva knows.
    Skipped(PathBuf),
    /// A draft that would replace the final PDF of the document named.
    Clash {
        /// The document.
        doc: PathBuf,
        /// The other document's name.
        name: String,
    },
}

/// A finding as kept: the diagnostic without its borrowed parts.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    code: String,
    severity: Severity,
    file: PathBuf,
    line: usize,
    column: usize,
    width: usize,
    message: String,
    hint: Option<String>,
    blocks: bool,
    data: FixData,
    source: Source,
}

/// Which text a finding shows its line from.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Source {
    /// None.
    None,
    /// Its file's, as the dossier read it.
    File,
    /// A text of its own.
    Own(String),
}

impl Cache {
    /// Reads the cache of `out`; a missing, unreadable or foreign one is
    /// empty, which simply lints every dossier.
    pub fn load(out: &Path) -> Cache {
        fs::read_state(&out.join(FILE))
            .and_then(|bytes| serde_json::from_slice::<Cache>(&bytes).ok())
            .filter(|c| c.version == env!("CARGO_PKG_VERSION"))
            .unwrap_or_default()
    }

    /// The findings and outcomes kept for the dossier `dir` under `key`,
    /// with each finding's text from `sources` (what this build read).
    /// `None` when the key differs or a finding names no known rule.
    pub fn get(
        &self,
        dir: &Path,
        key: &str,
        sources: &BTreeMap<PathBuf, Arc<str>>,
    ) -> Option<(Vec<Diagnostic>, &[Outcome])> {
        let entry = self.entries.get(dir).filter(|e| e.key == key)?;
        let findings = entry
            .findings
            .iter()
            .map(|s| s.restore(sources))
            .collect::<Option<Vec<_>>>()?;
        Some((findings, &entry.outcomes))
    }

    /// Keeps what this build made of the dossier `dir` under `key`.
    pub fn put(
        &mut self,
        dir: &Path,
        key: String,
        findings: &[Diagnostic],
        sources: &BTreeMap<PathBuf, Arc<str>>,
        outcomes: Vec<Outcome>,
    ) {
        let findings = findings.iter().map(|d| Stored::of(d, sources)).collect();
        self.entries.insert(
            dir.to_path_buf(),
            Entry {
                key,
                findings,
                outcomes,
            },
        );
        self.changed = true;
    }

    /// The links between the project's dossiers kept under `key`.
    pub fn periods(&self, key: &str) -> Option<Periods> {
        self.periods
            .as_ref()
            .filter(|(k, _)| k == key)
            .map(|(_, periods)| periods.clone())
    }

    /// Keeps the links between the project's dossiers under `key`.
    pub fn put_periods(&mut self, key: String, periods: &Periods) {
        self.periods = Some((key, periods.clone()));
        self.changed = true;
    }

    /// Forgets the dossier `dir` (its inputs could not all be read).
    pub fn forget(&mut self, dir: &Path) {
        self.changed |= self.entries.remove(dir).is_some();
    }

    /// Writes the cache atomically when this build changed it, leaving
    /// out dossiers whose folder is gone.
    pub fn save(&mut self, out: &Path) -> Result<(), FsError> {
        if !self.changed {
            return Ok(());
        }
        self.entries.retain(|dir, _| dir.is_dir());
        self.version = env!("CARGO_PKG_VERSION").to_string();
        let bytes = serde_json::to_vec(self).unwrap_or_default();
        fs::write_atomic(&out.join(FILE), &bytes)?;
        self.changed = false;
        Ok(())
    }
}

impl Stored {
    fn of(d: &Diagnostic, sources: &BTreeMap<PathBuf, Arc<str>>) -> Stored {
        let source = match (&d.source, sources.get(&d.file)) {
            (None, _) => Source::None,
            (Some(own), Some(file)) if Arc::ptr_eq(own, file) || own == file => Source::File,
            (Some(own), _) => Source::Own(own.to_string()),
        };
        Stored {
            code: d.code.to_string(),
            severity: d.severity,
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            width: d.width,
            message: d.message.clone(),
            hint: d.hint.clone(),
            blocks: d.blocks,
            data: d.data.clone(),
            source,
        }
    }

    fn restore(&self, sources: &BTreeMap<PathBuf, Arc<str>>) -> Option<Diagnostic> {
        let source = match &self.source {
            Source::None => None,
            Source::File => Some(sources.get(&self.file)?.clone()),
            Source::Own(text) => Some(Arc::from(text.as_str())),
        };
        Some(Diagnostic {
            code: crate::rules::find(&self.code)?.code,
            severity: self.severity,
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            width: self.width,
            message: self.message.clone(),
            hint: self.hint.clone(),
            blocks: self.blocks,
            source,
            data: self.data.clone(),
        })
    }
}

/// The key of a dossier's entry: `context` (what every dossier of the
/// build shares: see [`context`]), the dossier's folder, the path and
/// text of every file it read, the other entries of its folder, and its
/// links to other dossiers. `None` when a file could not be read: such a
/// dossier is always linted again (why it could not be read may change
/// without anything here changing).
pub fn key(context: &str, read: &Read, links: &Links) -> Option<String> {
    let mut hash = blake3::Hasher::new();
    let mut add = |bytes: &[u8]| {
        hash.update(&(bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    add(context.as_bytes());
    add(read.dir.as_os_str().as_encoded_bytes());
    add(read.bound.as_os_str().as_encoded_bytes());
    add(format!("{} {}", read.inherited.len(), read.files.len()).as_bytes());
    for (file, text) in read.inherited.iter().chain(&read.files).zip(&read.texts) {
        add(file.as_os_str().as_encoded_bytes());
        add(text.as_ref().ok()?.as_bytes());
    }
    add(format!("{links:?}").as_bytes());
    let hashed: Vec<&Path> = read
        .inherited
        .iter()
        .chain(&read.files)
        .map(PathBuf::as_path)
        .collect();
    add(&folder_listing(&read.dir, &hashed)?);
    Some(hash.finalize().to_hex().to_string())
}

/// The key of the links between the project's dossiers: `context` and,
/// for each dossier, its folder and the path and text of each file it
/// inherits (what [`Periods::of_shared`] reads). `None` when one could not
/// be read.
pub fn periods_key(context: &str, shared: &[periods::Shared]) -> Option<String> {
    let mut hash = blake3::Hasher::new();
    let mut add = |bytes: &[u8]| {
        hash.update(&(bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    add(context.as_bytes());
    for dossier in shared {
        add(dossier.key.as_os_str().as_encoded_bytes());
        add(dossier.name.as_os_str().as_encoded_bytes());
        add(dossier.read.bound.as_os_str().as_encoded_bytes());
        add(&dossier.read.inherited.len().to_le_bytes());
        for (file, text) in dossier.read.inherited.iter().zip(&dossier.read.texts) {
            add(file.as_os_str().as_encoded_bytes());
            add(text.as_ref().ok()?.as_bytes());
        }
    }
    Some(hash.finalize().to_hex().to_string())
}

/// Every entry of `dir` (not below it): its name, and but for the files in
/// `hashed` (whose text is in the key) its kind, size, change times and
/// inode, and where a link points. Lint reads PDFs beside the documents
/// (signed copies, the arbodienst's and the werknemer's PDFs); a file
/// replaced or rewritten changes its times or inode.
fn folder_listing(dir: &Path, hashed: &[&Path]) -> Option<Vec<u8>> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .collect::<Result<_, _>>()
        .ok()?;
    entries.sort_by_key(|e| e.file_name());
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.path();
        out.extend_from_slice(entry.file_name().as_encoded_bytes());
        out.push(0);
        if hashed.contains(&path.as_path()) {
            continue;
        }
        out.extend_from_slice(describe(std::fs::symlink_metadata(&path).ok()).as_bytes());
        if let Ok(target) = std::fs::read_link(&path) {
            out.extend_from_slice(target.as_os_str().as_encoded_bytes());
            out.extend_from_slice(describe(std::fs::metadata(&path).ok()).as_bytes());
        }
        out.push(0);
    }
    Some(out)
}

/// Kind, size, modification and change time (to the nanosecond) and inode.
fn describe(meta: Option<std::fs::Metadata>) -> String {
    let Some(meta) = meta else {
        return "-".to_string();
    };
    let time = |t: std::io::Result<std::time::SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos())
    };
    #[cfg(unix)]
    let (changed, inode) = {
        use std::os::unix::fs::MetadataExt;
        (
            meta.ctime() as i128 * 1_000_000_000 + meta.ctime_nsec() as i128,
            meta.ino(),
        )
    };
    #[cfg(not(unix))]
    let (changed, inode) = (0i128, 0u64);
    format!(
        "{:?} {} {} {changed} {inode}",
        meta.file_type(),
        meta.len(),
        time(meta.modified())
    )
}

/// What every dossier's key of one build shares: this pva (its version
/// and its program file's size and time, so a rebuilt pva of the same
/// version lints again), the lint settings and what the build's PDFs
/// depend on besides the documents (`templates`: the templates' hash with
/// the options; the paths and the creation date).
pub fn context(settings: &[&str]) -> String {
    let mut hash = blake3::Hasher::new();
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    hash.update(program().as_bytes());
    for setting in settings {
        hash.update(&(setting.len() as u64).to_le_bytes());
        hash.update(setting.as_bytes());
    }
    hash.finalize().to_hex().to_string()
}

/// The running program file's size and modification time.
fn program() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| describe(Some(m)))
        .unwrap_or_default()
}
