//! Builds you can trust after a crash, beside hostile files and beside each
//! other (issue 20): each test is built from a reproduction of a break.

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Project, copy_dir, unrecord};

const TODAY: &str = "--today=2026-11-23";

/// The examples and `copies` copies of the jansen-2025 dossier: enough
/// documents that a build is still writing when a kill lands. The record
/// of the signed version is taken out of every document: an edit of a
/// recorded document is an error (PVA042), so it would never be rebuilt
/// and a kill could find nothing to break.
fn many_documents(copies: usize) -> Project {
    let project = Project::with_examples();
    for copy in 1..=copies {
        copy_dir(
            &project.path("cases/jansen-2025"),
            &project.path(&format!("cases/kopie-{copy}")),
        );
    }
    let root = project.path("");
    for doc in documents(&project) {
        let path = doc.strip_prefix(&root).unwrap().to_string_lossy();
        unrecord(&project, &path);
    }
    project
}

/// Every `.md` below `cases/`.
fn documents(project: &Project) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(project.path("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect()
}

const EXTRA: &str = "\nEen regel die straks weer weg is.\n";

/// Adds a line to every document, or takes it away again.
fn edit_all(project: &Project, add: bool) {
    for doc in documents(project) {
        let text = std::fs::read_to_string(&doc).unwrap();
        let text = if add {
            format!("{text}{EXTRA}")
        } else {
            text.strip_suffix(EXTRA).unwrap().to_string()
        };
        std::fs::write(&doc, text).unwrap();
    }
}

/// Every PDF below `dir`: path → bytes.
fn pdfs_in(project: &Project, dir: &str) -> BTreeMap<String, Vec<u8>> {
    let out = project.path(dir);
    walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            let name = e.path().strip_prefix(&out).unwrap().to_string_lossy();
            (name.replace('\\', "/"), std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn spawn_build(project: &Project) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pva"))
        .args(["build", TODAY, "--quiet"])
        .current_dir(project.path(""))
        .env_remove("SOURCE_DATE_EPOCH")
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Edit, build, kill the build when `kill_when` says so, revert the edit and
/// build again: every PDF must be the one a fresh full build writes.
fn edit_kill_revert(project: &Project, fresh: &BTreeMap<String, Vec<u8>>, kill_when: KillAt) {
    edit_all(project, true);
    let before = pdfs_in(project, "output");
    let mut child = spawn_build(project);
    let start = Instant::now();
    loop {
        let due = match kill_when {
            KillAt::FirstChange => pdfs_in(project, "output") != before,
            KillAt::After(delay) => start.elapsed() >= delay,
        };
        if due || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    child.wait().unwrap();
    if let KillAt::FirstChange = kill_when {
        // Else the edit built nothing and the test could not fail.
        assert_ne!(
            pdfs_in(project, "output"),
            before,
            "the edit rebuilt no PDF"
        );
    }
    edit_all(project, false);
    project.run(&["build", TODAY, "--quiet"]).success();
    let after = pdfs_in(project, "output");
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (pdf, bytes) in &after {
        assert!(
            fresh.get(pdf) == Some(bytes),
            "{pdf} still holds the removed line after a build killed at {kill_when:?}"
        );
    }
}

#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// As soon as the first PDF changed.
    FirstChange,
    /// After this long.
    After(Duration),
}

/// A fresh full build of the project into `fresh/`.
fn fresh_build(project: &Project) -> BTreeMap<String, Vec<u8>> {
    project
        .run(&["build", TODAY, "--quiet", "--force", "--out", "fresh"])
        .success();
    pdfs_in(project, "fresh")
}

/// Issue 20, break 1: a build killed while it rewrites PDFs, then the edit
/// reverted: the next build must not call the changed PDFs up to date.
///
/// Checked against the old code (2026-12-07): with the manifest entries of
/// a chunk no longer dropped before its PDFs are written (the fix in
/// `pipeline::compile_all` taken out locally), this test failed 3 runs of
/// 3 with "cases/kopie-3/01-plan-van-aanpak.pdf still holds the removed
/// line after a build killed at FirstChange"; with the fix it passes.
/// Before the examples' records were taken out (`many_documents`), it
/// passed on the old code too: every edit was an error, nothing was built.
#[test]
fn a_killed_build_leaves_no_pdf_trusted_wrongly() {
    let project = many_documents(3);
    let fresh = fresh_build(&project);
    project.run(&["build", TODAY, "--quiet"]).success();
    edit_kill_revert(&project, &fresh, KillAt::FirstChange);
}

/// The long fault loop: kills at random moments, for `PVA_FAULT_SECONDS`
/// (default 60). `.ci/run` runs it with its budget.
#[test]
#[ignore = "long fault loop; .ci/run runs it with a time budget"]
fn fault_loop_kills_at_random_moments() {
    let budget = std::env::var("PVA_FAULT_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let project = many_documents(8);
    let fresh = fresh_build(&project);
    project.run(&["build", TODAY, "--quiet"]).success();
    let start = Instant::now();
    // A full build's time bounds the kill moments.
    let full = {
        let t = Instant::now();
        project
            .run(&["build", TODAY, "--quiet", "--force"])
            .success();
        t.elapsed()
    };
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rounds = 0;
    while start.elapsed() < Duration::from_secs(budget) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = full.mul_f64((seed % 1000) as f64 / 1000.0);
        edit_kill_revert(&project, &fresh, KillAt::After(delay));
        rounds += 1;
    }
    eprintln!("{rounds} killed builds, every PDF as a fresh build's");
}

/// Issue 20, break 2: a document that links to a file outside the project
/// (here a file holding a secret) is not read: the finding names the link,
/// the secret is in no output, and the rest is built.
#[cfg(unix)]
#[test]
fn a_link_to_outside_the_project_is_not_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("environ");
    std::fs::write(&secret, "SECRET_TOKEN=geheim-123\n---\nnaam: x\n---\n").unwrap();
    let project = crate::fixture::project(crate::fixture::DOSSIER, crate::fixture::PLAN);
    std::os::unix::fs::symlink(&secret, project.path("cases/d/env.md")).unwrap();
    let run = project.run(&["build", TODAY]).code(1);
    assert!(!run.stderr.contains("geheim"), "{}", run.stderr);
    assert!(
        run.stderr.contains("error[PVA080]: dit bestand is een koppeling naar een bestand buiten het project; pva leest het niet"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("cases/d/env.md"), "{}", run.stderr);
    assert!(project.path("output/cases/d/plan.pdf").is_file());
    assert!(!project.path("output/cases/d/env.pdf").exists());
    let json = project.run(&["lint", TODAY, "--format", "json"]).code(1);
    assert!(!json.stdout.contains("geheim"), "{}", json.stdout);
}

/// The same for `dossier.yaml` and `gedeeld.yaml` as such links: named,
/// not read, nothing printed of their target.
#[cfg(unix)]
#[test]
fn inherited_files_that_link_outside_are_not_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("shadow");
    std::fs::write(&secret, "root:$6$geheim:19000:0:99999:7:::\n").unwrap();
    let project = crate::fixture::project(crate::fixture::DOSSIER, crate::fixture::PLAN);
    std::os::unix::fs::symlink(&secret, project.path("cases/gedeeld.yaml")).unwrap();
    let run = project.run(&["lint", TODAY, "--format", "json"]).code(1);
    assert!(!run.stdout.contains("geheim"), "{}", run.stdout);
    assert_eq!(
        run.findings()
            .into_iter()
            .filter(|f| f.0 == "PVA080")
            .map(|f| f.1)
            .collect::<Vec<_>>(),
        ["cases/gedeeld.yaml"]
    );
    std::fs::remove_file(project.path("cases/gedeeld.yaml")).unwrap();
    std::fs::rename(
        project.path("cases/d/dossier.yaml"),
        outside.path().join("dossier.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("dossier.yaml"),
        project.path("cases/d/dossier.yaml"),
    )
    .unwrap();
    let run = project.run(&["build", TODAY]).code(1);
    assert!(
        run.stderr.contains("cases/d/dossier.yaml") && run.stderr.contains("error[PVA080]"),
        "{}",
        run.stderr
    );
    assert!(!project.path("output/cases/d/plan.pdf").exists());
}

/// Issue 20, break 5: a second build into the same output folder waits for
/// the first, saying so, and neither loses a file.
#[test]
fn a_second_build_waits_for_the_first() {
    let project = many_documents(2);
    let first = spawn_build(&project);
    // The first build holds the folder before the second starts.
    let lock = project.path("output/.pva.lock");
    let start = Instant::now();
    while !lock.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(1));
    }
    let second = project.run(&["build", TODAY]);
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success());
    second.success();
    let fresh = fresh_build(&project);
    assert_eq!(pdfs_in(&project, "output"), fresh);
}

