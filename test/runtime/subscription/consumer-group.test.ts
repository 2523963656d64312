/**
 * The shared consumer-group engine on its own, over a scripted source: the behaviours the contract
 * suite cannot provoke through a healthy backend (a source that skips an offset, a failing checkpoint
 * store, checkpoint batching, stop during a retry's backoff).
 */
import { describe, expect, it } from "vitest";
import { BackendError, deepFreeze, type GroupPosition, type StoredEvent } from "../../../runtime/index.js";
import { startConsumerGroup, type CheckpointStore, type SubscriptionSource } from "../../../runtime/subscription/consumer-group.js";
import { until } from "../contract/log-contract.js";

function event(offset: number, partition = 0): StoredEvent {
  return deepFreeze({ id: `e${partition}-${offset}`, type: "t.E", schemaVersion: 1, topic: "t", partition, offset, key: `k${partition}`, version: offset + 1, time: new Date(0).toISOString(), data: {} });
}

/** A source over fixed partitions; `append` adds an event and wakes waiters. */
function scriptedSource(partitions: StoredEvent[][]) {
  let wake: (() => void)[] = [];
  const source: SubscriptionSource = {
    partitionCount: async () => partitions.length,
    endOffset: async (_t, p) => partitions[p]!.length,
    readPartition: (_t, p, from) => {
      const snapshot = partitions[p]!.filter((e) => e.offset >= from);
      return (async function* () {
        yield* snapshot;
      })();
    },
    waitForAppend: (_t, p, from, signal) =>
      new Promise<void>((resolve) => {
        if (partitions[p]!.some((e) => e.offset >= from) || signal.aborted) return resolve();
        wake.push(resolve);
        signal.addEventListener("abort", () => resolve(), { once: true });
      }),
  };
  return {
    source,
    append(e: StoredEvent) {
      partitions[e.partition]!.push(e);
      const w = wake;
      wake = [];
      for (const f of w) f();
    },
  };
}

function memoryStore(): CheckpointStore & { saves: GroupPosition[] } {
  const saves: GroupPosition[] = [];
  let current: GroupPosition = {};
  return {
    saves,
    load: async () => current,
    save: async (_g, position) => {
      saves.push(position);
      current = position;
    },
  };
}

describe("consumer-group engine", () => {
  it("stops with BackendError instead of skipping when a source hands out an offset out of sequence", async () => {
    const { source } = scriptedSource([[event(0), event(2)]]);
    const store = memoryStore();
    const seen: number[] = [];
    const sub = await startConsumerGroup(source, store, { topics: ["t"], group: "g", handler: (e) => void seen.push(e.offset) });
    const error = await sub.closed.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendError);
    expect((error as Error).message).toContain("expected offset 1");
    expect(seen).toEqual([0]);
    expect(store.saves.at(-1)).toEqual({ t: { 0: 1 } });
  });

  it("batches checkpoints: every N events, after an interval, and on stop", async () => {
    const { source, append } = scriptedSource([[]]);
    const store = memoryStore();
    let handled = 0;
    const sub = await startConsumerGroup(source, store, {
      topics: ["t"],
      group: "g",
      checkpointEvery: 10,
      checkpointIntervalMs: 60_000,
      handler: () => void handled++,
    });
    expect(store.saves).toEqual([{ t: { 0: 0 } }]); // a new group's start is saved at once
    for (let i = 0; i < 25; i++) append(event(i));
    await until(() => handled === 25);
    await until(() => store.saves.length === 3);
    expect(store.saves.slice(1)).toEqual([{ t: { 0: 10 } }, { t: { 0: 20 } }]);
    await sub.stop();
    expect(store.saves.at(-1)).toEqual({ t: { 0: 25 } });

    const timed = memoryStore();
    const { source: source2, append: append2 } = scriptedSource([[]]);
    let handled2 = 0;
    const sub2 = await startConsumerGroup(source2, timed, { topics: ["t"], group: "g", checkpointEvery: 1000, checkpointIntervalMs: 20, handler: () => void handled2++ });
    append2(event(0));
    await until(() => timed.saves.length === 2);
    expect(timed.saves[1]).toEqual({ t: { 0: 1 } });
    await sub2.stop();
  });

  it("keeps positions of topics the subscription does not read", async () => {
    const { source } = scriptedSource([[event(0)]]);
    const store = memoryStore();
    await store.save("g", { other: { 0: 42 } });
    let handled = 0;
    const sub = await startConsumerGroup(source, store, { topics: ["t"], group: "g", handler: () => void handled++ });
    await until(() => handled === 1);
    await sub.stop();
    expect(store.saves.at(-1)).toEqual({ other: { 0: 42 }, t: { 0: 1 } });
  });

  it("stops with BackendError when the checkpoint cannot be saved", async () => {
    const { source, append } = scriptedSource([[]]);
    let fail = false;
    const store: CheckpointStore = {
      load: async () => ({}),
      save: async () => {
        if (fail) throw new Error("disk full");
      },
    };
    const sub = await startConsumerGroup(source, store, { topics: ["t"], group: "g", checkpointEvery: 1, handler: () => undefined });
    fail = true;
    append(event(0));
    const error = await sub.closed.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendError);
    expect((error as Error).message).toContain('checkpoint of group "g"');
    expect((error as Error).message).toContain("disk full");
  });

  it("stop() during a retry's backoff returns promptly and leaves the checkpoint before the event", async () => {
    const { source } = scriptedSource([[event(0)]]);
    const store = memoryStore();
    let attempts = 0;
    const sub = await startConsumerGroup(source, store, {
      topics: ["t"],
      group: "g",
      maxAttempts: 10,
      backoff: () => 60_000,
      handler: () => {
        attempts++;
        throw new Error("down");
      },
    });
    await until(() => attempts === 1);
    const started = Date.now();
    await sub.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(sub.closed).resolves.toBeUndefined();
    expect(attempts).toBe(1);
    expect(store.saves.at(-1)).toEqual({ t: { 0: 0 } });
  });

  it("waits for the handler in flight when stopped, and counts it as done", async () => {
    const { source } = scriptedSource([[event(0), event(1)]]);
    const store = memoryStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = 0;
    const sub = await startConsumerGroup(source, store, {
      topics: ["t"],
      group: "g",
      handler: async () => {
        await gate;
        finished++;
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    const stopping = sub.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(1);
    expect(sub.position()).toEqual({ t: { 0: 1 } });
    expect(store.saves.at(-1)).toEqual({ t: { 0: 1 } });
  });
});
