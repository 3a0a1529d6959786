//! The project configuration file, `pva.toml`: per-rule severities for
//! employers whose arbodienst agreed otherwise.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::Severity;
use crate::rules;

/// The name of the project configuration file.
pub const FILE: &str = "pva.toml";

/// A problem in `pva.toml`.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
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
}

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
    let file: File = toml::from_str(&text).map_err(|e| err(e.to_string()))?;
    let mut out = BTreeMap::new();
    for (code, level) in file.lint {
        let rule = rules::find(&code).ok_or_else(|| {
            err(format!(
                "unknown rule `{code}` in [lint]; see `pva lint --explain PVA001`"
            ))
        })?;
        let severity = match level.as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "off" => None,
            other => {
                return Err(err(format!(
                    "`{code} = \"{other}\"`: use \"error\", \"warning\", \"info\" or \"off\""
                )));
            }
        };
        out.insert(rule.code.to_string(), severity);
    }
    Ok(out)
}
