/**
 * No input may crash the compiler: random token soup and random mutations of valid specs
 * always give diagnostics or a model, never an exception or an internal error, and every
 * diagnostic points inside its file.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../compiler/compile.js";
import type { Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import { renderJson, renderText } from "../../../compiler/report/index.js";
import { VALID_SPEC } from "../harness.js";
import { positionAt } from "../span-of.js";

const TOKENS = [
  ...["namespace", "import", "enum", "type", "topic", "partitions", "aggregate", "in", "key", "event", "creates", "after", "ends"],
  ...["projection", "per", "on", "state", "list", "map", "string", "int", "long", "decimal", "uuid", "timestamp", "v1", "v2", "v0"],
  ...["{", "}", "<", ">", "(", ")", ",", ":", "?", "=", ".", "@", "@min", "@pattern", "[", "]", "\"", '"x"', '"./a.events"', '"./f.events"'],
  ...["0", "1", "-1", "1.5", "99999999999999999999", "true", "Money", "Order", "shop", "EUR", "///", "/// doc", "//", "\n", "\t", "\r\n", "#", "é", "価"],
];

const SEEDS = [
  VALID_SPEC,
  readFileSync("examples/shop/shop.events", "utf8"),
  readFileSync("examples/shop/common.events", "utf8"),
];

/** Checks one input; `generate` also runs the generator whenever the input happens to be valid. */
function check(files: Record<string, string>, generate = false): void {
  let result;
  try {
    result = compile({ files, generate });
  } catch (error) {
    throw new Error(`compile threw on ${JSON.stringify(files)}: ${String(error)}`);
  }
  const internal = result.diagnostics.filter((d) => d.code === "EV9009");
  expect(internal, JSON.stringify(files)).toEqual([]);
  for (const d of result.diagnostics) expectValidSpan(d, result.sources, files);
  if (result.diagnostics.some((d) => d.severity === "error")) expect(result.model).toBeUndefined();
  else expect(result.model).toBeDefined();
  // Rendering never fails either.
  renderText(result.diagnostics, { sources: result.sources, color: true });
  renderJson(result.diagnostics);
}

function expectValidSpan(d: Diagnostic, sources: ReadonlyMap<string, string>, files: Record<string, string>): void {
  for (const span of [d.span, ...(d.related ?? []).map((r) => r.span)]) {
    if (span === undefined) continue;
    const text = sources.get(span.file);
    const where = `${d.code} ${d.message} in ${JSON.stringify(files)}`;
    expect(text, where).toBeDefined();
    expect(span.start.offset, where).toBeGreaterThanOrEqual(0);
    expect(span.end.offset, where).toBeGreaterThanOrEqual(span.start.offset);
    expect(span.end.offset, where).toBeLessThanOrEqual(text!.length);
    expect(span.start.line, where).toBeGreaterThanOrEqual(1);
    expect(span.start.column, where).toBeGreaterThanOrEqual(1);
    if (!/[\r\u2028\u2029]/.test(text!)) {
      expect({ line: span.start.line, column: span.start.column }, where).toEqual({
        line: positionAt(text!, span.start.offset).line,
        column: positionAt(text!, span.start.offset).column,
      });
    }
  }
}

/** Splits a spec into words, punctuation and whitespace runs, so mutations act on tokens. */
function tokenize(text: string): string[] {
  return text.match(/\s+|\/\/\/?[^\n]*|"[^"\n]*"|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?|./g) ?? [];
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant("char" as const), at: fc.nat(), char: fc.string({ minLength: 0, maxLength: 1, unit: "binary" }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, mutations: readonly Mutation[]): string {
  let tokens = tokenize(text);
  for (const m of mutations) {
    if (tokens.length === 0) tokens = [""];
    const i = m.at % tokens.length;
    switch (m.kind) {
      case "delete":
        tokens.splice(i, 1);
        break;
      case "duplicate":
        tokens.splice(i, 0, tokens[i]!);
        break;
      case "swap": {
        const j = (i + 1) % tokens.length;
        [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
        break;
      }
      case "insert":
        tokens.splice(i, 0, ` ${m.token} `);
        break;
      case "char": {
        const joined = tokens.join("");
        const at = m.at % (joined.length + 1);
        tokens = tokenize(joined.slice(0, at) + m.char + joined.slice(at + 1));
        break;
      }
    }
  }
  return tokens.join("");
}

describe("the compiler never crashes", () => {
  it("on random token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), fc.constantFrom(" ", "", "\n"), (tokens, separator) => {
        check({ "f.events": tokens.join(separator) });
      }),
      { numRuns: 200 },
    );
  });

  it("on random mutations of valid specs", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
        check({ "f.events": mutate(seed, mutations) });
      }),
      { numRuns: 200 },
    );
  });

  it("on single mutations of valid specs, through code generation when they stay valid", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), mutation, (seed, m) => {
        check({ "f.events": mutate(seed, [m]) }, true);
      }),
      { numRuns: 25 },
    );
  });

  it("on mutations of a spec that imports another", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), (m1, m2) => {
        check({ "examples/shop/shop.events": mutate(SEEDS[1]!, m1), "examples/shop/common.events": mutate(SEEDS[2]!, m2) });
      }),
      { numRuns: 60 },
    );
  });

  it("on arbitrary text, including control characters and lone surrogates", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => {
        check({ "f.events": text });
      }),
      { numRuns: 200 },
    );
  });
});
