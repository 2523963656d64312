/**
 * Finds the `.events` files named by the user: files as given, folders searched recursively
 * (skipping node_modules and dot-folders). Sorted, absolute, without repeats, so that every
 * later phase sees the same order whatever the file system returns.
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export interface CollectedSpecs {
  readonly files: readonly string[];
  /** Paths that do not exist (reported by the caller as diagnostics). */
  readonly missing: readonly string[];
}

const SKIPPED_FOLDERS = new Set(["node_modules", "dist"]);

export function collectSpecFiles(paths: readonly string[]): CollectedSpecs {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      missing.push(given);
      continue;
    }
    if (stats.isDirectory()) walk(path, files);
    else files.add(path);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, into: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile() && entry.name.endsWith(".events")) into.add(path);
  }
}
