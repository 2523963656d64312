/**
 * `eventc lsp`: the language server over stdio, for editors (see docs/editors.md). stdout
 * belongs to the protocol, so nothing else may print there: stray console output and
 * unexpected errors go to the client's log (or stderr) and the server keeps serving.
 * The server and vscode-languageserver are imported when the command runs, so that other
 * commands (a plain `eventc generate`) do not pay for loading them.
 */
import type { Argv, CommandModule } from "yargs";

export const lspCommand: CommandModule = {
  command: "lsp",
  describe: "Start the language server (LSP over stdio) for editors",
  builder: (yargs: Argv) =>
    yargs
      // Editors' LSP clients pass --stdio; stdio is the only transport, so it is accepted and ignored.
      .option("stdio", { type: "boolean", hidden: true, describe: "Use stdio (the default and only transport)" })
      .example("$0 lsp", "Serve LSP on stdin/stdout (started by the editor, not by hand)"),
  handler: async () => {
    const { createConnection, StreamMessageReader, StreamMessageWriter } = await import("vscode-languageserver/node.js");
    const { startLanguageServer } = await import("../../lsp/server.js");
    const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
    const log = (...args: unknown[]) => connection.console.log(args.map(String).join(" "));
    console.log = log;
    console.info = log;
    console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(" "));
    console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(" "));
    process.on("uncaughtException", (error) => connection.console.error(`eventc lsp: unexpected error: ${error.stack ?? error.message}`));
    process.on("unhandledRejection", (reason) => connection.console.error(`eventc lsp: unexpected error: ${String(reason)}`));
    startLanguageServer(connection);
  },
};
