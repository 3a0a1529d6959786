//! The record of the set `pva riv` wrote into its output folder
//! (`MANIFEST_FILE`), so that the folder holds exactly the current set or
//! nothing of an old one: a run removes the parts of the previous set that
//! are no longer in the new one, and a run that writes nothing (the dossier
//! incomplete, a part over a bound, an error) removes the previous set.
//!
//! The manifest lists only files pva wrote; nothing else in the folder is
//! ever removed. It says `status: compleet` only after every file of the
//! set is written: before the first file is touched it is rewritten as
//! `status: onvolledig` listing the old and the new files, so a run killed
//! halfway leaves a folder that says it is not a set, and the next run
//! still knows every file to clean up.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::fs::{self, FsError};

/// The manifest's file name in the output folder.
pub const MANIFEST_FILE: &str = "pva-riv-set.txt";

/// The line that marks a whole set.
const COMPLETE: &str = "status: compleet";
/// The line that marks a set being written or removed.
const INCOMPLETE: &str = "status: onvolledig";
/// The prefix of a line naming a file of the set.
const FILE: &str = "bestand: ";

/// The files the manifest in `out` lists (empty without one). A name that
/// is not a plain PDF file name in `out` is ignored: the manifest is a
/// text file a user can edit, and nothing outside the set may be removed.
pub fn previous(out: &Path) -> BTreeSet<String> {
    let Some(text) = fs::read_state(&out.join(MANIFEST_FILE)) else {
        return BTreeSet::new();
    };
    let text = String::from_utf8_lossy(&text);
    text.lines()
        .filter_map(|line| line.strip_prefix(FILE))
        .filter(|name| is_set_file(name))
        .map(str::to_string)
        .collect()
}

/// Whether `out` holds a manifest (a previous set, whole or not).
pub fn exists(out: &Path) -> bool {
    out.join(MANIFEST_FILE).is_file()
}

/// A plain file name pva may have written: no folder, not hidden, a PDF.
fn is_set_file(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && name.ends_with(".pdf")
        && Path::new(name).file_name() == Some(std::ffi::OsStr::new(name))
}

/// The manifest's text: what the folder is, its status and its files.
fn manifest(status: &str, files: &BTreeSet<String>) -> String {
    let mut text = String::from(
        "# pva riv: de bestanden van de set voor UWV in deze map.\n\
         # Alleen bij \"status: compleet\" is de set heel en klopt ze met het dossier\n\
         # van de laatste run; anders is ze onvolledig: upload haar niet en draai pva riv opnieuw.\n",
    );
    text.push_str(status);
    text.push('\n');
    for name in files {
        text.push_str(FILE);
        text.push_str(name);
        text.push('\n');
    }
    text
}

/// Writes the set `files` (each a file directly in `out` and its bytes)
/// and removes the files of the previous set that are not part of it.
pub fn replace(out: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<(), FsError> {
    let old = previous(out);
    let new: BTreeSet<String> = files
        .iter()
        .filter_map(|(path, _)| Some(path.file_name()?.to_string_lossy().into_owned()))
        .collect();
    let both = old.union(&new).cloned().collect();
    fs::write_atomic(
        &out.join(MANIFEST_FILE),
        manifest(INCOMPLETE, &both).as_bytes(),
    )?;
    for (path, bytes) in files {
        fs::write_atomic(path, bytes)?;
    }
    for name in old.difference(&new) {
        remove(&out.join(name))?;
    }
    fs::write_atomic(
        &out.join(MANIFEST_FILE),
        manifest(COMPLETE, &new).as_bytes(),
    )
}

/// Removes the previous set in `out`, if there is one: true when there was.
pub fn clear(out: &Path) -> Result<bool, FsError> {
    if !exists(out) {
        return Ok(false);
    }
    let old = previous(out);
    let manifest_file = out.join(MANIFEST_FILE);
    fs::write_atomic(&manifest_file, manifest(INCOMPLETE, &old).as_bytes())?;
    for name in &old {
        remove(&out.join(name))?;
    }
    remove(&manifest_file)?;
    Ok(true)
}

/// Removes `path`; one already gone is fine.
fn remove(path: &Path) -> Result<(), FsError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(FsError::Write {
            path: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_pdf_names_are_set_files() {
        assert!(is_set_file("01-plan-van-aanpak-2024-10-17.pdf"));
        for name in [
            "../x.pdf",
            "a/b.pdf",
            ".pva-lock.pdf",
            "notes.txt",
            "",
            "c:x.pdf",
        ] {
            assert!(!is_set_file(name), "{name}");
        }
    }

    #[test]
    fn a_run_killed_after_the_first_write_leaves_no_complete_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        replace(out, &[(out.join("01-a.pdf"), b"a".to_vec())]).unwrap();
        let text = std::fs::read_to_string(out.join(MANIFEST_FILE)).unwrap();
        assert!(text.contains(COMPLETE), "{text}");
        // The state between the first manifest and the last.
        let both = ["01-a.pdf", "01-b.pdf"].map(String::from).into();
        fs::write_atomic(
            &out.join(MANIFEST_FILE),
            manifest(INCOMPLETE, &both).as_bytes(),
        )
        .unwrap();
        assert_eq!(previous(out), both);
        assert!(clear(out).unwrap());
        assert!(!out.join("01-a.pdf").exists());
        assert!(!out.join(MANIFEST_FILE).exists());
        assert!(!clear(out).unwrap(), "nothing left to clear");
    }
}