/// The waiting message, with the folder held by a lock of this test.
#[test]
fn a_build_says_it_waits_for_another_run() {
    let project = crate::fixture::project(crate::fixture::DOSSIER, crate::fixture::PLAN);
    std::fs::create_dir_all(project.path("output")).unwrap();
    let lock = std::fs::File::create(project.path("output/.pva.lock")).unwrap();
    lock.lock().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pva"))
        .args(["build", TODAY])
        .current_dir(project.path(""))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the build did not wait"
    );
    assert!(!project.path("output/cases/d/plan.pdf").exists());
    lock.unlock().unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.starts_with("een andere pva-opdracht schrijft in output; deze wacht tot die klaar is (of kies een andere map met --out)\n"),
        "{stderr}"
    );
    assert!(project.path("output/cases/d/plan.pdf").is_file());
}

/// Issue 20, break 9 and item 10: output inside `cases/` or naming a file
/// is refused for build and riv, in Dutch, and nothing is written.
#[test]
fn output_is_never_inside_the_cases() {
    let project = Project::with_examples();
    for out in ["cases/out", "cases/de-vries-2026"] {
        let run = project.run(&["build", TODAY, "--out", out]).code(2);
        assert_eq!(
            run.stderr,
            format!(
                "fout: kan niet in {out} schrijven: die map ligt in cases, tussen de dossiers; kies een map buiten cases, zoals output/\n"
            )
        );
    }
    assert!(!project.path("cases/out").exists());
    let riv = project
        .run(&[
            "riv",
            "cases/de-vries-2026",
            TODAY,
            "--out",
            "cases/visser-2024",
        ])
        .code(2);
    assert_eq!(
        riv.stderr,
        "fout: kan niet in cases/visser-2024 schrijven: die map ligt in cases, tussen de dossiers; kies een map buiten cases, zoals output/\n"
    );
    std::fs::write(project.path("bestand"), "x").unwrap();
    let run = project.run(&["build", TODAY, "--out", "bestand"]).code(2);
    assert_eq!(
        run.stderr,
        "fout: kan niet in bestand schrijven: dat is een bestand, geen map; kies een map met --out, zoals output/\n"
    );
}

