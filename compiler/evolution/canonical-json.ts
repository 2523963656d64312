/**
 * Canonical JSON: one byte sequence per value, whatever order its keys were built in, so that
 * fingerprints are stable across runs, platforms and Node versions. Object keys are sorted
 * (integer-like keys numerically, others by UTF-16 code units, which is what JavaScript's
 * own object order does for integer keys anyway); numbers and strings use JSON.stringify,
 * whose output the ECMAScript specification fixes exactly.
 */
import type { JsonValue } from "../model.js";

/** Compact canonical form: the input of a fingerprint. */
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(sortedDeep(value));
}

/** Readable canonical form: 2-space indentation, sorted keys, no trailing newline. */
export function prettyCanonicalJson(value: JsonValue): string {
  return JSON.stringify(sortedDeep(value), null, 2);
}

export function compareKeys(a: string, b: string): number {
  const ai = INTEGER.test(a);
  const bi = INTEGER.test(b);
  if (ai && bi) return Number(a) - Number(b);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// Array-index-like keys: JavaScript itself orders these first, ascending, in every object, so
// sorting them the same way keeps the order JSON.stringify writes equal to the sorted order.
const INTEGER = /^(0|[1-9][0-9]{0,8})$/;

/** A copy with every object's keys inserted in sorted order (JSON.stringify writes insertion order). */
function sortedDeep(value: JsonValue): JsonValue {
  if (typeof value === "number" && !Number.isFinite(value)) {
    // JSON has no NaN/Infinity; the model never holds them, but a hash must not silently accept them.
    throw new Error(`cannot write ${String(value)} as canonical JSON`);
  }
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map(sortedDeep);
  const record = value as { readonly [key: string]: JsonValue };
  const sorted: Record<string, JsonValue> = {};
  for (const key of Object.keys(record).sort(compareKeys)) {
    const item = record[key];
    if (item !== undefined) sorted[key] = sortedDeep(item);
  }
  return sorted;
}
