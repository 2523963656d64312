import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import { renderSummary, renderText } from "../../../compiler/report/render-text.js";
import { spanOf } from "../span-of.js";

const shop = ["namespace shop", "", "type OrderLine {", "  price: Mony", "}", ""].join("\n");

function unknownMony(): Diagnostic {
  return {
    code: "EV2002",
    severity: "error",
    message: 'Unknown type "Mony". Did you mean "Money"?',
    span: spanOf("shop.events", shop, "Mony"),
  };
}

describe("the text format", () => {
  it("prints the location, severity, code, message and a code frame with an underline of the span", () => {
    expect(renderText([unknownMony()], { sources: { "shop.events": shop } })).toBe(
      [
        'shop.events:4:10: error EV2002: Unknown type "Mony". Did you mean "Money"?',
        "   |",
        " 4 |   price: Mony",
        "   |          ^~~~",
        "",
      ].join("\n"),
    );
  });

  it("prints hints as help lines and related locations as notes with their own frame", () => {
    const common = "namespace common\ntype Money { amount: decimal }\n";
    const d: Diagnostic = {
      ...unknownMony(),
      hint: "Import the file that declares it.",
      related: [{ message: '"Money" is declared here.', span: spanOf("common.events", common, "Money") }],
    };
    expect(renderText([d], { sources: new Map([["shop.events", shop], ["common.events", common]]) })).toBe(
      [
        'shop.events:4:10: error EV2002: Unknown type "Mony". Did you mean "Money"?',
        "   |",
        " 4 |   price: Mony",
        "   |          ^~~~",
        "   = help: Import the file that declares it.",
        'common.events:2:6: note: "Money" is declared here.',
        "   |",
        " 2 | type Money { amount: decimal }",
        "   |      ^~~~~",
        "",
      ].join("\n"),
    );
  });

  it("expands tabs so the underline stays under the span", () => {
    const text = "namespace x\ntype A {\n\tprice:\tMony\n}\n";
    const d: Diagnostic = { ...unknownMony(), span: spanOf("x.events", text, "Mony") };
    const frame = renderText([d], { sources: { "x.events": text } }).split("\n");
    expect(frame[2]).toBe(" 3 |     price:  Mony");
    expect(frame[3]).toBe("   |             ^~~~");
  });

  it("counts wide characters as two columns", () => {
    const text = 'namespace x\ntype A { name: string = "価格" @pattern("(") }\n';
    const d: Diagnostic = { code: "EV3014", severity: "error", message: "bad pattern", span: spanOf("x.events", text, '"("') };
    const frame = renderText([d], { sources: { "x.events": text } }).split("\n");
    expect(frame[2]).toBe(' 2 | type A { name: string = "価格" @pattern("(") }');
    // 'type A { name: string = "' is 25 columns, "価格" four more, '" @pattern(' eleven: the caret is at column 40.
    expect(frame[3]).toBe(`   | ${" ".repeat(40)}^~~`);
  });

  it("underlines a multi-line span to the end of its first line", () => {
    const text = "namespace x\naggregate A {\n  key id: uuid\n}\n";
    const span = { ...spanOf("x.events", text, "aggregate A {\n  key"), file: "x.events" };
    const d: Diagnostic = { code: "EV4005", severity: "error", message: "m", span };
    const frame = renderText([d], { sources: { "x.events": text } }).split("\n");
    expect(frame[2]).toBe(" 2 | aggregate A {");
    expect(frame[3]).toBe("   | ^~~~~~~~~~~~~");
  });

  it("shows an empty span as one caret, and a span at the end of the file", () => {
    const text = "namespace x\ntype A {";
    const end = text.length;
    const d: Diagnostic = {
      code: "EV1004",
      severity: "error",
      message: "Expected a field name or '}', but the file ended.",
      span: { file: "x.events", start: { offset: end, line: 2, column: 9 }, end: { offset: end, line: 2, column: 9 } },
    };
    expect(renderText([d], { sources: { "x.events": text } })).toBe(
      ["x.events:2:9: error EV1004: Expected a field name or '}', but the file ended.", "   |", " 2 | type A {", "   |         ^", ""].join("\n"),
    );
  });

  it("prints control characters in the source line as replacement characters", () => {
    const text = "namespace x\n\u0000\u0007 type\n";
    const d: Diagnostic = { code: "EV1001", severity: "error", message: "m", span: spanOf("x.events", text, "\u0000") };
    const frame = renderText([d], { sources: { "x.events": text } }).split("\n");
    expect(frame[2]).toBe(" 2 | \uFFFD\uFFFD type");
    expect(frame[3]).toBe("   | ^");
  });

  it("prints problems without a position on one line, and warnings as warnings", () => {
    const out = renderText([
      { code: "EV9001", severity: "error", message: 'Cannot find "x.events".' },
      { code: "EV5011", severity: "warning", message: 'The topic "t" is not used by any aggregate.' },
    ]);
    expect(out).toBe('error EV9001: Cannot find "x.events".\nwarning EV5011: The topic "t" is not used by any aggregate.\n');
  });

  it("leaves the frame out when the source is unknown, and maps paths for display", () => {
    const out = renderText([unknownMony()], { displayPath: (p) => `specs/${p}` });
    expect(out).toBe('specs/shop.events:4:10: error EV2002: Unknown type "Mony". Did you mean "Money"?\n');
  });

  it("uses ANSI colours only when asked", () => {
    const plain = renderText([unknownMony()], { sources: { "shop.events": shop } });
    expect(plain).not.toContain("\u001b[");
    const coloured = renderText([unknownMony()], { sources: { "shop.events": shop }, color: true });
    expect(coloured).toContain("\u001b[1;31merror\u001b[0m");
    expect(coloured.replace(/\u001b\[[\d;]*m/g, "")).toBe(plain);
  });

  it("summarises counts", () => {
    expect(renderSummary([unknownMony(), { code: "EV5011", severity: "warning", message: "m" }])).toBe("1 error, 1 warning");
    expect(renderSummary([])).toBe("0 errors, 0 warnings");
  });
});
