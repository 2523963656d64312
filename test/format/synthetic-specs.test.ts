/**
 * The benchmark's synthetic specs (realistic layout, docs, versions, every field shape):
 * formatting keeps their meaning and docs and is idempotent.
 */
import { describe, expect, it } from "vitest";
import { syntheticSpecSources } from "../../bench/synthetic/write-spec.js";
import { formatSpec } from "../../compiler/format/index.js";
import { commentsOf, meaningOf } from "./helpers.js";

describe("formatting synthetic specs", () => {
  for (const seed of [1, 2, 3]) {
    it(`keeps meaning and docs, idempotently (seed ${seed})`, () => {
      const { sources } = syntheticSpecSources({ events: 60, namespaces: 3, seed });
      expect(sources.length).toBe(4);
      for (const source of sources) {
        const result = formatSpec(source.text, source.fileName);
        if (!("text" in result)) throw new Error(`${source.fileName} refused: ${result.diagnostics.map((d) => d.message).join("; ")}`);
        expect(meaningOf(result.text)).toEqual(meaningOf(source.text));
        expect(commentsOf(result.text).map((c) => c.text)).toEqual(commentsOf(source.text).map((c) => c.text));
        expect(formatSpec(result.text, source.fileName)).toEqual(result);
      }
    });
  }
});
