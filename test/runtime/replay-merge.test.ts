import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StoredEvent } from "../../runtime/index.js";
import { compareReplayOrder, mergePartitions } from "../../runtime/replay-merge.js";

function ev(topic: string, partition: number, offset: number, second: number): StoredEvent {
  return { id: `${topic}/${partition}/${offset}`, type: "t", schemaVersion: 1, topic, partition, offset, key: "k", version: offset + 1, time: new Date(Date.UTC(2024, 0, 1, 0, 0, second)).toISOString(), data: null };
}

/** A partition stream that counts how far it has been pulled. */
function counted(events: readonly StoredEvent[], pulled: { n: number }): AsyncIterable<StoredEvent> {
  return {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next: async () => (i < events.length ? (pulled.n++, { done: false, value: events[i++]! }) : { done: true, value: undefined }),
        return: async () => ({ done: true, value: undefined }),
      };
    },
  };
}

describe("mergePartitions", () => {
  it("keeps each partition's order and otherwise takes the earliest head (property)", async () => {
    const partitionTimes = fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 15 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(partitionTimes, async (partitions) => {
        const streams = partitions.map((times, p) => times.map((s, offset) => ev(p % 2 === 0 ? "a" : "b", p, offset, s)));
        const merged: StoredEvent[] = [];
        for await (const e of mergePartitions(streams.map((s) => counted(s, { n: 0 })))) merged.push(e);
        expect(merged).toHaveLength(streams.flat().length);
        for (const [p, stream] of streams.entries()) expect(merged.filter((e) => e.partition === p)).toEqual(stream);
        // Each emitted event is the smallest among the heads at that moment.
        const heads = streams.map(() => 0);
        for (const e of merged) {
          for (const [p, stream] of streams.entries()) {
            const head = stream[heads[p]!];
            if (head) expect(compareReplayOrder(e, head)).toBeLessThanOrEqual(0);
          }
          heads[e.partition]!++;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("pulls lazily: never more than one event ahead per partition (bounded memory)", async () => {
    const pulled = { n: 0 };
    const streams = Array.from({ length: 8 }, (_, p) => counted(Array.from({ length: 10_000 }, (_, o) => ev("t", p, o, o % 60)), pulled));
    let consumed = 0;
    for await (const _ of mergePartitions(streams)) {
      consumed++;
      expect(pulled.n).toBeLessThanOrEqual(consumed + 8);
      if (consumed === 20_000) break;
    }
    expect(pulled.n).toBeLessThanOrEqual(20_000 + 8);
  });
});
