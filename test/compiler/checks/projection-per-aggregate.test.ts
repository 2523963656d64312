import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

const AGGREGATES = `namespace shop
aggregate Order {
  key id: uuid
  event Placed creates { at: timestamp }
}
aggregate Item {
  key sku: string
  event Listed creates { title: string }
}
`;

describe("projections per aggregate (EV5001, EV5002)", () => {
  it("reports an event of another aggregate", () => {
    const d = diagnose(`${AGGREGATES}projection P per Order {
  on Placed, Listed
  state { n: int }
}
`);
    expectDiagnostic(d, "EV5001", 11, 14, 'The projection "P" is kept per "Order", but "Listed" is an event of "Item".');
    expectCodes(d, ["EV5001"]);
  });

  it("reports another aggregate in `on`", () => {
    const d = diagnose(`${AGGREGATES}projection P per Order {
  on Order, Item
  state { n: int }
}
`);
    expectDiagnostic(d, "EV5002", 11, 13, 'The projection "P" is kept per "Order", so its "on" list cannot name the aggregate "Item".');
    expectCodes(d, ["EV5002"]);
  });

  it("accepts events of several aggregates without `per`", () => {
    expectCodes(diagnose(`${AGGREGATES}projection P {\n  on Placed, Item\n  state { n: int }\n}\n`), []);
  });
});
