/** The range patterns used for `long` bounds agree with BigInt comparison on every digit string. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { atLeastPattern, atMostPattern } from "../../compiler/export/integer-range-pattern.js";

// Digit strings as the runtime accepts them: optional "-", leading zeros allowed.
const digitText = fc.tuple(fc.boolean(), fc.nat({ max: 3 }), fc.bigInt({ min: 0n, max: 10n ** 25n })).map(([negative, zeros, n]) => `${negative ? "-" : ""}${"0".repeat(zeros)}${n}`);
const bound = fc.oneof(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.bigInt({ min: -30n, max: 30n }), fc.constantFrom(0n, -1n, 1n, 9n, 10n, -10n, 2n ** 63n - 1n, -(2n ** 63n)));

describe("integer range patterns", () => {
  it("match a digit string exactly when its value is within the bound", () => {
    fc.assert(
      fc.property(bound, digitText, (b, text) => {
        const value = BigInt(text);
        expect(new RegExp(atMostPattern(b), "u").test(text), `${text} <= ${b}`).toBe(value <= b);
        expect(new RegExp(atLeastPattern(b), "u").test(text), `${text} >= ${b}`).toBe(value >= b);
      }),
      { numRuns: 2000 },
    );
  });

  it("also hold next to the bound and at the 64-bit limits", () => {
    for (const b of [0n, 7n, -7n, 100n, -100n, 2n ** 63n - 1n, -(2n ** 63n)]) {
      for (const v of [b - 1n, b, b + 1n]) {
        expect(new RegExp(atMostPattern(b), "u").test(String(v))).toBe(v <= b);
        expect(new RegExp(atLeastPattern(b), "u").test(String(v))).toBe(v >= b);
      }
    }
    expect(new RegExp(atMostPattern(5n), "u").test("-0")).toBe(true);
    expect(new RegExp(atLeastPattern(1n), "u").test("-0")).toBe(false);
    expect(new RegExp(atLeastPattern(0n), "u").test("12a")).toBe(false);
  });
});
