/**
 * The generated facade over the runtime's in-memory log: publishers validate and apply defaults,
 * lifecycle rules from the spec hold, old versions are upcast, projections and streams are typed views.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createMemoryLog, LifecycleError, ValidationError, type Log } from "../../../runtime/index.js";
import { generate } from "../../../compiler/generate/index.js";
import { loadGenerated } from "./load-generated.js";
import { shopModel } from "./shop-model.js";

interface Envelope {
  readonly type: string;
  readonly key: string;
  readonly version: number;
  readonly schemaVersion: number;
  readonly storedSchemaVersion: number;
  readonly data: Record<string, unknown>;
}
type Publish = (data: unknown, options?: unknown) => Promise<Envelope>;
interface ShopFacade {
  readonly publish: Record<string, Publish>;
  readonly streams: Record<string, (key: string) => Promise<readonly Envelope[]>>;
  readonly projections: Record<string, { replay(handlers: unknown): Promise<unknown> }>;
  readonly validate: Record<string, (value: unknown) => { ok: boolean }>;
}

let createShop: (log: Log, options?: unknown) => ShopFacade;
const upcasters = { ItemRepriced: { 1: (data: Record<string, unknown>) => ({ ...data, reason: "upcast from v1" }) } };

beforeAll(async () => {
  const mod = await loadGenerated(generate(shopModel()), "shop.ts");
  createShop = mod["createShop"] as typeof createShop;
});

describe("generated facade on the memory log", () => {
  it("publishes validated data with defaults applied, and rejects bad data before writing", async () => {
    const log = createMemoryLog();
    const shop = createShop(log, { upcasters });
    const listed = await shop.publish["ItemListed"]!({ sku: "A-1", title: "Lamp", price: { amount: "19.90" } });
    expect(listed).toMatchObject({ type: "shop.ItemListed", key: "A-1", version: 1, data: { tags: [], price: { currency: "EUR" } } });
    expect(Object.isFrozen(listed.data)).toBe(true);
    await expect(shop.publish["ItemListed"]!({ sku: "A-2", title: 1, price: { amount: "1" } })).rejects.toBeInstanceOf(ValidationError);
    expect(await shop.streams["Item"]!("A-2")).toEqual([]);
  });

  it("enforces the spec's lifecycle", async () => {
    const shop = createShop(createMemoryLog(), { upcasters });
    await expect(shop.publish["ItemRepriced"]!({ sku: "X", price: { amount: "1" } })).rejects.toBeInstanceOf(LifecycleError);
    await shop.publish["ItemListed"]!({ sku: "X", title: "t", price: { amount: "1" } });
    await shop.publish["ItemDelisted"]!({ sku: "X", reason: "gone" });
    await expect(shop.publish["ItemDescribed"]!({ sku: "X", description: "late" })).rejects.toBeInstanceOf(LifecycleError);
  });

  it("upcasts stored old versions with the user's upcasters", async () => {
    const log = createMemoryLog();
    await log.ensureTopic({ name: "shop.catalog", partitions: 4 });
    await log.append("shop.catalog", [
      { type: "shop.ItemListed", schemaVersion: 1, key: "A", data: { sku: "A", title: "t", price: { amount: "1.00", currency: "EUR" }, tags: [] } },
      { type: "shop.ItemRepriced", schemaVersion: 1, key: "A", data: { sku: "A", price: { amount: "2.00", currency: "USD" } } },
    ]);
    const shop = createShop(log, { upcasters });
    const stream = await shop.streams["Item"]!("A");
    expect(stream.map((e) => [e.type, e.schemaVersion, e.storedSchemaVersion, e.data["reason"]])).toEqual([
      ["shop.ItemListed", 1, 1, undefined],
      ["shop.ItemRepriced", 2, 1, "upcast from v1"],
    ]);
  });

  it("replays projections with the generated handler maps and exposes every validator", async () => {
    const shop = createShop(createMemoryLog(), { upcasters });
    await shop.publish["ItemListed"]!({ sku: "A", title: "t", price: { amount: "1.00" } });
    await shop.publish["ItemRepriced"]!({ sku: "A", price: { amount: "3.00", currency: "GBP" } });
    const state = await shop.projections["PriceList"]!.replay({
      initial: () => ({ prices: {}, delisted: 0 }),
      ItemListed: (s: { prices: object }, e: Envelope) => ({ ...s, prices: { ...s.prices, [e.key]: e.data["price"] } }),
      ItemRepriced: (s: { prices: object }, e: Envelope) => ({ ...s, prices: { ...s.prices, [e.key]: e.data["price"] } }),
      ItemDelisted: (s: object) => s,
    });
    expect(state).toEqual({ prices: { A: { amount: "3.00", currency: "GBP" } }, delisted: 0 });
    expect(Object.keys(shop.validate)).toContain("Money");
    expect(Object.keys(shop.validate)).toContain("ItemRepricedV1");
    expect(shop.validate["OrderLine"]!({ sku: "a", quantity: 0, unitPrice: { amount: "1" } }).ok).toBe(false);
  });
});
