/**
 * Properties over a fuzz corpus of valid, messily written specs: formatting keeps the meaning
 * (the syntax tree without positions), keeps every comment with its text, order and
 * placement (own line or trailing), is idempotent, and always yields the canonical surface.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import { formatSpec } from "../../compiler/format/index.js";
import { commentsOf, meaningOf, orderOf } from "./helpers.js";
import { messySpec } from "./valid-spec-arbitrary.js";

function format(text: string): string {
  const result = formatSpec(text, "fuzz.events");
  if (!("text" in result)) throw new Error(`refused: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}\n${text}`);
  return result.text;
}

const placement = (text: string) => commentsOf(text).map((c) => [c.text, c.trailing && !c.text.startsWith("///")]);

describe("formatting a fuzz corpus of valid specs", () => {
  it("the generator writes valid specs (the properties below are about valid input)", () => {
    fc.assert(
      fc.property(messySpec, (text) => {
        expect(parse(text, "fuzz.events").problems.filter((p) => p.kind !== "DanglingDocComment")).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps the meaning, every comment in place, and is idempotent", () => {
    fc.assert(
      fc.property(messySpec, (text) => {
        const once = format(text);
        expect(meaningOf(once)).toEqual(meaningOf(text));
        expect(placement(once)).toEqual(placement(text));
        expect(orderOf(once)).toEqual(orderOf(text));
        expect(format(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it("on mutated and arbitrary text: never throws; whatever it formats keeps meaning, comments and idempotence", () => {
    const inserts = ["", ",", "{", "}", "//", "///", "\n", '"', "@", "?", ":", "x", "event ", "= []", "\r", "\u2028"];
    const mutated = messySpec.chain((spec) =>
      fc.tuple(fc.nat(spec.length), fc.nat(3), fc.constantFrom(...inserts)).map(([at, cut, insert]) => spec.slice(0, at) + insert + spec.slice(at + cut)),
    );
    let formattedCount = 0;
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: "binary", maxLength: 200 })), (text) => {
        const result = formatSpec(text, "fuzz.events");
        if ("diagnostics" in result) {
          expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
          expect(result.diagnostics.every((d) => d.code !== "EV9009")).toBe(true);
          return;
        }
        formattedCount++;
        expect(meaningOf(result.text)).toEqual(meaningOf(text));
        expect(orderOf(result.text)).toEqual(orderOf(text));
        expect(format(result.text)).toBe(result.text);
      }),
      { numRuns: 300 },
    );
    // Many mutations keep the text valid (a comma, a newline, a cut inside whitespace).
    expect(formattedCount).toBeGreaterThan(30);
  });

  it("always yields LF lines without trailing whitespace, no runs of blank lines, one final newline", () => {
    fc.assert(
      fc.property(messySpec, (text) => {
        const once = format(text);
        expect(once).not.toMatch(/\r|[ \t]$|\n\n\n/m);
        expect(once.startsWith("\n")).toBe(false);
        expect(once.endsWith("\n") && !once.endsWith("\n\n")).toBe(true);
        for (const line of once.split("\n")) expect(line).toMatch(/^(  )*(\S.*)?$/);
      }),
      { numRuns: 100 },
    );
  });
});
