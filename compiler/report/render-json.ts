/** The machine format of diagnostics (`--format json`), for editors and CI. Lines and columns are 1-based. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface JsonDiagnostic {
  /** Absent for problems with no position (e.g. a missing input file). */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly hint?: string;
  readonly related?: readonly { readonly file: string; readonly line: number; readonly column: number; readonly message: string }[];
}

export function toJsonDiagnostic(d: Diagnostic, displayPath: (path: string) => string = (p) => p): JsonDiagnostic {
  return {
    ...(d.span
      ? {
          file: displayPath(d.span.file),
          line: d.span.start.line,
          column: d.span.start.column,
          endLine: d.span.end.line,
          endColumn: d.span.end.column,
        }
      : {}),
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    ...(d.related && d.related.length > 0
      ? {
          related: d.related.map((r) => ({
            file: displayPath(r.span.file),
            line: r.span.start.line,
            column: r.span.start.column,
            message: r.message,
          })),
        }
      : {}),
  };
}

/** A JSON array of every diagnostic, pretty-printed, with a final newline. */
export function renderJson(diagnostics: readonly Diagnostic[], options: { readonly displayPath?: (path: string) => string } = {}): string {
  return JSON.stringify(diagnostics.map((d) => toJsonDiagnostic(d, options.displayPath)), null, 2) + "\n";
}
