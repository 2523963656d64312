/**
 * Upcasting over the durable file log: events published by a v1-only build are read by a v3 build
 * as v3, and reading never changes a byte of the log.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createFacade, openLog, type Envelope, type GlobalProjection, type NamespaceDescriptor } from "../../../runtime/index.js";
import { until } from "../contract/log-contract.js";
import { decoders, shop, upcasters } from "./shop-fixture.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "eventc-upcast-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The shop as an older build knew it: ItemRepriced had only v1. */
const shopV1: NamespaceDescriptor = {
  ...shop,
  events: {
    ...shop.events,
    ItemRepriced: { ...shop.events.ItemRepriced!, currentVersion: 1, versions: [{ version: 1, decode: decoders.ItemRepricedV1 }] },
  },
};

/** Every segment file (`*.seg`, the stored events) and its bytes. */
async function segments(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".seg")) out.set(path, await readFile(path));
    }
  };
  await walk(root);
  return out;
}

const sha = (b: Buffer | undefined): string => createHash("sha256").update(b ?? Buffer.alloc(0)).digest("hex");

it("reads v1 events stored by an older build as v3, frozen, and leaves the log's bytes unchanged", async () => {
  const oldLog = await openLog({ dir, durability: "none" });
  const oldShop = createFacade(oldLog, shopV1);
  await oldShop.publish.ItemListed!({ sku: "A-1", title: "Lamp", price: "19.90" });
  const v1 = await oldShop.publish.ItemRepriced!({ sku: "A-1", price: "17.50" });
  expect(v1.schemaVersion).toBe(1);
  await oldLog.close();

  const before = await segments(dir);
  expect(before.size).toBeGreaterThan(0);

  const log = await openLog({ dir, durability: "none" });
  const current = createFacade(log, shop, { upcasters });
  const stream = await current.streams.Item!("A-1");
  expect(stream[1]).toMatchObject({ id: v1.id, schemaVersion: 3, storedSchemaVersion: 1, data: { sku: "A-1", amount: { value: "17.50", currency: "EUR" } } });
  expect(Object.isFrozen(stream[1]!.data)).toBe(true);

  const seen: Envelope[] = [];
  const sub = await current.subscribe("readers", { ItemRepriced: (e) => void seen.push(e) });
  await until(() => seen.length === 1);
  await sub.stop();
  expect(seen[0]!.storedSchemaVersion).toBe(1);

  const prices = await (current.projections.PriceList as unknown as GlobalProjection<Record<string, string>, Record<string, unknown>>).replay({
    initial: () => ({}),
    ItemListed: (s: Record<string, string>, e: Envelope) => ({ ...s, [e.key]: (e.data as { price: string }).price }),
    ItemRepriced: (s: Record<string, string>, e: Envelope) => ({ ...s, [e.key]: (e.data as { amount: { value: string } }).amount.value }),
    ItemDelisted: (s: Record<string, string>) => s,
  });
  expect(prices).toEqual({ "A-1": "17.50" });
  await log.close();

  // Reading (stream, subscription, projection) changed no stored byte.
  const afterReading = await segments(dir);
  expect([...afterReading.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [path, bytes] of before) expect(sha(afterReading.get(path)), path).toBe(sha(bytes));

  const reopened = await openLog({ dir, durability: "none" });
  const again = createFacade(reopened, shop, { upcasters });

  // New events are published as v3 next to the old v1 one.
  const v3 = await again.publish.ItemRepriced!({ sku: "A-1", amount: { value: "15.00", currency: "USD" } }, { expectedVersion: 2 });
  expect(v3).toMatchObject({ version: 3, schemaVersion: 3, storedSchemaVersion: 3 });
  await reopened.close();

  // Appending only added bytes after the old ones.
  const afterAppend = await segments(dir);
  for (const [path, bytes] of before) expect(sha(afterAppend.get(path)?.subarray(0, bytes.length)), path).toBe(sha(bytes));
});
