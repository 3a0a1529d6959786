//! Go to definition: from a key to the file and line that set the value it
//! inherits.

use std::path::Path;

use lsp_types::{Location, Position};

use super::hover::key_path;
use super::inherited::inherited;
use super::position::{LineIndex, uri_of};
use super::workspace::{Workspace, is_markdown};

/// Where the value inherited by the key at `position` of `file` is written.
pub(super) fn definition(
    workspace: &Workspace,
    file: &Path,
    position: Position,
) -> Option<Location> {
    let text = workspace.text(file)?;
    let col = LineIndex::new(&text).char_col(position);
    let path = key_path(&text, position.line as usize, col, is_markdown(file))?;
    let pos = inherited(workspace, file, &path)?.node.pos;
    let target = workspace.text(&pos.file)?;
    let index = LineIndex::new(&target);
    let start = index.position(pos.line, pos.col);
    Some(Location::new(
        uri_of(&pos.file)?,
        lsp_types::Range::new(start, start),
    ))
}
