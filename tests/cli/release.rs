//! Releases and installs: the install script behind pva's action, the GitLab
//! pipeline and the pre-commit hook, run against a web server on 127.0.0.1
//! that serves a release archive made from the `pva` under test; the action,
//! the release workflow and the packaging metadata, checked by the tools of
//! each.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::support::{Project, check, repo, tool};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The archive name of this machine, as the release workflow names it
/// (and scripts/install.sh asks for it).
pub(crate) fn triple() -> &'static str {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "aarch64") => "aarch64-unknown-linux-gnu",
        ("macos", "x86_64") => "x86_64-apple-darwin",
        ("macos", "aarch64") => "aarch64-apple-darwin",
        _ => "x86_64-unknown-linux-gnu",
    }
}

/// A folder holding `pva-<triple>.tar.gz` (the `pva` under test, without
/// debug information, in cargo-dist's layout) and its `.sha256`, as a
/// release publishes them; made once per test run.
pub(crate) fn release_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let name = format!("pva-{}", triple());
        std::fs::create_dir(dir.path().join(&name)).unwrap();
        let program = dir.path().join(&name).join("pva");
        // Without debug information where binutils is there (Linux: the
        // debug build is hundreds of MB); macOS keeps it apart anyway.
        let stripped = Command::new("objcopy")
            .arg("--strip-debug")
            .arg(env!("CARGO_BIN_EXE_pva"))
            .arg(&program)
            .status()
            .is_ok_and(|s| s.success());
        if !stripped {
            std::fs::copy(env!("CARGO_BIN_EXE_pva"), &program).unwrap();
        }
        let archive = format!("{name}.tar.gz");
        run_ok(
            Command::new("tar")
                .args(["-czf", &archive, &name])
                .current_dir(dir.path()),
        );
        let sum = format!("{}  {archive}\n", sha256(&dir.path().join(&archive)));
        std::fs::write(dir.path().join(format!("{archive}.sha256")), sum).unwrap();
        std::fs::remove_dir_all(dir.path().join(&name)).unwrap();
        dir
    })
    .path()
}

/// The SHA-256 of `file` in hex, by the system's tool (`sha256sum`, or
/// `shasum` on macOS), as a user would check it.
fn sha256(file: &Path) -> String {
    let output = Command::new("sha256sum")
        .arg(file)
        .output()
        .or_else(|_| {
            Command::new("shasum")
                .args(["-a", "256"])
                .arg(file)
                .output()
        })
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    text.split_whitespace().next().unwrap().to_string()
}

#[track_caller]
fn run_ok(command: &mut Command) -> Output {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(output.status.success(), "{command:?}: {}", text(&output));
    output
}

pub(crate) fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A web server on 127.0.0.1 serving the files of a folder (GET only);
/// records the paths asked for; stops when dropped.
pub(crate) struct Server {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    /// The paths requested, in order.
    pub requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    addr: std::net::SocketAddr,
}

impl Server {
    pub(crate) fn serve(dir: &Path) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (dir, thread_stop, log) = (dir.to_path_buf(), stop.clone(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if thread_stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let _ = answer(stream, &dir, &log);
                }
            }
        });
        Server {
            url: format!("http://{addr}"),
            requests,
            stop,
            addr,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
    }
}

fn answer(mut stream: TcpStream, dir: &Path, log: &Mutex<Vec<String>>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers, up to the empty line.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    log.lock().unwrap().push(path.clone());
    let name = path.trim_start_matches('/');
    let file = (!name.contains("..") && !name.contains('/'))
        .then(|| std::fs::read(dir.join(name)).ok())
        .flatten();
    match file {
        Some(body) => {
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body)
        }
        None => write!(
            stream,
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    }
}

