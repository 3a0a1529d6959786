//! Rendering findings for people (like a compiler), for scripts (JSON) and
//! for CI (GitHub workflow annotations, a GitLab Code Quality report, a
//! job summary).

pub mod gitlab;
pub mod summary;

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Config};

use crate::diag::{Diagnostic, Severity};

/// Output formats of findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Compiler-style, with the source line and a marker.
    Human,
    /// One JSON list.
    Json,
    /// One line per finding.
    Short,
}

/// Writes `diagnostics` to `out` in `format`. The text is gathered in a
/// buffer and written in large pieces: the terminal streams are unbuffered,
/// and a finding written piece by piece cost about ten system calls (a
/// no-change rebuild of 1,000 documents spent half its time writing its
/// 30,000 lines of findings that way).
pub fn write(
    out: &mut dyn WriteColor,
    diagnostics: &[Diagnostic],
    format: Format,
) -> std::io::Result<()> {
    let color = out.supports_color();
    let mut buffer = new_buffer(color);
    match format {
        Format::Human => return human(out, color, diagnostics),
        Format::Json => {
            serde_json::to_writer_pretty(&mut buffer, diagnostics)?;
            writeln!(buffer)?;
        }
        Format::Short => {
            for diag in diagnostics {
                writeln!(buffer, "{}", short(diag))?;
            }
        }
    }
    out.write_all(buffer.as_slice())
}

fn new_buffer(color: bool) -> Buffer {
    if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    }
}

/// Findings rendered at a time (on all cores, in pieces of [`PIECE`]) and
/// written before the next ones, so memory stays small.
const WINDOW: usize = 8192;

/// Findings one thread renders into one buffer.
const PIECE: usize = 256;

/// Renders like a compiler. Each file's lines come from the first finding
/// about it that has them, wherever the pieces are cut.
fn human(out: &mut dyn WriteColor, color: bool, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    use rayon::prelude::*;
    let mut sources: HashMap<&Path, &str> = HashMap::new();
    for diag in diagnostics {
        sources
            .entry(diag.file.as_path())
            .or_insert_with(|| diag.source.as_deref().unwrap_or_default());
    }
    for window in diagnostics.chunks(WINDOW) {
        let pieces: Vec<std::io::Result<Buffer>> = window
            .par_chunks(PIECE)
            .map(|piece| render_human(piece, &sources, color))
            .collect();
        for piece in pieces {
            out.write_all(piece?.as_slice())?;
        }
    }
    Ok(())
}

fn render_human(
    diagnostics: &[Diagnostic],
    sources: &HashMap<&Path, &str>,
    color: bool,
) -> std::io::Result<Buffer> {
    let mut buffer = new_buffer(color);
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<&Path, usize> = HashMap::new();
    let config = Config::default();
    for diag in diagnostics {
        let text = sources
            .get(diag.file.as_path())
            .copied()
            .unwrap_or_default();
        let id = *ids
            .entry(diag.file.as_path())
            .or_insert_with(|| files.add(display(&diag.file), text.to_string()));
        let start = offset_of(text, diag.line, diag.column);
        let end = end_of(text, start, diag.width);
        let mut report = Report::new(level(diag.severity))
            .with_code(diag.code)
            .with_message(&diag.message)
            .with_labels(vec![Label::primary(id, start..end)]);
        if let Some(hint) = &diag.hint {
            report = report.with_notes(vec![format!("hint: {hint}")]);
        }
        term::emit_to_write_style(&mut buffer, &config, &files, &report)
            .map_err(std::io::Error::other)?;
    }
    Ok(buffer)
}

/// Writes `diagnostics` as GitHub Actions workflow commands (annotations),
/// paths relative to `repository`: GitHub places an annotation by its path
/// in the repository, also when the project is a subfolder.
pub fn github(
    out: &mut dyn WriteColor,
    diagnostics: &[Diagnostic],
    repository: &Path,
) -> std::io::Result<()> {
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(hint) = &d.hint {
            message.push_str(&format!("\n{hint}"));
        }
        writeln!(
            out,
            "::{kind} file={},line={},col={},title={}::{}",
            escape_property(&relative_path(repository, &d.file)),
            d.line,
            d.column,
            escape_property(d.code),
            escape_data(&message)
        )?;
    }
    Ok(())
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    }
}

