//! `pva riv`: the re-integratieverslag UWV receives at week 91. Checks that
//! every part is there and signed, then writes the upload set (one PDF per
//! part, named for the document type UWV's werkgeversportaal asks) and one
//! bound copy for the werknemer.

mod bundle;
pub mod check;
pub mod set;
pub mod signing;
pub mod toets;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::case::timeline::Timeline;
use crate::case::{self, DocKind, Document, Dossier, Party};
use crate::compile::{self, Bounded, Bounds, Engine, Pool};
use crate::diag::{Diagnostic, Severity};
use crate::fs::{self, FsError};
use crate::law::Case;
use crate::lint::{self, LintConfig};
use crate::render::{self, TemplateError, Templates};
use crate::rules;

/// UWV's upload limit per document.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// The bound copy's file name (no name or BSN in file names).
pub const BUNDLE_FILE: &str = "re-integratieverslag-kopie-werknemer.pdf";

/// What to check and where to write.
#[derive(Debug, Clone)]
pub struct RivConfig {
    /// The dossier folder.
    pub dossier: PathBuf,
    /// The folder for the set.
    pub out: PathBuf,
    /// The project root (inherited files, templates).
    pub root: PathBuf,
    /// Lint settings; `today` also dates the bound copy.
    pub lint: LintConfig,
    /// Render and typeset in workers within these bounds (`[build]`);
    /// without, in this process, unbounded (tests).
    pub bounds: Option<Bounds>,
}

/// One part written for upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    /// The document type to choose in the werkgeversportaal.
    pub soort: &'static str,
    /// The signing date to enter (the later of the two signatures).
    pub getekend: String,
    /// The file written.
    pub file: PathBuf,
    /// The case file it came from.
    pub source: PathBuf,
    /// True when the file is the signed copy (`NAME.getekend.pdf`), byte
    /// for byte; false when it is the PDF pva made, without signatures.
    pub signed: bool,
}

/// The outcome of `pva riv`.
#[derive(Debug, Default)]
pub struct RivReport {
    /// Everything that makes the set incomplete, and other findings.
    pub findings: Vec<Diagnostic>,
    /// The parts written for upload, in order.
    pub uploads: Vec<Upload>,
    /// The bound copy, when written.
    pub bundle: Option<PathBuf>,
    /// The documents of the arbodienst and the werknemer in the dossier, by date.
    pub received: Vec<Received>,
    /// The bedrijfsarts' actueel oordeel in the dossier, if any.
    pub oordeel: Option<toets::Oordeel>,
    /// The questions of UWV's beoordelingskader, answered.
    pub verdicts: Vec<toets::Verdict>,
    /// The folder whose previous set this run removed, since it wrote none.
    pub removed: Option<PathBuf>,
}

impl RivReport {
    /// True when the set is incomplete.
    pub fn incomplete(&self) -> bool {
        self.findings.iter().any(|d| d.severity == Severity::Error)
    }
}

