import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("known topics (EV2003)", () => {
  it("reports an unknown topic after `in`, with a suggestion", () => {
    const d = diagnose(`namespace shop
topic orders { partitions 2 }
aggregate Order in ordrs {
  key id: uuid
  event Placed creates { at: timestamp }
}
`);
    expectDiagnostic(d, "EV2003", 3, 20, 'Unknown topic "ordrs". Did you mean "orders"?');
    // The topic is then unused: reported as a separate warning about the topic itself.
    expectCodes(d, ["EV5011", "EV2003"]);
  });
});
