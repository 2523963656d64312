/**
 * Type-checks a folder of `.ts` modules with the project's TypeScript (strict,
 * noUncheckedIndexedAccess, exactOptionalPropertyTypes, skipLibCheck) in a fresh process,
 * as a user's build would. The folder gets a throwaway `tsconfig.json`, an ESM
 * `package.json`, and `node_modules/eventc` linked to this repository so that
 * `import ... from "eventc/runtime"` resolves through the package's own exports (its .d.ts).
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { measureNode, type ProcessMeasurement } from "./measure-process.js";

export const STRICT_COMPILER_OPTIONS = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2023"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  noEmit: true,
} as const;

/** Prepares `dir` (which already holds the modules) for a standalone tsc run. */
export async function prepareTscProject(dir: string, repoRoot: string): Promise<void> {
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: STRICT_COMPILER_OPTIONS, include: ["*.ts"] }, null, 2));
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "eventc-bench-consumer", private: true, type: "module" }));
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(repoRoot, join(dir, "node_modules", "eventc"), "dir").catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
}

export function runTsc(dir: string, repoRoot: string): Promise<ProcessMeasurement> {
  const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  return measureNode([tsc, "--noEmit", "-p", join(dir, "tsconfig.json")], { cwd: dir });
}

/** Number of `error TS` lines in tsc's output. */
export function countTscErrors(measurement: ProcessMeasurement): number {
  return (measurement.stdout.match(/error TS\d+/g) ?? []).length;
}
