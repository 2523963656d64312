/** Syntax problems: user words, exact positions, recovery, and no input that throws. */
import { describe, expect, it } from "vitest";
import { MAX_NESTING, parse } from "../../grammar/index.js";
import type { AggregateDecl, TypeDecl } from "../../grammar/index.js";
import { describeProblem, problemsOf } from "./helpers.js";

const ns = "namespace shop\n";

describe("messages in the user's words, at the offending token", () => {
  const cases: [string, string, string[]][] = [
    ["missing namespace", "enum E { A }", ["1:1-1:5 expected the namespace declaration (namespace name) at the start of the file, found the keyword 'enum'"]],
    ["empty file", "", ["1:1-1:1 expected the namespace declaration (namespace name) at the start of the file, found the end of the file"]],
    ["'=' instead of ':'", `${ns}type T { a = int }`, ["2:12-2:13 expected ':' or '?' after the field name, found '='"]],
    ["missing ':'", `${ns}type T { a int }`, ["2:12-2:15 expected ':' or '?' after the field name, found the name 'int'"]],
    ["missing type", `${ns}type T { a: }`, ["2:13-2:14 expected a type such as string, int or a declared type name, found '}'"]],
    ["missing default value", `${ns}type T { a: int = }`, ["2:19-2:20 expected a value (a string, a number, true, false, an enum member, [] or {}), found '}'"]],
    ["missing '}'", `${ns}type T { a: int\n`, ["3:1-3:1 expected a field name or '}', found the end of the file"]],
    ["extra '}'", `${ns}type T { a: int } }`, ["2:19-2:20 expected a declaration (enum, type, topic, aggregate or projection), found '}'"]],
    ["missing type name", `${ns}type { a: int }`, ["2:6-2:7 expected a name for the type, found '{'"]],
    ["'=' after an event name", `${ns}aggregate A { key id: uuid\n event E = { } }`, ["3:10-3:11 expected '{' after the event name, found '='"]],
    ["key without a name", `${ns}aggregate A { key: string }`, ["2:18-2:19 expected the key's name after 'key', as in key sku: string, found ':'"]],
    ["stray word in an aggregate", `${ns}aggregate A { foo }`, ["2:15-2:18 expected 'key', 'event' or '}', found the name 'foo'"]],
    ["partitions without a number", `${ns}topic t { partitions x }`, ["2:22-2:23 expected the number of partitions (an integer such as 4), found the name 'x'"]],
    ["'on' without names", `${ns}projection P { on state { } }`, ["2:19-2:24 expected an event or aggregate name after 'on', found the keyword 'state'"]],
    ["state before on", `${ns}projection P { state { a: int } on X }`, ["2:33-2:35 expected '}' to close the projection ('on' comes before 'state'), found the keyword 'on'"]],
    ["unclosed list<", `${ns}type T { a: list<int b: int }`, ["2:22-2:23 expected '>' to close 'list<', found the name 'b'"]],
    ["map with one type", `${ns}type T { a: map<string> }`, ["2:23-2:24 expected ',' and the value type, as in map<string, int>, found '>'"]],
    ["unclosed annotation", `${ns}type T { a: int @min(1 }`, ["2:24-2:25 expected ',' or ')', found '}'"]],
    ["event outside an aggregate", `${ns}event X {}`, ["2:1-2:6 expected a declaration (enum, type, topic, aggregate or projection); 'event' belongs inside an aggregate, found the keyword 'event'"]],
    ["import after a declaration", `${ns}type T {} import "x"`, ["2:11-2:17 expected a declaration (enum, type, topic, aggregate or projection); imports go before the first declaration, found the keyword 'import'"]],
    ["import without quotes", `${ns}import x`, ['2:8-2:9 expected the path of the imported file in double quotes, such as "./common.events", found the name \'x\'']],
    ["dangling dot", `${ns}type T { a: common. }`, ["2:21-2:22 expected a name after '.', found '}'"]],
    ["'in' without a topic", `${ns}aggregate A in { }`, ["2:16-2:17 expected a topic name after 'in', found '{'"]],
    ["after with a trailing comma", `${ns}aggregate A { event E after X, { } }`, ["2:32-2:33 expected an event name after ',', found '{'"]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(problemsOf(text)).toEqual(expected);
    });
  }

  it("reports invalid characters once per run, with the characters", () => {
    expect(problemsOf(`${ns}type T { a: int #$% b: int € }`)).toEqual(['2:17-2:20 InvalidCharacter "#$%"', '2:28-2:29 InvalidCharacter "€"']);
  });

  it("reports an unterminated string and keeps parsing the next lines", () => {
    const { ast, problems } = parse(`${ns}type T {\n  a: string = "abc\n  b: int\n}`, "f");
    expect(problems.map(describeProblem)).toEqual(["3:15-3:19 UnterminatedString"]);
    expect((ast.declarations[0] as TypeDecl).fields.map((f) => f.name.name)).toEqual(["a", "b"]);
  });

  it("reports numbers too large for a version or a partition count", () => {
    expect(problemsOf(`${ns}topic t { partitions 99999999999999999999 }`)).toEqual(['2:22-2:42 InvalidNumber "99999999999999999999"']);
    expect(problemsOf(`${ns}aggregate A { event E v99999999999999999999 {} }`)).toEqual(['2:23-2:44 InvalidNumber "v99999999999999999999"']);
  });

  it("does not mistake a keyword for a structural error where names are contextual", () => {
    expect(problemsOf(`${ns}type event { a: int }`)).toEqual(["2:6-2:11 expected a name for the type, found the keyword 'event'"]);
  });
});

