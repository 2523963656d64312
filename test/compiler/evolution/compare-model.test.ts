/**
 * The comparison rules over hand-built models (no parser involved): which changes break a
 * locked spec, which diagnostic each one gives and where it points, and which pass.
 */
import { describe, expect, it } from "vitest";
import { compareWithLock } from "../../../compiler/evolution/compare.js";
import { buildLock } from "../../../compiler/evolution/lock-file.js";
import type { FieldModel, KeyType } from "../../../compiler/model.js";
import { aggregate, enumOf, field, model, namespace, record, t, topic } from "./model-builder.js";

interface ShopShape {
  currency?: readonly string[];
  money?: () => FieldModel[];
  repricedV1?: () => FieldModel[];
  repricedV2?: () => FieldModel[];
  partitions?: number;
  key?: { name: string; type: KeyType };
  itemTopic?: string;
  repricedIn?: "Item" | "Order";
  dropRepriced?: boolean;
}

function shop(shape: ShopShape = {}) {
  const currency = enumOf("common", "Currency", shape.currency ?? ["EUR", "USD", "GBP"]);
  const money = record(
    "common",
    "Money",
    shape.money?.() ?? [field("amount", t.decimal), field("currency", t.enum("common.Currency"), { default: "EUR" })],
  );
  const repricedVersions = [shape.repricedV1?.() ?? [field("price", t.record("common.Money")), field("reason", t.string, { optional: true })]];
  if (shape.repricedV2) repricedVersions.push(shape.repricedV2());
  const repriced = { name: "ItemRepriced", versions: repricedVersions };
  const itemEvents = [
    { name: "ItemListed", creates: true, versions: [[field("title", t.string), field("price", t.record("common.Money"))]] },
    ...(shape.dropRepriced || shape.repricedIn === "Order" ? [] : [repriced]),
  ];
  const orderEvents = [
    { name: "OrderPlaced", creates: true, versions: [[field("lines", t.list(t.string), { constraints: { minItems: 1 } })]] },
    ...(shape.repricedIn === "Order" ? [repriced] : []),
  ];
  return model(
    namespace("common", { enums: [currency], records: [money] }),
    namespace("shop", {
      topics: [topic("shop", "catalog", shape.partitions ?? 4), topic("shop", "orders", 8), topic("shop", "archive", 2)],
      aggregates: [
        aggregate("shop", "Item", shape.itemTopic ?? "shop.catalog", shape.key ?? { name: "sku", type: "string" }, itemEvents),
        aggregate("shop", "Order", "shop.orders", { name: "orderId", type: "uuid" }, orderEvents),
      ],
    }),
  );
}

const lock = buildLock(shop());

function codes(result: ReturnType<typeof compareWithLock>): string[] {
  return result.diagnostics.map((d) => d.code);
}

