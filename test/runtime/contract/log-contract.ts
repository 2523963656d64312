/**
 * The log contract as one test suite, run unchanged against every backend (like Emmett's features.ts):
 *
 *   describeLogContract("memory log", async () => ({ log: createMemoryLog(), cleanup: async () => {} }));
 *
 * The factory makes a fresh, empty log for each test. `cleanup` closes whatever is still open and
 * removes the storage. Durable backends also give `reopen`: the suite closes the current log first,
 * then `reopen` opens the same storage again; and `openReader`, a second instance over the same storage.
 *
 * Topic names are unique per test (`c<random>.items`), so a backend whose storage outlives a test
 * (a shared NATS server) never sees another test's events.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ConcurrencyError,
  LifecycleError,
  LogClosedError,
  SubscriptionError,
  TopicMismatchError,
  UnknownTopicError,
  ValidationError,
  applyLifecycle,
  isEventId,
  partitionFor,
  type LifecycleRules,
  type Log,
  type NewEvent,
  type StoredEvent,
  type Subscription,
} from "../../../runtime/index.js";

export interface LogHarness {
  readonly log: Log;
  cleanup(): Promise<void>;
  reopen?(): Promise<Log>;
  /**
   * Opens a second, independent log over the same storage, as another process would (file log:
   * `{ readOnly: true }`; JetStream: another connection). The suite closes it. Used to test that
   * reading and live tailing see appends made through another instance.
   */
  openReader?(): Promise<Log>;
}

export type LogFactory = () => Promise<LogHarness>;

/** Names that must never appear on a log: there is no way to change or remove an event. */
export const FORBIDDEN_METHOD = /update|delete|remove|truncate|put|set(?!tings)|erase|purge|drop|clear|rewrite|overwrite|compact|edit/i;

const ITEM_RULES: LifecycleRules = {
  "t.ItemListed": { creates: true },
  "t.ItemRepriced": { after: ["t.ItemListed", "t.ItemRepriced"] },
  "t.ItemDescribed": {},
  "t.ItemDelisted": { after: ["t.ItemListed", "t.ItemRepriced"], ends: true },
};

