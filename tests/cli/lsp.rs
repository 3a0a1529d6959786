//! `pva lsp` end to end: the Python tests in `tests/lsp/` drive the real
//! binary with pytest-lsp, an independent LSP client, from the test tools
//! `.ci/tools` installs; without it this test fails.

use std::process::Command;

use crate::support::{repo, tool};

#[test]
fn language_server_passes_its_editor_tests() {
    let python = tool("python3");
    let check = Command::new(&python)
        .args(["-c", "import pytest_lsp"])
        .output();
    assert!(
        check.is_ok_and(|o| o.status.success()),
        "the language-server tests need pytest-lsp: install the test tools with `bash .ci/tools`"
    );
    let output = Command::new(&python)
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
