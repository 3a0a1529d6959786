//! `pva build`, and the build configuration and report printer that
//! `pva watch` (`super::watch`) shares, so the two commands cannot drift apart.

use std::path::PathBuf;

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
    let progress = |done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            // Quick builds finish before the bar would be useful.
            if bar.is_hidden() && bar.elapsed() > std::time::Duration::from_millis(300) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        }
    };
    let report = {
        let err = std::cell::RefCell::new(&mut *err);
        pipeline::build_with_progress(&config, &progress, &|| say_waiting(&err, &config.out))
    };
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

/// Says that the build waits for another run in the same output folder.
pub(super) fn say_waiting(
    err: &std::cell::RefCell<&mut (dyn WriteColor + '_)>,
    out: &std::path::Path,
) {
    // A terminal that cannot be written to is no reason to stop.
    let _ = writeln!(
        err.borrow_mut(),
        "een andere pva-opdracht schrijft in {}; deze wacht tot die klaar is (of kies een andere map met --out)",
        report::display(out)
    );
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

/// The bounds of `[build]` in the project's `pva.toml`, for the workers
/// that run templates (build, lint's and freeze's layout check, riv).
pub(super) fn bounds(root: &std::path::Path) -> Result<Option<crate::compile::Bounds>, RunError> {
    let limits = crate::config::limits(root)?;
    // Without its own path pva cannot start workers; it then runs templates
    // in this process, unbounded, as before workers existed.
    Ok(std::env::current_exe()
        .ok()
        .map(|exe| crate::compile::Bounds {
            exe,
            seconds: limits.max_seconds,
            memory_mb: limits.max_memory_mb,
        }))
}

/// The command line's build options, checked, as the pipeline takes them.
pub(super) fn build_config(args: &BuildArgs) -> Result<BuildConfig, RunError> {
    let root = project_root()?;
    let bounds = bounds(&root)?;
    Ok(BuildConfig {
        paths: args.paths.clone(),
        out: args
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from(super::project::OUTPUT)),
        emit_typst: args.emit.is_some(),
        lint: lint_config(&args.check, &root)?,
        root,
        force: args.force,
        draft: args.draft,
        creation_date: args.creation_date,
        shard: shard(&args.check)?,
        bounds,
    })
}

/// What to print of a build besides its findings and failed documents.
#[derive(Debug, Clone, Copy)]
pub(super) struct Listing {
    /// Every PDF written.
    pub(super) written: bool,
    /// One line with the counts.
    pub(super) summary: bool,
}

/// Prints a build's findings, its failed documents and, as `listing` asks,
/// the PDFs written and a summary.
pub(super) fn print_report(
    err: &mut dyn WriteColor,
    report: &BuildReport,
    config: &BuildConfig,
    listing: Listing,
) -> std::io::Result<()> {
    report::write(err, &report.diagnostics, Format::Human)?;
    for (pdf, failure) in &report.failed {
        writeln!(
            err,
            "fout: {} kon niet gemaakt worden:\n{failure}",
            report::display(pdf)
        )?;
    }
    if listing.written {
        for pdf in &report.built {
            writeln!(err, "geschreven: {}", report::display(pdf))?;
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
            "{built} PDF('s) gemaakt in {out}, {unchanged} al actueel; {not_built} document(en) niet gemaakt wegens fouten"
        );
    }
    let mut line = format!(
        "{built} concept-PDF('s) (*.concept.pdf, CONCEPT op elke pagina) gemaakt in {out}, {unchanged} al actueel; {not_built} document(en) konden niet gemaakt worden"
    );
    if report.has_errors() {
        line.push_str("\nde concepten zijn niet definitief: los de fouten hierboven op en maak dan met `pva build` de PDF's om te ondertekenen");
    }
    line
}
