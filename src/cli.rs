// The command-line interface, as clap definitions only. This file imports
// nothing from the crate, so build scripts can include it to generate the
// man page and shell completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// pva: Plan van aanpak and Bijstelling as text. Lint them against the Wet
/// verbetering poortwachter and build PDF/A documents that read like the forms.
#[derive(Debug, Parser)]
#[command(name = "pva", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// When to colour output: auto (only on a terminal, honouring NO_COLOR), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only findings and errors, no progress or summary.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print every file written.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint and build every document into a PDF.
    ///
    /// With --draft, documents with errors too, as NAME.concept.pdf marked
    /// CONCEPT on every page, to finish on paper.
    ///
    /// Example: pva build cases/ --out output/
    Build(BuildArgs),
    /// Check documents against the forms and the law, without building.
    ///
    /// Example: pva lint cases/ --today 2026-11-23 --format github
    Lint(LintArgs),
    /// Rebuild documents as their files, inherited files or templates change.
    ///
    /// Example: pva watch cases/de-vries-2026
    Watch(BuildArgs),
    /// Create a dossier repository: example dossier, config, .gitignore, CI workflow and editor schema.
    ///
    /// Example: pva init mijn-dossiers --ci gitlab
    Init {
        /// Folder to create it in; existing files are never overwritten.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The CI system to write the configuration for.
        #[arg(long, value_enum, default_value_t = Ci::Github)]
        ci: Ci,
    },
    /// Create the next document of a dossier, prefilled from what the dossier knows.
    ///
    /// Example: pva new bijstelling cases/jansen-2025 --date 2026-11-23
    New(NewArgs),
    /// Record the version both parties signed.
    ///
    /// Run it once both parties have signed (both signature dates filled in).
    /// It writes what the document inherited into it (bevroren:), so later
    /// edits of gedeeld.yaml or dossier.yaml no longer change what was signed,
    /// and the record of the signed version (getekende_versie:): the
    /// fingerprint printed on its PDF, a hash per line and what made the PDF.
    /// `pva lint` then reports any change at its line, and any other PDF a
    /// newer pva would make. Documents not yet signed and documents recorded
    /// already are left alone; a document changed since is refused, unless
    /// both parties signed it again (both signature dates later).
    ///
    /// Example: pva freeze cases/jansen-2025/01-plan-van-aanpak.md
    Freeze {
        /// Documents, dossier folders or the folder that holds them; default: the project's cases/.
        paths: Vec<PathBuf>,
        /// Record the PDF this pva makes for signed documents whose content
        /// is as signed (after `pva lint` reported PVA043 and the team agreed).
        #[arg(long)]
        accept_layout: bool,
    },
    /// Say which source version a PDF came from.
    ///
    /// pva prints each document's fingerprint at the foot of every page and
    /// puts it, with the source file and a hash per line, in the PDF's
    /// keywords. Give a PDF (built, printed to PDF, e-signed) or the
    /// fingerprint read off a print or scan: pva names the document whose
    /// text it matches, or the document it came from and the lines changed
    /// since. Exits 0 on a match, 1 otherwise.
    ///
    /// Example: pva verify plan-van-aanpak.getekend.pdf
    Verify {
        /// A PDF, or a fingerprint such as 5c1e9a0b2d47.
        target: String,
        /// Documents, dossier folders or the folder that holds them.
        #[arg(default_value = "cases")]
        paths: Vec<PathBuf>,
    },
    /// Check the re-integratieverslag of a dossier and write the set for UWV.
    ///
    /// Checks what UWV requires at week 91: the plan (or the recorded reason
    /// there is none), every bijstelling, the eerstejaarsevaluatie, the
    /// evaluatieverslagen and the eindevaluatie, each signed; lists what is
    /// missing and exits 1 when the set is incomplete. When complete, writes
    /// one PDF per part, named for the document type to choose in UWV's
    /// werkgeversportaal, and one bound copy for the werknemer.
    ///
    /// Example: pva riv cases/jansen-2025 --today 2027-08-16
    Riv(RivArgs),
    /// List the Poortwachter deadlines of every dossier, with their state.
    ///
    /// Example: pva agenda --today 2026-11-23 --ics deadlines.ics
    Agenda(AgendaArgs),
    /// Print shell completions for bash, zsh, fish, elvish or powershell.
    ///
    /// Example: pva completions bash > /etc/bash_completion.d/pva
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the JSON Schema of gedeeld.yaml and dossier.yaml, for editors.
    ///
    /// Editors with the YAML language server (VS Code's YAML extension, Neovim,
    /// Helix …) use it for completion, the form's labels on hover and a red line
    /// under a typo. `pva init` writes it as pva.schema.json; after upgrading
    /// pva, write it again.
    ///
    /// Example: pva schema > pva.schema.json
    Schema {
        /// Print the schema of a document's front matter instead (`document:` chooses the kind).
        #[arg(long)]
        document: bool,
    },
    /// Print every key of the case format: its type, where it may be written,
    /// which forms require it and the form field it fills.
    ///
    /// The same table as the lint and the editor's completion. With a key or
    /// group, only the keys below it.
    ///
    /// Example: pva fields werknemer
    Fields {
        /// Only this key and the keys below it, e.g. `werknemer` or `probleemanalyse.datum`.
        key: Option<String>,
    },
    /// Print the man page (roff).
    ///
    /// Example: pva man > /usr/local/share/man/man1/pva.1
    Man,
    /// Serve an editor: a language server (LSP) on stdin and stdout.
    ///
    /// Findings as you type, for the whole dossier; on hover the form's label,
    /// the inherited value and the rule behind a finding; completion of keys,
    /// choices and headings; go to the file that sets an inherited value; quick
    /// fixes. Set-up for VS Code, Neovim and Helix: docs/editors.md in pva's source.
    ///
    /// Example: pva lsp
    Lsp(LspArgs),
    /// Compiles documents sent on stdin, for `pva build` (internal).
    #[command(name = "compile-worker", hide = true)]
    CompileWorker {
        /// Megabytes of memory the worker may use.
        memory_mb: u64,
    },
    /// Work with the built-in templates.
    ///
    /// Example: pva templates export templates/
    #[command(subcommand)]
    Templates(TemplatesCommand),
}

