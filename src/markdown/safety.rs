//! What the writer promises, checked on its output: the Typst it writes
//! holds no code but the writer's own calls. Typst's parser reads the
//! generated markup, and every piece of code in it must be a call of one
//! of the functions the writer uses, with arguments of the kinds it
//! writes (strings, numbers, alignments, content); every other piece must
//! be plain or escaped text. Text a user wrote that Typst would read as
//! code or markup (`#read(..)`, `*bold*`, `= heading`, `<label>`) fails
//! the check. The fuzz target `fuzz/fuzz_targets/markdown.rs` and the
//! property test below run it.

use typst::syntax::{SyntaxKind, SyntaxNode};

/// The functions the writer calls in markup.
const CALLS: &[&str] = &[
    "emph",
    "strong",
    "strike",
    "link",
    "raw",
    "quote",
    "list",
    "enum",
    "table",
    "heading",
    "linebreak",
    "line",
];

/// The named arguments the writer passes.
const NAMED: &[&str] = &[
    "start", "block", "columns", "align", "length", "stroke", "level",
];

/// The characters the escaper puts a backslash before.
const ESCAPED: &str = "\\#[]{}();*_`$<>@=-+/.:~'\"";

/// Checks that `typst` (the writer's output) parses without errors and
/// holds only the writer's calls and escaped text; the error says what
/// Typst would have read as code or markup.
#[doc(hidden)]
pub fn check_generated(typst: &str) -> Result<(), String> {
    let root = typst::syntax::parse(typst);
    if root.diagnosis().errors {
        let errors: Vec<String> = root
            .errors_and_warnings()
            .0
            .iter()
            .map(|e| e.message.to_string())
            .collect();
        return Err(format!("Typst cannot parse it: {}", errors.join("; ")));
    }
    markup(&root)
}

/// Markup: text, spaces and escapes, and `#` before one of the calls.
fn markup(node: &SyntaxNode) -> Result<(), String> {
    let mut after_hash = false;
    for child in node.children() {
        let embedded = std::mem::take(&mut after_hash);
        match child.kind() {
            SyntaxKind::Text | SyntaxKind::Space | SyntaxKind::Parbreak => {}
            SyntaxKind::Escape => escape(child)?,
            SyntaxKind::Hash => after_hash = true,
            SyntaxKind::FuncCall if embedded => call(child, CALLS)?,
            // `#[..]`: a link the writer shows as text.
            SyntaxKind::ContentBlock if embedded => value(child)?,
            SyntaxKind::Semicolon => {}
            kind => return Err(unexpected(kind, child)),
        }
    }
    Ok(())
}

/// An escape the escaper writes: a backslash and one special character
/// (never `\u{..}`, which would stand for another character).
fn escape(node: &SyntaxNode) -> Result<(), String> {
    let mut chars = node.leaf_text().chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('\\'), Some(c), None) if ESCAPED.contains(c) => Ok(()),
        _ => Err(unexpected(node.kind(), node)),
    }
}

/// A call of one of `allowed` (a name or `table.header`), with arguments
/// the writer passes.
fn call(node: &SyntaxNode, allowed: &[&str]) -> Result<(), String> {
    let mut children = node.children();
    let callee = children.next().ok_or("a call without a function")?;
    let name = callee.full_text();
    let known = match callee.kind() {
        SyntaxKind::Ident => allowed.contains(&name.as_str()),
        SyntaxKind::FieldAccess => name == "table.header",
        _ => false,
    };
    if !known {
        return Err(format!("a call of `{name}`, which the writer never makes"));
    }
    for part in children {
        match part.kind() {
            SyntaxKind::Args => arguments(part)?,
            kind => return Err(unexpected(kind, part)),
        }
    }
    Ok(())
}

fn arguments(node: &SyntaxNode) -> Result<(), String> {
    for arg in node.children() {
        match arg.kind() {
            SyntaxKind::LeftParen
            | SyntaxKind::RightParen
            | SyntaxKind::Comma
            | SyntaxKind::Space => {}
            SyntaxKind::Named => named(arg)?,
            _ => value(arg)?,
        }
    }
    Ok(())
}

fn named(node: &SyntaxNode) -> Result<(), String> {
    for (i, part) in node.children().enumerate() {
        match (i, part.kind()) {
            (0, SyntaxKind::Ident) if NAMED.contains(&part.leaf_text().as_str()) => {}
            (_, SyntaxKind::Colon | SyntaxKind::Space) if i > 0 => {}
            (_, _) if i > 0 => value(part)?,
            (_, kind) => return Err(unexpected(kind, part)),
        }
    }
    Ok(())
}

/// A value the writer passes: a string, a number, an alignment, content,
/// or `table.header(..)`.
fn value(node: &SyntaxNode) -> Result<(), String> {
    match node.kind() {
        SyntaxKind::Str | SyntaxKind::Int | SyntaxKind::Numeric | SyntaxKind::Bool => Ok(()),
        SyntaxKind::Ident if ["left", "center", "right"].contains(&node.leaf_text().as_str()) => {
            Ok(())
        }
        SyntaxKind::Array => node.children().try_for_each(|item| match item.kind() {
            SyntaxKind::LeftParen
            | SyntaxKind::RightParen
            | SyntaxKind::Comma
            | SyntaxKind::Space => Ok(()),
            _ => value(item),
        }),
        SyntaxKind::ContentBlock => node.children().try_for_each(|part| match part.kind() {
            SyntaxKind::LeftBracket | SyntaxKind::RightBracket => Ok(()),
            SyntaxKind::Markup => markup(part),
            kind => Err(unexpected(kind, part)),
        }),
        SyntaxKind::FuncCall => call(node, &[]),
        kind => Err(unexpected(kind, node)),
    }
}

fn unexpected(kind: SyntaxKind, node: &SyntaxNode) -> String {
    let text: String = node.full_text().chars().take(80).collect();
    format!(
        "{} `{text}` is not something the writer writes",
        kind.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::to_typst;

    #[test]
    fn the_writers_output_passes() {
        let markdown = "# Kop\n\nTekst met *nadruk*, **vet**, ~~weg~~, `code` en [een link](https://example.org).\n\n\
            > citaat\n\n1. een\n2. twee\n\n- [x] klaar\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n```\ncode\n```\n\nregel\\\nnieuw\n\n---\n";
        let typst = to_typst(markdown);
        assert_eq!(check_generated(&typst), Ok(()), "{typst}");
    }

    #[test]
    fn code_or_markup_in_text_fails() {
        for bad in [
            "#read(\"/etc/passwd\")",
            "*vet*",
            "= kop",
            "<label>",
            "@ref",
            "#emph[x] #panic()",
            "#link(\"x\", read(\"/etc/passwd\"))[x]",
            "\\u{41}",
            "#emph[x",
        ] {
            assert!(check_generated(bad).is_err(), "{bad}");
        }
    }

    proptest::proptest! {
        /// Random Markdown made of the characters that mean something in
        /// Markdown or Typst: the output holds only the writer's code.
        #[test]
        fn random_markdown_writes_no_code(markdown in "[-#*_`~>|\\[\\](){}<>!:/\\\\$@=+.;'\" a-z0-9\n]{0,200}") {
            let typst = to_typst(&markdown);
            if let Err(e) = check_generated(&typst) {
                proptest::prop_assert!(false, "{e}\n--- markdown:\n{markdown}\n--- typst:\n{typst}");
            }
        }
    }
}
