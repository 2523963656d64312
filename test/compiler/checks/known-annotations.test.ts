import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("annotations (EV3009-EV3012)", () => {
  it("accepts every known annotation where it applies", () => {
    const d = diagnose(`namespace shop
type T {
  n: int @min(1) @max(10)
  d: decimal @min(0.01)
  s: string @minLength(1) @maxLength(64) @pattern("^[A-Z]+$")
  xs: list<int> @minItems(1) @maxItems(5)
  old: string @deprecated("use s")
  older: int @deprecated
}
`);
    expectCodes(d, []);
  });

  it("reports an unknown annotation with a suggestion (EV3009)", () => {
    const d = diagnose("namespace shop\ntype T { s: string @maxLenght(3) }\n");
    expectDiagnostic(d, "EV3009", 2, 20, 'Unknown annotation "@maxLenght". Did you mean "maxLength"?');
    expectCodes(d, ["EV3009"]);
  });

  it("reports an annotation on a type it does not apply to (EV3010)", () => {
    const d = diagnose("namespace shop\ntype T { s: string @min(1)  n: list<int> @maxLength(2) }\n");
    expectDiagnostic(d, "EV3010", 2, 20, '"@min" applies only to numbers (int, long, float, decimal), but "s" has type "string".');
    expectDiagnostic(d, "EV3010", 2, 42, '"@maxLength" applies only to strings, but "n" has type "list<int>".');
  });

  it("reports wrong arguments (EV3011)", () => {
    const d = diagnose(`namespace shop
type T {
  s: string @maxLength("64")
  n: int @min
  m: int @max(1, 2)
  l: list<int> @minItems(-1)
}
`);
    expectDiagnostic(d, "EV3011", 3, 13, '"@maxLength" takes one whole number of 0 or more, e.g. @maxLength(64).');
    expectDiagnostic(d, "EV3011", 4, 10, '"@min" takes one number');
    expectDiagnostic(d, "EV3011", 5, 10, '"@max" takes one number');
    expectDiagnostic(d, "EV3011", 6, 16, '"@minItems" takes one whole number of 0 or more');
    expectCodes(d, ["EV3011", "EV3011", "EV3011", "EV3011"]);
  });

  it("reports an annotation given twice (EV3012)", () => {
    const d = diagnose("namespace shop\ntype T { n: int @min(1) @min(2) }\n");
    expectDiagnostic(d, "EV3012", 2, 25, '"@min" is already given on field "n".');
    expectCodes(d, ["EV3012"]);
  });
});
