/** `eventc fmt`: `runFmt` on real folders (writing, --check, errors, config), and the built CLI. */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { runFmt, runFmtText } from "../../compiler/cli/commands/fmt.js";
import { CLI, runCli } from "../cli/run-cli.js";

const MESSY = "namespace a\ntype T { x: int, y: string }\n";
const CANONICAL = "namespace a\n\ntype T {\n  x: int\n  y: string\n}\n";
const BROKEN = "namespace b\ntype U { x: }\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "eventc-fmt-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out: () => out.join(""), err: () => err.join("") };
}

function write(path: string, text: string): string {
  const full = join(dir, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe("runFmt", () => {
  it("rewrites only the files that change and lists them", () => {
    const messy = write("specs/messy.events", MESSY);
    const tidy = write("specs/tidy.events", CANONICAL);
    const tidyMtime = statSync(tidy).mtimeMs;
    chmodSync(messy, 0o640);
    const c = capture();
    const run = runFmt({ cwd: dir, paths: ["specs"], check: false }, c.io);
    expect(run.exitCode).toBe(0);
    expect(readFileSync(messy, "utf8")).toBe(CANONICAL);
    expect(statSync(messy).mode & 0o777).toBe(0o640);
    expect(statSync(tidy).mtimeMs).toBe(tidyMtime);
    expect(c.out()).toBe("specs/messy.events\nFormatted 1 file, 1 already formatted.\n");
    expect(c.err()).toBe("");
    expect(readdirSync(join(dir, "specs")).sort()).toEqual(["messy.events", "tidy.events"]);
  });

  it("formats the file a symbolic link points to and keeps the link", () => {
    const target = write("shared/real.events", MESSY);
    mkdirSync(join(dir, "specs"));
    symlinkSync(target, join(dir, "specs", "linked.events"));
    const c = capture();
    expect(runFmt({ cwd: dir, paths: ["specs/linked.events"], check: false }, c.io).exitCode).toBe(0);
    expect(lstatSync(join(dir, "specs", "linked.events")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe(CANONICAL);
  });

  it("--check writes nothing, lists the unformatted files and exits 1", () => {
    const messy = write("messy.events", MESSY);
    write("tidy.events", CANONICAL);
    const c = capture();
    const run = runFmt({ cwd: dir, check: true }, c.io);
    expect(run.exitCode).toBe(1);
    expect(readFileSync(messy, "utf8")).toBe(MESSY);
    expect(c.out()).toBe('messy.events\n1 file not formatted (listed above), 1 formatted. Run "eventc fmt" to format them.\n');
  });

  it("--check exits 0 when every file is formatted", () => {
    write("a.events", CANONICAL);
    write("b/b.events", CANONICAL.replace("namespace a", "namespace b"));
    const c = capture();
    expect(runFmt({ cwd: dir, check: true }, c.io).exitCode).toBe(0);
    expect(c.out()).toBe("All 2 files formatted.\n");
  });

  it("leaves a file with syntax errors untouched, reports them with a code frame, still formats the others, exits 1", () => {
    const broken = write("broken.events", BROKEN);
    const messy = write("messy.events", MESSY);
    const c = capture();
    const run = runFmt({ cwd: dir, check: false }, c.io);
    expect(run.exitCode).toBe(1);
    expect(readFileSync(broken, "utf8")).toBe(BROKEN);
    expect(readFileSync(messy, "utf8")).toBe(CANONICAL);
    expect(c.err()).toContain("broken.events:2:13: error EV1003: Expected a type");
    expect(c.err()).toContain("2 | type U { x: }");
    expect(c.out()).toBe("messy.events\nFormatted 1 file, 0 already formatted.\n");
  });

  it("reports a missing path and a folder without specs", () => {
    const c = capture();
    expect(runFmt({ cwd: dir, paths: ["nope.events"], check: false }, c.io).exitCode).toBe(1);
    expect(c.err()).toContain('error EV9001: Cannot find "nope.events".');
    const d = capture();
    mkdirSync(join(dir, "empty"));
    expect(runFmt({ cwd: dir, paths: ["empty"], check: true }, d.io).exitCode).toBe(1);
    expect(d.err()).toContain('error EV9003: No .events files were found in "empty".');
  });

  it("defaults to the specs of eventc.config.json", () => {
    writeFileSync(join(dir, "eventc.config.json"), JSON.stringify({ specs: ["model"] }));
    const inside = write("model/m.events", MESSY);
    const outside = write("other/o.events", MESSY);
    const c = capture();
    expect(runFmt({ cwd: dir, check: false }, c.io).exitCode).toBe(0);
    expect(readFileSync(inside, "utf8")).toBe(CANONICAL);
    expect(readFileSync(outside, "utf8")).toBe(MESSY);
  });
});

describe("runFmtText (--stdin)", () => {
  it("prints the formatted text; with --check only answers by exit code", () => {
    const c = capture();
    expect(runFmtText(MESSY, { path: "x.events", check: false }, c.io)).toBe(0);
    expect(c.out()).toBe(CANONICAL);
    const d = capture();
    expect(runFmtText(MESSY, { path: "x.events", check: true }, d.io)).toBe(1);
    expect(runFmtText(CANONICAL, { path: "x.events", check: true }, d.io)).toBe(0);
    expect(d.out()).toBe("");
  });

  it("prints nothing on stdout for a text with syntax errors, and the errors on stderr", () => {
    const c = capture();
    expect(runFmtText(BROKEN, { path: "buffer.events", check: false }, c.io)).toBe(1);
    expect(c.out()).toBe("");
    expect(c.err()).toContain("buffer.events:2:13: error EV1003");
  });
});

function runCliWithStdin(args: readonly string[], input: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: "1" }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("eventc fmt (built CLI)", () => {
  it("--stdin formats what it reads", async () => {
    const result = await runCliWithStdin(["fmt", "--stdin", "--stdin-path", "buf.events"], MESSY);
    expect(result).toEqual({ status: 0, stdout: CANONICAL, stderr: "" });
    const broken = await runCliWithStdin(["fmt", "--stdin", "--stdin-path", "buf.events"], BROKEN);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toContain("buf.events:2:13: error EV1003");
    const usage = await runCliWithStdin(["fmt", "--stdin", "x.events"], MESSY);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("error EV9008: --stdin reads the text to format from stdin: give no paths with it.");
  });

  it("formats, then --check passes; --help shows the command", async () => {
    const file = write("x.events", MESSY);
    const check = await runCli(["fmt", "--check", file]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("x.events\n");
    const fmt = await runCli(["fmt", dir]);
    expect(fmt.stderr).toBe("");
    expect(fmt.status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(CANONICAL);
    const again = await runCli(["fmt", "--check", dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("All 1 file formatted.\n");
    const help = await runCli(["fmt", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--check");
  });
});
