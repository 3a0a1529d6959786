//! The build: find dossiers, load them, lint them, and turn every document
//! without errors into a PDF. A broken document never stops the others.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use rayon::prelude::*;
use typst::foundations::Datetime;

use crate::cache::{self, Cache, Outcome};
use crate::case::{self, DocKind, Document, Dossier, Found, fingerprint};
use crate::compile::{self, Bounded, Bounds, CompileError, Engine, Pdf, Pool};
use crate::diag::{Diagnostic, Severity};
use crate::fs::{self, FsError};
use crate::lint::{self, LintConfig, Verdict};
use crate::manifest::{InputHash, Manifest};
use crate::mirror::{self, output_path};
use crate::record::{self, Layout};
use crate::render::{self, TemplateError, Templates};
use crate::shard::Shard;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    /// Files or folders with dossiers.
    pub paths: Vec<PathBuf>,
    /// Output folder.
    pub out: PathBuf,
    /// Also write the generated Typst beside each PDF.
    pub emit_typst: bool,
    /// The project root: bounds inherited files, holds `templates/`.
    pub root: PathBuf,
    /// Lint settings.
    pub lint: LintConfig,
    /// Rebuild every document, even when its inputs did not change.
    pub force: bool,
    /// Build drafts (`--draft`): documents with errors too, CONCEPT on every
    /// page, written as `NAME.concept.pdf` beside the final PDF, never over it.
    pub draft: bool,
    /// Only this share of the dossiers (`--shard I/N`).
    pub shard: Option<Shard>,
    /// The date of documents without a `datum` (`--creation-date`, or
    /// `SOURCE_DATE_EPOCH`); without it, 1 January 1980.
    pub creation_date: Option<NaiveDate>,
    /// Compile each document in a worker process within these bounds
    /// (`pva build`); without, in this process, unbounded (tests, benches).
    pub bounds: Option<Bounds>,
}

/// A failure that stops the whole build (not one document).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The templates could not be loaded.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The output folder could not be cleaned up, or the fonts for
    /// `--emit typst` could not be written.
    #[error(transparent)]
    Fs(#[from] FsError),
    /// The output folder is not allowed.
    #[error("kan niet in {} schrijven: {reason}", out.display())]
    Output {
        /// The folder.
        out: PathBuf,
        /// Why.
        reason: String,
    },
}

/// Why one document has no PDF (the others are still built).
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Its template could not be rendered.
    #[error(transparent)]
    Render(#[from] TemplateError),
    /// Typst could not compile the generated source.
    #[error("typst kon de gemaakte bron niet zetten (een probleem in het sjabloon):\n{0}")]
    Compile(#[from] CompileError),
    /// Typesetting took longer than the limit (`[build] max_seconds`).
    #[error(
        "het opmaken duurde langer dan {0} s en is afgebroken. Staat er in templates/ een eigen sjabloon met een lus of herhaling die niet ophoudt? Zet die recht, of verhoog `max_seconds` onder [build] in pva.toml als het document echt zo lang nodig heeft"
    )]
    TooSlow(u64),
    /// Typesetting needed more memory than the limit (`[build] max_memory_mb`).
    #[error(
        "het opmaken gebruikte meer dan {0} MB geheugen en is afgebroken. Staat er in templates/ een eigen sjabloon dat steeds meer maakt (een grote lus of lijst)? Zet die recht, of verhoog `max_memory_mb` onder [build] in pva.toml als het document echt zo veel nodig heeft"
    )]
    TooBig(u64),
    /// The worker that typesets stopped for another reason.
    #[error(
        "het opmaken stopte onverwacht ({0}); probeer het opnieuw, en meld het als fout in pva als het blijft gebeuren"
    )]
    Crashed(String),
    /// The PDF (or, with `--emit typst`, its source) could not be written.
    #[error(transparent)]
    Write(#[from] FsError),
    /// A draft build with a template that does not mark drafts: its PDF
    /// would look final.
    #[error(
        "het sjabloon {0} markeert geen concepten: als `draft` gezet is, moet het `concept: true` aan kopgegevens geven, zoals het ingebouwde doet (`pva templates export` in een lege map laat het zien)"
    )]
    UnmarkedDraft(String),
    /// The draft of one document would replace the final PDF of another
    /// (`plan.md`'s draft and `plan.concept.md`'s PDF), named here.
    #[error(
        "het concept zou de definitieve PDF van {0}.concept.md vervangen; geef een van de twee documenten een andere naam"
    )]
    DraftClash(String),
}

