import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("generated name clashes (EV2017)", () => {
  it("reports a type whose name is the data type generated for an event", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  event Placed creates { at: timestamp }
}
type PlacedData { x: int }
`);
    const diagnostic = expectDiagnostic(
      d,
      "EV2017",
      6,
      6,
      'The generated name "PlacedData" would be declared twice in namespace "shop": for type "PlacedData" and for event "Placed" (its data type).',
    );
    expect(diagnostic.related?.[0]?.span.start).toMatchObject({ line: 4, column: 9 });
    expectCodes(d, ["EV2017"]);
  });

  it("reports a type named like the namespace's facade", () => {
    const d = diagnose("namespace shop\ntype Shop { x: int }\n");
    expectDiagnostic(d, "EV2017", 2, 6, 'The generated name "Shop" would be declared twice');
  });

  it("reports a type that would shadow a global type the generated code uses", () => {
    const d = diagnose("namespace shop\ntype Promise { x: int }\n");
    expectDiagnostic(d, "EV2017", 2, 6, `for type "Promise" and for TypeScript's global type "Promise"`);
  });
});
