//! File access with the path in every error, and atomic writes.

use std::io::Write;
use std::path::{Path, PathBuf};

/// An I/O failure, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum FsError {
    /// Reading failed.
    #[error("kan {} niet lezen: {}", path.display(), reason(source))]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Writing failed.
    #[error("kan {} niet schrijven: {}", path.display(), reason(source))]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The output folder could not be locked.
    #[error("kan de uitvoermap niet vergrendelen ({}): {}", path.display(), reason(source))]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Removing temporary files failed.
    #[error("kan de tijdelijke bestanden in {} niet verwijderen: {}", path.display(), reason(source))]
    Clean {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Why an I/O operation failed, in Dutch: the common causes by their kind,
/// with what to do; any other with a Dutch lead and the system's words.
pub fn reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let text = match error.kind() {
        ErrorKind::NotFound => "het bestaat niet (controleer de naam en de map)",
        ErrorKind::PermissionDenied => {
            "geen toegang (controleer de rechten van het bestand of de map)"
        }
        ErrorKind::AlreadyExists => "het bestaat al",
        ErrorKind::IsADirectory => "dat is een map, geen bestand",
        ErrorKind::NotADirectory => "een deel van het pad is een bestand, geen map",
        ErrorKind::DirectoryNotEmpty => "de map is niet leeg",
        ErrorKind::StorageFull => "de schijf is vol",
        ErrorKind::ReadOnlyFilesystem => "de schijf is alleen-lezen",
        ErrorKind::InvalidData => "de inhoud is geen geldige tekst (UTF-8)",
        ErrorKind::BrokenPipe => "het programma dat de uitvoer las, is gestopt",
        ErrorKind::Interrupted => "onderbroken",
        _ => return format!("systeemfout: {error}"),
    };
    text.to_string()
}

/// The lock file of an output folder (see [`lock_folder`]).
pub const LOCK_FILE: &str = ".pva.lock";

/// Holds an output folder for one run; dropping it (or the process ending,
/// however it ends) lets the next run in.
#[derive(Debug)]
pub struct FolderLock {
    _file: std::fs::File,
}

/// Locks the folder `dir` (creating it) against other `pva` runs: two builds,
/// or `pva watch` beside `pva build`, must not clean up or overwrite each
/// other's files. When another run holds it, `waiting` is called once and
/// this waits until that run is done. The operating system releases the
/// lock of a killed run.
pub fn lock_folder(dir: &Path, waiting: &dyn Fn()) -> Result<FolderLock, FsError> {
    let path = dir.join(LOCK_FILE);
    let err = |source| FsError::Lock {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(err)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(err)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            waiting();
            file.lock().map_err(err)?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(err(e)),
    }
    Ok(FolderLock { _file: file })
}

/// Whether the real path of `path` (links followed) lies inside `root`.
/// A file that does not exist is inside (reading it fails on its own, with
/// its own message); a file whose real path cannot be worked out is not.
pub fn is_inside(root: &Path, path: &Path) -> bool {
    if std::fs::symlink_metadata(path).is_err() {
        return true;
    }
    match (real_root(root), path.canonicalize()) {
        (Some(root), Ok(real)) => real.starts_with(root),
        _ => false,
    }
}

/// The real path of a project root, worked out once per run: every file a
/// build reads is checked against it, and the root is the folder the user
/// chose (the files inside are what may link elsewhere).
fn real_root(root: &Path) -> Option<PathBuf> {
    static ROOTS: std::sync::Mutex<Vec<(PathBuf, PathBuf)>> = std::sync::Mutex::new(Vec::new());
    let mut roots = ROOTS.lock().ok()?;
    if let Some((_, real)) = roots.iter().find(|(given, _)| given == root) {
        return Some(real.clone());
    }
    let real = root.canonicalize().ok()?;
    roots.push((root.to_path_buf(), real.clone()));
    Some(real)
}

/// Reads a file's bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    std::fs::read(path).map_err(|source| FsError::Read {
        path: path.into(),
        source,
    })
}

