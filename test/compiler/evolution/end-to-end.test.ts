/**
 * Evolution end to end, with the real generator and the durable file log:
 * publish v1 events, lock the spec, add ItemRepriced v2 (price gains a currency) with an
 * upcaster, check against the lock, regenerate, read everything back through every read path —
 * handlers get v2-shaped, frozen events, `storedSchemaVersion: 1` on the old ones — and the
 * bytes of the log are exactly what they were.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareWithLock } from "../../../compiler/evolution/compare.js";
import { readLockFile } from "../../../compiler/evolution/lock-file.js";
import { updateLock } from "../../../compiler/evolution/update-lock.js";
import { compile } from "../../../compiler/compile.js";
import type { GeneratedFile } from "../../../compiler/generate/index.js";
import type { Model } from "../../../compiler/model.js";
import { openLog } from "../../../runtime/index.js";
import type { Envelope } from "../../../runtime/envelope.js";
import type { Log } from "../../../runtime/log.js";
import { loadGenerated } from "../generate/load-generated.js";

/** The shop before (v1: a price is a bare decimal in euros) and after (v2: a price is Money). */
const SPEC_V1 = `namespace shop

enum Currency { EUR, USD }

type Money {
  amount: decimal
  currency: Currency = EUR
}

topic catalog {
  partitions 4
}

aggregate Item in catalog {
  key sku: string

  event ItemListed creates {
    title: string
    price: decimal
  }

  event ItemRepriced after ItemListed, ItemRepriced {
    price: decimal
  }
}
`;

const SPEC_V2 = SPEC_V1.replace(
  "  event ItemRepriced after ItemListed, ItemRepriced {\n    price: decimal\n  }\n",
  "  event ItemRepriced v1 {\n    price: decimal\n  }\n\n  event ItemRepriced v2 after ItemListed, ItemRepriced {\n    price: Money\n    reason?: string\n  }\n",
);

/** Compiles a spec from a file, as `eventc generate` would: the model and the generated modules. */
function compileSpec(text: string): { model: Model; outputs: readonly GeneratedFile[] } {
  const path = join(root, "specs", "shop.events");
  mkdirSync(join(root, "specs"), { recursive: true });
  writeFileSync(path, text);
  const result = compile({ files: [path] });
  expect(result.diagnostics).toEqual([]);
  return { model: result.model!, outputs: result.outputs };
}

type ShopFacade = {
  publish: Record<string, (data: unknown, options?: unknown) => Promise<Envelope>>;
  replay(handlers: Record<string, (e: Envelope) => void>): Promise<void>;
  subscribe(group: string, handlers: Record<string, (e: Envelope) => Promise<void> | void>): Promise<{ stop(): Promise<void> }>;
  streams: Record<string, (key: string) => Promise<readonly Envelope[]>>;
};
type CreateShop = (log: Log, options?: unknown) => ShopFacade;

let root: string;
let dataDir: string;
let lockPath: string;

