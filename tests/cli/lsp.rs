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
    let init = documented_init_lua();
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

/// The `init.lua` of docs/editors.md, with the path of this pva.
fn documented_init_lua() -> String {
    let editors = std::fs::read_to_string(repo().join("docs/editors.md")).unwrap();
    let init = editors
        .split("## Neovim")
        .nth(1)
        .and_then(|s| s.split("```lua\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("docs/editors.md has the Neovim set-up");
    let bin = env!("CARGO_BIN_EXE_pva");
    assert!(init.contains("cmd = { 'pva', 'lsp' }"), "{init}");
    init.replace(
        "cmd = { 'pva', 'lsp' }",
        &format!("cmd = {{ '{bin}', 'lsp' }}"),
    )
}

/// One server per file (issue 22, point 9): with the documented set-up and
/// a YAML server for the file type `yaml` (a stand-in named yamlls, as
/// nvim-lspconfig names yaml-language-server), `dossier.yaml` and
/// `gedeeld.yaml` are served by pva alone and another YAML file by the
/// YAML server alone.
#[test]
fn neovim_serves_the_dossier_files_with_pva_alone() {
    let nvim = tool("nvim");
    let project = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/lsp/project"), project.path());
    std::fs::write(project.path().join("cases/notities.yaml"), "a: 1\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_pva");
    // Any program that speaks LSP stands in for yaml-language-server.
    let init = format!(
        "{}\nvim.lsp.config('yamlls', {{ cmd = {{ '{bin}', 'lsp' }}, filetypes = {{ 'yaml' }} }})\nvim.lsp.enable('yamlls')\n",
        documented_init_lua()
    );
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("init.lua"), init).unwrap();
    let result = home.path().join("servers.txt");
    std::fs::write(home.path().join("probe.lua"), SERVERS_PROBE).unwrap();
    let output = Command::new(&nvim)
        .args(["--headless", "-i", "NONE", "-u"])
        .arg(home.path().join("init.lua"))
        .arg("-c")
        .arg(format!(
            "luafile {}",
            home.path().join("probe.lua").display()
        ))
        .current_dir(project.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .env("PVA_PROBE_RESULT", &result)
        .output()
        .expect("nvim runs");
    let found = std::fs::read_to_string(&result).unwrap_or_else(|_| {
        panic!(
            "Neovim wrote nothing:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert_eq!(
        found,
        "cases/jansen/dossier.yaml yaml.pva pva\n\
         cases/gedeeld.yaml yaml.pva pva\n\
         cases/jansen/plan-van-aanpak.md markdown pva\n\
         cases/notities.yaml yaml yamlls\n"
    );
}

/// Opens each file, waits (at most 10 s) for a server to attach and half
/// a second more for a second one, writes `file filetype servers` and quits.
const SERVERS_PROBE: &str = r#"
local lines = {}
for _, file in ipairs({ 'cases/jansen/dossier.yaml', 'cases/gedeeld.yaml', 'cases/jansen/plan-van-aanpak.md', 'cases/notities.yaml' }) do
  vim.cmd('edit ' .. file)
  vim.wait(10000, function() return #vim.lsp.get_clients({ bufnr = 0 }) > 0 end, 50)
  vim.wait(500)
  local names = {}
  for _, client in ipairs(vim.lsp.get_clients({ bufnr = 0 })) do table.insert(names, client.name) end
  table.sort(names)
  table.insert(lines, string.format('%s %s %s', file, vim.bo.filetype, table.concat(names, ',')))
end
vim.fn.writefile(lines, os.getenv('PVA_PROBE_RESULT'))
vim.cmd('qa!')
"#;

/// VS Code (editors/vscode): the dossier files are a language of their own
/// (by file name, YAML's grammar), the extension serves that language and
/// Markdown, and selects no YAML file by pattern, so the YAML extension
/// (language `yaml`) never serves them as well.
#[test]
fn vscode_extension_gives_the_dossier_files_to_pva_alone() {
    let dir = repo().join("editors/vscode");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("package.json")).unwrap()).unwrap();
    let languages = &manifest["contributes"]["languages"];
    assert_eq!(languages[0]["id"], "pva-yaml");
    assert_eq!(
        languages[0]["filenames"],
        serde_json::json!(["dossier.yaml", "gedeeld.yaml"])
    );
    let grammar = &manifest["contributes"]["grammars"][0];
    assert_eq!(grammar["language"], "pva-yaml");
    let path = grammar["path"].as_str().unwrap();
    let grammar: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(path)).unwrap()).unwrap();
    assert_eq!(
        grammar["patterns"],
        serde_json::json!([{ "include": "source.yaml" }])
    );
    let config = languages[0]["configuration"].as_str().unwrap();
    assert!(dir.join(config).is_file(), "{config}");
    let extension = std::fs::read_to_string(dir.join("extension.js")).unwrap();
    let selector = extension
        .split("documentSelector: [")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .unwrap();
    let selected: Vec<&str> = selector
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        selected,
        [
            "{ scheme: \"file\", language: \"markdown\" },",
            "{ scheme: \"file\", language: \"pva-yaml\" },"
        ]
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
