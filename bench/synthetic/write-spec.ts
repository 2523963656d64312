/**
 * Writes a large synthetic spec to disk: one `.events` file per namespace (a shared `common`
 * namespace plus `namespaces` domain namespaces that import it and each other). Used by the
 * compile benchmark and by tests that need "a large synthetic spec".
 *
 *   const { files } = await writeSyntheticSpecs({ events: 1000, dir: tmp });
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderEventsFile } from "./render-events.js";
import { buildSyntheticSpec, type SyntheticCounts, type SyntheticSpec, type SyntheticSpecOptions } from "./synthetic-spec.js";

export interface WriteSyntheticSpecsOptions extends SyntheticSpecOptions {
  /** Folder to write into (created if missing). */
  readonly dir: string;
}

export interface SyntheticSource {
  /** File name relative to the folder, e.g. `billing.events`. */
  readonly fileName: string;
  readonly text: string;
}

export interface WrittenSyntheticSpecs {
  /** Absolute (or `dir`-joined) paths of the written files, `common.events` first. */
  readonly files: readonly string[];
  readonly counts: SyntheticCounts;
  /** Total lines of spec written. */
  readonly lines: number;
  readonly spec: SyntheticSpec;
}

/** The spec as file texts, without touching the disk (for in-memory `compile({ files })`). */
export function syntheticSpecSources(options: SyntheticSpecOptions): { readonly spec: SyntheticSpec; readonly sources: readonly SyntheticSource[] } {
  const spec = buildSyntheticSpec(options);
  return { spec, sources: spec.namespaces.map((ns) => ({ fileName: ns.fileName, text: renderEventsFile(ns) })) };
}

export async function writeSyntheticSpecs(options: WriteSyntheticSpecsOptions): Promise<WrittenSyntheticSpecs> {
  const { spec, sources } = syntheticSpecSources(options);
  await mkdir(options.dir, { recursive: true });
  const files: string[] = [];
  let lines = 0;
  for (const source of sources) {
    const path = join(options.dir, source.fileName);
    await writeFile(path, source.text);
    files.push(path);
    lines += source.text.split("\n").length;
  }
  return { files, counts: spec.counts, lines, spec };
}
