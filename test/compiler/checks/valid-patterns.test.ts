import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("valid patterns (EV3014)", () => {
  it("reports a pattern that does not compile with the u flag", () => {
    const d = diagnose('namespace shop\ntype T { s: string @pattern("([A-Z]") }\n');
    expectDiagnostic(d, "EV3014", 2, 29, 'The pattern "([A-Z]" is not a valid regular expression: unterminated group.');
    expectCodes(d, ["EV3014"]);
  });

  it("applies the u flag: an escape that is only legal without it is rejected", () => {
    const d = diagnose('namespace shop\ntype T { s: string @pattern("\\\\-") }\n');
    expectCodes(d, ["EV3014"]);
  });
});
