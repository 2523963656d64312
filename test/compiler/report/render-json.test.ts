import { describe, expect, it } from "vitest";
import { renderJson } from "../../../compiler/report/render-json.js";
import { spanOf } from "../span-of.js";

describe("the JSON format", () => {
  it("prints every diagnostic with file, start and end positions, code, severity, message and hint", () => {
    const text = "namespace shop\ntype A { price: Mony }\n";
    const span = spanOf("shop.events", text, "Mony");
    const related = [{ message: "here", span: spanOf("shop.events", text, "A") }];
    const parsed = JSON.parse(
      renderJson([
        { code: "EV2002", severity: "error", message: "Unknown type.", span, hint: "Declare it.", related },
        { code: "EV9001", severity: "error", message: "Cannot find." },
      ]),
    );
    expect(parsed).toEqual([
      {
        file: "shop.events",
        line: 2,
        column: 17,
        endLine: 2,
        endColumn: 21,
        code: "EV2002",
        severity: "error",
        message: "Unknown type.",
        hint: "Declare it.",
        related: [{ file: "shop.events", line: 2, column: 6, message: "here" }],
      },
      { code: "EV9001", severity: "error", message: "Cannot find." },
    ]);
  });

  it("prints an empty array when there is nothing to report", () => {
    expect(renderJson([])).toBe("[]\n");
  });
});
