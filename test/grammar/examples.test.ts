/** Every example spec and fixture parses without problems, with names that match their spans. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import type { SpecFile } from "../../grammar/index.js";
import { declarationSummary, slice } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");

function eventsFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "generated") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...eventsFiles(path));
    else if (entry.endsWith(".events")) found.push(path);
  }
  return found.sort();
}

/** Every name in the AST must be exactly the source text under its span. */
function checkNamesAgainstSpans(ast: SpecFile, text: string): number {
  let checked = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const span = record["span"] as { start: { offset: number }; end: { offset: number } } | undefined;
    if (span !== undefined && typeof record["name"] === "string") {
      expect(text.slice(span.start.offset, span.end.offset)).toBe(record["name"]);
      checked++;
    }
    if (span !== undefined && Array.isArray(record["parts"]) && typeof record["text"] === "string") {
      expect(slice(text, span as never)).toBe(record["text"]);
      checked++;
    }
    for (const [key, child] of Object.entries(record)) if (key !== "span") visit(child);
  };
  visit(ast);
  return checked;
}

const files = [...eventsFiles(join(root, "examples")), ...eventsFiles(join(import.meta.dirname, "fixtures"))];

describe("example specs", () => {
  it("finds the examples and fixtures", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`parses ${relative(root, file)} cleanly`, () => {
      const text = readFileSync(file, "utf8");
      const { ast, problems } = parse(text, file);
      expect(problems).toEqual([]);
      expect(ast.namespace).toBeDefined();
      expect(ast.declarations.length).toBeGreaterThan(0);
      expect(checkNamesAgainstSpans(ast, text)).toBeGreaterThan(5);
      expect(ast.span.end.offset).toBe(text.length);
    });
  }
});

describe("the shop fixture (the issue's spec, split over two files)", () => {
  const read = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", "shop", name), "utf8");

  it("common.events", () => {
    const { ast, problems } = parse(read("common.events"), "common.events");
    expect(problems).toEqual([]);
    expect(ast.doc?.text).toBe("Money and currencies, shared by the shop.");
    expect(ast.namespace?.text).toBe("common");
    expect(ast.declarations.map(declarationSummary)).toEqual([
      { enum: "Currency", members: ["EUR", "USD", "GBP"] },
      { type: "Money", fields: ["amount: decimal", "currency: Currency = #EUR"] },
    ]);
  });

  it("shop.events", () => {
    const { ast, problems } = parse(read("shop.events"), "shop.events");
    expect(problems).toEqual([]);
    expect(ast.namespace?.text).toBe("shop");
    expect(ast.imports.map((i) => i.path)).toEqual(["./common.events"]);
    expect(ast.declarations.map(declarationSummary)).toEqual([
      { type: "OrderLine", fields: ["sku: string @maxLength(Integer:64)", "quantity: int @min(Integer:1)", "unitPrice: Money"] },
      { topic: "catalog", partitions: 4 },
      { topic: "orders", partitions: 8 },
      {
        aggregate: "Item",
        in: "catalog",
        keys: ["sku: string"],
        events: [
          { event: "ItemListed", lifecycle: "creates", fields: ["title: string", "price: Money", "tags: list<string> = []"] },
          { event: "ItemRepriced", lifecycle: "ItemListed,ItemRepriced", fields: ["price: Money", "reason?: string"] },
          { event: "ItemDescribed", lifecycle: "", fields: ["description: string"] },
          { event: "ItemDelisted", lifecycle: "ItemListed,ItemRepriced ends", fields: ["reason: string"] },
        ],
      },
      {
        aggregate: "Order",
        in: "orders",
        keys: ["orderId: uuid"],
        events: [
          {
            event: "OrderPlaced",
            lifecycle: "creates",
            fields: ["customerId: uuid", "lines: list<OrderLine> @minItems(Integer:1)", "placedAt: timestamp"],
          },
          { event: "OrderPaid", lifecycle: "OrderPlaced", fields: ["amount: Money"] },
          { event: "OrderShipped", lifecycle: "OrderPaid ends", fields: ["carrier: string", "trackingCode?: string"] },
          { event: "OrderCancelled", lifecycle: "OrderPlaced,OrderPaid ends", fields: ["reason: string"] },
        ],
      },
      {
        projection: "PriceList",
        per: undefined,
        on: ["ItemListed", "ItemRepriced", "ItemDelisted"],
        state: ["prices: map<string, Money>", "delisted: int = Integer:0"],
      },
      { projection: "OrderStatus", per: "Order", on: ["Order"], state: ["status: string", "total?: common.Money"] },
    ]);
  });
});

