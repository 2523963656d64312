/**
 * Building blocks generated decoders compose: objects and their fields, enum members, lists and
 * maps. Results are frozen; objects are built so that keys such as `__proto__` stay plain data.
 */
import { indexPath, memberPath } from "./json-path.js";
import type { Decoder, ValidationIssue } from "./result.js";

/** A JSON object as generated decoders read it. */
export type JsonObject = { readonly [key: string]: unknown };

/** The value as an object (not null, not an array), or an issue. */
export function decodeObject(value: unknown, path: string, issues: ValidationIssue[]): JsonObject | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as JsonObject;
  issues.push({ path, message: "must be an object" });
  return undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

// Fields are read as own properties only: `obj["constructor"]` would otherwise find Object.prototype's.
function read(obj: JsonObject, name: string): unknown {
  return hasOwn.call(obj, name) ? obj[name] : undefined;
}

/** Field `name` of `obj`, which must be present. */
export function requiredField<T>(obj: JsonObject, name: string, path: string, issues: ValidationIssue[], decode: Decoder<T>): T | undefined {
  const value = read(obj, name);
  if (value === undefined) {
    issues.push({ path: memberPath(path, name), message: "is required" });
    return undefined;
  }
  return decode(value, memberPath(path, name), issues);
}

/** Field `name` of `obj`, which may be absent (`name?: T`): absent stays undefined. */
export function optionalField<T>(obj: JsonObject, name: string, path: string, issues: ValidationIssue[], decode: Decoder<T>): T | undefined {
  const value = read(obj, name);
  return value === undefined ? undefined : decode(value, memberPath(path, name), issues);
}

/** Field `name` of `obj`, with a default: absent decodes `fallback` (a fresh JSON literal at every call, so nothing is shared). */
export function defaultedField<T>(
  obj: JsonObject,
  name: string,
  fallback: unknown,
  path: string,
  issues: ValidationIssue[],
  decode: Decoder<T>,
): T | undefined {
  const value = read(obj, name);
  return decode(value === undefined ? fallback : value, memberPath(path, name), issues);
}

/** Reports every own key of `obj` that is not in `known` as `is not a field of <typeName>`. */
export function rejectUnknownFields(
  obj: JsonObject,
  known: ReadonlySet<string>,
  typeName: string,
  path: string,
  issues: ValidationIssue[],
): void {
  for (const key of Object.keys(obj)) {
    if (!known.has(key)) issues.push({ path: memberPath(path, key), message: `is not a field of ${typeName}` });
  }
}

/** One of an enum's members. */
export function decodeMember<T extends string>(
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  members: readonly T[],
): T | undefined {
  if (typeof value === "string" && (members as readonly string[]).includes(value)) return value as T;
  issues.push({ path, message: `must be one of ${members.map((m) => JSON.stringify(m)).join(", ")}` });
  return undefined;
}

/** A decoder of `list<T>` from a decoder of T. */
export function listOf<T>(decodeElement: Decoder<T>): Decoder<readonly T[]> {
  return (value, path, issues) => decodeList(value, path, issues, decodeElement);
}

/** A decoder of `map<string, T>` from a decoder of T. */
export function mapOf<T>(decodeValue: Decoder<T>): Decoder<{ readonly [key: string]: T }> {
  return (value, path, issues) => decodeMap(value, path, issues, decodeValue);
}

export function decodeList<T>(value: unknown, path: string, issues: ValidationIssue[], decodeElement: Decoder<T>): readonly T[] | undefined {
  if (!Array.isArray(value)) {
    issues.push({ path, message: "must be a list" });
    return undefined;
  }
  const start = issues.length;
  const result: T[] = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    const element = decodeElement(value[i], indexPath(path, i), issues);
    if (element !== undefined) result[i] = element;
  }
  return issues.length === start ? Object.freeze(result) : undefined;
}

export function decodeMap<T>(
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  decodeValue: Decoder<T>,
): { readonly [key: string]: T } | undefined {
  const obj = decodeObject(value, path, issues);
  if (obj === undefined) return undefined;
  const start = issues.length;
  const result: { [key: string]: T } = {};
  for (const key of Object.keys(obj)) {
    const decoded = decodeValue(obj[key], memberPath(path, key), issues);
    if (decoded === undefined) continue;
    // Assignment to "__proto__" would set the prototype instead of adding the key.
    if (key === "__proto__") Object.defineProperty(result, key, { value: decoded, enumerable: true, writable: true, configurable: true });
    else result[key] = decoded;
  }
  return issues.length === start ? Object.freeze(result) : undefined;
}

/**
 * Freezes a decoded object. Generated decoders call it with an explicit type argument
 * (`$rt.frozen<Money>({ ... })`): one signature and no inference, which type-checks several
 * times faster than `Object.freeze`'s overloads on large generated modules.
 */
export function frozen<T>(value: T): T {
  return Object.freeze(value);
}
