import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("key types (EV4003)", () => {
  it("accepts string, uuid, int and long", () => {
    for (const type of ["string", "uuid", "int", "long"]) {
      expectCodes(diagnose(`namespace shop\naggregate A {\n  key id: ${type}\n  event Made creates { x: int }\n}\n`), []);
    }
  });

  it("reports other key types", () => {
    const d = diagnose(`namespace shop
aggregate A {
  key id: decimal
  event Made creates { x: int }
}
aggregate B {
  key id: list<string>
  event Born creates { x: int }
}
`);
    expectDiagnostic(d, "EV4003", 3, 11, 'The key "id" has type "decimal", but a key must be string, uuid, int or long.');
    expectDiagnostic(d, "EV4003", 7, 11, 'has type "list<string>"');
    expectCodes(d, ["EV4003", "EV4003"]);
  });
});
