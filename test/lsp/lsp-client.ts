/**
 * Speaks LSP to `eventc lsp` in a child process over stdio, as an editor would: JSON-RPC
 * framed with Content-Length headers (vscode-jsonrpc's stream reader and writer do the
 * framing). Notifications are queued so a test can wait for the next one of a kind.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly {
    readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
    readonly severity?: number;
    readonly code?: string | number;
    readonly message: string;
  }[];
}

export class LspClient {
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  private readonly published: PublishedDiagnostics[] = [];
  private readonly waiters: { uri: string; version: number; resolve: (p: PublishedDiagnostics) => void }[] = [];

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {
    connection.onNotification("textDocument/publishDiagnostics", (params: PublishedDiagnostics) => {
      const waiter = this.waiters.findIndex((w) => w.uri === params.uri && (params.version ?? 0) >= w.version);
      if (waiter >= 0) this.waiters.splice(waiter, 1)[0]!.resolve(params);
      else this.published.push(params);
    });
    connection.onNotification("window/logMessage", (params: { message: string }) => void this.logs.push(params.message));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => void this.stderr.push(chunk));
  }

  /** Starts the server from the sources (no build needed) and initialises it. */
  static async start(): Promise<LspClient> {
    const child = spawn(process.execPath, ["--import", "tsx", "compiler/cli/main.ts", "lsp", "--stdio"], { cwd: ROOT, stdio: "pipe" });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection);
    connection.listen();
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification("initialized", {});
    return client;
  }

  /**
   * The next diagnostics published for a document at `version` or later (one already received
   * and not yet taken counts). Older ones are dropped: how many versions the debounce merges
   * depends on timing, so a test names the version it is waiting for.
   */
  nextDiagnostics(uri: string, version: number, timeoutMs = 20_000): Promise<PublishedDiagnostics> {
    for (let i = this.published.length - 1; i >= 0; i--) {
      const p = this.published[i]!;
      if (p.uri === uri && (p.version ?? 0) < version) this.published.splice(i, 1);
    }
    const queued = this.published.findIndex((p) => p.uri === uri);
    if (queued >= 0) return Promise.resolve(this.published.splice(queued, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} (version ${version}) within ${timeoutMs} ms; server stderr: ${this.stderr.join("")}`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "events", version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  request<R>(method: string, params: object): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Shuts down politely and waits for the process to exit (killed if it does not). */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    if (this.child.exitCode !== null) return this.child.exitCode;
    try {
      await this.connection.sendRequest("shutdown");
      await this.connection.sendNotification("exit");
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill(), 5_000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}
