import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("after names events of the same aggregate (EV4007)", () => {
  it("reports an event of another aggregate", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  event Placed creates { at: timestamp }
}
aggregate Item {
  key sku: string
  event Listed creates { title: string }
  event Sold after Placed { at: timestamp }
}
`);
    expectDiagnostic(d, "EV4007", 9, 20, '"Placed" is an event of aggregate "Order"; "after" may only name events of "Item".');
    expectCodes(d, ["EV4007"]);
  });
});
