import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("string map keys (EV3003)", () => {
  it("reports a map whose key is not string, once", () => {
    const d = diagnose(`namespace shop
enum Currency { EUR }
type T {
  a: map<int, string>
  b: list<map<Currency, int>>
}
`);
    const first = expectDiagnostic(d, "EV3003", 4, 10, 'Map keys must be "string", not "int".');
    expect(first.hint).toBe("Write `map<string, ...>`.");
    expectDiagnostic(d, "EV3003", 5, 15, 'not "Currency"');
    expectCodes(d, ["EV3003", "EV3003"]);
  });
});
