/**
 * No edit may break the editor features: for random mutations of real specs and random
 * cursor positions, analysis, definition targets, hover text and completion all answer
 * without throwing, and every range they produce lies inside the document.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../compiler/lsp/analysis.js";
import { completionContext } from "../../compiler/lsp/completion-context.js";
import { completionItems } from "../../compiler/lsp/completion.js";
import { fieldHoverMarkdown, hoverMarkdown } from "../../compiler/lsp/hover.js";
import { LineIndex } from "../../compiler/lsp/line-index.js";
import { targetAt } from "../../compiler/lsp/symbol-at.js";
import { ROOT } from "./lsp-client.js";

const SHOP = readFileSync(`${ROOT}examples/shop/shop.events`, "utf8");
const COMMON = readFileSync(`${ROOT}examples/shop/common.events`, "utf8");
const PIECES = ["{", "}", ":", "<", ">", ",", "@", '"', "///", "//", "\n", " after ", " on ", " per ", " in ", "event ", "Money", "common.", "\uFEFF", "😀", "\r"];

const mutation = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })),
  cursor: fc.nat(),
});

describe("editor features on broken text", () => {
  it("never throw and keep every range inside the document", () => {
    const readFile = (path: string) => (path === "/virtual/common.events" ? COMMON : undefined);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = SHOP;
        for (const edit of edits) {
          const at = edit.at % (text.length + 1);
          text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
        }
        const analysis = analyze("/virtual/shop.events", text, readFile);
        const index = new LineIndex(text);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const d of analysis.compiled.diagnostics) {
          expect(d.code).not.toBe("EV9009");
          if (d.span?.file !== "/virtual/shop.events") continue;
          const range = index.range(d.span);
          expect(range.start.line).toBeLessThan(lines);
          expect(range.end.line).toBeLessThan(lines);
        }
        const program = analysis.program();
        for (const edit of edits) {
          const offset = edit.cursor % (text.length + 1);
          const target = targetAt(program, analysis.path, index.compilerOffset(offset));
          if (target?.kind === "symbol") expect(hoverMarkdown(target.symbol)).toMatch(/^```events\n/);
          if (target?.kind === "field") expect(fieldHoverMarkdown(target.field)).toMatch(/^```events\n/);
          const items = completionItems(completionContext(text.slice(0, offset)), program, analysis.path);
          for (const item of items) expect(item.label).toMatch(/^@?[A-Za-z_][\w.]*$/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
