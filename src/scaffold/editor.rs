//! The editor setup `pva init` writes: the JSON Schema of the shared files,
//! VS Code's recommendation of pva's extension, and a modeline in every
//! YAML file pva writes, for an editor without pva that has a YAML
//! language server.
//!
//! One server per file: `pva lsp` serves `dossier.yaml` and `gedeeld.yaml`
//! (docs/editors.md). pva's extension gives them a language of their own,
//! so VS Code's YAML extension leaves them alone; nothing here points the
//! YAML extension at them (no `yaml.schemas`), and it is not recommended.

use crate::json_schema;

/// Offers pva's extension (`editors/vscode`, publisher `pva`, name `pva`)
/// on opening the folder.
const VSCODE_EXTENSIONS: &str = r#"{
  "recommendations": ["pva.pva"]
}
"#;

/// The editor files, as (path in the project, contents).
pub(super) fn files() -> Vec<(&'static str, String)> {
    vec![
        (
            json_schema::FILE,
            json_schema::to_text(&json_schema::shared()),
        ),
        (".vscode/extensions.json", VSCODE_EXTENSIONS.to_string()),
    ]
}

/// `text` with a first line that points the YAML language server to the
/// schema; `path` is where the file goes in the project (the language
/// server reads a relative schema path from the file's own folder).
pub(super) fn with_modeline(path: &str, text: &str) -> String {
    let up = "../".repeat(path.matches('/').count());
    format!(
        "# yaml-language-server: $schema={up}{}\n{text}",
        json_schema::FILE
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The recommendation names the extension in editors/vscode, by its
    /// publisher and name.
    #[test]
    fn vscode_recommends_pvas_own_extension() {
        let manifest: serde_json::Value =
            serde_json::from_str(include_str!("../../editors/vscode/package.json")).unwrap();
        let id = format!(
            "{}.{}",
            manifest["publisher"].as_str().unwrap(),
            manifest["name"].as_str().unwrap()
        );
        let extensions: serde_json::Value = serde_json::from_str(VSCODE_EXTENSIONS).unwrap();
        assert_eq!(extensions["recommendations"], serde_json::json!([id]));
    }

    #[test]
    fn modeline_climbs_to_the_project_root() {
        assert_eq!(
            with_modeline("cases/voorbeeld/dossier.yaml", "werknemer:\n"),
            "# yaml-language-server: $schema=../../pva.schema.json\nwerknemer:\n"
        );
    }
}
