/**
 * The file log's replay: the same order and options as the shared `replayTopics`
 * (runtime/replay-merge.ts: per-partition order, partitions interleaved by time, ties by topic,
 * partition, offset), but merging whole chunks synchronously. The shared merge resumes one async
 * iterator per event per partition; here an await happens once per chunk (about 600 events), which
 * is most of the difference between replaying and raw read+parse. Memory: one chunk per partition.
 */
import type { StoredEvent } from "../envelope.js";
import { compareReplayOrder } from "../replay-merge.js";
import type { PartitionIndex } from "./partition-index.js";
import { partitionChunks } from "./partition-reader.js";

class Cursor {
  events: StoredEvent[] = [];
  at = 0;
  constructor(
    readonly chunks: AsyncGenerator<StoredEvent[]>,
    /** Time filter: skip events before this until the first one at/after it. */
    public skipBefore: string | undefined,
  ) {}

  get head(): StoredEvent {
    return this.events[this.at]!;
  }

  /** Makes `head` valid; false when the partition is exhausted. */
  async fill(): Promise<boolean> {
    for (;;) {
      while (this.at < this.events.length) {
        if (this.skipBefore === undefined) return true;
        if (this.events[this.at]!.time >= this.skipBefore) {
          this.skipBefore = undefined;
          return true;
        }
        this.at++;
      }
      const next = await this.chunks.next();
      if (next.done) return false;
      this.events = next.value;
      this.at = 0;
    }
  }
}

export interface ReplayStart {
  readonly index: PartitionIndex;
  readonly from: number;
  /** The partition's visible end when replay was called. */
  readonly end: number;
}

export async function* replayPartitions(starts: readonly ReplayStart[], startTime: string | undefined): AsyncGenerator<StoredEvent> {
  const cursors = starts.map((s) => new Cursor(partitionChunks(s.index, s.from, s.end), startTime));
  const heap: Cursor[] = [];
  try {
    for (const cursor of cursors) if (await cursor.fill()) push(heap, cursor);
    while (heap.length > 0) {
      const cursor = heap[0]!;
      yield cursor.head;
      cursor.at++;
      if (cursor.at < cursor.events.length || (await cursor.fill())) siftDown(heap, 0);
      else {
        const last = heap.pop()!;
        if (heap.length > 0) {
          heap[0] = last;
          siftDown(heap, 0);
        }
      }
    }
  } finally {
    await Promise.all(cursors.map((c) => c.chunks.return(undefined)));
  }
}

const before = (a: Cursor, b: Cursor): boolean => compareReplayOrder(a.head, b.head) < 0;

function push(heap: Cursor[], cursor: Cursor): void {
  heap.push(cursor);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function siftDown(heap: Cursor[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < heap.length && before(heap[l]!, heap[smallest]!)) smallest = l;
    if (r < heap.length && before(heap[r]!, heap[smallest]!)) smallest = r;
    if (smallest === i) return;
    [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
    i = smallest;
  }
}
