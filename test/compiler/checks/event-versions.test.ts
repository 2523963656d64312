import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("event versions (EV4011, EV4012, EV4013)", () => {
  it("accepts several versions and a lone later version", () => {
    const d = diagnose(`namespace shop
aggregate Item {
  key sku: string
  event Listed v3 creates { title: string }
  event Repriced v1 { price: decimal }
  event Repriced v2 after Listed, Repriced { price: decimal  reason?: string }
}
`);
    expectCodes(d, []);
  });

  it("reports version 0", () => {
    const d = diagnose(`namespace shop
aggregate Item {
  key sku: string
  event Listed v0 creates { title: string }
}
`);
    expectDiagnostic(d, "EV4011", 4, 16, 'Event versions start at 1; "v0" is not allowed.');
  });

  it("reports declarations without a version when an event is declared several times", () => {
    const d = diagnose(`namespace shop
aggregate Item {
  key sku: string
  event Listed creates { title: string }
  event Listed v2 { title: string  tags: list<string> = [] }
}
`);
    const diagnostic = expectDiagnostic(d, "EV4012", 4, 9, 'The event "Listed" is declared 2 times, so every declaration needs a version ("v1", "v2", ...).');
    expect(diagnostic.hint).toBe('Write "v1" on the oldest declaration, "v2" on the next, and so on.');
    expectCodes(d, ["EV4012"]);
  });

  it("reports a version declared twice", () => {
    const d = diagnose(`namespace shop
aggregate Item {
  key sku: string
  event Listed v1 { title: string }
  event Listed v1 creates { title: string }
}
`);
    expectDiagnostic(d, "EV4013", 5, 16, 'The event "Listed" v1 is already declared.');
    expectCodes(d, ["EV4013"]);
  });
});
