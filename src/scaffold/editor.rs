//! The editor setup `pva init` writes: the JSON Schema of the shared files,
//! VS Code settings that apply it to every `dossier.yaml` and `gedeeld.yaml`,
//! and a modeline in the example files for other editors with the YAML
//! language server (Neovim, Helix, Zed …).

use crate::json_schema;

/// Maps the schema to the shared files, wherever they are in the project.
const VSCODE_SETTINGS: &str = r#"{
  "yaml.schemas": {
    "./pva.schema.json": ["**/dossier.yaml", "**/gedeeld.yaml"]
  }
}
"#;

/// Offers the YAML extension, which reads `yaml.schemas`, on opening the folder.
const VSCODE_EXTENSIONS: &str = r#"{
  "recommendations": ["redhat.vscode-yaml"]
}
"#;

/// The editor files, as (path in the project, contents).
pub(super) fn files() -> Vec<(&'static str, String)> {
    vec![
        (
            json_schema::FILE,
            json_schema::to_text(&json_schema::shared()),
        ),
        (".vscode/settings.json", VSCODE_SETTINGS.to_string()),
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

    #[test]
    fn settings_name_the_schema_file() {
        assert!(VSCODE_SETTINGS.contains(&format!("\"./{}\"", json_schema::FILE)));
        let settings: serde_json::Value = serde_json::from_str(VSCODE_SETTINGS).unwrap();
        assert!(settings["yaml.schemas"].is_object());
    }

    #[test]
    fn modeline_climbs_to_the_project_root() {
        assert_eq!(
            with_modeline("cases/voorbeeld/dossier.yaml", "werknemer:\n"),
            "# yaml-language-server: $schema=../../pva.schema.json\nwerknemer:\n"
        );
    }
}
