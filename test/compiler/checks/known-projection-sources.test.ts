import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

const AGGREGATE = `namespace shop
aggregate Order {
  key id: uuid
  event OrderPlaced creates { at: timestamp }
}
`;

describe("known projection sources (EV2005, EV2006)", () => {
  it("reports an unknown aggregate after `per`", () => {
    const d = diagnose(`${AGGREGATE}projection P per Ordr {
  on OrderPlaced
  state { n: int }
}
`);
    expectDiagnostic(d, "EV2005", 6, 18, 'Unknown aggregate "Ordr". Did you mean "Order"?');
    expectCodes(d, ["EV2005"]);
  });

  it("reports an unknown event or aggregate in `on`", () => {
    const d = diagnose(`${AGGREGATE}projection P {
  on OrderPlacd, Ordr
  state { n: int }
}
`);
    expectDiagnostic(d, "EV2006", 7, 6, 'Unknown event or aggregate "OrderPlacd". Did you mean "OrderPlaced"?');
    expectDiagnostic(d, "EV2006", 7, 18, 'Unknown event or aggregate "Ordr". Did you mean "Order"?');
    expectCodes(d, ["EV2006", "EV2006"]);
  });

  it("reports a type after `per` as the wrong kind of name", () => {
    const d = diagnose(`${AGGREGATE}type T { x: int }
projection P per T {
  on OrderPlaced
  state { n: int }
}
`);
    expectDiagnostic(d, "EV2008", 7, 18, '"T" is a type, but an aggregate is expected here.');
  });
});