/// Item 10: a `dossier.yaml` or `gedeeld.yaml` that is a folder is named
/// as such, with what to do.
#[test]
fn inherited_files_that_are_folders_are_reported() {
    let project = crate::fixture::project(crate::fixture::DOSSIER, crate::fixture::PLAN);
    std::fs::create_dir_all(project.path("cases/gedeeld.yaml")).unwrap();
    let run = project.run(&["lint", TODAY, "--format", "short"]).code(1);
    assert!(
        run.stdout.contains(
            "cases/gedeeld.yaml:1:1: error[PVA002]: gedeeld.yaml is een map, geen bestand"
        ),
        "{}",
        run.stdout
    );
    let project = Project::new().file("cases/d/plan.md", crate::fixture::PLAN);
    std::fs::create_dir_all(project.path("cases/d/dossier.yaml")).unwrap();
    let run = project.run(&["lint", TODAY, "--format", "json"]).code(1);
    assert_eq!(
        run.messages(),
        [
            "dossier.yaml is hier een map, geen bestand: de documenten in cases/d horen bij geen dossier"
        ]
    );
}

/// Issue 20, break 4: bad framing between good messages: every bad frame
/// gets a JSON-RPC error, the server answers the requests after it and
/// exits cleanly.
#[test]
fn the_language_server_survives_bad_framing() {
    use std::io::Write;
    let project = crate::fixture::project(crate::fixture::DOSSIER, crate::fixture::PLAN);
    let framed = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let root = url_of(&project.path(""));
    let mut input = String::new();
    for bad in [
        "Content-Length: abc\r\n\r\n{}".to_string(),
        "Content-Length: -5\r\n\r\n{}".to_string(),
        framed(r#"{"jsonrpc":"2.0","id":9,"meth"#),
        framed("[1,2]"),
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.to_string(),
        "Content-Length: 99999999999999\r\n\r\n".to_string(),
        "Content-Length: 18446744073709551615\r\n\r\n".to_string(),
    ] {
        input.push_str(&bad);
    }
    input.push_str(&framed(&format!(
        r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"capabilities":{{}},"rootUri":"{root}"}}}}"#
    )));
    input.push_str(&framed(
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
    ));
    input.push_str("Content-Length: 12\r\n\r\nnot json!!!!");
    input.push_str(&framed(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#));
    input.push_str(&framed(r#"{"jsonrpc":"2.0","method":"exit"}"#));
    let mut child = Command::new(env!("CARGO_BIN_EXE_pva"))
        .args(["lsp"])
        .current_dir(project.path(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parse_errors = stdout.matches(r#""code":-32700"#).count();
    let invalid = stdout.matches(r#""code":-32600"#).count();
    assert_eq!((parse_errors, invalid), (7, 1), "{stdout}");
    assert!(
        stdout.contains(r#""id":1,"result":{"capabilities""#),
        "{stdout}"
    );
    assert!(stdout.contains(r#""id":2,"result":null"#), "{stdout}");
}

fn url_of(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// Issue 20, break 2 for `pva riv`: an arbodienst file that links outside
/// the project, is no PDF, or is a broken one is not copied into the set;
/// the finding names the file and says why, without its content.
#[cfg(unix)]
#[test]
fn riv_copies_only_real_pdfs_from_the_project() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("environ");
    std::fs::write(&secret, "%PDF-1.7 SECRET_TOKEN=geheim\n").unwrap();
    type Make<'a> = &'a dyn Fn(&std::path::Path);
    let cases: [(&str, Make<'_>); 3] = [
        (
            "dit bestand is een koppeling naar een bestand buiten het project; pva neemt het niet op",
            &|p| {
                std::os::unix::fs::symlink(&secret, p).unwrap();
            },
        ),
        (
            "dit bestand is geen PDF (het begint niet met %PDF-)",
            &|p| {
                std::fs::write(p, "SECRET_TOKEN=geheim\n").unwrap();
            },
        ),
        (
            "dit bestand begint als een PDF maar is beschadigd of onvolledig",
            &|p| {
                std::fs::write(p, "%PDF-1.7\nSECRET_TOKEN=geheim\n").unwrap();
            },
        ),
    ];
    for (message, make) in cases {
        let project = Project::with_examples();
        let file = project.path("cases/visser-2024/probleemanalyse-2024-10-07.pdf");
        std::fs::remove_file(&file).unwrap();
        make(&file);
        // Without a usable probleemanalyse PDF the verslag is incomplete
        // (issue 19): an error, and nothing is written.
        let run = project
            .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
            .code(1);
        assert!(
            run.stdout.contains(&format!(
                "error[PVA060]: {message}\n  ┌─ cases/visser-2024/probleemanalyse-2024-10-07.pdf:1:1"
            )),
            "{}",
            run.stdout
        );
        assert!(!run.stdout.contains("geheim") && !run.stderr.contains("geheim"));
        assert!(!project.path("set").exists());
    }
}

/// A `templates/` folder that is a link is refused: templates are read
/// from the project only.
#[cfg(unix)]
#[test]
fn a_templates_folder_that_links_elsewhere_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let project = crate::fixture::project(crate::fixture::DOSSIER, crate::fixture::PLAN);
    std::os::unix::fs::symlink(outside.path(), project.path("templates")).unwrap();
    let run = project.run(&["build", TODAY]).code(2);
    assert!(
        run.stderr.contains(
            "templates: is a symbolic link; make templates/ a real folder in the project"
        ),
        "{}",
        run.stderr
    );
}

/// Lints the fixture with `dossier` and `plan` and returns the findings of
/// this issue's rules (PVA080–PVA089) as `CODE file:line message` (an
/// unreadable dossier.yaml also leaves the plan's fields missing).
fn findings_of(dossier: &str, plan: &str) -> Vec<String> {
    let project = crate::fixture::project(dossier, plan);
    let run = project.run(&["lint", TODAY, "--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    list.iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("PVA08"))
        .map(|d| {
            format!(
                "{} {}:{} {}",
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["line"],
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// The fixture plan with `text` added at the end of its body.
fn plan_with(text: &str) -> String {
    format!("{}\n{text}\n", crate::fixture::PLAN)
}

/// Issue 20, break 8 and item 6: tags are refused, a tab in a value and a
/// NUL in the body are reported, an unclosed comment at its line.
#[test]
fn nothing_changes_silently() {
    use crate::fixture::{DOSSIER, PLAN, edit};
    let binary = edit(
        DOSSIER,
        "naam: Jan Jansen",
        "naam: !!binary SGVsbG8gd29ybGQ=",
    );
    assert_eq!(
        findings_of(&binary, PLAN),
        [
            "PVA081 cases/d/dossier.yaml:7 deze waarde heeft de YAML-tag `!!binary`; pva neemt geen tags aan, omdat ze de waarde stil veranderen of laten wegvallen"
        ]
    );
    let custom = edit(DOSSIER, "naam: Jan Jansen", "naam: !eigen Sanne de Vries");
    assert_eq!(
        findings_of(&custom, PLAN),
        [
            "PVA081 cases/d/dossier.yaml:7 deze waarde heeft de YAML-tag `!eigen`; pva neemt geen tags aan, omdat ze de waarde stil veranderen of laten wegvallen"
        ]
    );
    let tab = edit(DOSSIER, "naam: Jan Jansen", "naam: \"Sanne\\tde Vries\"");
    assert_eq!(
        findings_of(&tab, PLAN),
        [
            "PVA082 cases/d/dossier.yaml:7 hier staat een tab: onzichtbaar in de editor, en in de PDF valt het weg of verschuift de tekst"
        ]
    );
    let nul = findings_of(DOSSIER, &plan_with("Een NUL\0 hier."));
    assert_eq!(
        nul,
        [format!(
            "PVA082 cases/d/plan.md:{} hier staat een NUL-teken: onzichtbaar in de editor, en in de PDF valt het weg of verschuift de tekst",
            PLAN.lines().count() + 2
        )]
    );
    let comment = edit(
        PLAN,
        "## Visie werknemer",
        "<!-- nog invullen\n\n## Visie werknemer",
    );
    let line = comment.lines().position(|l| l.starts_with("<!--")).unwrap() + 1;
    let found = findings_of(DOSSIER, &comment);
    assert!(
        found.contains(&format!("PVA083 cases/d/plan.md:{line} deze opmerking (<!--) wordt nergens afgesloten: alle tekst hierna valt weg uit de PDF")),
        "{found:?}"
    );
}

/// Issue 20, break 6: characters no font has are reported where they are,
/// before a build fails on them; the document is not built, the rest is.
#[test]
fn characters_the_fonts_lack_are_reported() {
    use crate::fixture::{DOSSIER, PLAN, edit};
    for (name, shown) in [("Zoë 😀 Smit", "😀"), ("王小明", "王")] {
        let dossier = edit(DOSSIER, "naam: Jan Jansen", &format!("naam: \"{name}\""));
        let found = findings_of(&dossier, PLAN);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(&format!(
                "PVA085 cases/d/dossier.yaml:7 het teken `{shown}`"
            )),
            "{found:?}"
        );
    }
    let entity = findings_of(DOSSIER, &plan_with("Een teken: &#x10FFFF;"));
    assert_eq!(
        entity,
        [format!(
            "PVA085 cases/d/plan.md:{} het teken `\u{10FFFF}` (U+10FFFF) staat in geen van de lettertypen van de PDF; het document kan zo niet gemaakt worden",
            PLAN.lines().count() + 2
        )]
    );
    // Accents, Greek and Cyrillic print.
    let fine = edit(
        DOSSIER,
        "naam: Jan Jansen",
        "naam: \"Zoë Çelik-Ĳsselmeer Ελένη Наталья\"",
    );
    assert_eq!(findings_of(&fine, PLAN), Vec::<String>::new());
}

/// Issue 20, break 7: deep nesting and a word too long for a PDF string
/// are the case's findings at their line, not a template failure.
#[test]
fn content_the_build_cannot_set_is_reported_in_the_case() {
    let quotes = format!("{} diep\n", ">".repeat(15));
    let lists: String = (0..32)
        .map(|i| format!("{}- niveau {i}\n", "  ".repeat(i)))
        .collect();
    let word = "a".repeat(40_000);
    let first_line = crate::fixture::PLAN.lines().count() + 2;
    for (text, message) in [
        (
            quotes.as_str(),
            "lijsten of citaten staan hier meer dan 8 niveaus in elkaar",
        ),
        (
            lists.as_str(),
            "lijsten of citaten staan hier meer dan 8 niveaus in elkaar",
        ),
        (
            word.as_str(),
            "hier staat een woord van 40000 tekens zonder spatie; meer dan 1000 past niet in een PDF-regel",
        ),
    ] {
        let found = findings_of(crate::fixture::DOSSIER, &plan_with(text));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("PVA084 cases/d/plan.md:"), "{found:?}");
        assert!(found[0].ends_with(message), "{found:?}");
        let line: usize = found[0].split([':', ' ']).nth(2).unwrap().parse().unwrap();
        assert!(line >= first_line, "{found:?}");
    }
}

/// Issue 20, break 3: rows, hard breaks and HTML beyond the limits are
/// findings; at the limits the document builds.
#[test]
fn expensive_documents_are_findings() {
    let table = |rows: usize| {
        let mut t = String::from("| a | b |\n|---|---|\n");
        for i in 1..rows {
            t.push_str(&format!("| {i} | x |\n"));
        }
        t
    };
    let breaks = |n: usize| "regel\\\n".repeat(n) + "eind\n";
    let spans = |n: usize| "<span>x</span> ".repeat(n);
    let long = |n: usize| "Een gewone zin van werk. ".repeat(n / 25);
    for (text, message) in [
        (
            long(101_000),
            "de tekst van dit document is langer dan 100000 tekens (zo'n 40 bladzijden); zo'n document kost bij het maken te veel tijd en geheugen",
        ),
        (
            table(501),
            "de tabellen hebben samen meer dan 500 rijen; zo'n document kost bij het maken minuten en gigabytes",
        ),
        (
            breaks(2_001),
            "de tekst heeft meer dan 2000 harde regeleinden (een \\ of twee spaties aan het eind van de regel)",
        ),
        (
            spans(501),
            "de tekst heeft meer dan 1000 HTML-stukjes (zoals <span>)",
        ),
    ] {
        let found = findings_of(crate::fixture::DOSSIER, &plan_with(&text));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("PVA084 cases/d/plan.md:") && found[0].ends_with(message),
            "{found:?}"
        );
    }
    for text in [table(500), breaks(2_000), spans(500), long(95_000)] {
        let project = crate::fixture::project(crate::fixture::DOSSIER, &plan_with(&text));
        project.run(&["build", TODAY, "--quiet"]).success();
        assert!(project.path("output/cases/d/plan.pdf").is_file());
    }
}

/// Issue 20, break 3, second half: a project's own template that never
/// ends, or grows without end, fails its document alone, with the limit
/// `pva.toml` sets, and the other documents are built.
#[test]
fn a_runaway_template_fails_its_document_alone() {
    let project = bounded_with_templates();
    let append = |name: &str, code: &str| edit_template(&project, name, code, false);
    // 10^10 steps in little memory; a text of 800 MB, written at once
    // (so it passes the memory limit well before the time limit).
    append(
        "plan-van-aanpak.typ",
        "#for i in range(100000) { for j in range(100000) {} }",
    );
    append("bijstelling.typ", "#let a = \"abcdefgh\" * 100000000");
    let run = project
        .run(&["build", TODAY, "cases/jansen-2025", "cases/mulder-2026"])
        .code(1);
    let failed = |pdf: &str, message: &str| {
        format!("fout: output/cases/jansen-2025/{pdf} kon niet gemaakt worden:\n{message}")
    };
    let slow = "het opmaken duurde langer dan 5 s en is afgebroken. Staat er in templates/ een eigen sjabloon met een lus of herhaling die niet ophoudt? Zet die recht, of verhoog `max_seconds` onder [build] in pva.toml als het document echt zo lang nodig heeft";
    let big = "het opmaken gebruikte meer dan 300 MB geheugen en is afgebroken. Staat er in templates/ een eigen sjabloon dat steeds meer maakt (een grote lus of lijst)? Zet die recht, of verhoog `max_memory_mb` onder [build] in pva.toml als het document echt zo veel nodig heeft";
    for expected in [
        failed("01-plan-van-aanpak.pdf", slow),
        failed("02-bijstelling.pdf", big),
        failed("03-bijstelling.pdf", big),
    ] {
        assert!(run.stderr.contains(&expected), "{}", run.stderr);
    }
    assert!(
        run.stderr
            .contains("1 PDF('s) gemaakt in output, 0 al actueel; 3 document(en) niet gemaakt"),
        "{}",
        run.stderr
    );
    assert!(
        project
            .pdf_text("output/cases/mulder-2026/verkort-reintegratieverslag.pdf")
            .contains("Mulder")
    );
    assert!(!project.path("output/cases/jansen-2025").exists());
}

/// Issue 20, break 3: a project's own Tera template is bounded too (the
/// worker runs it, not the build): a loop of 10^10 steps and a text that
/// doubles 40 times each fail their document alone.
#[test]
fn a_runaway_tera_template_fails_its_document_alone() {
    let project = bounded_with_templates();
    // Unsigned, so that the build's worker runs the template; for a signed
    // document the layout check stops it first (the next test).
    for doc in ["01-plan-van-aanpak", "02-bijstelling", "03-bijstelling"] {
        crate::support::unrecord(&project, &format!("cases/jansen-2025/{doc}.md"));
    }
    let prepend = |name: &str, code: &str| edit_template(&project, name, code, true);
    prepend(
        "plan-van-aanpak.typ",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
    );
    prepend(
        "bijstelling.typ",
        "{% set_global s = \"abcdefgh\" %}{% for i in range(end=40) %}{% set_global s = s ~ s %}{% endfor %}",
    );
    let run = project
        .run(&["build", TODAY, "cases/jansen-2025", "cases/mulder-2026"])
        .code(1);
    let failed =
        |pdf: &str| format!("fout: output/cases/jansen-2025/{pdf} kon niet gemaakt worden:\n");
    let slow = "het opmaken duurde langer dan 5 s en is afgebroken.";
    let big = "het opmaken gebruikte meer dan 300 MB geheugen en is afgebroken.";
    for expected in [
        format!("{}{slow}", failed("01-plan-van-aanpak.pdf")),
        format!("{}{big}", failed("02-bijstelling.pdf")),
        format!("{}{big}", failed("03-bijstelling.pdf")),
    ] {
        assert!(
            run.stderr.contains(&expected),
            "{expected}\n---\n{}",
            run.stderr
        );
    }
    assert!(
        project
            .pdf_text("output/cases/mulder-2026/verkort-reintegratieverslag.pdf")
            .contains("Mulder")
    );
}

/// Issue 20, break 3: the limits in `pva.toml` are checked.
#[test]
fn build_limits_below_what_a_document_needs_are_refused() {
    let project = Project::with_examples().file(
        "pva.toml",
        "[build]\nmax_seconds = 0\nmax_memory_mb = 100\n",
    );
    let run = project.run(&["build", TODAY]).code(2);
    assert!(
        run.stderr.contains("pva.toml: [build]: max_seconds moet minstens 1 zijn en max_memory_mb minstens 256 (zoveel hebben de lettertypen en typst al nodig); zonder [build] is het 60 en 2048"),
        "{}",
        run.stderr
    );
}

/// Issue 20, break 3: compiling in worker processes changes no byte: the
/// examples built by `pva build` (workers, within bounds) are the PDFs the
/// same code compiles in-process.
#[test]
fn workers_write_the_pdfs_an_in_process_build_writes() {
    let project = Project::with_examples();
    project.run(&["build", TODAY, "--out", "workers"]).success();
    let root = project.path("").canonicalize().unwrap();
    let config = pva::pipeline::BuildConfig {
        paths: vec![root.join("cases")],
        out: root.join("in-process"),
        emit_typst: false,
        root: root.clone(),
        lint: pva::lint::LintConfig::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        force: false,
        draft: false,
        shard: None,
        creation_date: None,
        bounds: None,
    };
    let report = pva::pipeline::build(&config).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let workers = pdfs_in(&project, "workers");
    assert_eq!(workers.len(), 13);
    assert_eq!(pdfs_in(&project, "in-process"), workers);
}

/// Issue 20, break 3: the check of a signed document's recorded layout
/// renders a project's own template in a bounded worker too: a Tera loop
/// of 10^10 steps (plan) and a text that doubles 40 times (bijstelling)
/// make lint, build and freeze report those documents at their record,
/// within the bounds, while the other documents are still handled.
#[test]
fn a_runaway_template_of_a_signed_document_fails_it_alone() {
    let project = bounded_with_templates();
    let prepend = |name: &str, code: &str| edit_template(&project, name, code, true);
    prepend(
        "plan-van-aanpak.typ",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
    );
    prepend(
        "bijstelling.typ",
        "{% set_global s = \"abcdefgh\" %}{% for i in range(end=40) %}{% set_global s = s ~ s %}{% endfor %}",
    );
    let slow = "het eigen sjabloon templates/plan-van-aanpak.typ van het project deed er langer dan 5 s over en is afgebroken, dus pva kan niet nagaan of de PDF nog is zoals getekend. Staat er in templates/plan-van-aanpak.typ een lus of herhaling die niet ophoudt? Zet die recht, of verhoog `max_seconds` onder [build] in pva.toml als het sjabloon echt zo lang nodig heeft";
    let big = "het eigen sjabloon templates/bijstelling.typ van het project gebruikte meer dan 300 MB geheugen en is afgebroken, dus pva kan niet nagaan of de PDF nog is zoals getekend. Maakt templates/bijstelling.typ een tekst of lijst die steeds groter wordt? Zet die recht, of verhoog `max_memory_mb` onder [build] in pva.toml als het sjabloon echt zo veel nodig heeft";
    let started = std::time::Instant::now();
    let lint = project.run(&["lint", TODAY, "--format", "short"]).code(1);
    // Each signed document takes at most its 5 s; in parallel, far less
    // than the 10^10 steps would.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    for (doc, message) in [
        ("01-plan-van-aanpak", slow),
        ("02-bijstelling", big),
        ("03-bijstelling", big),
    ] {
        let line = lint
            .stdout
            .lines()
            .find(|l| {
                l.starts_with(&format!("cases/jansen-2025/{doc}.md:")) && l.contains("PVA086")
            })
            .unwrap_or_else(|| panic!("{doc}: {}", lint.stdout));
        assert!(line.ends_with(message), "{line}");
    }
    // The other dossiers are linted as before.
    let plain = Project::with_examples();
    let before = plain.run(&["lint", TODAY, "--format", "short"]).stdout;
    for line in before
        .lines()
        .filter(|l| l.starts_with("cases/") && !l.starts_with("cases/jansen-2025/"))
    {
        assert!(lint.stdout.contains(line), "{line}\n---\n{}", lint.stdout);
    }

    let build = project
        .run(&["build", TODAY, "cases/jansen-2025", "cases/mulder-2026"])
        .code(1);
    assert!(
        build.stdout.contains(slow) || build.stderr.contains(slow),
        "{}{}",
        build.stdout,
        build.stderr
    );
    assert!(
        !project
            .path("output/cases/jansen-2025/01-plan-van-aanpak.pdf")
            .exists()
    );
    assert!(
        !project
            .path("output/cases/jansen-2025/02-bijstelling.pdf")
            .exists()
    );
    assert!(
        project
            .pdf_text("output/cases/mulder-2026/verkort-reintegratieverslag.pdf")
            .contains("Mulder")
    );
    // A check stopped at a bound is not kept as the dossier's findings
    // (the next build checks again); the other dossier's are.
    let kept = std::fs::read_to_string(project.path("output/.pva-findings.json")).unwrap();
    assert!(
        !kept.contains("PVA086") && !kept.contains("jansen-2025"),
        "{kept}"
    );
    assert!(kept.contains("mulder-2026"), "{kept}");

    let freeze = project
        .run(&[
            "freeze",
            "--accept-layout",
            "cases/jansen-2025/01-plan-van-aanpak.md",
            "cases/mulder-2026",
        ])
        .code(1);
    assert!(
        freeze.stderr.contains(&format!(
            "niet vastgelegd: cases/jansen-2025/01-plan-van-aanpak.md: {slow}\n"
        )),
        "{}",
        freeze.stderr
    );
    // The other dossier is still handled (its signed document recorded).
    assert!(
        freeze.stderr.contains("cases/mulder-2026/"),
        "{}",
        freeze.stderr
    );
}

/// Issue 20, break 3: `pva riv` renders and typesets in bounded workers:
/// a part whose template loops is reported at its file, the other parts
/// are still made, and nothing is written (never a set that looks whole).
#[test]
fn a_runaway_template_leaves_the_riv_set_unwritten() {
    let project = bounded_with_templates();
    let edit = |name: &str, code: &str, before: bool| edit_template(&project, name, code, before);
    // Tera in the plan (a signed part: only rendered), typst in the
    // eindevaluatie (unsigned here: compiled as a part).
    edit(
        "plan-van-aanpak.typ",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
        true,
    );
    edit(
        "eindevaluatie.typ",
        "#for i in range(100000) { for j in range(100000) {} }",
        false,
    );
    let copy = project.path("cases/visser-2024/07-eindevaluatie.getekend.pdf");
    let signed = std::fs::read(&copy).unwrap();
    std::fs::remove_file(&copy).unwrap();
    let started = std::time::Instant::now();
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .code(1);
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    let slow = "het opmaken duurde langer dan 5 s en is afgebroken. Staat er in templates/ een eigen sjabloon met een lus of herhaling die niet ophoudt? Zet die recht, of verhoog `max_seconds` onder [build] in pva.toml als het document echt zo lang nodig heeft";
    for (file, part) in [
        (
            "01-plan-van-aanpak",
            "Plan van aanpak, sjabloon plan-van-aanpak.typ",
        ),
        (
            "07-eindevaluatie",
            "Eindevaluatie, sjabloon eindevaluatie.typ",
        ),
    ] {
        let expected = format!(
            "error[PVA059]: dit onderdeel ({part}) kon niet gemaakt worden: {slow}\n  ┌─ cases/visser-2024/{file}.md:1:1\n"
        );
        assert!(
            run.stdout.contains(&expected),
            "{expected}\n---\n{}",
            run.stdout
        );
    }
    assert!(
        run.stderr
            .contains("het re-integratieverslag is nog niet compleet: er is niets geschreven"),
        "{}",
        run.stderr
    );
    // Nothing written: no part, no copy of the arbodienst's PDFs, no bundle.
    let written = || {
        std::fs::read_dir(project.path("set"))
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
                    .count()
            })
            .unwrap_or(0)
    };
    assert_eq!(written(), 0);

    // A loop in the layout library that every part imports, all parts
    // signed: each part is the signed copy, and the bound copy (which
    // imports pva.typ) is over the bound.
    std::fs::write(&copy, signed).unwrap();
    std::fs::remove_dir_all(project.path("templates")).unwrap();
    project.run(&["templates", "export", "templates"]).success();
    edit(
        "pva.typ",
        "#for i in range(100000) { for j in range(100000) {} }",
        false,
    );
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .code(1);
    let expected = format!(
        "error[PVA059]: de gebundelde kopie voor de werknemer (re-integratieverslag-kopie-werknemer.pdf, met de Typst-bron van elk onderdeel) kon niet gemaakt worden: {slow}\n  ┌─ cases/visser-2024/dossier.yaml:1:1\n"
    );
    assert!(
        run.stdout.contains(&expected),
        "{expected}\n---\n{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("het re-integratieverslag is nog niet compleet: er is niets geschreven"),
        "{}",
        run.stderr
    );
    assert_eq!(written(), 0);
}

/// Issue 20, break 3, in the editor: with a project's template that never
/// ends, opening a signed document in the language server still gets its
/// findings and the next request answered (the server lints with
/// `lint::judge` and renders no template; a watchdog stops it if not).
#[test]
fn the_language_server_answers_beside_a_runaway_template() {
    use std::io::Write;
    let project = Project::with_examples().file(
        "pva.toml",
        "[build]\nmax_seconds = 2\nmax_memory_mb = 300\n",
    );
    project.run(&["templates", "export", "templates"]).success();
    let template = project.path("templates/plan-van-aanpak.typ");
    let text = std::fs::read_to_string(&template).unwrap();
    std::fs::write(
        &template,
        format!("{{% for i in range(end=100000) %}}{{% for j in range(end=100000) %}}{{% endfor %}}{{% endfor %}}\n{text}"),
    )
    .unwrap();
    let doc = project.path("cases/jansen-2025/01-plan-van-aanpak.md");
    let framed = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let open = serde_json::json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didOpen",
        "params": {"textDocument": {
            "uri": url_of(&doc),
            "languageId": "markdown",
            "version": 1,
            "text": std::fs::read_to_string(&doc).unwrap(),
        }},
    });
    let mut input = framed(&format!(
        r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"capabilities":{{}},"rootUri":"{}"}}}}"#,
        url_of(&project.path(""))
    ));
    input.push_str(&framed(
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
    ));
    input.push_str(&framed(&open.to_string()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_pva"))
        .args(["lsp", TODAY])
        .current_dir(project.path(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    stdin.flush().unwrap();
    // The server publishes when its input is idle: read until it has.
    let mut stdout = child.stdout.take().unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let reader = {
        let seen = std::sync::Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = std::io::Read::read(&mut stdout, &mut buf) {
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    let text = || String::from_utf8_lossy(&seen.lock().unwrap()).into_owned();
    let started = Instant::now();
    let published = r#""method":"textDocument/publishDiagnostics""#;
    while !text().contains(published) && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = stdin.write_all(
        format!(
            "{}{}",
            framed(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
            framed(r#"{"jsonrpc":"2.0","method":"exit"}"#)
        )
        .as_bytes(),
    );
    drop(stdin);
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let hung = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    let _ = reader.join();
    let stdout = text();
    assert!(!hung, "the server did not finish within 60 s:\n{stdout}");
    assert!(stdout.contains(published), "{stdout}");
    assert!(
        stdout.contains("01-plan-van-aanpak.md"),
        "the findings of the opened document: {stdout}"
    );
    assert!(stdout.contains(r#""id":2,"result":null"#), "{stdout}");
}

/// A valid one-page PDF whose page is `size` points square and draws one
/// filled rectangle over it: cheap to store, costly to render.
fn pdf_with_a_page_of(size: u32) -> Vec<u8> {
    let content = format!("0 0 0 rg 0 0 {size} {size} re f");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size} {size}] /Contents 4 0 R >>"),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn the_pages_of_pdfs_are_rendered_in_a_worker_as_in_process() {
    // The bound copy gets the same page images as before workers rendered
    // them: the example's signed copy and the arbodienst's PDF, byte for byte.
    let bounds = pva::compile::Bounds {
        exe: env!("CARGO_BIN_EXE_pva").into(),
        seconds: 30,
        memory_mb: 1000,
    };
    let pool = pva::compile::Pool::with_files(bounds, &Default::default());
    for file in [
        "cases/visser-2024/01-plan-van-aanpak.getekend.pdf",
        "cases/visser-2024/probleemanalyse-2024-10-07.pdf",
    ] {
        let pdf = std::fs::read(crate::support::repo().join(file)).unwrap();
        let here = pva::compile::pdf_pages_as_png(&pdf).expect(file);
        assert!(!here.is_empty(), "{file}");
        assert!(pool.pages(&pdf).unwrap() == Some(here), "{file}");
    }
    assert_eq!(
        pool.pages(b"geen pdf").unwrap(),
        None,
        "unreadable, as before"
    );
}

#[test]
fn a_pdf_too_costly_to_render_is_a_finding_and_riv_writes_nothing() {
    let project = Project::with_examples().file(
        "pva.toml",
        "[build]\nmax_seconds = 5\nmax_memory_mb = 300\n",
    );
    let scan = "cases/visser-2024/actueel-oordeel-2026-04-28.pdf";
    std::fs::write(project.path(scan), pdf_with_a_page_of(14400)).unwrap();
    let run = project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .code(1);
    assert!(
        run.stdout.contains(&format!(
            "error[PVA059]: de pagina's van deze PDF konden niet in de gebundelde kopie voor de werknemer gezet worden: het lezen gebruikte meer dan 300 MB geheugen en is afgebroken\n  ┌─ {scan}:1:1\n"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("verhoog `max_seconds` (of `max_memory_mb`) onder [build] in pva.toml"),
        "{}",
        run.stdout
    );
    assert!(!project.path("set").exists(), "nothing written");
}

/// The examples with the bounds the runaway tests give (5 s, not less: on
/// a loaded 2-core CI machine a doubling text must reach its 300 MB, and an
/// ordinary document its PDF, within the time) and the built-in templates
/// exported to `templates/`, for a test to make one of them run away.
fn bounded_with_templates() -> Project {
    let project = Project::with_examples().file(
        "pva.toml",
        "[build]\nmax_seconds = 5\nmax_memory_mb = 300\n",
    );
    project.run(&["templates", "export", "templates"]).success();
    project
}

/// Puts `code` before (`before`) or after the text of `templates/<name>`.
fn edit_template(project: &Project, name: &str, code: &str, before: bool) {
    let path = project.path(&format!("templates/{name}"));
    let text = std::fs::read_to_string(&path).unwrap();
    let text = if before {
        format!("{code}\n{text}")
    } else {
        format!("{text}\n{code}\n")
    };
    std::fs::write(&path, text).unwrap();
}