/// A path for people: forward slashes, relative as given.
pub fn display(path: &Path) -> String {
    let shown = match DISPLAY_BASE.get() {
        Some(base) if path.is_relative() && !base.as_os_str().is_empty() => from_base(base, path),
        _ => path.to_path_buf(),
    };
    slashed(&shown)
}

/// `path` as written, with forward slashes and without a leading `./`.
fn slashed(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    match text.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => text,
    }
}

/// `file` relative to the repository, with forward slashes; as given when
/// it is outside.
fn relative_path(repository: &Path, file: &Path) -> String {
    let relative = crate::mirror::relative_to(repository, file);
    // From the repository, not from the user's folder.
    slashed(relative.as_deref().unwrap_or(file))
}

/// The user's folder below the project root, when a command runs in the
/// root while the user stands lower: paths are shown from there.
static DISPLAY_BASE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Shows the paths of this run from `base` (the user's folder below the
/// project root); set once, before anything is printed.
pub fn set_display_base(base: &Path) {
    let _ = DISPLAY_BASE.set(base.to_path_buf());
}

/// `path` (relative to the root) as seen from `base` (also relative to it).
fn from_base(base: &Path, path: &Path) -> PathBuf {
    let plain = |p: &Path| -> Vec<std::ffi::OsString> {
        p.components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .map(|c| c.as_os_str().to_os_string())
            .collect()
    };
    let (base, path) = (plain(base), plain(path));
    let common = base.iter().zip(&path).take_while(|(a, b)| a == b).count();
    let mut out: PathBuf = base[common..].iter().map(|_| "..").collect();
    out.extend(&path[common..]);
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// Byte offset of 1-based `line`/`col` in `text`, clamped to the text.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(l.trim_end_matches('\n').len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

fn end_of(text: &str, start: usize, width: usize) -> usize {
    let rest = &text[start..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    start
        + line
            .char_indices()
            .nth(width)
            .map_or(line.len(), |(b, _)| b)
}

/// One line per finding: `file:line:col: severity[CODE]: message`.
pub fn short(diag: &Diagnostic) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}",
        display(&diag.file),
        diag.line,
        diag.column,
        diag.severity.name(),
        diag.code,
        diag.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::line_col;

    #[test]
    fn paths_are_shown_from_the_users_folder() {
        let base = Path::new("cases/jansen-2026");
        let shown = |p: &str| from_base(base, Path::new(p)).to_string_lossy().into_owned();
        assert_eq!(shown("cases/jansen-2026/dossier.yaml"), "dossier.yaml");
        assert_eq!(shown("./cases/gedeeld.yaml"), "../gedeeld.yaml");
        assert_eq!(
            shown("output/cases/jansen-2026/plan.pdf"),
            "../../output/cases/jansen-2026/plan.pdf"
        );
        assert_eq!(shown("cases/jansen-2026"), ".");
    }

    #[test]
    fn offsets_follow_lines_and_characters() {
        let text = "ab\nçd\n";
        assert_eq!(offset_of(text, 2, 2), 5);
        assert_eq!(line_col(text, 5), (2, 2));
    }

    /// The line shown is from the text loading read, not from the file
    /// now on disk (which may have changed, or be gone).
    #[test]
    fn the_report_shows_the_text_that_was_read() {
        let pos = crate::diag::Pos {
            file: Path::new("weg/plan.md").into(),
            line: 2,
            col: 7,
        };
        let diag = Diagnostic::new(&crate::rules::YAML, &pos, "fout")
            .width(3)
            .source(std::sync::Arc::from(
                "---
datum: 1-2-3
",
            ));
        let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        write(&mut out, &[diag], Format::Human).unwrap();
        let text = String::from_utf8(out.into_inner()).unwrap();
        assert!(text.contains("2 │ datum: 1-2-3"), "{text}");
        assert!(text.contains("weg/plan.md:2:7"), "{text}");
    }
}