export function describeLogContract(name: string, factory: LogFactory): void {
  describe(`log contract: ${name}`, () => {
    let harness: LogHarness;
    let log: Log;
    let prefix: string;
    let topic: string;

    beforeEach(async () => {
      harness = await factory();
      log = harness.log;
      prefix = `c${Math.random().toString(36).slice(2, 10)}`;
      topic = `${prefix}.items`;
      await log.ensureTopic({ name: topic, partitions: 4 });
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    const ev = (key: string, type = "t.ItemDescribed", extra: Partial<NewEvent> = {}): NewEvent => ({ type, schemaVersion: 1, key, data: { key, n: Math.random() }, ...extra });

    /** Keys that land on the given partitions of a 4-partition topic. */
    const keyOn = (partition: number, skip = 0): string => {
      let found = 0;
      for (let i = 0; ; i++) {
        const key = `key-${i}`;
        if (partitionFor(key, 4) === partition && found++ === skip) return key;
      }
    };

    const all = async (iterable: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> => {
      const out: StoredEvent[] = [];
      for await (const e of iterable) out.push(e);
      return out;
    };

    const reopen = async (): Promise<Log> => {
      await log.close();
      log = await harness.reopen!();
      return log;
    };

    describe("topics", () => {
      it("ensureTopic is idempotent and topics() lists the topic with its partitions", async () => {
        await log.ensureTopic({ name: topic, partitions: 4 });
        const topics = await log.topics();
        expect(topics.filter((t) => t.name === topic)).toEqual([{ name: topic, partitions: 4 }]);
      });

      it("creates a topic once when several callers ensure it concurrently", async () => {
        const name = `${prefix}.concurrent`;
        await Promise.all(Array.from({ length: 4 }, () => log.ensureTopic({ name, partitions: 3 })));
        expect((await log.topics()).filter((t) => t.name === name)).toEqual([{ name, partitions: 3 }]);
        const [e] = await log.append(name, [ev("k")]);
        expect(e!.offset).toBe(0);
      });

      it("refuses another partition count with TopicMismatchError", async () => {
        const error = await log.ensureTopic({ name: topic, partitions: 8 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TopicMismatchError);
        expect(error).toMatchObject({ topic, storedPartitions: 4, requestedPartitions: 8, code: "TOPIC_MISMATCH" });
        expect((error as Error).message).toContain(topic);
      });

      it("rejects a bad partition count with ValidationError", async () => {
        await expect(log.ensureTopic({ name: `${prefix}.bad`, partitions: 0 })).rejects.toBeInstanceOf(ValidationError);
      });

      it("every read of an unknown topic is UnknownTopicError", async () => {
        const missing = `${prefix}.missing`;
        // Thrown when called or when iterated: an async caller sees a rejection either way.
        const reading = (read: () => AsyncIterable<StoredEvent>): Promise<StoredEvent[]> => (async () => all(read()))();
        await expect(log.keyState(missing, "k")).rejects.toBeInstanceOf(UnknownTopicError);
        await expect(reading(() => log.readKey(missing, "k"))).rejects.toBeInstanceOf(UnknownTopicError);
        await expect(reading(() => log.readPartition(missing, 0))).rejects.toBeInstanceOf(UnknownTopicError);
        await expect(reading(() => log.replay([topic, missing]))).rejects.toBeInstanceOf(UnknownTopicError);
      });

      it("appending to an unknown topic is UnknownTopicError naming it", async () => {
        const error = await log.append(`${prefix}.missing`, [ev("a")]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UnknownTopicError);
        expect((error as Error).message).toContain(`${prefix}.missing`);
      });
    });

    describe("append", () => {
      it("assigns dense offsets per partition, dense versions per key, ids and times", async () => {
        const before = Date.now();
        const a = await log.append(topic, [ev("alpha"), ev("alpha")]);
        const b = await log.append(topic, [ev("alpha")]);
        expect([...a, ...b].map((e) => e.version)).toEqual([1, 2, 3]);
        expect([...a, ...b].map((e) => e.offset)).toEqual([0, 1, 2]);
        for (const e of [...a, ...b]) {
          expect(e.topic).toBe(topic);
          expect(e.key).toBe("alpha");
          expect(e.partition).toBe(partitionFor("alpha", 4));
          expect(isEventId(e.id)).toBe(true);
          expect(e.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
          expect(Date.parse(e.time)).toBeGreaterThanOrEqual(before - 1000);
          expect(e.schemaVersion).toBe(1);
        }
        expect(new Set([...a, ...b].map((e) => e.id)).size).toBe(3);
      });

      it("keeps given ids, times, correlation and causation ids and the JSON form of data", async () => {
        const [e] = await log.append(topic, [
          {
            id: "my-id-1",
            type: "t.ItemDescribed",
            schemaVersion: 3,
            key: "k",
            time: "2020-01-02T03:04:05+01:00",
            correlationId: "corr",
            causationId: "cause",
            data: { big: 12345678901234567890n, nested: { list: [1, "two", null, true] }, absent: undefined },
          },
        ]);
        expect(e).toEqual({
          id: "my-id-1",
          type: "t.ItemDescribed",
          schemaVersion: 3,
          topic,
          partition: partitionFor("k", 4),
          offset: 0,
          key: "k",
          version: 1,
          time: "2020-01-02T02:04:05.000Z",
          correlationId: "corr",
          causationId: "cause",
          data: { big: "12345678901234567890", nested: { list: [1, "two", null, true] } },
        });
      });

      it("puts every event of a key in the partition Kafka's partitioner picks", async () => {
        const keys = Array.from({ length: 40 }, (_, i) => `user-${i}-é🙂`);
        for (const key of keys) {
          const [e] = await log.append(topic, [ev(key)]);
          expect(e!.partition).toBe(partitionFor(key, 4));
        }
        const used = new Set(keys.map((k) => partitionFor(k, 4)));
        expect(used.size).toBeGreaterThan(1);
        let total = 0;
        for (let p = 0; p < 4; p++) {
          const events = await all(log.readPartition(topic, p));
          expect(events.map((e) => e.offset)).toEqual(events.map((_, i) => i));
          for (const e of events) expect(partitionFor(e.key, 4)).toBe(p);
          total += events.length;
        }
        expect(total).toBe(40);
      });

      it("an empty batch writes nothing", async () => {
        expect(await log.append(topic, [])).toEqual([]);
        expect((await log.keyState(topic, "x")).version).toBe(0);
      });

      it("rejects a batch mixing keys with ValidationError and writes nothing", async () => {
        const error = await log.append(topic, [ev("a"), ev("b")]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]?.path).toBe("$[1].key");
        expect((await log.keyState(topic, "a")).version).toBe(0);
        expect(await totalEvents(log, topic)).toBe(0);
      });

      it("rejects malformed events with ValidationError naming each problem", async () => {
        const error = await log
          .append(topic, [{ type: "", schemaVersion: 0, key: "a", data: { f: () => 1 } } as unknown as NewEvent])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        const paths = (error as ValidationError).issues.map((i) => i.path);
        expect(paths).toEqual(expect.arrayContaining(["$[0].type", "$[0].schemaVersion"]));
        expect(await totalEvents(log, topic)).toBe(0);
      });

      it("is all or none: a lifecycle violation in the third event writes nothing", async () => {
        const error = await log
          .append(topic, [ev("item", "t.ItemListed"), ev("item", "t.ItemRepriced"), ev("item", "t.ItemListed")], { lifecycle: ITEM_RULES })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LifecycleError);
        expect(await log.keyState(topic, "item")).toEqual({ key: "item", version: 0, state: null, ended: false });
        expect(await all(log.readKey(topic, "item"))).toEqual([]);
        expect(await totalEvents(log, topic)).toBe(0);
        // The key is still new: a correct batch goes through from version 1.
        const ok = await log.append(topic, [ev("item", "t.ItemListed"), ev("item", "t.ItemRepriced")], { lifecycle: ITEM_RULES });
        expect(ok.map((e) => e.version)).toEqual([1, 2]);
      });
    });

    describe("optimistic concurrency", () => {
      it("accepts the expected version and rejects another with ConcurrencyError, writing nothing", async () => {
        await log.append(topic, [ev("k")], { expectedVersion: 0 });
        await log.append(topic, [ev("k")], { expectedVersion: 1 });
        const error = await log.append(topic, [ev("k"), ev("k")], { expectedVersion: 1 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ topic, key: "k", expectedVersion: 1, currentVersion: 2, code: "CONCURRENCY" });
        expect((error as Error).message).toContain('"k"');
        expect((await log.keyState(topic, "k")).version).toBe(2);
        expect(await totalEvents(log, topic)).toBe(2);
        await expect(log.append(topic, [ev("new")], { expectedVersion: 3 })).rejects.toBeInstanceOf(ConcurrencyError);
      });

      it("lets exactly one of many concurrent appends expecting the same version win", async () => {
        await log.append(topic, [ev("hot")]);
        const results = await Promise.allSettled(Array.from({ length: 12 }, () => log.append(topic, [ev("hot")], { expectedVersion: 1 })));
        const won = results.filter((r) => r.status === "fulfilled");
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(11);
        for (const r of lost) expect(r.reason).toBeInstanceOf(ConcurrencyError);
        expect((await all(log.readKey(topic, "hot"))).map((e) => e.version)).toEqual([1, 2]);
      });
    });

    describe("idempotency", () => {
      it("a retried append with the same id returns the original and writes nothing", async () => {
        const [first] = await log.append(topic, [ev("k", "t.ItemDescribed", { id: "retry-1" })], { expectedVersion: 0 });
        // A retry after success: stale expectedVersion and even different data must not matter.
        const [again] = await log.append(topic, [ev("k", "t.ItemDescribed", { id: "retry-1", data: { other: true } })], { expectedVersion: 0 });
        expect(again).toEqual(first);
        expect(await totalEvents(log, topic)).toBe(1);
        expect((await log.keyState(topic, "k")).version).toBe(1);
      });

      it("in a batch, repeats return the stored events and only new ones are appended", async () => {
        const [first] = await log.append(topic, [ev("k", "t.ItemDescribed", { id: "a" })]);
        const result = await log.append(topic, [ev("k", "t.ItemDescribed", { id: "a" }), ev("k", "t.ItemDescribed", { id: "b" })]);
        expect(result[0]).toEqual(first);
        expect(result[1]).toMatchObject({ id: "b", version: 2, offset: 1 });
        expect(await totalEvents(log, topic)).toBe(2);
      });

      it("stores an event once when the same id is appended concurrently", async () => {
        const results = await Promise.allSettled(Array.from({ length: 6 }, () => log.append(topic, [ev("dup", "t.ItemDescribed", { id: "same-id" })])));
        // Every attempt succeeds (a retry never fails because the first attempt won) and returns the one stored event.
        expect(results.map((r) => r.status)).toEqual(results.map(() => "fulfilled"));
        const stored = results.flatMap((r) => (r.status === "fulfilled" ? [r.value[0]!] : []));
        for (const e of stored) expect(e).toEqual(stored[0]);
        expect(await all(log.readKey(topic, "dup"))).toEqual([stored[0]]);
        expect(await totalEvents(log, topic)).toBe(1);
      });

      it("rejects a batch that repeats an id within itself", async () => {
        await expect(log.append(topic, [ev("k", "t.ItemDescribed", { id: "x" }), ev("k", "t.ItemDescribed", { id: "x" })])).rejects.toBeInstanceOf(ValidationError);
        expect(await totalEvents(log, topic)).toBe(0);
      });
    });

    describe("lifecycle", () => {
      const append = (key: string, type: string): Promise<readonly StoredEvent[]> => log.append(topic, [ev(key, type)], { lifecycle: ITEM_RULES });

      it("requires the creating event first", async () => {
        const error = await append("i", "t.ItemRepriced").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LifecycleError);
        expect(error).toMatchObject({ topic, key: "i", eventType: "t.ItemRepriced", currentState: "new (it has no events)" });
        expect((error as LifecycleError).allowed).toContain("t.ItemListed");
        expect((error as Error).message).toContain('"i"');
        await expect(append("i", "t.ItemDescribed")).rejects.toBeInstanceOf(LifecycleError);
      });

      it("allows creation once, `after` only after the named events, and events without a clause any time", async () => {
        await append("i", "t.ItemListed");
        await expect(append("i", "t.ItemListed")).rejects.toMatchObject({ code: "LIFECYCLE", eventType: "t.ItemListed" });
        await append("i", "t.ItemDescribed");
        await append("i", "t.ItemRepriced");
        await append("i", "t.ItemDescribed");
        await append("i", "t.ItemRepriced");
        expect(await log.keyState(topic, "i")).toEqual({ key: "i", version: 5, state: "t.ItemRepriced", ended: false });
      });

      it("accepts nothing after an ending event", async () => {
        await append("i", "t.ItemListed");
        await append("i", "t.ItemDelisted");
        expect(await log.keyState(topic, "i")).toMatchObject({ version: 2, ended: true });
        const error = await append("i", "t.ItemDescribed").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LifecycleError);
        expect(error).toMatchObject({ key: "i", eventType: "t.ItemDescribed" });
        expect((error as LifecycleError).currentState).toContain("ended");
        expect((await log.keyState(topic, "i")).version).toBe(2);
      });

      it("rejects a type the rules do not know", async () => {
        await expect(append("i", "t.Unknown")).rejects.toMatchObject({ code: "LIFECYCLE", eventType: "t.Unknown" });
      });

      it("holds under concurrent publishers: of many concurrent creates of one key exactly one succeeds", async () => {
        const results = await Promise.allSettled(Array.from({ length: 12 }, () => append("race", "t.ItemListed")));
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(LifecycleError);
        expect((await log.keyState(topic, "race")).version).toBe(1);
        expect(await totalEvents(log, topic)).toBe(1);
      });
    });

    describe("randomized concurrent appends", () => {
      // Waves of concurrent appends over a few keys, with random types, batch sizes, expected versions
      // and retried ids (a fixed seed, so a failure reproduces). Afterwards the log must hold exactly the
      // acknowledged events, in dense order, and every key's stored history must obey the lifecycle.
      it("stores exactly the acknowledged events, densely, and never a sequence the lifecycle forbids", async () => {
        let seed = 20261126;
        const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
        // Weighted so that keys live a while: creations and ends are rarer than updates.
        const types = ["t.ItemListed", "t.ItemListed", "t.ItemRepriced", "t.ItemRepriced", "t.ItemRepriced", "t.ItemDescribed", "t.ItemDescribed", "t.ItemDelisted"];
        const keys = Array.from({ length: 10 }, (_, i) => `rk${i}`);
        const acknowledged = new Map<string, StoredEvent>();
        const rejectedIds = new Set<string>();
        const attempted: { id: string; key: string }[] = [];
        let nextId = 0;
        for (let wave = 0; wave < 16; wave++) {
          const calls = Array.from({ length: 8 }, async () => {
            const key = keys[random(keys.length)]!;
            // Sometimes retry an id attempted before for this key (an idempotent retry).
            const earlier = attempted.filter((a) => a.key === key);
            const batch: NewEvent[] = Array.from({ length: 1 + random(2) }, (_, i) => {
              const retry = i === 0 && earlier.length > 0 && random(5) === 0 ? earlier[random(earlier.length)]!.id : undefined;
              return ev(key, types[random(types.length)]!, { id: retry ?? `r${nextId++}` });
            });
            for (const e of batch) attempted.push({ id: e.id!, key });
            const state = await log.keyState(topic, key);
            const choice = random(10);
            const options = { lifecycle: ITEM_RULES, ...(choice < 5 ? { expectedVersion: state.version } : choice < 7 ? { expectedVersion: random(4) } : {}) };
            try {
              for (const stored of await log.append(topic, batch, options)) acknowledged.set(stored.id, stored);
            } catch (error) {
              expect(error instanceof ConcurrencyError || error instanceof LifecycleError, String(error)).toBe(true);
              for (const e of batch) rejectedIds.add(e.id!);
            }
          });
          await Promise.all(calls);
        }
        expect(acknowledged.size).toBeGreaterThan(20); // the run did exercise appends, not only rejections

        const stored = await all(log.replay([topic]));
        const storedById = new Map(stored.map((e) => [e.id, e]));
        expect(storedById.size).toBe(stored.length); // no id stored twice
        for (const [id, e] of acknowledged) expect(storedById.get(id)).toEqual(e);
        for (const e of stored) expect(acknowledged.has(e.id) || !rejectedIds.has(e.id)).toBe(true);
        expect(stored.length).toBe(acknowledged.size);
        for (let p = 0; p < 4; p++) {
          const offsets = stored.filter((e) => e.partition === p).map((e) => e.offset).sort((a, b) => a - b);
          expect(offsets).toEqual(offsets.map((_, i) => i));
        }
        for (const key of keys) {
          const history = await all(log.readKey(topic, key));
          expect(history.map((e) => e.version)).toEqual(history.map((_, i) => i + 1));
          const replayed = applyLifecycle(topic, { key, version: 0, state: null, ended: false }, history.map((e) => e.type), ITEM_RULES);
          expect(await log.keyState(topic, key)).toEqual(replayed);
        }
      });
    });

    describe("immutability", () => {
      it("has no method that could change or remove an event", () => {
        const names = new Set<string>();
        for (let o: object | null = log; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
          for (const k of Object.getOwnPropertyNames(o)) names.add(k);
        }
        const offending = [...names].filter((n) => n !== "constructor" && FORBIDDEN_METHOD.test(n));
        expect(offending).toEqual([]);
        expect(names.has("append")).toBe(true);
      });

      it("hands out deeply frozen events everywhere", async () => {
        const appended = await log.append(topic, [{ type: "t.ItemDescribed", schemaVersion: 1, key: "f", data: { nested: { list: [{ x: 1 }] } } }]);
        const expectFrozen = (e: StoredEvent): void => {
          expect(() => {
            (e as { key: string }).key = "other";
          }).toThrow(TypeError);
          const data = e.data as { nested: { list: { x: number }[] } };
          expect(() => {
            data.nested.list[0]!.x = 2;
          }).toThrow(TypeError);
          expect(() => data.nested.list.push({ x: 3 })).toThrow(TypeError);
          expect(data.nested.list[0]!.x).toBe(1);
        };
        expect(Object.isFrozen(appended)).toBe(true);
        expectFrozen(appended[0]!);
        expectFrozen((await all(log.readPartition(topic, partitionFor("f", 4))))[0]!);
        expectFrozen((await all(log.readKey(topic, "f")))[0]!);
        expectFrozen((await all(log.replay([topic])))[0]!);
        const seen: StoredEvent[] = [];
        const sub = await log.subscribe({ topics: [topic], group: `${prefix}-frozen`, handler: (e) => void seen.push(e) });
        await until(() => seen.length === 1);
        await sub.stop();
        expectFrozen(seen[0]!);
        // What was read is still what was stored.
        expect((await all(log.readKey(topic, "f")))[0]).toEqual(appended[0]);
      });

      it("verify() finds every stored record intact", async () => {
        for (let i = 0; i < 10; i++) await log.append(topic, [ev(`v${i}`)]);
        const result = await log.verify();
        expect(result.ok).toBe(true);
        expect(result.eventsChecked).toBe(10);
      });
    });

    describe("reading", () => {
      it("reads a partition from an offset, with a limit, up to the end as of the call", async () => {
        const key = keyOn(2);
        for (let i = 0; i < 5; i++) await log.append(topic, [ev(key)]);
        expect((await all(log.readPartition(topic, 2, 2))).map((e) => e.offset)).toEqual([2, 3, 4]);
        expect((await all(log.readPartition(topic, 2, 1, { limit: 2 }))).map((e) => e.offset)).toEqual([1, 2]);
        expect(await all(log.readPartition(topic, 2, 5))).toEqual([]);
        const iterable = log.readPartition(topic, 2, 0);
        await log.append(topic, [ev(key)]);
        expect((await all(iterable)).length).toBe(5);
      });

      it("throws the abort reason when the signal aborts", async () => {
        for (let i = 0; i < 3; i++) await log.append(topic, [ev("s")]);
        const controller = new AbortController();
        const read = async (): Promise<number> => {
          let n = 0;
          for await (const _ of log.readPartition(topic, partitionFor("s", 4), 0, { signal: controller.signal })) {
            n++;
            controller.abort();
          }
          return n;
        };
        await expect(read()).rejects.toMatchObject({ name: "AbortError" });
      });

      it("reads one key's stream in version order, from a version", async () => {
        for (let i = 0; i < 4; i++) {
          await log.append(topic, [ev("mine")]);
          await log.append(topic, [ev(`other-${i}`)]);
        }
        expect((await all(log.readKey(topic, "mine"))).map((e) => e.version)).toEqual([1, 2, 3, 4]);
        expect((await all(log.readKey(topic, "mine", 3))).map((e) => e.version)).toEqual([3, 4]);
        expect(await all(log.readKey(topic, "nobody"))).toEqual([]);
        expect(await log.keyState(topic, "nobody")).toEqual({ key: "nobody", version: 0, state: null, ended: false });
      });

      it("replays topics interleaved by time, then topic, partition, offset", async () => {
        const other = `${prefix}.orders`;
        await log.ensureTopic({ name: other, partitions: 2 });
        const at = (s: number): string => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();
        const k0 = keyOn(0);
        const k1 = keyOn(1);
        await log.append(topic, [ev(k0, "t.ItemDescribed", { time: at(5) }), ev(k0, "t.ItemDescribed", { time: at(1) })]);
        await log.append(topic, [ev(k1, "t.ItemDescribed", { time: at(2) }), ev(k1, "t.ItemDescribed", { time: at(3) })]);
        await log.append(other, [ev("o", "t.ItemDescribed", { time: at(2) })]);
        await log.append(other, [ev("p", "t.ItemDescribed", { time: at(4) })]);

        const events = await all(log.replay([topic, other]));
        expect(events).toHaveLength(6);
        // Per-partition order is kept even where times go backwards (k0: 5 then 1).
        const k0Events = events.filter((e) => e.key === k0);
        expect(k0Events.map((e) => e.offset)).toEqual([0, 1]);
        // Otherwise the merge takes the earliest head first, ties by topic name, partition, offset.
        expect(events.map((e) => `${e.topic === topic ? "I" : "O"}${e.time.slice(17, 19)}`)).toEqual(["I02", "O02", "I03", "O04", "I05", "I01"]);
      });

      it("replays from an offset vector and from a time", async () => {
        const k0 = keyOn(0);
        const k3 = keyOn(3);
        const at = (s: number): string => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();
        for (let s = 0; s < 4; s++) {
          await log.append(topic, [ev(k0, "t.ItemDescribed", { time: at(s) })]);
          await log.append(topic, [ev(k3, "t.ItemDescribed", { time: at(s) })]);
        }
        const fromOffsets = await all(log.replay([topic], { kind: "offsets", offsets: { 0: 3, 3: 1 } }));
        expect(fromOffsets.map((e) => `${e.partition}:${e.offset}`).sort()).toEqual(["0:3", "3:1", "3:2", "3:3"]);
        const fromTime = await all(log.replay([topic], { kind: "time", time: at(2) }));
        expect(fromTime.map((e) => `${e.partition}:${e.offset}`)).toEqual(["0:2", "3:2", "0:3", "3:3"]);
        expect(await all(log.replay([topic], { kind: "beginning" }, { limit: 3 }))).toHaveLength(3);
      });
    });

    describe("subscriptions", () => {
      it("delivers every event, in order per key and partition, and checkpoints after stop", async () => {
        const keys = Array.from({ length: 12 }, (_, i) => `sub-${i}`);
        for (let round = 0; round < 5; round++) for (const key of keys) await log.append(topic, [ev(key)]);
        const seen: StoredEvent[] = [];
        const sub = await log.subscribe({ topics: [topic], group: `${prefix}-g`, handler: (e) => void seen.push(e) });
        await until(() => seen.length >= 60);
        await sub.stop();
        expect(seen).toHaveLength(60);
        for (const key of keys) expect(seen.filter((e) => e.key === key).map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
        for (let p = 0; p < 4; p++) {
          const offsets = seen.filter((e) => e.partition === p).map((e) => e.offset);
          expect(offsets).toEqual(offsets.map((_, i) => i));
        }
        const position = await log.groupPosition(`${prefix}-g`);
        for (let p = 0; p < 4; p++) expect(position[topic]?.[p]).toBe(await partitionEnd(log, topic, p));
        expect(sub.position()).toEqual(position);
      });

      it("subscribes to several topics with one group position", async () => {
        const other = `${prefix}.orders`;
        await log.ensureTopic({ name: other, partitions: 2 });
        await log.append(topic, [ev("i1")]);
        await log.append(other, [ev("o1"), ev("o1")]);
        const seen: StoredEvent[] = [];
        const sub = await log.subscribe({ topics: [topic, other], group: `${prefix}-multi`, handler: (e) => void seen.push(e) });
        await until(() => seen.length === 3);
        await sub.stop();
        expect(seen.map((e) => `${e.topic === topic ? "I" : "O"} ${e.key}@${e.version}`).sort()).toEqual(["I i1@1", "O o1@1", "O o1@2"]);
        const position = await log.groupPosition(`${prefix}-multi`);
        expect(Object.keys(position).sort()).toEqual([topic, other].sort());
        expect(position[other]?.[partitionFor("o1", 2)]).toBe(2);
        expect(position[topic]?.[partitionFor("i1", 4)]).toBe(1);
      });

      it("resumes a group from its checkpoint", async () => {
        for (let i = 0; i < 6; i++) await log.append(topic, [ev(`r${i}`)]);
        const first: StoredEvent[] = [];
        const sub1 = await log.subscribe({ topics: [topic], group: `${prefix}-resume`, handler: (e) => void first.push(e) });
        await until(() => first.length === 6);
        await sub1.stop();
        await sub1.stop(); // idempotent
        await sub1.closed;
        for (let i = 6; i < 10; i++) await log.append(topic, [ev(`r${i}`)]);
        const second: StoredEvent[] = [];
        const sub2 = await log.subscribe({ topics: [topic], group: `${prefix}-resume`, handler: (e) => void second.push(e) });
        await until(() => second.length === 4);
        await settle();
        await sub2.stop();
        expect(second.map((e) => e.key).sort()).toEqual(["r6", "r7", "r8", "r9"]);
        // Another group is independent and starts at the beginning.
        const third: StoredEvent[] = [];
        const sub3 = await log.subscribe({ topics: [topic], group: `${prefix}-other`, handler: (e) => void third.push(e) });
        await until(() => third.length === 10);
        await sub3.stop();
      });

      it('starts a new group at the end with start: "end" and tails live appends', async () => {
        for (let i = 0; i < 3; i++) await log.append(topic, [ev(`old${i}`)]);
        const seen: StoredEvent[] = [];
        const sub = await log.subscribe({ topics: [topic], group: `${prefix}-end`, start: "end", handler: (e) => void seen.push(e) });
        await settle();
        expect(seen).toEqual([]);
        await log.append(topic, [ev("new1")]);
        await until(() => seen.length === 1);
        await log.append(topic, [ev("new2"), ev("new2")]);
        await until(() => seen.length === 3);
        await sub.stop();
        expect(seen.map((e) => e.key)).toEqual(["new1", "new2", "new2"]);
        // Its start was saved: a group started at the end and stopped early still resumes there.
        const sub2seen: StoredEvent[] = [];
        const subEarly = await log.subscribe({ topics: [topic], group: `${prefix}-end2`, start: "end", handler: (e) => void sub2seen.push(e) });
        await subEarly.stop();
        await log.append(topic, [ev("after-stop")]);
        const subAgain = await log.subscribe({ topics: [topic], group: `${prefix}-end2`, handler: (e) => void sub2seen.push(e) });
        await until(() => sub2seen.length === 1);
        await settle();
        await subAgain.stop();
        expect(sub2seen.map((e) => e.key)).toEqual(["after-stop"]);
      });

      it("processes partitions concurrently while keeping each partition sequential", async () => {
        const k0 = keyOn(0);
        const k1 = keyOn(1);
        await log.append(topic, [ev(k0), ev(k0)]);
        await log.append(topic, [ev(k1)]);
        let release!: () => void;
        const blocked = new Promise<void>((r) => (release = r));
        const order: string[] = [];
        let inFlight0 = 0;
        const sub = await log.subscribe({
          topics: [topic],
          group: `${prefix}-conc`,
          handler: async (e) => {
            if (e.partition === 0) {
              inFlight0++;
              expect(inFlight0).toBe(1);
              order.push(`start ${e.key}@${e.version}`);
              if (e.version === 1) await blocked; // partition 0 waits for partition 1's event
              order.push(`end ${e.key}@${e.version}`);
              inFlight0--;
            } else {
              // Runs only while partition 0's handler is blocked: proof that partitions run concurrently.
              await until(() => order.includes(`start ${k0}@1`));
              order.push(`other ${e.key}`);
              release();
            }
          },
        });
        await until(() => order.length === 5);
        await sub.stop();
        expect(order).toEqual([`start ${k0}@1`, `other ${k1}`, `end ${k0}@1`, `start ${k0}@2`, `end ${k0}@2`]);
      });

      it("retries a failing handler, then stops with SubscriptionError naming the event; the checkpoint stays before it", async () => {
        const key = keyOn(1);
        await log.append(topic, [ev(key), ev(key), ev(key)]);
        const attempts: number[] = [];
        const sub = await log.subscribe({
          topics: [topic],
          group: `${prefix}-fail`,
          maxAttempts: 3,
          backoff: () => 1,
          handler: (e) => {
            if (e.version === 2) {
              attempts.push(e.offset);
              throw new Error("boom");
            }
          },
        });
        const error = await sub.closed.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(SubscriptionError);
        const failure = error as SubscriptionError;
        expect(attempts).toEqual([1, 1, 1]);
        expect(failure.attempts).toBe(3);
        expect(failure.group).toBe(`${prefix}-fail`);
        expect(failure.event).toMatchObject({ topic, partition: 1, offset: 1, key });
        expect(failure.message).toContain(failure.event.id);
        expect(failure.message).toContain("boom");
        await sub.stop(); // stopping a failed subscription is fine
        expect((await log.groupPosition(`${prefix}-fail`))[topic]?.[1]).toBe(1);
        // The next subscription of the group starts with the failed event: nothing was skipped.
        const seen: StoredEvent[] = [];
        const sub2 = await log.subscribe({ topics: [topic], group: `${prefix}-fail`, handler: (e) => void seen.push(e) });
        await until(() => seen.length === 2);
        await sub2.stop();
        expect(seen.map((e) => e.version)).toEqual([2, 3]);
      });

      it("recovers when the handler succeeds on a retry", async () => {
        await log.append(topic, [ev("flaky")]);
        let calls = 0;
        const sub = await log.subscribe({
          topics: [topic],
          group: `${prefix}-flaky`,
          backoff: () => 1,
          handler: () => {
            if (++calls < 3) throw new Error("not yet");
          },
        });
        await until(() => calls === 3);
        await sub.stop();
        await expect(sub.closed).resolves.toBeUndefined();
        expect((await log.groupPosition(`${prefix}-flaky`))[topic]?.[partitionFor("flaky", 4)]).toBe(1);
      });

      it("never skips an offset while concurrent writers append to a partition (the gap test)", async () => {
        const gapTopic = `${prefix}.gap`;
        await log.ensureTopic({ name: gapTopic, partitions: 1 });
        const delivered: number[] = [];
        const sub = await log.subscribe({ topics: [gapTopic], group: `${prefix}-gap`, handler: (e) => void delivered.push(e.offset) });
        const writers = 8;
        const perWriter = 25;
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < perWriter; i++) {
              await log.append(gapTopic, [ev(`w${w}-${i % 5}`)]);
              if (i % 7 === 0) await new Promise((r) => setImmediate(r));
            }
          }),
        );
        await until(() => delivered.length >= writers * perWriter);
        await settle();
        await sub.stop();
        expect(delivered).toEqual(Array.from({ length: writers * perWriter }, (_, i) => i));
      });

      it("rejects bad subscribe options with ValidationError and unknown topics with UnknownTopicError", async () => {
        await expect(log.subscribe({ topics: [topic], group: "", handler: () => undefined })).rejects.toBeInstanceOf(ValidationError);
        await expect(log.subscribe({ topics: [topic], group: "g", handler: () => undefined, maxAttempts: 0 })).rejects.toBeInstanceOf(ValidationError);
        await expect(log.subscribe({ topics: [`${prefix}.nope`], group: "g", handler: () => undefined })).rejects.toBeInstanceOf(UnknownTopicError);
      });
    });

    describe("stats and close", () => {
      it("reports events, keys and bytes per topic and partition", async () => {
        await log.append(topic, [ev("a"), ev("a")]);
        await log.append(topic, [ev("b")]);
        const stats = (await log.stats()).find((t) => t.name === topic)!;
        expect(stats.events).toBe(3);
        expect(stats.keys).toBe(2);
        expect(stats.partitions).toHaveLength(4);
        expect(stats.partitions.reduce((n, p) => n + p.events, 0)).toBe(3);
        expect(stats.partitions[partitionFor("a", 4)]!.events).toBeGreaterThanOrEqual(2);
        expect(stats.bytes).toBeGreaterThan(0);
        expect(stats.bytes).toBe(stats.partitions.reduce((n, p) => n + p.bytes, 0));
      });

      it("fails every call after close with LogClosedError and stops subscriptions", async () => {
        const sub: Subscription = await log.subscribe({ topics: [topic], group: `${prefix}-close`, handler: () => undefined });
        await log.close();
        await expect(sub.closed).resolves.toBeUndefined();
        await expect(log.append(topic, [ev("x")])).rejects.toBeInstanceOf(LogClosedError);
        await expect(log.keyState(topic, "x")).rejects.toBeInstanceOf(LogClosedError);
        await log.close(); // idempotent
      });
    });

    describe("another instance", () => {
      it("reads and live-tails appends made through another instance of the log", async (context) => {
        if (!harness.openReader) {
          console.log(`[${name}] reading through a second instance not tested: the backend has no shared storage`);
          context.skip();
          return;
        }
        const before = await log.append(topic, [ev("x1")]);
        const reader = await harness.openReader();
        const seen: StoredEvent[] = [];
        let sub: Subscription | undefined;
        try {
          expect(await all(reader.readKey(topic, "x1"))).toEqual(before);
          sub = await reader.subscribe({ topics: [topic], group: `${prefix}-reader`, start: "end", handler: (e) => void seen.push(e) });
          const after = await log.append(topic, [ev("x2"), ev("x2")]);
          await until(() => seen.length === 2);
          expect(seen).toEqual(after);
          expect((await reader.keyState(topic, "x2")).version).toBe(2);
        } finally {
          await sub?.stop();
          await reader.close();
        }
      });
    });

    describe("durability", () => {
      it("keeps every acknowledged event, key state and checkpoint across close and reopen", async (context) => {
        if (!harness.reopen) {
          console.log(`[${name}] durability across reopen not tested: the backend keeps nothing after close`);
          context.skip();
          return;
        }
        const written: StoredEvent[] = [];
        written.push(...(await log.append(topic, [ev("d", "t.ItemListed"), ev("d", "t.ItemRepriced")], { lifecycle: ITEM_RULES })));
        for (let i = 0; i < 10; i++) written.push(...(await log.append(topic, [ev(`d${i}`)])));
        const seen: StoredEvent[] = [];
        const sub = await log.subscribe({ topics: [topic], group: `${prefix}-durable`, handler: (e) => void seen.push(e) });
        await until(() => seen.length === 12);
        await sub.stop();

        await reopen();
        expect((await log.topics()).find((t) => t.name === topic)).toEqual({ name: topic, partitions: 4 });
        const read = await all(log.replay([topic]));
        expect([...read].sort(byPosition)).toEqual([...written].sort(byPosition));
        expect(await log.keyState(topic, "d")).toEqual({ key: "d", version: 2, state: "t.ItemRepriced", ended: false });
        await expect(log.append(topic, [ev("d", "t.ItemListed")], { lifecycle: ITEM_RULES })).rejects.toBeInstanceOf(LifecycleError);
        await expect(log.append(topic, [ev("d")], { expectedVersion: 1 })).rejects.toBeInstanceOf(ConcurrencyError);
        const [again] = await log.append(topic, [ev("d", "t.ItemDescribed", { id: written[0]!.id })]);
        expect(again).toEqual(written[0]);
        const position = await log.groupPosition(`${prefix}-durable`);
        for (let p = 0; p < 4; p++) expect(position[topic]?.[p]).toBe(await partitionEnd(log, topic, p));
        const [next] = await log.append(topic, [ev("d")], { expectedVersion: 2 });
        expect(next!.version).toBe(3);
        expect((await log.verify()).ok).toBe(true);
      });
    });
  });
}

async function totalEvents(log: Log, topic: string): Promise<number> {
  return (await log.stats()).find((t) => t.name === topic)?.events ?? 0;
}

async function partitionEnd(log: Log, topic: string, partition: number): Promise<number> {
  return (await log.stats()).find((t) => t.name === topic)?.partitions[partition]?.events ?? 0;
}

function byPosition(a: StoredEvent, b: StoredEvent): number {
  return a.partition - b.partition || a.offset - b.offset;
}

/** Waits until `condition` holds, polling; fails the test after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Gives a subscription a moment to deliver anything it (wrongly) still would. */
function settle(ms = 50): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
