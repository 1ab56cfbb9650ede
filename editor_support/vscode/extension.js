// Starts `lmac lsp` for .lmac files (diagnostics, quick fixes, completion, hover, signature help,
// navigation, rename, formatting). Highlighting, snippets and the problem matcher work without it.
const vscode = require("vscode");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("lmac");
  if (!config.get("languageServer.enabled")) {
    return;
  }
  let lc;
  try {
    lc = require("vscode-languageclient/node");
  } catch (e) {
    vscode.window.showWarningMessage("lmac: vscode-languageclient is missing; run `npm install` in the extension folder.");
    return;
  }
  const server = { command: config.get("command"), args: ["lsp"] };
  client = new lc.LanguageClient("lmac", "lmac", { run: server, debug: server }, {
    documentSelector: [{ language: "lmac" }],
    initializationOptions: {
      liveVersion: config.get("liveVersion"),
      set: config.get("setFile") || undefined,
    },
  });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
