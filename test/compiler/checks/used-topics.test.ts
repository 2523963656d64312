import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("used topics (EV5011)", () => {
  it("warns about a topic no aggregate is in, counting uses from other namespaces", () => {
    const d = diagnose({
      "common.events": "namespace common\ntopic shared {}\ntopic unused {}\n",
      "shop.events": 'namespace shop\nimport "./common.events"\naggregate A in shared { key id: uuid  event Made creates { x: int } }\n',
    });
    const diagnostic = expectDiagnostic(d, "EV5011", 3, 7, 'The topic "unused" is not used by any aggregate.', "common.events");
    expect(diagnostic.severity).toBe("warning");
    expectCodes(d, ["EV5011"]);
  });
});
