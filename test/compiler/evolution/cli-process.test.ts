/**
 * The evolution commands through the real `eventc` command line (compiler/cli/main.ts run with
 * tsx in a child process): exit codes 0, 1 and 2 and what is printed where.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCKED } from "./locked-spec.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = join(ROOT, "compiler", "cli", "main.ts");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
let dir: string;

function eventc(...args: string[]) {
  const run = spawnSync(TSX, [MAIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "eventc-cli-process-"));
  writeFileSync(join(dir, "shop.events"), LOCKED);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("eventc lock / check --against (child process)", () => {
  it("locks, passes an unchanged spec, fails a breaking one, and rejects conflicting options", () => {
    const lock = eventc("lock", "shop.events");
    expect([lock.code, lock.out]).toEqual([0, "Wrote events.lock.json\n"]);
    expect(JSON.parse(readFileSync(join(dir, "events.lock.json"), "utf8")).events["shop.ItemRepriced"]["1"].topic).toBe("shop.catalog");

    const same = eventc("check", "shop.events", "--against", "events.lock.json");
    expect([same.code, same.out, same.err]).toEqual([0, "No breaking changes against events.lock.json\n", ""]);

    writeFileSync(join(dir, "shop.events"), LOCKED.replace("partitions 4", "partitions 6"));
    const broken = eventc("check", "shop.events", "--against", "events.lock.json");
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("shop.events:10:1: error EV6015:");
    expect(broken.out).toBe("Breaking changes against events.lock.json (1 error, 0 warnings)\n");

    const usage = eventc("check", "shop.events", "--against", "a.json", "--against-git", "main:specs");
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("mutually exclusive");
  }, 240_000);
});
