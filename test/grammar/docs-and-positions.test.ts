/** Doc comments attach to the right node, text is preserved exactly, and spans point at the right source. */
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import type { AggregateDecl, EnumDecl, ProjectionDecl, TypeDecl } from "../../grammar/index.js";
import { at, describeProblem, parseClean, slice } from "./helpers.js";

describe("doc comments", () => {
  const text = `/// The namespace.
namespace a

/// Colors.
enum Color {
  /// The first.
  RED
  BLUE /// Belongs to GREEN, the next member.
  GREEN
}

/// Line one.
///Line two without a space.
///   Indented line three.
///
/// After an empty doc line.
type T {
  /// Field doc with */ and \`backticks\` and \${template} and \u2028 inside.
  a: int
  b: int
}
/// The aggregate.
aggregate A {
  /// The key.
  key id: uuid
  /// The event.
  event E creates {
    /// The field.
    x: int
  }
}
/// The projection.
// a plain comment between the doc and the declaration
projection P { on E state { /// State field.
  n: int } }
`;
  const ast = parseClean(text);

  it("attaches to the namespace, declarations, members, keys, events and fields", () => {
    expect(ast.doc?.text).toBe("The namespace.");
    const [color, type, aggregate, projection] = ast.declarations as [EnumDecl, TypeDecl, AggregateDecl, ProjectionDecl];
    expect(color.doc?.text).toBe("Colors.");
    expect(color.members.map((m) => m.doc?.text)).toEqual(["The first.", undefined, "Belongs to GREEN, the next member."]);
    expect(type.doc?.text).toBe("Line one.\nLine two without a space.\n  Indented line three.\n\nAfter an empty doc line.");
    expect(type.fields.map((f) => f.doc?.text)).toEqual(["Field doc with */ and `backticks` and ${template} and \u2028 inside.", undefined]);
    expect(aggregate.doc?.text).toBe("The aggregate.");
    expect(aggregate.keys[0]?.doc?.text).toBe("The key.");
    expect(aggregate.events[0]?.doc?.text).toBe("The event.");
    expect(aggregate.events[0]?.fields[0]?.doc?.text).toBe("The field.");
    expect(projection.doc?.text).toBe("The projection.");
    expect(projection.state[0]?.doc?.text).toBe("State field.");
  });

  it("spans the doc lines exactly", () => {
    const type = ast.declarations[1] as TypeDecl;
    expect(slice(text, type.doc!.span)).toBe("/// Line one.\n///Line two without a space.\n///   Indented line three.\n///\n/// After an empty doc line.");
  });

  it("reports a doc comment that documents nothing, as a dangling doc comment", () => {
    const problems = parse("namespace a\ntype T {\n  a: int\n  /// nothing follows\n}\n/// at the end", "f").problems;
    expect(problems.map(describeProblem)).toEqual(["4:3-4:22 DanglingDocComment", "6:1-6:15 DanglingDocComment"]);
  });

  it("does not add a dangling-doc warning for a declaration that a syntax error skipped", () => {
    const skipping = parse("namespace a\nevent E {}\n/// Doc of the stray field.\nx: int\ntype U {}", "f").problems.map(describeProblem);
    expect(skipping).toEqual([
      "2:1-2:6 expected a declaration (enum, type, topic, aggregate or projection); 'event' belongs inside an aggregate, found the keyword 'event'",
    ]);
  });

  it("does not attach a doc to an import, and says so", () => {
    const { ast: withImport, problems } = parse('namespace a\n/// about the import\nimport "x.events"', "f");
    expect(withImport.imports).toHaveLength(1);
    expect(problems.map(describeProblem)).toEqual(["2:1-2:21 DanglingDocComment"]);
  });
});

describe("spans", () => {
  const text = [
    "namespace shop.orders", // 1
    'import "./common.events"', // 2
    "type Money {", // 3
    "  amount: decimal = \"0.00\" @min(0)", // 4
    "  tags?: list<map<string, int>>", // 5
    "}", // 6
    "aggregate Order in orders {", // 7
    "  key orderId: uuid", // 8
    "  event OrderPaid v2 after OrderPlaced, common.X ends { amount: Money }", // 9
    "}", // 10
    "projection P per Order { on Order state { n: int } }", // 11
  ].join("\r\n");
  const ast = parseClean(text, "/abs/shop.events");
  const [money, order, projection] = ast.declarations as [TypeDecl, AggregateDecl, ProjectionDecl];

  it("carries the file name and 1-based lines and columns with CRLF line ends", () => {
    expect(ast.namespace?.span).toEqual({
      file: "/abs/shop.events",
      start: { offset: 10, line: 1, column: 11 },
      end: { offset: 21, line: 1, column: 22 },
    });
    expect(ast.imports[0]?.pathSpan.start).toEqual({ offset: 30, line: 2, column: 8 });
    expect(slice(text, ast.imports[0]!.pathSpan)).toBe('"./common.events"');
  });

  it("points names, types, defaults and annotations at their tokens", () => {
    const amount = money.fields[0]!;
    expect([at(amount.name.span), at(amount.type.span), at(amount.default!.span), at(amount.annotations[0]!.span)]).toEqual(["4:3", "4:11", "4:21", "4:28"]);
    expect(slice(text, amount.span)).toBe('amount: decimal = "0.00" @min(0)');
    expect(slice(text, amount.annotations[0]!.span)).toBe("@min(0)");
    const tags = money.fields[1]!;
    expect(slice(text, tags.type.span)).toBe("list<map<string, int>>");
    expect(slice(text, money.span)).toBe(text.split("\r\n").slice(2, 6).join("\r\n"));
  });

  it("points event parts at their keywords and names", () => {
    const event = order.events[0]!;
    expect(at(event.name.span)).toBe("9:9");
    expect(slice(text, event.version!.span)).toBe("v2");
    expect(at(event.afterKeyword!)).toBe("9:22");
    expect(event.after.map((name) => `${name.text}@${at(name.span)}`)).toEqual(["OrderPlaced@9:28", "common.X@9:41"]);
    expect(slice(text, event.ends!)).toBe("ends");
    expect(at(event.ends!)).toBe("9:50");
    expect(slice(text, order.keys[0]!.span)).toBe("key orderId: uuid");
    expect(at(order.topic!.span)).toBe("7:20");
  });

  it("points projection parts at their tokens", () => {
    expect(at(projection.per!.span)).toBe("11:18");
    expect(at(projection.on[0]!.span)).toBe("11:29");
    expect(at(projection.stateKeyword!)).toBe("11:35");
  });

  it("spans the whole file", () => {
    expect(ast.span.start).toEqual({ offset: 0, line: 1, column: 1 });
    expect(ast.span.end).toEqual({ offset: text.length, line: 11, column: 53 });
  });
});
