import { describe, expect, it } from "vitest";
import { deepFreeze, encodeJson, eventIdTime, isEventId, newEventId, toJsonForm, ValidationError } from "../../runtime/index.js";

describe("newEventId (UUIDv7)", () => {
  it("makes RFC 9562 version-7 UUIDs carrying the current time", () => {
    const before = Date.now();
    const id = newEventId();
    const after = Date.now();
    expect(isEventId(id)).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdTime(id)).toBeGreaterThanOrEqual(before);
    expect(eventIdTime(id)).toBeLessThanOrEqual(after + 1);
  });

  it("is strictly increasing as a string, also many times within one millisecond", () => {
    const ids = Array.from({ length: 20_000 }, () => newEventId());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!, `${ids[i - 1]} < ${ids[i]}`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("deepFreeze", () => {
  it("freezes every level, so writes throw in strict mode", () => {
    const value = deepFreeze({ a: { b: [{ c: 1 }] }, d: [1, 2] });
    expect(() => {
      (value as unknown as { a: { b: { c: number }[] } }).a.b[0]!.c = 2;
    }).toThrow(TypeError);
    expect(() => (value.d as unknown as number[]).push(3)).toThrow(TypeError);
    expect(() => {
      delete (value as unknown as { a?: unknown }).a;
    }).toThrow(TypeError);
    expect(value.a.b[0]!.c).toBe(1);
  });

  it("walks into objects that were only frozen shallowly, and survives cycles", () => {
    const inner = { x: 1 };
    const shallow = Object.freeze({ inner });
    deepFreeze(shallow);
    expect(Object.isFrozen(inner)).toBe(true);
    const cyclic: { self?: unknown; n: number } = { n: 1 };
    cyclic.self = cyclic;
    expect(Object.isFrozen(deepFreeze(cyclic))).toBe(true);
  });

  it("leaves typed arrays (which cannot be frozen) as they are instead of throwing", () => {
    const state = deepFreeze({ bytes: new Uint8Array([1, 2]), n: 1 });
    expect(Object.isFrozen(state)).toBe(true);
    expect(state.bytes[0]).toBe(1);
  });

  it("leaves primitives alone", () => {
    expect(deepFreeze(5)).toBe(5);
    expect(deepFreeze(null)).toBe(null);
  });
});

describe("JSON codec", () => {
  it("writes bigint as a decimal string and drops absent optional fields", () => {
    expect(encodeJson({ n: 9007199254740993n, opt: undefined, list: [1n] })).toBe('{"n":"9007199254740993","list":["1"]}');
    expect(toJsonForm({ when: new Date(0) })).toEqual({ when: "1970-01-01T00:00:00.000Z" });
  });

  it("rejects what JSON would silently change, naming the path", () => {
    const cases: [unknown, string][] = [
      [undefined, "$"],
      [{ a: { b: Number.NaN } }, "$.a.b"],
      [{ f: () => 1 }, "$.f"],
      [{ list: [1, undefined] }, "$.list[1]"],
      [{ s: Symbol("x") }, "$.s"],
      [{ m: new Map([["a", 1]]) }, "$.m"],
      [[new Set([1])], "$[0]"],
    ];
    for (const [value, path] of cases) {
      const error = (() => {
        try {
          encodeJson(value);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe(path);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.me = cyclic;
    expect(() => encodeJson(cyclic)).toThrow(/circular/);
  });
});
