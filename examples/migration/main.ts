/**
 * The migration example: a log written by the first release of the catalog, read by today's
 * code through an upcaster, and a wrong event corrected by a new one. See README.md.
 *
 * `generated/first-release/` is generated from before/catalog.events and `generated/today/`
 * from catalog.events; run it with `npm run migration`. Set
 * EVENTC_MIGRATION_DIR to keep the log; by default each run starts from an empty directory.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLog } from "eventc/runtime";
import { createCatalog as createFirstRelease } from "./generated/first-release/catalog.js";
import { createCatalog, type CatalogUpcasters } from "./generated/today/catalog.js";

const dir = process.env["EVENTC_MIGRATION_DIR"] ?? mkdtempSync(join(tmpdir(), "eventc-migration-"));
console.log(`eventc migration example — log at ${dir}\n`);

// 1. Last year: the first release publishes ItemRepriced v1 (a bare decimal, in euros).
{
  const log = await openLog({ dir });
  const catalog = createFirstRelease(log);
  await catalog.publish.ItemListed({ sku: "A-1", title: "Lamp", price: "19.90" });
  await catalog.publish.ItemRepriced({ sku: "A-1", price: "17.50", reason: "summer sale" });
  await catalog.publish.ItemListed({ sku: "B-2", title: "Chair", price: "49.00" });
  await log.close();
  console.log("first release: published 3 events (ItemRepriced as v1)");
}
const before = checksum(dir);

// 2. Today: ItemRepriced v2 (price: Money). The stored v1 events stay as they are; they are
//    upcast each time they are read. Leaving out this upcaster is a TypeScript error.
const upcasters: CatalogUpcasters = {
  ItemRepriced: {
    1: (v1) => ({
      sku: v1.sku,
      price: { amount: v1.price, currency: "EUR" }, // before v2, every price was in euros
      ...(v1.reason !== undefined ? { reason: v1.reason } : {}),
    }),
  },
};
const log = await openLog({ dir });
const catalog = createCatalog(log, { upcasters });

console.log("\nreading A-1 with today's code:");
for (const e of await catalog.streams.Item("A-1")) {
  console.log(`  ${e.type} v${e.schemaVersion} (stored as v${e.storedSchemaVersion}), version ${e.version}: ${JSON.stringify(e.data)}`);
}
console.log(`log bytes unchanged by reading: ${checksum(dir) === before}`);

// 3. A mistake, and its correction. The wrong event stays in the log forever; a new event
//    corrects it and points at it with causationId.
const wrong = await catalog.publish.ItemRepriced({ sku: "B-2", price: { amount: "4.90", currency: "EUR" } });
const correction = await catalog.publish.ItemRepriced(
  { sku: "B-2", price: { amount: "49.00", currency: "EUR" }, reason: `correction of ${wrong.id}` },
  { causationId: wrong.id },
);
console.log(`\npublished a wrong price (${wrong.id}) and its correction (${correction.id}, causationId ${correction.causationId})`);

// Every read path sees both, in order; the latest price wins, so projections need no special case.
const prices = new Map<string, string>();
await catalog.replay({
  ItemListed: (e) => void prices.set(e.key, `${e.data.price} ${e.data.currency}`),
  ItemRepriced: (e) => void prices.set(e.key, `${e.data.price.amount} ${e.data.price.currency}`),
});
console.log(`prices after replay: ${JSON.stringify(Object.fromEntries(prices))}`);
await log.close();

/** A digest of every segment file: the stored events, byte for byte. */
function checksum(root: string): string {
  const hash = createHash("sha256");
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".seg")) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(root, "topics"));
  return hash.digest("hex");
}
