//! `pva schema`: the JSON Schema of the case format, checked with a validator
//! that is not pva's (the `jsonschema` crate) on every example, on what
//! `pva init` and `pva new` write, and on wrong values, which the lint must
//! report too.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::fixture::{self, BIJSTELLING, DOSSIER, PLAN, edit};
use crate::support::{Project, repo};

const DRAFT_07: &str = "http://json-schema.org/draft-07/schema#";

/// The two schemas as `pva schema` prints them.
struct Schemas {
    shared: jsonschema::Validator,
    document: jsonschema::Validator,
}

impl Schemas {
    fn new() -> Schemas {
        Schemas {
            shared: compile(&printed(&["schema"])),
            document: compile(&printed(&["schema", "--document"])),
        }
    }

    /// Every error in the YAML files and front matter under `dir`, as
    /// `file: instance path: message`, and the files checked.
    fn check_dir(&self, dir: &Path) -> (Vec<String>, Vec<String>) {
        let (mut errors, mut checked) = (Vec::new(), Vec::new());
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let path = entry.unwrap().into_path();
            let name = path.strip_prefix(dir).unwrap().display().to_string();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let (validator, yaml) = match path.extension().and_then(|e| e.to_str()) {
                Some("yaml") => (&self.shared, text.as_str()),
                Some("md") => (&self.document, front_matter(&text)),
                _ => continue,
            };
            errors.extend(errors_in(validator, &load(yaml)).map(|e| format!("{name}: {e}")));
            checked.push(name);
        }
        (errors, checked)
    }
}

fn printed(args: &[&str]) -> Value {
    let run = Project::new().run(args).success();
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("pva {args:?} prints no JSON: {e}\n{}", run.stdout))
}

fn compile(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft7::meta::validator()
        .validate(schema)
        .unwrap_or_else(|e| panic!("not a draft-07 schema: {e}"));
    jsonschema::draft7::new(schema).unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

/// YAML read as the YAML language server reads it (YAML 1.2: a date is
/// text, `yes` is text).
fn load(yaml: &str) -> Value {
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(yaml, options)
        .unwrap_or_else(|e| panic!("YAML: {e}\n{yaml}"))
}

fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("front matter");
    &rest[..rest.find("\n---\n").expect("end of front matter") + 1]
}

/// `instance path: message` of every error.
fn errors_in<'a>(
    validator: &'a jsonschema::Validator,
    value: &'a Value,
) -> impl Iterator<Item = String> + 'a {
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
}

/// The instance paths of the errors in `yaml`.
fn error_paths(validator: &jsonschema::Validator, yaml: &str) -> BTreeSet<String> {
    let value = load(yaml);
    validator
        .iter_errors(&value)
        .map(|e| e.instance_path().to_string())
        .collect()
}

#[test]
fn schema_is_draft_07_json_of_the_shared_keys() {
    let shared = printed(&["schema"]);
    assert_eq!(shared["$schema"], DRAFT_07);
    assert_eq!(shared["type"], "object");
    assert_eq!(shared["additionalProperties"], false, "typos are caught");
    let keys: Vec<&String> = shared["properties"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "arbodienst",
            "casemanager",
            "probleemanalyse",
            "verzuim",
            "voorbeeld",
            "werkgever",
            "werknemer",
            "wijzigingen"
        ],
        "the keys of scope shared and dossier, no document keys"
    );
    let werknemer = &shared["properties"]["werknemer"]["then"];
    let bsn = &werknemer["properties"]["bsn"];
    assert_eq!(
        bsn["then"],
        serde_json::json!({ "type": "string", "pattern": "^\\s*([0-9]{9})?\\s*$" })
    );
    assert_eq!(
        bsn["description"],
        "Burgerservicenummer (1.2) (BSN: 9 cijfers tussen aanhalingstekens, zoals \"123456782\")"
    );
    let probleemanalyse = &shared["properties"]["probleemanalyse"]["then"];
    let advies = &probleemanalyse["properties"]["advies_einddoel"];
    assert_eq!(advies["then"]["enum"][1], "eigen_functie");
    assert!(
        advies["description"]
            .as_str()
            .unwrap()
            .contains("\n- eigen_functie: Werkhervatting in de eigen functie\n"),
        "{advies}"
    );
}

#[test]
fn document_schema_has_one_definition_per_kind() {
    let document = printed(&["schema", "--document"]);
    assert_eq!(document["$schema"], DRAFT_07);
    assert_eq!(document["required"], serde_json::json!(["document"]));
    let kinds = document["properties"]["document"]["enum"]
        .as_array()
        .unwrap();
    let definitions = document["definitions"].as_object().unwrap();
    assert_eq!(kinds.len(), definitions.len());
    for kind in kinds {
        let definition = &definitions[kind.as_str().unwrap()];
        assert_eq!(definition["additionalProperties"], false);
        assert_eq!(definition["properties"]["document"]["const"], *kind);
    }
    let plan = &definitions["plan-van-aanpak"]["properties"];
    assert!(plan["stappen"].is_object() && plan["obstakels"].is_null());
    let keuze = &plan["einddoel"]["then"]["properties"]["keuze"];
    assert_eq!(keuze["then"]["enum"][0], "eigen_functie");
    assert!(
        keuze["description"]
            .as_str()
            .unwrap()
            .contains(". Keuzes:\n- eigen_functie: Werkhervatting in de eigen functie\n"),
        "the plan's own wording; `ongewijzigd` is not on the plan: {keuze}"
    );
}

