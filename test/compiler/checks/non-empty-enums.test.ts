import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("non-empty enums (EV3016)", () => {
  it("reports an enum without members", () => {
    const d = diagnose("namespace shop\nenum Nothing { }\n");
    expectDiagnostic(d, "EV3016", 2, 6, 'The enum "Nothing" has no members.');
    expectCodes(d, ["EV3016"]);
  });
});
