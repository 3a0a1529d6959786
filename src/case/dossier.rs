//! Finding dossiers and documents on disk, and loading them with their
//! inherited data: `gedeeld.yaml` files from the project root down, then the
//! dossier's `dossier.yaml`, then the document's own front matter.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use super::document::{Document, parse_document};
use super::inherit::Chain;
use super::node::{Node, parse};
use super::overlay::Overlay;
use crate::diag::Diagnostic;
use crate::rules;

/// The file that makes a folder a dossier.
pub const DOSSIER_FILE: &str = "dossier.yaml";
/// The file with data shared by every dossier below its folder.
pub const SHARED_FILE: &str = "gedeeld.yaml";

/// One employee's period of sickness: a folder with a `dossier.yaml`.
#[derive(Debug, Clone)]
pub struct Dossier {
    /// The folder.
    pub dir: PathBuf,
    /// The folder no file of the dossier is read outside of: the project
    /// root (see `bound`).
    pub bound: PathBuf,
    /// The inherited files, farthest first (`gedeeld.yaml`…, `dossier.yaml`).
    pub inherited: Vec<PathBuf>,
    /// Each inherited file as parsed (those that could be read).
    pub chain: Chain,
    /// The inherited data merged as written, history included: what the
    /// dossier-wide rules read. Documents inherit [`Dossier::base_at`].
    pub base: Node,
    /// The documents that could be read, in file-name order.
    pub documents: Vec<Document>,
    /// The documents that could not be read; a finding in `diagnostics`
    /// says why.
    pub unreadable: Vec<PathBuf>,
    /// The text of every file that could be read (inherited files and
    /// documents), as read: reports show lines from it.
    pub sources: BTreeMap<PathBuf, Arc<str>>,
    /// Problems met while loading (unreadable files, bad YAML).
    pub diagnostics: Vec<Diagnostic>,
    /// Other dossiers of the same employee whose periods count along
    /// (set by the command, which sees the whole project; see `periods`).
    pub links: super::periods::Links,
}

/// What a walk over the input paths found.
#[derive(Debug, Default)]
pub struct Found {
    /// Dossier folders and their Markdown files.
    pub dossiers: BTreeMap<PathBuf, Vec<PathBuf>>,
    /// Problems found while walking (unreadable folders, documents outside a dossier).
    pub diagnostics: Vec<Diagnostic>,
}

impl Found {
    /// Leaves out the example of `pva init` (`voorbeeld: true` in its
    /// dossier.yaml) once a dossier of the project's own is found with it:
    /// a fictional employee belongs in no agenda, calendar or report. Each
    /// example left out is a finding (PVA090) at its `voorbeeld:` line, so
    /// the user knows why and how to remove it. Asked for alone, an example
    /// stays.
    pub fn set_examples_aside(&mut self) {
        let examples: Vec<(PathBuf, Node, Arc<str>)> = self
            .dossiers
            .keys()
            .filter_map(|dir| example_mark(dir).map(|(mark, text)| (dir.clone(), mark, text)))
            .collect();
        if examples.is_empty() || examples.len() == self.dossiers.len() {
            return;
        }
        for (dir, mark, text) in examples {
            self.dossiers.remove(&dir);
            let shown = dir.display();
            self.diagnostics.push(
                Diagnostic::new(
                    &rules::EXAMPLE_ASIDE,
                    &mark.pos,
                    format!("{shown} is het verzonnen voorbeeld van `pva init` en telt niet mee nu er een eigen dossier is: lint, build en agenda laten het weg"),
                )
                .hint(format!("verwijder het als u het niet meer nodig heeft: rm -r {shown}; is dit een echt dossier (een kopie van het voorbeeld), haal dan `voorbeeld: true` weg"))
                .source(text),
            );
        }
    }
}

/// The `voorbeeld: true` of `dir`'s dossier.yaml (the key, for its
/// position) and the file's text; `None` for a dossier of the project's own.
fn example_mark(dir: &Path) -> Option<(Node, Arc<str>)> {
    let file = dir.join(DOSSIER_FILE);
    let text = std::fs::read_to_string(&file).ok()?;
    // Most dossiers never name the key: they are not parsed twice.
    if !text.contains(super::paths::VOORBEELD) {
        return None;
    }
    let node = parse(&text, &Arc::from(file.as_path()), 1).ok()?;
    let mark = node.get(super::paths::VOORBEELD)?;
    matches!(mark.value, super::node::Value::Bool(true)).then(|| (mark.clone(), Arc::from(text)))
}

