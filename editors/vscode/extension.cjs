// Starts `eventc lsp` (over stdio) for .events files. The only code in the extension: the
// language features all live in the server, so every LSP-speaking editor gets the same ones.
const { workspace } = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

exports.activate = function activate(context) {
  const command = workspace.getConfiguration("eventc").get("path") || "eventc";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  client = new LanguageClient("eventc", "eventc", { run: server, debug: server }, {
    documentSelector: [{ scheme: "file", language: "events" }, { scheme: "untitled", language: "events" }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.events") },
  });
  context.subscriptions.push(client);
  return client.start();
};

exports.deactivate = function deactivate() {
  return client ? client.stop() : undefined;
};
