/**
 * The in-memory log: the full contract with no files, for unit tests (ours and users') and
 * throw-away data. Every append runs synchronously between two awaits, so its checks and its writes
 * are one atomic step with respect to every other append.
 */
import { createHash } from "node:crypto";
import type { NewEvent, StoredEvent } from "../envelope.js";
import { ConcurrencyError, LogClosedError, TopicMismatchError, UnknownTopicError, ValidationError } from "../errors.js";
import { deepFreeze } from "../freeze.js";
import { newEventId } from "../ids.js";
import { encodeJson } from "../json-codec.js";
import { applyLifecycle } from "../lifecycle.js";
import type {
  AppendOptions,
  GroupPosition,
  KeyState,
  Log,
  ReadOptions,
  ReplayFrom,
  SubscribeOptions,
  Subscription,
  TopicSpec,
  TopicStats,
  VerifyResult,
} from "../log.js";
import { partitionFor } from "../partitioner.js";
import { checkBatch, checkTopicSpec, normalizeTime, partitionAt } from "../append-batch.js";
import { limited, replayTopics } from "../replay-merge.js";
import { startConsumerGroup, type CheckpointStore, type SubscriptionSource } from "../subscription/consumer-group.js";

interface StoredRecord {
  readonly event: StoredEvent;
  readonly bytes: number;
  /** sha256 of the record's JSON at append time; verify() recomputes it. */
  readonly checksum: string;
}

interface KeyEntry {
  state: KeyState;
  readonly events: StoredEvent[];
  readonly ids: Map<string, StoredEvent>;
}

interface Partition {
  readonly records: StoredRecord[];
  /** Resolvers of subscribers waiting for the next append. */
  waiters: Set<() => void>;
}

interface Topic {
  readonly spec: TopicSpec;
  readonly partitions: Partition[];
  readonly keys: Map<string, KeyEntry>;
}

export interface MemoryLogOptions {
  /** Shown in messages. Default "memory log". */
  readonly description?: string;
}

/** Creates an empty in-memory log. */
export function createMemoryLog(options: MemoryLogOptions = {}): Log {
  return new MemoryLog(options.description ?? "memory log");
}

class MemoryLog implements Log {
  readonly #topics = new Map<string, Topic>();
  readonly #checkpoints = new Map<string, GroupPosition>();
  readonly #subscriptions = new Set<Subscription>();
  readonly #activeGroups = new Set<string>();
  #closed = false;

  constructor(readonly description: string) {}

