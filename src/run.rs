//! Running a parsed command line: the one place that decides exit codes.

mod build;
mod error;
mod project;
mod watch;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use codespan_reporting::term::termcolor::{self, StandardStream, WriteColor};

use crate::agenda::{self, Deadline};
use crate::case::DocKind;
use crate::cli::{self, AgendaArgs, CheckArgs, Cli, Command, LintArgs, NewArgs, TemplatesCommand};
use crate::diag::{Diagnostic, Severity};
use crate::lint::LintConfig;
use crate::pipeline;
use crate::render::Templates;
use crate::report::{self, Format};
use crate::rules;
use crate::scaffold::{self, Outcome};
use crate::shard::Shard;
pub(crate) use error::RunError;

/// Exit code: everything fine.
pub const OK: u8 = 0;
/// Exit code: findings with errors, or a document failed.
pub const FAILED: u8 = 1;
/// Exit code: usage or I/O problem.
pub const USAGE: u8 = 2;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Nothing to report, or only what `--deny` lets pass.
    Ok,
    /// Findings with errors, a document that failed, an incomplete
    /// re-integratieverslag, or nothing found to do.
    Failed,
}

impl Status {
    fn exit_code(self) -> u8 {
        match self {
            Status::Ok => OK,
            Status::Failed => FAILED,
        }
    }

    fn failed_if(failed: bool) -> Status {
        if failed { Status::Failed } else { Status::Ok }
    }
}

/// Runs `cli` and returns the process exit code.
pub fn run(mut cli: Cli) -> ExitCode {
    let mut out = StandardStream::stdout(color(cli.color, atty_stdout()));
    let mut err = StandardStream::stderr(color(cli.color, atty_stderr()));
    let code = match enter_project(&mut cli).and_then(|()| dispatch(&cli, &mut out, &mut err)) {
        Ok(status) => status.exit_code(),
        Err(error) => {
            let _ = writeln!(err, "fout: {error}");
            error.exit_code()
        }
    };
    ExitCode::from(code)
}

/// For a command that works in a project: moves into the project's root
/// (see `project`), takes the typed paths along and shows paths from the
/// user's folder.
fn enter_project(cli: &mut Cli) -> Result<(), RunError> {
    if !project::needs_project(&cli.command) {
        return Ok(());
    }
    let within = project::enter()?;
    project::rebase(cli, &within);
    report::set_display_base(&within);
    Ok(())
}

fn dispatch(
    cli: &Cli,
    out: &mut StandardStream,
    err: &mut StandardStream,
) -> Result<Status, RunError> {
    match &cli.command {
        Command::Build(args) => build::build(cli, args, err),
        Command::Lint(args) => lint(args, out, err),
        Command::Templates(TemplatesCommand::Export { dir }) => export(dir, err, cli.quiet),
        Command::Init { dir, ci } => init(dir, *ci, err, cli.quiet),
        Command::Watch(args) => watch::watch(cli, args, err),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "pva", out);
            Ok(Status::Ok)
        }
        Command::Schema { document } => schema(*document, out),
        Command::Fields { key } => fields(key.as_deref(), out),
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command).render(out)?;
            Ok(Status::Ok)
        }
        Command::New(args) => new(args, err),
        Command::Verify { target, paths } => verify(target, paths, out),
        Command::Freeze {
            paths,
            accept_layout,
        } => freeze(paths, *accept_layout, err),
        Command::Riv(args) => riv(args, out, err),
        Command::Agenda(args) => agenda(args, out, err),
        Command::Lsp(args) => lsp(args),
        Command::CompileWorker { memory_mb } => {
            crate::compile::serve_worker(*memory_mb)?;
            Ok(Status::Ok)
        }
    }
}

fn lsp(args: &cli::LspArgs) -> Result<Status, RunError> {
    let today = match &args.today {
        Some(_) => crate::lsp::Today::Fixed(parse_day(args.today.as_deref(), "--today")?),
        None => crate::lsp::Today::Clock(clock_today),
    };
    crate::lsp::run(today)?;
    Ok(Status::Ok)
}

fn lint(
    args: &LintArgs,
    out: &mut StandardStream,
    err: &mut StandardStream,
) -> Result<Status, RunError> {
    if let Some(code) = &args.explain {
        return explain(code, out);
    }
    let root = project_root()?;
    let config = lint_config(&args.check, &root)?;
    let bounds = build::bounds(&root)?;
    let diagnostics = pipeline::lint_all(
        &args.paths,
        &root,
        &config,
        shard(&args.check)?,
        bounds.as_ref(),
    )?;
    write_findings(out, args.format, &diagnostics, &root)?;
    if args.format == cli::Format::Human {
        summary(out, &diagnostics)?;
    }
    job_summary(
        &crate::ci::Run {
            command: "lint",
            paths: &args.paths,
            root: &root,
            today: config.today,
            diagnostics: &diagnostics,
            built: None,
        },
        err,
    );
    Ok(findings_status(&diagnostics, args.check.deny.is_some()))
}

