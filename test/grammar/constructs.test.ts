/** Each construct of the language, one at a time. */
import { describe, expect, it } from "vitest";
import type { AggregateDecl, EnumDecl, ProjectionDecl, TopicDecl, TypeDecl } from "../../grammar/index.js";
import { declarationSummary, fieldText, literalText, parseClean, typeText } from "./helpers.js";

function only<T>(text: string): T {
  const ast = parseClean(`namespace t\n${text}`);
  expect(ast.declarations).toHaveLength(1);
  return ast.declarations[0] as T;
}

function fieldsOf(body: string): string[] {
  return only<TypeDecl>(`type T {\n${body}\n}`).fields.map(fieldText);
}

describe("namespace and imports", () => {
  it("reads a dotted namespace", () => {
    const ast = parseClean("namespace acme.billing.v2");
    expect(ast.namespace?.parts).toEqual(["acme", "billing", "v2"]);
    expect(ast.declarations).toEqual([]);
  });

  it("reads imports with escapes in the path", () => {
    const ast = parseClean('namespace a\nimport "./common.events"\nimport "../x\\"y.events"');
    expect(ast.imports.map((i) => i.path)).toEqual(["./common.events", '../x"y.events']);
  });
});

describe("enums", () => {
  it("accepts commas, newlines or both between members, and a trailing comma", () => {
    expect(only<EnumDecl>("enum E { A, B C\n D, }").members.map((m) => m.name.name)).toEqual(["A", "B", "C", "D"]);
  });

  it("accepts keywords as member names", () => {
    const members = only<EnumDecl>("enum E { type state key on in event after creates ends per list map true v2 }").members;
    expect(members.map((m) => m.name.name)).toEqual(["type", "state", "key", "on", "in", "event", "after", "creates", "ends", "per", "list", "map", "true", "v2"]);
  });

  it("accepts an empty enum (the checker decides)", () => {
    expect(only<EnumDecl>("enum E {}").members).toEqual([]);
  });
});

describe("fields", () => {
  it("reads optional fields, every primitive and named types", () => {
    expect(
      fieldsOf("a: string\nb?: int\nc: long d: float, e: decimal\nf: bool g: uuid h: timestamp i: date j: bytes k: Money l: common.Money"),
    ).toEqual([
      "a: string",
      "b?: int",
      "c: long",
      "d: float",
      "e: decimal",
      "f: bool",
      "g: uuid",
      "h: timestamp",
      "i: date",
      "j: bytes",
      "k: Money",
      "l: common.Money",
    ]);
  });

  it("tells primitive from named types", () => {
    const [a, b, c] = only<TypeDecl>("type T { a: string b: String c: x.string }").fields;
    expect([a?.type.kind, b?.type.kind, c?.type.kind]).toEqual(["Primitive", "Named", "Named"]);
  });

  it("reads list, map and nested types; map accepts any key type", () => {
    expect(fieldsOf("a: list<int>\nb: map<string, Money>\nc: list<map<string, list<common.Money>>>\nd: map<int, bool>")).toEqual([
      "a: list<int>",
      "b: map<string, Money>",
      "c: list<map<string, list<common.Money>>>",
      "d: map<int, bool>",
    ]);
  });

  it("reads defaults of every literal kind", () => {
    expect(
      fieldsOf(
        'a: string = "x\\ty\\n\\u0041\\u{1F600}\\\\" b: int = 42 c: int = -7 d: float = 1.25 e: float = -2e3 f: bool = true g: bool = false h: Currency = EUR i: list<int> = [] j: list<int> = [1, -2, 3] k: map<string, int> = {} l: Currency = type',
      ),
    ).toEqual([
      'a: string = "x\\ty\\nA😀\\\\"',
      "b: int = Integer:42",
      "c: int = Integer:-7",
      "d: float = Float:1.25",
      "e: float = Float:-2e3",
      "f: bool = true",
      "g: bool = false",
      "h: Currency = #EUR",
      "i: list<int> = []",
      "j: list<int> = [Integer:1, Integer:-2, Integer:3]",
      "k: map<string, int> = {}",
      "l: Currency = #type",
    ]);
  });

  it("reads annotations with and without arguments, several per field", () => {
    expect(fieldsOf('a: string @minLength(1) @maxLength(64) @pattern("^[a-z]+$") @deprecated\nb: int @min(-1) @max(10) @deprecated("old")')).toEqual([
      'a: string @minLength(Integer:1) @maxLength(Integer:64) @pattern("^[a-z]+$") @deprecated',
      'b: int @min(Integer:-1) @max(Integer:10) @deprecated("old")',
    ]);
  });

  it("accepts keywords and versions as field and annotation names", () => {
    const names = "type state key on in event after creates ends per list map namespace import enum topic aggregate projection partitions true false v v2 value v2field";
    const body = names
      .split(" ")
      .map((name) => `${name}: int`)
      .join("\n");
    expect(only<TypeDecl>(`type T {\n${body}\n}`).fields.map((f) => f.name.name)).toEqual(names.split(" "));
    expect(fieldsOf("a: int @state @in(1)")).toEqual(["a: int @state @in(Integer:1)"]);
  });

  it("accepts commas between fields, on one line or several", () => {
    expect(fieldsOf("a: int, b: int\nc: int,\nd: int,")).toEqual(["a: int", "b: int", "c: int", "d: int"]);
  });
});

