/**
 * The breaking-change check: the current specs against a locked (or older) canonical spec.
 * Every rule lives in `rules/`, one kind of change per file, and is listed here once.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Model } from "../model.js";
import { canonicalSpec, type CanonicalSpec } from "./canonical.js";
import { createComparison, type Comparison } from "./comparison.js";
import { canonicalFromLock, type LockFile } from "./lock-file.js";
import { PositionIndex } from "./positions.js";
import { checkEventPlacement } from "./rules/event-placement.js";
import { checkRemovedEventVersions, noteNewEventsAndVersions } from "./rules/event-versions.js";
import { checkLockedPayloads } from "./rules/locked-payloads.js";
import { checkTopicPartitions } from "./rules/topic-partitions.js";

export interface ComparisonResult {
  /** Breaking changes (errors) and risky ones (warnings), sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** Compatible changes, one sentence each, for `--verbose`. */
  readonly compatible: readonly string[];
}

const RULES: readonly ((comparison: Comparison) => void)[] = [
  checkRemovedEventVersions,
  checkEventPlacement,
  checkTopicPartitions,
  checkLockedPayloads,
  noteNewEventsAndVersions,
];

export function compareWithLock(lock: LockFile, model: Model): ComparisonResult {
  return compareSpecs(canonicalFromLock(lock), model);
}

/** Compares the model with an old canonical spec (from a lock file, or built from specs at a git revision). */
export function compareSpecs(old: CanonicalSpec, model: Model): ComparisonResult {
  const { comparison, diagnostics, compatible } = createComparison(old, canonicalSpec(model), new PositionIndex(model));
  for (const rule of RULES) rule(comparison);
  return { diagnostics: sortByPosition(diagnostics), compatible };
}

function sortByPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => {
      const fa = a.d.span?.file ?? "";
      const fb = b.d.span?.file ?? "";
      if (fa !== fb) return fa < fb ? -1 : 1;
      const oa = a.d.span?.start.offset ?? -1;
      const ob = b.d.span?.start.offset ?? -1;
      return oa - ob || a.index - b.index;
    })
    .map(({ d }) => d);
}