/// A failure that stops `pva riv`.
#[derive(Debug, thiserror::Error)]
pub enum RivError {
    /// The folder is not a dossier.
    #[error("{} is geen dossier: er staat geen {} in", .0.display(), case::DOSSIER_FILE)]
    NotADossier(PathBuf),
    /// The templates could not be loaded or rendered.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// Typst failed on a generated source (a template problem).
    #[error("typst kon {} niet zetten (een probleem in het sjabloon): {message}", file.display())]
    Compile {
        /// The document.
        file: PathBuf,
        /// Typst's message.
        message: String,
    },
    /// Writing failed.
    #[error(transparent)]
    Fs(#[from] FsError),
    /// The run failed after removing the previous set in `out`.
    #[error("{error}\nde vorige set in {} is verwijderd: pva riv kon niet nagaan of die nog klopt met het dossier", out.display())]
    Removed {
        /// Why the run failed.
        error: Box<RivError>,
        /// The folder.
        out: PathBuf,
    },
    /// The output folder is not allowed.
    #[error("kan niet in {} schrijven: {reason}", out.display())]
    Output {
        /// The folder.
        out: PathBuf,
        /// Why.
        reason: String,
    },
}

/// Whether the re-integratieverslag of `dossier` is complete (what the
/// agenda's "re-integratieverslag compleet" shows).
pub fn is_complete(dossier: &Dossier, config: &LintConfig) -> bool {
    let Some(timeline) = Timeline::of_dossier(dossier) else {
        return false;
    };
    let case = case_of(dossier, &timeline, config);
    let oordeel = check::find_oordeel(dossier, config.today);
    !findings(&case, oordeel.as_ref(), config)
        .iter()
        .any(|d| d.severity == Severity::Error)
}

/// What `pva riv` finds missing, once the verslag is overdue although its
/// closing document is signed: lint's own table then sees the step done,
/// while the agenda (which asks [`is_complete`]) calls it verlopen; these
/// findings make `pva lint` say so too. Empty before the due day.
pub fn overdue_findings(dossier: &Dossier, config: &LintConfig) -> Vec<Diagnostic> {
    let Some(timeline) = Timeline::of_dossier(dossier) else {
        return Vec::new();
    };
    let case = case_of(dossier, &timeline, config);
    let overdue = crate::law::judge_all(&case).iter().any(|j| {
        j.step.evidence == crate::law::Evidence::Verslag
            && matches!(
                j.state,
                crate::law::State::Done(_) | crate::law::State::Late(..)
            )
            && config.today > j.due
    });
    if !overdue {
        return Vec::new();
    }
    let oordeel = check::find_oordeel(dossier, config.today);
    let mut found: Vec<Diagnostic> = config
        .apply(check::findings(&case, oordeel.as_ref()))
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    dossier.attach_sources(&mut found);
    found
}

fn case_of<'a>(dossier: &'a Dossier, timeline: &'a Timeline, config: &LintConfig) -> Case<'a> {
    Case {
        dossier,
        timeline,
        today: config.today,
        verslag: None,
    }
}

fn findings(case: &Case, oordeel: Option<&toets::Oordeel>, config: &LintConfig) -> Vec<Diagnostic> {
    let dossier = case.dossier;
    let mut out: Vec<Diagnostic> = lint::judge(dossier, config)
        .findings
        .into_iter()
        .filter(|d| d.severity == Severity::Error && d.blocks)
        .collect();
    let mut checked = config.apply(check::findings(case, oordeel));
    dossier.attach_sources(&mut checked);
    out.extend(checked);
    Diagnostic::sort(&mut out);
    out.dedup();
    out
}

/// A part of the verslag another author wrote, kept as PDF in the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Author {
    /// The bedrijfsarts's probleemanalyse or its bijstelling (RIVV art. 2 lid 2 a).
    Probleemanalyse,
    /// The bedrijfsarts's actueel oordeel (RIVV art. 2 lid 2 c).
    ActueelOordeel,
    /// The werknemer's own opinion of the verslag (RIVV art. 2 lid 2 f).
    OordeelWerknemer,
}

impl Author {
    /// Its file name in the dossier, before `-YYYY-MM-DD.pdf`; also beside the set.
    pub fn file_prefix(self) -> &'static str {
        match self {
            Author::Probleemanalyse => "probleemanalyse",
            Author::ActueelOordeel => "actueel-oordeel",
            Author::OordeelWerknemer => "oordeel-werknemer",
        }
    }

    /// Its file name beside the set, before `-YYYY-MM-DD.pdf`: whose it is.
    pub fn copy_prefix(self) -> &'static str {
        match self {
            Author::Probleemanalyse => "arbodienst-probleemanalyse",
            Author::ActueelOordeel => "arbodienst-actueel-oordeel",
            Author::OordeelWerknemer => "werknemer-oordeel",
        }
    }

    /// Its title in the bound copy and the checklist.
    pub fn title(self) -> &'static str {
        match self {
            Author::Probleemanalyse => "Probleemanalyse (arbodienst)",
            Author::ActueelOordeel => "Actueel oordeel (arbodienst)",
            Author::OordeelWerknemer => "Oordeel van de werknemer",
        }
    }
}

/// A PDF of the arbodienst or the werknemer in the dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// Whose part.
    pub what: Author,
    /// Its date (from the dossier, or its file name).
    pub day: NaiveDate,
    /// The file.
    pub path: PathBuf,
}

