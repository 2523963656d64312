/**
 * What the JetStream backend does beyond the shared contract: awkward keys on real subjects,
 * several writer processes on one topic, lost connections mid-publish, duplicate key versions
 * written behind the adapter's back, the server-version warning.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect, headers } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { DuplicateVersionError, ValidationError, partitionFor, type LifecycleRules, type Log, type StoredEvent } from "../../../runtime/index.js";
import { openJetStreamLog, type JetStreamLogOptions } from "../../../runtime/jetstream/jetstream-log.js";
import { keySubject } from "../../../runtime/jetstream/names.js";
import { checksum, encodeRecord, SUM_HEADER } from "../../../runtime/jetstream/record.js";
import { checkServerVersion, compareVersions } from "../../../runtime/jetstream/server-version.js";
import { natsAvailable, NATS_URL, removeStreams, runPrefix } from "./nats-available.js";
import { startTcpProxy } from "./tcp-proxy.js";

const available = await natsAvailable();
const RULES: LifecycleRules = { "t.Opened": { creates: true }, "t.Changed": { after: ["t.Opened", "t.Changed"] }, "t.Closed": { after: ["t.Opened", "t.Changed"], ends: true } };

async function all(iterable: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

describe("server version check", () => {
  it("compares versions numerically", () => {
    expect(compareVersions("2.9.10", "2.9.21")).toBeLessThan(0);
    expect(compareVersions("v2.10.0", "2.9.21")).toBeGreaterThan(0);
    expect(compareVersions("2.9.21", "2.9.21")).toBe(0);
  });

  it("warns for clusters below 2.9.21 (nats-server #4320), not for single servers", () => {
    expect(checkServerVersion("2.9.10", true, 3)).toMatch(/2\.9\.10.*below 2\.9\.21.*#4320/);
    expect(checkServerVersion("2.9.10", false, 3)).toMatch(/#4320/);
    expect(checkServerVersion("2.9.10", false, 1)).toBeUndefined();
    expect(checkServerVersion("2.9.21", true, 3)).toBeUndefined();
    expect(checkServerVersion("2.10.4", true, 3)).toBeUndefined();
  });
});

describe.runIf(available)("JetStream log on the local server", () => {
  let options: JetStreamLogOptions & { nats: { streamPrefix: string; subjectRoot: string } };
  const logs: Log[] = [];
  const open = async (extra: Partial<JetStreamLogOptions["nats"]> = {}): Promise<Log> => {
    const log = await openJetStreamLog({ nats: { ...options.nats, ...extra } });
    logs.push(log);
    return log;
  };

  beforeEach(() => {
    const prefix = runPrefix();
    options = { nats: { servers: NATS_URL, subjectRoot: prefix, streamPrefix: prefix.toUpperCase(), onWarning: () => undefined } };
  });

  afterEach(async () => {
    for (const log of logs.splice(0)) await log.close();
    await removeStreams(options.nats.streamPrefix);
  });

  it("stores and reads keys with dots, spaces, wildcards and unicode", async () => {
    const log = await open();
    await log.ensureTopic({ name: "shop.catalog items", partitions: 3 });
    const keys = ["a.b.c", "with space", "*", ">", "a.*.>", "ünïcødé 🙂", "_5F", "_", "tab\tkey"];
    for (const key of keys) {
      await log.append("shop.catalog items", [{ type: "t.Opened", schemaVersion: 1, key, data: { key } }], { lifecycle: RULES });
      await log.append("shop.catalog items", [{ type: "t.Changed", schemaVersion: 1, key, data: { key } }], { lifecycle: RULES, expectedVersion: 1 });
    }
    for (const key of keys) {
      expect(await log.keyState("shop.catalog items", key)).toEqual({ key, version: 2, state: "t.Changed", ended: false });
      const events = await all(log.readKey("shop.catalog items", key));
      expect(events.map((e) => [e.key, e.version, e.partition])).toEqual([
        [key, 1, partitionFor(key, 3)],
        [key, 2, partitionFor(key, 3)],
      ]);
    }
    // A wildcard-looking key reads only itself, never the keys its characters would match as a subject.
    expect((await all(log.readKey("shop.catalog items", ">"))).every((e) => e.key === ">")).toBe(true);
    const replayed = await all(log.replay(["shop.catalog items"]));
    expect(new Set(replayed.map((e) => e.key))).toEqual(new Set(keys));
    expect((await log.topics()).map((t) => t.name)).toEqual(["shop.catalog items"]);
    // The empty key is refused by the contract (not by the encoding, which handles it: see names.test.ts).
    await expect(log.append("shop.catalog items", [{ type: "t.Opened", schemaVersion: 1, key: "", data: {} }])).rejects.toBeInstanceOf(ValidationError);
  });

  it("keeps offsets dense and versions exact with several writer processes on one topic", async () => {
    const writers = [await open(), await open(), await open()];
    await writers[0]!.ensureTopic({ name: "multi", partitions: 2 });
    const keys = Array.from({ length: 6 }, (_, i) => `k${i}`);
    const results = await Promise.all(
      writers.map(async (log, w) => {
        const mine: StoredEvent[] = [];
        for (let i = 0; i < 30; i++) {
          const key = keys[(i + w) % keys.length]!;
          mine.push(...(await log.append("multi", [{ type: "t.Changed", schemaVersion: 1, key, data: { w, i } }])));
        }
        return mine;
      }),
    );
    const appended = results.flat();
    expect(appended).toHaveLength(90);
    const reader = await open();
    for (let p = 0; p < 2; p++) {
      const events = await all(reader.readPartition("multi", p));
      expect(events.map((e) => e.offset)).toEqual(events.map((_, i) => i));
    }
    for (const key of keys) {
      const events = await all(reader.readKey("multi", key));
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    }
    // What each writer was told is exactly what is stored.
    const stored = new Map((await all(reader.replay(["multi"]))).map((e) => [e.id, e]));
    expect(stored.size).toBe(90);
    for (const e of appended) expect(stored.get(e.id)).toEqual(e);
    expect((await reader.verify()).ok).toBe(true);
  });

  it("retries a publish whose acknowledgement was lost without duplicating it or breaking lifecycle order", async () => {
    const proxy = await startTcpProxy(Number(new URL(NATS_URL).port || 4222));
    try {
      const log = await open({ servers: `nats://127.0.0.1:${proxy.port}`, publishTimeoutMs: 1_000 });
      await log.ensureTopic({ name: "lossy", partitions: 1 });
      const key = "order-1";
      await log.append("lossy", [{ type: "t.Opened", schemaVersion: 1, key, data: { n: 1 } }], { lifecycle: RULES });
      // The next publish reaches the server, which stores it; the connection dies before the ack returns.
      const cut = proxy.cutAfter(keySubject(options.nats, "lossy", 0, key));
      const changed = log.append("lossy", [{ type: "t.Changed", schemaVersion: 1, key, data: { n: 2 } }], { lifecycle: RULES, expectedVersion: 1 });
      await cut;
      const [stored] = await changed;
      expect(stored).toMatchObject({ type: "t.Changed", version: 2, offset: 1 });
      await log.append("lossy", [{ type: "t.Closed", schemaVersion: 1, key, data: { n: 3 } }], { lifecycle: RULES, expectedVersion: 2 });
      const events = await all(log.readKey("lossy", key));
      expect(events.map((e) => `${e.version}:${e.type}`)).toEqual(["1:t.Opened", "2:t.Changed", "3:t.Closed"]);
      expect(events[1]).toEqual(stored);
      expect((await log.verify()).ok).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it("refuses to deliver two events claiming the same key version (written behind its back)", async () => {
    const log = await open();
    await log.ensureTopic({ name: "forged", partitions: 1 });
    const [first] = await log.append("forged", [{ type: "t.Opened", schemaVersion: 1, key: "k", data: {} }]);
    // A second writer that ignores the expectations (what #4320 allowed in 2.9 clusters) stores version 1 again.
    const nc = await connect({ servers: NATS_URL });
    try {
      const body = encodeRecord({ o: 1, v: 1, s: null }, [{ i: "forged-id", t: "t.Opened", sv: 1, tm: first!.time }], ["{}"]);
      const h = headers();
      h.set(SUM_HEADER, checksum(body));
      await jetstream(nc).publish(keySubject(options.nats, "forged", 0, "k"), body, { headers: h });
    } finally {
      await nc.close();
    }
    const error = await all(log.readKey("forged", "k")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateVersionError);
    expect(error).toMatchObject({ key: "k", version: 1, ids: [first!.id, "forged-id"] });
    await expect(all(log.readPartition("forged", 0))).rejects.toBeInstanceOf(DuplicateVersionError);
    const verdict = await log.verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad?.reason).toMatch(/version 1 of key "k" is claimed twice/);
  });

  it("detects a changed message body by its checksum", async () => {
    const log = await open();
    await log.ensureTopic({ name: "sums", partitions: 1 });
    await log.append("sums", [{ type: "t.Opened", schemaVersion: 1, key: "k", data: {} }]);
    const nc = await connect({ servers: NATS_URL });
    try {
      const body = encodeRecord({ o: 1, v: 2, s: null }, [{ i: "x", t: "t.Changed", sv: 1, tm: new Date().toISOString() }], ['{"amount":1}']);
      const h = headers();
      h.set(SUM_HEADER, checksum(body.replace('"amount":1', '"amount":9')));
      await jetstream(nc).publish(keySubject(options.nats, "sums", 0, "k"), body, { headers: h });
    } finally {
      await nc.close();
    }
    const verdict = await log.verify();
    expect(verdict).toMatchObject({ ok: false, firstBad: { topic: "sums", partition: 0 } });
    expect(verdict.firstBad?.reason).toMatch(/does not match its checksum/);
  });
});
