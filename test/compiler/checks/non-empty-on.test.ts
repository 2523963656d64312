import { describe, it } from "vitest";
import type { SpecFile } from "../../../grammar/ast.js";
import { compile } from "../../../compiler/compile.js";
import { expectDiagnostic } from "../harness.js";

describe("non-empty `on` (EV5005)", () => {
  it("reports a projection whose `on` list is empty", () => {
    // The grammar requires at least one name after `on`; an empty list reaches the checker only
    // from a parser that accepts it, so this test hands the checker such a tree directly.
    const at = (offset: number, column: number) => ({ offset, line: 2, column });
    const span = (from: number, to: number) => ({ file: "p.events", start: at(from, from - 14), end: at(to, to - 14) });
    const ast: SpecFile = {
      kind: "File",
      path: "p.events",
      namespace: { parts: ["shop"], text: "shop", span: { file: "p.events", start: { offset: 10, line: 1, column: 11 }, end: { offset: 14, line: 1, column: 15 } } },
      imports: [],
      declarations: [{ kind: "Projection", name: { name: "P", span: span(26, 27) }, on: [], state: [], span: span(15, 40) }],
      span: span(0, 40),
    };
    const result = compile({ files: { "p.events": "namespace shop\nprojection P { state { } }\n" }, parse: () => ({ ast, problems: [] }), generate: false });
    expectDiagnostic(result.diagnostics, "EV5005", 2, 12, 'The projection "P" handles no events: its "on" list is empty.', "p.events");
  });
});
