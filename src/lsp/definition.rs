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
    // A group's value starts at its first key, a line below the key that
    // names it: land on the key's own line.
    let last = path.rsplit('.').next().unwrap_or(&path);
    let line = key_line(&target, pos.line, last);
    let col = match target.lines().nth(line - 1) {
        Some(key) if line != pos.line => key.len() - key.trim_start().len() + 1,
        _ => pos.col,
    };
    let index = LineIndex::new(&target);
    let start = index.position(line, col);
    Some(Location::new(
        uri_of(&pos.file)?,
        lsp_types::Range::new(start, start),
    ))
}

/// The line (1-based) of the key that names the value starting at `line`
/// of `text`: the line itself for a plain value (`naam: x`), the nearest
/// line above with `last:` less indented for a group, whose value starts
/// a line (or a comment) below its key.
fn key_line(text: &str, line: usize, last: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let Some(value) = lines.get(line.saturating_sub(1)) else {
        return line;
    };
    if value.trim_start().starts_with(&format!("{last}:")) {
        return line;
    }
    (1..line)
        .rev()
        .find(|&n| {
            let l = lines[n - 1];
            indent(l) < indent(value) && l.trim_start().starts_with(&format!("{last}:"))
        })
        .unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::key_line;

    #[test]
    fn a_group_lands_on_its_key() {
        let text = "werkgever:\n  # de werkgever\n  bedrijfsnaam: X\nwerknemer:\n  naam: Y\n";
        assert_eq!(key_line(text, 3, "werkgever"), 1);
        assert_eq!(key_line(text, 5, "naam"), 5);
        assert_eq!(key_line(text, 5, "werknemer"), 4);
    }
}
