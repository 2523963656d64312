import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ConcurrencyError,
  LifecycleError,
  SubscriptionError,
  UpcastError,
  ValidationError,
  createFacade,
  createMemoryLog,
  partitionFor,
  type Envelope,
  type Facade,
  type GlobalProjection,
  type KeyedProjection,
  type Log,
  type StoredEvent,
  type UpcastContext,
} from "../../../runtime/index.js";
import { until } from "../contract/log-contract.js";
import { shop, upcasters } from "./shop-fixture.js";

type Any = Record<string, unknown>;

let log: Log;
let facade: Facade;

beforeEach(() => {
  log = createMemoryLog();
  facade = createFacade(log, shop, { upcasters });
});

afterEach(async () => {
  await log.close();
});

const eventCount = async (topic: string): Promise<number> => (await log.stats()).find((t) => t.name === topic)?.events ?? 0;
const listed = (sku: string, extra: Any = {}): Promise<Envelope> => facade.publish.ItemListed!({ sku, title: `Item ${sku}`, price: "10.00", ...extra });
const repriced = (sku: string, value: string, options = {}): Promise<Envelope> =>
  facade.publish.ItemRepriced!({ sku, amount: { value, currency: "EUR" } }, options);

/** Appends an old-version event directly, as an older build of the app would have. */
const appendOld = async (sku: string, schemaVersion: number, data: unknown): Promise<StoredEvent> => {
  await log.ensureTopic({ name: "shop.catalog", partitions: 4 });
  const [stored] = await log.append("shop.catalog", [{ type: "shop.ItemRepriced", schemaVersion, key: sku, data }]);
  return stored!;
};

const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );

