import { describe, it } from "vitest";
import { diagnose, expectDiagnostic } from "../harness.js";

describe("reserved type names (EV2015)", () => {
  it("rejects declaring a primitive type name (list and map are keywords, rejected by the parser)", () => {
    const d = diagnose(`namespace shop
type decimal { x: int }
enum uuid { A }
`);
    expectDiagnostic(d, "EV2015", 2, 6, '"decimal" is a built-in type of the language and cannot be declared.');
    expectDiagnostic(d, "EV2015", 3, 6, '"uuid" is a built-in type');
  });
});
