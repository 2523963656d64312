import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../../compiler/generate/index.js";
import { loadGenerated, validator, type Validated } from "./load-generated.js";
import { aggregate, enumOf, field, model, namespace, record, t, topic } from "./model-builder.js";
import { edgeModel } from "./edge-model.js";
import { shopModel } from "./shop-model.js";

let shop: Record<string, unknown>;
let v: (name: string) => (value: unknown) => Validated;

beforeAll(async () => {
  shop = await loadGenerated(generate(shopModel()), "shop.ts");
  v = (name) => validator(shop, "validateShop", name);
});

const orderId = "0194f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f";
const goodOrder = () => ({
  orderId,
  customerId: "0194f1c2-0000-7000-8000-000000000001",
  lines: [{ sku: "A-1", quantity: 2, unitPrice: { amount: "17.50" } }],
  placedAt: "2026-11-26T09:00:00Z",
});

describe("generated validators", () => {
  it("accept good data, apply nested defaults and freeze deeply", () => {
    const result = v("OrderPlaced")(goodOrder());
    expect(result).toEqual({
      ok: true,
      value: { ...goodOrder(), lines: [{ sku: "A-1", quantity: 2, unitPrice: { amount: "17.50", currency: "EUR" } }] },
    });
    const value = result.value as { lines: { unitPrice: object }[] };
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.lines)).toBe(true);
    expect(Object.isFrozen(value.lines[0])).toBe(true);
    expect(Object.isFrozen(value.lines[0]?.unitPrice)).toBe(true);
  });

  it("report every problem with its JSON path", () => {
    const result = v("OrderPlaced")({
      orderId: "not-a-uuid",
      lines: [
        { sku: "A-1", quantity: 1, unitPrice: { amount: "1" } },
        { sku: "x".repeat(65), quantity: 1, unitPrice: { amount: "1" } },
        { sku: "B", quantity: 0, unitPrice: { amount: "1.", currency: "CHF" } },
      ],
      placedAt: "2026-11-26 09:00",
      extra: true,
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: "$.orderId", message: 'must be a UUID such as "0190d8c2-7c1e-7b7a-9c4e-3f2a1b0c9d8e"' },
        { path: "$.customerId", message: "is required" },
        { path: "$.lines[1].sku", message: "must be at most 64 characters long" },
        { path: "$.lines[2].quantity", message: "must be >= 1" },
        { path: "$.lines[2].unitPrice.amount", message: 'must be a decimal number in a string, such as "19.90"' },
        { path: "$.lines[2].unitPrice.currency", message: 'must be one of "EUR", "USD", "GBP"' },
        { path: "$.placedAt", message: 'must be an RFC 3339 timestamp with offset, such as "2026-11-26T07:18:54Z"' },
        { path: "$.extra", message: "is not a field of OrderPlaced" },
      ],
    });
  });

  it("check list sizes, value kinds and the root", () => {
    expect(v("OrderPlaced")({ ...goodOrder(), lines: [] })).toEqual({
      ok: false,
      issues: [{ path: "$.lines", message: "must have at least 1 item" }],
    });
    expect(v("OrderPlaced")({ ...goodOrder(), lines: {} })).toEqual({ ok: false, issues: [{ path: "$.lines", message: "must be a list" }] });
    expect(v("OrderPlaced")([])).toEqual({ ok: false, issues: [{ path: "$", message: "must be an object" }] });
    expect(v("OrderPlaced")(null)).toEqual({ ok: false, issues: [{ path: "$", message: "must be an object" }] });
    expect(v("Money")({ amount: 19.9 })).toEqual({ ok: false, issues: [{ path: "$.amount", message: 'must be a decimal number in a string, such as "19.90"' }] });
  });

  it("apply defaults as fresh values and leave absent optionals absent", () => {
    const a = v("ItemListed")({ sku: "A-1", title: "Lamp", price: { amount: "1.00" } });
    const b = v("ItemListed")({ sku: "A-2", title: "Desk", price: { amount: "2.00" } });
    expect(a).toEqual({ ok: true, value: { sku: "A-1", title: "Lamp", price: { amount: "1.00", currency: "EUR" }, tags: [] } });
    const tagsA = (a.value as { tags: unknown[] }).tags;
    const tagsB = (b.value as { tags: unknown[] }).tags;
    expect(tagsA).not.toBe(tagsB);
    expect(Object.isFrozen(tagsA)).toBe(true);
    const repriced = v("ItemRepriced")({ sku: "A-1", price: { amount: "1.00" } });
    expect(repriced.ok).toBe(true);
    expect(Object.keys(repriced.value as object)).toEqual(["sku", "price"]);
  });

  it("validate old versions under their versioned names", () => {
    expect(v("ItemRepricedV1")({ sku: "A", price: { amount: "1" }, reason: "x" })).toEqual({
      ok: false,
      issues: [{ path: "$.reason", message: "is not a field of ItemRepriced v1" }],
    });
    expect(v("ItemRepricedV2")({ sku: "A", price: { amount: "1" }, reason: "x" }).ok).toBe(true);
    expect(v("ItemRepriced")).toBe(v("ItemRepriced")); // the current version's validator
    expect(shop["decodeItemRepriced"]).toBe(shop["decodeItemRepricedV2"]);
  });

  it("write map keys that are not identifiers as quoted members in paths", async () => {
    const mod = await loadGenerated(
      generate(
        model(
          namespace("m", {
            records: [
              record("m", "Prices", [field("byName", t.map(t.p("int")), { constraints: {} })]),
            ],
          }),
        ),
      ),
      "m.ts",
    );
    expect(validator(mod, "validateM", "Prices")({ byName: { ok: 1, "a b": "x", "": 2.5 } })).toEqual({
      ok: false,
      issues: [
        { path: '$.byName["a b"]', message: "must be a 32-bit integer" },
        { path: '$.byName[""]', message: "must be a 32-bit integer" },
      ],
    });
  });

  it("decode every primitive's JSON form to its TypeScript form", async () => {
    const prims = ["string", "int", "long", "float", "decimal", "bool", "uuid", "timestamp", "date", "bytes"] as const;
    const mod = await loadGenerated(
      generate(model(namespace("p", { records: [record("p", "All", prims.map((p) => field(`${p}Value`, t.p(p))))] }))),
      "p.ts",
    );
    const all = validator(mod, "validateP", "All");
    const good = {
      stringValue: "s",
      intValue: -2147483648,
      longValue: "9223372036854775807",
      floatValue: 1.5,
      decimalValue: "-0.50",
      boolValue: false,
      uuidValue: orderId,
      timestampValue: "2024-02-29T23:59:60.5+01:00",
      dateValue: "2024-02-29",
      bytesValue: "aGk=",
    };
    expect(all(good)).toEqual({ ok: true, value: { ...good, longValue: 9223372036854775807n } });
    expect(all({ ...good, longValue: 42 })).toEqual({ ok: true, value: { ...good, longValue: 42n } });
    const bad = {
      stringValue: 1,
      intValue: 2147483648,
      longValue: "9223372036854775808",
      floatValue: Number.NaN,
      decimalValue: "1e5",
      boolValue: "true",
      uuidValue: "0194f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1",
      timestampValue: "2023-02-29T00:00:00Z",
      dateValue: "2024-13-01",
      bytesValue: "aGk",
    };
    const result = all(bad);
    expect(result.issues?.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "$.stringValue: must be a string",
      "$.intValue: must be a 32-bit integer",
      "$.longValue: must be a 64-bit integer (a string of digits, or a safe integer)",
      "$.floatValue: must be a finite number",
      '$.decimalValue: must be a decimal number in a string, such as "19.90"',
      "$.boolValue: must be true or false",
      '$.uuidValue: must be a UUID such as "0190d8c2-7c1e-7b7a-9c4e-3f2a1b0c9d8e"',
      '$.timestampValue: must be an RFC 3339 timestamp with offset, such as "2026-11-26T07:18:54Z"',
      '$.dateValue: must be a date such as "2026-11-26"',
      "$.bytesValue: must be base64 text",
    ]);
    expect(all({ ...good, longValue: 2 ** 53 }).ok).toBe(false); // not a safe integer: precision may already be lost
  });

  it("apply every annotation with its message", async () => {
    const mod = await loadGenerated(
      generate(
        model(
          namespace("a", {
            records: [
              record("a", "Limits", [
                field("n", t.p("int"), { constraints: { min: -5, max: 5 } }),
                field("f", t.p("float"), { constraints: { min: 0.5 } }),
                field("l", t.p("long"), { constraints: { max: 10 } }),
                field("s", t.p("string"), { constraints: { minLength: 2, maxLength: 3, pattern: "^[a-z]+$" } }),
                field("xs", t.list(t.p("int")), { constraints: { minItems: 2, maxItems: 3 } }),
              ]),
            ],
          }),
        ),
      ),
      "a.ts",
    );
    const limits = validator(mod, "validateA", "Limits");
    expect(limits({ n: -6, f: 0.4, l: "11", s: "A", xs: [1] }).issues).toEqual([
      { path: "$.n", message: "must be >= -5" },
      { path: "$.f", message: "must be >= 0.5" },
      { path: "$.l", message: "must be <= 10" },
      { path: "$.s", message: "must be at least 2 characters long" },
      { path: "$.s", message: "must match /^[a-z]+$/" },
      { path: "$.xs", message: "must have at least 2 items" },
    ]);
    expect(limits({ n: 6, f: 1, l: 10, s: "abcd", xs: [1, 2, 3, 4] }).issues).toEqual([
      { path: "$.n", message: "must be <= 5" },
      { path: "$.s", message: "must be at most 3 characters long" },
      { path: "$.xs", message: "must have at most 3 items" },
    ]);
    expect(limits({ n: 5, f: 0.5, l: -1, s: "ab", xs: [1, 2] })).toEqual({
      ok: true,
      value: { n: 5, f: 0.5, l: -1n, s: "ab", xs: [1, 2] },
    });
  });

  it("decode keys of every key type into the event data", async () => {
    const mod = await loadGenerated(
      generate(
        model(
          namespace("k", {
            enums: [enumOf("k", "Kind", ["A"])],
            topics: [topic("k", "t")],
            aggregates: [
              aggregate("k", "Counter", "k.t", { name: "n", type: "long" }, [
                { name: "Counted", versions: [[field("kind", t.enum("k.Kind"))]], lifecycle: { creates: true } },
              ]),
            ],
          }),
        ),
      ),
      "k.ts",
    );
    expect(validator(mod, "validateK", "Counted")({ n: "12", kind: "A" })).toEqual({ ok: true, value: { n: 12n, kind: "A" } });
    expect(validator(mod, "validateK", "Counted")({ kind: "B" }).issues).toEqual([
      { path: "$.n", message: "is required" },
      { path: "$.kind", message: 'must be one of "A"' },
    ]);
    expect(mod["KindValues"]).toEqual(["A"]);
    expect(Object.isFrozen(mod["KindValues"])).toBe(true);
  });

  it("decode long defaults exactly, nested collections, and bounds that are negative or fractional", async () => {
    const mod = await loadGenerated(generate(edgeModel()), "edge.core.ts");
    const nested = validator(mod, "validateEdgeCore", "Nested");
    const a = nested({ ratio: 0 });
    expect(a).toEqual({ ok: true, value: { index: {}, ratio: 0, big: 9007199254740993n } });
    expect((a.value as { index: object }).index).not.toBe((nested({ ratio: 0 }).value as { index: object }).index);
    expect(nested({ grid: [["On"], ["Off"]], index: { k: [{}, { x: 1 }] }, ratio: 2.5, big: "-4" }).issues).toEqual([
      { path: "$.grid[1][0]", message: 'must be one of "On"' },
      { path: "$.index.k[1].x", message: "is not a field of Nothing" },
      { path: "$.ratio", message: "must be <= 2.25" },
      { path: "$.big", message: "must be >= -3" },
    ]);
    expect(validator(mod, "validateEdgeCore", "Started")({ id: 1 })).toEqual({ ok: true, value: { id: 1n } });
    expect(validator(mod, "validateEdgeCore", "TickedV1")({ id: "1", nested: { ratio: -1.5 }, on: true }).issues).toEqual([
      { path: "$.on", message: "is not a field of Ticked v1" },
    ]);
  });
});
