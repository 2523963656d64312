/** `formatSpec`: the canonical layout on messy inputs, exactly; refusal of broken files. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatSpec, ONE_LINE_ENUM_WIDTH } from "../../compiler/format/index.js";
import { meaningOf, ROOT } from "./helpers.js";

function format(text: string): string {
  const result = formatSpec(text, "spec.events");
  if (!("text" in result)) throw new Error(`refused: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return result.text;
}

/** Formats, and checks the promises every output keeps: same meaning, idempotent. */
function formatted(text: string): string {
  const out = format(text);
  expect(meaningOf(out)).toEqual(meaningOf(text));
  expect(format(out)).toBe(out);
  return out;
}

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("formatSpec: canonical layout", () => {
  it("normalises spacing, indentation, commas, blank lines and keeps every comment in place", () => {
    const messy = [
      "// header comment   ",
      "   ",
      "   ",
      "namespace   demo.x   // ns trailing",
      "import \"a.events\"",
      "import \"b.events\"",
      "enum   Color{Red,Green ,Blue,}",
      "type   T{a:int=1,b ? :list< map<string,int> > = [ ] @minItems( 1 ) @deprecated , c: string = \"x//y\" // c trailing",
      "",
      "",
      "  // own line before d",
      "  d: Color = Red}",
      "topic t{}",
      "topic u { partitions    3 }",
      "aggregate A in t{key id:uuid",
      "event E creates{}",
      "event F after E , F ends { x: int }",
      "event G after // why",
      "  E { y: map<string, int> = { } }",
      "}",
      "projection P per A{on E,F state{n:int=0}}",
      "// the end",
    ].join("\n");
    expect(formatted(messy)).toBe(
      lines(
        "// header comment",
        "",
        "namespace demo.x // ns trailing",
        "",
        'import "a.events"',
        'import "b.events"',
        "",
        "enum Color { Red, Green, Blue }",
        "",
        "type T {",
        "  a: int = 1",
        "  b?: list<map<string, int>> = [] @minItems(1) @deprecated",
        '  c: string = "x//y" // c trailing',
        "",
        "  // own line before d",
        "  d: Color = Red",
        "}",
        "",
        "topic t {}",
        "",
        "topic u {",
        "  partitions 3",
        "}",
        "",
        "aggregate A in t {",
        "  key id: uuid",
        "  event E creates {}",
        "  event F after E, F ends {",
        "    x: int",
        "  }",
        "  event G after // why",
        "    E {",
        "    y: map<string, int> = {}",
        "  }",
        "}",
        "",
        "projection P per A {",
        "  on E, F",
        "  state {",
        "    n: int = 0",
        "  }",
        "}",
        "",
        "// the end",
      ),
    );
  });

  it("leaves the style example of docs/formatting.md as it is", () => {
    const doc = readFileSync(join(ROOT, "docs/formatting.md"), "utf8");
    const example = /## The canonical style\n\n```\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toContain("namespace shop");
    expect(format(example!)).toBe(example);
  });

  it("leaves a canonical file byte for byte as it is", () => {
    const canonical = lines(
      "/// Shop.",
      "namespace shop",
      "",
      "enum Currency { EUR, USD }",
      "",
      "/// Money.",
      "type Money {",
      "  amount: decimal",
      "  currency: Currency = EUR // the default",
      "}",
    );
    expect(format(canonical)).toBe(canonical);
  });

  it("keeps docs glued to what they document and comments between declarations, with one blank line around declarations", () => {
    const text = [
      "namespace n",
      "type A { a: int }",
      "",
      "",
      "",
      "// about B",
      "",
      "",
      "/// Doc of B,",
      "",
      "/// second line.",
      "",
      "type B {",
      "",
      "  /// Doc of b.",
      "",
      "  b: int",
      "",
      "",
      "  c: int",
      "",
      "}",
      "type C { c: int }",
    ].join("\n");
    expect(formatted(text)).toBe(
      lines(
        "namespace n",
        "",
        "type A {",
        "  a: int",
        "}",
        "",
        "// about B",
        "",
        "/// Doc of B,",
        "/// second line.",
        "type B {",
        "  /// Doc of b.",
        "  b: int",
        "",
        "  c: int",
        "}",
        "",
        "type C {",
        "  c: int",
        "}",
      ),
    );
  });

  it("puts an enum on one line only when it fits and has no docs or comments inside", () => {
    const members = (n: number) => Array.from({ length: n }, (_, i) => `M${String(i).padStart(2, "0")}`);
    // `enum E { ` + members + ` }`: 9 + 5n - 2 + 2 columns.
    const fitting = members(Math.floor((ONE_LINE_ENUM_WIDTH - 9) / 5));
    const tooWide = members(Math.floor((ONE_LINE_ENUM_WIDTH - 9) / 5) + 1);
    expect(formatted(`namespace n\nenum E {\n${fitting.join("\n")}\n}`)).toBe(lines("namespace n", "", `enum E { ${fitting.join(", ")} }`));
    expect(formatted(`namespace n\nenum E { ${tooWide.join(", ")} }`)).toBe(lines("namespace n", "", "enum E {", ...tooWide.map((m) => `  ${m}`), "}"));
    expect(formatted("namespace n\nenum E { A, /// Doc\nB }")).toBe(lines("namespace n", "", "enum E {", "  A", "  /// Doc", "  B", "}"));
    expect(formatted("namespace n\nenum E { A, // why\nB, C, }")).toBe(lines("namespace n", "", "enum E {", "  A // why", "  B", "  C", "}"));
    expect(formatted("namespace n\nenum E { A } // after")).toBe(lines("namespace n", "", "enum E { A } // after"));
  });

  it("writes empty blocks as {} unless a comment is inside", () => {
    expect(formatted("namespace n\ntype T {   }\naggregate A { key k: string\nevent E creates ends {\n}}")).toBe(
      lines("namespace n", "", "type T {}", "", "aggregate A {", "  key k: string", "  event E creates ends {}", "}"),
    );
    expect(formatted("namespace n\ntype T { // to do\n}")).toBe(lines("namespace n", "", "type T { // to do", "}"));
    expect(formatted("namespace n\ntype T {\n    // to do\n\n}")).toBe(lines("namespace n", "", "type T {", "  // to do", "}"));
  });

  it("spaces literals, annotations and type arguments the same way everywhere", () => {
    const text = 'namespace n\ntype T { a : list<list<int>>=[[1,2],[ ]] @x( "a" , -1.5e3 ,true,{ } ) @y(), b:map<string,string>={} }';
    expect(formatted(text)).toBe(
      lines("namespace n", "", "type T {", '  a: list<list<int>> = [[1, 2], []] @x("a", -1.5e3, true, {}) @y()', "  b: map<string, string> = {}", "}"),
    );
  });

  it("writes LF line ends, no trailing whitespace, one final newline", () => {
    const text = "namespace n   \r\n\r\n\r\n// c   \t\r\ntype T {\r\n\ta: int\t\r\n}\r\n\r\n\r\n";
    expect(formatted(text)).toBe(lines("namespace n", "", "// c", "type T {", "  a: int", "}"));
  });

  it("removes only spaces and tabs at the end of comments and docs", () => {
    const text = "namespace n\n/// Doc\u00a0\t\ntype T { a: int // c\u2003 \f\n}";
    expect(formatted(text)).toBe(lines("namespace n", "", "/// Doc\u00a0", "type T {", "  a: int // c\u2003", "}"));
  });

  it("keeps comments on their own line and trailing comments trailing", () => {
    const text = "namespace n\ntype T {\n  a: int\n      // under a\n  b: int // after b\n  // before the brace\n}\n";
    expect(formatted(text)).toBe(lines("namespace n", "", "type T {", "  a: int", "  // under a", "  b: int // after b", "  // before the brace", "}"));
  });

  it("keeps a doc comment that documents nothing where it was", () => {
    expect(formatted("namespace n\ntype T { a: int\n/// nothing\n}")).toBe(lines("namespace n", "", "type T {", "  a: int", "  /// nothing", "}"));
    // Before a comma, a doc documents nothing; dropping the comma would make it document `b`.
    expect(formatted("namespace n\ntype T { a: int\n/// nothing\n, b: int }")).toBe(
      lines("namespace n", "", "type T {", "  a: int", "  /// nothing", "    ,", "  b: int", "}"),
    );
    expect(formatted("namespace n\naggregate A { key k: int\nevent E after X\n/// nothing\n, Y {} }")).toBe(
      lines("namespace n", "", "aggregate A {", "  key k: int", "  event E after X", "  /// nothing", "    , Y {}", "}"),
    );
  });
});

describe("formatSpec: refusal", () => {
  it("returns the syntax errors of a broken file instead of formatting it", () => {
    const result = formatSpec("namespace a\ntype T { a: }\n", "broken.events");
    expect(result).not.toHaveProperty("text");
    const diagnostics = "diagnostics" in result ? result.diagnostics : [];
    expect(diagnostics.map((d) => [d.code, d.severity, d.span?.start.line, d.span?.start.column])).toEqual([["EV1003", "error", 2, 13]]);
    expect(diagnostics[0]?.message).toContain("Expected a type");
  });

  it("reports every syntax error of the file", () => {
    const result = formatSpec("namespace a\ntype T { a: }\ntype U { b int }\n", "broken.events");
    const diagnostics = "diagnostics" in result ? result.diagnostics : [];
    expect(diagnostics.map((d) => d.span?.start.line)).toEqual([2, 3]);
  });

  it("never throws, whatever the bytes", () => {
    for (const text of ["", "\u0000\uFFFF", "namespace", "}}}", "namespace n\n" + "type T { a: list<".repeat(100)]) {
      const result = formatSpec(text, "odd.events");
      expect("diagnostics" in result ? result.diagnostics.length : -1).toBeGreaterThan(0);
    }
  });
});
