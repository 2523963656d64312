import { describe, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("partition counts (EV5010)", () => {
  it("accepts 1 and 1024, rejects 0 and 1025", () => {
    const d = diagnose(`namespace shop
topic a { partitions 1 }
topic b { partitions 1024 }
topic c { partitions 0 }
topic d { partitions 1025 }
aggregate A in a { key id: uuid  event A1 creates { x: int } }
aggregate B in b { key id: uuid  event B1 creates { x: int } }
aggregate C in c { key id: uuid  event C1 creates { x: int } }
aggregate D in d { key id: uuid  event D1 creates { x: int } }
`);
    expectDiagnostic(d, "EV5010", 4, 22, 'A topic has 1 to 1024 partitions, but "c" declares 0.');
    expectDiagnostic(d, "EV5010", 5, 22, 'but "d" declares 1025.');
    expectCodes(d, ["EV5010", "EV5010"]);
  });
});
