import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("reachable events (EV4009)", () => {
  it("reports events that only follow each other and never the creates event", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  event Placed creates { at: timestamp }
  event Paused after Resumed { at: timestamp }
  event Resumed after Paused { at: timestamp }
  event Noted { text: string }
}
`);
    expectDiagnostic(d, "EV4009", 5, 9, 'The event "Paused" can never be published: no chain of "after" clauses leads to it from "Placed".');
    expectDiagnostic(d, "EV4009", 6, 9, 'The event "Resumed" can never be published');
    expectCodes(d, ["EV4009", "EV4009"]);
  });

  it("accepts chains and self-loops reached from the creates event", () => {
    const d = diagnose(`namespace shop
aggregate Item {
  key sku: string
  event Listed creates { title: string }
  event Repriced after Listed, Repriced { price: decimal }
  event Delisted after Listed, Repriced ends { reason: string }
}
`);
    expectCodes(d, []);
  });
});
