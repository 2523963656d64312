import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("known events in `after` (EV2004)", () => {
  it("reports an unknown event with a suggestion, and does not call the event unreachable", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  event OrderPlaced creates { at: timestamp }
  event OrderPaid after OrderPlacd { amount: decimal }
}
`);
    expectDiagnostic(d, "EV2004", 5, 25, 'Unknown event "OrderPlacd". Did you mean "OrderPlaced"?');
    expectCodes(d, ["EV2004"]);
  });
});