impl From<Bounded> for Failure {
    fn from(bounded: Bounded) -> Failure {
        match bounded {
            Bounded::Template { name, message } => {
                Failure::Render(TemplateError::Tera { name, message })
            }
            Bounded::Compile(error) => Failure::Compile(error),
            Bounded::TooSlow { seconds } => Failure::TooSlow(seconds),
            Bounded::TooBig { memory_mb } => Failure::TooBig(memory_mb),
            Bounded::Crashed(why) => Failure::Crashed(why),
        }
    }
}

/// The result of a build.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// All findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// PDFs written.
    pub built: Vec<PathBuf>,
    /// Documents that failed to render or compile, with the reason.
    pub failed: Vec<(PathBuf, Failure)>,
    /// Documents skipped because they have lint errors.
    pub skipped: Vec<PathBuf>,
    /// PDFs left as they were: their inputs did not change.
    pub unchanged: Vec<PathBuf>,
}

impl BuildReport {
    /// True when any document failed or has errors.
    pub fn has_errors(&self) -> bool {
        !self.failed.is_empty()
            || self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
    }
}

/// One document ready to compile.
struct Job<'a> {
    doc: &'a Document,
    kind: DocKind,
    pdf: PathBuf,
    /// Hash of every input of the PDF.
    hash: String,
}

/// Documents compiled between two evictions of typst's cache: enough to
/// reuse work between similar documents, few enough to keep memory flat.
const CHUNK: usize = 32;

/// Cache entries unused for this many chunks are dropped. Typst's own watch
/// mode uses 10 per compile; per chunk of documents 2 keeps memory flat.
const CACHE_AGE: usize = 2;

/// Runs a whole build.
pub fn build(config: &BuildConfig) -> Result<BuildReport, BuildError> {
    build_with_progress(config, &|_, _| {}, &|| {})
}

/// Runs a whole build, calling `progress(done, total)` as documents are
/// handled, and `waiting()` when another run holds the output folder (this
/// build then waits for it). Dossiers are loaded, linted and compiled a
/// batch at a time and dropped afterwards, so memory does not grow with the
/// number of dossiers.
pub fn build_with_progress(
    config: &BuildConfig,
    progress: &dyn Fn(usize, usize),
    waiting: &dyn Fn(),
) -> Result<BuildReport, BuildError> {
    if let Some(reason) = mirror::output_problem(&config.out, &config.paths, &config.root) {
        return Err(BuildError::Output {
            out: config.out.clone(),
            reason,
        });
    }
    let _lock = fs::lock_folder(&config.out, waiting)?;
    fs::remove_temp_files(&config.out)?;
    let templates = Templates::load(Some(&config.root.join("templates")))?;
    let found = select(case::find(&config.paths), config.shard, &config.root);
    let total = found.dossiers.values().map(Vec::len).sum();
    let mut report = BuildReport {
        diagnostics: config.lint.apply(found.diagnostics),
        ..BuildReport::default()
    };
    let mut manifest = Manifest::load(&config.out);
    let mut cache = Cache::load(&config.out);
    // Started only when a document is to be compiled: a build with nothing
    // to do loads no fonts and starts no worker.
    let compiler = OnceLock::new();
    let layout = Layout::new(&templates, config.bounds.as_ref());
    let templates_hash = templates_hash(&templates, config);
    let context = cache_context(config, &templates_hash);
    let mut done = 0;
    let periods = periods(&found.dossiers, config, &context, &mut cache);
    for batch in batches(&found.dossiers) {
        progress(done, total);
        let shared = Shared {
            config,
            templates_hash: &templates_hash,
            context: &context,
            layout: &layout,
            periods: &periods,
            manifest: &manifest,
            cache: &cache,
        };
        let loaded: Vec<Loaded> = batch.par_iter().map(|group| shared.load(group)).collect();
        let mut stale = Vec::new();
        for loaded in &loaded {
            let (outcomes, dossier) = match loaded {
                Loaded::Kept { findings, outcomes } => {
                    report.diagnostics.extend(findings.iter().cloned());
                    (outcomes.as_slice(), None)
                }
                Loaded::Linted {
                    dossier,
                    findings,
                    outcomes,
                    key,
                } => {
                    match key {
                        Some(key) => cache.put(
                            &dossier.dir,
                            key.clone(),
                            findings,
                            &dossier.sources,
                            outcomes.clone(),
                        ),
                        None => cache.forget(&dossier.dir),
                    }
                    report.diagnostics.extend(findings.iter().cloned());
                    (outcomes.as_slice(), Some(dossier.as_ref()))
                }
            };
            stale.extend(follow(outcomes, dossier, config, &manifest, &mut report));
        }
        compile_all(
            &stale,
            &templates,
            &compiler,
            config,
            &mut manifest,
            &mut report,
        )?;
        done += batch.iter().map(|(_, files)| files.len()).sum::<usize>();
    }
    cache.save(&config.out).map_err(|e| BuildError::Output {
        out: config.out.clone(),
        reason: e.to_string(),
    })?;
    progress(total, total);
    Diagnostic::sort(&mut report.diagnostics);
    let mut forgotten = false;
    for skipped in &report.skipped {
        forgotten |= manifest.forget(&config.out, &pdf_path(config, skipped));
    }
    if forgotten {
        save(&mut manifest, config)?;
    }
    if config.emit_typst {
        emit_fonts(&config.out)?;
    }
    Ok(report)
}

