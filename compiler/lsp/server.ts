/**
 * The language server: diagnostics as you type (debounced, every open document re-checked
 * since an edit may break or fix the files importing it), go-to-definition, hover with docs,
 * completion of names and keywords, and formatting (`eventc fmt`'s canonical layout). Every handler
 * is guarded: a failure is logged to the client's console and answered with "nothing", so no
 * input ever takes the server down.
 */
import {
  DiagnosticSeverity,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
  type Location,
  type TextEdit,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatSpec } from "../format/index.js";
import { analyze, type Analysis } from "./analysis.js";
import { completionContext } from "./completion-context.js";
import { completionItems } from "./completion.js";
import { pathOfUri, readThrough, uriOfPath, type OpenTexts } from "./documents.js";
import { fieldHoverMarkdown, hoverMarkdown } from "./hover.js";
import { LineIndex } from "./line-index.js";
import { targetAt } from "./symbol-at.js";

export interface ServerOptions {
  /** Milliseconds of quiet after an edit before documents are re-checked. Default 150. */
  readonly debounceMs?: number;
}

export function startLanguageServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const debounceMs = options.debounceMs ?? 150;
  const pathToUri = new Map<string, string>();
  const open: OpenTexts = {
    textOf: (path) => {
      const uri = pathToUri.get(path);
      return uri === undefined ? undefined : documents.get(uri)?.getText();
    },
    uriOf: (path) => pathToUri.get(path),
  };
  const readFile = readThrough(open);
  const cache = new Map<string, { readonly version: number; readonly analysis: Analysis; readonly index: LineIndex }>();
  let timer: NodeJS.Timeout | undefined;

  const guard = <T>(what: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      connection.console.error(`eventc lsp: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };

  /** The analysis of a document's current text, computed at most once per version. */
  const analysisOf = (document: TextDocument) => {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const path = pathOfUri(document.uri);
    const text = document.getText();
    const fresh = { version: document.version, analysis: analyze(path, text, readFile), index: new LineIndex(text) };
    cache.set(document.uri, fresh);
    return fresh;
  };

  const validate = (document: TextDocument) => {
    const { analysis, index } = analysisOf(document);
    const diagnostics = analysis.compiled.diagnostics
      .filter((d) => d.span === undefined || d.span.file === analysis.path)
      .map((d) => toLspDiagnostic(d, index, (file) => relatedIndex(analysis, file), open));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  const validateAll = () => {
    timer = undefined;
    cache.clear(); // a change in one buffer may change what every other one sees through its imports
    for (const document of documents.all()) guard(`checking ${document.uri}`, undefined, () => validate(document));
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(validateAll, debounceMs);
  };

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        definitionProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [":", "<", "@", ","] },
        documentFormattingProvider: true,
      },
      serverInfo: { name: "eventc" },
    }),
  );

  documents.onDidOpen((event) => {
    pathToUri.set(pathOfUri(event.document.uri), event.document.uri);
    schedule();
  });
  documents.onDidChangeContent(() => schedule());
  // A spec changed on disk (e.g. an import saved in another editor): what open documents see may have changed.
  connection.onDidChangeWatchedFiles(() => schedule());
  documents.onDidClose((event) => {
    pathToUri.delete(pathOfUri(event.document.uri));
    cache.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    schedule();
  });

  connection.onDefinition((params) =>
    guard("go to definition", null, (): Location | null => {
      const document = documents.get(params.textDocument.uri);
      if (document === undefined) return null;
      const { analysis, index } = analysisOf(document);
      const target = targetAt(analysis.program(), analysis.path, index.compilerOffset(index.offsetAt(params.position)));
      if (target === undefined || target.kind === "field") return null;
      if (target.kind === "import") {
        if (readFile(target.path) === undefined) return null;
        return { uri: uriOfPath(target.path, open), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
      }
      const span = target.symbol.nameSpan;
      const text = span.file === analysis.path ? index : relatedIndex(analysis, span.file);
      return text ? { uri: uriOfPath(span.file, open), range: text.range(span) } : null;
    }),
  );

  connection.onHover((params) =>
    guard("hover", null, () => {
      const document = documents.get(params.textDocument.uri);
      if (document === undefined) return null;
      const { analysis, index } = analysisOf(document);
      const target = targetAt(analysis.program(), analysis.path, index.compilerOffset(index.offsetAt(params.position)));
      if (target === undefined) return null;
      const value =
        target.kind === "symbol" ? hoverMarkdown(target.symbol) : target.kind === "field" ? fieldHoverMarkdown(target.field) : `Imports \`${target.path}\``;
      return { contents: { kind: "markdown" as const, value }, range: index.range(target.span) };
    }),
  );

  connection.onCompletion((params) =>
    guard("completion", [], () => {
      const document = documents.get(params.textDocument.uri);
      if (document === undefined) return [];
      const { analysis, index } = analysisOf(document);
      const before = document.getText().slice(0, index.offsetAt(params.position));
      const program = guard("resolving names for completion", undefined, () => analysis.program());
      return completionItems(completionContext(before), program, analysis.path);
    }),
  );

  connection.onDocumentFormatting((params) =>
    guard("formatting", null, (): TextEdit[] | null => {
      const document = documents.get(params.textDocument.uri);
      if (document === undefined) return null;
      const text = document.getText();
      const result = formatSpec(text, pathOfUri(document.uri));
      if (!("text" in result)) {
        // A file with syntax errors is not formatted (its errors are already shown); say why in the log.
        connection.console.info(`eventc lsp: not formatting ${document.uri}: ${result.diagnostics[0]?.message ?? "it does not parse"}`);
        return null;
      }
      if (result.text === text) return [];
      return [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, newText: result.text }];
    }),
  );

  connection.onShutdown(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  });

  documents.listen(connection);
  connection.listen();
}

function relatedIndex(analysis: Analysis, file: string): LineIndex | undefined {
  const text = analysis.compiled.sources.get(file);
  return text === undefined ? undefined : new LineIndex(text);
}

function toLspDiagnostic(d: Diagnostic, index: LineIndex, indexOf: (file: string) => LineIndex | undefined, open: OpenTexts): LspDiagnostic {
  const related = (d.related ?? []).flatMap((r) => {
    const other = r.span.file === d.span?.file ? index : indexOf(r.span.file);
    return other ? [{ location: { uri: uriOfPath(r.span.file, open), range: other.range(r.span) }, message: r.message }] : [];
  });
  return {
    range: d.span ? index.range(d.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: "eventc",
    message: d.hint ? `${d.message}\nhelp: ${d.hint}` : d.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}
