/**
 * Reading a spec tree from a git revision in a temporary repository: the right files at the
 * right revision, imports readable, and a clear diagnostic for every way the target can be wrong.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseGitTarget, readGitSpecTree } from "../../../compiler/evolution/git-spec-tree.js";

let repo: string;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "eventc-git-"));
  git("init", "-q", "-b", "main");
  mkdirSync(join(repo, "specs", "nested"), { recursive: true });
  mkdirSync(join(repo, "specs", "node_modules"), { recursive: true });
  writeFileSync(join(repo, "specs", "shop.events"), "namespace shop // v1\n");
  writeFileSync(join(repo, "specs", "nested", "common.events"), "namespace common\n");
  writeFileSync(join(repo, "specs", "node_modules", "skip.events"), "namespace skipped\n");
  writeFileSync(join(repo, "specs", "README.md"), "not a spec\n");
  writeFileSync(join(repo, "outside.events"), "namespace outside\n");
  git("add", ".");
  git("commit", "-q", "-m", "v1");
  git("tag", "v1");
  // The working tree moves on: the tree at v1 must still read as it was.
  writeFileSync(join(repo, "specs", "shop.events"), "namespace shop // v2\n");
  writeFileSync(join(repo, "specs", "added.events"), "namespace added\n");
  git("add", ".");
  git("commit", "-q", "-m", "v2");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("readGitSpecTree", () => {
  it("lists the .events files under the path at the revision, skipping node_modules", () => {
    const { tree, diagnostics } = readGitSpecTree("v1:specs", repo);
    expect(diagnostics).toEqual([]);
    expect(tree?.files).toEqual([join(repo, "specs", "nested", "common.events"), join(repo, "specs", "shop.events")]);
    expect(tree?.readFile(join(repo, "specs", "shop.events"))).toBe("namespace shop // v1\n");
    expect(tree?.displayPath(join(repo, "specs", "shop.events"))).toBe("v1:specs/shop.events");
  });

  it("reads files outside the path (imports) and reports files that did not exist as undefined", () => {
    const { tree } = readGitSpecTree("v1:specs", repo);
    expect(tree?.readFile(join(repo, "outside.events"))).toBe("namespace outside\n");
    expect(tree?.readFile(join(repo, "specs", "added.events"))).toBeUndefined();
    expect(tree?.readFile(join(tmpdir(), "elsewhere.events"))).toBeUndefined();
  });

  it("takes paths from the repository root, or from the current folder with ./", () => {
    const fromSub = readGitSpecTree("main:specs/shop.events", join(repo, "specs", "nested"));
    expect(fromSub.tree?.files).toEqual([join(repo, "specs", "shop.events")]);
    const relative = readGitSpecTree("main:./common.events", join(repo, "specs", "nested"));
    expect(relative.tree?.files).toEqual([join(repo, "specs", "nested", "common.events")]);
    expect(readGitSpecTree("HEAD~1:.", repo).tree?.files).toHaveLength(3);
  });

  it("reports a revision that does not exist", () => {
    const { tree, diagnostics } = readGitSpecTree("nope:specs", repo);
    expect(tree).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["EV6030", 'Cannot read "specs" at git revision "nope": there is no such revision.'],
    ]);
  });

  it("reports a path the revision does not have, and a path without specs", () => {
    expect(readGitSpecTree("v1:specs/added.events", repo).diagnostics.map((d) => d.message)).toEqual([
      'Cannot read "specs/added.events" at git revision "v1": the revision has no such path.',
    ]);
    expect(readGitSpecTree("v1:specs/README.md", repo).diagnostics.map((d) => d.message)).toEqual([
      'Cannot read "specs/README.md" at git revision "v1": there are no .events files under it.',
    ]);
  });

  it("reports a folder that is not in a git repository", () => {
    const outside = mkdtempSync(join(tmpdir(), "eventc-not-git-"));
    try {
      const [d] = readGitSpecTree("main:specs", outside).diagnostics;
      expect(d?.code).toBe("EV6031");
      expect(d?.message).toMatch(new RegExp(`^Cannot run git in ${outside.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not a git repository`));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("reports an argument that is not REF:path", () => {
    for (const argument of ["main", ":specs", "main:"]) {
      const target = parseGitTarget(argument);
      expect(target).toMatchObject({ code: "EV6033", message: `Expected REF:path after --against-git, got "${argument}".` });
    }
    expect(parseGitTarget("origin/main:specs/shop.events")).toEqual({ ref: "origin/main", path: "specs/shop.events" });
  });
});
