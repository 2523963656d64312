/** The formatter's safety net: `sameMeaning` must see every difference of meaning, and no difference of layout. */
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import { sameMeaning } from "../../compiler/format/same-meaning.js";

const ast = (text: string, file = "a.events") => parse(`namespace n\n${text}\n`, file).ast;
const same = (a: string, b: string) => sameMeaning(ast(a), ast(b, "b.events"));

describe("sameMeaning", () => {
  it("ignores positions, paths, whitespace, separator commas and trailing spaces of docs", () => {
    expect(same("type T { a: int, b: string }", "\n\ntype T {\n  a: int\n  b: string\n}")).toBe(true);
    expect(same("/// Doc.   \ntype T {}", "/// Doc.\ntype T {}")).toBe(true);
    expect(same("enum E { A, B, }", "enum E {\n A\n B\n}")).toBe(true);
  });

  it("sees every change of meaning", () => {
    const base = "/// Doc.\naggregate A in t { key k: string\n event E v2 creates { a?: list<int> = [1, 2] @min(1) } }";
    const changed = [
      base.replace("/// Doc.", "/// Dog."),
      base.replace("/// Doc.\n", ""),
      base.replace("in t", ""),
      base.replace("key k", "key j"),
      base.replace("v2", "v3"),
      base.replace("creates", "ends"),
      base.replace("creates", ""),
      base.replace("a?:", "a:"),
      base.replace("list<int>", "list<long>"),
      base.replace("[1, 2]", "[1]"),
      base.replace("[1, 2]", "[2, 1]"),
      base.replace("@min(1)", "@min(2)"),
      base.replace("@min(1)", "@min"),
      base.replace("{ a?", "{ b: int a?"),
    ];
    expect(same(base, base)).toBe(true);
    for (const text of changed) expect([text, same(base, text)]).toEqual([text, false]);
  });
});
