//! `pva lsp` end to end: the Python tests in `tests/lsp/` drive the real
//! binary with pytest-lsp, an independent LSP client, from the test tools
//! `.ci/tools` installs; without it this test fails.

use std::process::Command;

use crate::support::{copy_dir, repo, tool};

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

/// Real Neovim, headless, with the `init.lua` of docs/editors.md (only the
/// path of pva filled in): it starts `pva lsp` for a document, and the
/// findings it reads back are the lint's, shown inline.
#[test]
fn neovim_with_the_documented_set_up_shows_the_findings() {
    let nvim = tool("nvim");
    let project = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/lsp/project"), project.path());
    let plan = project.path().join("cases/jansen/plan-van-aanpak.md");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replace("keuze: eigen_functie", "keuze: eigen_functe"),
    )
    .unwrap();
    let editors = std::fs::read_to_string(repo().join("docs/editors.md")).unwrap();
    let init = editors
        .split("## Neovim")
        .nth(1)
        .and_then(|s| s.split("```lua\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("docs/editors.md has the Neovim set-up");
    let bin = env!("CARGO_BIN_EXE_pva");
    assert!(init.contains("cmd = { 'pva', 'lsp' }"), "{init}");
    let init = init.replace(
        "cmd = { 'pva', 'lsp' }",
        &format!("cmd = {{ '{bin}', 'lsp' }}"),
    );
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("init.lua"), init).unwrap();
    let result = home.path().join("findings.txt");
    std::fs::write(home.path().join("probe.lua"), PROBE).unwrap();
    let output = Command::new(&nvim)
        .args(["--headless", "-i", "NONE", "-u"])
        .arg(home.path().join("init.lua"))
        .arg("-c")
        .arg(format!(
            "luafile {}",
            home.path().join("probe.lua").display()
        ))
        .arg("cases/jansen/plan-van-aanpak.md")
        .current_dir(project.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .env("PVA_TODAY", "2026-11-23")
        .env("PVA_PROBE_RESULT", &result)
        .output()
        .expect("nvim runs");
    let found = std::fs::read_to_string(&result).unwrap_or_else(|_| {
        panic!(
            "Neovim wrote no findings:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert_eq!(
        found,
        "virtual_text on\n\
         PVA036 7:10 `einddoel.keuze` `eigen_functe` is geen toegestane waarde op het Plan van aanpak. \
         Bedoelt u `eigen_functie`? Mogelijk: eigen_functie, gedeeltelijk_eigen_functie, \
         andere_functie_eigen_werkgever, gedeeltelijk_andere_functie_eigen_werkgever, andere_werkgever, \
         nog_niet_bekend | hint: `pva fields` toont bij elk veld de waarden die het kent\n"
    );
}

/// Waits (at most 20 s) for the findings of the current buffer, writes
/// them (`CODE line:column message`, 1-based) and quits.
const PROBE: &str = r#"
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local lines = {}
local config = vim.diagnostic.config()
table.insert(lines, config.virtual_text and 'virtual_text on' or 'virtual_text off')
for _, d in ipairs(vim.diagnostic.get(0)) do
  local message = d.message:gsub('\n', ' | ')
  table.insert(lines, string.format('%s %d:%d %s', d.code, d.lnum + 1, d.col + 1, message))
end
if not ok then table.insert(lines, 'no findings within 20 s') end
vim.fn.writefile(lines, os.getenv('PVA_PROBE_RESULT'))
vim.cmd('qa!')
"#;
