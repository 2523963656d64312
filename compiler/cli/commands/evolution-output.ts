/**
 * How `eventc lock` and `eventc check --against` print: diagnostics with code frames (text) or as
 * JSON, then `compatible: ...` lines under `--verbose`, then a one-line summary.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Model } from "../../model.js";
import { renderJson, renderSummary, renderText } from "../../report/index.js";

/** Where a command writes. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export type OutputFormat = "text" | "json";

/** The current specs, compiled by the CLI's shared compile step. */
export interface CompiledSpecs {
  /** Absent when the specs have errors. */
  readonly model?: Model;
  readonly diagnostics: readonly Diagnostic[];
  /** Source text by path, for code frames; files are read from disk when missing. */
  readonly sources?: ReadonlyMap<string, string>;
}

export interface PrintOptions {
  readonly format: OutputFormat;
  readonly verbose: boolean;
  readonly cwd: string;
  readonly color?: boolean;
  readonly sources?: ReadonlyMap<string, string>;
  /** Paths of files that are not on disk (old specs read from git) as they should be printed. */
  readonly displayPath?: (path: string) => string;
}

export function printReport(io: CommandIo, diagnostics: readonly Diagnostic[], compatible: readonly string[], summary: string, options: PrintOptions): void {
  const displayPath = (path: string) => {
    const shown = options.displayPath?.(path) ?? path;
    return shown !== path ? shown : relative(options.cwd, path) || path;
  };
  if (options.format === "json") {
    io.out(renderJson(diagnostics, { displayPath }));
    return;
  }
  if (diagnostics.length > 0) {
    io.err(renderText(diagnostics, { sources: sourcesFor(diagnostics, options.sources), displayPath, color: options.color ?? false }));
  }
  if (options.verbose) for (const line of compatible) io.out(`compatible: ${line}\n`);
  io.out(`${summary}${diagnostics.length > 0 ? ` (${renderSummary(diagnostics)})` : ""}\n`);
}

/** Known sources, plus every file a diagnostic points at that can be read from disk. */
function sourcesFor(diagnostics: readonly Diagnostic[], known: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const sources = new Map(known);
  for (const d of diagnostics) {
    for (const span of [d.span, ...(d.related ?? []).map((r) => r.span)]) {
      if (!span || sources.has(span.file)) continue;
      try {
        sources.set(span.file, readFileSync(span.file, "utf8"));
      } catch {
        // No frame for a file that is not on disk; the location line still says where.
      }
    }
  }
  return sources;
}

export function exitCodeOf(diagnostics: readonly Diagnostic[]): 0 | 1 {
  return diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}
