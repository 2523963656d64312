import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("lifecycle on the current version only (EV4014)", () => {
  it("reports creates, after and ends written on an old version", () => {
    const d = diagnose(`namespace shop
aggregate Item {
  key sku: string
  event Listed v1 creates { title: string }
  event Listed v2 creates { title: string  tags: list<string> = [] }
  event Gone v1 after Listed ends { at: timestamp }
  event Gone v2 after Listed ends { at: timestamp  why?: string }
}
`);
    expectDiagnostic(d, "EV4014", 4, 19, 'The lifecycle clause "creates" belongs on the current version of "Listed" (v2), not on v1.');
    expectDiagnostic(d, "EV4014", 6, 17, 'The lifecycle clause "after" belongs on the current version of "Gone" (v2), not on v1.');
    expectDiagnostic(d, "EV4014", 6, 30, 'The lifecycle clause "ends" belongs');
    expectCodes(d, ["EV4014", "EV4014", "EV4014"]);
  });
});
