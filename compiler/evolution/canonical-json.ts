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
  return write(value, undefined, "");
}

/** Readable canonical form: 2-space indentation, sorted keys, no trailing newline. */
export function prettyCanonicalJson(value: JsonValue): string {
  return write(value, "  ", "");
}

export function compareKeys(a: string, b: string): number {
  const ai = INTEGER.test(a);
  const bi = INTEGER.test(b);
  if (ai && bi) return Number(a) - Number(b);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const INTEGER = /^(0|[1-9][0-9]{0,8})$/;

function write(value: JsonValue, indent: string | undefined, current: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    // JSON has no NaN/Infinity; the model never holds them, but a hash must not silently accept them.
    if (!Number.isFinite(value)) throw new Error(`cannot write ${String(value)} as canonical JSON`);
    return JSON.stringify(value);
  }
  const inner = indent === undefined ? "" : current + indent;
  const open = indent === undefined ? "" : `\n${inner}`;
  const close = indent === undefined ? "" : `\n${current}`;
  const separator = indent === undefined ? "," : `,\n${inner}`;
  if (isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${open}${value.map((item) => write(item, indent, inner)).join(separator)}${close}]`;
  }
  const keys = Object.keys(value).sort(compareKeys);
  const entries = keys.flatMap((key) => {
    const item = value[key];
    return item === undefined ? [] : [`${JSON.stringify(key)}:${indent === undefined ? "" : " "}${write(item, indent, inner)}`];
  });
  if (entries.length === 0) return "{}";
  return `{${open}${entries.join(separator)}${close}}`;
}

function isArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}
