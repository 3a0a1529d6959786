//! The test harness: a temporary project, the `pva` binary run inside it,
//! and assertions on what a user sees (exit code, output, PDF text).

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// A program some tests need: from `target/ci-tools` (where `.ci/tools`
/// installs it) or the PATH. A missing tool fails the test rather than
/// skipping it, so CI cannot pass without the check.
#[track_caller]
pub(crate) fn tool(name: &str) -> PathBuf {
    let tools = repo().join("target/ci-tools");
    // Python tools in the virtual environment, npm ones (ajv) under npm/.
    for dir in ["bin", "npm/node_modules/.bin"] {
        let installed = tools.join(dir).join(name);
        if installed.is_file() {
            return installed;
        }
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| {
            panic!("this test needs `{name}`: install the test tools with `bash .ci/tools`")
        })
}

/// A temporary project folder.
pub(crate) struct Project {
    dir: TempDir,
}

/// The repository's own folder (for the example cases).
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Project {
    /// An empty project.
    pub(crate) fn new() -> Project {
        Project {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A project holding a copy of the repository's `cases/`.
    pub(crate) fn with_examples() -> Project {
        let project = Project::new();
        copy_dir(&repo().join("cases"), &project.path("cases"));
        project
    }

    /// Writes a file (creating folders).
    pub(crate) fn file(self, path: &str, contents: &str) -> Project {
        let target = self.path(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, contents).unwrap();
        self
    }

    /// A path inside the project.
    pub(crate) fn path(&self, path: &str) -> PathBuf {
        self.dir.path().join(path)
    }

    /// Runs `pva` with `args` in the project folder.
    #[must_use = "assert on the run with .success() or .code(n)"]
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs `pva` with `args` and the environment variables `env` set.
    #[must_use = "assert on the run with .success() or .code(n)"]
    pub(crate) fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = self.command(env!("CARGO_BIN_EXE_pva"), "");
        command.args(args).envs(env.iter().copied());
        finish(command)
    }

    /// Runs `pva` with `args` in the subfolder `dir` of the project.
    #[must_use = "assert on the run with .success() or .code(n)"]
    pub(crate) fn run_in(&self, dir: &str, args: &[&str]) -> Run {
        let mut command = self.command(env!("CARGO_BIN_EXE_pva"), dir);
        command.args(args);
        finish(command)
    }

    /// Runs `pva` with `args` under the file-creation mask `umask` (octal).
    #[must_use = "assert on the run with .success() or .code(n)"]
    pub(crate) fn run_with_umask(&self, umask: &str, args: &[&str]) -> Run {
        let mut command = self.command("sh", "");
        command
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_pva"))
            .args(args);
        finish(command)
    }

    /// `program` in the folder `dir` of the project, with an environment
    /// that does not depend on where the tests run (no colour, no clock
    /// override, no CI of the test run itself).
    fn command(&self, program: &str, dir: &str) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(self.dir.path().join(dir))
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("PVA_TODAY")
            .env_remove("GITHUB_STEP_SUMMARY")
            .env_remove("CI_PROJECT_DIR")
            .env_remove("GITHUB_WORKSPACE");
        command
    }

    /// The text of a PDF in the project, whitespace collapsed.
    pub(crate) fn pdf_text(&self, path: &str) -> String {
        let bytes = std::fs::read(self.path(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let text = pdf_extract::extract_text_from_mem(&bytes).expect("PDF text");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The text of each page of a PDF in the project, whitespace collapsed.
    pub(crate) fn pdf_pages(&self, path: &str) -> Vec<String> {
        let bytes = std::fs::read(self.path(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        pdf_extract::extract_text_from_mem_by_pages(&bytes)
            .expect("PDF text")
            .iter()
            .map(|page| page.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }
}

/// The result of one run.
#[derive(Debug)]
pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts exit code 0.
    #[track_caller]
    pub(crate) fn success(self) -> Run {
        self.code(0)
    }

    /// Asserts the exit code.
    #[track_caller]
    pub(crate) fn code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The findings of `--format json` output as (code, file, line, column).
    pub(crate) fn findings(&self) -> Vec<(String, String, usize, usize)> {
        let list: Vec<serde_json::Value> = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("JSON output: {e}\n{}", self.stdout));
        list.iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["file"].as_str().unwrap().replace('\\', "/"),
                    d["line"].as_u64().unwrap() as usize,
                    d["column"].as_u64().unwrap() as usize,
                )
            })
            .collect()
    }

    /// The distinct rule codes of `--format json` output.
    pub(crate) fn codes(&self) -> std::collections::BTreeSet<String> {
        self.findings().into_iter().map(|f| f.0).collect()
    }

    /// The hints of `--format json` output ("" where a finding has none).
    pub(crate) fn hints(&self) -> Vec<String> {
        let list: Vec<serde_json::Value> = serde_json::from_str(&self.stdout).unwrap();
        list.iter()
            .map(|d| d["hint"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The messages of `--format json` output.
    pub(crate) fn messages(&self) -> Vec<String> {
        let list: Vec<serde_json::Value> = serde_json::from_str(&self.stdout).unwrap();
        list.iter()
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    }
}

fn finish(mut command: Command) -> Run {
    let output = command.output().expect("pva runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Removes the record of the signed version (`getekende_versie:`, written
/// by `pva freeze`) from the document `path`, and its signed copy: an
/// example as it was before it was signed, for tests of editing and
/// rebuilding.
pub(crate) fn unrecord(project: &Project, path: &str) {
    let copy = project.path(&path.replace(".md", ".getekend.pdf"));
    std::fs::remove_file(&copy).unwrap_or_else(|e| panic!("{}: {e}", copy.display()));
    let text = std::fs::read_to_string(project.path(path)).unwrap();
    let start = text
        .find("\n# Vastgelegd met `pva freeze`")
        .expect("a recorded example");
    let end = start + text[start..].find("\n---\n").unwrap();
    std::fs::write(
        project.path(path),
        format!("{}{}", &text[..start], &text[end..]),
    )
    .unwrap();
}

/// Copies a folder tree.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs a tool and asserts it succeeds, showing its output if not.
#[track_caller]
pub(crate) fn check(program: &Path, dir: &Path, args: &[&str]) {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    assert!(
        output.status.success(),
        "{} {args:?} failed:\n{}{}",
        program.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
