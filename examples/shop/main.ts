/**
 * The shop example, end to end on the embedded durable file log:
 * publish, a lifecycle rejection, an optimistic-concurrency conflict, a consumer group that
 * stops and resumes from its checkpoint, and the rebuild of two projections by replay.
 *
 * Run it with `npm run shop` (generates `generated/` from the specs, compiles, runs).
 * Set EVENTC_SHOP_DIR to keep the log somewhere else; by default it starts from an empty
 * directory under the system's temp folder each run. Set EVENTC_NATS=nats://127.0.0.1:4222 to
 * run the very same code on NATS JetStream instead: only the `openLog` options change (each run
 * uses fresh stream names, so that it too starts from an empty log).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConcurrencyError, LifecycleError, openLog } from "eventc/runtime";
import { createShop, type OrderPlacedEvent } from "./generated/shop.js";

const nats = process.env["EVENTC_NATS"];
const run = process.env["EVENTC_SHOP_RUN"] ?? `shop${Date.now()}`;
const log = nats
  ? await openLog({ nats: { servers: nats, streamPrefix: run.toUpperCase(), subjectRoot: run } })
  : await openLog({ dir: process.env["EVENTC_SHOP_DIR"] ?? mkdtempSync(join(tmpdir(), "eventc-shop-")) }); // embedded, durable (fsync) by default
const shop = createShop(log);

console.log(`eventc shop example — ${log.description}\n`);

// 1. Publish. Validation applies defaults (tags = [], currency = EUR) and freezes the result.
const listed = await shop.publish.ItemListed({ sku: "A-1", title: "Lamp", price: { amount: "19.90", currency: "EUR" } });
console.log(`published ${listed.type} v${listed.version} of key ${listed.key} at ${listed.topic}[${listed.partition}]@${listed.offset}, tags=${JSON.stringify(listed.data.tags)}`);
await shop.publish.ItemListed({ sku: "B-2", title: "Chair", price: { amount: "49.00" } });
await shop.publish.ItemRepriced({ sku: "A-1", price: { amount: "17.50", currency: "EUR" } }, { expectedVersion: 1 });
await shop.publish.ItemDescribed({ sku: "A-1", description: "A warm desk lamp." });

// 2. Lifecycle: an ended item accepts nothing more; nothing is written.
await shop.publish.ItemDelisted({ sku: "B-2", reason: "discontinued" });
try {
  await shop.publish.ItemRepriced({ sku: "B-2", price: { amount: "1.00" } });
} catch (error) {
  if (!(error instanceof LifecycleError)) throw error;
  console.log(`rejected as expected: ${error.message}`);
}

// 3. Optimistic concurrency: A-1 is at version 3, not 1.
try {
  await shop.publish.ItemRepriced({ sku: "A-1", price: { amount: "15.00" } }, { expectedVersion: 1 });
} catch (error) {
  if (!(error instanceof ConcurrencyError)) throw error;
  console.log(`rejected as expected: ${error.message}`);
}

// 4. Orders, and a consumer group that checkpoints and resumes.
const orderId = "0194f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f";
await shop.publish.OrderPlaced({
  orderId,
  customerId: "0194f1c2-0000-7000-8000-000000000001",
  lines: [{ sku: "A-1", quantity: 2, unitPrice: { amount: "17.50" } }],
  placedAt: "2026-11-26T09:00:00Z",
});

const billed: string[] = [];
const bill = async (e: OrderPlacedEvent) => {
  billed.push(`${e.key} (${e.data.lines.length} line(s))`);
};
let subscription = await shop.subscribe("billing", { OrderPlaced: bill, OrderPaid: () => {} });
await waitFor(() => billed.length === 1);
await subscription.stop(); // checkpoint written

await shop.publish.OrderPaid({ orderId, amount: { amount: "35.00" } });
const secondOrder = "0194f1c2-7a3b-7c4d-8e5f-000000000002";
await shop.publish.OrderPlaced({
  orderId: secondOrder,
  customerId: "0194f1c2-0000-7000-8000-000000000002",
  lines: [{ sku: "A-1", quantity: 1, unitPrice: { amount: "17.50" } }],
  placedAt: "2026-11-26T09:05:00Z",
});
subscription = await shop.subscribe("billing", { OrderPlaced: bill, OrderPaid: () => {} });
await waitFor(() => billed.length === 2);
await subscription.stop();
if (billed.length !== 2) throw new Error(`expected the billing group to resume after the first order, but it handled ${billed.length} events`);
console.log(`billing group handled: ${billed.join(", ")} — the second run resumed from the checkpoint`);

// 5. Projections: rebuilt from the log by replay.
const prices = await shop.projections.PriceList.replay({
  initial: () => ({ prices: {}, delisted: 0 }),
  ItemListed: (s, e) => ({ ...s, prices: { ...s.prices, [e.key]: e.data.price } }),
  ItemRepriced: (s, e) => ({ ...s, prices: { ...s.prices, [e.key]: e.data.price } }),
  ItemDelisted: (s, e) => {
    const { [e.key]: _removed, ...rest } = s.prices;
    return { prices: rest, delisted: s.delisted + 1 };
  },
});
console.log(`PriceList: ${JSON.stringify(prices)}`);

const statuses = await shop.projections.OrderStatus.replay({
  initial: () => ({ status: "new" }),
  OrderPlaced: (s) => ({ ...s, status: "placed" }),
  OrderPaid: (s, e) => ({ ...s, status: "paid", total: e.data.amount }),
  OrderShipped: (s) => ({ ...s, status: "shipped" }),
  OrderCancelled: (s) => ({ ...s, status: "cancelled" }),
});
for (const [key, state] of statuses) console.log(`OrderStatus ${key}: ${JSON.stringify(state)}`);

await log.close();
console.log("\ndone.");

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the subscription");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