/// The bytes of a file pva keeps for itself in the output folder (the
/// manifest, the kept findings, riv's list), or `None`. A link is never
/// followed: pva wrote a plain file there, and a link could lead out of
/// the project. Such state is only ever a help, so a missing one is fine.
pub fn read_state(path: &Path) -> Option<Vec<u8>> {
    let plain = std::fs::symlink_metadata(path).ok()?.is_file();
    plain.then(|| std::fs::read(path).ok()).flatten()
}

/// How the temporary files of [`write_atomic`] start and end.
const TEMP_PREFIX: &str = ".pva-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `bytes` to `path` atomically: a temporary file in the same folder
/// is written, flushed and renamed over the target, so a reader (or an
/// interrupted build) only ever sees the old file or the complete new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    let err = |source| FsError::Write {
        path: path.into(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut temp = new_file_options().tempfile_in(dir).map_err(err)?;
    temp.write_all(bytes).map_err(err)?;
    temp.as_file().sync_all().map_err(err)?;
    temp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Temporary files are created 0600 by default; the file they become must
/// be created like any other new file (0666 less the umask, so 0644 under
/// umask 022): colleagues read the PDFs from a shared drive.
fn new_file_options() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Appends `text` to `path`, creating it if needed (a CI step summary).
pub fn append(path: &Path, text: &str) -> Result<(), FsError> {
    let err = |source| FsError::Write {
        path: path.into(),
        source,
    };
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(err)?;
    file.write_all(text.as_bytes()).map_err(err)
}

/// Removes the temporary files below `dir` that a killed or interrupted
/// run (Ctrl-C) left behind: no destructor runs then, so nothing else would.
pub fn remove_temp_files(dir: &Path) -> Result<(), FsError> {
    if !dir.is_dir() {
        return Ok(());
    }
    let mut walk = walkdir::WalkDir::new(dir).into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(|e| FsError::Clean {
            path: e.path().unwrap_or(dir).into(),
            source: e.into(),
        })?;
        // A folder inside that another run holds (`pva riv --out output/riv`
        // during `pva build`) has its temporary files in use.
        if entry.depth() > 0 && entry.file_type().is_dir() && is_locked(entry.path()) {
            walk.skip_current_dir();
            continue;
        }
        if entry.file_type().is_file() && is_temp_file(&entry.file_name().to_string_lossy()) {
            std::fs::remove_file(entry.path()).map_err(|source| FsError::Clean {
                path: entry.path().into(),
                source,
            })?;
        }
    }
    Ok(())
}

/// True when another run holds the lock of `dir`.
fn is_locked(dir: &Path) -> bool {
    let Ok(file) = std::fs::File::open(dir.join(LOCK_FILE)) else {
        return false;
    };
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

fn is_temp_file(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn state_is_read_from_a_plain_file_never_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("buiten.json");
        write_atomic(&outside, b"{}").unwrap();
        let out = dir.path().join("output");
        write_atomic(&out.join("plain.json"), b"[]").unwrap();
        std::os::unix::fs::symlink(&outside, out.join("link.json")).unwrap();
        assert_eq!(read_state(&out.join("plain.json")), Some(b"[]".to_vec()));
        assert_eq!(read_state(&out.join("link.json")), None);
        assert_eq!(read_state(&out.join("missing.json")), None);
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/x.pdf");
        write_atomic(&target, b"old").unwrap();
        write_atomic(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    /// A written file gets the same mode as a file created the ordinary way
    /// in the same folder: 0666 less the process's umask.
    #[cfg(unix)]
    #[test]
    fn atomic_write_creates_files_like_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ordinary = dir.path().join("ordinary");
        std::fs::File::create(&ordinary).unwrap();
        let target = dir.path().join("x.pdf");
        write_atomic(&target, b"pdf").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), mode(&ordinary));
    }

    #[test]
    fn temp_files_left_by_a_killed_run_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let keep = ["sub/x.pdf", ".pva-manifest.json", "sub/pva-a.tmp"];
        for name in keep.iter().chain(&[".pva-a1b2.tmp", "sub/.pva-c3d4.tmp"]) {
            write_atomic(&dir.path().join(name), b"x").unwrap();
        }
        remove_temp_files(dir.path()).unwrap();
        let mut left: Vec<String> = walkdir::WalkDir::new(dir.path())
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        left.sort();
        assert_eq!(left, [".pva-manifest.json", "sub/pva-a.tmp", "sub/x.pdf"]);
    }
}