describe("the iot fixture (a second domain)", () => {
  const text = readFileSync(join(import.meta.dirname, "fixtures", "iot", "telemetry.events"), "utf8");
  const { ast, problems } = parse(text, "telemetry.events");

  it("parses with docs, versions, keyword names and every literal kind", () => {
    expect(problems).toEqual([]);
    expect(ast.doc?.text).toBe("IoT telemetry: devices report readings and firmware changes.\nSecond line of the namespace doc.");
    expect(ast.namespace?.parts).toEqual(["acme", "iot"]);
    expect(ast.declarations.map(declarationSummary)).toEqual([
      { enum: "Unit", members: ["CELSIUS", "PERCENT", "type"] },
      { type: "Reading", fields: ["sensor: string", "value: float = Float:-1.5", "unit: Unit = #CELSIUS"] },
      { topic: "telemetry", partitions: 32 },
      {
        aggregate: "Device",
        in: "telemetry",
        keys: ["serial: string"],
        events: [
          { event: "DeviceRegistered v1", lifecycle: "creates", fields: ['model: string @pattern("^[A-Z]{2}-\\\\d+$")'] },
          {
            event: "DeviceRegistered v2",
            lifecycle: "creates",
            fields: ['model: string @pattern("^[A-Z]{2}-\\\\d+$")', 'owner?: string = "unknown \\"owner\\""'],
          },
          {
            event: "ReadingsReported",
            lifecycle: "DeviceRegistered,ReadingsReported",
            fields: [
              "readings: list<Reading> @minItems(Integer:1) @maxItems(Integer:100)",
              "matrix: list<list<int>>",
              "labels: map<string, list<string>> = {}",
              "state: string",
              "key: long = Integer:9007199254740993",
              "on: bool = true",
              "in: bool = false",
              "retries: int = Integer:-3",
              "flags: list<Unit> = [#CELSIUS, #type]",
              'note?: string @deprecated("use labels")',
              "legacy?: string @deprecated",
            ],
          },
          { event: "DeviceRetired", lifecycle: "DeviceRegistered,ReadingsReported ends", fields: [] },
        ],
      },
      {
        aggregate: "Firmware",
        in: undefined,
        keys: ["version: string"],
        events: [{ event: "FirmwareReleased", lifecycle: "creates ends", fields: ["notes: string"] }],
      },
      { projection: "DeviceCount", per: undefined, on: ["DeviceRegistered", "DeviceRetired"], state: ["count: long = Integer:0"] },
      { projection: "LastReading", per: "Device", on: ["Device"], state: ["last?: Reading", "v2: int = Integer:0"] },
    ]);
  });

  it("keeps the exact digits of a long default", () => {
    const device = ast.declarations[3];
    if (device?.kind !== "Aggregate") throw new Error("expected the Device aggregate");
    const keyField = device.events[2]?.fields.find((field) => field.name.name === "key");
    expect(keyField?.default).toMatchObject({ kind: "Integer", text: "9007199254740993" });
  });

  it("attaches docs to enum members, keys and versioned events", () => {
    const unit = ast.declarations[0];
    const device = ast.declarations[3];
    if (unit?.kind !== "Enum" || device?.kind !== "Aggregate") throw new Error("unexpected declarations");
    expect(unit.members.map((member) => member.doc?.text)).toEqual(["Degrees Celsius.", undefined, undefined]);
    expect(device.keys[0]?.doc?.text).toBe("The device's serial number.");
    expect(device.events.map((event) => event.doc?.text)).toEqual([undefined, "Version 2 adds the owner.", undefined, undefined]);
    expect(ast.declarations[2]?.doc?.text).toBe("Readings arrive fast: many partitions.");
  });
});