describe("compareWithLock on hand-built models", () => {
  it("finds nothing when nothing changed", () => {
    const result = compareWithLock(lock, shop());
    expect(result.diagnostics).toEqual([]);
    expect(result.compatible).toEqual([]);
  });

  it("reports a removed field at the event version that lost it", () => {
    const current = shop({ repricedV1: () => [field("price", t.record("common.Money"))] });
    const [d, ...rest] = compareWithLock(lock, current).diagnostics;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("EV6001");
    expect(d?.message).toBe(
      'Field "reason" was removed from "ItemRepriced" v1, but events of "ItemRepriced" v1 are already in the log; declare "ItemRepriced" v2 and an upcaster instead.',
    );
    const item = current.namespaces[1]?.aggregates[0];
    expect(d?.span).toEqual(item?.events[1]?.versions[0]?.span);
    expect(d?.hint).toBe("Keep `reason?: string` in \"ItemRepriced\" v1; remove it in a new version instead.");
  });

  it("suggests a rename when a field of the same type replaced a removed one", () => {
    const current = shop({ repricedV1: () => [field("price", t.record("common.Money")), field("note", t.string, { optional: true })] });
    const [d, ...rest] = compareWithLock(lock, current).diagnostics;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("EV6002");
    expect(d?.message).toContain('Field "reason" of "ItemRepriced" v1 was replaced by "note" of the same type (renamed?)');
    expect(d?.span).toEqual(current.namespaces[1]?.aggregates[0]?.events[1]?.versions[0]?.fields[1]?.span);
  });

  it("reports a change inside a used record once, at the record, naming every locked user", () => {
    const current = shop({ money: () => [field("amount", t.decimal)] });
    const [d, ...rest] = compareWithLock(lock, current).diagnostics;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("EV6001");
    expect(d?.message).toBe(
      'Field "currency" was removed from type "Money", but type "Money" is part of events already in the log ("ItemListed" v1, "ItemRepriced" v1); declare a new type and new versions of those events, with upcasters, instead.',
    );
    expect(d?.span).toEqual(current.namespaces[0]?.records[0]?.span);
  });

  it("reports an enum member removed and one renamed, at the enum", () => {
    const removed = compareWithLock(lock, shop({ currency: ["EUR", "USD"] })).diagnostics;
    expect(removed.map((d) => [d.code, d.message])).toEqual([
      [
        "EV6007",
        'Member "GBP" was removed from enum "Currency", but enum "Currency" is part of events already in the log ("ItemListed" v1, "ItemRepriced" v1); declare a new type and new versions of those events, with upcasters, instead.',
      ],
    ]);
    const renamed = compareWithLock(lock, shop({ currency: ["EUR", "USD", "CHF"] })).diagnostics;
    expect(renamed.map((d) => d.code)).toEqual(["EV6008"]);
    expect(renamed[0]?.message).toContain('Member "GBP" of enum "Currency" was replaced by "CHF" (renamed?)');
  });

  it("reports a changed partition count at the topic, only for topics with locked events", () => {
    const current = shop({ partitions: 8 });
    const [d, ...rest] = compareWithLock(lock, current).diagnostics;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("EV6015");
    expect(d?.message).toBe('Topic "shop.catalog" changed from 4 to 8 partitions, but its events are already in the log.');
    expect(d?.hint).toBe("Keep `partitions 4`; for 8 partitions declare a new topic and put new aggregates in it.");
    expect(d?.span).toEqual(current.namespaces[1]?.topics[0]?.span);
  });

  it("reports a changed key once per aggregate, at the key", () => {
    const current = shop({ key: { name: "sku", type: "uuid" } });
    const result = compareWithLock(lock, current);
    expect(codes(result)).toEqual(["EV6010"]);
    expect(result.diagnostics[0]?.message).toBe(
      'The key of aggregate "Item" changed from "sku: string" to "sku: uuid", but events of "ItemListed" v1, "ItemRepriced" v1 are already stored under the old key.',
    );
    expect(result.diagnostics[0]?.span).toEqual(current.namespaces[1]?.aggregates[0]?.key.span);
  });

  it("reports an aggregate moved to another topic at the aggregate", () => {
    const current = shop({ itemTopic: "shop.archive" });
    const result = compareWithLock(lock, current);
    expect(codes(result)).toEqual(["EV6012"]);
    expect(result.diagnostics[0]?.span).toEqual(current.namespaces[1]?.aggregates[0]?.span);
  });

  it("reports an event moved to another aggregate at the event, once", () => {
    const current = shop({ repricedIn: "Order" });
    const result = compareWithLock(lock, current);
    expect(codes(result)).toEqual(["EV6011"]);
    expect(result.diagnostics[0]?.message).toBe(
      'Event "ItemRepriced" moved from aggregate "Item" to "Order", but events of "ItemRepriced" v1 are already stored under keys of "Item".',
    );
  });

  it("reports a removed event at its aggregate, and a version removed after a successor exists as a warning", () => {
    const current = shop({ dropRepriced: true });
    const result = compareWithLock(lock, current);
    expect(codes(result)).toEqual(["EV6013"]);
    expect(result.diagnostics[0]?.span).toEqual(current.namespaces[1]?.aggregates[0]?.span);
    expect(result.diagnostics[0]?.message).toBe(
      'Event "ItemRepriced" v1 was removed, but events of "ItemRepriced" v1 are already in the log and could no longer be read.',
    );
  });

  it("points at the top of the namespace's first file when the whole aggregate is gone", () => {
    const current = model(
      ...shop().namespaces.map((ns) => (ns.name === "shop" ? { ...ns, aggregates: ns.aggregates.filter((a) => a.name !== "Order") } : ns)),
    );
    const result = compareWithLock(lock, current);
    expect(codes(result)).toEqual(["EV6013"]);
    expect(result.diagnostics[0]?.span).toEqual({ file: "shop.events", start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } });
    expect(result.diagnostics[0]?.message).toContain('Event "OrderPlaced" v1 was removed');
  });

  it("accepts compatible changes and lists them", () => {
    const current = shop({
      currency: ["EUR", "USD", "GBP", "CHF"],
      repricedV1: () => [
        field("price", t.record("common.Money")),
        field("reason", t.string), // optional → required: not allowed without a default
        field("note", t.string, { optional: true }),
        field("by", t.string, { default: "system" }),
      ],
      repricedV2: () => [field("price", t.record("common.Money"))],
    });
    const result = compareWithLock(lock, current);
    expect(codes(result)).toEqual(["EV6004"]);
    expect(result.compatible).toEqual([
      'new defaulted (= "system") field "by" in "ItemRepriced" v1',
      'new optional field "note" in "ItemRepriced" v1',
      'new member "CHF" in enum "Currency"',
      'new version "ItemRepriced" v2',
    ]);
  });

  it("compares records by shape, so a renamed record with the same fields is compatible", () => {
    const renamed = model(
      ...shop().namespaces.map((ns) =>
        ns.name !== "common"
          ? ns
          : { ...ns, records: ns.records.map((r) => ({ ...r, name: "Price", qualifiedName: "common.Price" })) },
      ),
    );
    // Point the events at the renamed record.
    const retarget = (f: FieldModel): FieldModel => (f.type.kind === "record" ? { ...f, type: t.record("common.Price") } : f);
    const current = model(
      ...renamed.namespaces.map((ns) => ({
        ...ns,
        aggregates: ns.aggregates.map((a) => ({
          ...a,
          events: a.events.map((e) => ({ ...e, versions: e.versions.map((v) => ({ ...v, fields: v.fields.map(retarget) })) })),
        })),
      })),
    );
    const result = compareWithLock(lock, current);
    expect(result.diagnostics).toEqual([]);
    expect(result.compatible).toContain("locked events that used common.Money use common.Price in its place (compared by shape)");
  });
});
