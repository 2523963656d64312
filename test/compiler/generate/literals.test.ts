import { describe, expect, it } from "vitest";
import { jsonLiteral, objectKey, propertyName, stringLiteral } from "../../../compiler/generate/literals.js";
import { tsdoc } from "../../../compiler/generate/tsdoc.js";

describe("literals", () => {
  it("string literals evaluate to the original string", () => {
    for (const s of ["plain", 'q"uote', "back\\slash", "new\nline", "\u2028\u2029", "`${x}`", "é€😀", "</script>"]) {
      const literal = stringLiteral(s);
      expect(literal).toMatch(/^"[\x20-\x7e]*"$/);
      expect(JSON.parse(literal)).toBe(s);
    }
  });

  it("property names are bare only when plain and unreserved; __proto__ keys are computed", () => {
    expect(propertyName("sku")).toBe("sku");
    expect(propertyName("class")).toBe('"class"');
    expect(propertyName("constructor")).toBe('"constructor"');
    expect(objectKey("__proto__")).toBe('["__proto__"]');
    expect(objectKey("default")).toBe('"default"');
  });

  it("JSON defaults become fresh literals", () => {
    expect(jsonLiteral({ a: [1, "x"], __proto__x: null })).toBe('{ a: [1, "x"], __proto__x: null }');
    expect(jsonLiteral([])).toBe("[]");
    expect(jsonLiteral(JSON.parse('{"__proto__": 1}'))).toBe('{ ["__proto__"]: 1 }');
  });
});

describe("tsdoc", () => {
  it("renders nothing without docs, one line for one line, a block otherwise", () => {
    expect(tsdoc({})).toBe("");
    expect(tsdoc({ doc: "One." }, "  ")).toBe("  /** One. */\n");
    expect(tsdoc({ doc: "One.\n\nTwo." })).toBe("/**\n * One.\n *\n * Two.\n */\n");
  });

  it("cannot be ended early and keeps @deprecated as a tag", () => {
    expect(tsdoc({ doc: "a */ b\u2028c", deprecated: "use x */" })).toBe("/**\n * a *\\/ b\n * c\n * @deprecated use x *\\/\n */\n");
    expect(tsdoc({ deprecated: "" })).toBe("/** @deprecated */\n");
  });
});
