//! The fingerprint of a document's content, and the record of the version
//! both parties signed (`getekende_versie:`, written by `pva freeze`).
//!
//! The fingerprint covers what the document says: every value it has (its
//! own and what it inherits, as parsed, so quoting, comments and the order
//! of keys do not count) and the text of its body. It is printed at the
//! foot of every page and put in the PDF's keywords, so a print or scan can
//! be matched to its source. The record adds a hash per line of the file,
//! so that a change after signing is found at its line, and what made the
//! PDF besides the content (read and written by the `freeze` command).

use std::ops::RangeInclusive;

use chrono::NaiveDate;

use super::document::Party;
use super::document::{Document, line_col};
use super::front_matter;
use super::node::{Node, Pos, Value};
use super::paths;

/// Hex digits of a fingerprint: 48 bits, short enough to read off a page.
pub const LEN: usize = 12;

/// The word before the fingerprint in a PDF's keywords.
pub const KEYWORD: &str = "pva-vingerafdruk:";

/// The word before the source file in a PDF's keywords.
pub const DOCUMENT_KEYWORD: &str = "pva-document:";

/// The word before the line hashes in a PDF's keywords.
pub const LINES_KEYWORD: &str = "pva-regels:";

/// The keys of `getekende_versie.pdf`: what made the PDF besides the content.
pub const PDF_KEYS: [&str; 4] = ["bron", "opmaak", "lettertypen", "typst"];

/// The fingerprint of `doc`'s content: its data without the record and
/// without the two signature dates, and its body text. Without the dates, because the print both parties sign
/// is made before they are filled in: its fingerprint is the signed one.
pub fn of(doc: &Document) -> String {
    let mut hasher = blake3::Hasher::new();
    for (key, value) in doc.data.entries() {
        if key.name == paths::GETEKENDE_VERSIE {
            continue;
        }
        add(&mut hasher, &key.name);
        if key.name == paths::ONDERTEKENING {
            canonical(&without_dates(value), &mut hasher);
        } else {
            canonical(value, &mut hasher);
        }
    }
    add(&mut hasher, "\u{0}body");
    add(&mut hasher, &trimmed(&doc.notes));
    for section in &doc.sections {
        add(&mut hasher, &section.title);
        add(&mut hasher, &trimmed(&section.markdown));
    }
    short(&hasher)
}

/// The keywords pva adds to the PDF of `doc`, whose source file is
/// `name` (below the project root): its fingerprint, the file, and a hash
/// per line, so `pva verify` can say which lines changed since.
pub fn keywords(doc: &Document, name: &str) -> Vec<String> {
    let skip = record(doc).map(|r| r.lines);
    vec![
        format!("{KEYWORD}{}", of(doc)),
        format!("{DOCUMENT_KEYWORD}{name}"),
        format!(
            "{LINES_KEYWORD}{}",
            encode(&lines(&doc.text, skip.as_ref()))
        ),
    ]
}

/// What a PDF's keywords say about its source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamp {
    /// The fingerprint of the content it was made from.
    pub fingerprint: Option<String>,
    /// The source file, below the project root.
    pub document: Option<String>,
    /// The hash of each line of the source file then.
    pub lines: Option<Vec<u16>>,
}

impl Stamp {
    /// Reads the keywords of a PDF (however a viewer or signing tool joined them).
    pub fn read(keywords: &str) -> Stamp {
        let mut stamp = Stamp::default();
        for word in keywords.split([',', ';', '\n']).map(str::trim) {
            if let Some(fp) = word.strip_prefix(KEYWORD) {
                stamp.fingerprint = Some(fp.to_string());
            } else if let Some(doc) = word.strip_prefix(DOCUMENT_KEYWORD) {
                stamp.document = Some(doc.to_string());
            } else if let Some(lines) = word.strip_prefix(LINES_KEYWORD) {
                stamp.lines = decode(lines);
            }
        }
        stamp
    }
}

/// `ondertekening` without the parties' signature dates.
fn without_dates(node: &Node) -> Node {
    let mut node = node.clone();
    if let Value::Map(entries) = &mut node.value {
        for (key, value) in entries.iter_mut() {
            let party = Party::BOTH.iter().find(|p| p.key() == key.name);
            if let (Some(party), Value::Map(fields)) = (party, &mut value.value) {
                let datum = party
                    .signature()
                    .datum
                    .rsplit('.')
                    .next()
                    .unwrap_or_default();
                fields.retain(|(k, _)| k.name != datum);
            }
        }
    }
    node
}

