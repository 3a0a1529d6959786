//! Running a parsed command line: the one place that decides exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use codespan_reporting::term::termcolor::{self, StandardStream};

use crate::agenda::{self, Deadline};
use crate::case::DocKind;
use crate::cli::{
    self, AgendaArgs, BuildArgs, CheckArgs, Cli, Command, LintArgs, NewArgs, TemplatesCommand,
};
use crate::diag::{Diagnostic, Severity};
use crate::lint::LintConfig;
use crate::pipeline::{self, BuildConfig};
use crate::render::Templates;
use crate::report::{self, Format};
use crate::rules;
use crate::scaffold::{self, Outcome};

/// Exit code: everything fine.
pub const OK: u8 = 0;
/// Exit code: findings with errors, or a document failed.
pub const FAILED: u8 = 1;
/// Exit code: usage or I/O problem.
pub const USAGE: u8 = 2;

/// Runs `cli` and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let mut out = StandardStream::stdout(color(cli.color, atty_stdout()));
    let mut err = StandardStream::stderr(color(cli.color, atty_stderr()));
    let code = match dispatch(&cli, &mut out, &mut err) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            USAGE
        }
    };
    ExitCode::from(code)
}

fn dispatch(cli: &Cli, out: &mut StandardStream, err: &mut StandardStream) -> Result<u8, String> {
    match &cli.command {
        Command::Build(args) => build(cli, args, err),
        Command::Lint(args) => lint(args, out, err),
        Command::Templates(TemplatesCommand::Export { dir }) => export(dir, err, cli.quiet),
        Command::Init { dir, ci } => init(dir, *ci, err, cli.quiet),
        Command::Watch(args) => watch(cli, args, err),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "pva", out);
            Ok(OK)
        }
        Command::Schema { document } => schema(*document, out),
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command)
                .render(out)
                .map_err(|e| e.to_string())?;
            Ok(OK)
        }
        Command::New(args) => new(args, err),
        Command::Freeze { paths } => freeze(paths, err),
        Command::Riv(args) => riv(args, out, err),
        Command::Agenda(args) => agenda(args, out),
        Command::Lsp(args) => lsp(args),
    }
}

fn lsp(args: &cli::LspArgs) -> Result<u8, String> {
    let today = match &args.today {
        Some(_) => crate::lsp::Today::Fixed(parse_day(args.today.as_deref(), "--today")?),
        None => crate::lsp::Today::Clock(clock_today),
    };
    crate::lsp::run(today).map_err(|e| e.to_string())?;
    Ok(OK)
}

fn lint(args: &LintArgs, out: &mut StandardStream, err: &mut StandardStream) -> Result<u8, String> {
    if let Some(code) = &args.explain {
        return explain(code, out);
    }
    let root = project_root()?;
    let config = lint_config(&args.check, &root)?;
    let diagnostics = pipeline::lint_all(&args.paths, &root, &config);
    write_findings(out, args.format, &diagnostics, &root).map_err(|e| e.to_string())?;
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
    Ok(findings_code(&diagnostics, args.check.deny.is_some()))
}

