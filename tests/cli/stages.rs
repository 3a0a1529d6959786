//! Stages depend one way: no module of `src/` imports a later stage
//! (docs/architecture.md shows the order). Read from the source files, so a
//! new `use crate::…` in the wrong direction fails here.

use std::path::Path;

use crate::support::repo;

/// Each module's stage; a module may use modules of its own or an earlier
/// stage. `rules` is the rule table: data that only the findings (`diag`)
/// come before, so `case` may name the rules of its loading problems.
const STAGES: &[(&str, usize)] = &[
    ("diag", 0),
    ("fs", 0),
    ("glyphs", 0),
    ("rules", 0),
    ("case", 1),
    ("law", 2),
    ("lint", 2),
    ("config", 2),
    ("markdown", 3),
    ("render", 4),
    ("compile", 5),
    ("pipeline", 6),
    ("manifest", 6),
    ("cache", 6),
    ("mirror", 6),
    ("agenda", 6),
    ("scaffold", 6),
    ("freeze", 6),
    ("riv", 6),
    ("record", 6),
    ("verify", 6),
    ("report", 6),
    ("ci", 6),
    ("json_schema", 6),
    ("shard", 6),
    ("lsp", 7),
    ("run", 7),
    ("cli", 7),
];

#[test]
fn no_module_imports_a_later_stage() {
    let files = sources(&repo().join("src"));
    assert_eq!(violations(&files), Vec::<String>::new());
}

#[test]
fn the_check_sees_the_imports_it_judges() {
    let files = sources(&repo().join("src"));
    let seen: Vec<String> = imports(&files)
        .into_iter()
        .map(|(_, module, used)| format!("{module} -> {used}"))
        .collect();
    for edge in [
        "pipeline -> compile",
        "case -> diag",
        "case -> rules",
        "render -> markdown",
    ] {
        assert!(
            seen.iter().any(|e| e == edge),
            "{edge} not seen in {seen:?}"
        );
    }
}

#[test]
fn an_import_of_a_later_stage_is_named() {
    let files = vec![
        (
            "diag.rs".to_string(),
            "use crate::lint::Rule;\n".to_string(),
        ),
        (
            "case/node.rs".to_string(),
            "use crate::{diag::{Pos, Severity}, render::Templates};\n".to_string(),
        ),
        ("cli.rs".to_string(), "use crate::diag;\n".to_string()),
    ];
    assert_eq!(
        violations(&files),
        [
            "src/diag.rs: diag (stage 0) imports lint (stage 2)",
            "src/case/node.rs: case (stage 1) imports render (stage 4)",
            "src/cli.rs: cli imports diag; cli.rs must import nothing from the crate (build scripts include it)",
        ]
    );
}

/// Every `.rs` file below `dir`: path relative to `src/`, text.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let name = p
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut out: Vec<String> = imports(files)
        .into_iter()
        .filter_map(|(path, module, used)| {
            if module == "cli" {
                return Some(format!("src/{path}: cli imports {used}; cli.rs must import nothing from the crate (build scripts include it)"));
            }
            let (from, to) = (stage(&module, path), stage(&used, path));
            (to > from).then(|| format!("src/{path}: {module} (stage {from}) imports {used} (stage {to})"))
        })
        .collect();
    out.dedup();
    out
}

/// Every import of another module: (file, its module, the module it uses).
fn imports(files: &[(String, String)]) -> Vec<(&str, String, String)> {
    let mut out = Vec::new();
    for (path, text) in files {
        let Some(module) = module_of(path) else {
            continue;
        };
        for used in used_modules(text).into_iter().filter(|u| *u != module) {
            out.push((path.as_str(), module.clone(), used));
        }
    }
    out
}

/// The stage-level module of a file; `None` for the crate root.
fn module_of(path: &str) -> Option<String> {
    let first = path.split('/').next()?.trim_end_matches(".rs");
    (!matches!(first, "lib" | "main")).then(|| first.to_string())
}

fn stage(module: &str, path: &str) -> usize {
    STAGES
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, stage)| *stage)
        .unwrap_or_else(|| {
            panic!("src/{path}: module `{module}` has no stage; add it to STAGES in tests/cli/stages.rs and to docs/architecture.md")
        })
}

/// The modules named after `crate::` in `text`, including each name of a
/// `crate::{a, b::{c, d}}` group.
fn used_modules(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => out.extend(top_level_items(group).filter_map(path_module)),
            None => out.extend(path_module(rest)),
        }
    }
    out
}

/// The items of a `{…}` group (given without its `{`), split at the commas
/// outside nested groups.
fn top_level_items(group: &str) -> impl Iterator<Item = &str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.into_iter().map(str::trim)
}

/// The module a path such as `rules::YAML` starts with.
fn path_module(path: &str) -> Option<String> {
    let name: String = path
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        return None;
    }
    Some(name)
}