/// The received PDFs of `dossier`, by date: the probleemanalyses the
/// dossier records, and any `actueel-oordeel-DATE.pdf` and
/// `oordeel-werknemer-DATE.pdf` in its folder (regular files only).
fn received_in(case: &Case) -> Vec<Received> {
    let dossier = case.dossier;
    let mut out: Vec<Received> = check::arbodienst_pdfs(case)
        .into_iter()
        .map(|(day, path)| Received {
            what: Author::Probleemanalyse,
            day,
            path,
        })
        .collect();
    let entries = std::fs::read_dir(&dossier.dir)
        .into_iter()
        .flatten()
        .flatten();
    for entry in entries {
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        let name = entry.file_name().to_string_lossy().into_owned();
        for what in [Author::ActueelOordeel, Author::OordeelWerknemer] {
            let day = name
                .strip_prefix(what.file_prefix())
                .and_then(|rest| rest.strip_prefix('-'))
                .and_then(|rest| rest.strip_suffix(".pdf"))
                .and_then(case::date::parse);
            // The same checks as the arbodienst's probleemanalyse: a real
            // PDF, inside the project.
            let usable = is_file && check::unusable(&entry.path(), &dossier.bound).is_none();
            if let (true, Some(day)) = (usable, day) {
                out.push(Received {
                    what,
                    day,
                    path: entry.path(),
                });
            }
        }
    }
    out.sort_by_key(|r| (r.day, r.what));
    out
}

/// Checks the dossier and, when complete, writes the set into `config.out`;
/// otherwise removes the set an earlier run wrote there, so the folder never
/// holds a stale or mixed set (see [`set`]).
pub fn run(config: &RivConfig) -> Result<RivReport, RivError> {
    let dir = &config.dossier;
    if !dir.join(case::DOSSIER_FILE).is_file() {
        return Err(RivError::NotADossier(dir.clone()));
    }
    let inputs = std::slice::from_ref(dir);
    if let Some(reason) = crate::mirror::output_problem(&config.out, inputs, &config.root) {
        return Err(RivError::Output {
            out: config.out.clone(),
            reason,
        });
    }
    match assess(config) {
        Ok((report, files)) if !report.incomplete() => {
            // A build into a folder around this one leaves its files alone.
            let _lock = fs::lock_folder(&config.out, &|| {})?;
            set::replace(&config.out, &files)?;
            Ok(report)
        }
        Ok((mut report, _)) => {
            report.removed = remove_previous(&config.out)?;
            Ok(report)
        }
        Err(error) => match remove_previous(&config.out) {
            Ok(Some(out)) => Err(RivError::Removed {
                error: Box::new(error),
                out,
            }),
            _ => Err(error),
        },
    }
}

/// Removes the set an earlier run wrote into `out`: the folder it was in,
/// when there was one.
fn remove_previous(out: &Path) -> Result<Option<PathBuf>, FsError> {
    if !set::exists(out) {
        return Ok(None);
    }
    let _lock = fs::lock_folder(out, &|| {})?;
    Ok(set::clear(out)?.then(|| out.to_path_buf()))
}

/// Checks the dossier and, when complete, makes the set: the report and the
/// files to write (none when the set is incomplete).
fn assess(config: &RivConfig) -> Result<(RivReport, Vec<Pending>), RivError> {
    let dir = &config.dossier;
    let mut found = case::find(std::slice::from_ref(dir));
    // Another dossier of the same employee may count along (BW 7:629 lid 10).
    let periods = case::periods::Periods::of_project(&found.dossiers, &config.root);
    let files = found.dossiers.remove(dir).unwrap_or_default();
    let mut dossier = case::load(dir, &files, &config.root);
    dossier.links = periods.links(dir);
    let Some(timeline) = Timeline::of_dossier(&dossier) else {
        let finding = Diagnostic::in_file(
            &rules::RIV_INCOMPLETE,
            &dossier.file(),
            "het dossier heeft geen eerste ziektedag (verzuim.eerste_ziektedag)",
        )
        .hint("vul verzuim.eerste_ziektedag in dossier.yaml in");
        let report = RivReport {
            findings: vec![finding],
            ..RivReport::default()
        };
        return Ok((report, Vec::new()));
    };
    let case = case_of(&dossier, &timeline, &config.lint);
    let oordeel = check::find_oordeel(&dossier, config.lint.today);
    let mut report = RivReport {
        findings: findings(&case, oordeel.as_ref(), &config.lint),
        received: received_in(&case),
        verdicts: toets::verdicts(&case, oordeel.as_ref()),
        oordeel,
        ..RivReport::default()
    };
    let mut unsigned = config.lint.apply(only_unsigned(&case));
    dossier.attach_sources(&mut unsigned);
    report.findings.extend(unsigned);
    if report.incomplete() {
        return Ok((report, Vec::new()));
    }
    let files = make_set(&dossier, &timeline, config, &mut report)?;
    Ok((report, files))
}

