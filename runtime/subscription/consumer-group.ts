/**
 * The consumer-group engine shared by the backends that do not have one of their own (memory, file).
 *
 * A backend supplies two small things: a `SubscriptionSource` (read a partition, know its end, wait
 * for an append) and a `CheckpointStore` (load/save a group's position). The engine does the rest:
 *
 * - one sequential worker per (topic, partition), all running concurrently: per-partition (hence
 *   per-key) order, partitions in parallel;
 * - a handler that throws is retried with backoff; after `maxAttempts` failures the whole
 *   subscription stops and `closed` rejects with a SubscriptionError naming the event. The event is
 *   never skipped: the checkpoint stays before it;
 * - the position only moves past an event after its handler resolved, and is saved in batches
 *   (every `checkpointEvery` events or `checkpointIntervalMs`, and on stop): at-least-once delivery;
 * - live tailing: at the end of a partition a worker waits for the source to report an append;
 * - no gaps: every event a worker receives must carry exactly the next offset, otherwise the
 *   subscription stops with a BackendError instead of moving the checkpoint past a hole. Sources
 *   must therefore only hand out events that are durable and visible, in dense offset order.
 */
import type { StoredEvent } from "../envelope.js";
import type { GroupPosition, ReadOptions, SubscribeOptions, Subscription } from "../log.js";
import { BackendError, SubscriptionError, ValidationError } from "../errors.js";

/** What the engine needs to read from a backend. */
export interface SubscriptionSource {
  /** Partition count of a topic; throws UnknownTopicError for an unknown topic. */
  partitionCount(topic: string): Promise<number>;
  /** Next offset of the partition (= number of durable, visible events) as of now. */
  endOffset(topic: string, partition: number): Promise<number>;
  /** Durable, visible events of the partition from `fromOffset`, in offset order, up to the end as of the call. */
  readPartition(topic: string, partition: number, fromOffset: number, options?: ReadOptions): AsyncIterable<StoredEvent>;
  /**
   * Resolves once an event with offset >= `fromOffset` is visible in the partition (immediately if one
   * already is), or when `signal` aborts. May resolve spuriously: the engine reads again and, finding
   * nothing, waits again. Must not reject on abort.
   */
  waitForAppend(topic: string, partition: number, fromOffset: number, signal: AbortSignal): Promise<void>;
}

/** Where a backend keeps consumer-group positions. `save` must be durable when it resolves. */
export interface CheckpointStore {
  /** The stored position of the group; `{}` when none. */
  load(group: string): Promise<GroupPosition>;
  save(group: string, position: GroupPosition): Promise<void>;
}

export interface ConsumerGroupOptions extends SubscribeOptions {
  /** Save the checkpoint after this many handled events (across partitions). Default 100. */
  readonly checkpointEvery?: number;
  /** Save the checkpoint at most this long after an event was handled, in ms. Default 200. */
  readonly checkpointIntervalMs?: number;
  /** Called once the subscription has ended (final checkpoint written), just before `closed` settles. */
  readonly onClosed?: () => void;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/** Default backoff: 50 ms, doubling, capped at 5 s. */
export function defaultBackoff(attempt: number): number {
  return Math.min(5_000, 50 * 2 ** (attempt - 1));
}

/**
 * Starts a subscription. Resolves once the starting position is known (and, for a new group, saved),
 * so events appended after this promise resolves are delivered even with `start: "end"`.
 */
export async function startConsumerGroup(
  source: SubscriptionSource,
  checkpoints: CheckpointStore,
  options: ConsumerGroupOptions,
): Promise<Subscription> {
  checkOptions(options);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoff ?? defaultBackoff;
  const checkpointEvery = options.checkpointEvery ?? 100;
  const checkpointIntervalMs = options.checkpointIntervalMs ?? 200;
  const topics = [...new Set(options.topics)];

  // The whole stored position, so that saving never drops the positions of topics this subscription does not read.
  const stored = await checkpoints.load(options.group);
  const position: Record<string, Record<number, number>> = {};
  for (const [topic, offsets] of Object.entries(stored)) position[topic] = { ...offsets };

  const workers: { topic: string; partition: number }[] = [];
  let startedNew = false;
  for (const topic of topics) {
    const count = await source.partitionCount(topic);
    const offsets = (position[topic] ??= {});
    for (let partition = 0; partition < count; partition++) {
      if (offsets[partition] === undefined) {
        offsets[partition] = options.start === "end" ? await source.endOffset(topic, partition) : 0;
        startedNew = true;
      }
      workers.push({ topic, partition });
    }
  }
  // A new group's start is fixed now: events appended later are delivered even if it stops before seeing one.
  if (startedNew) await checkpoints.save(options.group, snapshot(position));

  const abort = new AbortController();
  let failure: unknown;
  let sinceSave = 0;
  let dirty = false;
  let saveTimer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();

  // Saves are serialized; each writes the position as of its call. A failed save stops the subscription.
  const save = (): Promise<void> => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (!dirty) return saving;
    dirty = false;
    sinceSave = 0;
    const toSave = snapshot(position);
    saving = saving
      .then(() => checkpoints.save(options.group, toSave))
      .catch((error: unknown) => fail(new BackendError(`Cannot save the checkpoint of group "${options.group}": ${messageOf(error)}`, { cause: error })));
    return saving;
  };

