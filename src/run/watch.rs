//! `pva watch`: build, then build again when an input's content changes.
//!
//! Only content changes count. The file system reports every open and read
//! too, and a build reads its own inputs, so reacting to any event rebuilt
//! forever. So events are filtered by kind (create, write, remove, rename;
//! never an access or a metadata change), collected until the files have
//! been quiet for a moment, and a round runs only when the inputs' contents
//! (or their names) differ from those the last round built. Between rounds
//! the process blocks on the event channel: no CPU while nothing changes.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use codespan_reporting::term::termcolor::WriteColor;
use notify_debouncer_mini::notify::{
    self, Event, EventKind, RecursiveMode, Watcher, event::ModifyKind,
};

use super::build::{Listing, build_config, print_report, say_waiting};
use super::{RunError, Status, atty_stderr};
use crate::case::SHARED_FILE;
use crate::cli::{BuildArgs, Cli};
use crate::pipeline::{self, BuildConfig};
use crate::report;

/// How long the files must be quiet before a round starts: an editor's save
/// (write, rename, attributes) arrives as several events.
const QUIET: Duration = Duration::from_millis(150);

/// A hash of each input file's content, by path: two equal fingerprints
/// mean nothing a build reads has changed.
type Fingerprint = BTreeMap<PathBuf, u64>;

/// Builds, then rebuilds on every content change until interrupted.
pub(super) fn watch(
    cli: &Cli,
    args: &BuildArgs,
    err: &mut dyn WriteColor,
) -> Result<Status, RunError> {
    let config = build_config(args)?;
    // Refused before watching, not once per round.
    if let Some(reason) = crate::mirror::output_problem(&config.out, &config.paths, &config.root) {
        return Err(pipeline::BuildError::Output {
            out: config.out.clone(),
            reason,
        }
        .into());
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx)?;
    let watched = watch_folders(&mut watcher, &config)?;
    let names: Vec<String> = watched.iter().map(|f| report::display(f)).collect();
    writeln!(err, "bewaakt {} (Ctrl-C stopt)", names.join(", "))?;
    let mut last = fingerprint(&config);
    round(cli, args, err, &[]);
    while wait_for_change(&rx, &config.out, err) {
        let now = fingerprint(&config);
        let changed = changed_files(&last, &now);
        if changed.is_empty() {
            continue;
        }
        last = now;
        round(cli, args, err, &changed);
    }
    Ok(Status::Ok)
}

/// Watches the given paths and the templates recursively, and the folders
/// from the project root down to each path for `gedeeld.yaml` and
/// `pva.toml`. Returns the folders watched recursively, to name them.
fn watch_folders(
    watcher: &mut dyn Watcher,
    config: &BuildConfig,
) -> Result<Vec<PathBuf>, RunError> {
    let mut recursive: Vec<PathBuf> = config.paths.clone();
    recursive.push(config.root.join("templates"));
    recursive.retain(|f| f.exists());
    let mut flat: Vec<PathBuf> = vec![config.root.clone()];
    for path in &config.paths {
        flat.extend(folders_above(path, &config.root));
    }
    flat.sort();
    flat.dedup();
    let folders = recursive
        .iter()
        .map(|f| (f, RecursiveMode::Recursive))
        .chain(flat.iter().map(|f| (f, RecursiveMode::NonRecursive)));
    for (folder, mode) in folders {
        watcher
            .watch(folder, mode)
            .map_err(|source| RunError::Watch {
                path: folder.clone(),
                source,
            })?;
    }
    Ok(recursive)
}

/// The folders above `path`, up to and including `root`: where the
/// `gedeeld.yaml` files it inherits can be.
fn folders_above(path: &Path, root: &Path) -> Vec<PathBuf> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    path.ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(&root))
        .map(Path::to_path_buf)
        .collect()
}

