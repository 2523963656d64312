/** What the server offers where: read from the text before the cursor, mid-edit. */
import { describe, expect, it } from "vitest";
import { completionContext } from "../../compiler/lsp/completion-context.js";
import { LineIndex } from "../../compiler/lsp/line-index.js";

const HEAD = "namespace shop\n\n";

describe("completionContext", () => {
  it("expects a type after a colon, inside list<…> and as a map's value", () => {
    expect(completionContext(HEAD + "type A {\n  x: ")).toEqual({ kind: "type" });
    expect(completionContext(HEAD + "type A {\n  x?: Mo")).toEqual({ kind: "type" });
    expect(completionContext(HEAD + "type A {\n  x: list<")).toEqual({ kind: "type" });
    expect(completionContext(HEAD + "type A {\n  x: map<string, Mon")).toEqual({ kind: "type" });
    expect(completionContext(HEAD + "aggregate O {\n  key id: u")).toEqual({ kind: "type" });
  });

  it("expects events after `after` (also further down the list), events or aggregates after `on`, aggregates after `per`, topics after `in`", () => {
    expect(completionContext(HEAD + "aggregate O {\n  event B after ")).toEqual({ kind: "after" });
    expect(completionContext(HEAD + "aggregate O {\n  event B after A, Or")).toEqual({ kind: "after" });
    expect(completionContext(HEAD + "projection P per O {\n  on A, ")).toEqual({ kind: "on" });
    expect(completionContext(HEAD + "projection P per ")).toEqual({ kind: "per" });
    expect(completionContext(HEAD + "aggregate O in ord")).toEqual({ kind: "topic" });
  });

  it("offers the keywords a statement may start with, by block", () => {
    expect(completionContext("")).toEqual({ kind: "keywords", words: ["namespace", "import", "enum", "type", "topic", "aggregate", "projection"] });
    expect(completionContext(HEAD + "ag")).toEqual({ kind: "keywords", words: ["import", "enum", "type", "topic", "aggregate", "projection"] });
    expect(completionContext(HEAD + "aggregate O {\n  key id: uuid\n  ev")).toEqual({ kind: "keywords", words: ["key", "event"] });
    expect(completionContext(HEAD + "projection P {\n  ")).toEqual({ kind: "keywords", words: ["on", "state"] });
    expect(completionContext(HEAD + "topic t {\n  ")).toEqual({ kind: "keywords", words: ["partitions"] });
    expect(completionContext(HEAD + "aggregate O {\n  event A {\n    x: int\n  }\n  ")).toEqual({ kind: "keywords", words: ["key", "event"] });
    expect(completionContext(HEAD + "aggregate O {\n  event A ")).toEqual({ kind: "keywords", words: ["creates", "after", "ends"] });
    expect(completionContext(HEAD + "aggregate O {\n  event A v2 ")).toEqual({ kind: "keywords", words: ["creates", "after", "ends"] });
  });

  it("offers annotations after @, and nothing in field names, strings or comments", () => {
    expect(completionContext(HEAD + "type A {\n  x: string @max")).toEqual({ kind: "annotation" });
    expect(completionContext(HEAD + "type A {\n  ")).toEqual({ kind: "none" });
    expect(completionContext(HEAD + 'import "./com')).toEqual({ kind: "none" });
    expect(completionContext(HEAD + "type A {\n  x: string = \"a: ")).toEqual({ kind: "none" });
    expect(completionContext(HEAD + "// after ")).toEqual({ kind: "none" });
    expect(completionContext(HEAD + "type A {\n  /// x: ")).toEqual({ kind: "none" });
  });

  it("ignores braces and colons inside comments and strings when finding the block", () => {
    expect(completionContext(HEAD + "aggregate O { // }}} x:\n  e")).toEqual({ kind: "keywords", words: ["key", "event"] });
    expect(completionContext(HEAD + 'type A { s: string = "}" }\n')).toMatchObject({ kind: "keywords" });
  });
});

describe("LineIndex", () => {
  it("converts offsets to 0-based LSP positions with CRLF, CR and astral characters (UTF-16 units)", () => {
    const text = "a\r\nb😀c\rd\n";
    const index = new LineIndex(text);
    expect(index.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(3)).toEqual({ line: 1, character: 0 });
    expect(index.positionAt(text.indexOf("c"))).toEqual({ line: 1, character: 3 });
    expect(index.positionAt(text.indexOf("d"))).toEqual({ line: 2, character: 0 });
    expect(index.positionAt(text.length)).toEqual({ line: 3, character: 0 });
    expect(index.offsetAt({ line: 1, character: 3 })).toBe(text.indexOf("c"));
    expect(index.offsetAt({ line: 9, character: 9 })).toBe(text.length);
  });

  it("shifts compiler offsets past a byte-order mark the compiler stripped", () => {
    const index = new LineIndex("\uFEFFnamespace x");
    const span = { file: "f", start: { offset: 10, line: 1, column: 11 }, end: { offset: 11, line: 1, column: 12 } };
    expect(index.range(span)).toEqual({ start: { line: 0, character: 11 }, end: { line: 0, character: 12 } });
    expect(index.compilerOffset(11)).toBe(10);
  });
});
