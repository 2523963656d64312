/**
 * `eventc init`: the scaffolded project passes `npm test` right after `npm install`
 * (a real install, with eventc linked from this checkout), and init never overwrites files.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInit } from "../../compiler/cli/commands/init.js";
import { ROOT, runCli } from "./run-cli.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function npm(args: readonly string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", npm_config_fund: "false", npm_config_audit: "false" } });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("eventc init", () => {
  it("scaffolds a project whose tests pass right after npm install", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "eventc-init-")), "my-events");
    dirs.push(join(dir, ".."));
    const init = await runCli(["init", dir, "--eventc-dependency", `file:${ROOT}`]);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain("created");
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toMatchObject({ name: "my-events", dependencies: { eventc: `file:${ROOT}` } });
    const install = await npm(["install", "--no-audit", "--no-fund"], dir);
    expect(install.status, install.output).toBe(0);
    const test = await npm(["test"], dir);
    expect(test.status, test.output).toBe(0);
    expect(test.output).toMatch(/# pass 1\b/);
    expect(test.output).toMatch(/# fail 0\b/);
  }, 300_000);

  it("keeps files that already exist", () => {
    const dir = mkdtempSync(join(tmpdir(), "eventc-init-"));
    dirs.push(dir);
    mkdirSync(join(dir, "specs"));
    writeFileSync(join(dir, "specs", "tasks.events"), "namespace mine\n");
    const result = runInit({ dir, name: "x" });
    expect(result.skipped).toEqual(["specs/tasks.events"]);
    expect(result.written).toContain("package.json");
    expect(readFileSync(join(dir, "specs", "tasks.events"), "utf8")).toBe("namespace mine\n");
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).dependencies.eventc).toBe("^0.1.0");
  });
});