/// Walks `paths` for dossiers and documents. A folder with a `dossier.yaml`
/// is a dossier, with or without documents; a `.md` file in it is a
/// document. Elsewhere a `.md` that starts with `---` is reported (it looks
/// like a document without its dossier), others (a README) are left alone.
pub fn find(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for path in paths {
        for entry in WalkDir::new(path).sort_by_file_name() {
            match entry {
                Ok(entry) if is_dossier_file(&entry) => found.add_dossier(entry.path()),
                Ok(entry) if is_markdown(&entry) => found.add(entry.path()),
                Ok(_) => {}
                Err(err) => found.walk_error(path, &err),
            }
        }
    }
    found
}

impl Found {
    fn add_dossier(&mut self, file: &Path) {
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        self.dossiers.entry(dir).or_default();
    }

    fn add(&mut self, file: &Path) {
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        // A folder already known as a dossier (its dossier.yaml is a file,
        // walked before its documents): not looked up again per document.
        if let Some(files) = self.dossiers.get_mut(&dir) {
            files.push(file.to_path_buf());
            return;
        }
        let dossier_file = dir.join(DOSSIER_FILE);
        if dossier_file.is_dir() {
            if self.diagnostics.iter().any(|d| d.file == dossier_file) {
                return;
            }
            self.diagnostics.push(
                Diagnostic::in_file(
                    &rules::DOSSIER,
                    &dossier_file,
                    format!("{DOSSIER_FILE} is hier een map, geen bestand: de documenten in {} horen bij geen dossier", dir.display()),
                )
                .hint(format!("hernoem of verwijder de map {} en zet de gegevens van de werknemer in een bestand met die naam", dossier_file.display())),
            );
            return;
        }
        if dossier_file.is_file() {
            self.dossiers
                .entry(dir)
                .or_default()
                .push(file.to_path_buf());
        } else if let Some(text) = document_text(file) {
            self.diagnostics.push(Diagnostic::in_file(
                &rules::DOSSIER,
                file,
                format!(
                    "dit document staat niet in een dossiermap: er is geen {DOSSIER_FILE} in {}",
                    dir.display()
                ),
            ).hint(format!("maak {} met de gegevens van de werknemer, of verplaats het document naar de map van zijn dossier", dir.join(DOSSIER_FILE).display())).source(text));
        }
    }

    fn walk_error(&mut self, root: &Path, err: &walkdir::Error) {
        let path = err.path().unwrap_or(root);
        self.diagnostics.push(Diagnostic::in_file(
            &rules::FRONT_MATTER,
            path,
            format!(
                "kan deze map of dit bestand niet lezen: {}",
                walk_reason(err)
            ),
        ));
    }
}

/// Why a folder walk failed, in Dutch: a link that points back into its
/// own folder, or the I/O cause.
fn walk_reason(err: &walkdir::Error) -> String {
    match err.io_error() {
        Some(io) => crate::fs::reason(io),
        None => "een link verwijst naar een map erboven (een kringverwijzing); haal de link weg"
            .to_string(),
    }
}

fn is_dossier_file(entry: &walkdir::DirEntry) -> bool {
    entry.file_name() == DOSSIER_FILE && is_file(entry)
}

fn is_markdown(entry: &walkdir::DirEntry) -> bool {
    entry
        .path()
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        && is_file(entry)
}

/// Whether the entry is a file, or a link to one. The walk knows the
/// kind of each entry from the folder listing; only a link is looked up.
fn is_file(entry: &walkdir::DirEntry) -> bool {
    let kind = entry.file_type();
    kind.is_file() || (kind.is_symlink() && entry.path().is_file())
}

/// The text of `path` when it looks like a document: it starts with the
/// `---` of front matter (a README does not). A link is not followed: its
/// target may lie outside the project, and the finding would print it.
fn document_text(path: &Path) -> Option<Arc<str>> {
    if std::fs::symlink_metadata(path).ok()?.is_symlink() {
        return None;
    }
    let text = super::front_matter::normalise(&String::from_utf8_lossy(&std::fs::read(path).ok()?));
    text.starts_with("---").then(|| Arc::from(text.as_str()))
}

/// Loads a dossier: its inherited files and every document in it.
/// `root` bounds the search for `gedeeld.yaml` files upwards.
pub fn load(dir: &Path, files: &[PathBuf], root: &Path) -> Dossier {
    load_with(dir, files, root, &Overlay::new())
}

/// Loads a dossier like [`load`], with the texts in `overlay` (an editor's
/// unsaved buffers) in place of those files on disk. A `gedeeld.yaml` that
/// exists only in the overlay is inherited too.
pub fn load_with(dir: &Path, files: &[PathBuf], root: &Path, overlay: &Overlay) -> Dossier {
    read_with(dir, files, root, overlay).parse()
}