/// Options of `pva build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Dossier folders or the folder that holds them; default: the project's cases/.
    pub paths: Vec<PathBuf>,
    /// Folder for the PDFs; the dossier folders are mirrored inside it. Default: the project's output/.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Also write the generated source of each document beside its PDF.
    #[arg(long, value_enum)]
    pub emit: Option<Emit>,
    /// Rebuild every document, also those whose inputs did not change.
    #[arg(long)]
    pub force: bool,
    /// Build drafts to finish on paper, also of documents with errors: CONCEPT
    /// on every page, empty answers as boxes to write in, saved as
    /// NAME.concept.pdf beside the final PDF (never over it). Findings and the
    /// exit code are the same as without --draft.
    #[arg(long)]
    pub draft: bool,
    /// The PDF date of documents without a `datum`, in seconds since
    /// 1970-01-01 UTC; default: 1 January 1980. Never the clock, so a rebuild
    /// gives the same bytes.
    #[arg(long, value_name = "SECONDS", env = "SOURCE_DATE_EPOCH", value_parser = day_of_epoch_seconds)]
    pub creation_date: Option<chrono::NaiveDate>,
    /// The options shared with `pva lint`.
    #[command(flatten)]
    pub check: CheckArgs,
}

/// The day that `text`, seconds since 1970-01-01 UTC, falls on.
fn day_of_epoch_seconds(text: &str) -> Result<chrono::NaiveDate, String> {
    let seconds: i64 = text
        .trim()
        .parse()
        .map_err(|_| "verwacht een geheel aantal seconden sinds 1970-01-01 UTC; controleer --creation-date of SOURCE_DATE_EPOCH".to_string())?;
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.date_naive())
        .ok_or_else(|| {
            "te ver van 1970 om een datum te zijn; controleer --creation-date of SOURCE_DATE_EPOCH"
                .to_string()
        })
}