fn write_findings(
    out: &mut StandardStream,
    format: cli::Format,
    diagnostics: &[Diagnostic],
    root: &Path,
) -> std::io::Result<()> {
    let format = match format {
        cli::Format::Human => Format::Human,
        cli::Format::Json => Format::Json,
        cli::Format::Github => Format::Github,
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
fn job_summary(run: &crate::ci::Run<'_>, err: &mut StandardStream) {
    let Some(file) = crate::ci::step_summary_file() else {
        return;
    };
    if let Err(e) = crate::ci::append_summary(&file, run) {
        let _ = writeln!(err, "warning: no job summary (GITHUB_STEP_SUMMARY): {e}");
    }
}

fn build(cli: &Cli, args: &BuildArgs, err: &mut StandardStream) -> Result<u8, String> {
    let config = build_config(args)?;
    let bar = progress_bar(cli);
    let report = pipeline::build_with_progress(&config, &|done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            // Quick builds finish before the bar would be useful.
            if bar.is_hidden() && bar.elapsed() > std::time::Duration::from_millis(300) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        }
    })
    .map_err(|e| e.to_string());
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let report = report?;
    if config.emit_typst {
        pipeline::emit_fonts(&config.out).map_err(|e| e.to_string())?;
    }
    report::write(err, &report.diagnostics, Format::Human).map_err(|e| e.to_string())?;
    for (pdf, message) in &report.failed {
        let _ = writeln!(
            err,
            "error: could not build {}:\n{message}",
            report::display(pdf)
        );
    }
    if cli.verbose {
        for pdf in &report.built {
            let _ = writeln!(err, "wrote {}", report::display(pdf));
        }
    }
    if !cli.quiet {
        let _ = writeln!(err, "{}", build_summary(&config, &report));
    }
    job_summary(
        &crate::ci::Run {
            command: "build",
            paths: &config.paths,
            root: &config.root,
            today: config.lint.today,
            diagnostics: &report.diagnostics,
            built: Some(crate::report::summary::Built {
                pdfs: &report.built,
                unchanged: report.unchanged.len(),
                not_built: report.skipped.len() + report.failed.len(),
            }),
        },
        err,
    );
    let denied = args.check.deny.is_some();
    Ok(if report.has_errors() {
        FAILED
    } else {
        findings_code(&report.diagnostics, denied)
    })
}

/// The last line of a build: how many PDFs, and for drafts what they are.
fn build_summary(config: &BuildConfig, report: &pipeline::BuildReport) -> String {
    let out = report::display(&config.out);
    let (built, unchanged) = (report.built.len(), report.unchanged.len());
    let not_built = report.skipped.len() + report.failed.len();
    if !config.draft {
        return format!(
            "built {built} PDF(s) into {out}, {unchanged} up to date; {not_built} document(s) not built because of errors"
        );
    }
    let mut line = format!(
        "built {built} draft PDF(s) (*.concept.pdf, CONCEPT on every page) into {out}, {unchanged} up to date; {not_built} document(s) could not be built"
    );
    if report.has_errors() {
        line.push_str("\nthe drafts are not final: fix the errors above, then run `pva build` for the PDFs to sign");
    }
    line
}

/// A progress bar for builds, only when stderr is a terminal (never in CI
/// logs) and not `--quiet`; it appears only if the build takes a moment.
fn progress_bar(cli: &Cli) -> Option<indicatif::ProgressBar> {
    if cli.quiet || !atty_stderr() {
        return None;
    }
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::hidden());
    let style =
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} PDF(s) {elapsed}").ok()?;
    bar.set_style(style);
    Some(bar)
}

fn build_config(args: &BuildArgs) -> Result<BuildConfig, String> {
    let root = project_root()?;
    Ok(BuildConfig {
        paths: args.paths.clone(),
        out: args.out.clone(),
        emit_typst: args.emit.is_some(),
        root: root.clone(),
        lint: lint_config(&args.check, &root)?,
        force: args.force,
        draft: args.draft,
    })
}

/// Builds, then rebuilds on every change until interrupted. Each round
/// prints only the PDFs it wrote and the findings.
fn watch(cli: &Cli, args: &BuildArgs, err: &mut StandardStream) -> Result<u8, String> {
    use notify_debouncer_mini::{new_debouncer, notify::RecursiveMode};
    let config = build_config(args)?;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer =
        new_debouncer(std::time::Duration::from_millis(150), tx).map_err(|e| e.to_string())?;
    let mut folders: Vec<PathBuf> = config.paths.clone();
    folders.push(config.root.join("templates"));
    for folder in folders.iter().filter(|f| f.exists()) {
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    }
    let _ = writeln!(
        err,
        "watching {} (Ctrl-C stops)",
        folders
            .iter()
            .map(|f| report::display(f))
            .collect::<Vec<_>>()
            .join(", ")
    );
    watch_round(cli, &config, err);
    for events in rx {
        let relevant = events
            .map_err(|e| e.to_string())?
            .iter()
            .any(|e| is_input(&e.path, &config.out));
        if relevant {
            watch_round(cli, &config, err);
        }
    }
    Ok(OK)
}

