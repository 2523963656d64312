/**
 * `eventc generate [paths..] --out DIR [--update-lock] [--watch]`: compile the specs, write the
 * modules that changed, keep the lock file current when asked. With `--watch`, keep running:
 * regenerate whenever a spec, an imported file or a spec folder changes, print diagnostics, and
 * carry on after errors.
 */
import { watch, type FSWatcher } from "node:fs";
import { dirname, relative } from "node:path";
import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { writeOutputs } from "../../io/write-outputs.js";
import { renderJson, renderSummary, renderText } from "../../report/index.js";
import { compileSpecs, type CompiledRequest, type SpecsRequest } from "../compile-specs.js";
import type { CommandIo } from "./evolution-output.js";
import { generateLockStep } from "./lock.js";
import { createProgress } from "../progress.js";

export interface GenerateRequest extends Omit<SpecsRequest, "generate" | "progress"> {
  readonly updateLock: boolean;
  readonly format: "text" | "json";
  readonly color: boolean;
}

export interface GenerateRun {
  readonly exitCode: 0 | 1;
  /** Files and folders whose change should trigger a new run (specs, imports, spec folders, config). */
  readonly watched: readonly string[];
}

/** One generation: compile, write changed files, update the lock if asked, print. */
export function runGenerate(request: GenerateRequest, io: CommandIo): GenerateRun {
  const compiled = compileSpecs({ ...request, generate: true, progress: createProgress(process.stderr) });
  const diagnostics: Diagnostic[] = [...compiled.diagnostics];
  let summary: string | undefined;
  const { options, result } = compiled;
  if (options && result?.model && !hasErrors(diagnostics)) {
    try {
      const written = writeOutputs(options.out, result.outputs);
      const out = relative(request.cwd, options.out) || ".";
      summary = `Generated ${result.outputs.length} module(s) in ${out}: ${written.written.length} written, ${written.unchanged.length} unchanged${written.removed.length > 0 ? `, ${written.removed.length} stale removed` : ""}.`;
    } catch (error) {
      diagnostics.push(createDiagnostic(Diagnostics.OutputUnwritable, undefined, { path: options.out, reason: error instanceof Error ? error.message : String(error) }));
    }
    if (!hasErrors(diagnostics)) {
      const lock = generateLockStep(result.model, { lock: options.lock, updateLock: request.updateLock, cwd: request.cwd });
      diagnostics.push(...lock.diagnostics);
      if (lock.message !== undefined) summary = `${summary ?? ""}\n${lock.message}`;
    }
  }
  const failed = printDiagnostics(diagnostics, compiled, request, io);
  if (!failed && summary !== undefined && request.format === "text") io.out(`${summary}\n`);
  const watched = new Set<string>([...(result?.sources.keys() ?? []), ...(options?.paths ?? [])]);
  return { exitCode: failed ? 1 : 0, watched: [...watched] };
}

/** Prints diagnostics as text (stderr, with code frames) or JSON (stdout); returns whether any is an error. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], compiled: CompiledRequest | undefined, request: { cwd: string; format: "text" | "json"; color: boolean }, io: CommandIo): boolean {
  const displayPath = (path: string) => relative(request.cwd, path) || path;
  if (request.format === "json") {
    io.out(renderJson(diagnostics, { displayPath }));
  } else if (diagnostics.length > 0) {
    io.err(renderText(diagnostics, { sources: compiled?.result?.sources ?? new Map(), displayPath, color: request.color }));
    io.err(`${renderSummary(diagnostics)}\n`);
  }
  return hasErrors(diagnostics);
}

export interface Watcher {
  /** Stops watching; the returned promise settles when no run is in progress. */
  close(): Promise<void>;
}

/**
 * Runs `runGenerate` now and again after every change. Watches the folders of every file the
 * last run read (editors often save by writing a new file and renaming it, which a watch on the
 * file itself would miss), reacting only to `.events` files and the config file. Changes that
 * arrive within `debounceMs` of each other cause one run.
 */
export function watchGenerate(request: GenerateRequest, io: CommandIo, options: { debounceMs?: number; onStart?: () => void; onRun?: (run: GenerateRun) => void } = {}): Watcher {
  const debounceMs = options.debounceMs ?? 25;
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const run = () => {
    timer = undefined;
    if (closed) return;
    options.onStart?.();
    const result = runGenerate(request, io);
    if (request.format === "text") io.out(`[watch] ${new Date().toISOString().slice(11, 19)} ${result.exitCode === 0 ? "up to date" : "errors above"}; waiting for changes...\n`);
    rewatch(result.watched);
    options.onRun?.(result);
  };
  const schedule = (file: string | null) => {
    if (file !== null && !file.endsWith(".events") && !file.endsWith(".json")) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };
  const rewatch = (paths: readonly string[]) => {
    const folders = new Set(paths.map((p) => (p.endsWith(".events") || p.endsWith(".json") ? dirname(p) : p)));
    folders.add(request.cwd);
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { recursive: false }, (_event, file) => schedule(file === null ? null : String(file)));
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // A folder that does not exist yet: the next run (e.g. after the config changes) watches again.
      }
    }
  };

  run();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
