/**
 * Golden files: the generated output of every case is compared with the committed files under
 * test/golden/expected/<case>/<module>.ts.golden. Run with UPDATE_GOLDEN=1 to rewrite them;
 * review the diff like any code change.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../../compiler/generate/index.js";
import { GOLDEN_DIR, modelCases, type GoldenCase } from "./golden-cases.js";
import { specCases } from "./spec-cases.js";

const update = process.env["UPDATE_GOLDEN"] === "1";

function compareWithGolden(name: string, outputs: readonly GeneratedFile[]): void {
  const dir = join(GOLDEN_DIR, name);
  const expectedFiles = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".ts.golden")).sort() : [];
  if (update) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const o of outputs) writeFileSync(join(dir, `${o.path}.golden`), o.content);
    return;
  }
  expect(outputs.map((o) => `${o.path}.golden`).sort(), `modules of ${name} (UPDATE_GOLDEN=1 to accept)`).toEqual(expectedFiles);
  for (const o of outputs) {
    const expected = readFileSync(join(dir, `${o.path}.golden`), "utf8");
    expect(o.content, `${name}/${o.path} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(expected);
  }
}

function goldenSuite(title: string, cases: readonly GoldenCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(`${c.name} matches its golden files`, async () => {
        compareWithGolden(c.name, await c.outputs());
      });
    }
  });
}

goldenSuite("golden output of hand-built models", modelCases);
const specs = await specCases();
if (specs.length > 0) goldenSuite("golden output of specs", specs);
