import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("constraint ranges (EV3013)", () => {
  it("reports a lower bound above the upper bound, at the later annotation", () => {
    const d = diagnose(`namespace shop
type T {
  n: int @min(10) @max(1)
  s: string @maxLength(2) @minLength(3)
}
`);
    expectDiagnostic(d, "EV3013", 3, 19, '"@min(10)" is greater than "@max(1)", so no value can satisfy both.');
    expectDiagnostic(d, "EV3013", 4, 27, '"@minLength(3)" is greater than "@maxLength(2)"');
    expectCodes(d, ["EV3013", "EV3013"]);
  });
});
