import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("unique field names (EV3001)", () => {
  it("reports a repeated field in a type, an event and a projection state", () => {
    const d = diagnose(`namespace shop
type T { a: int  a: string }
aggregate A {
  key id: uuid
  event Made creates { x: int
    x: int }
}
projection P {
  on Made
  state { s: int  s: int }
}
`);
    const first = expectDiagnostic(d, "EV3001", 2, 18, 'The field "a" is already declared in type "T".');
    expect(first.related?.[0]?.span.start).toMatchObject({ line: 2, column: 10 });
    expectDiagnostic(d, "EV3001", 6, 5, 'The field "x" is already declared in event "Made".');
    expectDiagnostic(d, "EV3001", 10, 19, 'The field "s" is already declared in the state of projection "P".');
    expectCodes(d, ["EV3001", "EV3001", "EV3001"]);
  });
});
