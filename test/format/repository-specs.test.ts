/**
 * Every spec of the repository (examples, golden specs, grammar fixtures): formatting keeps
 * its meaning, every comment in order and in place, and is idempotent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import { formatSpec } from "../../compiler/format/index.js";
import { commentsOf, meaningOf, orderOf, ROOT, specFilesOfRepository } from "./helpers.js";

const files = specFilesOfRepository();

describe("formatting the repository's specs", () => {
  it("finds the examples and test specs", () => {
    expect(files).toContain("examples/shop/shop.events");
    expect(files).toContain("examples/bank/bank.events");
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(ROOT, file), "utf8");
      const result = formatSpec(text, file);
      if (parse(text, file).problems.length > 0) {
        // A spec kept broken on purpose is refused, not formatted.
        expect("diagnostics" in result && result.diagnostics.length).toBeGreaterThan(0);
        return;
      }
      if (!("text" in result)) throw new Error(`not formatted: ${JSON.stringify(result.diagnostics)}`);
      const formatted = result.text;
      expect(meaningOf(formatted)).toEqual(meaningOf(text));
      expect(commentsOf(formatted).map((c) => [c.text, c.trailing || c.text.startsWith("///")])).toEqual(
        commentsOf(text).map((c) => [c.text, c.trailing || c.text.startsWith("///")]),
      );
      expect(orderOf(formatted)).toEqual(orderOf(text));
      expect(formatSpec(formatted, file)).toEqual({ text: formatted });
      expect(formatted.endsWith("\n") && !formatted.endsWith("\n\n")).toBe(true);
      expect(formatted).not.toMatch(/[ \t]$/m);
      expect(formatted).not.toMatch(/\n\n\n/);
    });
  }
});
