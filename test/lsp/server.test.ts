/**
 * `eventc lsp` spoken to over stdio, as an editor does: diagnostics as you type, definitions
 * (also across an import), hover docs, completion, and surviving garbage.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient } from "./lsp-client.js";

const COMMON = `/// Shared values.
namespace common

/// Money as a decimal string and a currency.
type Money {
  amount: decimal
  currency: Currency
}

/// The currencies we take.
enum Currency { EUR, USD }
`;

const SHOP = `namespace shop

import "./common.events"

topic orders { partitions 8 }

/// A line of an order.
type OrderLine {
  /// Stock keeping unit.
  sku: string
  price: Money
  currency: common.Currency
}

aggregate Order in orders {
  key orderId: uuid

  /// The first event of every order.
  event OrderPlaced creates {
    lines: list<OrderLine>
  }
  event OrderPaid after OrderPlaced { amount: Money }
}

projection Totals per Order {
  on OrderPaid
  state { total?: Money }
}
`;

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Location {
  uri: string;
  range: Range;
}

/** The LSP range of the `occurrence`-th (0-based) `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  const at = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split("\n").length - 1;
    return { line, character: o - (before.lastIndexOf("\n") + 1) };
  };
  return { start: at(offset), end: at(offset + needle.length) };
}

/** A position inside the `occurrence`-th `needle` (one character in). */
function inside(text: string, needle: string, occurrence = 0) {
  const { start } = rangeOf(text, needle, occurrence);
  return { line: start.line, character: start.character + 1 };
}

let dir: string;
let client: LspClient;
let shopUri: string;
let commonUri: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eventc-lsp-"));
  writeFileSync(join(dir, "common.events"), COMMON);
  writeFileSync(join(dir, "shop.events"), SHOP);
  shopUri = pathToFileURL(join(dir, "shop.events")).href;
  commonUri = pathToFileURL(join(dir, "common.events")).href;
  client = await LspClient.start();
});