/// The first [`LEN`] hex digits of a hash.
pub fn short(hasher: &blake3::Hasher) -> String {
    hasher.finalize().to_hex()[..LEN].to_string()
}

/// Adds a length-prefixed string, so that parts cannot run into each other.
pub fn add(hasher: &mut blake3::Hasher, text: &str) {
    hasher.update(&(text.len() as u64).to_le_bytes());
    hasher.update(text.as_bytes());
}

/// A value as what it means: maps by sorted key, scalars with their type.
fn canonical(node: &Node, hasher: &mut blake3::Hasher) {
    match &node.value {
        Value::Map(entries) => {
            let mut sorted: Vec<_> = entries.iter().collect();
            sorted.sort_by(|a, b| a.0.name.cmp(&b.0.name));
            add(hasher, "{");
            for (key, value) in sorted {
                add(hasher, &key.name);
                canonical(value, hasher);
            }
            add(hasher, "}");
        }
        Value::Seq(items) => {
            add(hasher, "[");
            for item in items {
                canonical(item, hasher);
            }
            add(hasher, "]");
        }
        _ => {
            add(hasher, node.kind_name());
            add(hasher, &node.scalar().unwrap_or_default());
        }
    }
}

/// Text without the blank lines at its end, which change nothing printed.
/// Spaces at the end of a line stay: two of them are a line break in Markdown.
fn trimmed(text: &str) -> String {
    text.trim_end_matches(['\n', ' ']).to_string()
}

/// The hash of one line, for finding a changed line.
fn line_hash(line: &str) -> u16 {
    let hash = blake3::hash(line.as_bytes());
    u16::from_le_bytes([hash.as_bytes()[0], hash.as_bytes()[1]])
}

/// Each line of `text` with its 1-based number and hash, leaving out the
/// lines in `skip` (the record itself).
pub fn lines(text: &str, skip: Option<&RangeInclusive<usize>>) -> Vec<(usize, u16)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(n, _)| skip.is_none_or(|s| !s.contains(n)))
        .map(|(n, line)| (n, line_hash(line)))
        .collect()
}

/// Line hashes as the record writes them: four hex digits each.
pub fn encode(hashes: &[(usize, u16)]) -> String {
    hashes.iter().map(|(_, h)| format!("{h:04x}")).collect()
}

/// Line hashes read back; `None` when the text is not what [`encode`] wrote.
pub fn decode(text: &str) -> Option<Vec<u16>> {
    let digits: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !digits.len().is_multiple_of(4) {
        return None;
    }
    digits
        .chunks(4)
        .map(|c| u16::from_str_radix(&c.iter().collect::<String>(), 16).ok())
        .collect()
}

/// Lines of the current text that differ from the recorded ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The first and last changed line now; empty (`first > last`) when
    /// lines were only removed, `first` then being the line after them.
    pub first: usize,
    /// The last changed line now.
    pub last: usize,
    /// How many recorded lines these replace.
    pub removed: usize,
}

impl Change {
    /// What changed, in Dutch: "regel 78 is gewijzigd", "regels 12–14 zijn
    /// gewijzigd", "hier zijn 2 regels verwijderd".
    pub fn describe(&self) -> String {
        let change = self;
        match (change.last.checked_sub(change.first), change.removed) {
            (None, 1) => "hier is een regel verwijderd".to_string(),
            (None, n) => format!("hier zijn {n} regels verwijderd"),
            (Some(0), 0) => format!("regel {} is toegevoegd", change.first),
            (Some(_), 0) => format!("regels {}–{} zijn toegevoegd", change.first, change.last),
            (Some(0), _) => format!("regel {} is gewijzigd", change.first),
            (Some(_), _) => format!("regels {}–{} zijn gewijzigd", change.first, change.last),
        }
    }
}

/// " (onder '## Visie werknemer')" or " (in `afspraken`)": where line `line` is.
pub fn place(doc: &Document, line: usize) -> String {
    if let Some(section) = doc.sections.iter().rev().find(|s| s.pos.line <= line) {
        return format!(" (onder '## {}')", section.title);
    }
    let body_line = line_col(&doc.text, doc.body_offset).0;
    if line >= body_line {
        return " (in de tekst voor de eerste kop)".to_string();
    }
    doc.own
        .entries()
        .iter()
        .rev()
        .find(|(k, _)| k.pos.line <= line)
        .map_or_else(String::new, |(k, _)| format!(" (in `{}`)", k.name))
}

