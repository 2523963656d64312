/**
 * Writes generated modules to a fresh temporary folder and imports one of them, so tests run
 * the generated code itself (vitest resolves its `eventc/runtime` import to runtime/index.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { GeneratedFile } from "../../../compiler/generate/index.js";

export async function loadGenerated(outputs: readonly GeneratedFile[], module: string): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "eventc-generated-"));
  for (const o of outputs) writeFileSync(join(dir, o.path), o.content);
  return (await import(pathToFileURL(join(dir, module)).href)) as Record<string, unknown>;
}

/** The `ok: false` side of a validation result, for assertions. */
export interface Validated {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

/** A generated validator by name from a module's `validateX` object. */
export function validator(mod: Record<string, unknown>, object: string, name: string): (value: unknown) => Validated {
  const validators = mod[object] as Record<string, (value: unknown) => Validated> | undefined;
  const fn = validators?.[name];
  if (fn === undefined) throw new Error(`${object}.${name} is not generated`);
  return fn;
}
