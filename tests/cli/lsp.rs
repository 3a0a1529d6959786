//! `pva lsp` end to end: the Python tests in `tests/lsp/` drive the real
//! binary with pytest-lsp, an independent LSP client. They need Python 3
//! with pytest-lsp (`pip install pytest-lsp`); without it this test fails.

use std::process::Command;

use crate::support::repo;

#[test]
fn language_server_passes_its_editor_tests() {
    let check = Command::new("python3")
        .args(["-c", "import pytest_lsp"])
        .output();
    assert!(
        check.is_ok_and(|o| o.status.success()),
        "the language-server tests need Python 3 with pytest-lsp: run `pip install pytest-lsp`"
    );
    let output = Command::new("python3")
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/lsp"])
        .current_dir(repo())
        .env("PVA_BIN", env!("CARGO_BIN_EXE_pva"))
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "pytest tests/lsp failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