/// The parts that exist only unsigned: both signed by the dates, but no
/// signed copy beside them, so the set would hold the PDF pva made, without
/// signatures (PVA044, which a team that keeps the signed originals
/// elsewhere switches off). A part not signed by both is PVA059 already.
fn only_unsigned(case: &Case) -> Vec<Diagnostic> {
    parts(case.dossier)
        .into_iter()
        .filter(|(doc, _, day)| case.counts(*day) && matches!(signing::Signing::of(case, doc), signing::Signing::DatesOnly(_)))
        .map(|(doc, kind, _)| {
            let copy = case::signed_copy::path_of(&doc.path);
            Diagnostic::new(
                &rules::SIGNED_COPY_MISSING,
                &doc.anchor(case::paths::ONDERTEKENING),
                format!(
                    "{} staat alleen ongetekend in het dossier: de set voor UWV krijgt de PDF die pva maakte, zonder handtekeningen",
                    kind.title()
                ),
            )
            .hint(format!(
                "sla de getekende versie (de scan of de elektronisch getekende PDF) op als {}; pva zet die dan ongewijzigd in de set en bindt haar in de kopie voor de werknemer",
                crate::report::display(&copy)
            ))
        })
        .collect()
}

/// The parts in the order of the verslag: by date, the plan first on a day.
fn parts(dossier: &Dossier) -> Vec<(&Document, DocKind, NaiveDate)> {
    let mut parts: Vec<_> = dossier
        .documents
        .iter()
        .filter_map(|d| Some((d, d.kind?, d.date()?)))
        .collect();
    parts.sort_by_key(|(d, kind, day)| (*day, *kind, d.path.clone()));
    parts
}