/// Above this many comparisons the changed lines are reported as one
/// stretch: a bound on the time a rewritten file takes.
const MAX_CELLS: usize = 4_000_000;

/// Where `now` (numbered line hashes) differs from the recorded `then`.
pub fn changes(then: &[u16], now: &[(usize, u16)]) -> Vec<Change> {
    let prefix = then
        .iter()
        .zip(now)
        .take_while(|(a, (_, b))| *a == b)
        .count();
    let rest_then = &then[prefix..];
    let rest_now = &now[prefix..];
    let suffix = rest_then
        .iter()
        .rev()
        .zip(rest_now.iter().rev())
        .take_while(|(a, (_, b))| *a == b)
        .count();
    let old = &rest_then[..rest_then.len() - suffix];
    let new = &rest_now[..rest_now.len() - suffix];
    // The line after the changed stretch, for a removal at its end.
    let after = rest_now
        .get(rest_now.len() - suffix)
        .map_or_else(|| now.last().map_or(1, |(n, _)| n + 1), |(n, _)| *n);
    if old.is_empty() && new.is_empty() {
        return Vec::new();
    }
    if old.len().saturating_mul(new.len()) > MAX_CELLS {
        return vec![stretch(new, old.len(), after)];
    }
    hunks(old, new, after)
}

fn stretch(new: &[(usize, u16)], removed: usize, after: usize) -> Change {
    match (new.first(), new.last()) {
        (Some((first, _)), Some((last, _))) => Change {
            first: *first,
            last: *last,
            removed,
        },
        _ => Change {
            first: after,
            last: after - 1,
            removed,
        },
    }
}

/// The changed stretches between `old` and `new`, by their longest common
/// subsequence.
fn hunks(old: &[u16], new: &[(usize, u16)], after: usize) -> Vec<Change> {
    let (n, m) = (old.len(), new.len());
    // common[i][j]: the longest common subsequence of old[i..] and new[j..].
    let mut common = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[at(i, j)] = if old[i] == new[j].1 {
                common[at(i + 1, j + 1)] + 1
            } else {
                common[at(i + 1, j)].max(common[at(i, j + 1)])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut open: Option<(usize, usize)> = None; // (first new index, old lines removed)
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j].1 {
            close(&mut open, j, new, after, &mut out);
            i += 1;
            j += 1;
        } else if j < m && (i == n || common[at(i, j + 1)] >= common[at(i + 1, j)]) {
            open.get_or_insert((j, 0));
            j += 1;
        } else {
            open.get_or_insert((j, 0)).1 += 1;
            i += 1;
        }
    }
    close(&mut open, m, new, after, &mut out);
    out
}

fn close(
    open: &mut Option<(usize, usize)>,
    end: usize,
    new: &[(usize, u16)],
    after: usize,
    out: &mut Vec<Change>,
) {
    if let Some((start, removed)) = open.take() {
        let next = new.get(end).map_or(after, |(n, _)| *n);
        out.push(if start < end {
            Change {
                first: new[start].0,
                last: new[end - 1].0,
                removed,
            }
        } else {
            Change {
                first: next,
                last: next - 1,
                removed,
            }
        });
    }
}

/// The record of the signed version in a document's front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where the record's key is.
    pub pos: Pos,
    /// The lines the record takes (its key and everything indented under it).
    pub lines: RangeInclusive<usize>,
    /// The fingerprint of the signed content.
    pub fingerprint: Option<String>,
    /// The signature dates of the signed version, werknemer and werkgever.
    pub signed: [Option<NaiveDate>; 2],
    /// What made the PDF, by key of [`PDF_KEYS`].
    pub pdf: Vec<(String, String)>,
    /// The hash of each line of the file outside the record.
    pub line_hashes: Option<Vec<u16>>,
}

impl Record {
    /// The later of the two recorded signature dates.
    pub fn signed_on(&self) -> Option<NaiveDate> {
        self.signed.iter().flatten().max().copied()
    }
}

/// The record's key of each party's signature date, werknemer first.
const RECORDED_DATES: [&str; 2] = [paths::GETEKEND_WERKNEMER, paths::GETEKEND_WERKGEVER];

