import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("unique declaration names (EV2001, EV4015)", () => {
  it("reports a second declaration of a name, pointing at the first", () => {
    const d = diagnose(`namespace shop
type Money { amount: decimal }
enum Money { EUR }
`);
    const diagnostic = expectDiagnostic(d, "EV2001", 3, 6, 'The name "Money" is already used by the type "Money" in namespace "shop".');
    expect(diagnostic.related?.[0]?.span.start).toMatchObject({ line: 2, column: 6 });
    expectCodes(d, ["EV2001"]);
  });

  it("shares one set of names between events and other declarations, across the files of a namespace", () => {
    const d = diagnose({
      "a.events": `namespace shop
aggregate Order {
  key id: uuid
  event Placed creates { at: timestamp }
}
`,
      "b.events": `namespace shop
type Placed { x: int }
`,
    });
    expectDiagnostic(d, "EV2001", 2, 6, 'The name "Placed" is already used by the event "Placed"', "b.events");
    expectCodes(d, ["EV2001"]);
  });

  it("allows the same name in different namespaces", () => {
    const d = diagnose({ "a.events": "namespace a\ntype Money { x: int }\n", "b.events": "namespace b\ntype Money { x: int }\n" });
    expectCodes(d, []);
  });

  it("reports versions of one event declared in two aggregates", () => {
    const d = diagnose(`namespace shop
aggregate A {
  key id: uuid
  event Made v1 creates { x: int }
}
aggregate B {
  key id: uuid
  event Made v2 creates { x: int }
}
`);
    expectDiagnostic(d, "EV4015", 8, 9, 'The event "Made" v2 is declared in aggregate "B", but its other versions are in "A".');
    expectCodes(d, ["EV4015"]);
  });
});
