/**
 * The step every spec command shares: read the config, normalise options, find the spec
 * files and compile them. Problems with the command line, config or files come back as
 * diagnostics with the compiler's own, so they print the same way.
 */
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/catalogue/index.js";
import { compile, readFileFromDisk, type CompileResult } from "../compile.js";
import { loadConfig } from "../config/load-config.js";
import { normalizeOptions, type EventcOptions, type RawOptions } from "../config/options.js";
import { collectSpecFiles } from "../io/collect-spec-files.js";
import { relative } from "node:path";
import type { Progress } from "./progress.js";

const PHASE_WORDS: Record<string, string> = { parse: "parsing", check: "checking", model: "building the model", generate: "generating" };

export interface SpecsRequest extends RawOptions {
  readonly config?: string;
  readonly cwd: string;
  /** Generate code (generate) or stop after checking (check, lock). */
  readonly generate: boolean;
  /** Progress of the phases (drawn only on a terminal). */
  readonly progress?: Progress;
}

export interface CompiledRequest {
  readonly options?: EventcOptions;
  readonly result?: CompileResult;
  /** Config/file diagnostics followed by the compiler's. */
  readonly diagnostics: readonly Diagnostic[];
}

export function compileSpecs(request: SpecsRequest): CompiledRequest {
  const loaded = loadConfig(request.cwd, request.config);
  if (loaded.diagnostics.length > 0) return { diagnostics: loaded.diagnostics };
  const options = normalizeOptions(request, loaded.config, loaded.dir, request.cwd);
  const collected = collectSpecFiles(options.paths);
  const diagnostics: Diagnostic[] = collected.missing.map((path) => createDiagnostic(Diagnostics.FileNotFound, undefined, { path: relative(request.cwd, path) || path }));
  if (diagnostics.length > 0) return { options, diagnostics };
  if (collected.files.length === 0) {
    const paths = options.paths.map((p) => `"${relative(request.cwd, p) || "."}"`).join(", ");
    return { options, diagnostics: [createDiagnostic(Diagnostics.NoSpecFiles, undefined, { paths })] };
  }
  const result = compile({
    files: collected.files,
    readFile: readFileFromDisk,
    generate: request.generate,
    runtimeImport: options.runtimeImport,
    rootDir: options.rootDir,
    ...(request.progress ? { onPhase: (phase: string, detail: string) => request.progress?.update(`eventc: ${PHASE_WORDS[phase] ?? phase} ${detail}`.trimEnd()) } : {}),
  });
  request.progress?.done();
  return { options, result, diagnostics: result.diagnostics };
}