afterAll(async () => {
  const code = await client?.stop();
  rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe("eventc lsp over stdio", () => {
  it("publishes a diagnostic at the right range with its code, then clears it once the edit fixes it", async () => {
    const broken = SHOP.replace("price: Money", "price: Mony");
    await client.open(shopUri, broken);
    const first = await client.nextDiagnostics(shopUri, 1);
    expect(first.diagnostics).toHaveLength(1);
    expect(first.diagnostics[0]).toMatchObject({ code: "EV2002", severity: 1, range: rangeOf(broken, "Mony") });
    expect(first.diagnostics[0]!.message).toContain('"Mony"');

    await client.change(shopUri, 2, SHOP);
    const fixed = await client.nextDiagnostics(shopUri, 2);
    expect(fixed.version).toBe(2);
    expect(fixed.diagnostics).toEqual([]);
  });

  it("reports a syntax error where it is", async () => {
    const broken = SHOP.replace("key orderId: uuid", "key orderId uuid");
    await client.change(shopUri, 3, broken);
    const published = await client.nextDiagnostics(shopUri, 3);
    expect(published.diagnostics.length).toBeGreaterThanOrEqual(1);
    const first = published.diagnostics[0]!;
    expect(String(first.code)).toMatch(/^EV1/);
    expect(first.range.start).toEqual(rangeOf(broken, "uuid", 0).start);
    await client.change(shopUri, 4, SHOP);
    expect((await client.nextDiagnostics(shopUri, 4)).diagnostics).toEqual([]);
  });

  it("goes to the declaration of a type, an event after `after`, an aggregate after `per`, a topic after `in`", async () => {
    const definition = (needle: string, occurrence: number) =>
      client.request<Location | null>("textDocument/definition", { textDocument: { uri: shopUri }, position: inside(SHOP, needle, occurrence) });
    expect(await definition("OrderLine", 1)).toEqual({ uri: shopUri, range: rangeOf(SHOP, "OrderLine", 0) });
    expect(await definition("OrderPlaced", 1)).toEqual({ uri: shopUri, range: rangeOf(SHOP, "OrderPlaced", 0) });
    const order = rangeOf(SHOP, "Order in").start;
    expect(await definition("Order ", 1)).toEqual({ uri: shopUri, range: { start: order, end: { line: order.line, character: order.character + "Order".length } } });
    expect(await definition("orders", 1)).toEqual({ uri: shopUri, range: rangeOf(SHOP, "orders", 0) });
    expect(await definition("OrderPaid", 1)).toEqual({ uri: shopUri, range: rangeOf(SHOP, "OrderPaid", 0) });
  });

  it("goes across an import to the declaring file, and from an import's path to the file", async () => {
    const money = await client.request<Location | null>("textDocument/definition", { textDocument: { uri: shopUri }, position: inside(SHOP, "Money", 0) });
    expect(money).toEqual({ uri: commonUri, range: rangeOf(COMMON, "Money", 1) });
    const file = await client.request<Location | null>("textDocument/definition", { textDocument: { uri: shopUri }, position: inside(SHOP, "./common") });
    expect(file?.uri).toBe(commonUri);
    const currency = await client.request<Location | null>("textDocument/definition", { textDocument: { uri: shopUri }, position: inside(SHOP, "Currency") });
    expect(currency).toEqual({ uri: commonUri, range: rangeOf(COMMON, "Currency", 1) });
    const hover = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: shopUri }, position: inside(SHOP, "Currency") });
    expect(hover?.contents.value).toBe("```events\nenum common.Currency { EUR, USD }\n```\n\nThe currencies we take.");
  });

  it("answers null for a position on no name", async () => {
    const nothing = await client.request("textDocument/definition", { textDocument: { uri: shopUri }, position: { line: 1, character: 0 } });
    expect(nothing).toBeNull();
  });

  it("hovers with the signature and the /// docs", async () => {
    const hover = await client.request<{ contents: { kind: string; value: string }; range: Range } | null>("textDocument/hover", {
      textDocument: { uri: shopUri },
      position: inside(SHOP, "Money", 0),
    });
    expect(hover?.contents.kind).toBe("markdown");
    expect(hover?.contents.value).toContain("type common.Money { amount: decimal, currency: Currency }");
    expect(hover?.contents.value).toContain("Money as a decimal string and a currency.");
    expect(hover?.range).toEqual(rangeOf(SHOP, "Money", 0));

    const field = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: shopUri }, position: inside(SHOP, "sku") });
    expect(field?.contents.value).toBe("```events\nsku: string\n```\n\nStock keeping unit.");
    const key = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: shopUri }, position: inside(SHOP, "orderId") });
    expect(key?.contents.value).toBe("```events\nkey orderId: uuid\n```");

    const event = await client.request<{ contents: { value: string } } | null>("textDocument/hover", {
      textDocument: { uri: shopUri },
      position: inside(SHOP, "OrderPlaced", 1),
    });
    expect(event?.contents.value).toContain("event shop.OrderPlaced creates");
    expect(event?.contents.value).toContain("The first event of every order.");
  });

  it("completes type names after a colon: primitives, own and imported types", async () => {
    const text = SHOP.replace("state { total?: Money }", "state { total?: Mo }");
    await client.change(shopUri, 5, text);
    const position = rangeOf(text, "Mo }").start;
    const items = await client.request<{ label: string }[]>("textDocument/completion", {
      textDocument: { uri: shopUri },
      position: { line: position.line, character: position.character + 2 },
    });
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["Money", "OrderLine", "string", "uuid", "timestamp", "list", "map"]));
    expect(labels).not.toContain("OrderPaid");
    expect(labels).not.toContain("orders");
  });

  it("completes event names after `after`, aggregates after `per`, and keywords inside an aggregate", async () => {
    const text = SHOP.replace("event OrderPaid after OrderPlaced {", "event OrderPaid after Ord {");
    await client.change(shopUri, 6, text);
    const at = rangeOf(text, "after Ord").end;
    const events = (await client.request<{ label: string }[]>("textDocument/completion", { textDocument: { uri: shopUri }, position: at })).map((i) => i.label);
    expect(events).toEqual(expect.arrayContaining(["OrderPlaced", "OrderPaid"]));
    expect(events).not.toContain("OrderLine");
    expect(events).not.toContain("string");

    const per = rangeOf(text, "per Order").end;
    const aggregates = (await client.request<{ label: string }[]>("textDocument/completion", { textDocument: { uri: shopUri }, position: per })).map((i) => i.label);
    expect(aggregates).toEqual(["Order"]);

    const lineStart = { line: rangeOf(text, "key orderId").start.line, character: 2 };
    const keywords = (await client.request<{ label: string }[]>("textDocument/completion", { textDocument: { uri: shopUri }, position: lineStart })).map((i) => i.label);
    expect(keywords.sort()).toEqual(["event", "key"]);
  });

  it("sees unsaved edits of an open imported file", async () => {
    await client.change(shopUri, 7, SHOP);
    expect((await client.nextDiagnostics(shopUri, 7)).diagnostics).toEqual([]);
    await client.open(commonUri, COMMON.replace("type Money", "type Cash"));
    const both = [await client.nextDiagnostics(shopUri, 7), await client.nextDiagnostics(commonUri, 1)];
    expect(both[1]!.diagnostics).toEqual([]);
    expect(both[0]!.diagnostics.map((d) => d.code)).toEqual(["EV2002", "EV2002", "EV2002"]);
    await client.change(commonUri, 2, COMMON);
    expect((await client.nextDiagnostics(shopUri, 7)).diagnostics).toEqual([]);
  });

  it("formats a document with eventc fmt's layout, and leaves a document with syntax errors alone", async () => {
    const uri = pathToFileURL(join(dir, "messy.events")).href;
    const messy = "namespace   messy\ntype A {x:int   // kept\n   y ? : string}\n";
    await client.open(uri, messy);
    await client.nextDiagnostics(uri, 1);
    const edits = await client.request<{ range: Range; newText: string }[] | null>("textDocument/formatting", {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(edits).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, newText: "namespace messy\n\ntype A {\n  x: int // kept\n  y?: string\n}\n" },
    ]);
    await client.change(uri, 2, edits![0]!.newText);
    expect(await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await client.change(uri, 3, "namespace messy\ntype A { x int }\n");
    expect(await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toBeNull();
  });

  it("survives garbage and keeps answering", async () => {
    const garbage = "namespace }{ @@ \"unterminated\n\u0000 aggregate in per on { after , , : < > ///\n\uFEFF event";
    const uri = pathToFileURL(join(dir, "garbage.events")).href;
    await client.open(uri, garbage);
    const published = await client.nextDiagnostics(uri, 1);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    for (let line = 0; line < 3; line++)
      for (let character = 0; character < 30; character += 3) {
        const position = { line, character };
        await client.request("textDocument/definition", { textDocument: { uri }, position });
        await client.request("textDocument/hover", { textDocument: { uri }, position });
        await client.request("textDocument/completion", { textDocument: { uri }, position });
      }
    expect(client.alive).toBe(true);
    expect(client.logs.filter((message) => message.includes("failed"))).toEqual([]);
    const still = await client.request<Location | null>("textDocument/definition", { textDocument: { uri: shopUri }, position: inside(SHOP, "OrderLine", 1) });
    expect(still?.range).toEqual(rangeOf(SHOP, "OrderLine", 0));
  });
});
