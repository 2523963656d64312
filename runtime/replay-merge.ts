/**
 * Replay's k-way merge: per-partition streams, each already in offset order, interleaved by event
 * time (ties by topic, partition, offset). Holds one event per partition, so memory stays bounded
 * however long the log is.
 */
import type { StoredEvent } from "./envelope.js";
import type { ReadOptions, ReplayFrom } from "./log.js";
import { ValidationError } from "./errors.js";
import { normalizeTime } from "./append-batch.js";

/** What `replayTopics` needs from a backend. */
export interface ReplaySource {
  partitionCount(topic: string): Promise<number>;
  /** Must capture the partition's end when called (not when first iterated). */
  readPartition(topic: string, partition: number, fromOffset: number): AsyncIterable<StoredEvent>;
}

/**
 * `Log.replay` for any backend with per-partition reads: opens every partition (ends fixed now),
 * applies `from`, merges, and honours `limit` and `signal` (an abort throws the signal's reason).
 */
export function replayTopics(source: ReplaySource, topics: readonly string[], from: ReplayFrom = { kind: "beginning" }, options: ReadOptions = {}): AsyncIterable<StoredEvent> {
  const startTime = from.kind === "time" ? normalizeTime(from.time) : undefined;
  if (from.kind === "time" && startTime === undefined) {
    throw new ValidationError("replay start", [{ path: "$.time", message: "must be an ISO-8601 date-time" }]);
  }
  const streamsReady = (async () => {
    const streams: AsyncIterable<StoredEvent>[] = [];
    for (const topic of [...new Set(topics)]) {
      const count = await source.partitionCount(topic);
      for (let partition = 0; partition < count; partition++) {
        const offset = from.kind === "offsets" ? (from.offsets[partition] ?? 0) : 0;
        const stream = source.readPartition(topic, partition, offset);
        streams.push(startTime === undefined ? stream : skipBefore(stream, startTime));
      }
    }
    return streams;
  })();
  // Surface UnknownTopicError at the first next() rather than as an unhandled rejection.
  streamsReady.catch(() => undefined);
  return limited(
    (async function* () {
      yield* mergePartitions(await streamsReady);
    })(),
    options,
  );
}

/** Applies ReadOptions to a stream: at most `limit` events; an aborted `signal` throws its reason. */
export async function* limited(stream: AsyncIterable<StoredEvent>, options: ReadOptions = {}): AsyncGenerator<StoredEvent> {
  const { limit, signal } = options;
  if (limit !== undefined && limit <= 0) return;
  let count = 0;
  signal?.throwIfAborted();
  for await (const event of stream) {
    signal?.throwIfAborted();
    yield event;
    if (limit !== undefined && ++count >= limit) return;
  }
}

/** Starts a partition's stream at its first event whose time is >= `time`. */
async function* skipBefore(stream: AsyncIterable<StoredEvent>, time: string): AsyncGenerator<StoredEvent> {
  let started = false;
  for await (const event of stream) {
    if (!started && event.time < time) continue;
    started = true;
    yield event;
  }
}

export async function* mergePartitions(streams: readonly AsyncIterable<StoredEvent>[]): AsyncGenerator<StoredEvent> {
  const iterators = streams.map((s) => s[Symbol.asyncIterator]());
  const heap: { event: StoredEvent; source: number }[] = [];
  try {
    for (let source = 0; source < iterators.length; source++) {
      const first = await iterators[source]!.next();
      if (!first.done) push(heap, { event: first.value, source });
    }
    while (heap.length > 0) {
      const head = pop(heap);
      yield head.event;
      const next = await iterators[head.source]!.next();
      if (!next.done) push(heap, { event: next.value, source: head.source });
    }
  } finally {
    // Early exit (break, limit, error): release every partition reader.
    await Promise.all(iterators.map((it) => it.return?.()));
  }
}

/** Replay order: time, then topic, partition, offset. */
export function compareReplayOrder(a: StoredEvent, b: StoredEvent): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  if (a.partition !== b.partition) return a.partition - b.partition;
  return a.offset - b.offset;
}

type Entry = { event: StoredEvent; source: number };

function push(heap: Entry[], entry: Entry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compareReplayOrder(heap[parent]!.event, heap[i]!.event) <= 0) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function pop(heap: Entry[]): Entry {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && compareReplayOrder(heap[l]!.event, heap[smallest]!.event) < 0) smallest = l;
      if (r < heap.length && compareReplayOrder(heap[r]!.event, heap[smallest]!.event) < 0) smallest = r;
      if (smallest === i) break;
      [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
      i = smallest;
    }
  }
  return top;
}
