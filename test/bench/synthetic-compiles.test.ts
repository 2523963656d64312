/**
 * The benchmark's synthetic specs are valid eventc: at a small size they parse, check and
 * generate with no diagnostic at all, and the generated modules type-check with the strict
 * flags. If this breaks, `npm run bench:compile` would be timing error reporting instead of
 * generation.
 */
import { describe, expect, it } from "vitest";
import { syntheticSpecSources } from "../../bench/synthetic/write-spec.js";
import { compile } from "../../compiler/compile.js";
import { renderText } from "../../compiler/report/index.js";

describe("synthetic specs", () => {
  const { spec, sources } = syntheticSpecSources({ events: 60, namespaces: 3, seed: 2 });
  const files = Object.fromEntries(sources.map((s) => [s.fileName, s.text]));
  const result = compile({ files, rootDir: "/synthetic" });

  it("compile with no diagnostics and one module per namespace", () => {
    expect(renderText(result.diagnostics, { sources: result.sources })).toBe("");
    expect(result.diagnostics).toEqual([]);
    expect(result.outputs.map((o) => o.path).sort()).toEqual(spec.namespaces.map((ns) => `${ns.name}.ts`).sort());
  });

  it("keep every event, version, aggregate and projection in the checked model", () => {
    // The seed is chosen so that versioned events are part of the spec.
    expect(spec.counts.eventVersions).toBeGreaterThan(spec.counts.events);
    const model = result.model;
    expect(model).toBeDefined();
    const namespaces = model?.namespaces ?? [];
    const events = namespaces.flatMap((ns) => ns.aggregates.flatMap((a) => a.events));
    expect(events).toHaveLength(spec.counts.events);
    expect(events.reduce((n, e) => n + e.versions.length, 0)).toBe(spec.counts.eventVersions);
    expect(namespaces.reduce((n, ns) => n + ns.aggregates.length, 0)).toBe(spec.counts.aggregates);
    expect(namespaces.reduce((n, ns) => n + ns.projections.length, 0)).toBe(spec.counts.projections);
    expect(namespaces.reduce((n, ns) => n + ns.topics.length, 0)).toBe(spec.counts.topics);
    const catalog = namespaces.find((ns) => ns.name === "catalog");
    expect(catalog?.dependsOn).toEqual(["billing", "common"]);
  });

  it("generate modules that type-check under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes", async () => {
    const { typecheckOutputs, formatTypecheckDiagnostics } = await import("../../compiler/generate/typecheck.js");
    expect(formatTypecheckDiagnostics(typecheckOutputs(result.outputs, { runtimeTypes: "runtime/index.ts" }))).toBe("");
  }, 120_000);
});
