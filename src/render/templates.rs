//! The template set: built-in templates embedded in the binary, overridden
//! by name by files in the project's own `templates/` folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::{Kwargs, State, Tera, Value};

use crate::case::DocKind;
use crate::case::strip_privacy_markers;
use crate::markdown::{push_markup, typst_str};

/// The built-in templates, one table: name → contents.
pub const BUILTIN: &[(&str, &str)] = &[
    ("pva.typ", include_str!("../../templates/pva.typ")),
    (
        "plan-van-aanpak.typ",
        include_str!("../../templates/plan-van-aanpak.typ"),
    ),
    (
        "bijstelling.typ",
        include_str!("../../templates/bijstelling.typ"),
    ),
    (
        "evaluatieverslag.typ",
        include_str!("../../templates/evaluatieverslag.typ"),
    ),
    (
        "eerstejaarsevaluatie.typ",
        include_str!("../../templates/eerstejaarsevaluatie.typ"),
    ),
    (
        "eindevaluatie.typ",
        include_str!("../../templates/eindevaluatie.typ"),
    ),
    (
        "verkort-reintegratieverslag.typ",
        include_str!("../../templates/verkort-reintegratieverslag.typ"),
    ),
];

/// A problem with the templates themselves (not with a case).
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// A local template file could not be read or is not allowed.
    #[error("sjabloon {}: {message}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Tera could not parse or render a template.
    #[error("sjabloon {name}: {message}")]
    Tera {
        /// The template name.
        name: String,
        /// Tera's message, with line and column.
        message: String,
    },
}

/// Loaded templates: the Tera documents and the assets typst may import.
pub struct Templates {
    tera: Tera,
    assets: BTreeMap<String, Vec<u8>>,
}

impl Templates {
    /// Loads the built-ins, overridden by files in `dir` when it exists.
    pub fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut files: BTreeMap<String, Vec<u8>> = BUILTIN
            .iter()
            .map(|(n, c)| (n.to_string(), c.as_bytes().to_vec()))
            .collect();
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            for (name, bytes) in read_local(dir)? {
                files.insert(name, bytes);
            }
        }
        Templates::from_files(files)
    }

    /// Templates made of `files` (name and bytes, as [`Templates::files`]
    /// gives them): how a compile worker gets the build's templates.
    pub fn from_files(files: BTreeMap<String, Vec<u8>>) -> Result<Templates, TemplateError> {
        let mut tera = new_tera();
        let mut assets = BTreeMap::new();
        for (name, bytes) in files {
            if is_document_template(&name) {
                let text = String::from_utf8(bytes).map_err(|_| TemplateError::Tera {
                    name: name.clone(),
                    message: "not UTF-8 text".into(),
                })?;
                tera.add_raw_template(&name, &text)
                    .map_err(|e| tera_error(&name, &e))?;
                assets.insert(name, text.into_bytes());
            } else {
                assets.insert(name, bytes);
            }
        }
        Ok(Templates { tera, assets })
    }

    /// Renders the template of `kind` with `context` into Typst source.
    pub fn render(&self, kind: DocKind, context: &tera::Context) -> Result<String, TemplateError> {
        self.render_name(&template_name(kind), context)
    }

    /// Renders the template called `name` with `context` into Typst source.
    pub fn render_name(
        &self,
        name: &str,
        context: &tera::Context,
    ) -> Result<String, TemplateError> {
        self.tera.render(name, context).map_err(|e| {
            let mut error = tera_error(name, &e);
            if let TemplateError::Tera { message, .. } = &mut error
                && message.contains(OLD_TEXTS)
            {
                message.push_str(OLD_TEXTS_HINT);
            }
            error
        })
    }

    /// The assets typst may read (the layout library, images), by name.
    /// Document templates are left out: typst only sees their output.
    pub fn assets(&self) -> BTreeMap<String, Vec<u8>> {
        self.assets
            .iter()
            .filter(|(n, _)| !is_document_template(n))
            .map(|(n, b)| (n.clone(), b.clone()))
            .collect()
    }

    /// True when the template called `name` is pva's own: no file in the
    /// project's `templates/` replaces it, or one with the same bytes does.
    pub fn is_builtin(&self, name: &str) -> bool {
        let builtin = BUILTIN.iter().find(|(n, _)| *n == name);
        match (builtin, self.assets.get(name)) {
            (Some((_, text)), Some(bytes)) => text.as_bytes() == bytes.as_slice(),
            _ => false,
        }
    }

    /// Every template file (built-in or local), for `templates export`.
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.assets
    }
}

/// Tera's words for a template that reads `tekst.…`, as copies exported
/// before the long texts were put under their own keys do.
const OLD_TEXTS: &str = "Variable `tekst` is not defined";
const OLD_TEXTS_HINT: &str = "\nthis template was exported by an older pva: a long text is now under its own key (`tekst.stappen` is `stappen`, `tekst.visie_werknemer` is `visie.werknemer`, `tekst.notities` is `notities`); export the templates again (`pva templates export` into an empty folder) and copy your changes over";

/// The template file of a document kind.
pub fn template_name(kind: DocKind) -> String {
    kind.form().template.to_string()
}

fn is_document_template(name: &str) -> bool {
    DocKind::ALL.iter().any(|k| template_name(*k) == name)
}

fn new_tera() -> Tera {
    let mut tera = Tera::default();
    tera.autoescape_on([".typ"]);
    tera.set_escape_fn(escape_markup);
    tera.register_filter("str", |s: &str, _: Kwargs, _: &State| {
        Value::safe_string(&typst_str(&strip_privacy_markers(s)))
    });
    tera
}

/// Tera's escape function for `.typ` templates: every `{{ value }}` is shown
/// literally in a Typst markup position, without privacy markers.
fn escape_markup(input: &str, output: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut escaped = String::with_capacity(input.len());
    push_markup(&mut escaped, &strip_privacy_markers(input));
    output.write_all(escaped.as_bytes())
}

fn tera_error(name: &str, err: &tera::Error) -> TemplateError {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    TemplateError::Tera {
        name: name.to_string(),
        message,
    }
}

/// Reads the regular files directly in `dir`. Symlinks and anything that
/// resolves outside the folder are refused: templates are the only files
/// the compiler may see.
fn read_local(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, TemplateError> {
    let err = |path: &Path, message: String| TemplateError::File {
        path: path.into(),
        message,
    };
    // The folder itself as a link could lead anywhere.
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(err(
            dir,
            "is a symbolic link; make templates/ a real folder in the project".into(),
        ));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| err(dir, e.to_string()))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| err(dir, e.to_string()))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| err(&path, e.to_string()))?;
        if kind.is_symlink() {
            return Err(err(
                &path,
                "is a symbolic link; copy the file into templates/ instead".into(),
            ));
        }
        if !kind.is_file() {
            continue;
        }
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            return Err(err(
                &path,
                "de bestandsnaam is geen geldige tekst (UTF-8); geef het bestand een gewone naam"
                    .into(),
            ));
        };
        if name.starts_with('.') {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| err(&path, e.to_string()))?;
        out.push((name, bytes));
    }
    out.sort();
    Ok(out)
}
