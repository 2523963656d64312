/**
 * Everything the log stores is JSON. Payloads may hold bigint (spec `long`), which JSON cannot
 * represent: it is written as a decimal string, the JSON form generated decoders accept.
 */
import { ValidationError } from "./errors.js";

/** Serializes a payload to JSON text; bigint → decimal string. Rejects what JSON cannot hold faithfully. */
export function encodeJson(value: unknown, subject = "event data"): string {
  const problem = findUnencodable(value, "$", new Set());
  if (problem) throw new ValidationError(subject, [problem]);
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** The JSON form of a value: what reading it back from any backend gives. */
export function toJsonForm(value: unknown, subject?: string): unknown {
  return JSON.parse(encodeJson(value, subject)) as unknown;
}

// undefined at the root, functions, symbols and non-finite numbers would silently change meaning.
function findUnencodable(value: unknown, path: string, seen: Set<object>): { path: string; message: string } | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "bigint":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : { path, message: "must be a finite number" };
    case "undefined":
      return path === "$" ? { path, message: "is required (a JSON value)" } : undefined;
    case "function":
    case "symbol":
      return { path, message: `cannot be stored as JSON (a ${typeof value})` };
    case "object": {
      if (value === null) return undefined;
      if (seen.has(value)) return { path, message: "is a circular reference" };
      if (typeof (value as { toJSON?: unknown }).toJSON === "function") return undefined; // Date and friends
      // JSON.stringify would write these as {} and lose their contents.
      if (value instanceof Map || value instanceof Set || value instanceof WeakMap || value instanceof WeakSet) {
        return { path, message: `cannot be stored as JSON (a ${value.constructor.name}; use an object or an array)` };
      }
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            if (value[i] === undefined) return { path: `${path}[${i}]`, message: "must not be undefined (JSON would store null)" };
            const problem = findUnencodable(value[i], `${path}[${i}]`, seen);
            if (problem) return problem;
          }
          return undefined;
        }
        for (const [key, child] of Object.entries(value)) {
          if (child === undefined) continue; // an absent optional field
          const problem = findUnencodable(child, `${path}.${key}`, seen);
          if (problem) return problem;
        }
        return undefined;
      } finally {
        seen.delete(value);
      }
    }
  }
}