/// Compiles `jobs` on all cores and records each result. Before a chunk's
/// PDFs are written the manifest on disk stops vouching for them, and it
/// vouches for each again only once it is written: a build killed at any
/// moment leaves no PDF that a later build trusts wrongly.
fn compile_all(
    jobs: &[Job<'_>],
    templates: &Templates,
    compiler: &OnceLock<Compiler>,
    config: &BuildConfig,
    manifest: &mut Manifest,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    if jobs.is_empty() {
        return Ok(());
    }
    let compiler = compiler.get_or_init(|| Compiler::new(config, templates));
    for chunk in jobs.chunks(CHUNK) {
        let mut known = false;
        for job in chunk {
            known |= manifest.forget(&config.out, &job.pdf);
        }
        if known {
            save(manifest, config)?;
        }
        let results: Vec<_> = chunk
            .par_iter()
            .map(|job| build_one(job, templates, compiler, config))
            .collect();
        typst::comemo::evict(CACHE_AGE);
        for (job, result) in chunk.iter().zip(results) {
            match result {
                Ok(()) => {
                    manifest.record(&config.out, &job.pdf, job.hash.clone());
                    report.built.push(job.pdf.clone());
                }
                Err(failure) => report.failed.push((job.pdf.clone(), failure)),
            }
        }
        save(manifest, config)?;
    }
    Ok(())
}

/// Writes the manifest into the output folder.
fn save(manifest: &mut Manifest, config: &BuildConfig) -> Result<(), BuildError> {
    manifest.save(&config.out).map_err(|e| BuildError::Output {
        out: config.out.clone(),
        reason: e.to_string(),
    })
}

/// A dossier folder and its documents.
type Group<'a> = (&'a PathBuf, &'a Vec<PathBuf>);

/// Splits the dossiers into batches of about `CHUNK` documents, in order.
fn batches(dossiers: &BTreeMap<PathBuf, Vec<PathBuf>>) -> Vec<Vec<Group<'_>>> {
    let mut batches = Vec::new();
    let mut batch: Vec<Group<'_>> = Vec::new();
    let mut size = 0;
    for group in dossiers {
        size += group.1.len();
        batch.push(group);
        if size >= CHUNK {
            batches.push(std::mem::take(&mut batch));
            size = 0;
        }
    }
    if !batch.is_empty() {
        batches.push(batch);
    }
    batches
}

/// What a build shares while it loads the dossiers of a batch.
struct Shared<'a> {
    config: &'a BuildConfig,
    templates_hash: &'a str,
    context: &'a str,
    layout: &'a Layout<'a>,
    periods: &'a case::periods::Periods,
    manifest: &'a Manifest,
    cache: &'a Cache,
}

