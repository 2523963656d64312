/**
 * The lock file: deterministic bytes, a faithful round trip, clear diagnostics for damaged files,
 * and updates that never silently record a breaking change.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildLock, parseLock, readLockFile, serializeLock } from "../../../compiler/evolution/lock-file.js";
import { checkLockFreshness, updateLock } from "../../../compiler/evolution/update-lock.js";
import type { Model } from "../../../compiler/model.js";
import { aggregate, enumOf, field, model, namespace, record, t, topic } from "./model-builder.js";

function spec(options: { reverse?: boolean; extraField?: boolean; partitions?: number } = {}): Model {
  const order = <T>(items: T[]) => (options.reverse ? [...items].reverse() : items);
  const listedFields = [field("title", t.string), field("price", t.record("common.Money"))];
  if (options.extraField) listedFields.push(field("note", t.string, { optional: true }));
  return model(
    namespace("common", {
      enums: [enumOf("common", "Currency", order(["EUR", "USD"]))],
      records: order([record("common", "Money", order([field("amount", t.decimal), field("currency", t.enum("common.Currency"))]))]),
    }),
    namespace("shop", {
      topics: order([topic("shop", "catalog", options.partitions ?? 4), topic("shop", "orders", 2)]),
      aggregates: order([
        aggregate("shop", "Item", "shop.catalog", { name: "sku", type: "string" }, order([
          { name: "ItemListed", creates: true, versions: [order(listedFields)] },
          { name: "ItemRepriced", versions: [[field("price", t.decimal)], [field("price", t.record("common.Money"))]] },
        ])),
        aggregate("shop", "Order", "shop.orders", { name: "orderId", type: "uuid" }, [{ name: "OrderPlaced", creates: true, versions: [[field("total", t.record("common.Money"))]] }]),
      ]),
    }),
  );
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "eventc-lock-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("lock file format", () => {
  it("is byte-identical whatever order the model lists things in", () => {
    expect(serializeLock(buildLock(spec({ reverse: true })))).toBe(serializeLock(buildLock(spec())));
  });

  it("is sorted, indented by two spaces and ends with a newline", () => {
    const text = serializeLock(buildLock(spec()));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "events": {');
    expect(Object.keys(JSON.parse(text))).toEqual(["events", "formatVersion", "topics", "types"]);
    const events = JSON.parse(text).events;
    expect(Object.keys(events)).toEqual(["shop.ItemListed", "shop.ItemRepriced", "shop.OrderPlaced"]);
    expect(Object.keys(events["shop.ItemRepriced"])).toEqual(["1", "2"]);
    expect(Object.keys(events["shop.ItemListed"]["1"].schema.fields)).toEqual(["price", "title"]);
  });

  it("reads back what it wrote", () => {
    const lock = buildLock(spec());
    const parsed = parseLock(serializeLock(lock), "events.lock.json");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.lock).toEqual(lock);
  });
});

describe("damaged lock files", () => {
  it("reports a file that is not JSON at the position of the error", () => {
    const text = '{\n  "formatVersion": 1,\n  "topics": {,\n}\n';
    const [d, ...rest] = parseLock(text, "events.lock.json").diagnostics;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("EV6021");
    expect(d?.message).toMatch(/^Lock file "events\.lock\.json" is not a valid eventc lock file: not JSON \(/);
    expect(d?.span?.start.line).toBe(3);
  });

  it("names the first entry with the wrong shape by its JSON path", () => {
    const lock = JSON.parse(serializeLock(buildLock(spec())));
    lock.events["shop.ItemListed"]["1"].schema.fields.title.type = "list<";
    const [d] = parseLock(JSON.stringify(lock, null, 2), "events.lock.json").diagnostics;
    expect(d?.code).toBe("EV6021");
    expect(d?.message).toBe(
      'Lock file "events.lock.json" is not a valid eventc lock file: $.events["shop.ItemListed"]["1"].schema.fields.title.type must be a type such as "string", "common.Money" or "list<int>".',
    );
  });

  it("rejects another format version", () => {
    const [d] = parseLock('{"formatVersion": 2, "topics": {}, "events": {}, "types": {}}', "x.json").diagnostics;
    expect(d?.message).toBe('Lock file "x.json" is not a valid eventc lock file: $.formatVersion must be 1 (this eventc reads lock format 1).');
  });

  it("warns when a schema was edited by hand and no longer matches its fingerprint", () => {
    const lock = JSON.parse(serializeLock(buildLock(spec())));
    lock.events["shop.ItemListed"]["1"].schema.fields.title.optional = true;
    const result = parseLock(JSON.stringify(lock, null, 2), "events.lock.json");
    expect(result.lock).toBeDefined();
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["EV6022", "warning", 'The fingerprint of "shop.ItemListed" v1 in lock file "events.lock.json" does not match its schema (edited by hand?).'],
    ]);
  });

  it("reports a missing lock file", () => {
    const [d] = readLockFile(join(dir, "nope.json")).diagnostics;
    expect(d?.code).toBe("EV6020");
    expect(d?.message).toBe(`Lock file "${join(dir, "nope.json")}" does not exist.`);
  });
});

describe("updateLock", () => {
  it("writes a new lock, then leaves an up-to-date one untouched", () => {
    const path = join(dir, "sub", "events.lock.json");
    expect(updateLock(spec(), path).status).toBe("written");
    expect(readFileSync(path, "utf8")).toBe(serializeLock(buildLock(spec())));
    const before = statSync(path).mtimeMs;
    const again = updateLock(spec({ reverse: true }), path);
    expect(again.status).toBe("unchanged");
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it("records compatible changes and lists them", () => {
    const path = join(dir, "events.lock.json");
    updateLock(spec(), path);
    const result = updateLock(spec({ extraField: true }), path);
    expect(result.status).toBe("written");
    expect(result.diagnostics).toEqual([]);
    expect(result.compatible).toEqual(['new optional field "note" in "ItemListed" v1']);
    expect(JSON.parse(readFileSync(path, "utf8")).events["shop.ItemListed"]["1"].schema.fields.note).toEqual({ optional: true, type: "string" });
  });

  it("refuses to record a breaking change, and records it with force (as warnings)", () => {
    const path = join(dir, "events.lock.json");
    updateLock(spec(), path);
    const locked = readFileSync(path, "utf8");
    const refused = updateLock(spec({ partitions: 8 }), path);
    expect(refused.status).toBe("refused");
    expect(refused.diagnostics.map((d) => d.code)).toEqual(["EV6015", "EV6024"]);
    expect(refused.diagnostics[1]?.hint).toBe(
      "Fix the changes above, or run `eventc lock --force` if no event of the locked versions was ever published.",
    );
    expect(readFileSync(path, "utf8")).toBe(locked);
    const forced = updateLock(spec({ partitions: 8 }), path, { force: true });
    expect(forced.status).toBe("written");
    expect(forced.diagnostics.map((d) => [d.code, d.severity])).toEqual([["EV6015", "warning"]]);
    expect(JSON.parse(readFileSync(path, "utf8")).topics["shop.catalog"]).toEqual({ partitions: 8 });
  });

  it("refuses to overwrite a damaged lock without force", () => {
    const path = join(dir, "events.lock.json");
    writeFileSync(path, "{ not json");
    const result = updateLock(spec(), path);
    expect(result.status).toBe("refused");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["EV6021", "EV6024"]);
    expect(readFileSync(path, "utf8")).toBe("{ not json");
  });
});

describe("checkLockFreshness (for generate without --update-lock)", () => {
  it("says nothing without a lock file or with a current one", () => {
    const path = join(dir, "events.lock.json");
    expect(checkLockFreshness(spec(), path)).toEqual([]);
    updateLock(spec(), path);
    expect(checkLockFreshness(spec(), path)).toEqual([]);
  });

  it("warns, naming what changed, when the lock is out of date", () => {
    const path = join(dir, "events.lock.json");
    updateLock(spec(), path);
    const [d, ...rest] = checkLockFreshness(spec({ extraField: true, partitions: 8 }), path);
    expect(rest).toEqual([]);
    expect(d?.code).toBe("EV6023");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toBe(
      `Lock file "${path}" is out of date: 4 change(s) since it was written ("shop.ItemListed" v1 changed, "shop.ItemRepriced" v1 changed, "shop.ItemRepriced" v2 changed, ...).`,
    );
    expect(d?.hint).toBe(`Run \`eventc lock\` (or \`eventc generate --update-lock\`) and commit "${path}".`);
  });
});
