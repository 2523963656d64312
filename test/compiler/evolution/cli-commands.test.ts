/**
 * The command functions behind `eventc lock`, `eventc check --against/--against-git` and
 * `eventc generate --update-lock`: real spec files in a temporary folder (and a temporary git
 * repository), real compile, output captured.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileForEvolution, runCheckAgainst } from "../../../compiler/cli/commands/check-against.js";
import { generateLockStep, runLock } from "../../../compiler/cli/commands/lock.js";
import type { CompiledSpecs } from "../../../compiler/cli/commands/evolution-output.js";
import { compile } from "../../../compiler/compile.js";
import { LOCKED } from "./locked-spec.js";

let dir: string;
let spec: string;
let lockPath: string;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out: () => out.join(""), err: () => err.join("") };
}

function compiled(): CompiledSpecs {
  const result = compile({ files: [spec], generate: false });
  return { diagnostics: result.diagnostics, sources: result.sources, ...(result.model ? { model: result.model } : {}) };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "eventc-cli-evolution-"));
  mkdirSync(join(dir, "specs"));
  spec = join(dir, "specs", "shop.events");
  lockPath = join(dir, "events.lock.json");
  writeFileSync(spec, LOCKED);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("eventc lock", () => {
  it("writes the lock, then says it is up to date", () => {
    const first = io();
    expect(runLock(compiled(), { lock: lockPath, cwd: dir }, first.io)).toBe(0);
    expect(first.out()).toBe("Wrote events.lock.json\n");
    expect(JSON.parse(readFileSync(lockPath, "utf8")).formatVersion).toBe(1);
    const second = io();
    expect(runLock(compiled(), { lock: lockPath, cwd: dir }, second.io)).toBe(0);
    expect(second.out()).toBe("events.lock.json is up to date\n");
  });

  it("refuses a breaking change with a code frame, and records it with --force", () => {
    runLock(compiled(), { lock: lockPath, cwd: dir }, io().io);
    const locked = readFileSync(lockPath, "utf8");
    writeFileSync(spec, LOCKED.replace("partitions 4", "partitions 6"));
    const refused = io();
    expect(runLock(compiled(), { lock: lockPath, cwd: dir }, refused.io)).toBe(1);
    expect(refused.err()).toContain(
      "specs/shop.events:10:1: error EV6015: Topic \"shop.catalog\" changed from 4 to 6 partitions, but its events are already in the log.\n",
    );
    expect(refused.err()).toContain("10 | topic catalog {");
    expect(refused.err()).toContain(`error EV6024: Lock file "${lockPath}" was not updated: the specs break events it locks.`);
    expect(refused.out()).toBe("events.lock.json not written (2 errors, 0 warnings)\n");
    expect(readFileSync(lockPath, "utf8")).toBe(locked);

    const forced = io();
    expect(runLock(compiled(), { lock: lockPath, cwd: dir, force: true }, forced.io)).toBe(0);
    expect(forced.err()).toContain("warning EV6015");
    expect(forced.out()).toBe("Wrote events.lock.json (forced over breaking changes) (0 errors, 1 warning)\n");
  });

  it("writes nothing when the specs have errors", () => {
    writeFileSync(spec, LOCKED.replace("price: Money\n    tags", "price: Mony\n    tags"));
    const run = io();
    expect(runLock(compiled(), { lock: lockPath, cwd: dir }, run.io)).toBe(1);
    expect(run.err()).toContain("EV2002");
    expect(existsSync(lockPath)).toBe(false);
  });
});

describe("eventc check --against", () => {
  beforeEach(() => {
    runLock(compiled(), { lock: lockPath, cwd: dir }, io().io);
  });

  it("passes compatible changes and lists them with --verbose", () => {
    writeFileSync(spec, LOCKED.replace("{ EUR, USD, GBP }", "{ EUR, USD, GBP, CHF }"));
    const quiet = io();
    expect(runCheckAgainst(compiled(), { against: lockPath, cwd: dir }, compileForEvolution, quiet.io)).toBe(0);
    expect(quiet.out()).toBe("No breaking changes against events.lock.json (1 compatible change(s); --verbose lists them)\n");
    const verbose = io();
    expect(runCheckAgainst(compiled(), { against: lockPath, cwd: dir, verbose: true }, compileForEvolution, verbose.io)).toBe(0);
    expect(verbose.out()).toBe('compatible: new member "CHF" in enum "Currency"\nNo breaking changes against events.lock.json (1 compatible change(s))\n');
  });

  it("fails on a breaking change, as text and as JSON", () => {
    writeFileSync(spec, LOCKED.replace("    discount?: int", "    discount?: long"));
    const text = io();
    expect(runCheckAgainst(compiled(), { against: lockPath, cwd: dir }, compileForEvolution, text.io)).toBe(1);
    expect(text.err()).toContain('specs/shop.events:30:5: error EV6003: Field "discount" of "ItemRepriced" v1 changed type from int to long');
    expect(text.err()).toContain("= help: Keep `discount: int` in \"ItemRepriced\" v1;");
    expect(text.out()).toBe("Breaking changes against events.lock.json (1 error, 0 warnings)\n");
    const json = io();
    expect(runCheckAgainst(compiled(), { against: lockPath, cwd: dir, format: "json" }, compileForEvolution, json.io)).toBe(1);
    expect(JSON.parse(json.out())).toEqual([
      expect.objectContaining({ file: "specs/shop.events", line: 30, column: 5, code: "EV6003", severity: "error" }),
    ]);
  });

  it("reports a missing lock file", () => {
    const run = io();
    expect(runCheckAgainst(compiled(), { against: join(dir, "missing.json"), cwd: dir }, compileForEvolution, run.io)).toBe(1);
    expect(run.err()).toContain(`error EV6020: Lock file "${join(dir, "missing.json")}" does not exist.`);
  });
});

describe("eventc check --against-git", () => {
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });

  beforeEach(() => {
    git("init", "-q", "-b", "main");
    git("add", "specs");
    git("commit", "-q", "-m", "first release");
  });

  it("compares with the specs at a revision, whatever the working tree holds", () => {
    writeFileSync(spec, LOCKED.replace("{ EUR, USD, GBP }", "{ EUR, USD }"));
    const run = io();
    expect(runCheckAgainst(compiled(), { againstGit: "main:specs", cwd: dir }, compileForEvolution, run.io)).toBe(1);
    expect(run.err()).toContain('specs/shop.events:3:1: error EV6007: Member "GBP" was removed from enum "Currency"');
    expect(run.out()).toBe("Breaking changes against main:specs (1 error, 0 warnings)\n");

    writeFileSync(spec, LOCKED.replace("{ EUR, USD, GBP }", "{ EUR, USD, GBP, CHF }"));
    const ok = io();
    expect(runCheckAgainst(compiled(), { againstGit: "main:specs", cwd: dir, verbose: true }, compileForEvolution, ok.io)).toBe(0);
    expect(ok.out()).toContain('compatible: new member "CHF" in enum "Currency"');
  });

  it("explains a revision or path that does not exist", () => {
    const badRef = io();
    expect(runCheckAgainst(compiled(), { againstGit: "release-9:specs", cwd: dir }, compileForEvolution, badRef.io)).toBe(1);
    expect(badRef.err()).toContain('error EV6030: Cannot read "specs" at git revision "release-9": there is no such revision.');
    const badPath = io();
    expect(runCheckAgainst(compiled(), { againstGit: "main:spec", cwd: dir }, compileForEvolution, badPath.io)).toBe(1);
    expect(badPath.err()).toContain('error EV6030: Cannot read "spec" at git revision "main": the revision has no such path.');
  });

  it("reports old specs that do not compile, with their paths at the revision", () => {
    writeFileSync(spec, LOCKED.replace("price: Money\n    tags", "price: Mony\n    tags"));
    git("commit", "-q", "-am", "broken");
    writeFileSync(spec, LOCKED);
    const run = io();
    expect(runCheckAgainst(compiled(), { againstGit: "main:specs", cwd: dir }, compileForEvolution, run.io)).toBe(1);
    expect(run.err()).toContain('error EV6032: The specs at "main:specs" have errors, so they cannot be compared with the current ones.');
    expect(run.err()).toContain("main:specs/shop.events:23:12: error EV2002");
  });
});

describe("eventc generate --update-lock", () => {
  it("without the flag never writes; warns only when an existing lock is stale", () => {
    const model = compiled().model!;
    expect(generateLockStep(model, { lock: lockPath, updateLock: false })).toEqual({ diagnostics: [] });
    expect(existsSync(lockPath)).toBe(false);
    expect(generateLockStep(model, { lock: lockPath, updateLock: true, cwd: dir })).toEqual({ diagnostics: [], message: "Updated events.lock.json" });
    writeFileSync(spec, LOCKED.replace("{ EUR, USD, GBP }", "{ EUR, USD, GBP, CHF }"));
    const stale = generateLockStep(compiled().model!, { lock: lockPath, updateLock: false });
    expect(stale.diagnostics.map((d) => d.code)).toEqual(["EV6023"]);
    expect(generateLockStep(compiled().model!, { lock: lockPath, updateLock: true, cwd: dir }).message).toBe("Updated events.lock.json");
    expect(generateLockStep(compiled().model!, { lock: lockPath, updateLock: false }).diagnostics).toEqual([]);
  });
});
