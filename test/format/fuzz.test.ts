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
