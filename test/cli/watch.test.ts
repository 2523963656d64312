/**
 * `eventc generate --watch`: regenerates after a save of a spec or of an imported file, keeps
 * going after errors, and reacts within 200 ms of a save (the bound, measured from the
 * write to the start of the new run).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { watchGenerate, type GenerateRun, type Watcher } from "../../compiler/cli/commands/generate.js";

const SHOP = fileURLToPath(new URL("../../examples/shop/", import.meta.url));
let watcher: Watcher | undefined;
let dir: string | undefined;
afterEach(async () => {
  await watcher?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface TimedRun {
  readonly started: number;
  readonly run: GenerateRun;
}

/**
 * The first run that started after `savedAt` and has the expected exit code. One save may cause
 * more than one run (a write can raise several change events), so runs are not counted.
 */
function runAfter(runs: readonly TimedRun[], savedAt: number, exitCode: 0 | 1, timeoutMs = 10_000): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = () => {
      const found = runs.find((r) => r.started >= savedAt && r.run.exitCode === exitCode);
      if (found) resolve(found);
      else if (Date.now() > deadline) reject(new Error(`no run with exit code ${exitCode} after the save`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

describe("generate --watch", () => {
  it("regenerates on changes of a spec and of an imported file, within 200 ms, and survives errors", async () => {
    dir = mkdtempSync(join(tmpdir(), "eventc-watch-"));
    cpSync(SHOP, dir, { recursive: true, filter: (p) => !p.includes("generated") && !p.includes("dist") });
    const out: string[] = [];
    const err: string[] = [];
    const runs: TimedRun[] = [];
    let started = 0;
    watcher = watchGenerate(
      { cwd: dir, paths: [join(dir, "shop.events")], out: join(dir, "gen"), updateLock: false, format: "text", color: false },
      { out: (t) => void out.push(t), err: (t) => void err.push(t) },
      { onStart: () => void (started = performance.now()), onRun: (run) => void runs.push({ started, run }) },
    );
    expect(runs[0]?.run.exitCode).toBe(0);
    expect(runs[0]?.run.watched).toContain(join(dir, "common.events"));

    // A broken save: diagnostics are printed and watching goes on.
    const shop = readFileSync(join(dir, "shop.events"), "utf8");
    await settle();
    let saved = performance.now();
    writeFileSync(join(dir, "shop.events"), shop.replace("quantity: int @min(1)", "quantity: integer @min(1)"));
    const broken = await runAfter(runs, saved, 1);
    expect(broken.started - saved).toBeLessThan(200);
    expect(err.join("")).toContain('Unknown type "integer"');

    // Fixing it, then changing only the imported file, regenerates each time.
    await settle();
    saved = performance.now();
    writeFileSync(join(dir, "shop.events"), shop);
    await runAfter(runs, saved, 0);
    const common = readFileSync(join(dir, "common.events"), "utf8");
    await settle();
    saved = performance.now();
    writeFileSync(join(dir, "common.events"), common.replace("enum Currency { EUR, USD, GBP }", "enum Currency { EUR, USD, GBP, CHF }"));
    const fixed = await runAfter(runs, saved, 0);
    expect(fixed.started - saved).toBeLessThan(200);
    expect(readFileSync(join(dir, "gen", "common.ts"), "utf8")).toContain('"CHF"');
  });
});

/** Lets the events of the previous save be handled, so the next run is caused by the next save. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 150));
}
