import { describe, expect, it } from "vitest";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("known types (EV2002, EV2007, EV2008, EV2009, EV2010)", () => {
  it("reports an unknown type with a did-you-mean suggestion", () => {
    const d = diagnose(`namespace shop
type Money { amount: decimal }
type Line { price: Mony }
`);
    expectDiagnostic(d, "EV2002", 3, 20, 'Unknown type "Mony". Did you mean "Money"?');
    expectCodes(d, ["EV2002"]);
  });

  it("suggests primitive types too", () => {
    const d = diagnose("namespace shop\ntype Line { name: strng }\n");
    expectDiagnostic(d, "EV2002", 2, 19, 'Unknown type "strng". Did you mean "string"?');
  });

  it("reports each use of an unknown type once, and nothing downstream of it", () => {
    const d = diagnose(`namespace shop
type Line {
  a: Nope = 3 @min(1)
  b: list<Nope> = []
}
`);
    const first = expectDiagnostic(d, "EV2002", 3, 6, 'Unknown type "Nope".');
    expect(first.hint).toBe("Declare it (`type Nope { ... }` or `enum Nope { ... }`), or import the file that declares it.");
    expectDiagnostic(d, "EV2002", 4, 11, 'Unknown type "Nope".');
    expectCodes(d, ["EV2002", "EV2002"]);
  });

  it("resolves names of imported namespaces, bare or qualified", () => {
    const d = diagnose({
      "common.events": "namespace common\ntype Money { amount: decimal }\n",
      "shop.events": 'namespace shop\nimport "./common.events"\ntype Line { a: Money  b: common.Money }\n',
    });
    expectCodes(d, []);
  });

  it("reports a bare name declared in two imported namespaces as ambiguous", () => {
    const d = diagnose({
      "a.events": "namespace a\ntype Money { x: int }\n",
      "b.events": "namespace b\ntype Money { x: int }\n",
      "shop.events": 'namespace shop\nimport "./a.events"\nimport "./b.events"\ntype Line { price: Money }\n',
    });
    const diagnostic = expectDiagnostic(d, "EV2007", 4, 20, '"Money" is ambiguous: it is declared in namespaces "a" and "b".', "shop.events");
    expect(diagnostic.hint).toBe('Write the name with its namespace: "a.Money" or "b.Money".');
    expectCodes(d, ["EV2007"]);
  });

  it("lets the file's own namespace win over imported ones", () => {
    const d = diagnose({
      "a.events": "namespace a\ntype Money { x: int }\n",
      "shop.events": 'namespace shop\nimport "./a.events"\ntype Money { y: int }\ntype Line { price: Money }\n',
    });
    expectCodes(d, []);
  });

  it("reports a name of the wrong kind", () => {
    const d = diagnose(`namespace shop
topic orders {}
type Line { price: orders }
`);
    expectDiagnostic(d, "EV2008", 3, 20, '"orders" is a topic, but a type or an enum is expected here.');
  });

  it("reports an unknown namespace in a qualified name", () => {
    const d = diagnose({
      "common.events": "namespace common\ntype Money { x: int }\n",
      "shop.events": 'namespace shop\nimport "./common.events"\ntype Line { price: comon.Money }\n',
    });
    expectDiagnostic(d, "EV2009", 3, 20, 'Unknown namespace "comon" in "comon.Money". Did you mean "common"?', "shop.events");
  });

  it("reports a name of a namespace the file does not import, with the import to add", () => {
    const d = diagnose({
      "specs/common.events": "namespace common\ntype Money { x: int }\n",
      "specs/shop.events": "namespace shop\ntype Line { price: Money  other: common.Money }\n",
    });
    const bare = expectDiagnostic(d, "EV2010", 2, 20, 'Namespace "common" is not imported by this file, so "Money" is not visible here.', "specs/shop.events");
    expect(bare.hint).toBe('Add `import "./common.events"` at the top of this file.');
    expectDiagnostic(d, "EV2010", 2, 34, 'so "common.Money" is not visible here.', "specs/shop.events");
  });
});
