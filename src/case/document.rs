//! One document: a Plan van aanpak or a Bijstelling, read from a Markdown
//! file with YAML front matter, merged over its dossier's data.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::front_matter::{self, SplitError};
use super::node::{Node, Pos, Value, YamlError, parse};
use super::schema::DocKind;
use crate::diag::Diagnostic;
use crate::lint::rules;
use crate::markdown;

/// A loaded document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file.
    pub path: PathBuf,
    /// Its text (BOM removed, LF line endings), for positions and snippets.
    pub text: String,
    /// The kind named by `document:`, if it is a known one.
    pub kind: Option<DocKind>,
    /// The front matter of this file alone.
    pub own: Node,
    /// The dossier's data with this file's front matter merged over it.
    pub data: Node,
    /// Markdown before the first `##` heading.
    pub notes: String,
    /// The `##` sections of the body.
    pub sections: Vec<Section>,
}

/// A `##` section of a document body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading text.
    pub title: String,
    /// Where the heading is.
    pub pos: Pos,
    /// The Markdown under it.
    pub markdown: String,
    /// Where that Markdown starts.
    pub body_pos: Pos,
}

/// A long text of a document, from the front matter or a `##` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongText {
    /// The Markdown.
    pub markdown: String,
    /// Where it starts.
    pub pos: Pos,
}

impl Document {
    /// The long text at a dotted key: a `##` section that fills it, or else
    /// the front-matter value. `None` when absent or blank.
    pub fn long_text(&self, path: &str) -> Option<LongText> {
        let from_heading = super::schema::HEADINGS
            .iter()
            .filter(|h| h.path == path)
            .find_map(|h| {
                self.sections
                    .iter()
                    .find(|s| s.title.eq_ignore_ascii_case(h.title))
            });
        if let Some(section) = from_heading {
            return Some(LongText {
                markdown: section.markdown.clone(),
                pos: section.body_pos.clone(),
            })
            .filter(|t| !t.markdown.trim().is_empty());
        }
        let node = self.data.get(path)?;
        node.text().map(|markdown| LongText {
            markdown,
            pos: node.pos.clone(),
        })
    }

    /// The value at a dotted key.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.data.get(path)
    }

    /// The trimmed text at a dotted key, `None` when absent or blank.
    pub fn text(&self, path: &str) -> Option<String> {
        self.get(path).and_then(Node::text)
    }

    /// Position of the document's start, for findings about the whole file.
    pub fn start(&self) -> Pos {
        Pos {
            file: Arc::from(self.path.as_path()),
            line: 1,
            col: 1,
        }
    }
}

/// Reads a case file as UTF-8 text, normalised.
pub fn read_text(file: &Path) -> Result<String, Box<Diagnostic>> {
    let bytes = std::fs::read(file).map_err(|e| {
        Box::new(Diagnostic::in_file(
            &rules::FRONT_MATTER,
            file,
            format!("kan het bestand niet lezen: {e}"),
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        let pos = Pos {
            file: Arc::from(file),
            line,
            col,
        };
        Box::new(
            Diagnostic::new(
                &rules::FRONT_MATTER,
                &pos,
                "het bestand is geen UTF-8-tekst (andere tekenset)",
            )
            .hint("open het in een teksteditor en sla het op als UTF-8"),
        )
    })?;
    Ok(front_matter::normalise(&text))
}

/// Loads the document at `file` over the dossier data `base`.
pub fn load_document(file: &Path, base: &Node) -> Result<Document, Box<Diagnostic>> {
    let text = read_text(file)?;
    let split =
        front_matter::split(&text).map_err(|e| Box::new(split_diagnostic(file, &text, e)))?;
    let arc: Arc<Path> = Arc::from(file);
    let own = if split.yaml.trim().is_empty() {
        Node::empty_map(arc.clone())
    } else {
        parse(split.yaml, &arc, split.yaml_line).map_err(|e| yaml_diagnostic(file, &e))?
    };
    if !matches!(own.value, Value::Map(_)) {
        return Err(Box::new(Diagnostic::new(
            &rules::YAML,
            &own.pos,
            "de front matter moet velden bevatten (sleutel: waarde), geen losse waarde",
        )));
    }
    let mut data = base.clone();
    data.merge(own.clone());
    let kind = own
        .get("document")
        .and_then(Node::text)
        .and_then(|k| DocKind::parse(&k));
    let body = markdown::split_sections(split.body);
    let at = |offset: usize| {
        let (line, col) = line_col(&text, split.body_offset + offset);
        Pos {
            file: arc.clone(),
            line,
            col,
        }
    };
    let sections = body
        .sections
        .iter()
        .map(|s| Section {
            title: s.title.clone(),
            pos: at(s.offset),
            markdown: s.markdown.to_string(),
            body_pos: at(s.body_offset),
        })
        .collect();
    Ok(Document {
        path: file.to_path_buf(),
        kind,
        own,
        data,
        notes: body.notes.to_string(),
        sections,
        text: text.clone(),
    })
}

fn split_diagnostic(file: &Path, text: &str, err: SplitError) -> Diagnostic {
    let (message, hint) = match err {
        SplitError::Empty => (
            "het bestand is leeg",
            "begin met een regel ---, de velden (zoals document: plan-van-aanpak) en weer een regel ---",
        ),
        SplitError::NoOpening => (
            "de front matter ontbreekt: de eerste regel moet --- zijn",
            "zet bovenaan een regel ---, daaronder de velden en dan weer een regel ---",
        ),
        SplitError::NoClosing => (
            "de front matter wordt niet afgesloten: er ontbreekt een regel --- na de velden",
            "zet een regel --- tussen de laatste YAML-regel en de tekst",
        ),
    };
    let line = if err == SplitError::NoClosing {
        text.lines().count().max(1)
    } else {
        1
    };
    let pos = Pos {
        file: Arc::from(file),
        line,
        col: 1,
    };
    Diagnostic::new(&rules::FRONT_MATTER, &pos, message).hint(hint)
}

/// Turns a YAML parse error into a finding at its file position.
pub fn yaml_diagnostic(file: &Path, err: &YamlError) -> Box<Diagnostic> {
    let pos = Pos {
        file: Arc::from(file),
        line: err.line,
        col: err.col,
    };
    Box::new(
        Diagnostic::new(
            &rules::YAML,
            &pos,
            format!("ongeldige YAML: {}", err.message),
        )
        .hint(yaml_hint(&err.message)),
    )
}

fn yaml_hint(message: &str) -> &'static str {
    let m = message.to_ascii_lowercase();
    if m.contains("tab") {
        "gebruik spaties om in te springen, geen tabs"
    } else if m.contains("duplicate") {
        "elke sleutel mag maar één keer voorkomen; voeg de twee samen of verwijder er één"
    } else if m.contains("budget")
        || m.contains("alias")
        || m.contains("depth")
        || m.contains("recursion")
    {
        "de YAML is te diep genest of te groot (bijvoorbeeld door aliassen); schrijf de waarden gewoon uit"
    } else if m.contains("quote") || m.contains("scalar") {
        "controleer de aanhalingstekens: elke \" of ' moet op dezelfde waarde ook sluiten"
    } else {
        "controleer het inspringen (spaties) en zet tekst met een dubbele punt tussen aanhalingstekens"
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`;
/// an offset past the end gives the position just after the text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
