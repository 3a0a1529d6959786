//! CI: the generated GitHub and GitLab files (checked by the tools of those
//! systems), the job summary, the GitLab Code Quality report and the
//! pre-commit hook, run by the real `pre-commit`; shards of a build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::fixture::{DOSSIER, PLAN, edit};
use crate::release::text;
use crate::support::{Project, Run, check, repo, tool};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The steps of the workflow's one job, by name or action.
fn step<'a>(steps: &'a [Value], name_or_action: &str) -> &'a Value {
    steps
        .iter()
        .find(|s| s["name"] == name_or_action || s["uses"] == name_or_action)
        .unwrap_or_else(|| panic!("no step {name_or_action}"))
}

#[test]
fn init_writes_a_github_workflow_that_installs_this_version_with_the_action() {
    let project = Project::new();
    project.run(&["init", "-q"]).success();
    let file = project.path(".github/workflows/pva.yml");
    let workflow = yaml(&file);
    for event in ["push", "pull_request"] {
        assert!(workflow["on"].get(event).is_some(), "on: {event}");
    }
    assert_eq!(workflow["env"]["PVA_VERSION"], VERSION);
    let job = &workflow["jobs"]["dossiers"];
    assert_eq!(job["runs-on"], "ubuntu-latest");
    assert!(
        job.get("defaults").is_none(),
        "runs in the repository's root"
    );
    let steps = job["steps"].as_array().expect("steps");
    let install = step(steps, "Install pva");
    assert_eq!(install["uses"], format!("pva-nl/pva@v{VERSION}"));
    assert_eq!(install["with"]["version"], "${{ env.PVA_VERSION }}");
    assert_eq!(
        install["with"]["download-url"],
        "${{ vars.PVA_DOWNLOAD_URL }}"
    );
    assert_eq!(install["with"]["source"], "${{ vars.PVA_SOURCE }}");
    assert_eq!(step(steps, "Lint")["run"], "pva lint --format github");
    assert_eq!(step(steps, "Build the PDFs")["run"], "pva build");
    let upload = step(steps, "Keep the PDFs for 7 days");
    assert_eq!(upload["uses"], "actions/upload-artifact@v6");
    assert_eq!(upload["with"]["path"], "output/");
    assert_eq!(upload["with"]["retention-days"], 7);
    lint_workflow(&project.path(""));
}

/// actionlint checks expressions, action inputs and (with shellcheck) the
/// scripts; check-jsonschema the schema GitHub workflows follow. pva's
/// action is checked in a copy where the workflow reaches it as `./`, so
/// actionlint also checks the inputs the workflow gives it.
#[track_caller]
fn lint_workflow(dir: &Path) {
    check(
        &tool("check-jsonschema"),
        dir,
        &[
            "--builtin-schema",
            "vendor.github-workflows",
            ".github/workflows/pva.yml",
        ],
    );
    let text = std::fs::read_to_string(dir.join(".github/workflows/pva.yml")).unwrap();
    let local = Project::new()
        .file(
            ".github/workflows/pva.yml",
            &text.replace(&format!("pva-nl/pva@v{VERSION}"), "./"),
        )
        .file(
            "action.yml",
            &std::fs::read_to_string(repo().join("action.yml")).unwrap(),
        );
    check(
        &tool("actionlint"),
        &local.path(""),
        &[".github/workflows/pva.yml"],
    );
}

