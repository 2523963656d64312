import type { Span } from "../../grammar/ast.js";

export type Severity = "error" | "warning";

/** One entry of the catalogue: a stable code, a severity and a message template with `{name}` holes. */
export interface DiagnosticMessage {
  readonly code: `EV${number}`;
  readonly severity: Severity;
  /** A full sentence; `{name}` placeholders are filled from the call's arguments. Names in the message go in double quotes. */
  readonly message: string;
  /** One line for docs/diagnostics.md: when this is reported and how to fix it. */
  readonly explanation: string;
}

/** A reported problem. `span` is absent only for problems with no source position (e.g. no input files). */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: Span;
  /** A suggested fix, printed as `help: ...` under the code frame. */
  readonly hint?: string;
  /** Other places that explain the problem (e.g. the first declaration of a duplicate name). */
  readonly related?: readonly RelatedInformation[];
}

export interface RelatedInformation {
  readonly message: string;
  readonly span: Span;
}

export type MessageArgs = Readonly<Record<string, string | number>>;

/** Fills `{name}` holes of a template; a hole without an argument is left visible so tests catch it. */
export function formatMessage(template: string, args: MessageArgs = {}): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => {
    const value = args[name];
    return value === undefined ? hole : String(value);
  });
}

/** Builds a diagnostic from a catalogue entry. Call sites never hold message text. */
export function createDiagnostic(
  entry: DiagnosticMessage,
  span: Span | undefined,
  args: MessageArgs = {},
  extra: { readonly hint?: string; readonly related?: readonly RelatedInformation[] } = {},
): Diagnostic {
  return {
    code: entry.code,
    severity: entry.severity,
    message: formatMessage(entry.message, args),
    ...(span ? { span } : {}),
    ...(extra.hint !== undefined ? { hint: extra.hint } : {}),
    ...(extra.related !== undefined && extra.related.length > 0 ? { related: extra.related } : {}),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