/// Runs scripts/install.sh into `root` with `env`.
fn install(root: &Path, env: &[(&str, &str)]) -> Output {
    Command::new("bash")
        .arg(repo().join("scripts/install.sh"))
        .env("PVA_VERSION", VERSION)
        .env("PVA_ROOT", root)
        .env_remove("PVA_SHA256")
        .env_remove("PVA_SOURCE")
        .env_remove("PVA_SOURCE_DIR")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

fn archive() -> String {
    format!("pva-{}.tar.gz", triple())
}

#[test]
fn the_install_script_installs_the_archive_with_the_right_checksum() {
    let server = Server::serve(release_dir());
    let root = Project::new();
    let installed = install(&root.path("pva"), &[("PVA_DOWNLOAD_URL", &server.url)]);
    assert!(installed.status.success(), "{}", text(&installed));
    let sum = std::fs::read_to_string(release_dir().join(format!("{}.sha256", archive()))).unwrap();
    let sum = sum.split_whitespace().next().unwrap();
    assert_eq!(
        text(&installed),
        format!(
            "pva-install: pva {VERSION} geïnstalleerd uit {}/{} (SHA-256 {sum})\npva {VERSION}\n",
            server.url,
            archive()
        )
    );
    let pva = root.path("pva/bin/pva");
    let version = Command::new(&pva).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout),
        format!("pva {VERSION}\n")
    );
    // Pinned to the same sum, it installs too; installed, it stays.
    let again = install(
        &root.path("pva"),
        &[("PVA_DOWNLOAD_URL", &server.url), ("PVA_SHA256", sum)],
    );
    assert!(again.status.success(), "{}", text(&again));
    assert!(
        text(&again).starts_with(&format!(
            "pva-install: pva {VERSION} staat al in {} (uit de cache)\n",
            root.path("pva/bin").display()
        )),
        "{}",
        text(&again)
    );
    assert_eq!(
        server.requests.lock().unwrap().len(),
        2,
        "archive and sum, once"
    );
}