/// A dossier's files as read, not yet parsed: what decides everything
/// loading makes of them (a build compares it with what it saw before).
#[derive(Debug)]
pub struct Read {
    /// The folder.
    pub dir: PathBuf,
    /// The folder no file is read outside of (see `bound`).
    pub bound: PathBuf,
    /// The inherited files, farthest first.
    pub inherited: Vec<PathBuf>,
    /// The documents asked for, in order.
    pub files: Vec<PathBuf>,
    /// Each inherited file, then each document: its text, or why it
    /// could not be read.
    pub texts: Vec<Result<String, Box<Diagnostic>>>,
    /// The text of every file that could be read.
    pub sources: BTreeMap<PathBuf, Arc<str>>,
}

/// Reads the files of the dossier `dir` (see [`load_with`]) without
/// parsing them.
pub fn read_with(dir: &Path, files: &[PathBuf], root: &Path, overlay: &Overlay) -> Read {
    let inherited = inherited_files(dir, root, overlay);
    let bound = bound(dir, root).to_path_buf();
    let mut sources = BTreeMap::new();
    let texts = inherited
        .iter()
        .chain(files)
        .map(|file| read(file, &bound, overlay, &mut sources))
        .collect();
    Read {
        dir: dir.to_path_buf(),
        bound,
        inherited,
        files: files.to_vec(),
        texts,
        sources,
    }
}

impl Read {
    /// Parses what was read: the inherited files, then each document.
    pub fn parse(self) -> Dossier {
        let Read {
            dir,
            bound,
            inherited,
            files,
            texts,
            sources,
        } = self;
        let mut diagnostics = Vec::new();
        let mut shared = Vec::new();
        let mut texts = texts.into_iter();
        for (file, text) in inherited.iter().zip(texts.by_ref()) {
            match text.and_then(|text| parse_inherited(file, &text)) {
                Ok(node) => shared.push(node),
                Err(diag) => diagnostics.push(*diag),
            }
        }
        let chain = Chain::new(shared);
        let empty = Node::empty_map(Arc::from(dir.join(DOSSIER_FILE)));
        let base = chain.merged(empty.clone());
        let (mut documents, mut unreadable) = (Vec::new(), Vec::new());
        for (file, text) in files.iter().zip(texts) {
            match text.and_then(|text| parse_document(file, text, &chain, &empty)) {
                Ok(doc) => documents.push(doc),
                Err(diag) => {
                    diagnostics.push(*diag);
                    unreadable.push(file.clone());
                }
            }
        }
        Dossier {
            dir,
            bound,
            inherited,
            chain,
            base,
            documents,
            unreadable,
            sources,
            diagnostics,
            links: super::periods::Links::default(),
        }
    }
}

/// Reads `file` from `overlay` or disk and keeps its text in `sources`. A
/// file on disk whose real path lies outside `root` is not read at all.
fn read(
    file: &Path,
    root: &Path,
    overlay: &Overlay,
    sources: &mut BTreeMap<PathBuf, Arc<str>>,
) -> Result<String, Box<Diagnostic>> {
    if overlay.get(file).is_none() {
        check_readable(file, root)?;
    }
    let text = overlay.read_text(file)?;
    sources.insert(file.to_path_buf(), Arc::from(text.as_str()));
    Ok(text)
}

/// The folder no file of the dossier `dir` may lie outside of: the project
/// root, or for a dossier named outside the project (`pva build
/// /srv/archief`) the folder around it, whose `gedeeld.yaml` it inherits.
fn bound<'a>(dir: &'a Path, root: &'a Path) -> &'a Path {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    if absolute(dir).starts_with(absolute(root)) {
        root
    } else {
        dir.parent().unwrap_or(dir)
    }
}

/// Refuses a file that is a link to outside the project, or a folder where
/// a file should be; the finding names the path, never what it points at.
fn check_readable(file: &Path, root: &Path) -> Result<(), Box<Diagnostic>> {
    if !crate::fs::is_inside(root, file) {
        return Err(Box::new(
            Diagnostic::in_file(
                &rules::OUTSIDE_PROJECT,
                file,
                "dit bestand is een koppeling naar een bestand buiten het project; pva leest het niet",
            )
            .hint("vervang de koppeling door een echt bestand in de projectmap (kopieer de inhoud erheen)"),
        ));
    }
    if file.is_dir() {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        return Err(Box::new(
            Diagnostic::in_file(
                &rules::FRONT_MATTER,
                file,
                format!("{name} is een map, geen bestand"),
            )
            .hint(format!(
                "hernoem of verwijder de map en zet de gegevens in een bestand {name}"
            )),
        ));
    }
    Ok(())
}

impl Dossier {
    /// What a document dated `day` inherits (see [`Chain::at`]).
    pub fn base_at(&self, day: Option<chrono::NaiveDate>) -> Node {
        self.chain
            .at(day, Node::empty_map(Arc::from(self.dir.join(DOSSIER_FILE))))
    }

    /// `text` read as the document `file` of this dossier (what `pva freeze`
    /// is about to write, read back).
    pub fn parse(&self, file: &Path, text: String) -> Result<Document, Box<Diagnostic>> {
        let empty = Node::empty_map(Arc::from(self.dir.join(DOSSIER_FILE)));
        parse_document(file, text, &self.chain, &empty)
    }

