/**
 * The programmatic breaking-change check: the current model against a lock file or against the
 * specs at a git revision. The CLI (`eventc check --against/--against-git`) and build tools call
 * this; it reads files and runs git, but prints nothing.
 */
import { evolutionDiagnostics as D } from "../diagnostics/catalogue/evolution.js";
import { createDiagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Model } from "../model.js";
import { canonicalSpec } from "./canonical.js";
import { compareSpecs } from "./compare.js";
import { readGitSpecTree } from "./git-spec-tree.js";
import { canonicalFromLock, readLockFile } from "./lock-file.js";

/** How the check turns spec files into a model: `compile()` with an optional file reader (for specs read from git). */
export type CompileSpecs = (
  files: readonly string[],
  readFile?: (path: string) => string | undefined,
) => { readonly model?: Model; readonly diagnostics: readonly Diagnostic[] };

export type AgainstSource =
  | { readonly lock: string }
  /** `REF:path`, e.g. `main:specs`. */
  | { readonly git: string; readonly cwd: string; readonly compile: CompileSpecs };

export interface AgainstResult {
  /** Breaking changes, warnings, and problems reading the old specs. */
  readonly diagnostics: readonly Diagnostic[];
  /** Compatible changes, one sentence each (`--verbose`). */
  readonly compatible: readonly string[];
  /** Source text of old files that diagnostics point into (specs read from git), for code frames. */
  readonly oldSources: ReadonlyMap<string, string>;
  /** How to print the paths of `diagnostics` (`main:specs/shop.events` when they point into old specs read from git). */
  readonly displayPath: (path: string) => string;
}

export function checkAgainst(model: Model, source: AgainstSource): AgainstResult {
  const none = { compatible: [], oldSources: new Map<string, string>(), displayPath: (p: string) => p };
  if ("lock" in source) {
    const read = readLockFile(source.lock);
    if (!read.lock) return { ...none, diagnostics: read.diagnostics };
    const result = compareSpecs(canonicalFromLock(read.lock), model);
    return { ...none, diagnostics: [...read.diagnostics, ...result.diagnostics], compatible: result.compatible };
  }

  const tree = readGitSpecTree(source.git, source.cwd);
  if (!tree.tree) return { ...none, diagnostics: tree.diagnostics };
  const { ref, path, files, readFile, displayPath } = tree.tree;
  const old = source.compile(files, readFile);
  if (!old.model || hasErrors(old.diagnostics)) {
    // Only the old specs' own diagnostics are reported then, so every path is an old file's.
    const oldSources = new Map<string, string>();
    for (const d of old.diagnostics) {
      const text = d.span ? readFile(d.span.file) : undefined;
      if (d.span && text !== undefined) oldSources.set(d.span.file, text);
    }
    const headline = createDiagnostic(D.GitSpecInvalid, undefined, { ref, path });
    return { compatible: [], oldSources, displayPath, diagnostics: [headline, ...old.diagnostics] };
  }
  // Old warnings are of no interest here: the comparison's diagnostics all point into the current specs.
  const result = compareSpecs(canonicalSpec(old.model), model);
  return { ...none, diagnostics: result.diagnostics, compatible: result.compatible };
}
