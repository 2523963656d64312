/**
 * The shared harness of the checker tests: compile in-memory specs and assert diagnostics by
 * code, position and message, like graphql-js's validation harness.
 */
import { expect } from "vitest";
import { compile, type CompileResult } from "../../compiler/compile.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";

export const DEFAULT_FILE = "test.events";

/** Compiles the given files (or one file named test.events) without generating code. */
export function compileSpecs(files: Readonly<Record<string, string>> | string): CompileResult {
  return compile({ files: typeof files === "string" ? { [DEFAULT_FILE]: files } : files, generate: false });
}

/** Every diagnostic for the given files (or one file named test.events). */
export function diagnose(files: Readonly<Record<string, string>> | string): readonly Diagnostic[] {
  return compileSpecs(files).diagnostics;
}

function describe(d: Diagnostic): string {
  return `${d.span ? `${d.span.file}:${d.span.start.line}:${d.span.start.column}` : "(no position)"} ${d.code} ${d.message}`;
}

/**
 * Asserts that exactly one diagnostic with `code` starts at `line`:`column` (of `file`,
 * default test.events) and that its message contains `message`. Returns it for further checks.
 */
export function expectDiagnostic(
  diagnostics: readonly Diagnostic[],
  code: string,
  line: number,
  column: number,
  message: string,
  file: string = DEFAULT_FILE,
): Diagnostic {
  const matching = diagnostics.filter(
    (d) => d.code === code && d.span?.file === file && d.span.start.line === line && d.span.start.column === column,
  );
  expect(matching.map(describe), `expected one ${code} at ${file}:${line}:${column}; got:\n${diagnostics.map(describe).join("\n")}`).toHaveLength(1);
  expect(matching[0]!.message).toContain(message);
  return matching[0]!;
}

/** Asserts the exact codes reported (in order of position), so nothing extra — no cascade — slips in. */
export function expectCodes(diagnostics: readonly Diagnostic[], codes: readonly string[]): void {
  expect(diagnostics.map((d) => d.code), diagnostics.map(describe).join("\n")).toEqual(codes);
}

/** Asserts there is no diagnostic at all. */
export function expectClean(diagnostics: readonly Diagnostic[]): void {
  expect(diagnostics.map(describe)).toEqual([]);
}

/** A valid spec the tests start from: one of each construct. */
export const VALID_SPEC = `namespace shop

enum Currency { EUR, USD }

type Money {
  amount: decimal
  currency: Currency = EUR
}

topic orders { partitions 4 }

aggregate Order in orders {
  key orderId: uuid
  event OrderPlaced creates { total: Money }
  event OrderPaid after OrderPlaced { amount: Money }
  event OrderShipped after OrderPaid ends { carrier: string }
}

projection OrderStatus per Order {
  on Order
  state { status: string }
}
`;
