//! The project configuration file, `pva.toml`: per-rule severities for
//! employers whose arbodienst agreed otherwise (`[lint]`), and the bounds of
//! compiling one document (`[build]`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::Severity;
use crate::rules;

/// The name of the project configuration file.
pub const FILE: &str = "pva.toml";

/// A problem in `pva.toml`.
#[derive(Debug, thiserror::Error)]
// Named as the user knows it: the project's pva.toml, wherever they stand.
#[error("{}: {message}", path.file_name().unwrap_or_default().to_string_lossy())]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong, and how to fix it.
    pub message: String,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    lint: BTreeMap<String, String>,
    #[serde(default)]
    build: Limits,
}

/// `[build]` in `pva.toml`: the bounds of compiling one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Seconds one document may take to typeset (`max_seconds`).
    pub max_seconds: u64,
    /// Megabytes of memory typesetting one document may use (`max_memory_mb`).
    pub max_memory_mb: u64,
}

/// The worst document lint accepts builds in 0.3 s and 154 MB
/// (docs/performance.md); these leave room for slow, loaded CI runners and
/// for templates of a project's own, and still stop a runaway template long
/// before it takes a 7 GB runner down.
impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_seconds: 60,
            max_memory_mb: 2048,
        }
    }
}

/// Reads `[build]` from `root/pva.toml`; the defaults when it does not exist.
pub fn limits(root: &Path) -> Result<Limits, ConfigError> {
    let path = root.join(FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Limits::default());
    };
    let err = |message: String| ConfigError {
        path: path.clone(),
        message,
    };
    let file: File = toml::from_str(&text).map_err(|e| err(toml_message(&text, &e)))?;
    let limits = file.build;
    if limits.max_seconds == 0 || limits.max_memory_mb < MIN_MEMORY_MB {
        return Err(err(format!(
            "[build]: max_seconds moet minstens 1 zijn en max_memory_mb minstens {MIN_MEMORY_MB} (zoveel hebben de lettertypen en typst al nodig); zonder [build] is het {} en {}",
            Limits::default().max_seconds,
            Limits::default().max_memory_mb
        )));
    }
    Ok(limits)
}

/// The TOML reader's complaint in Dutch: where (line), what it said, and
/// how `pva.toml` is written.
fn toml_message(text: &str, error: &toml::de::Error) -> String {
    let line = error
        .span()
        .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
    let at = line.map(|l| format!("regel {l}: ")).unwrap_or_default();
    format!(
        "{at}dit is geen geldige TOML (de lezer meldt: {}); schrijf per regel `PVA016 = \"off\"` onder [lint], of `max_seconds = 60` onder [build]",
        error.message().trim()
    )
}

/// Below this a worker cannot even load the fonts.
const MIN_MEMORY_MB: u64 = 256;

/// Reads the rule severities from `root/pva.toml`; none when it does not exist.
pub fn severities(root: &Path) -> Result<BTreeMap<String, Option<Severity>>, ConfigError> {
    let path = root.join(FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(BTreeMap::new());
    };
    let err = |message: String| ConfigError {
        path: path.clone(),
        message,
    };
    let file: File = toml::from_str(&text).map_err(|e| err(toml_message(&text, &e)))?;
    let mut out = BTreeMap::new();
    for (code, level) in file.lint {
        let rule = rules::find(&code).ok_or_else(|| {
            err(format!(
                "onbekende regel `{code}` onder [lint]; `pva lint --explain PVA001` noemt de regels"
            ))
        })?;
        let severity = match level.as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "off" => None,
            other => {
                return Err(err(format!(
                    "`{code} = \"{other}\"`: schrijf \"error\", \"warning\", \"info\" of \"off\""
                )));
            }
        };
        out.insert(rule.code.to_string(), severity);
    }
    Ok(out)
}
