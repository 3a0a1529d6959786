//! The project a command works in, found from wherever the user stands,
//! the way cargo finds `Cargo.toml`.
//!
//! The project root is the nearest folder upwards that holds `pva.toml`.
//! Without one, a folder inside a `cases` folder belongs to the folder that
//! holds `cases`; any other folder is its own project. A command then runs
//! in the root (so inherited files, templates, `pva.toml` and `output/`
//! are found as from the root), the paths the user typed are taken from
//! their folder, and printed paths are shown from their folder again
//! (`report::set_display_base`).

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use super::RunError;
use crate::cli::{Cli, Command};

/// The file that marks a project's root.
pub(super) const CONFIG_FILE: &str = "pva.toml";
/// The folder of the dossiers, below the root.
pub(super) const CASES: &str = "cases";
/// The folder of the PDFs, below the root.
pub(super) const OUTPUT: &str = "output";

/// The project root for a user standing in `start` (absolute).
pub(super) fn find_root(start: &Path) -> PathBuf {
    if let Some(root) = start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
    {
        return root.to_path_buf();
    }
    let in_cases = start
        .ancestors()
        .find(|dir| dir.file_name() == Some(OsStr::new(CASES)));
    match in_cases.and_then(Path::parent) {
        Some(root) => root.to_path_buf(),
        None => start.to_path_buf(),
    }
}

/// Moves into the project root of the current folder and returns the
/// user's folder below it (empty when they stand in the root).
pub(super) fn enter() -> Result<PathBuf, RunError> {
    let here = std::env::current_dir().map_err(RunError::CurrentDir)?;
    let root = find_root(&here);
    let within = here
        .strip_prefix(&root)
        .unwrap_or(Path::new(""))
        .to_path_buf();
    if !within.as_os_str().is_empty() {
        std::env::set_current_dir(&root).map_err(RunError::CurrentDir)?;
    }
    Ok(within)
}

/// A path the user typed in `within` (their folder below the root), as seen
/// from the root; a path that leaves the root is made absolute.
pub(super) fn from_user(within: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for component in within.join(path).components() {
        match component {
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            Component::ParentDir => {
                return std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        out
    }
}

/// Takes the paths of `cli` from the user's folder `within` to the root,
/// and fills the defaults: the project's `cases/` and `output/`.
pub(super) fn rebase(cli: &mut Cli, within: &Path) {
    let paths = |paths: &mut Vec<PathBuf>| {
        for path in paths.iter_mut() {
            *path = from_user(within, path);
        }
        if paths.is_empty() {
            paths.push(PathBuf::from(CASES));
        }
    };
    let one = |path: &mut PathBuf| *path = from_user(within, path);
    match &mut cli.command {
        Command::Build(args) | Command::Watch(args) => {
            paths(&mut args.paths);
            args.out = Some(match &args.out {
                Some(out) => from_user(within, out),
                None => PathBuf::from(OUTPUT),
            });
        }
        Command::Lint(args) => paths(&mut args.paths),
        Command::Freeze { paths: given, .. } => paths(given),
        Command::Verify {
            target,
            paths: given,
        } => {
            paths(given);
            // A PDF named from the user's folder; a fingerprint stays as typed.
            let file = from_user(within, Path::new(target.as_str()));
            if file.is_file() {
                *target = file.to_string_lossy().into_owned();
            }
        }
        Command::Agenda(args) => {
            paths(&mut args.paths);
            args.ics.iter_mut().for_each(one);
        }
        Command::Riv(args) => {
            one(&mut args.dossier);
            args.out.iter_mut().for_each(one);
        }
        Command::New(args) => one(&mut args.dossier),
        _ => {}
    }
}

/// Whether `command` works in a project (and so moves into its root).
pub(super) fn needs_project(command: &Command) -> bool {
    !matches!(
        command,
        Command::Init { .. }
            | Command::Templates(_)
            | Command::Completions { .. }
            | Command::Schema { .. }
            | Command::Man
            | Command::Fields { .. }
            | Command::Lsp(_)
            | Command::CompileWorker { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_pva_toml_marks_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let dossier = root.join("cases/jansen-2026");
        std::fs::create_dir_all(&dossier).unwrap();
        // Without pva.toml: the folder that holds `cases`.
        assert_eq!(find_root(&dossier), root);
        assert_eq!(find_root(root), root);
        crate::fs::write_atomic(&root.join(CONFIG_FILE), b"").unwrap();
        assert_eq!(find_root(&dossier), root);
        crate::fs::write_atomic(&dossier.join(CONFIG_FILE), b"").unwrap();
        assert_eq!(find_root(&dossier), dossier);
    }

    #[test]
    fn typed_paths_are_taken_from_the_users_folder() {
        let within = Path::new("cases/jansen-2026");
        assert_eq!(
            from_user(within, Path::new(".")),
            Path::new("cases/jansen-2026")
        );
        assert_eq!(
            from_user(within, Path::new("../de-vries")),
            Path::new("cases/de-vries")
        );
        assert_eq!(from_user(Path::new(""), Path::new(".")), Path::new("."));
        assert_eq!(
            from_user(Path::new(""), Path::new("./cases")),
            Path::new("cases")
        );
        assert!(from_user(within, Path::new("../../../x")).is_absolute());
    }
}
