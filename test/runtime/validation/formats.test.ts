import { describe, expect, it } from "vitest";
import { isBase64, isDate, isDecimal, isTimestamp, isUuid } from "../../../runtime/validation/formats.js";
import { memberPath } from "../../../runtime/validation/json-path.js";
import { decodeLong } from "../../../runtime/validation/primitive-decoders.js";
import { decodeMap } from "../../../runtime/validation/composite-decoders.js";
import type { ValidationIssue } from "../../../runtime/validation/result.js";

describe("formats", () => {
  it("uuid", () => {
    expect(isUuid("0194F1C2-7a3b-7c4d-8e5f-6a7b8c9d0e1f")).toBe(true);
    expect(isUuid("0194f1c27a3b7c4d8e5f6a7b8c9d0e1f")).toBe(false);
  });

  it("timestamp: RFC 3339 with an offset and a real calendar date", () => {
    for (const ok of ["2026-11-26T07:18:54Z", "2026-11-26t07:18:54.123456+05:30", "2024-02-29T00:00:00-00:00", "2016-12-31T23:59:60Z"]) {
      expect(isTimestamp(ok), ok).toBe(true);
    }
    for (const bad of ["2026-11-26T07:18:54", "2026-11-26 07:18:54Z", "2023-02-29T00:00:00Z", "2026-11-26T24:00:00Z", "2026-04-31T00:00:00Z", "2026-11-26T07:18:54+24:00"]) {
      expect(isTimestamp(bad), bad).toBe(false);
    }
  });

  it("date", () => {
    expect(isDate("2000-02-29")).toBe(true);
    expect(isDate("1900-02-29")).toBe(false);
    expect(isDate("2026-1-01")).toBe(false);
  });

  it("decimal: written out in full", () => {
    for (const ok of ["0", "-0.5", "19.90", "12345678901234567890.123456789"]) expect(isDecimal(ok), ok).toBe(true);
    for (const bad of ["", "01", "1.", ".5", "+1", "1e5", "NaN", " 1"]) expect(isDecimal(bad), bad).toBe(false);
  });

  it("base64 with padding", () => {
    for (const ok of ["", "aGk=", "aGVsbG8=", "aGVsbG8h"]) expect(isBase64(ok), ok).toBe(true);
    for (const bad of ["aGk", "a===", "aG-k", "aGk=aGk="]) expect(isBase64(bad), bad).toBe(false);
  });
});

describe("decoders", () => {
  it("long accepts bigint, digit strings and safe integers within 64 bits", () => {
    const issues: ValidationIssue[] = [];
    expect(decodeLong(-9223372036854775808n, "$", issues)).toBe(-9223372036854775808n);
    expect(decodeLong("-9223372036854775808", "$", issues)).toBe(-9223372036854775808n);
    expect(decodeLong(7, "$", issues)).toBe(7n);
    expect(issues).toEqual([]);
    for (const bad of ["1.5", "0x10", 1.5, 2 ** 60, "9223372036854775808", true]) decodeLong(bad, "$", issues);
    expect(issues).toHaveLength(6);
  });

  it("maps keep __proto__ keys as data", () => {
    const issues: ValidationIssue[] = [];
    const map = decodeMap(JSON.parse('{"__proto__": "x", "a": "y"}'), "$", issues, (v) => v as string);
    expect(issues).toEqual([]);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.keys(map ?? {})).toEqual(["__proto__", "a"]);
    expect(Object.isFrozen(map)).toBe(true);
  });

  it("paths quote keys that are not identifiers", () => {
    expect(memberPath("$", "a")).toBe("$.a");
    expect(memberPath("$", "a b")).toBe('$["a b"]');
    expect(memberPath("$", 'q"')).toBe('$["q\\""]');
  });
});