fn watch_round(cli: &Cli, config: &BuildConfig, err: &mut StandardStream) {
    match pipeline::build(config) {
        Ok(report) => {
            let _ = report::write(err, &report.diagnostics, Format::Human);
            for (pdf, message) in &report.failed {
                let _ = writeln!(
                    err,
                    "error: could not build {}:\n{message}",
                    report::display(pdf)
                );
            }
            if !cli.quiet {
                for pdf in &report.built {
                    let _ = writeln!(err, "wrote {}", report::display(pdf));
                }
            }
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
        }
    }
}

/// Case files, inherited files and templates; never the output itself.
fn is_input(path: &Path, out: &Path) -> bool {
    let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    !path.starts_with(&out) && matches!(ext, "md" | "yaml" | "yml" | "typ" | "toml")
}

/// Prints the JSON Schema of the shared files or of a document's front matter.
fn schema(document: bool, out: &mut StandardStream) -> Result<u8, String> {
    let schema = if document {
        crate::json_schema::document()
    } else {
        crate::json_schema::shared()
    };
    out.write_all(crate::json_schema::to_text(&schema).as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(OK)
}

fn explain(code: &str, out: &mut StandardStream) -> Result<u8, String> {
    let rule = rules::find(code).ok_or_else(|| {
        let (first, last) = (rules::ALL[0].code, rules::ALL[rules::ALL.len() - 1].code);
        format!("unknown rule `{code}`; rules are {first} to {last}, listed in docs/rules.md")
    })?;
    let text = rules::explanation(rule);
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(OK)
}

fn export(dir: &Path, err: &mut StandardStream, quiet: bool) -> Result<u8, String> {
    let templates = Templates::load(None).map_err(|e| e.to_string())?;
    for (name, bytes) in templates.files() {
        let path = dir.join(name);
        if path.exists() {
            let _ = writeln!(err, "kept {} (already exists)", report::display(&path));
            continue;
        }
        crate::fs::write_atomic(&path, bytes).map_err(|e| e.to_string())?;
        if !quiet {
            let _ = writeln!(err, "wrote {}", report::display(&path));
        }
    }
    Ok(OK)
}

fn init(dir: &Path, ci: cli::Ci, err: &mut StandardStream, quiet: bool) -> Result<u8, String> {
    let ci = match ci {
        cli::Ci::Github => crate::ci::System::Github,
        cli::Ci::Gitlab => crate::ci::System::Gitlab,
    };
    for outcome in scaffold::init(dir, ci).map_err(|e| e.to_string())? {
        let line = match outcome {
            Outcome::Wrote(path) => format!("wrote {}", report::display(&path)),
            Outcome::Kept(path) => format!("kept {} (already exists)", report::display(&path)),
        };
        if !quiet {
            let _ = writeln!(err, "{line}");
        }
    }
    if !quiet {
        let _ = writeln!(err, "next: cd {} && pva build", report::display(dir));
    }
    Ok(OK)
}

fn new(args: &NewArgs, err: &mut StandardStream) -> Result<u8, String> {
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
    let path = scaffold::new_document(&args.dossier, kind, day, &project_root()?)
        .map_err(|e| e.to_string())?;
    let _ = writeln!(
        err,
        "wrote {}: fill in the empty fields and answer the questions under the headings, then run `pva lint`; `pva build --draft {}` makes a CONCEPT to finish on paper",
        report::display(&path),
        report::display(&args.dossier)
    );
    Ok(OK)
}

fn new_dossier(dir: &Path, first_day: NaiveDate, err: &mut StandardStream) -> Result<u8, String> {
    let path = scaffold::new_dossier(dir, first_day).map_err(|e| e.to_string())?;
    let _ = writeln!(
        err,
        "wrote {}: fill in the employee and the probleemanalyse; `pva agenda` shows its deadlines",
        report::display(&path)
    );
    Ok(OK)
}

fn riv(
    args: &cli::RivArgs,
    out: &mut StandardStream,
    err: &mut StandardStream,
) -> Result<u8, String> {
    let root = project_root()?;
    let check = cli::CheckArgs {
        today: args.today.clone(),
        deny: None,
    };
    let lint = lint_config(&check, &root)?;
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
            .unwrap_or_else(|| PathBuf::from("output/riv").join(name)),
        root: root.clone(),
        lint,
    };
    let report = crate::riv::run(&config).map_err(|e| e.to_string())?;
    write_findings(out, cli::Format::Human, &report.findings, &root).map_err(|e| e.to_string())?;
    let _ = writeln!(err, "{}", crate::riv::checklist(&report));
    Ok(if report.incomplete() { FAILED } else { OK })
}