/// A dossier as a build found it.
enum Loaded {
    /// As an earlier build left it: nothing it depends on changed, and all
    /// its PDFs are current. Its findings are those kept.
    Kept {
        findings: Vec<Diagnostic>,
        outcomes: Vec<Outcome>,
    },
    /// Parsed and linted now; `key` is what to keep it under (`None` when
    /// a file could not be read).
    Linted {
        dossier: Box<Dossier>,
        findings: Vec<Diagnostic>,
        outcomes: Vec<Outcome>,
        key: Option<String>,
    },
}

impl Shared<'_> {
    /// Reads one dossier; parses and lints it unless it is as an earlier
    /// build left it with every PDF current (then nothing is to be done
    /// but to report its findings again).
    fn load(&self, (dir, files): &Group<'_>) -> Loaded {
        let config = self.config;
        let read = case::read_with(dir, files, &config.root, &case::Overlay::new());
        let links = self.periods.links(dir);
        let key = cache::key(self.context, &read, &links);
        let kept = key
            .as_deref()
            .and_then(|key| self.cache.get(dir, key, &read.sources));
        if let Some((findings, outcomes)) = kept {
            let current = |outcome: &Outcome| match outcome {
                Outcome::Job { doc, hash } => {
                    !config.force
                        && self
                            .manifest
                            .is_current(&config.out, &pdf_path(config, doc), hash)
                }
                _ => true,
            };
            if outcomes.iter().all(current) {
                let outcomes = outcomes.to_vec();
                return Loaded::Kept { findings, outcomes };
            }
        }
        let mut dossier = read.parse();
        // Other dossiers of the same employee may count along.
        dossier.links = links;
        let verdict = judge(&dossier, &config.lint, self.layout);
        let outcomes = outcomes(&dossier, &verdict.blocked, config, self.templates_hash);
        // A layout check stopped at a bound says how long it took, not
        // what the inputs are: checked again next time.
        let unchecked = |d: &Diagnostic| d.code == crate::rules::LAYOUT_UNCHECKED.code;
        let key = key.filter(|_| !verdict.findings.iter().any(unchecked));
        Loaded::Linted {
            dossier: Box::new(dossier),
            findings: verdict.findings,
            outcomes,
            key,
        }
    }
}

/// The links between the project's dossiers: kept from an earlier build
/// when no dossier's shared files changed, else worked out (and kept).
fn periods(
    dossiers: &BTreeMap<PathBuf, Vec<PathBuf>>,
    config: &BuildConfig,
    context: &str,
    cache: &mut Cache,
) -> case::periods::Periods {
    let shared = case::periods::Periods::read_project(dossiers, &config.root);
    let key = cache::periods_key(context, &shared);
    if let Some(kept) = key.as_deref().and_then(|key| cache.periods(key)) {
        return kept;
    }
    let periods = case::periods::Periods::of_shared(shared);
    if let Some(key) = key {
        cache.put_periods(key, &periods);
    }
    periods
}

/// What every dossier's entry in the cache depends on besides its own
/// files: the lint settings and what its PDFs' hashes depend on.
fn cache_context(config: &BuildConfig, templates_hash: &str) -> String {
    let paths: Vec<String> = config
        .paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    cache::context(&[
        &config.lint.today.to_string(),
        &format!("{:?}", config.lint.severities),
        templates_hash,
        &format!("{:?}", config.creation_date),
        &format!("{:?}", config.bounds),
        &config.root.to_string_lossy(),
        &config.out.to_string_lossy(),
        &paths.join("\n"),
    ])
}

/// Lints a loaded dossier: its findings, with `pva.toml`'s severities,
/// and the documents that must not be built.
fn judge(dossier: &Dossier, lint: &LintConfig, layout: &Layout<'_>) -> Verdict {
    let mut verdict = lint::judge(dossier, lint);
    // An overdue verslag that `pva riv` would refuse: as the agenda says.
    verdict
        .findings
        .extend(crate::riv::overdue_findings(dossier, lint));
    add_layout_findings(dossier, layout, lint, &mut verdict);
    verdict
}

