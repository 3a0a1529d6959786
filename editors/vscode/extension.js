// pva for VS Code: starts `pva lsp` for the documents (Markdown) and the
// dossier files (dossier.yaml, gedeeld.yaml) of a pva project. Everything
// else (findings, hover, completion, quick fixes) comes from the server.
// package.json gives the dossier files the language `pva-yaml` (by file
// name), so the YAML extension, which serves `yaml`, does not serve them
// a second time.

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("pva");
  const args = ["lsp"];
  const today = config.get("today");
  if (today) {
    args.push("--today", today);
  }
  const server = { command: config.get("path") || "pva", args };
  client = new LanguageClient(
    "pva",
    "pva",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "pva-yaml" },
      ],
    },
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("pva")) {
        vscode.window.showInformationMessage("pva: herstart VS Code om de nieuwe instellingen te gebruiken.");
      }
    }),
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