  const handled = (event: StoredEvent): void => {
    (position[event.topic] ??= {})[event.partition] = event.offset + 1;
    dirty = true;
    if (++sinceSave >= checkpointEvery) void save();
    else saveTimer ??= setTimeout(() => void save(), checkpointIntervalMs);
  };

  const fail = (error: unknown): void => {
    failure ??= error;
    abort.abort();
  };

  const deliver = async (event: StoredEvent): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await options.handler(event);
        return;
      } catch (error) {
        if (attempt >= maxAttempts) throw new SubscriptionError(options.group, event, attempt, error);
        if (abort.signal.aborted) throw new Stopped();
        await sleep(backoff(attempt), abort.signal);
        if (abort.signal.aborted) throw new Stopped();
      }
    }
  };

  const run = async (topic: string, partition: number): Promise<void> => {
    const signal = abort.signal;
    while (!signal.aborted) {
      let next = position[topic]?.[partition] ?? 0;
      try {
        for await (const event of source.readPartition(topic, partition, next, { signal })) {
          if (signal.aborted) return;
          if (event.offset !== next) {
            throw new BackendError(
              `Subscription "${options.group}" expected offset ${next} of topic "${topic}" partition ${partition} but the log returned offset ${event.offset}; stopping instead of skipping.`,
            );
          }
          await deliver(event);
          handled(event);
          next = event.offset + 1;
        }
      } catch (error) {
        if (signal.aborted && (error instanceof Stopped || isAbort(error))) return;
        throw error;
      }
      if (signal.aborted) return;
      await source.waitForAppend(topic, partition, next, signal);
    }
  };

  const running = Promise.all(
    workers.map(({ topic, partition }) =>
      run(topic, partition).catch((error: unknown) => {
        if (!(error instanceof Stopped)) fail(error);
      }),
    ),
  );

  const closed = running.then(async () => {
    dirty = true; // always write the final position
    await save();
    options.onClosed?.();
    if (failure !== undefined) throw failure;
  });
  // `closed` is the caller's to observe; never report it as unhandled.
  closed.catch(() => undefined);

  return {
    async stop() {
      abort.abort();
      await closed.catch(() => undefined);
    },
    closed,
    position: () => snapshot(position),
  };
}

class Stopped extends Error {}

function checkOptions(options: ConsumerGroupOptions): void {
  const issues: { path: string; message: string }[] = [];
  if (typeof options.group !== "string" || options.group.length === 0) issues.push({ path: "$.group", message: "must be a non-empty string" });
  if (!Array.isArray(options.topics) || options.topics.length === 0) issues.push({ path: "$.topics", message: "must list at least one topic" });
  if (typeof options.handler !== "function") issues.push({ path: "$.handler", message: "must be a function" });
  if (options.maxAttempts !== undefined && !(Number.isInteger(options.maxAttempts) && options.maxAttempts >= 1)) {
    issues.push({ path: "$.maxAttempts", message: "must be an integer >= 1" });
  }
  if (options.start !== undefined && options.start !== "beginning" && options.start !== "end") {
    issues.push({ path: "$.start", message: 'must be "beginning" or "end"' });
  }
  if (issues.length > 0) throw new ValidationError("subscribe options", issues);
}

function snapshot(position: Record<string, Record<number, number>>): GroupPosition {
  const copy: Record<string, Readonly<Record<number, number>>> = {};
  for (const [topic, offsets] of Object.entries(position)) copy[topic] = Object.freeze({ ...offsets });
  return Object.freeze(copy);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