/// Loads and lints a batch of dossiers in parallel, for `pva lint`: the
/// findings and the documents that could not be read go into `report`.
fn load_and_lint(
    batch: &[Group<'_>],
    root: &Path,
    lint: &LintConfig,
    (layout, periods): (&Layout<'_>, &case::periods::Periods),
    report: &mut BuildReport,
) {
    let judged: Vec<(Dossier, Verdict)> = batch
        .par_iter()
        .map(|(dir, files)| {
            let mut dossier = case::load(dir, files, root);
            // Other dossiers of the same employee may count along.
            dossier.links = periods.links(dir);
            let verdict = judge(&dossier, lint, layout);
            (dossier, verdict)
        })
        .collect();
    for (dossier, verdict) in judged {
        report.skipped.extend(dossier.unreadable.iter().cloned());
        report.diagnostics.extend(verdict.findings);
    }
}

/// The findings of `record::check` (a signed document whose PDF this pva
/// makes differently), with `pva.toml`'s severities. Made an error there,
/// the finding stops the document's PDF, as any error does.
fn add_layout_findings(
    dossier: &Dossier,
    layout: &Layout<'_>,
    lint: &LintConfig,
    verdict: &mut Verdict,
) {
    let mut found = lint.apply(record::check(dossier, layout));
    dossier.attach_sources(&mut found);
    for finding in &found {
        if finding.severity == Severity::Error {
            verdict.blocked.insert(finding.file.to_path_buf());
        }
    }
    verdict.findings.extend(found);
    Diagnostic::sort(&mut verdict.findings);
}

/// Loads and lints every dossier under `paths` (or, with `shard`, its
/// share), keeping only the findings (each batch of dossiers is dropped
/// once linted). The templates are loaded to compare signed documents'
/// PDFs with the recorded ones; a project's own template is rendered for
/// that within `bounds`.
pub fn lint_all(
    paths: &[PathBuf],
    root: &Path,
    lint: &LintConfig,
    shard: Option<Shard>,
    bounds: Option<&Bounds>,
) -> Result<Vec<Diagnostic>, TemplateError> {
    let templates = Templates::load(Some(&root.join("templates")))?;
    let layout = Layout::new(&templates, bounds);
    let found = select(case::find(paths), shard, root);
    let mut report = BuildReport {
        diagnostics: lint.apply(found.diagnostics),
        ..BuildReport::default()
    };
    let periods = case::periods::Periods::of_project(&found.dossiers, root);
    for batch in batches(&found.dossiers) {
        load_and_lint(&batch, root, lint, (&layout, &periods), &mut report);
    }
    Diagnostic::sort(&mut report.diagnostics);
    Ok(report.diagnostics)
}

/// What `found` holds of `shard`: its share of the dossiers, and what
/// belongs to no dossier in the first share only.
fn select(mut found: Found, shard: Option<Shard>, root: &Path) -> Found {
    found.set_examples_aside();
    if let Some(shard) = shard {
        found.dossiers.retain(|dir, _| shard.holds(dir, root));
        if !shard.reports_the_rest() {
            found.diagnostics.clear();
        }
    }
    found
}

/// What the build does with each document of `dossier` (after those that
/// could not be read): compile those lint did not block, or for a draft
/// build every document (a draft is for finishing on paper).
fn outcomes(
    dossier: &Dossier,
    blocked: &BTreeSet<PathBuf>,
    config: &BuildConfig,
    templates_hash: &str,
) -> Vec<Outcome> {
    let mut outcomes: Vec<Outcome> = dossier
        .unreadable
        .iter()
        .cloned()
        .map(Outcome::Unreadable)
        .collect();
    let shared_hash = shared_hash(dossier, templates_hash, config);
    for doc in &dossier.documents {
        let has_error = blocked.contains(&doc.path);
        let pdf = pdf_path(config, &doc.path);
        outcomes.push(match doc.kind {
            Some(_) if config.draft && is_final_of_another(config, dossier, &pdf) => {
                let name = doc.path.file_stem().unwrap_or_default();
                Outcome::Clash {
                    doc: doc.path.clone(),
                    name: name.to_string_lossy().into_owned(),
                }
            }
            Some(_) if config.draft || !has_error => Outcome::Job {
                doc: doc.path.clone(),
                hash: input_hash(doc, &shared_hash, templates_hash),
            },
            _ => Outcome::Skipped(doc.path.clone()),
        });
    }
    outcomes
}

/// Records `outcomes` in `report` and returns the documents to compile:
/// those whose PDF is not current (or all, with `--force`). A dossier
/// kept from an earlier build (`dossier` is `None`) was only kept because
/// all its PDFs are current.
fn follow<'a>(
    outcomes: &[Outcome],
    dossier: Option<&'a Dossier>,
    config: &BuildConfig,
    manifest: &Manifest,
    report: &mut BuildReport,
) -> Vec<Job<'a>> {
    let mut jobs = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Unreadable(doc) | Outcome::Skipped(doc) => report.skipped.push(doc.clone()),
            Outcome::Clash { doc, name } => report
                .failed
                .push((pdf_path(config, doc), Failure::DraftClash(name.clone()))),
            Outcome::Job { doc, hash } => {
                let pdf = pdf_path(config, doc);
                let current = !config.force && manifest.is_current(&config.out, &pdf, hash);
                if current {
                    report.unchanged.push(pdf);
                    continue;
                }
                let document = dossier.and_then(|d| d.documents.iter().find(|d| &d.path == doc));
                match document.and_then(|d| Some((d, d.kind?))) {
                    Some((document, kind)) => jobs.push(Job {
                        doc: document,
                        kind,
                        pdf,
                        hash: hash.clone(),
                    }),
                    // Not reached: a dossier is kept only when all its PDFs
                    // are current. Never call a PDF current that is not.
                    None => report.failed.push((
                        pdf,
                        Failure::Crashed("de PDF verdween tijdens de build".to_string()),
                    )),
                }
            }
        }
    }
    jobs
}

