/**
 * The golden cases: every input whose generated output is committed under test/golden/expected/.
 * Hand-built models always; specs (examples/ and test/golden/specs/) through compile() once it exists.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generate, type GeneratedFile } from "../../../compiler/generate/index.js";
import { crossNamespaceModel } from "./cross-namespace-model.js";
import { edgeModel } from "./edge-model.js";
import { injectionModel } from "./injection-model.js";
import { shopModel } from "./shop-model.js";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const GOLDEN_DIR = fileURLToPath(new URL("../../golden/expected/", import.meta.url));

export interface GoldenCase {
  readonly name: string;
  readonly outputs: () => Promise<readonly GeneratedFile[]>;
}

const options = { rootDir: REPO_ROOT };

export const modelCases: readonly GoldenCase[] = [
  { name: "model-shop", outputs: async () => generate(shopModel(), options) },
  { name: "model-injection", outputs: async () => generate(injectionModel(), options) },
  { name: "model-cross-namespace", outputs: async () => generate(crossNamespaceModel(), options) },
  { name: "model-edge", outputs: async () => generate(edgeModel(), options) },
];

/** Folders of `.events` specs: each example, and each folder under test/golden/specs/. */
export function specFolders(): { name: string; dir: string }[] {
  const found: { name: string; dir: string }[] = [];
  for (const [prefix, root] of [
    ["example", `${REPO_ROOT}examples/`],
    ["spec", `${REPO_ROOT}test/golden/specs/`],
  ] as const) {
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (entry.isDirectory() && readdirSync(`${root}${entry.name}`).some((f) => f.endsWith(".events"))) {
        found.push({ name: `${prefix}-${entry.name}`, dir: `${root}${entry.name}` });
      }
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : 1));
}
