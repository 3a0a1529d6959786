//! Texts that stand in for files on disk: an editor's unsaved buffers, so a
//! dossier can be loaded and linted as the user sees it while typing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::document::{oversize, read_text};
use super::front_matter::normalise;
use crate::diag::Diagnostic;

/// File texts by path; a path not in the overlay is read from disk.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    texts: HashMap<PathBuf, String>,
}

impl Overlay {
    /// An overlay that holds nothing: every file comes from disk.
    pub fn new() -> Overlay {
        Overlay::default()
    }

    /// Lets `text` stand for the file at `path`.
    pub fn set(&mut self, path: PathBuf, text: String) {
        self.texts.insert(path, text);
    }

    /// Goes back to the file on disk for `path`.
    pub fn remove(&mut self, path: &Path) {
        self.texts.remove(path);
    }

    /// The text standing for `path`, if any (as given, not normalised).
    pub fn get(&self, path: &Path) -> Option<&str> {
        self.texts.get(path).map(String::as_str)
    }

    /// Every path with a text.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.texts.keys().map(PathBuf::as_path)
    }

    /// Whether `path` is a file: a text here or a file on disk.
    pub fn is_file(&self, path: &Path) -> bool {
        self.texts.contains_key(path) || path.is_file()
    }

    /// The normalised text of `path`: the one here, else the file's.
    pub fn read_text(&self, path: &Path) -> Result<String, Box<Diagnostic>> {
        match self.texts.get(path) {
            Some(text) if text.len() as u64 > super::document::MAX_FILE_BYTES => {
                Err(Box::new(oversize(path, text.len() as u64)))
            }
            Some(text) => Ok(normalise(text)),
            None => read_text(path),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_stands_for_the_file_until_removed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("dossier.yaml");
        crate::fs::write_atomic(&file, b"a: 1\n").unwrap();
        let mut overlay = Overlay::new();
        overlay.set(file.clone(), "\u{feff}a: 2\r\n".to_string());
        assert_eq!(overlay.read_text(&file).unwrap(), "a: 2\n");
        overlay.remove(&file);
        assert_eq!(overlay.read_text(&file).unwrap(), "a: 1\n");
    }

    #[test]
    fn a_dossier_loads_as_its_buffers_read() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("d");
        let plan = dir.join("plan.md");
        crate::fs::write_atomic(&dir.join("dossier.yaml"), b"werknemer:\n  naam: Jan\n").unwrap();
        crate::fs::write_atomic(&plan, b"---\ndocument: plan-van-aanpak\n---\n").unwrap();
        let mut overlay = Overlay::new();
        overlay.set(
            dir.join("dossier.yaml"),
            "werknemer:\n  naam: Piet\n".into(),
        );
        overlay.set(
            root.path().join("gedeeld.yaml"),
            "werkgever:\n  bedrijfsnaam: Brood\n".into(),
        );
        let name = |d: &crate::case::Dossier, key: &str| d.documents[0].text(key);
        let edited =
            crate::case::load_with(&dir, std::slice::from_ref(&plan), root.path(), &overlay);
        assert_eq!(name(&edited, "werknemer.naam").as_deref(), Some("Piet"));
        assert_eq!(
            name(&edited, "werkgever.bedrijfsnaam").as_deref(),
            Some("Brood")
        );
        let saved = crate::case::load(&dir, &[plan], root.path());
        assert_eq!(name(&saved, "werknemer.naam").as_deref(), Some("Jan"));
        assert_eq!(name(&saved, "werkgever.bedrijfsnaam"), None);
    }

    #[test]
    fn an_unsaved_file_exists() {
        let mut overlay = Overlay::new();
        let file = PathBuf::from("/nergens/gedeeld.yaml");
        assert!(!overlay.is_file(&file));
        overlay.set(file.clone(), String::new());
        assert!(overlay.is_file(&file));
    }
}
