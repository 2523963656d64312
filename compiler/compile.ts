/**
 * The programmatic API: spec files in, diagnostics, the checked model and generated modules
 * out. Phases run in order — parse → resolve → check → build the model → generate — and
 * nothing is generated when an earlier phase found an error. No phase throws on user input;
 * an unexpected failure becomes an EV9009 diagnostic instead of a stack trace.
 */
import { readFileSync } from "node:fs";
import { parse } from "../grammar/parse.js";
import { buildModel } from "./build-model.js";
import { runChecks } from "./checks/index.js";
import { Diagnostics } from "./diagnostics/catalogue/index.js";
import { createDiagnostic, hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import { syntaxProblemToDiagnostic } from "./diagnostics/syntax-diagnostics.js";
import { generate, type GeneratedFile, type GenerateOptions } from "./generate/index.js";
import type { Model } from "./model.js";
import { loadFiles, normalizePath } from "./resolve/load-files.js";
import { resolveProgram } from "./resolve/program.js";
import type { ParseFile, ReadFile, SourceFile } from "./resolve/source-file.js";

export interface CompileOptions extends GenerateOptions {
  /**
   * Spec files: paths (read with `readFile`, by default from disk), or contents by path (kept
   * in memory; imports are looked up among them, then through `readFile` if one is given).
   * Imported files are loaded too. Paths are normalised (`./a.events` → `a.events`) and
   * appear so in diagnostics.
   */
  readonly files: readonly string[] | Readonly<Record<string, string>>;
  /** Reads a file: its text, or `undefined` when it does not exist; other failures may throw. */
  readonly readFile?: ReadFile;
  /** Set to false to stop after checking (no outputs). Default: true. */
  readonly generate?: boolean;
  /** Replaces the parser (tests only). */
  readonly parse?: ParseFile;
  /** Called as each phase starts, for progress indicators on large trees. */
  readonly onPhase?: (phase: CompilePhase, detail: string) => void;
}

export type CompilePhase = "parse" | "check" | "model" | "generate";

export interface CompileResult {
  /** Every problem found, sorted by file, position and code. */
  readonly diagnostics: readonly Diagnostic[];
  /** Present when there are no errors. */
  readonly model?: Model;
  /** Generated modules (empty when there are errors or generation was turned off). */
  readonly outputs: readonly GeneratedFile[];
  /** Text of every loaded file by its (normalised) path: what code frames are rendered from. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Reads from disk; a missing file is `undefined`, anything else (a folder, no permission) throws. */
export const readFileFromDisk: ReadFile = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
};

export function compile(options: CompileOptions): CompileResult {
  const { roots, readFile } = inputs(options);
  const onPhase = options.onPhase ?? (() => undefined);
  onPhase("parse", `${roots.length} file(s)`);
  const loaded = loadFiles(roots, readFile, options.parse ?? parse);
  const sources = new Map(loaded.files.map((f) => [f.path, f.text]));
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  for (const file of loaded.files) diagnostics.push(...file.syntaxProblems.map(syntaxProblemToDiagnostic));

  onPhase("check", `${loaded.files.length} file(s)`);
  const checked = guard("checking the specs", diagnostics, () => {
    const program = resolveProgram(loaded.files);
    diagnostics.push(...withoutRecoveryNoise(runChecks(program), loaded.files));
    return program;
  });

  let model: Model | undefined;
  let outputs: readonly GeneratedFile[] = [];
  if (checked !== undefined && !hasErrors(diagnostics)) {
    onPhase("model", "");
    model = guard("building the model", diagnostics, () => buildModel(checked));
    if (model !== undefined && options.generate !== false) {
      const generateOptions: GenerateOptions = {
        ...(options.runtimeImport !== undefined ? { runtimeImport: options.runtimeImport } : {}),
        ...(options.rootDir !== undefined ? { rootDir: options.rootDir } : {}),
        ...(options.version !== undefined ? { version: options.version } : {}),
      };
      const model_ = model;
      onPhase("generate", `${model.namespaces.length} namespace(s)`);
      outputs = guard("generating code", diagnostics, () => generate(model_, generateOptions)) ?? [];
    }
  }
  return { diagnostics: sortDiagnostics(diagnostics), ...(model !== undefined ? { model } : {}), outputs, sources };
}

function inputs(options: CompileOptions): { roots: string[]; readFile: ReadFile } {
  if (Array.isArray(options.files)) return { roots: [...(options.files as readonly string[])], readFile: options.readFile ?? readFileFromDisk };
  const contents = new Map<string, string>();
  for (const [path, text] of Object.entries(options.files as Record<string, string>)) contents.set(normalizePath(path), text);
  const fallback = options.readFile;
  return {
    roots: [...contents.keys()],
    readFile: (path) => (contents.has(path) ? contents.get(path) : fallback ? fallback(path) : undefined),
  };
}

/**
 * Drops check diagnostics that start on a line after a syntax error on that same line: there
 * the parser's recovery guessed at the structure (e.g. read `after` as a field name), and a
 * check complaining about the guess would only repeat the syntax error in confusing words.
 */
function withoutRecoveryNoise(diagnostics: readonly Diagnostic[], files: readonly SourceFile[]): Diagnostic[] {
  const firstErrorColumn = new Map<string, number>();
  for (const file of files)
    for (const problem of file.syntaxProblems) {
      const key = `${file.path}\n${problem.span.start.line}`;
      firstErrorColumn.set(key, Math.min(firstErrorColumn.get(key) ?? Infinity, problem.span.start.column));
    }
  if (firstErrorColumn.size === 0) return [...diagnostics];
  return diagnostics.filter((d) => {
    if (!d.span) return true;
    const column = firstErrorColumn.get(`${d.span.file}\n${d.span.start.line}`);
    return column === undefined || d.span.start.column < column;
  });
}

/** Runs a phase; a failure inside it is reported as an internal error instead of escaping. */
function guard<T>(phase: string, diagnostics: Diagnostic[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push(createDiagnostic(Diagnostics.InternalError, undefined, { phase, reason }));
    return undefined;
  }
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    if (!a.span || !b.span) return a.span ? 1 : b.span ? -1 : 0;
    if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
    if (a.span.start.offset !== b.span.start.offset) return a.span.start.offset - b.span.start.offset;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
