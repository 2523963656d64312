import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("exactly one creates event (EV4005, EV4006)", () => {
  it("reports an aggregate without a creates event at its name", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  event Placed { at: timestamp }
}
`);
    const diagnostic = expectDiagnostic(d, "EV4005", 2, 11, 'The aggregate "Order" has no "creates" event');
    expect(diagnostic.hint).toContain("`event Placed creates {...}`");
    expectCodes(d, ["EV4005"]);
  });

  it("reports every creates event after the first, at its keyword", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  event Placed creates { at: timestamp }
  event Imported creates { at: timestamp }
}
`);
    const diagnostic = expectDiagnostic(d, "EV4006", 5, 18, 'The aggregate "Order" is already created by "Placed"; only one event may be marked "creates".');
    expect(diagnostic.related?.[0]?.span.start).toMatchObject({ line: 4, column: 16 });
    expectCodes(d, ["EV4006"]);
  });
});