fn write_findings(
    out: &mut dyn WriteColor,
    format: cli::Format,
    diagnostics: &[Diagnostic],
    root: &Path,
) -> std::io::Result<()> {
    let format = match format {
        cli::Format::Human => Format::Human,
        cli::Format::Json => Format::Json,
        cli::Format::Github => {
            let repository = crate::ci::repository_root(root);
            return report::github(out, diagnostics, &repository);
        }
        cli::Format::Short => Format::Short,
        cli::Format::Gitlab => {
            let repository = crate::ci::repository_root(root);
            return report::gitlab::write(out, diagnostics, &repository);
        }
    };
    report::write(out, diagnostics, format)
}

/// Adds the run to GitHub's job summary when running there. A summary that
/// cannot be written is reported but changes no exit code: the findings
/// were printed and decide it.
fn job_summary(run: &crate::ci::Run<'_>, err: &mut dyn WriteColor) {
    let Some(file) = crate::ci::step_summary_file() else {
        return;
    };
    if let Err(e) = crate::ci::append_summary(&file, run) {
        let _ = writeln!(
            err,
            "waarschuwing: geen samenvatting voor de job (GITHUB_STEP_SUMMARY): {e}"
        );
    }
}

/// Prints the key reference (`docs/case-format.md` holds the same table),
/// or the rows of `key` and the keys below it.
fn fields(key: Option<&str>, out: &mut StandardStream) -> Result<Status, RunError> {
    let table = crate::case::schema::reference_markdown();
    let mut lines = table.lines();
    let head: Vec<&str> = lines.by_ref().take(2).collect();
    let rows: Vec<&str> = lines
        .filter(|row| key.is_none_or(|key| row_is_below(row, key)))
        .collect();
    if rows.is_empty() {
        writeln!(
            out,
            "geen veld `{}`; `pva fields` toont ze allemaal",
            key.unwrap_or_default()
        )?;
        return Ok(Status::Failed);
    }
    for line in head.into_iter().chain(rows) {
        writeln!(out, "{line}")?;
    }
    Ok(Status::Ok)
}

/// Whether a row of the key reference is `key` or a key below it.
fn row_is_below(row: &str, key: &str) -> bool {
    let Some(path) = row.strip_prefix("| `").and_then(|r| r.split('`').next()) else {
        return false;
    };
    path == key || path.starts_with(&format!("{key}.")) || path.starts_with(&format!("{key}[]"))
}

/// Prints the JSON Schema of the shared files or of a document's front matter.
fn schema(document: bool, out: &mut StandardStream) -> Result<Status, RunError> {
    let schema = if document {
        crate::json_schema::document()
    } else {
        crate::json_schema::shared()
    };
    out.write_all(crate::json_schema::to_text(&schema).as_bytes())?;
    Ok(Status::Ok)
}

fn explain(code: &str, out: &mut StandardStream) -> Result<Status, RunError> {
    let rule = rules::find(code).ok_or_else(|| RunError::UnknownRule {
        code: code.to_string(),
        first: rules::ALL[0].code,
        last: rules::ALL[rules::ALL.len() - 1].code,
    })?;
    out.write_all(rules::explanation(rule).as_bytes())?;
    Ok(Status::Ok)
}

fn export(dir: &Path, err: &mut StandardStream, quiet: bool) -> Result<Status, RunError> {
    let templates = Templates::load(None)?;
    for (name, bytes) in templates.files() {
        let path = dir.join(name);
        if path.exists() {
            let _ = writeln!(err, "behouden: {} (bestaat al)", report::display(&path));
            continue;
        }
        crate::fs::write_atomic(&path, bytes)?;
        if !quiet {
            let _ = writeln!(err, "geschreven: {}", report::display(&path));
        }
    }
    Ok(Status::Ok)
}