describe("publish", () => {
  it("decodes the data, applies defaults, appends and returns the frozen current-version envelope", async () => {
    const e = await listed("A-1");
    expect(e).toMatchObject({
      type: "shop.ItemListed",
      topic: "shop.catalog",
      partition: partitionFor("A-1", 4),
      offset: 0,
      key: "A-1",
      version: 1,
      schemaVersion: 1,
      storedSchemaVersion: 1,
      data: { sku: "A-1", title: "Item A-1", price: "10.00", tags: [] },
    });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => {
      (e.data as { tags: string[] }).tags.push("x");
    }).toThrow(TypeError);
    expect(() => {
      (e as { version: number }).version = 9;
    }).toThrow(TypeError);
    const [stored] = await collect(log.readKey("shop.catalog", "A-1"));
    expect(stored).toMatchObject({ id: e.id, schemaVersion: 1, data: { sku: "A-1", title: "Item A-1", price: "10.00", tags: [] } });
  });

  it("rejects invalid data with ValidationError listing every issue and writes nothing", async () => {
    const error = await rejection(facade.publish.ItemListed!({ sku: "A-1", price: "ten", colour: "red" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).subject).toBe("shop.ItemListed v1");
    expect((error as ValidationError).issues).toEqual([
      { path: "$.title", message: "is required" },
      { path: "$.price", message: "must be a decimal string" },
      { path: "$.colour", message: "is not a known field" },
    ]);
    expect((error as Error).message).toContain("$.price: must be a decimal string");
    expect(await log.topics()).toEqual([]); // nothing touched the log, not even topic creation
  });

  it("turns a long key into its decimal string and keeps the bigint in the data", async () => {
    const big = 9007199254740993n; // beyond Number.MAX_SAFE_INTEGER
    const placed = await facade.publish.OrderPlaced!({ orderId: big.toString(), total: 5 });
    expect(placed.key).toBe("9007199254740993");
    expect((placed.data as { orderId: bigint }).orderId).toBe(big);
    const [stored] = await collect(log.readKey("shop.orders", "9007199254740993"));
    expect((stored!.data as Any).orderId).toBe("9007199254740993"); // JSON form in the log
    const stream = await facade.streams.Order!(big);
    expect(stream.map((e) => (e.data as { orderId: bigint }).orderId)).toEqual([big]);
  });

  it("enforces the aggregate's lifecycle; a rejected publish writes nothing", async () => {
    const early = await rejection(repriced("A-1", "5.00"));
    expect(early).toBeInstanceOf(LifecycleError);
    expect(early).toMatchObject({ key: "A-1", eventType: "shop.ItemRepriced", currentState: "new (it has no events)" });
    expect((early as LifecycleError).allowed).toContain("shop.ItemListed");
    await listed("A-1");
    await expect(listed("A-1")).rejects.toBeInstanceOf(LifecycleError);
    await repriced("A-1", "5.00");
    await facade.publish.ItemDescribed!({ sku: "A-1", description: "A lamp" });
    await facade.publish.ItemDelisted!({ sku: "A-1", reason: "sold out" });
    const late = await rejection(facade.publish.ItemDescribed!({ sku: "A-1", description: "too late" }));
    expect(late).toBeInstanceOf(LifecycleError);
    expect((late as LifecycleError).currentState).toContain("ended");
    expect(await eventCount("shop.catalog")).toBe(4);
  });

  it("fails with ConcurrencyError when expectedVersion is stale, writing nothing", async () => {
    await listed("A-1", {});
    await repriced("A-1", "5.00", { expectedVersion: 1 });
    const error = await rejection(repriced("A-1", "6.00", { expectedVersion: 1 }));
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ key: "A-1", expectedVersion: 1, currentVersion: 2 });
    expect(await eventCount("shop.catalog")).toBe(2);
  });

  it("is idempotent for a repeated id: the original comes back and nothing new is stored", async () => {
    const first = await listed("A-1");
    const again = await facade.publish.ItemListed!({ sku: "A-1", title: "retry", price: "10.00" }, { id: first.id });
    expect(again).toEqual(first);
    expect(await eventCount("shop.catalog")).toBe(1);
  });

  it("passes correlation and causation ids through", async () => {
    const first = await listed("A-1");
    const second = await repriced("A-1", "1.00", { correlationId: "req-7", causationId: first.id });
    expect(second).toMatchObject({ correlationId: "req-7", causationId: first.id });
  });

  it("creates the descriptor's topics once, lazily", async () => {
    const calls: string[] = [];
    const counting: Log = {
      description: log.description,
      ensureTopic: (t) => (calls.push(t.name), log.ensureTopic(t)),
      append: (...a) => log.append(...a),
      keyState: (...a) => log.keyState(...a),
      readPartition: (...a) => log.readPartition(...a),
      readKey: (...a) => log.readKey(...a),
      replay: (...a) => log.replay(...a),
      subscribe: (...a) => log.subscribe(...a),
      groupPosition: (...a) => log.groupPosition(...a),
      topics: () => log.topics(),
      stats: () => log.stats(),
      verify: (...a) => log.verify(...a),
      close: () => log.close(),
    };
    const f = createFacade(counting, shop, { upcasters });
    expect(calls).toEqual([]);
    await Promise.all([f.publish.ItemListed!({ sku: "a", title: "t", price: "1" }), f.publish.OrderPlaced!({ orderId: 1, total: 1 })]);
    await f.streams.Item!("a");
    expect(calls).toEqual(["shop.catalog", "shop.orders"]);
  });
});

describe("validate", () => {
  it("runs the current version's decoder", () => {
    expect(facade.validate.ItemListed!({ sku: "a", title: "t", price: "1" })).toEqual({ ok: true, value: { sku: "a", title: "t", price: "1", tags: [] } });
    expect(facade.validate.OrderPlaced!({ orderId: 1, total: 0 })).toEqual({ ok: false, issues: [{ path: "$.total", message: "must be >= 1" }] });
  });
});

