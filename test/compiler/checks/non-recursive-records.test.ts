import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("non-recursive records (EV3017)", () => {
  it("reports a record that requires itself through other records", () => {
    const d = diagnose(`namespace shop
type A { b: B }
type B { a: A }
`);
    expectDiagnostic(d, "EV3017", 2, 6, 'The type "A" contains itself through required fields (A.b → B.a → A)');
    expectCodes(d, ["EV3017"]);
  });

  it("allows recursion through optional fields, lists and maps", () => {
    const d = diagnose(`namespace shop
type Node { next?: Node  children: list<Node>  byName: map<string, Node> }
`);
    expectCodes(d, []);
  });
});