/// Makes every part and the bound copy: the files of the set, to be written
/// together. A part or copy that cannot be made within the bounds (a
/// project's own template that loops) is a finding, and then there are no
/// files: a set in the folder is always a whole one.
fn make_set(
    dossier: &Dossier,
    timeline: &Timeline,
    config: &RivConfig,
    report: &mut RivReport,
) -> Result<Vec<Pending>, RivError> {
    let templates = Templates::load(Some(&config.root.join("templates")))?;
    let typesetter = Typesetter::new(&templates, config.bounds.as_ref());
    let mut bundle_assets = templates.assets();
    let mut failed = Vec::new();
    let (received, mut files) = received(
        &report.received,
        &config.out,
        &typesetter,
        (&mut bundle_assets, &mut failed),
    )?;
    let mut uploads = Vec::new();
    let mut bundle_parts = Vec::new();
    for (i, (doc, kind, day)) in parts(dossier).into_iter().enumerate() {
        let name = format!("{:02}-{}-{day}.pdf", i + 1, kind.key());
        let file = config.out.join(&name);
        // The signed copy is the record: UWV gets it as it is. Lint refused
        // one that is not a PDF, too large or of another version (PVA045).
        let copy = case::signed_copy::path_of(&doc.path);
        let status = case::signed_copy::status(doc);
        let signed = status.usable();
        let made = if signed {
            typesetter
                .source(doc, kind)
                .and_then(|source| Ok((fs::read(&copy)?, source)))
        } else {
            // As `pva build` makes it (the same /ID and keywords: its
            // fingerprint, source and line hashes), so `pva verify` reads it.
            let ident = crate::mirror::source_name(
                &config.root,
                std::slice::from_ref(&config.dossier),
                &doc.path,
            )
            .to_string_lossy()
            .replace('\\', "/");
            let keywords = case::fingerprint::keywords(doc, &ident);
            typesetter.make(doc, kind, day, (&ident, &keywords))
        };
        let (pdf, source) = match made {
            Ok(made) => made,
            Err(Made::Failed(why)) => {
                failed.push(part_failed(doc, kind, &why));
                continue;
            }
            Err(Made::Stop(error)) => return Err(error),
        };
        if pdf.len() > MAX_UPLOAD_BYTES {
            report.findings.push(
                Diagnostic::in_file(
                    &rules::RIV_INCOMPLETE,
                    &doc.path,
                    format!(
                        "de PDF is groter dan 10 MB ({:.1} MB), de grens van UWV per document",
                        pdf.len() as f64 / 1e6
                    ),
                )
                .hint("verklein afbeeldingen in de tekst of verdeel het document"),
            );
        }
        uploads.push(Upload {
            soort: upload_type(kind),
            getekend: signed_on(doc),
            file: file.clone(),
            source: doc.path.clone(),
            signed,
        });
        let version = if signed {
            let pages = typesetter.pages(&pdf, &copy, &mut failed);
            bound_signed(pages, &copy, &status, i, &mut bundle_assets)
        } else {
            bundle::Version::Unsigned {
                dates: signature_dates(doc),
            }
        };
        files.push((file, pdf));
        bundle_parts.push(bundle::Part {
            title: format!("{}, {}", kind.title(), case::date::short(day)),
            kind: kind.title(),
            day,
            source,
            version,
        });
    }
    dossier.attach_sources(&mut failed);
    report.findings.extend(failed);
    if report.incomplete() {
        return Ok(Vec::new());
    }
    let source = bundle::source(
        dossier,
        timeline,
        &bundle_parts,
        &received,
        config.lint.today,
    );
    let pdf = match typesetter.bundle(&bundle_assets, source, config.lint.today) {
        Ok(pdf) => pdf,
        Err(Made::Failed(why)) => {
            let mut failed = [bundle_failed(dossier, &why)];
            dossier.attach_sources(&mut failed);
            report.findings.extend(failed);
            return Ok(Vec::new());
        }
        Err(Made::Stop(error)) => return Err(error),
    };
    let file = config.out.join(BUNDLE_FILE);
    files.push((file.clone(), pdf));
    report.uploads = uploads;
    report.bundle = Some(file);
    Ok(files)
}

/// The finding about a part that could not be made within the bounds.
fn part_failed(doc: &Document, kind: DocKind, why: &str) -> Diagnostic {
    Diagnostic::in_file(
        &rules::RIV_INCOMPLETE,
        &doc.path,
        format!(
            "dit onderdeel ({}, sjabloon {}) kon niet gemaakt worden: {why}",
            kind.title(),
            render::template_name(kind)
        ),
    )
    .hint("pva riv heeft niets geschreven: de set is pas compleet als elk onderdeel gemaakt kan worden")
}

/// The finding about a bound copy that could not be made within the bounds.
fn bundle_failed(dossier: &Dossier, why: &str) -> Diagnostic {
    Diagnostic::in_file(
        &rules::RIV_INCOMPLETE,
        &dossier.file(),
        format!("de gebundelde kopie voor de werknemer ({BUNDLE_FILE}, met de Typst-bron van elk onderdeel) kon niet gemaakt worden: {why}"),
    )
    .hint("pva riv heeft niets geschreven: de set is pas compleet als ook de kopie voor de werknemer gemaakt kan worden")
}

/// Why a part or the bound copy has no PDF.
enum Made {
    /// Over a bound of `[build]`: a finding; the other parts are still
    /// made, and nothing is written.
    Failed(String),
    /// A template or typst error, which stops `pva riv` as before.
    Stop(RivError),
}

impl From<FsError> for Made {
    fn from(error: FsError) -> Made {
        Made::Stop(error.into())
    }
}

/// Where `pva riv` renders templates and typesets: in workers within the
/// bounds of `[build]` (a project's own template is code that may never
/// end), or, without bounds (no path to pva itself), in this process.
struct Typesetter<'a> {
    templates: &'a Templates,
    bounds: Option<&'a Bounds>,
    pool: Option<Pool>,
    engine: std::cell::OnceCell<Engine>,
}

