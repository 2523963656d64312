import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("reserved words as type names (EV2016)", () => {
  it("rejects TypeScript reserved words as names of types and enums, with a rename hint", () => {
    const d = diagnose(`namespace shop
type class { x: int }
enum default { A }
type any { x: int }
`);
    const first = expectDiagnostic(d, "EV2016", 2, 6, '"class" cannot name a type: it is a reserved word in TypeScript');
    expect(first.hint).toBe('Rename it, e.g. "Class".');
    expectDiagnostic(d, "EV2016", 3, 6, '"default" cannot name an enum');
    expectDiagnostic(d, "EV2016", 4, 6, '"any" cannot name a type');
  });

  it("allows reserved words as names of fields, members, events and projections", () => {
    const d = diagnose(`namespace shop
enum Kind { class, default }
type T { class: int  default: string  constructor: int  __proto__: int }
aggregate A {
  key id: uuid
  event delete creates { new: int }
}
`);
    expectCodes(d, []);
  });
});
