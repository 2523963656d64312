import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeToken, encodeToken, keySubject, parseEventSubject, streamName } from "../../../runtime/jetstream/names.js";

const ns = { subjectRoot: "eventc", streamPrefix: "EVENTC" };
// A NATS subject token may not hold these; stream names may not hold path separators either.
const UNSAFE_IN_TOKEN = /[.*>\s\/\\]/;

describe("JetStream names: reversible token encoding", () => {
  const awkward = ["", "a.b", "a b", "*", ">", "a.*.>", "ünïcødé", "🙂", "日本語キー", "_", "__", "_5F", "-", "tab\there", "new\nline", "percent%20", "dot.", ".", "a/b\\c", "\u0000", "\u2028"];

  it.each(awkward.map((k) => [k]))("round-trips %j and yields a valid token", (key) => {
    const token = encodeToken(key);
    expect(token.length).toBeGreaterThan(0);
    expect(token).not.toMatch(UNSAFE_IN_TOKEN);
    expect(decodeToken(token)).toBe(key);
  });

  it("keeps plain keys readable", () => {
    expect(encodeToken("order-42")).toBe("order-42");
    expect(encodeToken("3f2b8c1e-uuid")).toBe("3f2b8c1e-uuid");
    expect(encodeToken("shop.catalog")).toBe("shop_2Ecatalog");
    expect(encodeToken("")).toBe("_");
  });

  it("is injective and reversible for any string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        const ta = encodeToken(a);
        expect(decodeToken(ta)).toBe(a);
        expect(ta).not.toMatch(UNSAFE_IN_TOKEN);
        expect(ta.includes("__")).toBe(false);
        if (a !== b) expect(encodeToken(b)).not.toBe(ta);
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects text that no key encodes to, naming the problem", () => {
    expect(() => decodeToken("a.b")).toThrow(/unexpected "\." at 1/);
    expect(() => decodeToken("_zz")).toThrow(/bad escape at 0/);
    expect(() => decodeToken("_FF")).toThrow(/invalid UTF-8/);
  });

  it("builds subjects whose key and partition parse back", () => {
    for (const key of awkward) {
      const subject = keySubject(ns, "shop.catalog", 3, key);
      expect(subject.split(".")).toHaveLength(4);
      expect(parseEventSubject(subject)).toEqual({ partition: 3, key });
    }
    expect(parseEventSubject("eventc.shop_2Ecatalog._topic")).toBeUndefined();
  });

  it("builds stream names without characters NATS forbids", () => {
    expect(streamName(ns, "shop.catalog")).toBe("EVENTC_shop_2Ecatalog");
    expect(streamName(ns, "a b/c")).toBe("EVENTC_a_20b_2Fc");
  });
});