impl<'a> Typesetter<'a> {
    fn new(templates: &'a Templates, bounds: Option<&'a Bounds>) -> Typesetter<'a> {
        Typesetter {
            templates,
            bounds,
            pool: bounds.map(|b| Pool::new(b.clone(), templates)),
            engine: std::cell::OnceCell::new(),
        }
    }

    /// The Typst source of `doc`.
    fn source(&self, doc: &Document, kind: DocKind) -> Result<String, Made> {
        let prepared = render::prepare(doc, kind, false, &[]);
        match &self.pool {
            Some(pool) => pool.render(&prepared).map_err(|e| made(e, &doc.path)),
            None => Ok(prepared
                .render(self.templates)
                .map_err(RivError::from)
                .map_err(Made::Stop)?),
        }
    }

    /// The PDF of `doc`, dated `day`, and its Typst source.
    fn make(
        &self,
        doc: &Document,
        kind: DocKind,
        day: NaiveDate,
        (ident, keywords): (&str, &[String]),
    ) -> Result<(Vec<u8>, String), Made> {
        let date = crate::pipeline::to_datetime(day);
        if let Some(pool) = &self.pool {
            let prepared = render::prepare(doc, kind, false, &[]);
            return pool
                .make(&prepared, date, ident, keywords)
                .map(|(pdf, source)| (pdf.bytes, source))
                .map_err(|e| made(e, &doc.path));
        }
        let source = self.source(doc, kind)?;
        let engine = self
            .engine
            .get_or_init(|| Engine::new(&self.templates.assets()));
        let pdf = compile::compile(engine, source.clone(), date, ident, keywords)
            .map_err(|e| made(Bounded::Compile(e), &doc.path))?;
        Ok((pdf.bytes, source))
    }

    /// The pages of `pdf` (the file `path`) as PNG images for the bound
    /// copy: in a worker within the bounds, when there are bounds (a scan
    /// the user put in the dossier may be broken or hostile). `None` when
    /// the PDF cannot be read, or when over a bound, then with a finding in
    /// `failed`.
    fn pages(&self, pdf: &[u8], path: &Path, failed: &mut Vec<Diagnostic>) -> Option<Vec<Vec<u8>>> {
        let Some(pool) = &self.pool else {
            return compile::pdf_pages_as_png(pdf);
        };
        pool.pages(pdf)
            .map_err(|error| failed.push(pages_failed(path, &error)))
            .ok()
            .flatten()
    }

    /// The bound copy: `source` with `assets` (the templates' and the
    /// pages of signed copies and received PDFs), dated `today`.
    fn bundle(
        &self,
        assets: &std::collections::BTreeMap<String, Vec<u8>>,
        source: String,
        today: NaiveDate,
    ) -> Result<Vec<u8>, Made> {
        let date = crate::pipeline::to_datetime(today);
        let file = PathBuf::from(BUNDLE_FILE);
        let pdf = match self.bounds {
            Some(bounds) => Pool::with_files(bounds.clone(), assets)
                .compile(&source, date, BUNDLE_FILE, &[])
                .map_err(|e| made(e, &file))?,
            None => compile::compile(&Engine::new(assets), source, date, BUNDLE_FILE, &[])
                .map_err(|e| made(Bounded::Compile(e), &file))?,
        };
        Ok(pdf.bytes)
    }
}

/// The finding about a PDF whose pages could not be rendered within the
/// bounds (a broken or hostile scan): the bound copy would lack them.
fn pages_failed(pdf: &Path, error: &Bounded) -> Diagnostic {
    let why = match error {
        Bounded::TooSlow { seconds } => {
            format!("het lezen duurde langer dan {seconds} s en is afgebroken")
        }
        Bounded::TooBig { memory_mb } => {
            format!("het lezen gebruikte meer dan {memory_mb} MB geheugen en is afgebroken")
        }
        Bounded::Crashed(why) => format!("het lezen liep vast ({why})"),
        Bounded::Template { message, .. } => message.clone(),
        Bounded::Compile(e) => e.to_string(),
    };
    Diagnostic::in_file(
        &rules::RIV_INCOMPLETE,
        pdf,
        format!("de pagina's van deze PDF konden niet in de gebundelde kopie voor de werknemer gezet worden: {why}"),
    )
    .hint("vervang de PDF door een nieuwe scan of een eenvoudiger PDF (bijvoorbeeld opnieuw opgeslagen als PDF/A), of verhoog `max_seconds` (of `max_memory_mb`) onder [build] in pva.toml als de PDF echt zo lang nodig heeft; pva riv heeft niets geschreven")
}