fn init(
    dir: &Path,
    ci: cli::Ci,
    err: &mut StandardStream,
    quiet: bool,
) -> Result<Status, RunError> {
    let ci = match ci {
        cli::Ci::Github => crate::ci::System::Github,
        cli::Ci::Gitlab => crate::ci::System::Gitlab,
    };
    // Decided before writing: whether the repository had its own CI file.
    let destination = ci.destination(dir);
    for outcome in scaffold::init(dir, ci)? {
        let line = match outcome {
            Outcome::Wrote(path) => format!("geschreven: {}", report::display(&path)),
            Outcome::Kept(path) => format!("behouden: {} (bestaat al)", report::display(&path)),
        };
        if !quiet {
            let _ = writeln!(err, "{line}");
        }
    }
    if !quiet {
        if let Some(note) = &destination.note {
            let _ = writeln!(err, "{note}");
        }
        let _ = writeln!(
            err,
            "volgende stap: cd {} && pva new dossier cases/NAAM --date EERSTE-ZIEKTEDAG\n\
             cases/voorbeeld is verzonnen, om van te leren: verwijder het met `rm -r cases/voorbeeld` zodra uw eigen dossier er staat",
            report::display(dir)
        );
    }
    Ok(Status::Ok)
}

fn new(args: &NewArgs, err: &mut StandardStream) -> Result<Status, RunError> {
    let day = parse_day(args.date.as_deref(), "--date")?;
    let kind = match args.kind {
        cli::NewKind::Dossier => return new_dossier(&args.dossier, day, err),
        cli::NewKind::Plan => DocKind::Plan,
        cli::NewKind::Bijstelling => DocKind::Bijstelling,
        cli::NewKind::Evaluatieverslag => DocKind::Evaluatie,
        cli::NewKind::Eerstejaarsevaluatie => DocKind::Eerstejaars,
        cli::NewKind::Eindevaluatie => DocKind::Eind,
        cli::NewKind::VerkortReintegratieverslag => DocKind::Verkort,
    };
    let path = scaffold::new_document(&args.dossier, kind, day, &project_root()?)?;
    let _ = writeln!(
        err,
        "geschreven: {}. Vul de lege velden in en beantwoord de vragen onder de kopjes; controleer dan met `pva lint`. `pva build --draft {}` maakt een CONCEPT om op papier af te maken.",
        report::display(&path),
        report::display(&args.dossier)
    );
    Ok(Status::Ok)
}

fn new_dossier(
    dir: &Path,
    first_day: NaiveDate,
    err: &mut StandardStream,
) -> Result<Status, RunError> {
    let path = scaffold::new_dossier(dir, first_day)?;
    let _ = writeln!(
        err,
        "geschreven: {}. Vul de werknemer en de probleemanalyse in; `pva lint` zegt wat nog ontbreekt en `pva agenda` toont de termijnen.",
        report::display(&path)
    );
    Ok(Status::Ok)
}

fn riv(
    args: &cli::RivArgs,
    out: &mut StandardStream,
    err: &mut StandardStream,
) -> Result<Status, RunError> {
    let root = project_root()?;
    let lint = lint_config(&today_only(args.today.clone()), &root)?;
    let name = args
        .dossier
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_default();
    let config = crate::riv::RivConfig {
        dossier: args.dossier.clone(),
        out: args
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from(project::OUTPUT).join("riv").join(name)),
        bounds: build::bounds(&root)?,
        root: root.clone(),
        lint,
    };
    let report = crate::riv::run(&config)?;
    if args.format == cli::AgendaFormat::Json {
        let json = crate::riv::json(&report, &root);
        out.write_all((serde_json::to_string_pretty(&json)? + "\n").as_bytes())?;
        return Ok(Status::failed_if(report.incomplete()));
    }
    write_findings(out, cli::Format::Human, &report.findings, &root)?;
    let _ = write!(err, "{}", crate::riv::verdicts_text(&report));
    let _ = writeln!(err, "{}", crate::riv::checklist(&report));
    Ok(Status::failed_if(report.incomplete()))
}

fn freeze(
    paths: &[PathBuf],
    accept_layout: bool,
    err: &mut StandardStream,
) -> Result<Status, RunError> {
    let root = project_root()?;
    let bounds = build::bounds(&root)?;
    let outcome = crate::freeze::run(paths, &root, accept_layout, bounds.as_ref())?;
    for (path, what) in &outcome.frozen {
        let _ = writeln!(err, "vastgelegd: {}: {what}", report::display(path));
    }
    for (path, why) in &outcome.skipped {
        let _ = writeln!(err, "niet vastgelegd: {}: {why}", report::display(path));
    }
    if outcome.frozen.is_empty() && outcome.skipped.is_empty() {
        let _ = writeln!(err, "geen documenten gevonden onder de opgegeven paden");
        return Ok(Status::Failed);
    }
    Ok(Status::failed_if(outcome.failed))
}