fn freeze(paths: &[PathBuf], err: &mut StandardStream) -> Result<u8, String> {
    let root = project_root()?;
    let outcome = crate::freeze::run(paths, &root).map_err(|e| e.to_string())?;
    for path in &outcome.frozen {
        let _ = writeln!(err, "froze {}", report::display(path));
    }
    for (path, why) in &outcome.skipped {
        let _ = writeln!(err, "left {} as it is: {why}", report::display(path));
    }
    if outcome.frozen.is_empty() && outcome.skipped.is_empty() {
        let _ = writeln!(err, "no documents found under the given paths");
        return Ok(FAILED);
    }
    Ok(if outcome.failed { FAILED } else { OK })
}

fn agenda(args: &AgendaArgs, out: &mut StandardStream) -> Result<u8, String> {
    let root = project_root()?;
    let check = cli::CheckArgs {
        today: args.today.clone(),
        deny: None,
    };
    let config = lint_config(&check, &root)?;
    let today = config.today;
    let found = crate::case::find(&args.paths);
    let mut all: Vec<Deadline> = found
        .dossiers
        .iter()
        .flat_map(|(dir, files)| agenda::deadlines(&crate::case::load(dir, files, &root), &config))
        .collect();
    all.sort_by(|a, b| (a.datum, &a.dossier, &a.key).cmp(&(b.datum, &b.dossier, &b.key)));
    if let Some(path) = &args.ics {
        crate::fs::write_atomic(path, agenda::ics(&all, today).as_bytes())
            .map_err(|e| e.to_string())?;
    }
    let text = match args.format {
        cli::AgendaFormat::Json => {
            serde_json::to_string_pretty(&all).map_err(|e| e.to_string())? + "\n"
        }
        cli::AgendaFormat::Human => all
            .iter()
            .map(|d| {
                format!(
                    "{}  {:<15}  {:<20}  {}  ({})\n",
                    crate::case::date::short(d.datum),
                    d.status.label(),
                    d.werknemer,
                    d.wat,
                    d.dossier
                )
            })
            .collect(),
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(OK)
}

fn parse_day(text: Option<&str>, flag: &str) -> Result<NaiveDate, String> {
    match text {
        Some(text) => crate::case::date::parse(text)
            .ok_or_else(|| format!("{flag} {text}: expected a date as YYYY-MM-DD")),
        None => Ok(clock_today()),
    }
}

fn summary(out: &mut StandardStream, diagnostics: &[Diagnostic]) -> Result<(), String> {
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
    writeln!(out, "{line}").map_err(|e| e.to_string())
}

fn findings_code(diagnostics: &[Diagnostic], deny_warnings: bool) -> u8 {
    let failing = |d: &Diagnostic| {
        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
    };
    if diagnostics.iter().any(failing) {
        FAILED
    } else {
        OK
    }
}

fn lint_config(args: &CheckArgs, root: &Path) -> Result<LintConfig, String> {
    let today = parse_day(args.today.as_deref(), "--today")?;
    let mut config = LintConfig::new(today);
    config.severities = crate::config::severities(root).map_err(|e| e.to_string())?;
    Ok(config)
}

/// The real date: the only place pva reads the clock.
#[allow(clippy::disallowed_methods)]
fn clock_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn project_root() -> Result<PathBuf, String> {
    std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))
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
