import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("no event field named like the key (EV4004)", () => {
  it("reports the field and points at the key", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key orderId: uuid
  event Placed creates { orderId: uuid  at: timestamp }
}
`);
    const diagnostic = expectDiagnostic(d, "EV4004", 4, 26, 'The event "Placed" declares a field "orderId", but that is the name of the key of aggregate "Order".');
    expect(diagnostic.related?.[0]?.span.start).toMatchObject({ line: 3, column: 7 });
    expectCodes(d, ["EV4004"]);
  });
});
