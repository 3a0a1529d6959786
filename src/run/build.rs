//! `pva build` and `pva watch`: one build configuration, one printer of the
//! build report, so the two commands cannot drift apart.

use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::WriteColor;

use super::{
    RunError, Status, atty_stderr, findings_status, job_summary, lint_config, project_root, shard,
};
use crate::cli::{BuildArgs, Cli};
use crate::pipeline::{self, BuildConfig, BuildReport};
use crate::report::{self, Format};

/// Lints and builds once.
pub(super) fn build(
    cli: &Cli,
    args: &BuildArgs,
    err: &mut dyn WriteColor,
) -> Result<Status, RunError> {
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
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let report = report?;
    let listing = Listing {
        written: cli.verbose,
        summary: !cli.quiet,
    };
    print_report(err, &report, &config, listing)?;
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
    Ok(if report.has_errors() {
        Status::Failed
    } else {
        findings_status(&report.diagnostics, args.check.deny.is_some())
    })
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

/// The command line's build options, checked, as the pipeline takes them.
fn build_config(args: &BuildArgs) -> Result<BuildConfig, RunError> {
    let root = project_root()?;
    Ok(BuildConfig {
        paths: args.paths.clone(),
        out: args.out.clone(),
        emit_typst: args.emit.is_some(),
        lint: lint_config(&args.check, &root)?,
        root,
        force: args.force,
        draft: args.draft,
        creation_date: args.creation_date,
        shard: shard(&args.check)?,
    })
}

/// What to print of a build besides its findings and failed documents.
#[derive(Debug, Clone, Copy)]
struct Listing {
    /// Every PDF written.
    written: bool,
    /// One line with the counts.
    summary: bool,
}

/// Prints a build's findings, its failed documents and, as `listing` asks,
/// the PDFs written and a summary.
fn print_report(
    err: &mut dyn WriteColor,
    report: &BuildReport,
    config: &BuildConfig,
    listing: Listing,
) -> std::io::Result<()> {
    report::write(err, &report.diagnostics, Format::Human)?;
    for (pdf, failure) in &report.failed {
        writeln!(
            err,
            "error: could not build {}:\n{failure}",
            report::display(pdf)
        )?;
    }
    if listing.written {
        for pdf in &report.built {
            writeln!(err, "wrote {}", report::display(pdf))?;
        }
    }
    if listing.summary {
        writeln!(err, "{}", summary_line(config, report))?;
    }
    Ok(())
}

/// The last line of a build: how many PDFs, and for drafts what they are.
fn summary_line(config: &BuildConfig, report: &BuildReport) -> String {
    let mut out = report::display(&config.out);
    if let Some(shard) = config.shard {
        out.push_str(&format!(" (shard {}/{})", shard.index, shard.count));
    }
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

/// Builds, then rebuilds on every change until interrupted. Each round
/// prints only the PDFs it wrote and the findings.
pub(super) fn watch(
    cli: &Cli,
    args: &BuildArgs,
    err: &mut dyn WriteColor,
) -> Result<Status, RunError> {
    use notify_debouncer_mini::{new_debouncer, notify::RecursiveMode};
    let config = build_config(args)?;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer = new_debouncer(std::time::Duration::from_millis(150), tx)?;
    let mut folders: Vec<PathBuf> = config.paths.clone();
    folders.push(config.root.join("templates"));
    for folder in folders.iter().filter(|f| f.exists()) {
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|source| RunError::Watch {
                path: folder.clone(),
                source,
            })?;
    }
    let names: Vec<String> = folders.iter().map(|f| report::display(f)).collect();
    writeln!(err, "watching {} (Ctrl-C stops)", names.join(", "))?;
    watch_round(cli, &config, err);
    for events in rx {
        if events?.iter().any(|e| is_input(&e.path, &config.out)) {
            watch_round(cli, &config, err);
        }
    }
    Ok(Status::Ok)
}

/// One build of `pva watch`; its errors are printed and watching goes on.
fn watch_round(cli: &Cli, config: &BuildConfig, err: &mut dyn WriteColor) {
    let listing = Listing {
        written: !cli.quiet,
        summary: false,
    };
    // A terminal that cannot be written to is no reason to stop watching.
    let _ = match pipeline::build(config) {
        Ok(report) => print_report(err, &report, config, listing),
        Err(e) => writeln!(err, "error: {e}"),
    };
}

/// Case files, inherited files and templates; never the output itself.
fn is_input(path: &Path, out: &Path) -> bool {
    let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    !path.starts_with(&out) && matches!(ext, "md" | "yaml" | "yml" | "typ" | "toml")
}
