/**
 * Keeping the lock file current, never silently: `eventc lock` and `eventc generate
 * --update-lock` write it only after checking the specs against the lock they replace (a lock
 * that recorded a breaking change would hide it from every later check), and `eventc generate`
 * without the flag only warns when the lock is out of date.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { evolutionDiagnostics as D, EvolutionPhrases as P } from "../diagnostics/catalogue/evolution.js";
import { createDiagnostic, formatMessage, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Model } from "../model.js";
import { compareWithLock } from "./compare.js";
import { compareKeys } from "./canonical-json.js";
import { buildLock, readLockFile, serializeLock, spanAt, type LockFile } from "./lock-file.js";

export interface LockUpdate {
  /** `refused`: the specs break the existing lock (or it is unreadable) and `force` was not given. */
  readonly status: "written" | "unchanged" | "refused";
  /** Breaking changes (as errors when refused, as warnings when forced), problems reading the old lock. */
  readonly diagnostics: readonly Diagnostic[];
  /** Compatible changes since the old lock, for `--verbose`. */
  readonly compatible: readonly string[];
}

export interface LockUpdateOptions {
  /** Write even over breaking changes (for specs whose events were never published). */
  readonly force?: boolean;
}

/** Writes the lock file for `model` at `lockPath` (the model must be free of errors). */
export function updateLock(model: Model, lockPath: string, options: LockUpdateOptions = {}): LockUpdate {
  const next = serializeLock(buildLock(model));
  let diagnostics: Diagnostic[] = [];
  let compatible: readonly string[] = [];
  if (existsSync(lockPath)) {
    const previous = readLockFile(lockPath);
    if (previous.lock) {
      const comparison = compareWithLock(previous.lock, model);
      diagnostics = [...previous.diagnostics, ...comparison.diagnostics];
      compatible = comparison.compatible;
    } else {
      diagnostics = [...previous.diagnostics];
    }
    if (hasErrors(diagnostics)) {
      if (!options.force) {
        const refusal = createDiagnostic(D.LockNotUpdated, undefined, { path: lockPath }, { hint: P.fixOrForce });
        return { status: "refused", diagnostics: [...diagnostics, refusal], compatible };
      }
      diagnostics = diagnostics.map((d) => (d.severity === "error" ? { ...d, severity: "warning" } : d));
    }
    if (readFileSync(lockPath, "utf8") === next) return { status: "unchanged", diagnostics, compatible };
  }
  mkdirSync(dirname(lockPath), { recursive: true });
  // Write to a temporary name and rename, so that an interrupted run never leaves half a lock file.
  const temporary = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(temporary, next);
  renameSync(temporary, lockPath);
  return { status: "written", diagnostics, compatible };
}

/**
 * For `eventc generate` without `--update-lock`: a warning when a lock file exists and no longer
 * matches the specs, naming the first few differences. No lock file: nothing (locking is opt-in).
 */
export function checkLockFreshness(model: Model, lockPath: string): Diagnostic[] {
  if (!existsSync(lockPath)) return [];
  const current = buildLock(model);
  const text = readFileSync(lockPath, "utf8");
  // The common case, cheaply: the lock is exactly what `eventc lock` would write now.
  if (text === serializeLock(current)) return [];
  const previous = readLockFile(lockPath);
  if (!previous.lock) return previous.diagnostics.map((d) => ({ ...d, severity: "warning" }));
  const changes = lockDifferences(previous.lock, current);
  if (changes.length === 0) return [];
  const examples = changes.slice(0, 3).join(", ") + (changes.length > 3 ? ", ..." : "");
  return [
    createDiagnostic(
      D.LockStale,
      spanAt(lockPath, text, 0),
      { path: lockPath, changes: formatMessage(P.staleChanges, { count: changes.length, examples }) },
      { hint: formatMessage(P.runLock, { path: lockPath }) },
    ),
  ];
}

/** Entries that differ between two locks, by fingerprint: `"ItemRepriced" v2 added`, `type "common.Money" changed`. */
export function lockDifferences(old: LockFile, current: LockFile): string[] {
  const changes: string[] = [];
  const compare = (label: string, a: string | undefined, b: string | undefined) => {
    if (a === b) return;
    changes.push(`${label} ${a === undefined ? "added" : b === undefined ? "removed" : "changed"}`);
  };
  for (const event of union(Object.keys(old.events), Object.keys(current.events))) {
    const a = old.events[event] ?? {};
    const b = current.events[event] ?? {};
    for (const version of union(Object.keys(a), Object.keys(b))) {
      compare(`"${event}" v${version}`, a[version]?.fingerprint, b[version]?.fingerprint);
    }
  }
  for (const type of union(Object.keys(old.types), Object.keys(current.types))) {
    compare(`type "${type}"`, old.types[type]?.fingerprint, current.types[type]?.fingerprint);
  }
  for (const topic of union(Object.keys(old.topics), Object.keys(current.topics))) {
    const a = old.topics[topic];
    const b = current.topics[topic];
    compare(`topic "${topic}"`, a && String(a.partitions), b && String(b.partitions));
  }
  return changes;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(compareKeys);
}
