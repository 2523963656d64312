import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("after does not name an ends event (EV4008)", () => {
  it("reports the ends event in the after list, and not the follower as unreachable", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  event Placed creates { at: timestamp }
  event Closed after Placed ends { at: timestamp }
  event Reopened after Closed { at: timestamp }
}
`);
    const diagnostic = expectDiagnostic(d, "EV4008", 6, 24, '"Closed" ends the aggregate, so no event can come after it.');
    expect(diagnostic.related?.[0]?.span.start).toMatchObject({ line: 5, column: 29 });
    expectCodes(d, ["EV4008"]);
  });
});
