import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

const AGGREGATE = `namespace shop
aggregate Order {
  key id: uuid
  event Placed creates { at: timestamp }
  event Paid after Placed { amount: decimal }
}
`;

describe("unique `on` entries (EV5003, EV5004)", () => {
  it("warns about an event listed twice", () => {
    const d = diagnose(`${AGGREGATE}projection P {
  on Placed, Paid, Placed
  state { n: int }
}
`);
    const diagnostic = expectDiagnostic(d, "EV5003", 8, 20, '"Placed" is already listed in the "on" list of "P".');
    expect(diagnostic.severity).toBe("warning");
    expectCodes(d, ["EV5003"]);
  });

  it("warns about an event whose aggregate is listed too", () => {
    const d = diagnose(`${AGGREGATE}projection P {
  on Order, Paid
  state { n: int }
}
`);
    expectDiagnostic(d, "EV5004", 8, 13, 'The event "Paid" is already handled because its aggregate "Order" is listed in "on".');
    expectCodes(d, ["EV5004"]);
  });
});
