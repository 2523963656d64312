import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("syntax diagnostics (EV1001-EV1006), one per kind of syntax problem", () => {
  it("EV1001: a character that starts no token", () => {
    const d = diagnose("namespace shop\ntype A { a: int # }\n");
    expectDiagnostic(d, "EV1001", 2, 17, 'Unexpected character "#": it cannot start a name, number, string or symbol of the language.');
    expectCodes(d, ["EV1001"]);
  });

  it("EV1001: control characters are shown by code point", () => {
    const d = diagnose("namespace shop\ntype A { a: int \u0007 }\n");
    expectDiagnostic(d, "EV1001", 2, 17, 'Unexpected character "U+0007"');
  });

  it("EV1002: a string without its closing quote, and no guess at the file it names", () => {
    const d = diagnose('namespace shop\nimport "./common\n');
    expectDiagnostic(d, "EV1002", 2, 8, "This string has no closing double quote on the same line.");
    expectCodes(d, ["EV1002"]);
  });

  it("EV1003: something unexpected, said in the user's words", () => {
    const d = diagnose("namespace shop\ntype A { a int }\n");
    expectDiagnostic(d, "EV1003", 2, 12, "Expected ':' or '?' after the field name, but found the name 'int'.");
    expectCodes(d, ["EV1003"]);
  });

  it("EV1004: the file ends in the middle of a declaration", () => {
    const d = diagnose("namespace shop\ntype A {");
    expectDiagnostic(d, "EV1004", 2, 9, "Expected a field name or '}', but the file ended.");
  });

  it("EV1005: a doc comment documenting nothing is a warning", () => {
    const d = diagnose("namespace shop\ntype A { a: int }\n/// nothing here\n");
    const diagnostic = expectDiagnostic(d, "EV1005", 3, 1, 'This "///" doc comment is not followed by anything it can document, so it is ignored.');
    expect(diagnostic.severity).toBe("warning");
  });

  it("EV1006: a number too large", () => {
    const d = diagnose("namespace shop\ntopic t { partitions 99999999999999999999 }\naggregate A in t { key id: uuid\n event Made creates { x: int } }\n");
    expectDiagnostic(d, "EV1006", 2, 22, 'The number "99999999999999999999" is too large to be used here.');
    expectCodes(d, ["EV1006"]);
  });

  it("reports several independent syntax mistakes of one file in one run", () => {
    const d = diagnose(`namespace shop
type A { a int }
type B { b: string # }
enum C { X Y, }
topic t { partitions }
`);
    expect(d.filter((x) => x.code.startsWith("EV1")).length).toBeGreaterThanOrEqual(3);
    expectDiagnostic(d, "EV1003", 2, 12, "Expected ':' or '?'");
    expectDiagnostic(d, "EV1001", 3, 20, 'Unexpected character "#"');
  });
});
