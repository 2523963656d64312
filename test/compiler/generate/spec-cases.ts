/**
 * Golden cases driven from `.events` sources through the compiler's `compile()`: the examples
 * and the specs under test/golden/specs/. Empty (with a printed reason) while compile() does not exist.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { specFolders, REPO_ROOT, type GoldenCase } from "./golden-cases.js";
import { compileFolder } from "./compile-specs.js";

export async function specCases(): Promise<GoldenCase[]> {
  if (!existsSync(join(REPO_ROOT, "compiler/compile.ts"))) {
    console.warn("golden spec cases not run: compiler/compile.ts does not exist yet (only hand-built models are compared)");
    return [];
  }
  return specFolders().map(({ name, dir }) => ({
    name,
    outputs: () => compileFolder(readdirSync(dir).filter((f) => f.endsWith(".events")).map((f) => join(dir, f))),
  }));
}
