//! Inherited data as it stood on a date: the `gedeeld.yaml` files and
//! `dossier.yaml`, their dated changes (`wijzigingen`), the probleemanalyse
//! in force and the verloop up to that day.

use chrono::NaiveDate;

use super::node::{Node, Value};
use super::{date, paths};

/// The inherited files of a dossier, farthest first, as parsed.
#[derive(Debug, Clone, Default)]
pub struct Chain {
    files: Vec<Node>,
}

impl Chain {
    /// A chain of parsed files, farthest first.
    pub fn new(files: Vec<Node>) -> Chain {
        Chain { files }
    }

    /// The parsed files, farthest first.
    pub fn files(&self) -> &[Node] {
        &self.files
    }

    /// Every file merged as written, history included: what the dossier's
    /// own rules (timing, agenda) read.
    pub fn merged(&self, empty: Node) -> Node {
        let mut base = empty;
        for file in &self.files {
            base.merge(file.clone());
        }
        base
    }

    /// What a document dated `day` inherits: each file's values with its
    /// changes from on or before `day` merged over them, the probleemanalyse
    /// in force that day, and the verloop up to that day. Without a date,
    /// every change applies.
    pub fn at(&self, day: Option<NaiveDate>, empty: Node) -> Node {
        let mut base = empty;
        for file in &self.files {
            let mut plain = file.clone();
            let changes = take(&mut plain, paths::WIJZIGINGEN);
            base.merge(plain);
            for change in applicable(changes.as_ref(), day) {
                base.merge(change);
            }
        }
        if let Some(group) = child_mut(&mut base, paths::PROBLEEMANALYSE) {
            let later = take(group, "bijstellingen");
            if let Some(analysis) = analysis_in_force(later.as_ref(), day) {
                // "No possibilities" holds only as long as no bijstelling says otherwise.
                take(group, "geen_benutbare_mogelijkheden");
                group.merge(analysis);
            }
        }
        if let Some(day) = day {
            keep_verloop_until(&mut base, day);
        }
        base
    }
}

/// The changes of one file that apply on `day`, by date, without `vanaf`.
fn applicable(changes: Option<&Node>, day: Option<NaiveDate>) -> Vec<Node> {
    let mut dated: Vec<(NaiveDate, Node)> = changes
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|change| {
            let from = change.child("vanaf")?.as_date()?;
            let mut change = change.clone();
            take(&mut change, "vanaf");
            Some((from, change))
        })
        .filter(|(from, _)| day.is_none_or(|d| *from <= d))
        .collect();
    dated.sort_by_key(|(from, _)| *from);
    dated.into_iter().map(|(_, change)| change).collect()
}

/// The latest bijstelling of the probleemanalyse received on or before `day`.
fn analysis_in_force(later: Option<&Node>, day: Option<NaiveDate>) -> Option<Node> {
    let effective = |row: &Node| {
        let text = |key| row.child(key).and_then(Node::text);
        let written = text("ontvangen_op").or_else(|| text("datum"));
        written.and_then(|t| date::parse(&t))
    };
    later?
        .items()
        .iter()
        .filter_map(|row| Some((effective(row)?, row)))
        .filter(|(from, _)| day.is_none_or(|d| *from <= d))
        .max_by_key(|(from, _)| *from)
        .map(|(_, row)| row.clone())
}

fn keep_verloop_until(base: &mut Node, day: NaiveDate) {
    let Some(verloop) = child_mut(base, "verzuim").and_then(|v| child_mut(v, "verloop")) else {
        return;
    };
    if let Value::Seq(rows) = &mut verloop.value {
        rows.retain(|row| {
            row.child("datum")
                .and_then(Node::as_date)
                .is_none_or(|d| d <= day)
        });
    }
}

/// Removes `key` from a mapping and returns its value.
pub(crate) fn take(node: &mut Node, key: &str) -> Option<Node> {
    let Value::Map(entries) = &mut node.value else {
        return None;
    };
    let index = entries.iter().position(|(k, _)| k.name == key)?;
    Some(entries.remove(index).1)
}

fn child_mut<'a>(node: &'a mut Node, key: &str) -> Option<&'a mut Node> {
    match &mut node.value {
        Value::Map(entries) => entries
            .iter_mut()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v),
        _ => None,
    }
}
