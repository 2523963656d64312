import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("defaults satisfy their own constraints (EV3015)", () => {
  it("reports defaults outside the field's bounds or pattern", () => {
    const d = diagnose(`namespace shop
type T {
  n: int = 0 @min(1)
  s: string = "abc" @maxLength(2)
  c: string = "x" @pattern("^[0-9]+$")
  xs: list<int> = [] @minItems(1)
}
`);
    expectDiagnostic(d, "EV3015", 3, 12, 'The default 0 of field "n" does not satisfy its own "@min(1)".');
    expectDiagnostic(d, "EV3015", 4, 15, 'The default "abc" of field "s" does not satisfy its own "@maxLength(2)".');
    expectDiagnostic(d, "EV3015", 5, 15, 'does not satisfy its own "@pattern("^[0-9]+$")"');
    expectDiagnostic(d, "EV3015", 6, 19, 'The default [] of field "xs" does not satisfy its own "@minItems(1)".');
    expectCodes(d, ["EV3015", "EV3015", "EV3015", "EV3015"]);
  });
});