#[test]
fn the_install_script_refuses_an_archive_with_a_wrong_checksum() {
    let wrong = Project::new();
    std::fs::copy(release_dir().join(archive()), wrong.path(&archive())).unwrap();
    let bad_sum = "0".repeat(64);
    std::fs::write(
        wrong.path(&format!("{}.sha256", archive())),
        format!("{bad_sum}  {}\n", archive()),
    )
    .unwrap();
    let server = Server::serve(&wrong.path(""));
    let root = Project::new();
    let refused = install(&root.path("pva"), &[("PVA_DOWNLOAD_URL", &server.url)]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    let actual = sha256(&release_dir().join(archive()));
    let actual = actual.as_str();
    assert_eq!(
        text(&refused),
        format!(
            "pva-install: geweigerd: de SHA-256 van {url}/{name} is {actual}, verwacht was {bad_sum}\n\
             pva-install: de download is beschadigd of niet de gepubliceerde pva {VERSION}; er is niets geïnstalleerd\n",
            url = server.url,
            name = archive()
        )
    );
    assert!(!root.path("pva/bin").exists(), "nothing installed");

    // A pinned sum wins over the file beside the archive.
    let pinned = install(
        &root.path("pva"),
        &[("PVA_DOWNLOAD_URL", &server.url), ("PVA_SHA256", actual)],
    );
    assert!(pinned.status.success(), "{}", text(&pinned));
}

#[test]
fn the_install_script_refuses_an_archive_without_a_checksum() {
    let dir = Project::new();
    std::fs::copy(release_dir().join(archive()), dir.path(&archive())).unwrap();
    let server = Server::serve(&dir.path(""));
    let root = Project::new();
    let refused = install(&root.path("pva"), &[("PVA_DOWNLOAD_URL", &server.url)]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert_eq!(
        text(&refused),
        format!(
            "pva-install: geweigerd: naast {}/{name} staat geen controlebestand {name}.sha256 (curl: (22) The requested URL returned error: 404); er is niets geïnstalleerd\n",
            server.url,
            name = archive()
        )
    );
}

/// Without an archive the script compiles with `cargo install`, with the
/// options of PVA_SOURCE (here a registry that does not exist, so cargo
/// stops at once instead of compiling).
#[test]
fn without_an_archive_the_install_script_falls_back_to_cargo_install() {
    let empty = Project::new();
    let server = Server::serve(&empty.path(""));
    let root = Project::new();
    let output = install(
        &root.path("pva"),
        &[
            ("PVA_DOWNLOAD_URL", &server.url),
            ("PVA_SOURCE", "--registry pva-test-none"),
        ],
    );
    assert_ne!(output.status.code(), Some(0));
    let text = text(&output);
    assert!(
        text.starts_with(&format!(
            "pva-install: kon {}/{} niet downloaden (curl: (22) The requested URL returned error: 404); pva {VERSION} wordt gecompileerd met cargo install (dat duurt minuten)\n",
            server.url,
            archive()
        )),
        "{text}"
    );
    assert!(text.contains("pva-test-none"), "cargo was asked: {text}");
    // A pinned archive that cannot be had is refused: no other source.
    let pinned = install(
        &root.path("pva"),
        &[
            ("PVA_DOWNLOAD_URL", &server.url),
            ("PVA_SHA256", &"0".repeat(64)),
        ],
    );
    assert_eq!(pinned.status.code(), Some(1));
    assert_eq!(
        crate::release::text(&pinned),
        format!(
            "pva-install: geweigerd: PVA_SHA256 pint het archief, maar {}/{} kon niet worden gedownload (curl: (22) The requested URL returned error: 404); er is niets geïnstalleerd\n",
            server.url,
            archive()
        )
    );
}

/// The names the script downloads are the names the release workflow
/// publishes and cargo-binstall looks for.
#[test]
fn the_release_archives_have_one_name_everywhere() {
    let workflow = std::fs::read_to_string(repo().join(".github/workflows/release.yml")).unwrap();
    let script = std::fs::read_to_string(repo().join("scripts/install.sh")).unwrap();
    for target in [
        "x86_64-unknown-linux-gnu",
        "aarch64-unknown-linux-gnu",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(
            workflow.contains(&format!("- target: {target}\n")),
            "{target}"
        );
        assert!(script.contains(&format!(") echo {target} ;;")), "{target}");
    }
    assert!(workflow.contains(r#"name="pva-$TARGET""#));
    assert!(workflow.contains(r#"archive="$name.tar.gz""#));
    assert!(workflow.contains(r#"archive="$name.zip""#));
    assert!(script.contains(r#"local name="pva-$triple.$ext""#));
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(repo().join("Cargo.toml")).unwrap()).unwrap();
    let package = &manifest["package"];
    let binstall = &package["metadata"]["binstall"];
    assert_eq!(
        binstall["pkg-url"].as_str(),
        Some("{ repo }/releases/download/v{ version }/{ name }-{ target }{ archive-suffix }")
    );
    assert_eq!(
        binstall["bin-dir"].as_str(),
        Some("{ name }-{ target }/{ bin }{ binary-ext }")
    );
    let repository = package["repository"].as_str().unwrap();
    assert!(
        script.contains(&format!("repository=\"{repository}\"\n")),
        "scripts/install.sh downloads from {repository}"
    );
}

/// The release workflow and the action pass actionlint and the published
/// schemas; the action is linted as a workflow using it (`uses: ./`) sees it.
#[test]
fn the_release_workflow_and_the_action_pass_their_linters() {
    check(
        &tool("actionlint"),
        &repo(),
        &[".github/workflows/release.yml"],
    );
    check(
        &tool("check-jsonschema"),
        &repo(),
        &[
            "--builtin-schema",
            "vendor.github-workflows",
            ".github/workflows/release.yml",
        ],
    );
    check(
        &tool("check-jsonschema"),
        &repo(),
        &["--builtin-schema", "vendor.github-actions", "action.yml"],
    );
    let copy = Project::new()
        .file(
            "action.yml",
            &std::fs::read_to_string(repo().join("action.yml")).unwrap(),
        )
        .file(
            ".github/workflows/use.yml",
            "on: push\njobs:\n  use:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with:\n          version: 0.1.0\n",
        );
    check(
        &tool("actionlint"),
        &copy.path(""),
        &[".github/workflows/use.yml"],
    );
    for script in ["scripts/install.sh", "scripts/pre-commit.sh", ".ci/clients"] {
        check(&tool("shellcheck"), &repo(), &[script]);
    }
}

/// Every file the program embeds (`include_str!`, `include_bytes!`) is in
/// the crates.io package: none lies under Cargo.toml's `exclude`. (`cargo
/// publish --dry-run` checks the same by compiling, in the release
/// workflow; it needs crates.io, so it is no test.)
#[test]
fn the_package_keeps_every_embedded_file() {
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(repo().join("Cargo.toml")).unwrap()).unwrap();
    let excluded: Vec<String> = manifest["package"]["exclude"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().trim_start_matches('/').to_string())
        .collect();
    let mut embedded = 0;
    for entry in walkdir::WalkDir::new(repo().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for macro_name in ["include_str!(\"", "include_bytes!(\""] {
            for (at, _) in text.match_indices(macro_name) {
                let rest = &text[at + macro_name.len()..];
                let relative = &rest[..rest.find('"').unwrap()];
                let file = entry.path().parent().unwrap().join(relative);
                let file = std::path::absolute(&file).unwrap();
                let normal: std::path::PathBuf =
                    file.components()
                        .fold(std::path::PathBuf::new(), |mut out, c| {
                            if c == std::path::Component::ParentDir {
                                out.pop();
                            } else {
                                out.push(c);
                            }
                            out
                        });
                assert!(normal.is_file(), "{}: {relative}", entry.path().display());
                let in_repo = normal
                    .strip_prefix(repo())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                assert!(
                    !excluded
                        .iter()
                        .any(|e| in_repo.starts_with(&format!("{e}/")) || in_repo == *e),
                    "{in_repo} is embedded but excluded from the package"
                );
                embedded += 1;
            }
        }
    }
    assert!(embedded > 10, "found {embedded} embedded files");
}