/// True when `pdf` is the final PDF of a document of `dossier`: a draft of
/// `plan.md` must not replace the PDF of a document named `plan.concept.md`.
fn is_final_of_another(config: &BuildConfig, dossier: &Dossier, pdf: &Path) -> bool {
    dossier
        .documents
        .iter()
        .any(|d| output_path(&config.out, &config.root, &config.paths, &d.path) == pdf)
}

/// Where a build puts the PDF of the document `doc`: the final PDF, or for
/// a draft build `NAME.concept.pdf` beside it.
pub fn pdf_path(config: &BuildConfig, doc: &Path) -> PathBuf {
    let pdf = output_path(&config.out, &config.root, &config.paths, doc);
    if config.draft {
        pdf.with_extension(DRAFT_EXTENSION)
    } else {
        pdf
    }
}

/// What a document template writes into a draft (the `draft` variable set)
/// so that the layout puts CONCEPT on every page.
const DRAFT_MARK: &str = "concept: true";

/// The end of a draft's file name, instead of `pdf`.
pub const DRAFT_EXTENSION: &str = "concept.pdf";

/// One hash of every template file and the options that change output.
fn templates_hash(templates: &Templates, config: &BuildConfig) -> String {
    let options = format!(
        "{}{}",
        if config.emit_typst { "emit-typst" } else { "" },
        if config.draft { " draft" } else { "" }
    );
    let mut hash = InputHash::new(&options);
    for (name, bytes) in templates.files() {
        hash.add(name, bytes);
    }
    hash.finish()
}

/// The hash of what every document of `dossier` depends on besides itself:
/// the files it inherits from, the templates, the options and the pva version.
fn shared_hash(dossier: &Dossier, templates_hash: &str, config: &BuildConfig) -> String {
    let mut hash = InputHash::new(templates_hash);
    // The texts loading read: nothing is read twice, and the hash is of
    // exactly what the PDF was made from.
    for file in &dossier.inherited {
        let text = dossier.sources.get(file).map_or("", |t| t.as_ref());
        hash.add(&file.to_string_lossy(), text.as_bytes());
    }
    // Named as before the flag existed, so manifests stay valid.
    let creation_date = config.creation_date.map(|d| d.to_string());
    hash.add(
        "SOURCE_DATE_EPOCH",
        creation_date.unwrap_or_default().as_bytes(),
    );
    hash.finish()
}

/// The hash of everything a document's PDF depends on. A frozen document
/// depends on no inherited file.
fn input_hash(doc: &Document, shared_hash: &str, templates_hash: &str) -> String {
    let mut hash = InputHash::new(if doc.frozen {
        templates_hash
    } else {
        shared_hash
    });
    hash.add(&doc.path.to_string_lossy(), doc.text.as_bytes());
    hash.finish()
}

/// Where documents are compiled: in worker processes within bounds, or
/// (without bounds) in this process.
enum Compiler {
    InProcess(Box<Engine>),
    Workers(Pool),
}

