/**
 * examples/migration stays true: its lock file is the first release's, today's spec passes the
 * check against it, main.ts type-checks with the generated modules (and does not without its
 * upcaster), and running it reads v1 events as v2 and records a correction with causationId.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compile } from "../../../compiler/compile.js";
import { compareWithLock } from "../../../compiler/evolution/compare.js";
import { buildLock, parseLock, serializeLock } from "../../../compiler/evolution/lock-file.js";
import type { GeneratedFile } from "../../../compiler/generate/index.js";
import { openLog } from "../../../runtime/index.js";

const EXAMPLE = "examples/migration";
const read = (file: string) => readFileSync(join(EXAMPLE, file), "utf8");

function generated(file: string): GeneratedFile[] {
  const result = compile({ files: [join(EXAMPLE, file)] });
  expect(result.diagnostics).toEqual([]);
  return [...result.outputs];
}

let firstRelease: GeneratedFile[];
let today: GeneratedFile[];
let work: string;

beforeAll(() => {
  firstRelease = generated("before/catalog.events").map((o) => ({ ...o, path: `generated/first-release/${o.path}` }));
  today = generated("catalog.events").map((o) => ({ ...o, path: `generated/today/${o.path}` }));
  work = mkdtempSync(join(tmpdir(), "eventc-migration-example-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("examples/migration", () => {
  it("commits the first release's lock file, and today's spec is compatible with it", () => {
    const before = compile({ files: [join(EXAMPLE, "before/catalog.events")], generate: false });
    expect(read("events.lock.json")).toBe(serializeLock(buildLock(before.model!)));
    const lock = parseLock(read("events.lock.json"), "events.lock.json").lock!;
    const now = compile({ files: [join(EXAMPLE, "catalog.events")], generate: false });
    const result = compareWithLock(lock, now.model!);
    expect(result.diagnostics).toEqual([]);
    expect(result.compatible).toEqual(['new defaulted (= "EUR") field "currency" in "ItemListed" v1', 'new version "ItemRepriced" v2']);
  });

  it("main.ts type-checks in strict mode, and leaving out the upcaster is a type error", async () => {
    const { typecheckOutputs, formatTypecheckDiagnostics } = await import("../../../compiler/generate/typecheck.js");
    const main = { path: "main.ts", content: read("main.ts") };
    const clean = typecheckOutputs([...firstRelease, ...today], { runtimeTypes: "runtime/index.ts", extraFiles: [main] });
    expect(formatTypecheckDiagnostics(clean)).toBe("");

    const withoutUpcaster = main.content.replace(/const upcasters: CatalogUpcasters = \{[\s\S]*?\n\};\n/, "const upcasters: CatalogUpcasters = {};\n");
    expect(withoutUpcaster).not.toBe(main.content);
    const broken = typecheckOutputs([...firstRelease, ...today], {
      runtimeTypes: "runtime/index.ts",
      extraFiles: [{ path: "main.ts", content: withoutUpcaster }],
    });
    expect(broken.map((d) => [d.file, d.message])).toEqual([["main.ts", expect.stringContaining("ItemRepriced")]]);
  }, 180_000);

  it("runs: v1 events read as v2 with the log unchanged, and a correction points at the wrong event", async () => {
    for (const o of [...firstRelease, ...today]) {
      mkdirSync(join(work, o.path, ".."), { recursive: true });
      writeFileSync(join(work, o.path), o.content);
    }
    copyFileSync(join(EXAMPLE, "main.ts"), join(work, "main.ts"));
    const dataDir = join(work, "data");
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    process.env["EVENTC_MIGRATION_DIR"] = dataDir;
    try {
      await import(pathToFileURL(join(work, "main.ts")).href);
    } finally {
      spy.mockRestore();
      delete process.env["EVENTC_MIGRATION_DIR"];
    }
    const output = lines.join("\n");
    expect(output).toContain(
      'catalog.ItemRepriced v2 (stored as v1), version 2: {"sku":"A-1","price":{"amount":"17.50","currency":"EUR"},"reason":"summer sale"}',
    );
    expect(output).toContain('catalog.ItemListed v1 (stored as v1), version 1: {"sku":"A-1","title":"Lamp","price":"19.90","currency":"EUR"}');
    expect(output).toContain("log bytes unchanged by reading: true");
    expect(output).toContain('prices after replay: {"A-1":"17.50 EUR","B-2":"49.00 EUR"}');

    const log = await openLog({ dir: dataDir, readOnly: true });
    try {
      const events = [];
      for await (const e of log.readKey("catalog.items", "B-2")) events.push(e);
      const [, wrong, correction] = events;
      expect(wrong).toMatchObject({ type: "catalog.ItemRepriced", schemaVersion: 2, data: { price: { amount: "4.90" } } });
      expect(correction).toMatchObject({
        type: "catalog.ItemRepriced",
        causationId: wrong!.id,
        data: { price: { amount: "49.00" }, reason: `correction of ${wrong!.id}` },
      });
    } finally {
      await log.close();
    }
  });
});