  async ensureTopic(topic: TopicSpec): Promise<void> {
    this.#open();
    checkTopicSpec(topic);
    const existing = this.#topics.get(topic.name);
    if (existing) {
      if (existing.spec.partitions !== topic.partitions) throw new TopicMismatchError(topic.name, existing.spec.partitions, topic.partitions);
      return;
    }
    this.#topics.set(topic.name, {
      spec: Object.freeze({ name: topic.name, partitions: topic.partitions }),
      partitions: Array.from({ length: topic.partitions }, () => ({ records: [], waiters: new Set() })),
      keys: new Map(),
    });
  }

  async append(topicName: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<readonly StoredEvent[]> {
    this.#open();
    const topic = this.#topic(topicName);
    const key = checkBatch(topicName, events, options);
    if (key === undefined) return Object.freeze([]);
    // Serialize payloads before any check passes, so a bad payload can never leave half a batch.
    const payloads = events.map((e, i) => encodeJson(e.data, `data of event $[${i}] ("${e.type}") for topic "${topicName}"`));

    const entry = topic.keys.get(key);
    const repeats = events.map((e) => (e.id === undefined ? undefined : entry?.ids.get(e.id)));
    const fresh = events.flatMap((e, i) => (repeats[i] === undefined ? [{ event: e, payload: payloads[i]! }] : []));
    if (fresh.length === 0) return Object.freeze(repeats as StoredEvent[]);

    const current: KeyState = entry?.state ?? { key, version: 0, state: null, ended: false };
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
      throw new ConcurrencyError(topicName, key, options.expectedVersion, current.version);
    }
    const next = applyLifecycle(topicName, current, fresh.map((f) => f.event.type), options.lifecycle);

    // Past every check: nothing below can fail, so the batch is written whole.
    const partitionNumber = partitionFor(key, topic.spec.partitions);
    const partition = topic.partitions[partitionNumber]!;
    const target = entry ?? { state: current, events: [], ids: new Map<string, StoredEvent>() };
    const now = new Date().toISOString();
    let version = current.version;
    const appended = fresh.map(({ event, payload }) => {
      const stored: StoredEvent = deepFreeze({
        id: event.id ?? newEventId(),
        type: event.type,
        schemaVersion: event.schemaVersion,
        topic: topicName,
        partition: partitionNumber,
        offset: partition.records.length,
        key,
        version: ++version,
        time: event.time === undefined ? now : normalizeTime(event.time)!,
        ...(event.correlationId !== undefined ? { correlationId: event.correlationId } : {}),
        ...(event.causationId !== undefined ? { causationId: event.causationId } : {}),
        data: JSON.parse(payload) as unknown,
      });
      const json = JSON.stringify(stored);
      partition.records.push({ event: stored, bytes: Buffer.byteLength(json), checksum: sha256(json) });
      target.events.push(stored);
      target.ids.set(stored.id, stored);
      return stored;
    });
    target.state = next;
    if (!entry) topic.keys.set(key, target);

    const waiters = partition.waiters;
    partition.waiters = new Set();
    for (const wake of waiters) wake();

    let i = 0;
    return Object.freeze(repeats.map((r) => r ?? appended[i++]!));
  }

  async keyState(topicName: string, key: string): Promise<KeyState> {
    this.#open();
    const state = this.#topic(topicName).keys.get(key)?.state;
    return Object.freeze({ ...(state ?? { key, version: 0, state: null, ended: false }) });
  }

  readPartition(topicName: string, partitionNumber: number, fromOffset = 0, options?: ReadOptions): AsyncIterable<StoredEvent> {
    this.#open();
    const partition = this.#partition(topicName, partitionNumber);
    checkStart("fromOffset", fromOffset, 0);
    const end = partition.records.length; // the end as of the call
    return limited(
      (async function* () {
        for (let offset = fromOffset; offset < end; offset++) yield partition.records[offset]!.event;
      })(),
      options,
    );
  }

  readKey(topicName: string, key: string, fromVersion = 1, options?: ReadOptions): AsyncIterable<StoredEvent> {
    this.#open();
    checkStart("fromVersion", fromVersion, 1);
    const events = this.#topic(topicName).keys.get(key)?.events ?? [];
    const end = events.length;
    return limited(
      (async function* () {
        for (let version = fromVersion; version <= end; version++) yield events[version - 1]!;
      })(),
      options,
    );
  }

  replay(topics: readonly string[], from?: ReplayFrom, options?: ReadOptions): AsyncIterable<StoredEvent> {
    this.#open();
    for (const topic of topics) this.#topic(topic);
    return replayTopics(this.#source(), topics, from, options);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.#open();
    for (const topic of options.topics ?? []) this.#topic(topic);
    // Two live subscriptions of one group would each read every partition and fight over its checkpoint.
    if (this.#activeGroups.has(options.group)) {
      throw new ValidationError(`subscription of group "${options.group}"`, [
        { path: "$.group", message: "already has a live subscription on this log; stop it first (one subscriber per group)" },
      ]);
    }
    const checkpoints: CheckpointStore = {
      load: async (group) => this.#checkpoints.get(group) ?? {},
      save: async (group, position) => {
        this.#checkpoints.set(group, position);
      },
    };
    this.#activeGroups.add(options.group);
    let subscription: Subscription;
    try {
      subscription = await startConsumerGroup(this.#source(), checkpoints, {
        ...options,
        onClosed: () => {
          this.#activeGroups.delete(options.group);
          this.#subscriptions.delete(subscription);
        },
      });
    } catch (error) {
      this.#activeGroups.delete(options.group);
      throw error;
    }
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async groupPosition(group: string): Promise<GroupPosition> {
    this.#open();
    return this.#checkpoints.get(group) ?? Object.freeze({});
  }

  async topics(): Promise<readonly TopicSpec[]> {
    this.#open();
    return Object.freeze([...this.#topics.values()].map((t) => t.spec));
  }

  async stats(): Promise<readonly TopicStats[]> {
    this.#open();
    return deepFreeze(
      [...this.#topics.values()].map((topic) => {
        const partitions = topic.partitions.map((p, partition) => ({
          partition,
          events: p.records.length,
          bytes: p.records.reduce((sum, r) => sum + r.bytes, 0),
        }));
        return {
          name: topic.spec.name,
          partitions,
          events: partitions.reduce((sum, p) => sum + p.events, 0),
          keys: topic.keys.size,
          bytes: partitions.reduce((sum, p) => sum + p.bytes, 0),
        };
      }),
    );
  }

  async verify(options: { readonly onProgress?: (checked: number, total: number) => void } = {}): Promise<VerifyResult> {
    this.#open();
    const total = [...this.#topics.values()].reduce((sum, t) => sum + t.partitions.reduce((s, p) => s + p.records.length, 0), 0);
    let checked = 0;
    for (const topic of this.#topics.values()) {
      for (const [partition, p] of topic.partitions.entries()) {
        for (const [offset, record] of p.records.entries()) {
          if (sha256(JSON.stringify(record.event)) !== record.checksum) {
            return { ok: false, eventsChecked: checked, firstBad: { topic: topic.spec.name, partition, offset, reason: "checksum mismatch" } };
          }
          checked++;
          if (checked % 10_000 === 0) options.onProgress?.(checked, total);
        }
      }
    }
    options.onProgress?.(checked, total);
    return { ok: true, eventsChecked: checked };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await Promise.all([...this.#subscriptions].map((s) => s.stop()));
    this.#closed = true;
    for (const topic of this.#topics.values()) {
      for (const p of topic.partitions) {
        for (const wake of p.waiters) wake();
        p.waiters.clear();
      }
    }
  }

  #source(): SubscriptionSource {
    return {
      partitionCount: async (topic) => this.#topic(topic).spec.partitions,
      endOffset: async (topic, partition) => this.#partition(topic, partition).records.length,
      readPartition: (topic, partition, fromOffset, options) => this.readPartition(topic, partition, fromOffset, options),
      waitForAppend: (topic, partitionNumber, fromOffset, signal) => {
        const partition = this.#partition(topic, partitionNumber);
        if (partition.records.length > fromOffset || signal.aborted || this.#closed) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const wake = (): void => {
            signal.removeEventListener("abort", wake);
            partition.waiters.delete(wake);
            resolve();
          };
          partition.waiters.add(wake);
          signal.addEventListener("abort", wake, { once: true });
        });
      },
    };
  }

  #open(): void {
    if (this.#closed) throw new LogClosedError(this.description);
  }

  #topic(name: string): Topic {
    const topic = this.#topics.get(name);
    if (!topic) throw new UnknownTopicError(name);
    return topic;
  }

  #partition(topicName: string, partition: number): Partition {
    return partitionAt(topicName, this.#topic(topicName).partitions, partition);
  }
}

function checkStart(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new ValidationError(name, [{ path: "$", message: `must be an integer >= ${min}, got ${String(value)}` }]);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