fn verify(target: &str, paths: &[PathBuf], out: &mut StandardStream) -> Result<Status, RunError> {
    let root = project_root()?;
    let outcome = crate::verify::run(target, paths, &root)?;
    let (text, matched) = crate::verify::describe(&outcome, report::display);
    out.write_all(text.as_bytes())?;
    Ok(Status::failed_if(!matched))
}

fn agenda(
    args: &AgendaArgs,
    out: &mut StandardStream,
    err: &mut StandardStream,
) -> Result<Status, RunError> {
    let root = project_root()?;
    let config = lint_config(&today_only(args.today.clone()), &root)?;
    let mut found = crate::case::find(&args.paths);
    found.set_examples_aside();
    // Only the examples left out: the agenda reports no findings.
    for aside in found
        .diagnostics
        .iter()
        .filter(|d| d.code == crate::rules::EXAMPLE_ASIDE.code)
    {
        let _ = writeln!(err, "let op: {}", aside.message);
    }
    let periods = crate::case::periods::Periods::of_project(&found.dossiers, &root);
    let mut all: Vec<Deadline> = found
        .dossiers
        .iter()
        .flat_map(|(dir, files)| {
            let mut dossier = crate::case::load(dir, files, &root);
            dossier.links = periods.links(dir);
            agenda::deadlines(&dossier, &config)
        })
        .collect();
    all.sort_by(|a, b| (a.datum, &a.dossier, &a.key).cmp(&(b.datum, &b.dossier, &b.key)));
    if let Some(path) = &args.ics {
        crate::fs::write_atomic(path, agenda::ics(&all, config.today).as_bytes())?;
    }
    let text = match args.format {
        cli::AgendaFormat::Json => serde_json::to_string_pretty(&all)? + "\n",
        cli::AgendaFormat::Human => all.iter().map(agenda_line).collect(),
    };
    out.write_all(text.as_bytes())?;
    Ok(Status::Ok)
}

fn agenda_line(d: &Deadline) -> String {
    format!(
        "{}  {:<15}  {:<20}  {}  ({})\n",
        crate::case::date::short(d.datum),
        d.status.label(),
        d.werknemer,
        d.wat,
        d.dossier
    )
}

/// The check options of a command that has only `--today`.
fn today_only(today: Option<String>) -> CheckArgs {
    CheckArgs {
        today,
        deny: None,
        shard: None,
    }
}

/// The `--shard` of `args`, checked.
fn shard(args: &CheckArgs) -> Result<Option<Shard>, RunError> {
    args.shard
        .as_deref()
        .map(Shard::parse)
        .transpose()
        .map_err(RunError::Shard)
}

fn parse_day(text: Option<&str>, flag: &'static str) -> Result<NaiveDate, RunError> {
    match text {
        Some(text) => crate::case::date::parse(text).ok_or_else(|| RunError::Date {
            flag,
            text: text.to_string(),
        }),
        None => Ok(clock_today()),
    }
}

fn summary(out: &mut StandardStream, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let line = if diagnostics.is_empty() {
        "geen bevindingen".to_string()
    } else {
        format!(
            "{errors} fout(en), {warnings} waarschuwing(en), {} melding(en)",
            count(Severity::Info)
        )
    };
    writeln!(out, "{line}")
}

/// Failed when a finding is an error, or a warning under `--deny warnings`.
fn findings_status(diagnostics: &[Diagnostic], deny_warnings: bool) -> Status {
    Status::failed_if(diagnostics.iter().any(|d| {
        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
    }))
}

fn lint_config(args: &CheckArgs, root: &Path) -> Result<LintConfig, RunError> {
    let today = parse_day(args.today.as_deref(), "--today")?;
    let mut config = LintConfig::new(today);
    config.severities = crate::config::severities(root)?;
    Ok(config)
}

/// The real date: the only place pva reads the clock.
#[allow(clippy::disallowed_methods)]
fn clock_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The time of day, for `pva watch`'s rule between rounds: shown to the
/// user only, never judged with nor written into a file.
#[allow(clippy::disallowed_methods)]
fn clock_time() -> String {
    chrono::Local::now().format("%H:%M:%S").to_string()
}

fn project_root() -> Result<PathBuf, RunError> {
    std::env::current_dir().map_err(RunError::CurrentDir)
}

fn color(choice: cli::ColorChoice, tty: bool) -> termcolor::ColorChoice {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        cli::ColorChoice::Always => termcolor::ColorChoice::Always,
        cli::ColorChoice::Never => termcolor::ColorChoice::Never,
        cli::ColorChoice::Auto if tty && !no_color => termcolor::ColorChoice::Auto,
        cli::ColorChoice::Auto => termcolor::ColorChoice::Never,
    }
}

fn atty_stdout() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
}

fn atty_stderr() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}