/** SHA-256 of every file of the log that holds events or their metadata (checkpoints of consumer groups excluded). */
function checksums(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const rel = relative(dir, path);
      if (rel === "LOCK" || rel.startsWith("checkpoints")) continue;
      if (entry.isDirectory()) walk(path);
      else result[rel] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return result;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "eventc-evolution-e2e-"));
  dataDir = join(root, "data");
  lockPath = join(root, "events.lock.json");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("evolution end to end: v1 events read as v2 through an upcaster", () => {
  let before: Record<string, string>;
  const published: Envelope[] = [];

  it("v1: locks the spec and publishes v1 events to a file log", async () => {
    const v1 = compileSpec(SPEC_V1);
    expect(updateLock(v1.model, lockPath).status).toBe("written");
    const createShop = (await loadGenerated(v1.outputs, "shop.ts")).createShop as CreateShop;
    const log = await openLog({ dir: dataDir });
    try {
      const shop = createShop(log, {});
      published.push(await shop.publish.ItemListed!({ sku: "A-1", title: "Lamp", price: "19.90" }));
      published.push(await shop.publish.ItemRepriced!({ sku: "A-1", price: "17.50" }));
      published.push(await shop.publish.ItemListed!({ sku: "B-2", title: "Desk", price: "120.00" }));
      published.push(await shop.publish.ItemRepriced!({ sku: "B-2", price: "99.00" }));
      published.push(await shop.publish.ItemRepriced!({ sku: "A-1", price: "18.00" }));
    } finally {
      await log.close();
    }
    expect(published.map((e) => e.schemaVersion)).toEqual([1, 1, 1, 1, 1]);
    before = checksums(dataDir);
    expect(Object.keys(before).some((p) => p.endsWith(".seg"))).toBe(true);
  });

  it("v2: the new version passes the check against the lock, and the lock records it", () => {
    const lock = readLockFile(lockPath).lock;
    expect(lock).toBeDefined();
    const v2 = compileSpec(SPEC_V2).model;
    const result = compareWithLock(lock!, v2);
    expect(result.diagnostics).toEqual([]);
    expect(result.compatible).toContain('new version "ItemRepriced" v2');
    expect(updateLock(v2, lockPath).status).toBe("written");
    const relocked = readLockFile(lockPath).lock!;
    expect(Object.keys(relocked.events["shop.ItemRepriced"] ?? {})).toEqual(["1", "2"]);
    // v1 stays exactly as it was locked.
    expect(relocked.events["shop.ItemRepriced"]?.["1"]).toEqual(lock!.events["shop.ItemRepriced"]?.["1"]);
  });

  it("v2: every read path hands out v2-shaped, frozen events; old ones say storedSchemaVersion 1", async () => {
    const createShop = (await loadGenerated(compileSpec(SPEC_V2).outputs, "shop.ts")).createShop as CreateShop;
    const upcasters = {
      ItemRepriced: {
        // Before v2 every price was in euros.
        1: (v1: { sku: string; price: string }) => ({ sku: v1.sku, price: { amount: v1.price, currency: "EUR" } }),
      },
    };
    const log = await openLog({ dir: dataDir });
    try {
      const shop = createShop(log, { upcasters });
      const expectUpcast = (e: Envelope | undefined, amount: string) => {
        expect(e).toMatchObject({ type: "shop.ItemRepriced", schemaVersion: 2, storedSchemaVersion: 1 });
        expect(e?.data).toEqual({ sku: e?.key, price: { amount, currency: "EUR" } });
        expect(Object.isFrozen(e)).toBe(true);
        expect(Object.isFrozen(e?.data)).toBe(true);
        expect(Object.isFrozen((e?.data as { price: object }).price)).toBe(true);
      };

      const replayed: Envelope[] = [];
      await shop.replay({ ItemListed: (e) => void replayed.push(e), ItemRepriced: (e) => void replayed.push(e) });
      const repriced = replayed.filter((e) => e.type === "shop.ItemRepriced");
      expect(repriced.map((e) => e.id).sort()).toEqual(published.filter((e) => e.type === "shop.ItemRepriced").map((e) => e.id).sort());
      const v1Prices = new Map(published.map((p) => [p.id, (p.data as { price: string }).price]));
      for (const e of repriced) expectUpcast(e, v1Prices.get(e.id) ?? "(not published)");
      const listed = replayed.find((e) => e.type === "shop.ItemListed");
      expect(listed).toMatchObject({ schemaVersion: 1, storedSchemaVersion: 1 });

      const stream = await shop.streams.Item!("A-1");
      expect(stream.map((e) => [e.type, e.version, e.schemaVersion, e.storedSchemaVersion])).toEqual([
        ["shop.ItemListed", 1, 1, 1],
        ["shop.ItemRepriced", 2, 2, 1],
        ["shop.ItemRepriced", 3, 2, 1],
      ]);
      expectUpcast(stream[2], "18.00");

      const subscribed: Envelope[] = [];
      let done!: () => void;
      const all = new Promise<void>((resolve) => (done = resolve));
      const subscription = await shop.subscribe("evolution-test", {
        ItemRepriced: (e) => {
          subscribed.push(e);
          if (subscribed.length === 3) done();
        },
      });
      await all;
      await subscription.stop();
      for (const e of subscribed) expect(e.storedSchemaVersion).toBe(1);
      expectUpcast(subscribed.find((e) => e.key === "B-2"), "99.00");
    } finally {
      await log.close();
    }
  });

  it("the log's bytes are unchanged: upcasting happens on read, never in the log", () => {
    expect(checksums(dataDir)).toEqual(before);
  });
});