/// A worker's failure for `file`: over a bound, a finding; otherwise the
/// error that stops `pva riv`.
fn made(error: Bounded, file: &Path) -> Made {
    match error {
        Bounded::Template { name, message } => {
            Made::Stop(TemplateError::Tera { name, message }.into())
        }
        Bounded::Compile(e) => Made::Stop(RivError::Compile {
            file: file.to_path_buf(),
            message: e.to_string(),
        }),
        over => Made::Failed(crate::pipeline::Failure::from(over).to_string()),
    }
}

/// The signed copy `copy` of the `i`th part, its `pages` rendered as
/// assets of the bundle's world, as the bound copy shows it.
fn bound_signed(
    pages: Option<Vec<Vec<u8>>>,
    copy: &Path,
    status: &case::signed_copy::Status,
    i: usize,
    assets: &mut std::collections::BTreeMap<String, Vec<u8>>,
) -> bundle::Version {
    let file = copy
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(pages) = pages else {
        return bundle::Version::SignedNotBound { file };
    };
    let pages = pages
        .into_iter()
        .enumerate()
        .map(|(p, png)| {
            let name = format!("getekend-{}-{}.png", i + 1, p + 1);
            assets.insert(name.clone(), png);
            name
        })
        .collect();
    let fingerprint = match status {
        case::signed_copy::Status::Matches { fingerprint } => Some(fingerprint.clone()),
        _ => None,
    };
    bundle::Version::Signed {
        file,
        pages,
        fingerprint,
    }
}

/// Both signature dates as printed ("17-10-2024 en 18-10-2024", or one
/// date when they are the same day), when both are there.
fn signature_dates(doc: &Document) -> Option<String> {
    let [Some(werknemer), Some(werkgever)] = case::fingerprint::signature_dates(doc) else {
        return None;
    };
    Some(if werknemer == werkgever {
        case::date::short(werknemer)
    } else {
        format!(
            "{} en {}",
            case::date::short(werknemer.min(werkgever)),
            case::date::short(werknemer.max(werkgever))
        )
    })
}

/// A file of the set and its bytes, written once the whole set is made.
type Pending = (PathBuf, Vec<u8>);

/// The PDFs of the arbodienst and the werknemer, to be copied beside the
/// bundle unchanged (the files and their bytes, written with the set);
/// their pages, rendered, become assets of the bundle's world.
fn received(
    files: &[Received],
    out: &Path,
    typesetter: &Typesetter,
    (assets, failed): (
        &mut std::collections::BTreeMap<String, Vec<u8>>,
        &mut Vec<Diagnostic>,
    ),
) -> Result<(Vec<bundle::Received>, Vec<Pending>), RivError> {
    let mut bound = Vec::new();
    let mut copies = Vec::new();
    for (i, item) in files.iter().enumerate() {
        let file = format!("{}-{}.pdf", item.what.copy_prefix(), item.day);
        let bytes = fs::read(&item.path)?;
        let pages = typesetter.pages(&bytes, &item.path, failed).map(|pages| {
            pages
                .into_iter()
                .enumerate()
                .map(|(p, png)| {
                    let name = format!("bijlage-{}-{}.png", i + 1, p + 1);
                    assets.insert(name.clone(), png);
                    name
                })
                .collect()
        });
        copies.push((out.join(&file), bytes));
        bound.push(bundle::Received {
            title: item.what.title().to_string(),
            day: item.day,
            file,
            pages,
        });
    }
    Ok((bound, copies))
}

/// The document type to choose per upload in UWV's werkgeversportaal.
pub fn upload_type(kind: DocKind) -> &'static str {
    kind.form().upload
}

/// The date UWV asks per upload: the day the last party signed.
fn signed_on(doc: &Document) -> String {
    let days: Vec<NaiveDate> = Party::BOTH
        .iter()
        .filter_map(|who| doc.get(who.signature().datum)?.as_date())
        .collect();
    days.into_iter()
        .max()
        .map(case::date::short)
        .unwrap_or_default()
}

