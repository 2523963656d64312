/**
 * Decoders of spec primitives, called by generated decoders. Each has the `Decoder` shape:
 * it checks a JSON value, appends an issue when it is wrong, and returns the TypeScript value.
 */
import { isBase64, isDate, isDecimal, isTimestamp, isUuid } from "./formats.js";
import type { ValidationIssue } from "./result.js";

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INTEGER_TEXT = /^-?\d+$/;

export function decodeString(value: unknown, path: string, issues: ValidationIssue[]): string | undefined {
  if (typeof value === "string") return value;
  issues.push({ path, message: "must be a string" });
  return undefined;
}

export function decodeBool(value: unknown, path: string, issues: ValidationIssue[]): boolean | undefined {
  if (typeof value === "boolean") return value;
  issues.push({ path, message: "must be true or false" });
  return undefined;
}

/** `int`: a 32-bit signed integer. */
export function decodeInt(value: unknown, path: string, issues: ValidationIssue[]): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX) return value;
  issues.push({ path, message: "must be a 32-bit integer" });
  return undefined;
}

/** `float`: any finite number (JSON has no NaN or Infinity). */
export function decodeFloat(value: unknown, path: string, issues: ValidationIssue[]): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  issues.push({ path, message: "must be a finite number" });
  return undefined;
}

/** `long`: a 64-bit signed integer, stored as a decimal string; bigint and safe-integer numbers are accepted too. */
export function decodeLong(value: unknown, path: string, issues: ValidationIssue[]): bigint | undefined {
  let result: bigint | undefined;
  if (typeof value === "bigint") result = value;
  else if (typeof value === "string" && INTEGER_TEXT.test(value)) result = BigInt(value);
  else if (typeof value === "number" && Number.isSafeInteger(value)) result = BigInt(value);
  if (result !== undefined && result >= LONG_MIN && result <= LONG_MAX) return result;
  issues.push({ path, message: "must be a 64-bit integer (a string of digits, or a safe integer)" });
  return undefined;
}

export function decodeUuid(value: unknown, path: string, issues: ValidationIssue[]): string | undefined {
  if (typeof value === "string" && isUuid(value)) return value;
  issues.push({ path, message: 'must be a UUID such as "0190d8c2-7c1e-7b7a-9c4e-3f2a1b0c9d8e"' });
  return undefined;
}

export function decodeDecimal(value: unknown, path: string, issues: ValidationIssue[]): string | undefined {
  if (typeof value === "string" && isDecimal(value)) return value;
  issues.push({ path, message: 'must be a decimal number in a string, such as "19.90"' });
  return undefined;
}

export function decodeTimestamp(value: unknown, path: string, issues: ValidationIssue[]): string | undefined {
  if (typeof value === "string" && isTimestamp(value)) return value;
  issues.push({ path, message: 'must be an RFC 3339 timestamp with offset, such as "2026-11-26T07:18:54Z"' });
  return undefined;
}

export function decodeDate(value: unknown, path: string, issues: ValidationIssue[]): string | undefined {
  if (typeof value === "string" && isDate(value)) return value;
  issues.push({ path, message: 'must be a date such as "2026-11-26"' });
  return undefined;
}

export function decodeBytes(value: unknown, path: string, issues: ValidationIssue[]): string | undefined {
  if (typeof value === "string" && isBase64(value)) return value;
  issues.push({ path, message: "must be base64 text" });
  return undefined;
}
