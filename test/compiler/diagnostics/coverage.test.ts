import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allDiagnostics } from "../../../compiler/diagnostics/catalogue/index.js";

/** Codes whose tests live with the code that reports them, outside the checker (see their folders). */
const TESTED_ELSEWHERE = new Set([
  // Schema evolution: test/compiler/evolution.
  ...allDiagnostics().filter((d) => d.code.startsWith("EV6")).map((d) => d.code),
  // Reported by the CLI and the config loader (compiler/cli, compiler/config): test/compiler/cli.
  ...["EV9003", "EV9004", "EV9005", "EV9006", "EV9007", "EV9008"],
]);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

describe("every diagnostic code of the checker", () => {
  it("is asserted by at least one test", () => {
    const texts = testFiles("test/compiler").map((f) => readFileSync(f, "utf8")).join("\n");
    const untested = allDiagnostics()
      .map((d) => d.code)
      .filter((code) => !TESTED_ELSEWHERE.has(code) && !texts.includes(`"${code}"`));
    expect(untested).toEqual([]);
  });
});