/// The record of `doc`, when it has one.
pub fn record(doc: &Document) -> Option<Record> {
    let (key, _) = doc
        .own
        .entries()
        .iter()
        .find(|(k, _)| k.name == paths::GETEKENDE_VERSIE)?;
    let text = |path: &str| doc.own.get(path).and_then(Node::text);
    let pdf = doc
        .own
        .get(paths::GETEKENDE_PDF)
        .map(|n| {
            PDF_KEYS
                .iter()
                .filter_map(|k| Some((k.to_string(), n.child(k)?.text()?)))
                .collect()
        })
        .unwrap_or_default();
    Some(Record {
        pos: key.pos.clone(),
        lines: key.pos.line..=record_end(doc, key.pos.line),
        fingerprint: text(paths::VINGERAFDRUK),
        signed: RECORDED_DATES.map(|path| doc.own.get(path).and_then(Node::as_date)),
        pdf,
        line_hashes: text(paths::GETEKENDE_REGELS).and_then(|t| decode(&t)),
    })
}

/// The last line of the top-level entry that starts on `line`: the line
/// before the next unindented line of the front matter, or its last line.
fn record_end(doc: &Document, line: usize) -> usize {
    let yaml_end = front_matter::split(&doc.text).map_or(doc.text.len(), |s| s.yaml_end);
    let (fence, _) = line_col(&doc.text, yaml_end);
    doc.text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .skip(line)
        .take_while(|(n, _)| *n < fence)
        .find(|(_, l)| !l.is_empty() && !l.starts_with([' ', '\t']))
        .map_or(fence - 1, |(n, _)| n - 1)
}

/// The two signature dates of `doc` now, werknemer first.
pub fn signature_dates(doc: &Document) -> [Option<NaiveDate>; 2] {
    Party::BOTH.map(|who| doc.get(who.signature().datum).and_then(Node::as_date))
}

/// True when both parties signed again after `then`: both dates later.
pub fn signed_again_after(doc: &Document, then: NaiveDate) -> bool {
    signature_dates(doc)
        .iter()
        .all(|d| d.is_some_and(|d| d > then))
}

/// The first line of the comment [`record_yaml`] writes above the record.
const RECORD_COMMENT: &str = "# Vastgelegd met `pva freeze` toen beide partijen tekenden";

/// The record as YAML, with the comment that says what it is. `pdf` holds
/// the values of [`PDF_KEYS`], `lines` the encoded line hashes.
pub fn record_yaml(
    fingerprint: &str,
    signed: [Option<NaiveDate>; 2],
    pdf: &[(String, String)],
    lines: &str,
) -> String {
    let [werknemer, werkgever] =
        signed.map(|d| d.map_or_else(|| "~".to_string(), |d| d.to_string()));
    let mut out = format!(
        "{RECORD_COMMENT}: de vingerafdruk van deze\n# versie (ook onderaan elke pagina van de PDF). Wijzig het document hierna niet meer:\n# een correctie is een bijstelling, of een versie die beide partijen opnieuw tekenen.\n{}:\n  vingerafdruk: \"{fingerprint}\"\n  getekend_werknemer: {werknemer}\n  getekend_werkgever: {werkgever}\n  pdf:\n",
        paths::GETEKENDE_VERSIE
    );
    for (key, value) in pdf {
        out.push_str(&format!("    {key}: \"{value}\"\n"));
    }
    out.push_str("  regels: >-\n");
    let chars: Vec<char> = lines.chars().collect();
    for row in chars.chunks(64) {
        out.push_str("    ");
        out.extend(row);
        out.push('\n');
    }
    if chars.is_empty() {
        out.push_str("    \n");
    }
    out
}

/// `text` (a document's normalised text) with its record, if any, and the
/// comment above it removed, and `record` put at the end of its front matter.
pub fn with_record(text: &str, old: Option<&Record>, record: &str) -> Option<String> {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if let Some(old) = old {
        let mut first = *old.lines.start();
        while first > 1 && lines[first - 2].starts_with('#') {
            first -= 1;
        }
        let comment_is_ours = lines[first - 1].starts_with(RECORD_COMMENT);
        let first = if comment_is_ours {
            first
        } else {
            *old.lines.start()
        };
        let last = (*old.lines.end()).min(lines.len());
        lines.drain(first - 1..last);
    }
    let text: String = lines.concat();
    let split = front_matter::split(&text).ok()?;
    let before = &text[..split.yaml_end];
    let gap = if before.ends_with("\n\n") || before.ends_with("---\n") {
        ""
    } else {
        "\n"
    };
    let mut out = text.clone();
    out.insert_str(split.yaml_end, &format!("{gap}{record}"));
    Some(out)
}

#[cfg(test)]
mod tests;
