import { describe, expect, it } from "vitest";
import { compile } from "../../../compiler/compile.js";
import type { Model, NamespaceModel } from "../../../compiler/model.js";

const SHOP = ["examples/shop/common.events", "examples/shop/shop.events"];

function shopModel(): Model {
  const result = compile({ files: SHOP, generate: false });
  expect(result.diagnostics).toEqual([]);
  return result.model!;
}

function namespace(model: Model, name: string): NamespaceModel {
  return model.namespaces.find((n) => n.name === name)!;
}

describe("the model of the shop example", () => {
  it("has both namespaces, sorted, with their files, docs and dependencies", () => {
    const model = shopModel();
    expect(model.namespaces.map((n) => n.name)).toEqual(["common", "shop"]);
    const shop = namespace(model, "shop");
    expect(shop.files).toEqual(["examples/shop/shop.events"]);
    expect(shop.doc).toBe("Online shop: catalog items and orders.");
    expect(shop.dependsOn).toEqual(["common"]);
    expect(namespace(model, "common").dependsOn).toEqual([]);
  });

  it("keeps enums and records with JSON defaults and qualified references", () => {
    const common = namespace(shopModel(), "common");
    expect(common.enums).toMatchObject([{ name: "Currency", qualifiedName: "common.Currency", members: [{ name: "EUR" }, { name: "USD" }, { name: "GBP" }] }]);
    const money = common.records[0]!;
    expect(money.qualifiedName).toBe("common.Money");
    expect(money.fields.map((f) => [f.name, f.type, f.default])).toEqual([
      ["amount", { kind: "primitive", name: "decimal" }, undefined],
      ["currency", { kind: "enum", ref: "common.Currency" }, "EUR"],
    ]);
    expect(money.fields[0]!.doc).toBe('Decimal amount as a string, e.g. "19.90": no precision is lost.');
  });

  it("keeps constraints of annotations", () => {
    const shop = namespace(shopModel(), "shop");
    const line = shop.records.find((r) => r.name === "OrderLine")!;
    expect(line.fields.map((f) => [f.name, f.constraints])).toEqual([
      ["sku", { maxLength: 64 }],
      ["quantity", { min: 1 }],
      ["unitPrice", {}],
    ]);
    expect(line.fields[2]!.type).toEqual({ kind: "record", ref: "common.Money" });
  });

  it("has the declared topics with their partitions", () => {
    const shop = namespace(shopModel(), "shop");
    expect(shop.topics.map((t) => [t.qualifiedName, t.partitions, t.implicit])).toEqual([
      ["shop.catalog", 4, false],
      ["shop.orders", 8, false],
    ]);
  });

  it("has aggregates with key, topic and events with their lifecycle", () => {
    const shop = namespace(shopModel(), "shop");
    const item = shop.aggregates.find((a) => a.name === "Item")!;
    expect(item.topic).toBe("shop.catalog");
    expect(item.key).toMatchObject({ name: "sku", type: "string" });
    expect(item.events.map((e) => [e.qualifiedName, e.currentVersion, e.lifecycle])).toEqual([
      ["shop.ItemListed", 1, { creates: true, after: null, ends: false }],
      ["shop.ItemRepriced", 1, { creates: false, after: ["shop.ItemListed", "shop.ItemRepriced"], ends: false }],
      ["shop.ItemDescribed", 1, { creates: false, after: null, ends: false }],
      ["shop.ItemDelisted", 1, { creates: false, after: ["shop.ItemListed", "shop.ItemRepriced"], ends: true }],
    ]);
    const listed = item.events[0]!;
    expect(listed.aggregate).toBe("shop.Item");
    expect(listed.doc).toBe("The first event of every Item.");
    expect(listed.versions).toHaveLength(1);
    expect(listed.versions[0]!.fields.map((f) => [f.name, f.type, f.default])).toEqual([
      ["title", { kind: "primitive", name: "string" }, undefined],
      ["price", { kind: "record", ref: "common.Money" }, undefined],
      ["tags", { kind: "list", element: { kind: "primitive", name: "string" } }, []],
    ]);
    const order = shop.aggregates.find((a) => a.name === "Order")!;
    expect(order.key).toMatchObject({ name: "orderId", type: "uuid" });
    expect(order.events.find((e) => e.name === "OrderPlaced")!.versions[0]!.fields[1]!.constraints).toEqual({ minItems: 1 });
    expect(order.events.find((e) => e.name === "OrderShipped")!.versions[0]!.fields[1]).toMatchObject({ name: "trackingCode", optional: true });
  });

  it("expands aggregates in projections and keeps `per`", () => {
    const shop = namespace(shopModel(), "shop");
    const [priceList, orderStatus] = shop.projections;
    expect(priceList).toMatchObject({ name: "PriceList", events: ["shop.ItemListed", "shop.ItemRepriced", "shop.ItemDelisted"] });
    expect(priceList!.per).toBeUndefined();
    expect(priceList!.state.map((f) => [f.name, f.type, f.default])).toEqual([
      ["prices", { kind: "map", value: { kind: "record", ref: "common.Money" } }, undefined],
      ["delisted", { kind: "primitive", name: "int" }, 0],
    ]);
    expect(orderStatus).toMatchObject({
      name: "OrderStatus",
      per: "shop.Order",
      events: ["shop.OrderPlaced", "shop.OrderPaid", "shop.OrderShipped", "shop.OrderCancelled"],
    });
  });

  it("is deterministic: the same input gives the same model, whatever the order of the input files", () => {
    const a = compile({ files: SHOP, generate: false }).model;
    const b = compile({ files: [...SHOP].reverse(), generate: false }).model;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe("model details", () => {
  const build = (text: string) => {
    const result = compile({ files: { "m.events": text }, generate: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return result.model!.namespaces[0]!;
  };

  it("gives an aggregate without `in` its own implicit topic of one partition, after the declared topics", () => {
    const ns = build(`namespace bank
topic audit { partitions 2 }
aggregate Account { key id: uuid
  event Opened creates { owner: string } }
aggregate Log in audit { key id: long
  event Written creates { line: string } }
`);
    expect(ns.topics.map((t) => [t.name, t.qualifiedName, t.partitions, t.implicit])).toEqual([
      ["audit", "bank.audit", 2, false],
      ["Account", "bank.Account", 1, true],
    ]);
    expect(ns.aggregates.map((a) => a.topic)).toEqual(["bank.Account", "bank.audit"]);
  });

  it("orders versions ascending, takes the lifecycle from the current one, and stores long, decimal and deprecated as documented", () => {
    const ns = build(`namespace m
aggregate A { key id: uuid
  event Made v2 creates { n: long = 9007199254740993  d: decimal = 1.50  old: int @deprecated  older: int @deprecated("gone") }
  event Made v1 { n: int }
}
`);
    const made = ns.aggregates[0]!.events[0]!;
    expect(made.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(made.currentVersion).toBe(2);
    expect(made.lifecycle.creates).toBe(true);
    const fields = made.versions[1]!.fields;
    expect(fields[0]!.default).toBe("9007199254740993");
    expect(fields[1]!.default).toBe("1.50");
    expect(fields[2]!.deprecated).toBe("");
    expect(fields[3]!.deprecated).toBe("gone");
  });
});
