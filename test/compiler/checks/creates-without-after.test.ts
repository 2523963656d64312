import { describe, it } from "vitest";
import type { Declaration, SpecFile } from "../../../grammar/ast.js";
import { parse } from "../../../grammar/parse.js";
import { compile } from "../../../compiler/compile.js";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("creates without after (EV4010)", () => {
  it("reports `creates after` written in the source, at the after keyword", () => {
    const d = diagnose(`namespace shop
aggregate Order {
  key id: uuid
  event Placed creates after Placed { at: timestamp }
}
`);
    expectDiagnostic(d, "EV4010", 4, 24, 'The event "Placed" cannot both create the aggregate and come "after" other events.');
    expectCodes(d, ["EV4010"]);
  });

  it("reports an event tree that both creates and comes after others", () => {
    // Whatever the parser accepts, a tree with both must be reported: this one marks an
    // `after` event as `creates` too.
    const text = `namespace shop
aggregate Order {
  key id: uuid
  event Placed after Placed { at: timestamp }
}
`;
    const withCreates = (source: string, file: string) => {
      const { ast, problems } = parse(source, file);
      const declarations = ast.declarations.map((d): Declaration =>
        d.kind === "Aggregate" ? { ...d, events: d.events.map((e) => ({ ...e, creates: e.name.span })) } : d,
      );
      return { ast: { ...ast, declarations } satisfies SpecFile, problems };
    };
    const d = compile({ files: { "test.events": text }, parse: withCreates, generate: false }).diagnostics;
    expectDiagnostic(d, "EV4010", 4, 16, 'The event "Placed" cannot both create the aggregate and come "after" other events.');
    expectCodes(d, ["EV4010"]);
  });
});