impl Compiler {
    fn new(config: &BuildConfig, templates: &Templates) -> Compiler {
        match &config.bounds {
            Some(bounds) => Compiler::Workers(Pool::new(bounds.clone(), templates)),
            None => Compiler::InProcess(Box::new(Engine::new(&templates.assets()))),
        }
    }

    /// Renders `prepared` with `templates` and compiles it: the PDF and
    /// the Typst source it was made from. Workers run both steps within
    /// the bounds, since a project's own template is code that may not stop.
    fn make(
        &self,
        templates: &Templates,
        prepared: &render::Prepared,
        date: Datetime,
        ident: &str,
        keywords: &[String],
    ) -> Result<(Pdf, String), Failure> {
        match self {
            Compiler::InProcess(engine) => {
                let source = prepared.render(templates)?;
                let pdf = compile::compile(engine, source.clone(), date, ident, keywords)?;
                Ok((pdf, source))
            }
            Compiler::Workers(pool) => Ok(pool.make(prepared, date, ident, keywords)?),
        }
    }
}

fn build_one(
    job: &Job<'_>,
    templates: &Templates,
    compiler: &Compiler,
    config: &BuildConfig,
) -> Result<(), Failure> {
    // A draft is built with errors too, but never prints what the privacy
    // rules flag; a final build refuses such a document (lint blocks it).
    let blacked_out = if config.draft {
        crate::lint::flagged(job.doc, &config.lint)
    } else {
        Vec::new()
    };
    let prepared = render::prepare(job.doc, job.kind, config.draft, &blacked_out);
    // The PDF's /ID comes from the source path, not the output folder, so
    // building into another folder gives the same bytes.
    let name = mirror::source_name(&config.root, &config.paths, &job.doc.path)
        .to_string_lossy()
        .replace('\\', "/");
    let keywords = fingerprint::keywords(job.doc, &name);
    let mut ident = name;
    if config.draft {
        ident.push_str("#concept");
    }
    let date = document_date(job.doc, config.creation_date);
    let (pdf, source) = compiler.make(templates, &prepared, date, &ident, &keywords)?;
    if config.draft && !source.contains(DRAFT_MARK) {
        return Err(Failure::UnmarkedDraft(render::template_name(job.kind)));
    }
    if config.emit_typst {
        emit_typst(&job.pdf, &source, templates)?;
    }
    Ok(fs::write_atomic(&job.pdf, &pdf.bytes)?)
}

/// The document's own date (its `datum`), else the build's creation date,
/// else 1 January 1980: never the clock, so rebuilds are byte-identical.
fn document_date(doc: &Document, creation_date: Option<NaiveDate>) -> Datetime {
    let day = doc
        .date()
        .or(creation_date)
        .unwrap_or(NaiveDate::from_ymd_opt(1980, 1, 1).unwrap_or_default());
    to_datetime(day)
}

pub(crate) fn to_datetime(day: NaiveDate) -> Datetime {
    use chrono::Datelike;
    Datetime::from_ymd_hms(day.year(), day.month() as u8, day.day() as u8, 0, 0, 0)
        .unwrap_or(Datetime::from_ymd(1980, 1, 1).expect("a valid date"))
}

/// Writes the generated source beside the PDF, with the layout library
/// beside it, so `typst compile --font-path <out>/fonts x.typ` builds it too.
fn emit_typst(pdf: &Path, source: &str, templates: &Templates) -> Result<(), FsError> {
    let dir = pdf.parent().unwrap_or(Path::new("."));
    let header = "// Generated by pva. Build with the same fonts as pva:\n// typst compile --ignore-system-fonts --font-path <output>/fonts --pdf-standard a-2b this-file.typ\n";
    fs::write_atomic(
        &pdf.with_extension("typ"),
        format!("{header}{source}").as_bytes(),
    )?;
    for (name, bytes) in templates.assets() {
        fs::write_atomic(&dir.join(name), &bytes)?;
    }
    Ok(())
}

/// Writes the embedded fonts into `<out>/fonts` for `--emit typst`.
fn emit_fonts(out: &Path) -> Result<(), FsError> {
    for (name, bytes) in compile::font_files() {
        fs::write_atomic(&out.join("fonts").join(name), bytes)?;
    }
    Ok(())
}
