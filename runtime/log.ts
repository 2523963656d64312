/**
 * The log contract: the one interface every backend implements (memory, file, JetStream).
 *
 * The contract is written for a distributed backend from the start: everything is async,
 * offsets are per partition, and nothing assumes one process. Every backend runs the same
 * contract suite (`test/runtime/contract/`).
 *
 * There is deliberately no operation that changes or removes an appended event.
 */
import type { StoredEvent, NewEvent } from "./envelope.js";

/** A topic as declared in a spec: its name in the log (`shop.catalog`) and partition count. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/**
 * Lifecycle rule of one event type, as declared in the spec (see compiler/model.ts LifecycleModel).
 * The key's lifecycle *state* is the type of its last event whose rule has `creates` or `after`.
 * - `creates`: allowed only as the first event of a key; sets the state.
 * - `after`: allowed only when the state is one of these types; sets the state.
 * - neither: allowed any time after creation and before the end; leaves the state unchanged.
 * - `ends`: after this event the key accepts no more events.
 */
export interface LifecycleRule {
  readonly creates?: boolean;
  readonly after?: readonly string[];
  readonly ends?: boolean;
}

/** Rules by event type (`shop.ItemListed`). A type missing from the table is rejected with a LifecycleError. */
export type LifecycleRules = Readonly<Record<string, LifecycleRule>>;

export interface AppendOptions {
  /**
   * Optimistic concurrency: the key's current version must equal this (0 = the key has no events yet),
   * or the append fails with ConcurrencyError and writes nothing.
   */
  readonly expectedVersion?: number;
  /**
   * When given, every event of the batch is checked against the rules, in order, starting from the
   * key's stored state; any violation fails the whole append with LifecycleError and writes nothing.
   * The check and the append are one atomic step with respect to other appends of the same key.
   */
  readonly lifecycle?: LifecycleRules;
}

/** What the log knows about one key. */
export interface KeyState {
  readonly key: string;
  /** Number of events of the key (= version of its last event); 0 when it has none. */
  readonly version: number;
  /** Type of the last event with `creates`/`after` in its rule, or null (no such event yet, or no rules were ever given). */
  readonly state: string | null;
  /** True once an `ends` event was appended. */
  readonly ended: boolean;
}

/** Where a replay starts: the beginning, an offset per partition, or the first event at/after a time. */
export type ReplayFrom =
  | { readonly kind: "beginning" }
  /** Offsets per partition (missing partitions start at 0); each is the first offset to deliver. */
  | { readonly kind: "offsets"; readonly offsets: Readonly<Record<number, number>> }
  /** ISO-8601 time: per partition, start at the first event whose `time` is >= this. */
  | { readonly kind: "time"; readonly time: string };

export interface ReadOptions {
  /** Stop after this many events. */
  readonly limit?: number;
  /** Aborts the iteration. */
  readonly signal?: AbortSignal;
}

/** The positions reached by a consumer group: for each topic, the next offset to process per partition. */
export type GroupPosition = Readonly<Record<string, Readonly<Record<number, number>>>>;

export interface SubscribeOptions {
  readonly topics: readonly string[];
  /** Consumer group name: its position is checkpointed durably and shared by every subscriber of the group. */
  readonly group: string;
  /**
   * Called for every event at least once, in order per key (and per partition). Partitions may be
   * handled concurrently. Resolve to acknowledge; throw to have it retried.
   */
  readonly handler: (event: StoredEvent) => Promise<void> | void;
  /** Where a group with no checkpoint starts: "beginning" (default) or "end" (only new events). */
  readonly start?: "beginning" | "end";
  /** Attempts per event before the subscription stops with SubscriptionError. Default 5. */
  readonly maxAttempts?: number;
  /** Delay before retry n (1-based), in ms. Default: 50 * 2^(n-1), capped at 5 s. */
  readonly backoff?: (attempt: number) => number;
}

export interface Subscription {
  /** Stops delivering, waits for in-flight handlers, writes the final checkpoint. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves after stop(), rejects with SubscriptionError after maxAttempts failures. */
  readonly closed: Promise<void>;
  /** The group's position now (next offset per partition and topic). */
  position(): GroupPosition;
}

export interface PartitionStats {
  readonly partition: number;
  /** Number of events = next offset. */
  readonly events: number;
  readonly bytes: number;
}

export interface TopicStats {
  readonly name: string;
  readonly partitions: readonly PartitionStats[];
  readonly events: number;
  readonly keys: number;
  readonly bytes: number;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** The first bad record, when !ok. */
  readonly firstBad?: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: number;
    /** Byte position in the segment file, for file logs. */
    readonly file?: string;
    readonly position?: number;
    readonly reason: string;
  };
}

export interface Log {
  /** A short description for messages ("file log at ./data", "memory log", ...). */
  readonly description: string;

  /**
   * Creates the topic if it does not exist. An existing topic with another partition count is
   * a TopicMismatchError (changing partitions would move keys and break per-key order).
   */
  ensureTopic(topic: TopicSpec): Promise<void>;

  /**
   * Appends events of ONE key (all events must carry the same key) atomically: all or none.
   * Resolves, after they are durable under the log's durability setting, to the stored events
   * (deeply frozen), with ids, offsets, versions and times assigned.
   * An event whose `id` is already stored for that key is not appended again: the stored one is
   * returned in its place (idempotent retries); if every event of the batch is such a repeat the
   * append writes nothing and skips the expectedVersion/lifecycle checks.
   * Errors: UnknownTopicError, ConcurrencyError, LifecycleError, ValidationError (malformed batch); nothing written.
   */
  append(topic: string, events: readonly NewEvent[], options?: AppendOptions): Promise<readonly StoredEvent[]>;

  /** Current version and lifecycle state of a key. */
  keyState(topic: string, key: string): Promise<KeyState>;

  /** Events of one partition from `fromOffset` (default 0) to the end as of the call. */
  readPartition(topic: string, partition: number, fromOffset?: number, options?: ReadOptions): AsyncIterable<StoredEvent>;

  /** Events of one key in version order, from `fromVersion` (default 1). */
  readKey(topic: string, key: string, fromVersion?: number, options?: ReadOptions): AsyncIterable<StoredEvent>;

  /**
   * Every event of the topics, in per-partition order, partitions interleaved by time (ties by
   * topic, partition, offset), up to the end as of the call. Memory stays bounded however long the log.
   */
  replay(topics: readonly string[], from?: ReplayFrom, options?: ReadOptions): AsyncIterable<StoredEvent>;

  /** Starts a consumer group subscription: at least once, checkpointed, live (tails new appends, also from other processes). */
  subscribe(options: SubscribeOptions): Promise<Subscription>;

  /** The stored checkpoint of a group (empty object if none). */
  groupPosition(group: string): Promise<GroupPosition>;

  topics(): Promise<readonly TopicSpec[]>;
  stats(): Promise<readonly TopicStats[]>;

  /** Checks every stored record (checksums, hash chain where the backend keeps one). */
  verify(options?: { readonly onProgress?: (checked: number, total: number) => void }): Promise<VerifyResult>;

  /** Stops subscriptions, flushes, releases locks. Further calls fail with LogClosedError. */
  close(): Promise<void>;
}
