/**
 * Reads a spec tree as it was at a git revision (`--against-git REF:path`), without touching the
 * working tree: `git ls-tree` lists the files, `git show` reads them. Paths follow git's own
 * `REF:path` rule: relative to the repository root, or to the current folder when they start
 * with `./` or `../`.
 *
 * The files get their real (absolute) paths, so that imports resolve exactly as they did at that
 * revision; `displayPath` turns such a path into `REF:path` for messages.
 */
import { execFileSync } from "node:child_process";
import { posix, relative, resolve, sep } from "node:path";
import { evolutionDiagnostics as D } from "../diagnostics/catalogue/evolution.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface GitTarget {
  readonly ref: string;
  readonly path: string;
}

export interface GitSpecTree {
  readonly ref: string;
  readonly path: string;
  /** Absolute paths of the `.events` files under `path` at `ref`, sorted. */
  readonly files: readonly string[];
  /** Reads any file of the repository at `ref` by absolute path; undefined when it did not exist there. */
  readonly readFile: (path: string) => string | undefined;
  /** `/repo/specs/shop.events` → `main:specs/shop.events`. */
  readonly displayPath: (path: string) => string;
}

export type GitSpecTreeResult = { readonly tree: GitSpecTree; readonly diagnostics: readonly [] } | { readonly tree?: undefined; readonly diagnostics: readonly Diagnostic[] };

export function parseGitTarget(argument: string): GitTarget | Diagnostic {
  const colon = argument.indexOf(":");
  const ref = colon > 0 ? argument.slice(0, colon) : "";
  const path = colon > 0 ? argument.slice(colon + 1) : "";
  if (ref === "" || path === "") return createDiagnostic(D.GitArgumentInvalid, undefined, { argument });
  return { ref, path };
}

export function readGitSpecTree(argument: string, cwd: string): GitSpecTreeResult {
  const target = parseGitTarget(argument);
  if ("code" in target) return { diagnostics: [target] };
  const { ref, path } = target;

  let root: string;
  try {
    root = git(["rev-parse", "--show-toplevel"], cwd).trim();
  } catch (error) {
    return { diagnostics: [createDiagnostic(D.GitUnavailable, undefined, { dir: cwd, problem: gitProblem(error) })] };
  }
  const notFound = (problem: string) => ({ diagnostics: [createDiagnostic(D.GitRevisionNotFound, undefined, { ref, path, problem })] });

  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root);
  } catch {
    return notFound("there is no such revision");
  }

  // Git's rule for REF:path: from the repository root, unless the path starts with ./ or ../
  const fromCwd = path === "." || path.startsWith("./") || path.startsWith("../");
  const inRepo = fromCwd ? relative(root, resolve(cwd, path)).split(sep).join("/") : posix.normalize(path);
  if (isOutside(inRepo)) return notFound("the path is outside the repository");
  const spec = inRepo === "" || inRepo === "." ? "." : inRepo.replace(/\/$/, "");

  let listing: string;
  try {
    listing = git(["ls-tree", "-r", "-z", "--name-only", ref, "--", spec], root);
  } catch (error) {
    return notFound(gitProblem(error));
  }
  const entries = listing.split("\0").filter((entry) => entry !== "");
  if (entries.length === 0) return notFound("the revision has no such path");
  const files = entries
    .filter((entry) => entry.endsWith(".events") && !entry.split("/").some((part) => part.startsWith(".") || part === "node_modules" || part === "dist"))
    .sort();
  if (files.length === 0) return notFound("there are no .events files under it");

  const cache = new Map<string, string | undefined>();
  const readFile = (absolute: string): string | undefined => {
    const inside = relative(root, absolute).split(sep).join("/");
    if (isOutside(inside)) return undefined;
    if (!cache.has(inside)) {
      try {
        cache.set(inside, git(["show", `${ref}:${inside}`], root));
      } catch {
        cache.set(inside, undefined);
      }
    }
    return cache.get(inside);
  };
  const tree: GitSpecTree = {
    ref,
    path,
    files: files.map((file) => resolve(root, file)),
    readFile,
    displayPath: (absolute) => `${ref}:${relative(root, absolute).split(sep).join("/")}`,
  };
  return { tree, diagnostics: [] };
}

function isOutside(relativePath: string): boolean {
  return relativePath === ".." || relativePath.startsWith("../");
}

function git(args: readonly string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}

/** The first line git wrote to stderr, or why git could not be started. */
function gitProblem(error: unknown): string {
  const e = error as { code?: string; stderr?: string | Buffer; message?: string };
  if (e.code === "ENOENT") return "git is not installed or not on PATH";
  const stderr = String(e.stderr ?? "").trim().split("\n")[0];
  return (stderr || e.message || String(error)).replace(/^fatal: /, "").replace(/\.$/, "");
}