/// Both schemas compile in ajv's strict mode (`ajv compile --strict=true`):
/// no editor-only keywords, no unions of types, every keyword with the
/// type it applies to. ajv-cli comes from `.ci/tools` (target/ci-tools/npm).
#[test]
fn ajv_in_strict_mode_accepts_both_schemas() {
    let ajv = crate::support::tool("ajv");
    let dir = tempfile::tempdir().unwrap();
    for (args, file) in [
        (&["schema"][..], "pva.schema.json"),
        (&["schema", "--document"][..], "pva.document.schema.json"),
    ] {
        let text = serde_json::to_string(&printed(args)).unwrap();
        std::fs::write(dir.path().join(file), text).unwrap();
        // ajv runs on the node beside it (.ci/tools installs Node 22 there).
        let path =
            std::env::join_paths(std::iter::once(ajv.parent().unwrap().to_path_buf()).chain(
                std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
            ))
            .unwrap();
        let output = std::process::Command::new(&ajv)
            .args(["compile", "--strict=true", "-s", file])
            .current_dir(dir.path())
            .env("PATH", path)
            .output()
            .unwrap();
        let said =
            String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "ajv refuses {file}:\n{said}");
        assert_eq!(said.trim(), format!("schema {file} is valid"));
    }
}

/// The full output, compared with `tests/golden/`. Run with `PVA_BLESS=1`
/// after changing the schema table, then review the diff.
#[test]
fn schema_output_matches_golden_files() {
    let bless = std::env::var_os("PVA_BLESS").is_some();
    for (args, file) in [
        (&["schema"][..], "pva.schema.json"),
        (&["schema", "--document"][..], "pva.document.schema.json"),
    ] {
        let actual = Project::new().run(args).success().stdout;
        let path = repo().join("tests/golden").join(file);
        if bless {
            std::fs::write(&path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} missing: run with PVA_BLESS=1", path.display()));
        assert!(
            actual == expected,
            "pva {args:?} differs from {}; run with PVA_BLESS=1 and review",
            path.display()
        );
    }
}

#[test]
fn every_example_is_valid() {
    let (errors, checked) = Schemas::new().check_dir(&repo().join("cases"));
    assert_eq!(errors, Vec::<String>::new());
    for file in [
        "gedeeld.yaml",
        "de-vries-2026/dossier.yaml",
        "de-vries-2026/plan-van-aanpak.md",
        "jansen-2025/03-bijstelling.md",
    ] {
        assert!(
            checked.contains(&file.to_string()),
            "{file} not checked: {checked:?}"
        );
    }
}

/// What pva writes itself, with its empty fields to fill in, is valid in the
/// editor too: an empty value is "not yet", as in the lint.
#[test]
fn files_pva_init_and_new_write_are_valid() {
    let project = Project::new();
    project.run(&["init"]).success();
    project
        .run(&["new", "dossier", "cases/nieuw", "--date", "2026-11-02"])
        .success();
    project
        .run(&["new", "plan", "cases/voorbeeld", "--date", "2026-10-22"])
        .code(2);
    project
        .run(&[
            "new",
            "bijstelling",
            "cases/voorbeeld",
            "--date",
            "2026-12-03",
        ])
        .success();
    std::fs::remove_file(project.path("cases/voorbeeld/plan-van-aanpak.md")).unwrap();
    project
        .run(&["new", "plan", "cases/voorbeeld", "--date", "2026-10-22"])
        .success();
    let (errors, checked) = Schemas::new().check_dir(&project.path("cases"));
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(
        checked,
        [
            "gedeeld.yaml",
            "nieuw/dossier.yaml",
            "voorbeeld/bijstelling-2026-12-03.md",
            "voorbeeld/dossier.yaml",
            "voorbeeld/plan-van-aanpak.md",
        ]
    );
}

#[test]
fn init_sets_up_the_editor_and_keeps_existing_files() {
    let project = Project::new();
    project.run(&["init"]).success();
    let read = |file: &str| std::fs::read_to_string(project.path(file)).unwrap();
    let schema = Project::new().run(&["schema"]).success().stdout;
    assert_eq!(read("pva.schema.json"), schema);
    // One server per file: pva's extension serves the dossier files, and
    // nothing points VS Code's YAML extension at them (docs/editors.md).
    assert!(!project.path(".vscode/settings.json").exists());
    let extensions: Value = serde_json::from_str(&read(".vscode/extensions.json")).unwrap();
    assert_eq!(
        extensions,
        serde_json::json!({ "recommendations": ["pva.pva"] })
    );
    for (file, modeline) in [
        (
            "cases/gedeeld.yaml",
            "# yaml-language-server: $schema=../pva.schema.json\n",
        ),
        (
            "cases/voorbeeld/dossier.yaml",
            "# yaml-language-server: $schema=../../pva.schema.json\n",
        ),
    ] {
        let text = read(file);
        assert!(text.starts_with(modeline), "{file}:\n{text}");
        // The language server reads the path from the file's own folder.
        let target = modeline.trim_end().rsplit('=').next().unwrap();
        let resolved = project.path(file).parent().unwrap().join(target);
        assert_eq!(std::fs::read_to_string(resolved).unwrap(), schema);
    }
    std::fs::write(project.path(".vscode/extensions.json"), "{}\n").unwrap();
    let again = project.run(&["init"]).success();
    assert!(
        again
            .stderr
            .contains("behouden: .vscode/extensions.json (bestaat al)")
            && again
                .stderr
                .contains("behouden: pva.schema.json (bestaat al)"),
        "{}",
        again.stderr
    );
    assert_eq!(read(".vscode/extensions.json"), "{}\n");
}

/// The lint codes an edit of the fixture adds, and the schema's error paths.
fn both_report(
    dossier: &str,
    plan: &str,
    bijstelling: &str,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let lint = |dossier: &str, plan: &str, bijstelling: &str| {
        fixture::project(dossier, plan)
            .file("cases/d/bijstelling.md", bijstelling)
            .run(&["lint", "--today=2026-05-01", "--format=json"])
            .codes()
    };
    let baseline = lint(DOSSIER, PLAN, BIJSTELLING);
    let codes = lint(dossier, plan, bijstelling)
        .difference(&baseline)
        .cloned()
        .collect();
    let schemas = Schemas::new();
    let mut paths = error_paths(&schemas.shared, dossier);
    for (name, doc) in [("plan", plan), ("bijstelling", bijstelling)] {
        let found = error_paths(&schemas.document, front_matter(doc));
        paths.extend(found.into_iter().map(|p| format!("{name}.md{p}")));
    }
    (codes, paths)
}

#[track_caller]
fn assert_both(dossier: &str, plan: &str, bijstelling: &str, code: &str, path: &str) {
    let (codes, paths) = both_report(dossier, plan, bijstelling);
    assert_eq!(codes, BTreeSet::from([code.to_string()]), "lint");
    assert_eq!(paths, BTreeSet::from([path.to_string()]), "schema");
}

#[test]
fn wrong_shared_values_fail_in_the_schema_as_in_the_lint() {
    for (from, to, code, path) in [
        (
            "bsn: \"111222333\"",
            "bsn: \"11122233\"",
            "PVA030",
            "/werknemer/bsn",
        ),
        (
            "bsn: \"111222333\"",
            "bsn: 111222333",
            "PVA030",
            "/werknemer/bsn",
        ),
        (
            "  geboortedatum: 1980",
            "  telefoon: 06 - 1111 2222\n  geboortedatum: 1980",
            "PVA003",
            "/werknemer",
        ),
        (
            "eerste_ziektedag: 2026-01-05",
            "eerste_ziektedag: 05-01-2026",
            "PVA034",
            "/verzuim/eerste_ziektedag",
        ),
        (
            "postcode: 3511 AB",
            "postcode: 0511 AB",
            "PVA031",
            "/werknemer/postcode",
        ),
        (
            "email: piet@arbo.nl",
            "email: piet@arbo",
            "PVA033",
            "/arbodienst/contactpersoon/email",
        ),
        (
            "percentage: 100",
            "percentage: 120",
            "PVA035",
            "/verzuim/verloop/0/percentage",
        ),
        (
            "probleemanalyse:\n",
            "probleemanalyse:\n  advies_einddoel: eigen_werk\n",
            // The plan's goal now differs from the (unknown) advice too.
            "PVA021 PVA036",
            "/probleemanalyse/advies_einddoel",
        ),
        (
            "probleemanalyse:\n",
            "stappen: Opbouw\nprobleemanalyse:\n",
            "PVA005",
            "",
        ),
    ] {
        let dossier = edit(DOSSIER, from, to);
        let (codes, paths) = both_report(&dossier, PLAN, BIJSTELLING);
        let expected: BTreeSet<String> = code.split(' ').map(String::from).collect();
        assert_eq!(codes, expected, "lint of {to:?}");
        assert_eq!(
            paths,
            BTreeSet::from([path.to_string()]),
            "schema of {to:?}"
        );
    }
}

#[test]
fn wrong_front_matter_fails_in_the_document_schema_as_in_the_lint() {
    let plan = edit(PLAN, "keuze: eigen_functie", "keuze: ongewijzigd");
    assert_both(
        DOSSIER,
        &plan,
        BIJSTELLING,
        "PVA036",
        "plan.md/einddoel/keuze",
    );
    let bijstelling = edit(BIJSTELLING, "obstakels:", "stappen: Opbouw\nobstakels:");
    assert_both(DOSSIER, PLAN, &bijstelling, "PVA005", "bijstelling.md");
    let plan = edit(PLAN, "  - wanneer: 2026-03-19", "  - wanneer: 19 maart");
    assert_both(
        DOSSIER,
        &plan,
        BIJSTELLING,
        "PVA034",
        "plan.md/evaluaties/0/wanneer",
    );
}
