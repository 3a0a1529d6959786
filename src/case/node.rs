//! A YAML tree that remembers where each key and value was written, so that
//! inherited values keep their own file and lint can point at them.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// Positions are defined with the findings that point at them.
pub use crate::diag::Pos;

/// A YAML value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it was written.
    pub pos: Pos,
}

/// A mapping key with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key text.
    pub name: String,
    /// Where it was written.
    pub pos: Pos,
}

/// The kinds of YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// Text.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Key, Node)>),
}

impl Node {
    /// Looks up a dotted path such as `werknemer.naam`.
    pub fn get(&self, path: &str) -> Option<&Node> {
        path.split('.').try_fold(self, |node, key| node.child(key))
    }

    /// The value of `key` when this node is a mapping.
    pub fn child(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The entries when this node is a mapping.
    pub fn entries(&self) -> &[(Key, Node)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The items when this node is a list.
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    /// The text of a scalar (numbers and booleans as written), or `None` for
    /// null, lists and mappings.
    pub fn scalar(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The trimmed text of a scalar, `None` when absent or blank.
    pub fn text(&self) -> Option<String> {
        self.scalar()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    /// The value as a boolean: `Some` only for a YAML `true` / `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The value as a date written `YYYY-MM-DD`.
    pub fn as_date(&self) -> Option<chrono::NaiveDate> {
        self.text().and_then(|t| super::date::parse(&t))
    }

    /// True for null and blank strings.
    pub fn is_blank(&self) -> bool {
        match &self.value {
            Value::Null => true,
            Value::Str(s) => s.trim().is_empty(),
            Value::Seq(items) => items.is_empty(),
            Value::Map(entries) => entries.is_empty(),
            _ => false,
        }
    }

    /// A short name of the value's kind, in Dutch, for messages.
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "leeg",
            Value::Bool(_) => "ja/nee-waarde",
            Value::Int(_) | Value::Float(_) => "getal",
            Value::Str(_) => "tekst",
            Value::Seq(_) => "lijst",
            Value::Map(_) => "groep van velden",
        }
    }

    /// Merges `nearer` over `self`, key by key for mappings; anything else in
    /// `nearer` replaces the farther value.
    pub fn merge(&mut self, nearer: Node) {
        match (&mut self.value, nearer.value) {
            (Value::Map(base), Value::Map(over)) => {
                for (key, value) in over {
                    match base.iter_mut().find(|(k, _)| k.name == key.name) {
                        Some((_, existing)) => existing.merge(value),
                        None => base.push((key, value)),
                    }
                }
            }
            (_, value) => {
                self.value = value;
                self.pos = nearer.pos;
            }
        }
    }

    /// An empty mapping, the neutral element of [`Node::merge`].
    pub fn empty_map(file: Arc<Path>) -> Node {
        Node {
            value: Value::Map(Vec::new()),
            pos: Pos {
                file,
                line: 1,
                col: 1,
            },
        }
    }
}

/// Parses YAML `text` from `file`, whose first line is file line `first_line`.
pub(super) fn parse(text: &str, file: &Arc<Path>, first_line: usize) -> Result<Node, YamlError> {
    if let Some(mut tagged) = first_tag(text) {
        tagged.line += first_line - 1;
        return Err(tagged);
    }
    let options = serde_saphyr::options! { strict_booleans: true, with_snippet: false };
    let raw: Spanned<Raw> = serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let (line, col) = e
            .location()
            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        YamlError {
            message: clean_message(&e.to_string()),
            line: line.max(1) + first_line - 1,
            col: col.max(1),
            tag: None,
        }
    })?;
    Ok(into_node(raw, file, first_line - 1))
}

/// A YAML syntax or structure error, at a file position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct YamlError {
    /// What the parser said.
    pub message: String,
    /// 1-based file line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// A tag (`!!binary`, `!eigen`) written here: refused, since the
    /// deserialiser would silently decode or drop it.
    pub tag: Option<String>,
}

/// The first tag in `text`, as an error at its position (line 1 is the
/// text's first line). Text without a `!` has none, so most files are not
/// parsed twice.
fn first_tag(text: &str) -> Option<YamlError> {
    use serde_saphyr::granit_parser::{Event, Parser};
    if !text.contains('!') {
        return None;
    }
    for event in Parser::new_from_str(text) {
        // A syntax error is reported by the real parse.
        let Ok((event, span)) = event else {
            return None;
        };
        let tagged = match event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, _, tag)
            | Event::MappingStart(_, _, tag) => tag.is_some(),
            _ => false,
        };
        if tagged {
            let at = span.tag_start.unwrap_or(span.start);
            let line_text = text.lines().nth(at.line().saturating_sub(1)).unwrap_or("");
            let written: String = line_text
                .chars()
                .skip(at.col())
                .take_while(|c| !c.is_whitespace())
                .collect();
            return Some(YamlError {
                message: String::new(),
                line: at.line().max(1),
                col: at.col() + 1,
                tag: Some(written),
            });
        }
    }
    None
}

/// Drops the parser's own " at line X column Y" suffix: we print positions ourselves.
fn clean_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    match first.find(" at line ") {
        Some(at) => first[..at].to_string(),
        None => first.to_string(),
    }
}

/// The tree as deserialised, before the file is attached.
struct Raw(RawValue);

enum RawValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

/// Attaches `file` and the line offset to a deserialised tree.
fn into_node(raw: Spanned<Raw>, file: &Arc<Path>, line_offset: usize) -> Node {
    {
        let pos = |line: u64, col: u64| Pos {
            file: file.clone(),
            line: line.max(1) as usize + line_offset,
            col: col.max(1) as usize,
        };
        let at = pos(raw.referenced.line(), raw.referenced.column());
        let value = match raw.value.0 {
            RawValue::Null => Value::Null,
            RawValue::Bool(b) => Value::Bool(b),
            RawValue::Int(i) => Value::Int(i),
            RawValue::Float(f) => Value::Float(f),
            RawValue::Str(s) => Value::Str(s),
            RawValue::Seq(items) => Value::Seq(
                items
                    .into_iter()
                    .map(|i| into_node(i, file, line_offset))
                    .collect(),
            ),
            RawValue::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        let key = Key {
                            pos: pos(k.referenced.line(), k.referenced.column()),
                            name: k.value,
                        };
                        (key, into_node(v, file, line_offset))
                    })
                    .collect(),
            ),
        };
        Node { value, pos: at }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw(RawValue::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw(RawValue::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw(RawValue::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw(RawValue::Int(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw(
            i64::try_from(v).map_or(RawValue::Float(v as f64), RawValue::Int)
        ))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw(RawValue::Float(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw(RawValue::Str(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
        Ok(Raw(RawValue::Str(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw(RawValue::Seq(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Raw(RawValue::Map(entries)))
    }
}
