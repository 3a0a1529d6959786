//! The README's "From nothing to PDFs", run as written on a fresh
//! `pva init`: every command in order, the whole output compared with
//! `tests/golden/readme-first-hour.txt` (`PVA_BLESS=1` accepts a change).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::repo;

/// The commands of the README's "From nothing to PDFs" block, one a line,
/// comments removed; a comment-only line is an instruction to the user
/// (kept, starting with `#`).
fn readme_steps() -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = readme
        .split("## From nothing to PDFs")
        .nth(1)
        .expect("the README has the section");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a sh block");
    block
        .lines()
        .map(|line| match line.find("  #") {
            Some(at) if !line.starts_with('#') => line[..at].trim_end().to_string(),
            _ => line.trim_end().to_string(),
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// What the user types into the dossier skeleton: each empty key gets a
/// value (the skeleton's comments after it go).
fn fill_in(dossier: &Path) {
    let values = [
        ("naam", "Kees Jansen"),
        ("bsn", "\"111222333\""),
        ("adres", "Dorpsstraat 1"),
        ("postcode", "3511 AB"),
        ("plaats", "Utrecht"),
        ("geboortedatum", "1980-05-05"),
        ("functie", "Broodbakker"),
        ("datum", "2026-11-09"),
        ("ontvangen_op", "2026-11-10"),
        ("advies_einddoel", "eigen_functie"),
    ];
    let text = std::fs::read_to_string(dossier).unwrap();
    let filled: Vec<String> = text
        .lines()
        .map(|line| {
            let indent = &line[..line.len() - line.trim_start().len()];
            let key = line.trim_start().split(':').next().unwrap_or("");
            let value = line.split_once(':').map_or("", |(_, v)| v);
            let value = value.split('#').next().unwrap_or("").trim();
            match values.iter().find(|(k, _)| *k == key) {
                Some((k, v)) if value.is_empty() || value == "\"\"" => format!("{indent}{k}: {v}"),
                _ => line.to_string(),
            }
        })
        .collect();
    std::fs::write(dossier, filled.join("\n") + "\n").unwrap();
}

#[test]
fn readme_from_nothing_to_pdfs_runs_as_written() {
    let home = tempfile::tempdir().unwrap();
    let mut cwd: PathBuf = home.path().to_path_buf();
    let mut transcript = String::new();
    for step in readme_steps() {
        transcript.push_str(&format!("$ {step}\n"));
        if let Some(what) = step.strip_prefix("# fill in ") {
            let file = what.split(':').next().unwrap();
            fill_in(&cwd.join(file));
            continue;
        }
        for command in step.split(" && ") {
            let words: Vec<&str> = command.split_whitespace().collect();
            match words.as_slice() {
                ["cd", dir] => cwd = cwd.join(dir),
                ["rm", "-r", dir] => std::fs::remove_dir_all(cwd.join(dir)).unwrap(),
                ["git", "init"] => {
                    let git = Command::new("git")
                        .args(["init", "-q"])
                        .current_dir(&cwd)
                        .status();
                    assert!(git.unwrap().success());
                }
                ["pva", args @ ..] => transcript.push_str(&pva(&cwd, args)),
                _ => panic!("a README command the test cannot run: {command}"),
            }
        }
    }
    // The calendar file and the draft are where the README says, and git
    // would not take them.
    assert!(cwd.join("deadlines.ics").is_file());
    let draft = cwd.join("output/cases/jansen-2026/plan-van-aanpak.concept.pdf");
    assert!(draft.is_file(), "{transcript}");
    let ignored = Command::new("git")
        .args([
            "check-ignore",
            "deadlines.ics",
            "output/cases/jansen-2026/plan-van-aanpak.concept.pdf",
        ])
        .current_dir(&cwd)
        .output()
        .unwrap();
    assert_eq!(ignored.status.code(), Some(0));
    let golden = repo().join("tests/golden/readme-first-hour.txt");
    if std::env::var_os("PVA_BLESS").is_some() {
        std::fs::write(&golden, &transcript).unwrap();
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|_| panic!("{} missing: run with PVA_BLESS=1", golden.display()));
    assert!(
        transcript == expected,
        "the README's commands print something else than {}; run with PVA_BLESS=1 and review:\n{transcript}",
        golden.display()
    );
}

/// Runs `pva args` in `dir` as the README's reader would, on a fixed day;
/// returns what it printed and its exit code when not 0.
fn pva(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pva"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("PVA_TODAY", "2026-11-23")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("CI_PROJECT_DIR")
        .output()
        .unwrap();
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    match out.status.code() {
        Some(0) => text,
        code => format!("{text}[exit {}]\n", code.unwrap_or(-1)),
    }
}