describe("subscribe", () => {
  it("delivers typed, frozen envelopes per key in order, acknowledges unhandled types, and resumes from its checkpoint", async () => {
    await listed("A-1");
    await facade.publish.ItemDescribed!({ sku: "A-1", description: "unhandled" });
    await repriced("A-1", "5.00");
    await listed("B-2");
    const seen: Envelope[] = [];
    const handlers = {
      ItemListed: (e: Envelope) => void seen.push(e),
      ItemRepriced: (e: Envelope) => void seen.push(e),
    };
    const sub = await facade.subscribe("billing", handlers);
    await until(() => seen.length === 3);
    await sub.stop();
    expect(seen.filter((e) => e.key === "A-1").map((e) => `${e.type}@${e.version}`)).toEqual(["shop.ItemListed@1", "shop.ItemRepriced@3"]);
    for (const e of seen) expect(Object.isFrozen(e.data)).toBe(true);
    // The unhandled ItemDescribed was acknowledged: the checkpoint is past every event.
    const position = await facade.groupPosition("billing");
    const end = (await log.stats()).find((t) => t.name === "shop.catalog")!.partitions.map((p) => p.events);
    expect(Object.values(position["shop.catalog"] ?? {})).toEqual(end);

    await repriced("B-2", "7.00");
    const after: Envelope[] = [];
    const sub2 = await facade.subscribe("billing", { ItemListed: (e) => void after.push(e), ItemRepriced: (e) => void after.push(e) });
    await until(() => after.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    await sub2.stop();
    expect(after.map((e) => `${e.key} ${e.type}`)).toEqual(["B-2 shop.ItemRepriced"]);
  });

  it("only reads the topics of the handled events", async () => {
    await facade.publish.OrderPlaced!({ orderId: 1, total: 3 });
    const seen: Envelope[] = [];
    const sub = await facade.subscribe("orders-only", { OrderPlaced: (e) => void seen.push(e) });
    await until(() => seen.length === 1);
    await sub.stop();
    expect(Object.keys(await facade.groupPosition("orders-only"))).toEqual(["shop.orders"]);
  });

  it("rejects handlers for events the namespace does not have", async () => {
    const error = await rejection(facade.subscribe("g", { ItemListd: () => undefined }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toEqual({ path: "$.ItemListd", message: 'is not an event of namespace "shop"' });
  });

  it("stops with SubscriptionError when an event cannot be upcast, leaving the checkpoint before it", async () => {
    await listed("A-1");
    const bad = await appendOld("A-1", 1, { sku: "A-1", price: "not a number" });
    const seen: Envelope[] = [];
    const sub = await facade.subscribe("strict", { ItemListed: (e) => void seen.push(e), ItemRepriced: (e) => void seen.push(e) }, { maxAttempts: 2, backoff: () => 1 });
    const error = await rejection(sub.closed);
    expect(error).toBeInstanceOf(SubscriptionError);
    expect((error as SubscriptionError).event).toMatchObject({ id: bad.id, offset: bad.offset });
    expect((error as SubscriptionError).cause).toBeInstanceOf(UpcastError);
    expect(seen).toHaveLength(1);
    expect((await facade.groupPosition("strict"))["shop.catalog"]?.[bad.partition]).toBe(bad.offset);
  });
});

describe("replay and streams", () => {
  it("replays handled events of every topic involved", async () => {
    await listed("A-1");
    await facade.publish.OrderPlaced!({ orderId: 7, total: 3 });
    await repriced("A-1", "2.50");
    const seen: string[] = [];
    await facade.replay({ ItemRepriced: (e) => void seen.push(`${e.key}:${(e.data as { amount: { value: string } }).amount.value}`), OrderPlaced: (e) => void seen.push(`order ${e.key}`) });
    expect(seen.sort()).toEqual(["A-1:2.50", "order 7"]);
  });

  it("loads one aggregate's stream, frozen, as current versions", async () => {
    await listed("A-1");
    await appendOld("A-1", 2, { sku: "A-1", price: "3.00", currency: "USD" });
    await listed("B-2");
    const stream = await facade.streams.Item!("A-1");
    expect(stream.map((e) => [e.type, e.version, e.storedSchemaVersion, e.schemaVersion])).toEqual([
      ["shop.ItemListed", 1, 1, 1],
      ["shop.ItemRepriced", 2, 2, 3],
    ]);
    expect(stream[1]!.data).toEqual({ sku: "A-1", amount: { value: "3.00", currency: "USD" } });
    expect(Object.isFrozen(stream)).toBe(true);
    expect(await facade.streams.Item!("nobody")).toEqual([]);
  });
});

describe("projections", () => {
  const priceList = {
    initial: () => ({ prices: {} as Record<string, string>, delisted: 0 }),
    ItemListed: (s: { prices: Record<string, string>; delisted: number }, e: Envelope) => ({ ...s, prices: { ...s.prices, [e.key]: (e.data as { price: string }).price } }),
    ItemRepriced: (s: { prices: Record<string, string>; delisted: number }, e: Envelope) => ({
      ...s,
      prices: { ...s.prices, [e.key]: (e.data as { amount: { value: string } }).amount.value },
    }),
    ItemDelisted: (s: { prices: Record<string, string>; delisted: number }) => ({ ...s, delisted: s.delisted + 1 }),
  };

  it("folds a global projection over the whole log, with old versions upcast", async () => {
    await listed("A-1");
    await listed("B-2", { price: "20.00" });
    await appendOld("A-1", 1, { sku: "A-1", price: "8.00" });
    await facade.publish.ItemDelisted!({ sku: "B-2", reason: "gone" });
    const projection = facade.projections.PriceList as unknown as GlobalProjection<unknown, typeof priceList>;
    const state = await projection.replay(priceList);
    expect(state).toEqual({ prices: { "A-1": "8.00", "B-2": "20.00" }, delisted: 1 });
    expect(Object.isFrozen(state)).toBe(true);
  });

  it("folds a per-key projection into a map, and loads one key", async () => {
    const handlers = {
      initial: (key: string) => ({ key, status: "new", paid: 0 }),
      OrderPlaced: (s: { key: string; status: string; paid: number }) => ({ ...s, status: "placed" }),
      OrderPaid: (s: { key: string; status: string; paid: number }, e: Envelope) => ({ ...s, status: "paid", paid: s.paid + (e.data as { amount: number }).amount }),
    };
    await facade.publish.OrderPlaced!({ orderId: 1, total: 3 });
    await facade.publish.OrderPlaced!({ orderId: 2, total: 4 });
    await facade.publish.OrderPaid!({ orderId: 2, amount: 4 });
    const projection = facade.projections.OrderStatus as unknown as KeyedProjection<unknown, typeof handlers>;
    const states = await projection.replay(handlers);
    expect([...states.entries()].sort()).toEqual([
      ["1", { key: "1", status: "placed", paid: 0 }],
      ["2", { key: "2", status: "paid", paid: 4 }],
    ]);
    expect(await projection.load("2", handlers)).toEqual({ key: "2", status: "paid", paid: 4 });
    expect(await projection.load("99", handlers)).toBeUndefined();
  });

  it("rejects handlers that miss an event the projection is on", async () => {
    const projection = facade.projections.PriceList as unknown as GlobalProjection<unknown, Any>;
    const error = await rejection(projection.replay({ initial: () => ({}), ItemListed: (s: unknown) => s }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["$.ItemRepriced", "$.ItemDelisted"]);
  });
});

describe("upcasting on read", () => {
  it("upcasts v1 → v2 → v3 step by step, applying v2's defaults, and says which version was stored", async () => {
    await listed("A-1");
    const v1 = await appendOld("A-1", 1, { sku: "A-1", price: "8.00" });
    const contexts: UpcastContext[] = [];
    const tracing = createFacade(log, shop, {
      upcasters: {
        ItemRepriced: {
          1: (data: { sku: string; price: string }, context: UpcastContext) => (contexts.push(context), upcasters.ItemRepriced[1](data)),
          2: (data: { sku: string; price: string; currency: string }, context: UpcastContext) => (contexts.push(context), upcasters.ItemRepriced[2](data)),
        },
      },
    });
    const [, e] = await tracing.streams.Item!("A-1");
    expect(e).toMatchObject({ id: v1.id, type: "shop.ItemRepriced", schemaVersion: 3, storedSchemaVersion: 1, version: 2, offset: v1.offset });
    expect(e!.data).toEqual({ sku: "A-1", amount: { value: "8.00", currency: "EUR" } }); // "EUR" is v2's default
    expect(contexts).toEqual([
      { id: v1.id, key: "A-1", time: v1.time, fromVersion: 1 },
      { id: v1.id, key: "A-1", time: v1.time, fromVersion: 2 },
    ]);
    expect(() => {
      ((e!.data as { amount: { value: string } }).amount).value = "0";
    }).toThrow(TypeError);
    // The stored event is untouched.
    const [, raw] = await collect(log.readKey("shop.catalog", "A-1"));
    expect(raw).toEqual(v1);
    expect(raw!.data).toEqual({ sku: "A-1", price: "8.00" });
  });

  it("upcasts on every read path: subscribe, replay, projections, streams", async () => {
    await listed("A-1");
    await appendOld("A-1", 1, { sku: "A-1", price: "8.00" });
    const expectUpcast = (e: Envelope): void => {
      expect(e.storedSchemaVersion).toBe(1);
      expect(e.schemaVersion).toBe(3);
      expect(e.data).toEqual({ sku: "A-1", amount: { value: "8.00", currency: "EUR" } });
    };
    const fromSubscription: Envelope[] = [];
    const sub = await facade.subscribe("up", { ItemRepriced: (e) => void fromSubscription.push(e) });
    await until(() => fromSubscription.length === 1);
    await sub.stop();
    expectUpcast(fromSubscription[0]!);
    const fromReplay: Envelope[] = [];
    await facade.replay({ ItemRepriced: (e) => void fromReplay.push(e) });
    expectUpcast(fromReplay[0]!);
    expectUpcast((await facade.streams.Item!("A-1"))[1]!);
    const projection = facade.projections.PriceList as unknown as GlobalProjection<unknown, Any>;
    const seen: Envelope[] = [];
    await projection.replay({ initial: () => 0, ItemListed: (s: number) => s, ItemRepriced: (s: number, e: Envelope) => (seen.push(e), s + 1), ItemDelisted: (s: number) => s });
    expectUpcast(seen[0]!);
  });

  it("fails with UpcastError naming the event, offset and versions when an upcaster is missing", async () => {
    await listed("A-1");
    const v1 = await appendOld("A-1", 1, { sku: "A-1", price: "8.00" });
    const bare = createFacade(log, shop);
    const error = (await rejection(bare.streams.Item!("A-1"))) as UpcastError;
    expect(error).toBeInstanceOf(UpcastError);
    expect(error).toMatchObject({ eventId: v1.id, eventType: "shop.ItemRepriced", offset: v1.offset, fromVersion: 1, toVersion: 2, code: "UPCAST" });
    expect(error.message).toContain(v1.id);
    expect(error.message).toContain(`offset ${v1.offset}`);
    expect(error.message).toContain("no upcaster");
    // Only v2 → v3 missing: the error names that step.
    const half = createFacade(log, shop, { upcasters: { ItemRepriced: { 1: upcasters.ItemRepriced[1] } } });
    await expect(half.streams.Item!("A-1")).rejects.toMatchObject({ fromVersion: 2, toVersion: 3 });
  });

  it("fails with UpcastError when an upcaster throws or returns invalid data", async () => {
    await listed("A-1");
    await appendOld("A-1", 1, { sku: "A-1", price: "8.00" });
    const throwing = createFacade(log, shop, {
      upcasters: {
        ItemRepriced: {
          1: () => {
            throw new Error("cannot convert");
          },
          2: upcasters.ItemRepriced[2],
        },
      },
    });
    const thrown = (await rejection(throwing.streams.Item!("A-1"))) as UpcastError;
    expect(thrown).toBeInstanceOf(UpcastError);
    expect(thrown.message).toContain("cannot convert");
    expect((thrown.cause as Error).message).toBe("cannot convert");
    const invalid = createFacade(log, shop, { upcasters: { ItemRepriced: { 1: upcasters.ItemRepriced[1], 2: () => ({ sku: "A-1", amount: { value: 8 } }) } } });
    const wrong = (await rejection(invalid.streams.Item!("A-1"))) as UpcastError;
    expect(wrong).toMatchObject({ fromVersion: 2, toVersion: 3 });
    expect(wrong.message).toContain("$.amount.value: must be a decimal string");
    expect(wrong.message).toContain("$.amount.currency: is required");
  });

  it("fails with UpcastError for a stored version the spec does not declare, or a payload invalid for its version", async () => {
    await listed("A-1");
    const future = await appendOld("A-1", 7, { sku: "A-1" });
    const error = (await rejection(facade.streams.Item!("A-1"))) as UpcastError;
    expect(error).toBeInstanceOf(UpcastError);
    expect(error).toMatchObject({ eventId: future.id, fromVersion: 7 });
    expect(error.message).toContain("not declared");
    const log2 = createMemoryLog();
    const f2 = createFacade(log2, shop, { upcasters });
    await f2.publish.ItemListed!({ sku: "B", title: "t", price: "1" });
    await log2.append("shop.catalog", [{ type: "shop.ItemRepriced", schemaVersion: 3, key: "B", data: { sku: "B" } }]);
    await expect(f2.streams.Item!("B")).rejects.toThrow(/not a valid v3[\s\S]*\$\.amount: is required/);
    await log2.close();
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}
