//! One document: a Plan van aanpak or a Bijstelling, read from a Markdown
//! file with YAML front matter, merged over its dossier's data.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::front_matter::{self, SplitError};
use super::inherit::{Chain, take};
use super::node::{Node, Pos, Value, YamlError, parse};
use super::paths;
use super::schema::DocKind;
use crate::diag::Diagnostic;
use crate::rules;

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
    /// Byte offset of the body (after the closing `---`) in `text`.
    pub body_offset: usize,
    /// True when the document carries what it inherited (`bevroren:`,
    /// written by `pva freeze`): later edits of the shared files do not
    /// change it.
    pub frozen: bool,
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

/// Who signs a document for one party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// Name.
    pub naam: Option<String>,
    /// Function.
    pub functie: Option<String>,
    /// Date of signing, as written.
    pub datum: Option<String>,
}

/// A party that signs a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// The employee.
    Werknemer,
    /// The employer (its casemanager).
    Werkgever,
}

impl Party {
    /// Both parties, werknemer first.
    pub const BOTH: [Party; 2] = [Party::Werknemer, Party::Werkgever];

    /// Its key under `ondertekening`, also its name in messages.
    pub fn key(self) -> &'static str {
        match self {
            Party::Werknemer => "werknemer",
            Party::Werkgever => "werkgever",
        }
    }

    /// The keys of its signature.
    pub fn signature(self) -> paths::Signature {
        match self {
            Party::Werknemer => paths::WERKNEMER_SIGNATURE,
            Party::Werkgever => paths::WERKGEVER_SIGNATURE,
        }
    }

    /// Name and function of who signs when `ondertekening` does not say:
    /// the werknemer, or for the werkgever the casemanager.
    fn default_signer(self) -> (&'static str, &'static str) {
        match self {
            Party::Werknemer => (paths::WERKNEMER_NAAM, paths::WERKNEMER_FUNCTIE),
            Party::Werkgever => (paths::CASEMANAGER_NAAM, paths::CASEMANAGER_FUNCTIE),
        }
    }
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
    /// the front-matter value. `None` when absent or blank; a text of only
    /// guidance (`<!-- … -->` comments) is blank: it is never an answer.
    pub fn long_text(&self, path: &str) -> Option<LongText> {
        let filled = self
            .section_of(path)
            .filter(|s| !super::is_blank(&s.markdown));
        if let Some(section) = filled {
            return Some(LongText {
                markdown: section.markdown.clone(),
                pos: section.body_pos.clone(),
            });
        }
        let node = self.data.get(path)?;
        node.text()
            .filter(|markdown| !super::is_blank(markdown))
            .map(|markdown| LongText {
                markdown,
                pos: node.pos.clone(),
            })
    }

    /// The `##` section that answers the long text at `path`, if the body
    /// has one, filled in or not.
    pub fn section_of(&self, path: &str) -> Option<&Section> {
        super::schema::HEADINGS
            .iter()
            .filter(|h| h.path == path)
            .find_map(|h| {
                self.sections
                    .iter()
                    .find(|s| s.title.eq_ignore_ascii_case(h.title))
            })
    }

    /// The guidance under the heading of `path`: its first comment, which
    /// says what the question asks.
    pub fn guidance(&self, path: &str) -> Option<String> {
        let section = self.section_of(path)?;
        super::guidance(&section.markdown).into_iter().next()
    }

    /// The value at a dotted key.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.data.get(path)
    }

    /// The trimmed text at a dotted key, `None` when absent or blank.
    pub fn text(&self, path: &str) -> Option<String> {
        self.get(path).and_then(Node::text)
    }

    /// The document's own date (`datum`), when readable.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        self.get(paths::DATUM).and_then(Node::as_date)
    }

    /// True when both parties signed: both signature dates are filled in.
    pub fn is_signed(&self) -> bool {
        Party::BOTH
            .iter()
            .all(|who| self.text(who.signature().datum).is_some())
    }

    /// Who signs for `who`: the names under `ondertekening`, else the
    /// werknemer, or for the werkgever the casemanager, as the document
    /// knew them on its date.
    pub fn signer(&self, who: Party) -> Signer {
        let own = who.signature();
        let (naam, functie) = who.default_signer();
        Signer {
            naam: self.text(own.naam).or_else(|| self.text(naam)),
            functie: self.text(own.functie).or_else(|| self.text(functie)),
            datum: self.text(own.datum),
        }
    }

    /// The position of the nearest existing parent key of `path` in the
    /// document's own front matter, else its `document:` key, else line 1:
    /// where a finding about a missing or incomplete key is shown.
    pub fn anchor(&self, path: &str) -> Pos {
        let mut node = &self.own;
        let mut found = None;
        for part in path.split('.') {
            let Some((key, value)) = node.entries().iter().find(|(k, _)| k.name == part) else {
                break;
            };
            found = Some(key.pos.clone());
            node = value;
        }
        found
            .or_else(|| {
                self.own
                    .entries()
                    .iter()
                    .find(|(k, _)| k.name == paths::DOCUMENT)
                    .map(|(k, _)| k.pos.clone())
            })
            .unwrap_or_else(|| self.start())
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

/// The largest case file read: far above any real document, and small
/// enough that a pasted attachment cannot make a build run for minutes.
pub(super) const MAX_FILE_BYTES: u64 = 1_000_000;

/// Reads a case file as UTF-8 text, normalised.
pub(super) fn read_text(file: &Path) -> Result<String, Box<Diagnostic>> {
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(Box::new(oversize(file, size)));
    }
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

/// The finding for a case file of `size` bytes, over [`MAX_FILE_BYTES`].
pub(super) fn oversize(file: &Path, size: u64) -> Diagnostic {
    Diagnostic::in_file(&rules::FRONT_MATTER, file, format!("het bestand is te groot ({:.1} MB); een document of dossierbestand mag hooguit 1 MB zijn", size as f64 / 1e6))
        .hint("zet bijlagen niet in de tekst; bewaar ze apart in het dossier")
}

/// Parses the normalised `text` of the document `file`. A frozen document
/// stands on what it carries; any other inherits from `chain` as it stood
/// on the document's date.
pub fn parse_document(
    file: &Path,
    text: String,
    chain: &Chain,
    empty: &Node,
) -> Result<Document, Box<Diagnostic>> {
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
    let mut rest = own.clone();
    let frozen = take(&mut rest, paths::BEVROREN).filter(|n| matches!(n.value, Value::Map(_)));
    let mut data = match &frozen {
        Some(snapshot) => {
            let mut data = empty.clone();
            data.merge(snapshot.clone());
            data
        }
        None => {
            let day = rest.get(paths::DATUM).and_then(Node::as_date);
            chain.at(day, empty.clone())
        }
    };
    data.merge(rest);
    let kind = own
        .get(paths::DOCUMENT)
        .and_then(Node::text)
        .and_then(|k| DocKind::parse(&k));
    let body = super::sections::split(split.body);
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
        body_offset: split.body_offset,
        frozen: frozen.is_some(),
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
pub(super) fn yaml_diagnostic(file: &Path, err: &YamlError) -> Box<Diagnostic> {
    let pos = Pos {
        file: Arc::from(file),
        line: err.line,
        col: err.col,
    };
    if let Some(tag) = &err.tag {
        return Box::new(
            Diagnostic::new(
                &rules::YAML_TAG,
                &pos,
                format!("deze waarde heeft de YAML-tag `{tag}`; pva neemt geen tags aan, omdat ze de waarde stil veranderen of laten wegvallen"),
            )
            .hint(format!("haal `{tag}` weg en schrijf de waarde gewoon uit; tekst die met ! begint zet u tussen aanhalingstekens")),
        );
    }
    let (message, hint) = yaml_message(&err.message);
    Box::new(Diagnostic::new(&rules::YAML, &pos, format!("ongeldige YAML: {message}")).hint(hint))
}

/// The parser's message in Dutch, with what to do in the hint.
fn yaml_message(message: &str) -> (String, &'static str) {
    let lower = message.to_ascii_lowercase();
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        let text = format!("de sleutel `{key}` staat er twee keer");
        return (
            text,
            "elke sleutel mag maar één keer voorkomen; voeg de twee samen of verwijder er één",
        );
    }
    // The parser's words, most specific first.
    let known: [(&str, &str, &'static str); 14] = [
        (
            "tab",
            "er is met een tab ingesprongen",
            "spring in met spaties, niet met tabs",
        ),
        (
            "depth",
            "de YAML is te diep genest",
            "een veld heeft hooguit een paar niveaus; verwijder de extra haken of inspringing",
        ),
        (
            "recursion",
            "de YAML is te diep genest",
            "een veld heeft hooguit een paar niveaus; verwijder de extra haken of inspringing",
        ),
        (
            "budget",
            "te veel waarden: aliassen (&naam en *naam) laten de YAML uitdijen",
            "schrijf de waarden gewoon uit in plaats van met aliassen",
        ),
        (
            "multiple yaml documents",
            "er staan meerdere YAML-documenten in dit bestand (een regel --- of ... halverwege)",
            "haal de regel --- (of ...) halverwege weg: dit bestand is één lijst van velden",
        ),
        (
            "unexpected character",
            "er staat een onzichtbaar stuurteken (zoals een NUL-teken) in de YAML",
            "verwijder het teken op deze plek; typ de regel zo nodig opnieuw",
        ),
        (
            "expected ':'",
            "er ontbreekt een dubbele punt na een veldnaam",
            "schrijf `sleutel: waarde`, met een spatie na de dubbele punt; tekst van meer regels zet u onder `sleutel: |`, ingesprongen",
        ),
        (
            "expected '-' indicator",
            "een lijst is niet goed ingesprongen: elk item begint met `- ` even ver ingesprongen",
            "zet de streepjes van één lijst precies onder elkaar, en ander tekst niet tussen de items",
        ),
        (
            "unclosed quote",
            "een aanhalingsteken wordt niet gesloten",
            "sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint",
        ),
        (
            "did not find expected key",
            "de inspringing klopt niet",
            "zet velden van één groep precies even ver ingesprongen, met spaties",
        ),
        (
            "mapping values are not allowed",
            "een dubbele punt staat op een onverwachte plek",
            "ontbreekt op de regel erboven de dubbele punt na de veldnaam (`naam: Jan`)? Anders: zet tekst met een dubbele punt tussen aanhalingstekens",
        ),
        (
            "unclosed bracket",
            "een haak ([ of {) wordt niet gesloten",
            "sluit de lijst met ] of de groep met }, of schrijf de items elk op een eigen regel met `- `",
        ),
        (
            "unknown anchor",
            "een verwijzing (*naam) noemt een anker (&naam) dat er niet is",
            "schrijf de waarde gewoon uit in plaats van met * en &",
        ),
        (
            "comment intercepting",
            "een commentaar (#) staat midden in tekst van meer regels",
            "zet de hele tekst tussen aanhalingstekens, of zet # pas achter de laatste regel",
        ),
    ];
    match known.iter().find(|(needle, _, _)| lower.contains(needle)) {
        Some((_, text, hint)) => (text.to_string(), hint),
        None => (
            format!("de YAML is hier niet te lezen (de lezer meldt: {message})"),
            "controleer het inspringen (spaties) en zet tekst met een dubbele punt tussen aanhalingstekens",
        ),
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
