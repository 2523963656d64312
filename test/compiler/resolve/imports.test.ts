import { describe, expect, it } from "vitest";
import { compile } from "../../../compiler/compile.js";
import { diagnose, expectCodes, expectDiagnostic } from "../harness.js";

describe("imports", () => {
  it("follow paths relative to the importing file and load files not given explicitly", () => {
    const files: Record<string, string> = {
      "specs/shared/common.events": "namespace common\ntype Money { amount: decimal }\n",
      "specs/shop/shop.events": 'namespace shop\nimport "../shared/common.events"\ntype Line { price: Money }\n',
    };
    const result = compile({
      files: ["specs/shop/shop.events"],
      readFile: (path) => files[path],
      generate: false,
    });
    expectCodes(result.diagnostics, []);
    expect(result.model?.namespaces.map((n) => n.name)).toEqual(["common", "shop"]);
    expect([...result.sources.keys()].sort()).toEqual(["specs/shared/common.events", "specs/shop/shop.events"]);
  });

  it("report a missing file at the import's string (EV2011)", () => {
    const d = diagnose('namespace shop\nimport "./nowhere.events"\n');
    expectDiagnostic(d, "EV2011", 2, 8, 'Cannot find the imported file "./nowhere.events".');
    expectCodes(d, ["EV2011"]);
  });

  it("report an unreadable file at the import's string (EV2012)", () => {
    const result = compile({
      files: ["a.events"],
      readFile: (path) => {
        if (path === "a.events") return 'namespace a\nimport "./locked.events"\n';
        throw Object.assign(new Error("EACCES: permission denied, open 'locked.events'"), { code: "EACCES" });
      },
      generate: false,
    });
    expectDiagnostic(result.diagnostics, "EV2012", 2, 8, 'Cannot read the imported file "./locked.events": permission denied.', "a.events");
  });

  it("allow cycles: two files importing each other see each other's names", () => {
    const d = diagnose({
      "a.events": 'namespace alpha\nimport "./b.events"\ntype A { b?: beta.B }\n',
      "b.events": 'namespace beta\nimport "./a.events"\ntype B { a?: alpha.A }\n',
    });
    expectCodes(d, []);
  });

  it("warn about a file importing itself (EV2013), a repeated import (EV2014) and a non-.events file (EV2018)", () => {
    const d = diagnose({
      "a.events": 'namespace a\nimport "./a.events"\nimport "./b.events"\nimport "./b.events"\nimport "./c.txt"\n',
      "b.events": "namespace b\n",
      "c.txt": "namespace c\n",
    });
    expectDiagnostic(d, "EV2013", 2, 8, "This file imports itself; the import has no effect.", "a.events");
    expectDiagnostic(d, "EV2014", 4, 8, 'The file "./b.events" is already imported above.', "a.events");
    expectDiagnostic(d, "EV2018", 5, 8, 'The imported file "./c.txt" does not end in ".events".', "a.events");
    expect(d.every((x) => x.severity === "warning")).toBe(true);
  });

  it("let a namespace span several files whose names see each other without imports", () => {
    const result = compile({
      files: {
        "shop/types.events": "namespace shop\ntype Money { amount: decimal }\n",
        "shop/orders.events": "namespace shop\naggregate Order {\n  key id: uuid\n  event Placed creates { total: Money }\n}\n",
      },
      generate: false,
    });
    expectCodes(result.diagnostics, []);
    expect(result.model?.namespaces[0]?.files).toEqual(["shop/orders.events", "shop/types.events"]);
    expect(result.model?.namespaces[0]?.records.map((r) => r.qualifiedName)).toEqual(["shop.Money"]);
  });

  it("make only imported namespaces visible, not every loaded one", () => {
    const d = diagnose({
      "a.events": "namespace alpha\ntype A { x: int }\n",
      "b.events": "namespace beta\ntype B { a: alpha.A }\n",
    });
    expectCodes(d, ["EV2010"]);
  });
});

describe("input files", () => {
  it("report a missing or unreadable input file without a position (EV9001, EV9002)", () => {
    const result = compile({
      files: ["missing.events", "folder"],
      readFile: (path) => {
        if (path === "folder") throw Object.assign(new Error("EISDIR: illegal operation on a directory"), { code: "EISDIR" });
        return undefined;
      },
      generate: false,
    });
    expect(result.diagnostics.map((d) => [d.code, d.message, d.span])).toEqual([
      ["EV9001", 'Cannot find "missing.events".', undefined],
      ["EV9002", 'Cannot read "folder": it is a folder.', undefined],
    ]);
  });

  it("normalise in-memory paths, and strip a byte order mark", () => {
    const result = compile({ files: { "./x/../a.events": "\uFEFFnamespace alpha\ntype A { x: int }\n" }, generate: false });
    expectCodes(result.diagnostics, []);
    expect([...result.sources.keys()]).toEqual(["a.events"]);
    expect(result.model?.namespaces[0]?.files).toEqual(["a.events"]);
  });
});
