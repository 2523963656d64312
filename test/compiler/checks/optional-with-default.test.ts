import { describe, expect, it } from "vitest";
import { diagnose, expectDiagnostic } from "../harness.js";

describe("optional fields with defaults (EV3018)", () => {
  it("warns that `?` has no effect when there is a default", () => {
    const d = diagnose("namespace shop\ntype T { n?: int = 0 }\n");
    const diagnostic = expectDiagnostic(d, "EV3018", 2, 10, 'The field "n" is optional but has a default');
    expect(diagnostic.severity).toBe("warning");
  });
});
