import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("unique enum members (EV3002)", () => {
  it("reports a member listed twice", () => {
    const d = diagnose("namespace shop\nenum Currency { EUR, USD, EUR }\n");
    expectDiagnostic(d, "EV3002", 2, 27, 'The member "EUR" is already listed in enum "Currency".');
    expectCodes(d, ["EV3002"]);
  });
});
