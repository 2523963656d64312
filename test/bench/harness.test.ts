import { describe, expect, it } from "vitest";
import { renderBaselineModule } from "../../bench/compile/hand-written-baseline.js";
import { median } from "../../bench/compile/measure-process.js";
import { areaOf, summarizeProfile } from "../../bench/compile/profile-summary.js";
import type { SyntheticNamespace } from "../../bench/synthetic/synthetic-spec.js";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("profile summary", () => {
  it("names the area of a script URL", () => {
    expect(areaOf("file:///repo/dist/grammar/parse.js", "parse")).toBe("grammar");
    expect(areaOf("file:///repo/dist/compiler/checks/rules/x.js", "x")).toBe("compiler/checks");
    expect(areaOf("file:///repo/dist/compiler/compile.js", "compile")).toBe("compiler");
    expect(areaOf("file:///repo/node_modules/@chevrotain/gast/lib/a.js", "a")).toBe("package @chevrotain/gast");
    expect(areaOf("node:internal/modules/esm/loader", "load")).toBe("node internals (module loader, fs, ...)");
    expect(areaOf("", "(garbage collector)")).toBe("GC");
  });

  it("attributes each sample to the deepest compiler phase on its stack", () => {
    const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
      id,
      callFrame: { functionName, url, lineNumber: 0 },
      children,
    });
    const profile = {
      nodes: [
        frame(1, "(root)", "", [2, 6, 7]),
        frame(2, "main", "file:///r/dist/compiler/cli/main.js", [3]),
        frame(3, "loadFiles", "file:///r/dist/compiler/resolve/load-files.js", [4]),
        frame(4, "parse", "file:///r/dist/grammar/parse.js", [5]),
        frame(5, "tokenize", "file:///r/node_modules/chevrotain/lib/src/lexer.js"),
        frame(6, "(garbage collector)", ""),
        frame(7, "import", "node:internal/modules/esm/loader"),
      ],
      startTime: 0,
      endTime: 6000,
      samples: [5, 5, 2, 6, 7, 4],
      timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
    };
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(6);
    expect(Object.fromEntries(summary.phases.map((p) => [p.phase, p.ms]))).toEqual({
      "read + parse": 3,
      "CLI wiring (yargs)": 1,
      "GC (outside any phase)": 1,
      "module loading": 1,
    });
    expect(summary.packages).toEqual(["chevrotain"]);
    expect(summary.areas[0]).toEqual({ area: "package chevrotain", ms: 2 });
  });
});

describe("hand-written baseline", () => {
  it("renders one readonly interface per event version with the key, and enums as unions", () => {
    const ns: SyntheticNamespace = {
      name: "billing",
      fileName: "billing.events",
      imports: ["common"],
      enums: [{ name: "BillingPriority", members: ["LOW", "HIGH"] }],
      records: [],
      topics: [{ name: "feed0", partitions: 4 }],
      aggregates: [
        {
          name: "Parcel",
          topic: "feed0",
          key: { name: "parcelId", type: "long" },
          events: [
            {
              name: "ParcelOpened",
              creates: true,
              after: [],
              ends: false,
              versions: [
                {
                  version: 1,
                  fields: [
                    { name: "amount", optional: false, type: { kind: "record", namespace: "common", name: "Money", bare: true }, annotations: [] },
                    { name: "tags", optional: false, type: { kind: "list", element: { kind: "primitive", name: "string" } }, default: "[]", annotations: [] },
                  ],
                },
                {
                  version: 2,
                  fields: [
                    { name: "note", optional: true, type: { kind: "primitive", name: "string" }, annotations: [] },
                    { name: "attributes", optional: false, type: { kind: "map", value: { kind: "primitive", name: "int" } }, annotations: [] },
                  ],
                },
              ],
            },
          ],
        },
      ],
      projections: [],
    };
    const text = renderBaselineModule(ns);
    expect(text).toContain('import type * as common from "./common.js";');
    expect(text).toContain('export type BillingPriority = "LOW" | "HIGH";');
    expect(text).toContain(
      "export interface ParcelOpenedV1Data {\n  readonly parcelId: bigint;\n  readonly amount: common.Money;\n  readonly tags: readonly string[];\n}",
    );
    expect(text).toContain(
      "export interface ParcelOpenedData {\n  readonly parcelId: bigint;\n  readonly note?: string;\n  readonly attributes: Readonly<Record<string, number>>;\n}",
    );
    expect(text).toContain("export type ParcelEvent = ParcelOpenedData;");
    expect(text).toContain("export type BillingEvent = ParcelEvent;");
  });
});
