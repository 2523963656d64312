import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { Diagnostics, renderText } from "../../compiler/index.js";
import { VALID_SPEC, diagnose, expectCodes, expectDiagnostic } from "./harness.js";

describe("compile()", () => {
  it("reports every independent mistake of a file, each at the right token, in one run", () => {
    const d = diagnose(`namespace shop

type Money {
  amount: decimal
  amount: string
}

aggregate Order {
  key orderId: decimal
  event OrderPlaced creates { total: Mony }
  event OrderPaid after OrderPlacd { amount: Money }
}

topic orders { partitions 0 }
`);
    expectDiagnostic(d, "EV3001", 5, 3, 'The field "amount" is already declared in type "Money".');
    expectDiagnostic(d, "EV4003", 9, 16, 'The key "orderId" has type "decimal"');
    expectDiagnostic(d, "EV2002", 10, 38, 'Unknown type "Mony". Did you mean "Money"?');
    expectDiagnostic(d, "EV2004", 11, 25, 'Unknown event "OrderPlacd". Did you mean "OrderPlaced"?');
    expectDiagnostic(d, "EV5010", 14, 27, 'A topic has 1 to 1024 partitions, but "orders" declares 0.');
    // Exactly these five (plus the warning that the topic is unused), in source order.
    expectCodes(d, ["EV3001", "EV4003", "EV2002", "EV2004", "EV5011", "EV5010"]);
  });

  it("reports problems of all files in one run, sorted by file and position", () => {
    const d = diagnose({
      "b.events": "namespace beta\ntype B { x: Nope }\n",
      "a.events": "namespace alpha\ntype A { y: Nada  y: int }\n",
    });
    expect(d.map((x) => `${x.span?.file}:${x.span?.start.line}:${x.span?.start.column} ${x.code}`)).toEqual([
      "a.events:2:13 EV2002",
      "a.events:2:19 EV3001",
      "b.events:2:13 EV2002",
    ]);
  });

  it("builds the model and generates modules when there is no error", () => {
    const result = compile({ files: { "shop.events": VALID_SPEC } });
    expectCodes(result.diagnostics, []);
    expect(result.model?.namespaces.map((n) => n.name)).toEqual(["shop"]);
    expect(result.outputs.map((o) => o.path)).toEqual(["shop.ts"]);
    expect(result.outputs[0]!.content).toContain("createShop");
  });

  it("generates nothing after an error, but still after warnings", () => {
    const broken = compile({ files: { "shop.events": VALID_SPEC.replace("total: Money", "total: Mony") } });
    expect(broken.model).toBeUndefined();
    expect(broken.outputs).toEqual([]);
    const warned = compile({ files: { "shop.events": `${VALID_SPEC}\ntopic spare {}\n` } });
    expectCodes(warned.diagnostics, ["EV5011"]);
    expect(warned.outputs).toHaveLength(1);
  });

  it("stops after checking when asked", () => {
    const result = compile({ files: { "shop.events": VALID_SPEC }, generate: false });
    expect(result.model).toBeDefined();
    expect(result.outputs).toEqual([]);
  });

  it("turns a parser that throws into a syntax diagnostic instead of a crash", () => {
    const result = compile({
      files: { "x.events": "namespace x\n" },
      parse: () => {
        throw new Error("boom");
      },
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["EV1003"]);
    expect(result.diagnostics[0]!.message).toContain("boom");
  });

  it("turns a failure inside a later phase into an internal error (EV9009) instead of throwing", () => {
    const start = { offset: 0, line: 1, column: 1 };
    const span = { file: "x.events", start, end: start };
    const result = compile({
      files: { "x.events": "namespace x\n" },
      // A tree no parser should produce: a hole where a declaration belongs.
      parse: () => ({
        ast: { kind: "File", path: "x.events", namespace: { parts: ["x"], text: "x", span }, imports: [], declarations: [null as never], span },
        problems: [],
      }),
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual([Diagnostics.InternalError.code]);
    expect(result.diagnostics[0]!.message).toMatch(/^eventc failed internally while checking the specs: .+\. This is a bug in eventc/);
    expect(result.model).toBeUndefined();
  });

  it("returns the sources, so diagnostics render with code frames", () => {
    const result = compile({ files: { "shop.events": "namespace shop\ntype T { a: Mony }\n" } });
    expect(renderText(result.diagnostics, { sources: result.sources })).toBe(
      [
        'shop.events:2:13: error EV2002: Unknown type "Mony".',
        "   |",
        " 2 | type T { a: Mony }",
        "   |             ^~~~",
        "   = help: Declare it (`type Mony { ... }` or `enum Mony { ... }`), or import the file that declares it.",
        "",
      ].join("\n"),
    );
  });
});