/// Options of `pva lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Dossier folders or the folder that holds them; default: the project's cases/.
    pub paths: Vec<PathBuf>,
    /// Output format of the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Explain a rule (its source and the day counting) and exit, e.g. PVA012.
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
    /// The options shared with `pva build`.
    #[command(flatten)]
    pub check: CheckArgs,
}

/// Options of `pva new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Which document, or `dossier` for a new dossier folder.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// The dossier folder (holding dossier.yaml); for `dossier`, the folder to create.
    pub dossier: PathBuf,
    /// The document's date, or for `dossier` the first sick day (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE", env = "PVA_TODAY")]
    pub date: Option<String>,
}

/// Documents `pva new` can create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    /// A dossier: the folder with a dossier.yaml skeleton, every field explained.
    Dossier,
    /// A Plan van aanpak.
    Plan,
    /// A Bijstelling Plan van aanpak.
    Bijstelling,
    /// The record of a (six-weekly) evaluation.
    Evaluatieverslag,
    /// The eerstejaarsevaluatie (weeks 46–52).
    Eerstejaarsevaluatie,
    /// The eindevaluatie (by week 91, or when employment ends).
    Eindevaluatie,
    /// A verkort re-integratieverslag (employment ends within ten weeks).
    VerkortReintegratieverslag,
}

/// Options of `pva riv`.
#[derive(Debug, Args)]
pub struct RivArgs {
    /// The dossier folder.
    pub dossier: PathBuf,
    /// Folder for the set; default output/riv/<dossier folder>.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The date the set is judged on and the bound copy is dated (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE", env = "PVA_TODAY")]
    pub today: Option<String>,
    /// Output format: findings, the verdict per question and the checklist as
    /// text, or one JSON object on stdout.
    #[arg(long, value_enum, default_value_t = AgendaFormat::Human)]
    pub format: AgendaFormat,
}

/// Options of `pva lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// The date deadlines still ahead are judged against (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE", env = "PVA_TODAY")]
    pub today: Option<String>,
    /// Talk over stdin and stdout (the only way; accepted because editors pass it).
    #[arg(long)]
    pub stdio: bool,
}

/// Options of `pva agenda`.
#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Dossier folders or the folder that holds them; default: the project's cases/.
    pub paths: Vec<PathBuf>,
    /// The day states are judged on (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE", env = "PVA_TODAY")]
    pub today: Option<String>,
    /// Also write the deadlines as an iCalendar file for calendar apps.
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AgendaFormat::Human)]
    pub format: AgendaFormat,
}

/// Formats of `pva agenda`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    /// A table.
    Human,
    /// One JSON list.
    Json,
}

/// Options shared by every command that lints.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The date deadlines still ahead are judged against (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE", env = "PVA_TODAY")]
    pub today: Option<String>,
    /// Treat warnings as errors (exit code 1).
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// Only share I of N of the dossiers, such as 2/4: N CI jobs given 1/N to
    /// N/N together cover every dossier exactly once. A dossier's share
    /// follows from its path, the same on every machine.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
}

/// `pva templates` subcommands.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Copy the built-in templates into a folder (default templates/), to restyle them.
    ///
    /// Files there override the built-in ones by name. Existing files are never overwritten.
    Export {
        /// Target folder.
        #[arg(default_value = "templates")]
        dir: PathBuf,
    },
}

/// What `--emit` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    /// The generated Typst source, with the layout library beside it.
    Typst,
}

/// What `--deny` can turn into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings fail the run.
    Warnings,
}

/// Formats of findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Like a compiler: the source line with a marker.
    Human,
    /// One JSON list.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// A GitLab Code Quality report (JSON), paths relative to the repository.
    Gitlab,
    /// One line per finding: `file:line:col: severity[CODE]: message`.
    Short,
}

/// CI systems `pva init` writes a configuration for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Ci {
    /// GitHub Actions: .github/workflows/pva.yml.
    Github,
    /// GitLab CI/CD: .gitlab-ci.yml.
    Gitlab,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