describe("recovery", () => {
  it("reports 5 independent mistakes in 5 declarations, each at its token, and keeps the rest", () => {
    const text = `namespace shop

enum Currency { EUR, USD = GBP }

type Money {
  amount decimal
  currency: Currency = EUR
}

topic catalog {
  partitions four
}

aggregate Item in catalog {
  key sku: string
  event ItemListed creates {
    title: string
    price: Money
  }
  event ItemRepriced after ItemListed, {
    price: Money
  }
}

projection PriceList {
  on ItemListed
  state {
    prices: map<string Money>
  }
}
`;
    const { ast, problems } = parse(text, "shop.events");
    expect(problems.map(describeProblem)).toEqual([
      "3:26-3:27 expected an enum member name or '}', found '='",
      "6:10-6:17 expected ':' or '?' after the field name, found the name 'decimal'",
      "11:14-11:18 expected the number of partitions (an integer such as 4), found the name 'four'",
      "20:40-20:41 expected an event name after ',', found '{'",
      "28:24-28:29 expected ',' and the value type, as in map<string, int>, found the name 'Money'",
    ]);
    expect(ast.declarations.map((d) => d.name.name)).toEqual(["Currency", "Money", "catalog", "Item", "PriceList"]);
    expect((ast.declarations[1] as TypeDecl).fields.map((f) => f.name.name)).toEqual(["amount", "currency"]);
    expect((ast.declarations[3] as AggregateDecl).events.map((e) => [e.name.name, e.fields.length])).toEqual([
      ["ItemListed", 2],
      ["ItemRepriced", 1],
    ]);
  });

  it("reports mistakes in 5 fields of one event, each at its token, and keeps every field", () => {
    const text = `namespace a
aggregate A {
  key id: uuid
  event E creates {
    a = int
    b: list<int
    c: int = = 1
    d: int @
    e: Money?
    f: string
  }
}
`;
    expect(problemsOf(text)).toEqual([
      "5:7-5:8 expected ':' or '?' after the field name, found '='",
      "7:5-7:6 expected '>' to close 'list<', found the name 'c'",
      "7:14-7:15 expected a value (a string, a number, true, false, an enum member, [] or {}), found '='",
      "8:12-8:13 expected an annotation name right after '@' (such as @min), a field name or '}', found '@'",
      "9:13-9:14 expected a field name or '}' (an optional field is written name?: type), found '?'",
    ]);
    const event = (parse(text, "f").ast.declarations[0] as AggregateDecl).events[0];
    expect(event?.fields.map((field) => field.name.name)).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
});

describe("never throws", () => {
  const garbage = [
    "///",
    "/// lone doc",
    "{{{{{{{{",
    "}}}}}}}}",
    "namespace",
    "namespace a\naggregate",
    "namespace a\ntype T { a: list<",
    '"',
    '"\\',
    "\u0000\u0001\u0002 namespace \u0000",
    "\uFEFFnamespace a",
    "namespace a\n" + "type T { a: " + "list<".repeat(10_000) + "int" + ">".repeat(10_000) + " }",
    "namespace a\ntype T { a: list<int> = " + "[".repeat(10_000) + " }",
    "@@@@ ((( ))) ::: ??? === ... ,,,",
    Array.from({ length: 2000 }, (_, i) => String.fromCharCode(i * 37 % 65536)).join(""),
    "namespace a\n" + "}".repeat(5000) + "event ".repeat(5000),
    "namespace a\naggregate A { event E v1 v2 creates after ends creates { } }",
  ];
  for (const [index, text] of garbage.entries()) {
    it(`garbage #${index}`, () => {
      const result = parse(text, "g.events");
      expect(result.ast.kind).toBe("File");
      for (const problem of result.problems) {
        expect(problem.span.start.offset).toBeGreaterThanOrEqual(0);
        expect(problem.span.end.offset).toBeLessThanOrEqual(text.length);
        expect(problem.span.start.line).toBeGreaterThanOrEqual(1);
      }
    });
  }

  it("reports nesting deeper than the limit once, at the first too-deep bracket", () => {
    const text = "namespace a\ntype T { a: " + "list<".repeat(MAX_NESTING + 5) + "int }";
    const problems = parse(text, "g.events").problems.map(describeProblem);
    expect(problems[0]).toBe(
      `2:${12 + 5 * (MAX_NESTING + 1)}-2:${13 + 5 * (MAX_NESTING + 1)} expected at most ${MAX_NESTING} levels of nested types or values, found '<' nested deeper (the rest of the file is ignored)`,
    );
  });

  it("reports binary garbage without listing every byte twice", () => {
    const text = "\u0000\u0001\u0002";
    expect(problemsOf(text)).toEqual([
      '1:1-1:4 InvalidCharacter "\\u0000\\u0001\\u0002"',
      "1:4-1:4 expected the namespace declaration (namespace name) at the start of the file, found the end of the file",
    ]);
  });
});