/// The install script the pipeline carries, as run in GitLab's job.
fn gitlab_script(pipeline: &Value) -> Vec<String> {
    pipeline["dossiers"]["script"]
        .as_array()
        .expect("script")
        .iter()
        .map(|line| line.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn init_ci_gitlab_writes_a_pipeline_with_a_code_quality_report() {
    let project = Project::new();
    let run = project.run(&["init", "--ci", "gitlab"]).success();
    assert!(
        run.stderr.contains("geschreven: .gitlab-ci.yml"),
        "{}",
        run.stderr
    );
    assert!(!project.path(".github").exists());
    let pipeline = yaml(&project.path(".gitlab-ci.yml"));
    assert_eq!(pipeline["variables"]["PVA_VERSION"], VERSION);
    for variable in ["PVA_DOWNLOAD_URL", "PVA_SHA256", "PVA_SOURCE"] {
        assert_eq!(pipeline["variables"][variable], "", "{variable}");
    }
    let job = &pipeline["dossiers"];
    assert_eq!(job["cache"]["key"], "pva-$PVA_VERSION");
    assert_eq!(job["cache"]["paths"][0], ".pva/");
    assert_eq!(job["cache"]["when"], "always", "saved when lint fails");
    let script = gitlab_script(&pipeline);
    // The job carries pva's install script, word for word.
    let install = std::fs::read_to_string(repo().join("scripts/install.sh")).unwrap();
    assert!(
        script[0].contains(&format!(
            "PVA_ROOT=\"$PWD/.pva\" bash <<'INSTALL'\n{install}INSTALL\n"
        )),
        "{}",
        script[0]
    );
    assert_eq!(
        script[1..],
        [
            "export PATH=\"$PWD/.pva/bin:$PATH\"",
            "pva lint --format gitlab > gl-code-quality-report.json || true",
            "pva build"
        ]
    );
    let artifacts = &job["artifacts"];
    assert_eq!(artifacts["expire_in"], "7 days");
    assert_eq!(artifacts["when"], "always");
    assert_eq!(artifacts["paths"][0], "output/");
    // The kept findings quote flagged words: not handed out.
    assert_eq!(artifacts["exclude"][0], "output/.pva-findings.json");
    assert_eq!(
        artifacts["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    check(
        &tool("check-jsonschema"),
        &project.path(""),
        &["--builtin-schema", "vendor.gitlab-ci", ".gitlab-ci.yml"],
    );
    let script_file = project.path("script.sh");
    std::fs::write(
        &script_file,
        format!("#!/bin/bash\n{}\n", script.join("\n")),
    )
    .unwrap();
    check(&tool("shellcheck"), &project.path(""), &["script.sh"]);
}

/// `pva init hr` in a git repository: the CI files where GitHub and GitLab
/// read them, running pva in `hr`, and saying so.
#[test]
fn init_in_a_subfolder_writes_the_ci_files_at_the_repository_root() {
    let project = Project::new();
    std::fs::create_dir_all(project.path(".git")).unwrap();
    let run = project.run(&["init", "hr"]).success();
    assert!(!project.path("hr/.github").exists());
    // The project's folder, without the trailing separator of path("").
    let root: PathBuf = project.path("").components().collect();
    assert!(
        run.stderr.contains(&format!(
            "hr staat in de git-repository {}: de CI-configuratie .github/workflows/pva.yml staat in die hoofdmap, waar GitHub Actions haar leest, en draait pva in hr\n",
            root.display()
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("geschreven: .github/workflows/pva.yml"),
        "{}",
        run.stderr
    );
    let workflow = yaml(&project.path(".github/workflows/pva.yml"));
    let job = &workflow["jobs"]["dossiers"];
    assert_eq!(job["defaults"]["run"]["working-directory"], "hr");
    let steps = job["steps"].as_array().unwrap();
    assert_eq!(
        step(steps, "Keep the PDFs for 7 days")["with"]["path"],
        "hr/output/"
    );
    lint_workflow(&root);

    let run = project.run(&["init", "--ci", "gitlab", "hr"]).success();
    assert!(
        run.stderr.contains("geschreven: .gitlab-ci.yml"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("waar GitLab CI/CD haar leest"),
        "{}",
        run.stderr
    );
    let pipeline = yaml(&project.path(".gitlab-ci.yml"));
    let script = gitlab_script(&pipeline);
    assert_eq!(
        script[1..],
        [
            "export PATH=\"$PWD/.pva/bin:$PATH\"",
            "cd hr",
            "pva lint --format gitlab > gl-code-quality-report.json || true",
            "pva build"
        ]
    );
    let artifacts = &pipeline["dossiers"]["artifacts"];
    assert_eq!(artifacts["paths"][0], "hr/output/");
    assert_eq!(artifacts["exclude"][0], "hr/output/.pva-findings.json");
    assert_eq!(
        artifacts["reports"]["codequality"],
        "hr/gl-code-quality-report.json"
    );
    check(
        &tool("check-jsonschema"),
        &root,
        &["--builtin-schema", "vendor.gitlab-ci", ".gitlab-ci.yml"],
    );

    // The generated steps, run as the CI systems run them, on a project
    // with a wrong BSN in a second dossier: findings name files by their
    // path in the repository, hr/cases/…, in the annotations and the report.
    crate::support::copy_dir(
        &project.path("hr/cases/voorbeeld"),
        &project.path("hr/cases/fout"),
    );
    let dossier = project.path("hr/cases/fout/dossier.yaml");
    let text = std::fs::read_to_string(&dossier).unwrap();
    std::fs::write(&dossier, text.replace("\"111222333\"", "\"111222334\"")).unwrap();
    let root_text = root.to_string_lossy().into_owned();
    let (code, github) = script_output(
        &project.path("hr"),
        "pva lint --format github",
        &[("GITHUB_WORKSPACE", &root_text)],
    );
    assert_eq!(code, Some(1), "{github}");
    let annotations: Vec<&str> = github.lines().filter(|l| l.starts_with("::")).collect();
    assert!(
        annotations
            .iter()
            .any(|l| l.starts_with("::error file=hr/cases/fout/dossier.yaml,line=11,")),
        "{github}"
    );
    assert!(
        annotations.iter().all(|l| l.contains(" file=hr/cases/")),
        "{github}"
    );
    let (code, out) = script_output(
        &root,
        &script[1..].join("\n"),
        &[("CI_PROJECT_DIR", &root_text)],
    );
    assert_eq!(code, Some(1), "the build fails on the wrong BSN: {out}");
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(project.path("hr/gl-code-quality-report.json")).unwrap(),
    )
    .unwrap();
    let paths: Vec<&str> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["location"]["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"hr/cases/fout/dossier.yaml"), "{paths:?}");
    assert!(
        paths.iter().all(|p| p.starts_with("hr/cases/")),
        "{paths:?}"
    );
    assert!(
        project
            .path("hr/output/cases/voorbeeld/plan-van-aanpak.pdf")
            .is_file()
    );
}

/// Two dossiers: `d` with a wrong BSN (an error in its dossier.yaml), `e`
/// with evaluations too far apart (a warning) and no signatures (a note).
fn two_dossiers() -> Project {
    let wrong_bsn = edit(DOSSIER, "\"111222333\"", "\"111222334\"");
    let plan_e = edit(PLAN, "wanneer: 2026-03-19", "wanneer: 2026-04-03");
    let plan_e = edit(
        &plan_e,
        "ondertekening:\n  werknemer:\n    datum: 2026-02-19\n  werkgever:\n    datum: 2026-02-19\n",
        "",
    );
    Project::new()
        .file("pva.toml", crate::fixture::CONFIG)
        .file("cases/d/dossier.yaml", &wrong_bsn)
        .file("cases/d/plan.md", PLAN)
        .file("cases/e/dossier.yaml", DOSSIER)
        .file("cases/e/plan.md", &plan_e)
        .file("summary.md", "Eerdere stap.\n")
}

/// The part of a summary that lint and build share: the counts per rule
/// and per folder of `two_dossiers`.
fn counts(command: &str) -> String {
    format!(
        "### pva {command}: 2 fouten, 2 waarschuwingen, 1 melding

| Regel | Ernst | Wat | Aantal |
|---|---|---|---:|
| PVA014 | waarschuwing | evaluaties meer dan 6 weken uit elkaar | 1 |
| PVA019 | fout | document ontbreekt na de termijn | 1 |
| PVA024 | melding | nog niet ondertekend | 1 |
| PVA030 | fout | BSN ongeldig | 1 |
| PVA070 | waarschuwing | afgesproken evaluatie niet vastgelegd | 1 |

| Map | Fouten | Waarschuwingen | Meldingen |
|---|---:|---:|---:|
| `cases/d` | 1 | 0 | 0 |
| `cases/e` | 1 | 2 | 1 |

"
    )
}

/// `d` records its evaluations as held; `e` moved its agreed evaluation to
/// a day none was held, and its plan is not signed, so it is not made yet.
const OVERDUE: &str = "**Verlopen termijnen:** 2

| Uiterlijk | Dossier | Termijn |
|---|---|---|
| 23-02-2026 | `cases/e` | `plan-van-aanpak` |
| 03-04-2026 | `cases/e` | `evaluatie-20260403` |

";

#[track_caller]
fn summarized(project: &Project, args: &[&str]) -> (Run, String) {
    let file = project.path("summary.md");
    let run = project.run_with(args, &[("GITHUB_STEP_SUMMARY", file.to_str().unwrap())]);
    (run, std::fs::read_to_string(file).unwrap())
}

#[test]
fn lint_and_build_add_a_job_summary_without_personal_data() {
    let project = two_dossiers();
    let (run, summary) = summarized(&project, &["lint", "--today=2026-11-23", "--format=github"]);
    run.code(1);
    let lint = format!("Eerdere stap.\n{}{OVERDUE}", counts("lint"));
    assert_eq!(summary, lint);
    let (run, summary) = summarized(&project, &["build", "--today=2026-11-23"]);
    run.code(1);
    let built = "**Gebouwd:** 1 PDF; 0 ongewijzigd; 1 niet gebouwd door fouten.

- `output/cases/e/plan.pdf`

";
    assert_eq!(
        summary,
        format!("{lint}{}{built}{OVERDUE}", counts("build"))
    );
    for private in [
        "111222334",
        "Jan Jansen",
        "Dorpsstraat",
        "elfproef",
        "Voortgang",
    ] {
        assert!(!summary.contains(private), "{private} in the summary");
    }
}

#[test]
fn without_github_no_summary_is_written() {
    let project = two_dossiers();
    project.run(&["lint", "--today=2026-11-23"]).code(1);
    let file = std::fs::read_to_string(project.path("summary.md")).unwrap();
    assert_eq!(file, "Eerdere stap.\n");
}

fn gitlab_report(run: &Run) -> Vec<Value> {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", run.stdout))
}

#[track_caller]
fn assert_schema(schema_file: &str, instance: &Value) {
    let path = repo().join("tests/schemas").join(schema_file);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{schema_file}: {errors:#?}\n{instance:#}"
    );
}

#[test]
fn gitlab_report_follows_the_published_format_with_repository_paths() {
    let project = two_dossiers();
    std::fs::create_dir_all(project.path(".git")).unwrap();
    std::fs::create_dir_all(project.path("dossiers")).unwrap();
    std::fs::rename(project.path("cases"), project.path("dossiers/cases")).unwrap();
    // The project is dossiers/ (it holds cases/), without a pva.toml above.
    std::fs::remove_file(project.path("pva.toml")).unwrap();
    let run = project
        .run_in(
            "dossiers",
            &["lint", "--today=2026-11-23", "--format=gitlab"],
        )
        .code(1);
    let report = gitlab_report(&run);
    let summary: Vec<(&str, &str, &str, u64)> = report
        .iter()
        .map(|i| {
            (
                i["check_name"].as_str().unwrap(),
                i["severity"].as_str().unwrap(),
                i["location"]["path"].as_str().unwrap(),
                i["location"]["lines"]["begin"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("PVA030", "major", "dossiers/cases/d/dossier.yaml", 8),
            ("PVA044", "minor", "dossiers/cases/d/plan.md", 16),
            ("PVA054", "minor", "dossiers/cases/d/plan.md", 16),
            ("PVA019", "major", "dossiers/cases/e/dossier.yaml", 28),
            ("PVA024", "info", "dossiers/cases/e/plan.md", 2),
            ("PVA014", "minor", "dossiers/cases/e/plan.md", 12),
            ("PVA070", "minor", "dossiers/cases/e/plan.md", 12),
        ]
    );
    assert_eq!(
        report[0]["description"],
        "het BSN `111222334` voldoet niet aan de elfproef; controleer de cijfers op het loonstrookje of paspoort"
    );
    let fingerprints: std::collections::BTreeSet<&str> = report
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), report.len(), "fingerprints are unique");
    assert!(
        fingerprints
            .iter()
            .all(|f| f.len() == 32 && f.chars().all(|c| c.is_ascii_hexdigit()))
    );
    let report = Value::Array(report);
    assert_schema("gitlab-code-quality-report.json", &report);
    for issue in report.as_array().unwrap() {
        assert_schema("gitlab-codeclimate.json", issue);
    }
    // In GitLab CI, CI_PROJECT_DIR names the repository.
    let run = project.run_with(
        &[
            "lint",
            "--today=2026-11-23",
            "--format=gitlab",
            "dossiers/cases/d",
        ],
        &[("CI_PROJECT_DIR", project.path("dossiers").to_str().unwrap())],
    );
    assert_eq!(
        gitlab_report(&run)[0]["location"]["path"],
        "cases/d/dossier.yaml"
    );
}

#[test]
fn gitlab_fingerprints_stay_when_lines_are_added_above() {
    let project = two_dossiers();
    let args = ["lint", "--today=2026-11-23", "--format=gitlab"];
    let before = gitlab_report(&project.run(&args));
    let dossier = std::fs::read_to_string(project.path("cases/d/dossier.yaml")).unwrap();
    std::fs::write(
        project.path("cases/d/dossier.yaml"),
        format!("# Dossier d\n\n{dossier}"),
    )
    .unwrap();
    let after = gitlab_report(&project.run(&args));
    assert_eq!(before[0]["location"]["lines"]["begin"], 8);
    assert_eq!(after[0]["location"]["lines"]["begin"], 10);
    assert_eq!(before[0]["fingerprint"], after[0]["fingerprint"]);
}

/// Runs `program` in `dir` with git set up for a throwaway repository and
/// `env`; no `pva` on the PATH (the hook installs its own).
fn exec(program: &Path, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "HR")
        .env("GIT_AUTHOR_EMAIL", "hr@example.org")
        .env("GIT_COMMITTER_NAME", "HR")
        .env("GIT_COMMITTER_EMAIL", "hr@example.org")
        .env("NO_COLOR", "1")
        .env_remove("PVA_SOURCE")
        .env_remove("PVA_SHA256")
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()))
}

/// A git repository holding pva's hook as a dossier repository's
/// `.pre-commit-config.yaml` gets it: the hook definition, its scripts and
/// Cargo.toml (the version it installs).
fn hook_repository(work: &Project, env: &[(&str, &str)]) -> PathBuf {
    let hooks = work.path("hooks");
    for file in [
        ".pre-commit-hooks.yaml",
        "Cargo.toml",
        "scripts/install.sh",
        "scripts/pre-commit.sh",
    ] {
        std::fs::create_dir_all(hooks.join(file).parent().unwrap()).unwrap();
        std::fs::copy(repo().join(file), hooks.join(file)).unwrap();
    }
    for args in [
        &["init", "-q"][..],
        &["add", "-A"],
        &["commit", "-qm", "hooks"],
        &["tag", &format!("v{VERSION}")],
    ] {
        assert!(exec(Path::new("git"), &hooks, args, env).status.success());
    }
    hooks
}

/// The hook as a dossier repository uses it: it installs pva by itself (the
/// release archive from a server on 127.0.0.1, checksum checked), refuses a
/// commit with a wrong BSN, lets the fix in, and never lints what is not
/// staged: an untracked, half-written document does not block a commit.
#[test]
fn pre_commit_hook_installs_pva_and_judges_what_is_staged() {
    let pre_commit = tool("pre-commit");
    let git = Path::new("git");
    let server = crate::release::Server::serve(crate::release::release_dir());
    let work = Project::new();
    let home = work.path("pre-commit-home");
    let cache = work.path("pva-cache");
    let env = [
        ("PRE_COMMIT_HOME", home.to_str().unwrap()),
        ("PVA_CACHE", cache.to_str().unwrap()),
        ("PVA_DOWNLOAD_URL", server.url.as_str()),
        ("PATH", "/usr/local/bin:/usr/bin:/bin"),
    ];
    let hooks = hook_repository(&work, &env);
    work.run(&["init", "-q", "dossiers"]).success();
    let dossiers = work.path("dossiers");
    let hooks_arg = hooks.to_str().unwrap();
    assert!(exec(git, &dossiers, &["init", "-q"], &env).status.success());
    let config = format!(
        "repos:\n  - repo: {hooks_arg}\n    rev: v{VERSION}\n    hooks:\n      - id: pva\n"
    );
    std::fs::write(dossiers.join(".pre-commit-config.yaml"), config).unwrap();
    let installed = exec(&pre_commit, &dossiers, &["install"], &env);
    assert!(installed.status.success(), "{}", text(&installed));
    let commit = |message: &str, files: &[&str]| {
        let mut add = vec!["add", "--"];
        add.extend(files);
        assert!(exec(git, &dossiers, &add, &env).status.success());
        exec(git, &dossiers, &["commit", "-m", message], &env)
    };

    let first = commit("dossiers", &["."]);
    assert!(first.status.success(), "{}", text(&first));
    assert!(text(&first).contains("pva lint...."), "{}", text(&first));
    assert!(
        cache.join(VERSION).join("bin/pva").is_file(),
        "the hook installed pva {VERSION} in its cache"
    );
    let downloads = server.requests.lock().unwrap().clone();
    assert_eq!(
        downloads,
        [
            format!("/pva-{}.tar.gz", crate::release::triple()),
            format!("/pva-{}.tar.gz.sha256", crate::release::triple())
        ]
    );

    // An untracked, half-written document in the same dossier and an
    // unstaged broken change do not block the commit of another file.
    std::fs::write(
        dossiers.join("cases/voorbeeld/bijstelling-concept.md"),
        "---\ndocument: bijstelling\n---\nHalf af.\n",
    )
    .unwrap();
    // (The example plan is signed and recorded: a change to it would be
    // refused, PVA042; the shared file is the other file here.)
    let shared = dossiers.join("cases/gedeeld.yaml");
    let good_shared = std::fs::read_to_string(&shared).unwrap();
    std::fs::write(&shared, format!("{good_shared}# Nog een opmerking.\n")).unwrap();
    // A file in no dossier (a README) adds nothing to lint.
    std::fs::write(dossiers.join("LEESMIJ.md"), "# Dossiers\n").unwrap();
    let notes = commit("gedeeld", &["cases/gedeeld.yaml", "LEESMIJ.md"]);
    assert!(notes.status.success(), "{}", text(&notes));
    assert!(text(&notes).contains("pva lint...."), "{}", text(&notes));

    // A staged wrong BSN is refused, with the file and line; the corrected
    // (another valid) BSN goes in.
    let dossier_file = dossiers.join("cases/voorbeeld/dossier.yaml");
    let good = std::fs::read_to_string(&dossier_file).unwrap();
    std::fs::write(&dossier_file, edit(&good, "\"111222333\"", "\"111222334\"")).unwrap();
    let refused = commit("bsn", &["cases/voorbeeld/dossier.yaml"]);
    assert!(!refused.status.success(), "{}", text(&refused));
    assert!(
        text(&refused).contains("cases/voorbeeld/dossier.yaml:11:8"),
        "{}",
        text(&refused)
    );
    assert!(
        text(&refused).contains("error[PVA030]"),
        "{}",
        text(&refused)
    );
    std::fs::write(&dossier_file, edit(&good, "\"111222333\"", "\"123456782\"")).unwrap();
    let committed = commit("bsn", &["cases/voorbeeld/dossier.yaml"]);
    assert!(committed.status.success(), "{}", text(&committed));
    // Installed once: every later run took pva from the cache.
    assert_eq!(server.requests.lock().unwrap().len(), 2);
}

/// Every PDF below `dir`, by its path below `dir`.
fn pdfs_below(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Three CI jobs with `--shard 1/3` … `3/3` build every PDF of a full build
/// exactly once, byte for byte, and lint every finding exactly once.
#[test]
fn shards_together_are_the_full_build() {
    let project =
        Project::with_examples().file("cases/los/plan.md", "---\ndocument: plan-van-aanpak\n---\n");
    project
        .run(&["build", "--today=2026-11-23", "--out", "full", "--quiet"])
        .code(1);
    let full = pdfs_below(&project.path("full"));
    let mut union = BTreeMap::new();
    let mut lint_union = Vec::new();
    let mut sizes = Vec::new();
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let out = format!("shard-{i}");
        let build = project.run(&[
            "build",
            "--today=2026-11-23",
            "--shard",
            &shard,
            "--out",
            &out,
        ]);
        let part = pdfs_below(&project.path(&out));
        assert!(
            build.stderr.contains(&format!(
                "{} PDF('s) gemaakt in {out} (shard {shard})",
                part.len()
            )),
            "{}",
            build.stderr
        );
        sizes.push(part.len());
        for (name, bytes) in part {
            assert!(
                union.insert(name.clone(), bytes).is_none(),
                "{name} is in two shards"
            );
        }
        let lint = project.run(&[
            "lint",
            "--today=2026-11-23",
            "--format=short",
            "--shard",
            &shard,
        ]);
        lint_union.extend(lint.stdout.lines().map(str::to_string));
    }
    assert_eq!(union, full);
    assert!(
        sizes.iter().filter(|n| **n > 0).count() >= 2,
        "one shard built everything: {sizes:?}"
    );
    let full_lint = project.run(&["lint", "--today=2026-11-23", "--format=short"]);
    let mut expected: Vec<String> = full_lint.stdout.lines().map(str::to_string).collect();
    expected.sort();
    lint_union.sort();
    assert_eq!(lint_union, expected);
    assert!(
        expected
            .iter()
            .any(|l| l.starts_with("cases/los/plan.md:1:1: error[PVA009]")),
        "{expected:?}"
    );
}

#[test]
fn a_shard_that_is_not_i_of_n_is_refused() {
    let run = Project::new().run(&["lint", "--shard", "4/3"]).code(2);
    assert_eq!(
        run.stderr,
        "fout: --shard 4/3: schrijf I/N met 1 ≤ I ≤ N, zoals 2/4\n"
    );
}

/// Runs `script` with bash in `dir` as [`run_script`] does, and returns its
/// exit code and output, whatever they are.
fn script_output(dir: &Path, script: &str, env: &[(&str, &str)]) -> (Option<i32>, String) {
    let output = script_command(dir, script, env).output().unwrap();
    (output.status.code(), text(&output))
}

/// `script` for bash in `dir`, with the `pva` under test first on the
/// PATH instead of an installed one.
fn script_command(dir: &Path, script: &str, env: &[(&str, &str)]) -> Command {
    let bin = Path::new(env!("CARGO_BIN_EXE_pva")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let mut command = Command::new("bash");
    command
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        // The examples' deadlines are judged on a fixed day, not the clock.
        .env("PVA_TODAY", "2026-11-23")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("CI_PROJECT_DIR")
        .envs(env.iter().copied());
    command
}

/// Runs `script` with bash in `dir`, with the `pva` under test first on the
/// PATH instead of a `cargo install`ed one.
fn run_script(dir: &Path, script: &str, env: &[(&str, &str)]) {
    let output = script_command(dir, script, env).output().unwrap();
    assert!(
        output.status.success(),
        "{script}\nfailed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `pva init`, then the commands of the generated workflow (all but the
/// install) as a script in that fresh folder: they succeed and leave PDFs.
#[test]
fn the_generated_workflow_runs_on_a_fresh_init() {
    let project = Project::new();
    project.run(&["init", "-q"]).success();
    let workflow = yaml(&project.path(".github/workflows/pva.yml"));
    let steps = workflow["jobs"]["dossiers"]["steps"].as_array().unwrap();
    let commands: Vec<&str> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .filter(|run| !run.contains("cargo install"))
        .collect();
    assert_eq!(commands, ["pva lint --format github", "pva build"]);
    run_script(&project.path(""), &commands.join("\n"), &[]);
    assert!(
        project
            .path("output/cases/voorbeeld/plan-van-aanpak.pdf")
            .is_file()
    );
}

/// The same for the GitLab pipeline's script, with `.pva/bin` empty (as if
/// the cache had the binary: the test's own pva is on the PATH).
#[test]
fn the_generated_gitlab_script_runs_on_a_fresh_init() {
    let project = Project::new();
    project.run(&["init", "-q", "--ci", "gitlab"]).success();
    let pipeline = yaml(&project.path(".gitlab-ci.yml"));
    let script: Vec<&str> = pipeline["dossiers"]["script"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .filter(|line| !line.contains("cargo install"))
        .collect();
    let dir = project.path("").to_string_lossy().into_owned();
    run_script(
        &project.path(""),
        &script.join("\n"),
        &[("CI_PROJECT_DIR", &dir)],
    );
    assert!(
        project
            .path("output/cases/voorbeeld/plan-van-aanpak.pdf")
            .is_file()
    );
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(project.path("gl-code-quality-report.json")).unwrap(),
    )
    .unwrap();
    assert!(report.is_array(), "{report}");
}

/// A repository with its own GitLab pipeline keeps it; pva's job goes into
/// the project, and `pva init` says how to include it.
#[test]
fn init_in_a_subfolder_of_a_gitlab_repository_writes_a_file_to_include() {
    let own = "build:\n  script:\n    - make\n";
    let project = Project::new().file(".gitlab-ci.yml", own);
    std::fs::create_dir_all(project.path(".git")).unwrap();
    let run = project.run(&["init", "--ci", "gitlab", "hr"]).success();
    let root: PathBuf = project.path("").components().collect();
    assert!(
        run.stderr.contains("geschreven: hr/pva.gitlab-ci.yml\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "{} heeft al een .gitlab-ci.yml: voeg daar `include: {{local: hr/pva.gitlab-ci.yml}}` aan toe, zodat GitLab de job van pva in hr draait\n",
            root.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(project.path(".gitlab-ci.yml")).unwrap(),
        own
    );
    let pipeline = yaml(&project.path("hr/pva.gitlab-ci.yml"));
    assert_eq!(gitlab_script(&pipeline)[2], "cd hr");
    // Included as told, the repository's pipeline is valid GitLab CI.
    std::fs::write(
        project.path(".gitlab-ci.yml"),
        format!("{own}include:\n  - local: hr/pva.gitlab-ci.yml\n"),
    )
    .unwrap();
    check(
        &tool("check-jsonschema"),
        &project.path("hr"),
        &["--builtin-schema", "vendor.gitlab-ci", "pva.gitlab-ci.yml"],
    );
    // Run again, pva's own root file is not mistaken for the repository's.
    let fresh = Project::new();
    std::fs::create_dir_all(fresh.path(".git")).unwrap();
    fresh.run(&["init", "-q", "--ci", "gitlab", "hr"]).success();
    let again = fresh.run(&["init", "--ci", "gitlab", "hr"]).success();
    assert!(
        again
            .stderr
            .contains("behouden: .gitlab-ci.yml (bestaat al)"),
        "{}",
        again.stderr
    );
    assert!(!fresh.path("hr/pva.gitlab-ci.yml").exists());
}

/// A dossier folder or document name with a character GitHub's artifact
/// upload (and Windows) refuses: a warning with a name that works, and the
/// document is still built.
#[test]
fn names_the_artifact_upload_refuses_are_reported_with_a_better_name() {
    let project = Project::new()
        .file("cases/de vries: 2026/dossier.yaml", DOSSIER)
        .file("cases/de vries: 2026/plan?.md", PLAN)
        .file("cases/goed/dossier.yaml", DOSSIER)
        .file("cases/goed/plan.md", PLAN);
    let run = project.run(&["lint", "--today=2026-03-01", "--format=json"]);
    let list: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let names: Vec<(String, String, String)> = list
        .iter()
        .filter(|d| d["code"] == "PVA095")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                d["hint"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            (
                "cases/de vries: 2026/dossier.yaml".to_string(),
                "de dossiermap `de vries: 2026` bevat `:`; GitHub weigert dan het hele artefact met de PDF's, en op een Windows-pc (voor het werkgeversportaal van UWV) is de PDF niet op te slaan".to_string(),
                "hernoem naar `de vries 2026` (git mv)".to_string(),
            ),
            (
                "cases/de vries: 2026/plan?.md".to_string(),
                "de bestandsnaam `plan?.md` bevat `?`; GitHub weigert dan het hele artefact met de PDF's, en op een Windows-pc (voor het werkgeversportaal van UWV) is de PDF niet op te slaan".to_string(),
                "hernoem naar `plan.md` (git mv)".to_string(),
            ),
        ]
    );
    assert!(
        list.iter()
            .all(|d| d["file"] != "cases/goed/plan.md" || d["code"] != "PVA095")
    );
    assert_eq!(
        list.iter().find(|d| d["code"] == "PVA095").unwrap()["severity"],
        "warning"
    );
}
