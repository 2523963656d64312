/**
 * Loads the given spec files and, transitively, every file they import. Imports are resolved
 * relative to the importing file; cycles are fine (names do not depend on declaration or file
 * order, so a cycle of imports only makes namespaces visible to each other). A missing
 * imported file is an error at the import's string.
 */
import { dirname, join, normalize } from "node:path";
import { Diagnostics } from "../diagnostics/catalogue/index.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParseFile, ReadFile, SourceFile } from "./source-file.js";

export interface LoadedFiles {
  /** Sorted by path. */
  readonly files: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
}

type ReadOutcome = { readonly text: string } | { readonly missing: true } | { readonly error: string };

export function normalizePath(path: string): string {
  return normalize(path);
}

/** Where `import "<target>"` in `importer` points. */
export function resolveImportPath(importer: string, target: string): string {
  return normalize(join(dirname(importer), target));
}

export function loadFiles(roots: readonly string[], readFile: ReadFile, parse: ParseFile): LoadedFiles {
  const diagnostics: Diagnostic[] = [];
  const outcomes = new Map<string, ReadOutcome>();
  const loaded = new Map<string, SourceFile>();
  const queue: string[] = [];

  const read = (path: string): ReadOutcome => {
    let outcome = outcomes.get(path);
    if (outcome === undefined) {
      try {
        const text = readFile(path);
        outcome = text === undefined ? { missing: true } : { text: text.replace(/^\uFEFF/, "") };
      } catch (error) {
        outcome = { error: describeError(error) };
      }
      outcomes.set(path, outcome);
      if ("text" in outcome) queue.push(path);
    }
    return outcome;
  };

  for (const root of roots) {
    const path = normalizePath(root);
    if (outcomes.has(path)) continue;
    const outcome = read(path);
    if ("missing" in outcome) diagnostics.push(createDiagnostic(Diagnostics.FileNotFound, undefined, { path: root }));
    else if ("error" in outcome) diagnostics.push(createDiagnostic(Diagnostics.FileUnreadable, undefined, { path: root, reason: outcome.error }));
  }

  for (let next = 0; next < queue.length; next++) {
    const path = queue[next]!;
    const outcome = outcomes.get(path);
    if (outcome === undefined || !("text" in outcome)) continue;
    const { ast, problems } = safeParse(parse, outcome.text, path);
    const imports: string[] = [];
    for (const decl of ast.imports) {
      // A broken string (e.g. unterminated) is reported by the parser; guessing a path from it would only add noise.
      if (problems.some((p) => p.span.start.offset >= decl.pathSpan.start.offset && p.span.start.offset < Math.max(decl.pathSpan.end.offset, decl.pathSpan.start.offset + 1))) continue;
      const target = resolveImportPath(path, decl.path);
      if (target === path) {
        diagnostics.push(createDiagnostic(Diagnostics.SelfImport, decl.pathSpan));
        continue;
      }
      if (imports.includes(target)) {
        diagnostics.push(createDiagnostic(Diagnostics.DuplicateImport, decl.pathSpan, { path: decl.path }));
        continue;
      }
      if (!target.endsWith(".events")) diagnostics.push(createDiagnostic(Diagnostics.ImportNotEventsFile, decl.pathSpan, { path: decl.path }));
      const imported = read(target);
      if ("missing" in imported) diagnostics.push(createDiagnostic(Diagnostics.ImportNotFound, decl.pathSpan, { path: decl.path }));
      else if ("error" in imported) diagnostics.push(createDiagnostic(Diagnostics.ImportUnreadable, decl.pathSpan, { path: decl.path, reason: imported.error }));
      else imports.push(target);
    }
    loaded.set(path, { path, text: outcome.text, ast, syntaxProblems: problems, imports });
  }

  const files = [...loaded.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") return "it is a folder";
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    return error.message.replace(/\.$/, "");
  }
  return String(error);
}

/** The parser promises never to throw; should it break that promise, the file still gets a diagnostic, not a crash. */
function safeParse(parse: ParseFile, text: string, path: string): ReturnType<ParseFile> {
  try {
    return parse(text, path);
  } catch (error) {
    const start = { offset: 0, line: 1, column: 1 };
    const span = { file: path, start, end: start };
    return {
      ast: { kind: "File", path, imports: [], declarations: [], span },
      problems: [{ kind: "UnexpectedToken", expected: "a valid spec", found: `an internal parser failure (${describeError(error)})`, span }],
    };
  }
}