/// The verdict per question of UWV's beoordelingskader, as printed.
pub fn verdicts_text(report: &RivReport) -> String {
    let mut out = String::from("Toets van UWV (beoordelingskader poortwachter), per vraag:\n");
    for v in &report.verdicts {
        let mut line = format!("  {:<18} {} {}", v.antwoord.label(), v.vraag, v.toelichting);
        // Three places say where to look; `--format json` lists them all.
        let mut places: Vec<String> = v.bewijs.iter().take(3).map(toets::Place::display).collect();
        if v.bewijs.len() > 3 {
            places.push(format!("en {} meer", v.bewijs.len() - 3));
        }
        if !places.is_empty() {
            line.push_str(&format!(" ({})", places.join(", ")));
        }
        out.push_str(line.trim_end());
        out.push('\n');
        // Under it, how each part it rests on is signed.
        for part in &v.ondertekening {
            out.push_str(&format!("{:<21}{}\n", "", part.describe()));
        }
    }
    out
}

/// The checklist printed after `pva riv`: what to upload, as which type,
/// with which date; the arbodienst's documents; or why nothing was written.
pub fn checklist(report: &RivReport) -> String {
    if report.incomplete() {
        let mut out = "het re-integratieverslag is nog niet compleet: er is niets geschreven; los de fouten hierboven op".to_string();
        if let Some(folder) = &report.removed {
            out.push_str(&format!(
                "\nde vorige set in {} is verwijderd, omdat die niet meer klopt met het dossier; upload niets daaruit tot pva riv weer een complete set schrijft",
                crate::report::display(folder)
            ));
        }
        return out;
    }
    let mut out = String::from(
        "Upload in het werkgeversportaal van UWV, per document (soort · datum van ondertekening · bestand):\n",
    );
    for upload in &report.uploads {
        let which = if upload.signed {
            "getekende kopie"
        } else {
            "zonder handtekeningen"
        };
        out.push_str(&format!(
            "  {} · {} · {} ({which})\n",
            upload.soort,
            upload.getekend,
            crate::report::display(&upload.file)
        ));
    }
    out.push_str("Van de arbodienst en de werknemer (ingebonden in de gebundelde kopie):\n");
    if report.received.is_empty() {
        out.push_str("  geen\n");
    }
    for item in &report.received {
        out.push_str(&format!(
            "  {} {} · {}\n",
            item.what.title(),
            case::date::short(item.day),
            crate::report::display(&item.path)
        ));
    }
    if let Some(bundle) = &report.bundle {
        out.push_str(&format!(
            "Kopie voor de werknemer (alle onderdelen, gebundeld): {}",
            crate::report::display(bundle)
        ));
    }
    out
}

/// `pva riv --format json`: whether the set is complete, the verdict per
/// question with its evidence, the findings and what was written.
pub fn json(report: &RivReport, _root: &Path) -> serde_json::Value {
    let verdicts: Vec<serde_json::Value> = report
        .verdicts
        .iter()
        .map(|v| {
            serde_json::json!({
                "vraag": v.key,
                "tekst": v.vraag,
                "antwoord": v.antwoord,
                "toelichting": v.toelichting,
                "bewijs": v.bewijs.iter().map(toets::Place::display).collect::<Vec<_>>(),
                "ondertekening": v.ondertekening.iter().map(|p| serde_json::json!({
                    "document": crate::report::display(&p.document),
                    "regel": p.line,
                    "status": p.signing.key(),
                    "getekende_kopie": p.signing.signed_copy().then(|| crate::report::display(&p.kopie)),
                    "toelichting": p.describe(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let uploads: Vec<serde_json::Value> = report
        .uploads
        .iter()
        .map(|u| {
            serde_json::json!({
                "soort": u.soort,
                "getekend": u.getekend,
                "bestand": crate::report::display(&u.file),
                "bron": crate::report::display(&u.source),
                "getekende_kopie": u.signed,
            })
        })
        .collect();
    serde_json::json!({
        "compleet": !report.incomplete(),
        "oordelen": verdicts,
        "bevindingen": report.findings,
        "uploads": uploads,
        "kopie_werknemer": report.bundle.as_deref().map(crate::report::display),
        "vorige_set_verwijderd": report.removed.as_deref().map(crate::report::display),
    })
}