/// Blocks until an input may have changed and the files have been quiet
/// for [`QUIET`]; false when the watcher is gone.
fn wait_for_change(
    rx: &Receiver<notify::Result<Event>>,
    out: &Path,
    err: &mut dyn WriteColor,
) -> bool {
    loop {
        match rx.recv() {
            Ok(Ok(event)) if is_content_change(&event, out) => break,
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                let _ = writeln!(err, "waarschuwing: bewaken gaf een fout: {e}");
            }
            Err(_) => return false,
        }
    }
    loop {
        match rx.recv_timeout(QUIET) {
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

/// A write, creation, removal or rename of a case file, template or
/// `pva.toml`; never a read, an open or a change of attributes alone.
fn is_content_change(event: &Event, out: &Path) -> bool {
    let kind = matches!(
        event.kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
    );
    kind && event.paths.iter().any(|p| is_input(p, out))
}

/// Case files, inherited files, templates and `pva.toml`; never the output.
fn is_input(path: &Path, out: &Path) -> bool {
    let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    !path.starts_with(&out) && matches!(ext, "md" | "yaml" | "yml" | "typ" | "toml")
}

/// The content of every file a build of `config` reads.
fn fingerprint(config: &BuildConfig) -> Fingerprint {
    let mut files = Fingerprint::new();
    let mut add = |path: &Path| {
        if let Ok(bytes) = std::fs::read(path) {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut hasher);
            files.insert(path.to_path_buf(), hasher.finish());
        }
    };
    let templates = config.root.join("templates");
    for tree in config.paths.iter().chain([&templates]) {
        for entry in walkdir::WalkDir::new(tree).into_iter().flatten() {
            if entry.file_type().is_file() && is_input(entry.path(), &config.out) {
                add(entry.path());
            }
        }
    }
    for path in &config.paths {
        for dir in folders_above(path, &config.root) {
            add(&dir.join(SHARED_FILE));
        }
    }
    add(&config.root.join("pva.toml"));
    files
}

/// The files added, removed or changed between two fingerprints.
fn changed_files(before: &Fingerprint, after: &Fingerprint) -> Vec<PathBuf> {
    let mut changed: Vec<PathBuf> = after
        .iter()
        .filter(|(path, hash)| before.get(*path) != Some(hash))
        .map(|(path, _)| path.clone())
        .collect();
    changed.extend(
        before
            .keys()
            .filter(|path| !after.contains_key(*path))
            .cloned(),
    );
    changed.sort();
    changed
}

/// One round: a clean screen on a terminal, a rule with the time and the
/// changed files, then the build's report. Errors are printed and watching
/// goes on; `pva.toml` is read again, so a changed severity counts.
fn round(cli: &Cli, args: &BuildArgs, err: &mut dyn WriteColor, changed: &[PathBuf]) {
    if atty_stderr() {
        let _ = write!(err, "\x1b[2J\x1b[H");
    }
    let _ = writeln!(err, "{}", rule_line(&super::clock_time(), changed));
    let listing = Listing {
        written: !cli.quiet,
        summary: !cli.quiet,
    };
    // A terminal that cannot be written to is no reason to stop watching.
    let _ = match build_config(args) {
        Ok(config) => match build_waiting(&config, err) {
            Ok(report) => print_report(err, &report, &config, listing),
            Err(e) => writeln!(err, "fout: {e}"),
        },
        Err(e) => writeln!(err, "fout: {e}"),
    };
}

/// Builds once; when `pva build` holds the output folder, says so and
/// waits for it (the two never remove each other's files).
fn build_waiting(
    config: &BuildConfig,
    err: &mut dyn WriteColor,
) -> Result<pipeline::BuildReport, pipeline::BuildError> {
    let err = std::cell::RefCell::new(err);
    pipeline::build_with_progress(config, &|_, _| {}, &|| say_waiting(&err, &config.out))
}

/// `── 14:02:11 · gewijzigd: cases/x/plan.md ──`: where a round starts.
fn rule_line(time: &str, changed: &[PathBuf]) -> String {
    let what = match changed {
        [] => "eerste bouw".to_string(),
        [one] => format!("gewijzigd: {}", report::display(one)),
        [one, rest @ ..] => format!(
            "gewijzigd: {} en {} ander(e) bestand(en)",
            report::display(one),
            rest.len()
        ),
    };
    format!("── {time} · {what} ──")
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, MetadataKind};

    fn event(kind: EventKind, path: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn reads_and_attributes_are_not_changes() {
        let out = Path::new("/p/output");
        let read = EventKind::Access(AccessKind::Open(AccessMode::Any));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Read));
        let touched = EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any));
        for kind in [read, closed, touched] {
            assert!(!is_content_change(
                &event(kind, "/p/cases/x/dossier.yaml"),
                out
            ));
        }
        let written = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert!(is_content_change(
            &event(written, "/p/cases/x/plan.md"),
            out
        ));
        let created = EventKind::Create(CreateKind::File);
        assert!(is_content_change(&event(created, "/p/pva.toml"), out));
        assert!(!is_content_change(
            &event(created, "/p/output/x/plan.yaml"),
            out
        ));
        assert!(!is_content_change(
            &event(written, "/p/cases/x/plan.pdf"),
            out
        ));
    }

    #[test]
    fn rule_names_what_changed() {
        assert_eq!(rule_line("09:00:00", &[]), "── 09:00:00 · eerste bouw ──");
        let two = [PathBuf::from("./a.md"), PathBuf::from("b.md")];
        assert_eq!(
            rule_line("09:00:00", &two),
            "── 09:00:00 · gewijzigd: a.md en 1 ander(e) bestand(en) ──"
        );
    }

    #[test]
    fn a_renamed_file_is_a_change_and_equal_content_is_not() {
        let before = Fingerprint::from([(PathBuf::from("a.md"), 1)]);
        assert!(changed_files(&before, &before.clone()).is_empty());
        let renamed = Fingerprint::from([(PathBuf::from("b.md"), 1)]);
        assert_eq!(
            changed_files(&before, &renamed),
            [PathBuf::from("a.md"), PathBuf::from("b.md")]
        );
    }
}