    /// The documents of one kind, in file order.
    pub fn documents_of(&self, kind: super::DocKind) -> impl Iterator<Item = &Document> {
        self.documents.iter().filter(move |d| d.kind == Some(kind))
    }

    /// Whether the dossier records a step: a date at `path` in the shared
    /// files, or a document of `kind` signed by both parties (a skeleton or
    /// an unsigned draft is not a finished step).
    pub fn records(&self, path: &str, kind: Option<super::DocKind>) -> bool {
        self.base.get(path).and_then(Node::text).is_some()
            || kind.is_some_and(|k| self.signed_of(k).next().is_some())
    }

    /// The documents of one kind that both parties signed.
    pub fn signed_of(&self, kind: super::DocKind) -> impl Iterator<Item = &Document> {
        self.documents_of(kind).filter(|d| d.is_signed())
    }

    /// Gives each finding the text of its file as loading read it.
    pub fn attach_sources(&self, findings: &mut [Diagnostic]) {
        for finding in findings {
            if let Some(text) = self.sources.get(&finding.file) {
                finding.source = Some(text.clone());
            }
        }
    }

    /// The dossier file, for findings about the dossier as a whole.
    pub fn file(&self) -> PathBuf {
        self.dir.join(DOSSIER_FILE)
    }
}

/// The `gedeeld.yaml` files above `dir` (farthest first, not above `root`)
/// and the dossier's own `dossier.yaml`.
fn inherited_files(dir: &Path, root: &Path, overlay: &Overlay) -> Vec<PathBuf> {
    let mut chain = Vec::new();
    let mut current = dir.parent();
    while let Some(folder) = current {
        let shared = folder.join(SHARED_FILE);
        // A folder by that name is reported, not silently passed over.
        if overlay.is_file(&shared) || shared.is_dir() {
            chain.push(shared);
        }
        // A relative folder is relative to the project root (the working
        // folder): walk it up to its first component.
        let outside = folder.is_absolute() && !folder.starts_with(root);
        if folder == root || folder.as_os_str().is_empty() || outside {
            break;
        }
        current = folder.parent();
    }
    chain.reverse();
    let shared_here = dir.join(SHARED_FILE);
    if overlay.is_file(&shared_here) || shared_here.is_dir() {
        chain.push(shared_here);
    }
    chain.push(dir.join(DOSSIER_FILE));
    chain
}

/// Parses an inherited file. A `gedeeld.yaml` is inherited by every
/// dossier below it, so the last few parsed are kept (by path and text:
/// another text is parsed again); a whole build then parses it once
/// instead of once per dossier.
fn parse_inherited(file: &Path, text: &str) -> Result<Node, Box<Diagnostic>> {
    type Parsed = (PathBuf, Arc<str>, Result<Node, Box<Diagnostic>>);
    /// Enough for the `gedeeld.yaml` files of a deep project tree.
    const KEPT: usize = 16;
    static KEPT_FILES: std::sync::Mutex<Vec<Parsed>> = std::sync::Mutex::new(Vec::new());
    if file.file_name().is_none_or(|name| name != SHARED_FILE) {
        return parse_yaml(file, text);
    }
    let kept = |list: &Vec<Parsed>| {
        list.iter()
            .find(|(path, kept, _)| path == file && kept.as_ref() == text)
            .map(|(_, _, parsed)| parsed.clone())
    };
    if let Some(parsed) = KEPT_FILES.lock().ok().and_then(|list| kept(&list)) {
        return parsed;
    }
    let parsed = parse_yaml(file, text);
    if let Ok(mut list) = KEPT_FILES.lock() {
        if list.len() >= KEPT {
            let _ = list.remove(0);
        }
        list.push((file.to_path_buf(), Arc::from(text), parsed.clone()));
    }
    parsed
}

/// Parses the text of a whole-file YAML (`dossier.yaml`, `gedeeld.yaml`).
fn parse_yaml(file: &Path, text: &str) -> Result<Node, Box<Diagnostic>> {
    let arc: Arc<Path> = Arc::from(file);
    if text.trim().is_empty() {
        return Ok(Node::empty_map(arc));
    }
    let node = parse(text, &arc, 1).map_err(|e| super::document::yaml_diagnostic(file, &e))?;
    match node.value {
        super::node::Value::Map(_) => Ok(node),
        _ => Err(Box::new(
            Diagnostic::new(
                &rules::YAML,
                &node.pos,
                "dit bestand moet een lijst van velden zijn (sleutel: waarde), geen losse waarde",
            )
            .hint("begin bijvoorbeeld met `werknemer:` en daaronder ingesprongen `naam: …`"),
        )),
    }
}
