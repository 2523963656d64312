import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("exactly one key (EV4001, EV4002)", () => {
  it("reports an aggregate without a key, at its name, with a hint", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  event Placed creates { at: timestamp }
}
`);
    const diagnostic = expectDiagnostic(d, "EV4001", 2, 11, 'The aggregate "Order" has no key.');
    expect(diagnostic.hint).toBe("Add a key line such as `key orderId: uuid` as the first line of the aggregate.");
    expectCodes(d, ["EV4001"]);
  });

  it("reports a second key", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  key code: string
  event Placed creates { at: timestamp }
}
`);
    expectDiagnostic(d, "EV4002", 4, 7, 'The aggregate "Order" already has the key "id"; an aggregate has exactly one key.');
    expectCodes(d, ["EV4002"]);
  });
});