describe("topics", () => {
  it("reads partitions, or leaves them out", () => {
    const with4 = only<TopicDecl>("topic orders { partitions 4 }");
    expect(with4.partitions).toMatchObject({ kind: "Integer", text: "4", value: 4 });
    expect(only<TopicDecl>("topic orders {}").partitions).toBeUndefined();
  });
});

describe("aggregates and events", () => {
  it("reads an aggregate with and without 'in'", () => {
    expect(only<AggregateDecl>("aggregate A in t { key id: uuid }").topic?.text).toBe("t");
    expect(only<AggregateDecl>("aggregate A in other.t { key id: uuid }").topic?.parts).toEqual(["other", "t"]);
    expect(only<AggregateDecl>("aggregate A { key id: uuid }").topic).toBeUndefined();
  });

  it("accepts keys anywhere among the events, several or none, keywords as key names", () => {
    const aggregate = only<AggregateDecl>("aggregate A { event E creates {} key type: string event F {} key key: long }");
    expect(aggregate.keys.map((k) => `${k.name.name}: ${typeText(k.type)}`)).toEqual(["type: string", "key: long"]);
    expect(aggregate.events.map((e) => e.name.name)).toEqual(["E", "F"]);
    expect(only<AggregateDecl>("aggregate A { event E creates {} }").keys).toEqual([]);
  });

  it("reads every combination of version and lifecycle clauses", () => {
    const aggregate = only<AggregateDecl>(`aggregate A {
      key id: uuid
      event A1 creates {}
      event A2 creates ends {}
      event A3 after A1 {}
      event A4 after A1, A3, other.A5 ends {}
      event A5 ends {}
      event A6 {}
      event A7 v1 creates {}
      event A7 v12 after A1 ends { x: int }
      event A8 creates after A1 {}
    }`);
    expect((declarationSummary(aggregate) as { events: unknown }).events).toEqual([
      { event: "A1", lifecycle: "creates", fields: [] },
      { event: "A2", lifecycle: "creates ends", fields: [] },
      { event: "A3", lifecycle: "A1", fields: [] },
      { event: "A4", lifecycle: "A1,A3,other.A5 ends", fields: [] },
      { event: "A5", lifecycle: "ends", fields: [] },
      { event: "A6", lifecycle: "", fields: [] },
      { event: "A7 v1", lifecycle: "creates", fields: [] },
      { event: "A7 v12", lifecycle: "A1 ends", fields: ["x: int"] },
      { event: "A8", lifecycle: "creates A1", fields: [] },
    ]);
    const last = aggregate.events[7];
    expect(last?.version).toMatchObject({ text: "12", value: 12 });
    expect(last?.afterKeyword).toBeDefined();
    expect(aggregate.events[0]?.afterKeyword).toBeUndefined();
  });
});

describe("projections", () => {
  it("reads on, per and state", () => {
    const projection = only<ProjectionDecl>("projection P per shop.Order { on Order, common.Paid state { n: int = 0 } }");
    expect(declarationSummary(projection)).toEqual({ projection: "P", per: "shop.Order", on: ["Order", "common.Paid"], state: ["n: int = Integer:0"] });
    expect(projection.stateKeyword).toBeDefined();
  });

  it("accepts a projection without 'on' or 'state' (the checker reports them)", () => {
    const projection = only<ProjectionDecl>("projection P {}");
    expect(projection.on).toEqual([]);
    expect(projection.state).toEqual([]);
    expect(projection.stateKeyword).toBeUndefined();
  });

  it("accepts keywords as state field names", () => {
    expect(only<ProjectionDecl>("projection P { on E state { state: string on: int } }").state.map(fieldText)).toEqual(["state: string", "on: int"]);
  });
});

describe("comments", () => {
  it("ignores // comments everywhere, including //// lines", () => {
    const ast = parseClean(`// leading
namespace a // after namespace
//// four slashes: a plain comment
import "x.events" // after import
enum E { // inside
  A, // after member
  B // last
} // after enum
aggregate X in t { // c
  key id: uuid // c
  event E // c
    after E // c
    ends // c
  { // c
    a: int // c
      = 1 // c
      @min(0) // c
  }
}
`);
    const aggregate = ast.declarations[1] as AggregateDecl;
    expect(aggregate.events[0]?.fields.map(fieldText)).toEqual(["a: int = Integer:1 @min(Integer:0)"]);
    expect(ast.doc).toBeUndefined();
  });

  it("keeps literal text exact", () => {
    expect(literalText({ kind: "Bool", value: true, span: undefined as never })).toBe("true");
  });
});
