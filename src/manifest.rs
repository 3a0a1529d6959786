//! The build manifest: for each PDF, a hash of everything it was made from,
//! so a rebuild skips documents whose inputs did not change.
//!
//! The manifest on disk never vouches for a PDF that is being replaced: a
//! build first removes (and saves) the entries of the PDFs it is about to
//! write, and records each hash only after its PDF is written. A build
//! killed at any moment thus leaves entries only for PDFs that hold what
//! their hash says; the rest are rebuilt.

use std::collections::BTreeMap;
use std::path::Path;

use crate::fs::{self, FsError};

/// The manifest's file name inside the output folder.
pub const FILE: &str = ".pva-manifest.json";

/// PDF path (relative to the output folder) → input hash.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    /// The pva version that wrote it; another version rebuilds everything.
    version: String,
    entries: BTreeMap<String, String>,
}

impl Manifest {
    /// Reads the manifest of `out`; a missing, unreadable or foreign one is
    /// empty, which simply rebuilds everything.
    pub fn load(out: &Path) -> Manifest {
        fs::read_state(&out.join(FILE))
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|m| m.version == env!("CARGO_PKG_VERSION"))
            .unwrap_or_default()
    }

    /// True when `pdf` exists and was built from inputs with `hash`.
    pub fn is_current(&self, out: &Path, pdf: &Path, hash: &str) -> bool {
        self.entries.get(&key(out, pdf)).is_some_and(|h| h == hash) && pdf.is_file()
    }

    /// Records that `pdf` was built from inputs with `hash`.
    pub fn record(&mut self, out: &Path, pdf: &Path, hash: String) {
        self.entries.insert(key(out, pdf), hash);
    }

    /// Forgets `pdf` (it failed, has errors now, or is about to be
    /// replaced); true when it was known.
    pub fn forget(&mut self, out: &Path, pdf: &Path) -> bool {
        self.entries.remove(&key(out, pdf)).is_some()
    }

    /// Writes the manifest atomically.
    pub fn save(&mut self, out: &Path) -> Result<(), FsError> {
        self.version = env!("CARGO_PKG_VERSION").to_string();
        let bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        fs::write_atomic(&out.join(FILE), &bytes)
    }
}

fn key(out: &Path, pdf: &Path) -> String {
    pdf.strip_prefix(out)
        .unwrap_or(pdf)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Hashes the inputs of one document: its own text, the inherited files (in
/// order), the templates and options. The pva version is in the manifest.
pub struct InputHash(blake3::Hasher);

impl InputHash {
    /// Starts a hash with the build options that change output.
    pub fn new(options: &str) -> InputHash {
        let mut hasher = blake3::Hasher::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(options.as_bytes());
        InputHash(hasher)
    }

    /// Adds one named input.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> &mut InputHash {
        self.0.update(&(name.len() as u64).to_le_bytes());
        self.0.update(name.as_bytes());
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// The hash as hex.
    pub fn finish(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }
}
