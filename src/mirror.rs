//! Where a document's output goes: its path mirrored under the output
//! folder. Inside the project the path below the project root is mirrored;
//! a document reached through a path outside it keeps only the input
//! folder's own name, so `pva build /srv/cases --out /tmp/pdf` writes
//! `/tmp/pdf/cases/...`, never `/tmp/pdf/srv/cases/...`.

use std::path::{Component, Path, PathBuf};

/// The PDF of `doc`: its mirrored name (see [`source_name`]) under `out`.
pub fn output_path(out: &Path, root: &Path, inputs: &[PathBuf], doc: &Path) -> PathBuf {
    out.join(source_name(root, inputs, doc))
        .with_extension("pdf")
}

/// The relative path `doc` is known by in the output and inside its PDF:
/// below `root` when it is inside it, else below the folder that holds the
/// input path it was found through.
pub fn source_name(root: &Path, inputs: &[PathBuf], doc: &Path) -> PathBuf {
    if let Some(inside) = relative_to(root, doc) {
        return inside;
    }
    inputs
        .iter()
        .filter_map(|input| {
            let base = normal(input).parent().map(Path::to_path_buf)?;
            relative_to(&normal(input), doc)?;
            relative_to(&base, doc)
        })
        .next()
        .unwrap_or_else(|| plain(doc))
}

/// `path` below `base` when it is inside: compared as written (made
/// absolute), then with symbolic links resolved.
pub fn relative_to(base: &Path, path: &Path) -> Option<PathBuf> {
    let lexical = normal(path)
        .strip_prefix(normal(base))
        .ok()
        .map(Path::to_path_buf);
    lexical.or_else(|| {
        let (base, path) = (base.canonicalize().ok()?, path.canonicalize().ok()?);
        path.strip_prefix(base).ok().map(Path::to_path_buf)
    })
}

/// `path` made absolute with `.` and `..` resolved as written, without
/// touching the file system (a document need not exist yet).
fn normal(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Only the plain names of `path`: no root, no `.` or `..`.
fn plain(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect()
}

/// The folder of the dossiers, below the project root: no command writes
/// inside it.
pub const CASES: &str = "cases";

/// Why `out` cannot be an output folder, if it cannot: it is a file, it
/// is or contains one of the `inputs`, or it lies inside one of them or
/// inside the project's `cases/`. pva writes only into its output folder
/// and never among the case files (a PDF or manifest there would be read
/// back as input, or committed beside the dossiers).
pub fn output_problem(out: &Path, inputs: &[PathBuf], root: &Path) -> Option<String> {
    if out.exists() && !out.is_dir() {
        return Some("dat is een bestand, geen map; kies een map met --out, zoals output/".into());
    }
    let out_real = resolved(out);
    let cases = (PathBuf::from(CASES), root.join(CASES));
    let named = inputs.iter().map(|input| (input.clone(), input.clone()));
    for (input, path) in named.chain([cases]) {
        let input_real = resolved(&path);
        if input_real.starts_with(&out_real) {
            return Some(format!(
                "die map bevat {}; kies een aparte map, zoals output/",
                input.display()
            ));
        }
        if out_real.starts_with(&input_real) && (path.is_dir() || !path.exists()) {
            return Some(format!(
                "die map ligt in {}, tussen de dossiers; kies een map buiten {}, zoals output/",
                input.display(),
                input.display()
            ));
        }
    }
    None
}

/// `path` made absolute with links resolved as far as it exists (the rest
/// as written): where a folder that is still to be made will really be.
fn resolved(path: &Path) -> PathBuf {
    let joined = normal(path);
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut real = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    real.extend(rest.iter().rev());
    real
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(root: &str, inputs: &[&str], doc: &str) -> String {
        let inputs: Vec<PathBuf> = inputs.iter().map(PathBuf::from).collect();
        source_name(Path::new(root), &inputs, Path::new(doc))
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn inside_the_project_the_path_below_the_root_is_kept() {
        let root = "/work/hr/dossiers";
        assert_eq!(
            name(
                root,
                &["/work/hr/dossiers/cases"],
                "/work/hr/dossiers/cases/a/plan.md"
            ),
            "cases/a/plan.md"
        );
    }

    #[test]
    fn outside_the_project_only_the_input_folder_name_is_kept() {
        let root = "/work/hr/dossiers";
        assert_eq!(
            name(root, &["/srv/share/cases"], "/srv/share/cases/a/plan.md"),
            "cases/a/plan.md"
        );
        assert_eq!(
            name(
                root,
                &["/srv/share/cases/a/plan.md"],
                "/srv/share/cases/a/plan.md"
            ),
            "plan.md"
        );
        assert_eq!(
            name(
                root,
                &["/work/hr/other/../elders"],
                "/work/hr/elders/b/plan.md"
            ),
            "elders/b/plan.md"
        );
    }

    #[test]
    fn the_input_a_document_came_through_decides() {
        let root = "/work/hr/dossiers";
        let inputs = ["/srv/a/cases", "/srv/b/archief"];
        assert_eq!(
            name(root, &inputs, "/srv/b/archief/x/plan.md"),
            "archief/x/plan.md"
        );
    }

    #[test]
    fn output_paths_end_in_pdf() {
        let pdf = output_path(
            Path::new("/tmp/pdf"),
            Path::new("/work/hr"),
            &[PathBuf::from("/srv/cases")],
            Path::new("/srv/cases/a/plan.md"),
        );
        assert_eq!(pdf, Path::new("/tmp/pdf/cases/a/plan.pdf"));
    }
}
