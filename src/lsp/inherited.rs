//! The value a key inherits, and where it was written: for a document what
//! its dossier gave on its date (or what it froze), for `dossier.yaml` and
//! `gedeeld.yaml` what the files farther up the chain set.

use std::path::Path;
use std::sync::Arc;

use super::workspace::{Role, Workspace, role};
use crate::case::{Chain, Node, SHARED_FILE, paths};

/// An inherited value.
pub(super) struct Inherited {
    /// The value, with the position it was written at.
    pub node: Node,
    /// True when it comes from the document's own `bevroren:` record.
    pub frozen: bool,
}

/// What the key at dotted `path` of `file` inherits, if anything.
pub(super) fn inherited(workspace: &Workspace, file: &Path, path: &str) -> Option<Inherited> {
    let dir = dossier_reading(workspace, file)?;
    let dossier = workspace.load(&dir);
    let empty = Node::empty_map(Arc::from(dossier.file()));
    match role(&dossier, file)? {
        Role::Document(doc) if doc.frozen => Some(Inherited {
            node: doc.own.get(paths::BEVROREN)?.get(path)?.clone(),
            frozen: true,
        }),
        Role::Document(doc) => Some(Inherited {
            node: dossier.base_at(doc.date()).get(path)?.clone(),
            frozen: false,
        }),
        Role::Inherited(farther) => Some(Inherited {
            node: Chain::new(farther.to_vec())
                .merged(empty)
                .get(path)?
                .clone(),
            frozen: false,
        }),
    }
}

/// A dossier that reads `file`: its own, or for a `gedeeld.yaml` the first
/// dossier below it (all of them inherit the same files above).
fn dossier_reading(workspace: &Workspace, file: &Path) -> Option<std::path::PathBuf> {
    match file.file_name()? == SHARED_FILE {
        true => workspace.affected(file).into_iter().next(),
        false => workspace.dossier_of(file),
    }
}

/// A value for a hover: the text of a scalar, else what kind of value it is.
pub(super) fn shown(node: &Node) -> String {
    match node.text() {
        Some(text) => {
            let line = text.lines().next().unwrap_or("");
            let short: String = line.chars().take(60).collect();
            let more = short.len() < text.len();
            format!("`{short}`{}", if more { " …" } else { "" })
        }
        None if !node.items().is_empty() => format!("{} regel(s)", node.items().len()),
        None if !node.entries().is_empty() => "een groep velden".to_string(),
        None => "leeg".to_string(),
    }
}
