/**
 * The embedded durable file log: the `Log` contract over append-only segment files in one
 * directory (layout in layout.ts, bytes in record-format.ts, guarantees in docs/runtime.md).
 *
 * Appends are checked and encoded synchronously (so the per-key check and the append are one
 * atomic step in this process; the write lock makes this process the only writer), then handed to
 * the partition's group-commit writer. Readers see an event only once the fsync covering it has
 * completed, so a subscription's checkpoint can never move past an event that a crash could lose.
 */
import { closeSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { NewEvent, StoredEvent } from "../envelope.js";
import {
  BackendError,
  ConcurrencyError,
  LogClosedError,
  LogCorruptedError,
  TopicMismatchError,
  UnknownTopicError,
  ValidationError,
} from "../errors.js";
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
import { limited } from "../replay-merge.js";
import { startConsumerGroup, type SubscriptionSource } from "../subscription/consumer-group.js";
import { writeFileAtomicSync } from "./atomic-file.js";
import { fileCheckpointStore } from "./checkpoint-store.js";
import { envelopeJson, freezeTree, idFingerprint } from "./envelope-body.js";
import { GroupCommitWriter } from "./group-commit.js";
import { KeyIndex, type KeyEntry } from "./key-index.js";
import { FORMAT_NAME, FORMAT_VERSION, metaPath, partitionDir, segmentFileName, topicSpecPath, topicsDir } from "./layout.js";
import { PartitionIndex } from "./partition-index.js";
import { FLAG_ENDS, FLAG_SETS_STATE, RECORD_HEADER_BYTES, ZERO_HASH, writeEventRecord } from "./record-format.js";
import { readEventSync } from "./record-reader.js";
import { readOffsets, readRange } from "./partition-reader.js";
import { replayPartitions, type ReplayStart } from "./file-replay.js";
import { catchUpPartition } from "./recovery.js";
import { createSegmentFile } from "./segment-file.js";
import { readTopicSpecs } from "./topic-catalog.js";
import { PartitionWaiters } from "./tailing.js";
import { verifyDirectory } from "./verify.js";
import { SnapshotReader, writeSnapshot } from "./index-snapshot.js";
import { acquireWriteLock, type WriteLock } from "./write-lock.js";

export interface FileLogOptions {
  /** Directory of the log; created when missing (unless readOnly). */
  readonly dir: string;
  /** "fsync" (default): an append resolves after the fsync covering it. "none": after the write (survives a process crash, not a power loss). */
  readonly durability?: "fsync" | "none";
  /** Read and tail only, without the write lock: another process may be writing. */
  readonly readOnly?: boolean;
  /** A segment is closed and a new one started once it exceeds this size. Default 64 MiB. */
  readonly segmentBytes?: number;
  /** Read-only logs poll the files for appends of the writing process this often, in ms. Default 50. */
  readonly pollIntervalMs?: number;
  /** The writer saves the index snapshot after this many new events (and on close). Default 100,000. */
  readonly snapshotEvery?: number;
}

const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;

interface Topic {
  readonly spec: TopicSpec;
  readonly keys: KeyIndex;
  readonly partitions: PartitionIndex[];
  /** One per partition; empty when read-only. */
  readonly writers: GroupCommitWriter[];
  /** Events queued but not yet durable, by partition then offset: for idempotent retries of in-flight appends. */
  readonly inFlight: Map<number, { event: StoredEvent; durable: Promise<void> }>[];
}

/** Opens (creating when needed) the file log in `options.dir`. */
export async function openFileLog(options: FileLogOptions): Promise<Log> {
  checkOptions(options);
  const dir = resolve(options.dir);
  const readOnly = options.readOnly === true;
  let lock: WriteLock | undefined;
  if (readOnly) {
    if (!existsSync(metaPath(dir))) {
      throw new BackendError(`No eventc file log at "${dir}" (no meta.json): a read-only open cannot create one.`);
    }
  } else {
    mkdirSync(dir, { recursive: true });
    lock = acquireWriteLock(dir);
  }
  try {
    const durable = (options.durability ?? "fsync") === "fsync";
    checkMeta(dir, readOnly, durable);
    const log = new FileLog(dir, {
      readOnly,
      durable,
      segmentBytes: options.segmentBytes ?? DEFAULT_SEGMENT_BYTES,
      pollIntervalMs: options.pollIntervalMs ?? 50,
      snapshotEvery: options.snapshotEvery ?? 100_000,
      lock,
    });
    log.load();
    return log;
  } catch (error) {
    lock?.release();
    throw error;
  }
}

interface Settings {
  readonly readOnly: boolean;
  readonly durable: boolean;
  readonly segmentBytes: number;
  readonly pollIntervalMs: number;
  readonly snapshotEvery: number;
  readonly lock: WriteLock | undefined;
}

class FileLog implements Log {
  readonly description: string;
  readonly #topics = new Map<string, Topic>();
  readonly #subscriptions = new Set<Subscription>();
  readonly #waiters: PartitionWaiters;
  readonly #checkpoints;
  #closed = false;
  #failure: unknown;
  #sinceSnapshot = 0;
  #snapshotScheduled = false;

  constructor(
    readonly dir: string,
    readonly settings: Settings,
  ) {
    this.description = `file log at ${dir}${settings.readOnly ? " (read-only)" : ""}`;
    this.#checkpoints = fileCheckpointStore(dir, settings.durable);
    this.#waiters = new PartitionWaiters(settings.readOnly ? settings.pollIntervalMs : undefined, () => this.#refresh());
  }

  /** Loads every stored topic: from the index snapshot where it is still valid, then recovery of each partition's tail. */
  load(): void {
    const snapshot = new SnapshotReader(this.dir);
    for (const spec of readTopicSpecs(this.dir)) this.#loadTopic(spec, snapshot);
  }

  #loadTopic(spec: TopicSpec, snapshot?: SnapshotReader): Topic {
    const restored = snapshot?.load(this.dir, spec);
    const keys = restored?.keys ?? new KeyIndex();
    const partitions: PartitionIndex[] = [];
    const writers: GroupCommitWriter[] = [];
    for (let p = 0; p < spec.partitions; p++) {
      const index = restored?.partitions[p] ?? new PartitionIndex(spec.name, p, partitionDir(this.dir, spec.name, p), ZERO_HASH);
      // Events found beyond the snapshot make the next snapshot worth writing.
      this.#sinceSnapshot += catchUpPartition(index, keys, this.settings.readOnly ? "read" : "write");
      partitions.push(index);
      if (!this.settings.readOnly) {
        if (!index.current) {
          // A topic whose creation was interrupted before this partition's first segment.
          mkdirSync(index.dir, { recursive: true });
          closeSync(createSegmentFile(`${index.dir}/${segmentFileName(0)}`, p, 0, ZERO_HASH, this.settings.durable));
          index.addSegment(0);
        }
        writers.push(
          new GroupCommitWriter(index, {
            fsync: this.settings.durable,
            segmentBytes: this.settings.segmentBytes,
            onVisible: (events) => {
              this.#waiters.wake(spec.name, p);
              this.#sinceSnapshot += events;
              if (this.#sinceSnapshot >= this.settings.snapshotEvery) this.#snapshotSoon();
            },
            onFailure: (error) => {
              this.#failure ??= error;
            },
          }),
        );
      }
    }
    const topic: Topic = { spec, keys, partitions, writers, inFlight: partitions.map(() => new Map()) };
    this.#topics.set(spec.name, topic);
    return topic;
  }

  async ensureTopic(spec: TopicSpec): Promise<void> {
    this.#open();
    checkTopicSpec(spec);
    if (this.settings.readOnly) this.#refresh();
    const existing = this.#topics.get(spec.name);
    if (existing) {
      if (existing.spec.partitions !== spec.partitions) throw new TopicMismatchError(spec.name, existing.spec.partitions, spec.partitions);
      return;
    }
    if (this.settings.readOnly) {
      throw new ValidationError(`topic "${spec.name}"`, [{ path: "$", message: `does not exist, and the ${this.description} cannot create it` }]);
    }
    // Partitions and their first segments first, topic.json last: a crash in between leaves a directory that is ignored.
    const frozen = Object.freeze({ name: spec.name, partitions: spec.partitions });
    for (let p = 0; p < spec.partitions; p++) {
      const pdir = partitionDir(this.dir, spec.name, p);
      mkdirSync(pdir, { recursive: true });
      const path = `${pdir}/${segmentFileName(0)}`;
      if (!existsSync(path)) closeSync(createSegmentFile(path, p, 0, ZERO_HASH, this.settings.durable));
    }
    writeFileAtomicSync(topicSpecPath(this.dir, spec.name), `${JSON.stringify(frozen, null, 2)}\n`, this.settings.durable);
    this.#loadTopic(frozen);
  }

  async append(topicName: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<readonly StoredEvent[]> {
    this.#open();
    if (this.settings.readOnly) {
      throw new ValidationError(`append to topic "${topicName}"`, [{ path: "$", message: `the ${this.description} does not accept appends` }]);
    }
    if (this.#failure !== undefined) {
      throw new BackendError(`The ${this.description} stopped accepting appends after a write failure: ${messageOf(this.#failure)}. Reopen it to recover.`, {
        cause: this.#failure,
      });
    }
    const topic = this.#topic(topicName);
    const key = checkBatch(topicName, events, options);
    if (key === undefined) return Object.freeze([]);
    const payloads = events.map((e, i) => encodeJson(e.data, `data of event $[${i}] ("${e.type}") for topic "${topicName}"`));

    const partition = partitionFor(key, topic.spec.partitions);
    const entry = topic.keys.get(key);
    // Idempotency: an id already stored (or in flight) for this key returns the stored event.
    const repeats: (StoredEvent | Promise<StoredEvent> | undefined)[] = events.map((e) =>
      e.id === undefined || entry === undefined ? undefined : this.#findById(topic, partition, entry, e.id),
    );
    const fresh: { event: NewEvent; payload: string }[] = [];
    events.forEach((event, i) => {
      if (repeats[i] === undefined) fresh.push({ event, payload: payloads[i]! });
    });
    if (fresh.length === 0) return Object.freeze(await Promise.all(repeats as (StoredEvent | Promise<StoredEvent>)[]));

    const current: KeyState = entry?.head ?? { key, version: 0, state: null, ended: false };
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
      throw new ConcurrencyError(topicName, key, options.expectedVersion, current.version);
    }
    const next = Object.freeze(
      applyLifecycle(
        topicName,
        current,
        fresh.map((f) => f.event.type),
        options.lifecycle,
      ),
    );

    // Past every check: encode the records and queue them. Nothing below can fail half-way.
    const writer = topic.writers[partition]!;
    const now = new Date().toISOString();
    const rules = options.lifecycle;
    const bodies: string[] = [];
    const lengths: number[] = [];
    const flags: number[] = [];
    const stored: StoredEvent[] = [];
    let size = 0;
    for (let i = 0; i < fresh.length; i++) {
      const { event, payload } = fresh[i]!;
      // Built in the body's field order, so the event handed back equals the one read back later.
      const e: Record<string, unknown> = {
        id: event.id ?? newEventId(),
        type: event.type,
        key,
        schemaVersion: event.schemaVersion,
        topic: topicName,
        partition,
        offset: writer.nextOffset + i,
        version: current.version + i + 1,
        time: event.time === undefined ? now : normalizeTime(event.time)!,
      };
      if (event.correlationId !== undefined) e.correlationId = event.correlationId;
      if (event.causationId !== undefined) e.causationId = event.causationId;
      const body = envelopeJson(e as unknown as Omit<StoredEvent, "data">, payload);
      const length = Buffer.byteLength(body, "utf8");
      bodies.push(body);
      lengths.push(length);
      size += RECORD_HEADER_BYTES + length;
      const rule = rules?.[event.type];
      flags.push((rule?.creates || rule?.after ? FLAG_SETS_STATE : 0) | (rule?.ends ? FLAG_ENDS : 0));
      e.data = JSON.parse(payload) as unknown;
      stored.push(freezeTree(e) as unknown as StoredEvent);
    }
    const records = Buffer.allocUnsafe(size);
    const starts: number[] = [];
    let at = 0;
    for (let i = 0; i < bodies.length; i++) {
      starts.push(at);
      at = writeEventRecord(records, at, bodies[i]!, lengths[i]!, flags[i]!);
    }

    const target: KeyEntry = topic.keys.getOrCreate(key);
    for (const e of stored) {
      target.offsets.push(e.offset);
      target.fingerprints.push(idFingerprint(e.id));
    }
    target.head = next;
    const inFlight = topic.inFlight[partition]!;
    const durable = new Promise<void>((resolveDurable, reject) => {
      writer.enqueue(
        {
          records,
          starts,
          durable: () => {
            target.durable = next;
            for (const e of stored) inFlight.delete(e.offset);
            resolveDurable();
          },
          failed: (error) => {
            for (const e of stored) inFlight.delete(e.offset);
            reject(new BackendError(`Append to topic "${topicName}" (key "${key}") failed while writing: ${messageOf(error)}`, { cause: error }));
          },
        },
        stored.length,
      );
    });
    for (const e of stored) inFlight.set(e.offset, { event: e, durable });
    await durable;
    if (fresh.length === events.length) return Object.freeze(stored);
    let i = 0;
    return Object.freeze(await Promise.all(repeats.map((r) => r ?? stored[i++]!)));
  }

  /** The stored (or in-flight) event of this key with this id, if any. */
  #findById(topic: Topic, partition: number, entry: KeyEntry, id: string): StoredEvent | Promise<StoredEvent> | undefined {
    for (const version of topic.keys.candidates(entry, idFingerprint(id))) {
      const offset = entry.offsets[version - 1]!;
      const flying = topic.inFlight[partition]!.get(offset);
      if (flying) {
        if (flying.event.id === id) return flying.durable.then(() => flying.event);
        continue;
      }
      const { segment, position } = topic.partitions[partition]!.locate(offset);
      const event = readEventSync(segment.path, position);
      if (event.id === id) return event;
    }
    return undefined;
  }

  async keyState(topicName: string, key: string): Promise<KeyState> {
    this.#open();
    if (this.settings.readOnly) this.#refresh();
    const state = this.#topic(topicName).keys.get(key)?.durable;
    return Object.freeze(state ? { ...state } : { key, version: 0, state: null, ended: false });
  }

  readPartition(topicName: string, partitionNumber: number, fromOffset = 0, options?: ReadOptions): AsyncIterable<StoredEvent> {
    this.#open();
    if (this.settings.readOnly) this.#refresh();
    const index = this.#partition(topicName, partitionNumber);
    checkStart("fromOffset", fromOffset, 0);
    const events = readRange(index, fromOffset, index.visibleEnd);
    return options?.limit === undefined && options?.signal === undefined ? events : limited(events, options);
  }

  readKey(topicName: string, key: string, fromVersion = 1, options?: ReadOptions): AsyncIterable<StoredEvent> {
    this.#open();
    checkStart("fromVersion", fromVersion, 1);
    if (this.settings.readOnly) this.#refresh();
    const topic = this.#topic(topicName);
    const entry = topic.keys.get(key);
    if (!entry) return limited((async function* () {})(), options);
    const index = topic.partitions[partitionFor(key, topic.spec.partitions)]!;
    const offsets = entry.offsets.slice(fromVersion - 1, entry.durable.version);
    return limited(readOffsets(index, offsets), options);
  }

  replay(topics: readonly string[], from?: ReplayFrom, options?: ReadOptions): AsyncIterable<StoredEvent> {
    this.#open();
    if (this.settings.readOnly) this.#refresh();
    const starts: ReplayStart[] = [];
    const startTime = from?.kind === "time" ? normalizeTime(from.time) : undefined;
    if (from?.kind === "time" && startTime === undefined) {
      throw new ValidationError("replay start", [{ path: "$.time", message: "must be an ISO-8601 date-time" }]);
    }
    for (const name of new Set(topics)) {
      for (const index of this.#topic(name).partitions) {
        const offset = from?.kind === "offsets" ? (from.offsets[index.partition] ?? 0) : 0;
        checkStart(`replay offset of partition ${index.partition}`, offset, 0);
        starts.push({ index, from: offset, end: index.visibleEnd });
      }
    }
    const events = replayPartitions(starts, startTime);
    return options?.limit === undefined && options?.signal === undefined ? events : limited(events, options);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.#open();
    if (this.settings.readOnly) this.#refresh();
    for (const topic of options.topics ?? []) this.#topic(topic);
    const subscription = await startConsumerGroup(this.#source(), this.#checkpoints, options);
    this.#subscriptions.add(subscription);
    void subscription.closed.catch(() => undefined).finally(() => this.#subscriptions.delete(subscription));
    return subscription;
  }

  async groupPosition(group: string): Promise<GroupPosition> {
    this.#open();
    return this.#checkpoints.load(group);
  }

  async topics(): Promise<readonly TopicSpec[]> {
    this.#open();
    if (this.settings.readOnly) this.#refresh();
    return Object.freeze([...this.#topics.values()].map((t) => t.spec));
  }

  async stats(): Promise<readonly TopicStats[]> {
    this.#open();
    if (this.settings.readOnly) this.#refresh();
    return Object.freeze(
      [...this.#topics.values()].map((topic) => {
        const partitions = topic.partitions.map((p) => Object.freeze({ partition: p.partition, events: p.visibleEnd, bytes: p.bytes }));
        return Object.freeze({
          name: topic.spec.name,
          partitions: Object.freeze(partitions),
          events: partitions.reduce((sum, p) => sum + p.events, 0),
          keys: topic.keys.size,
          bytes: partitions.reduce((sum, p) => sum + p.bytes, 0),
        });
      }),
    );
  }

  async verify(options: { readonly onProgress?: (checked: number, total: number) => void } = {}): Promise<VerifyResult> {
    this.#open();
    await Promise.all([...this.#topics.values()].flatMap((t) => t.writers.map((w) => w.drain())));
    const onProgress = options.onProgress;
    return verifyDirectory(this.dir, onProgress ? (p) => onProgress(p.bytes, p.totalBytes) : undefined);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await Promise.all([...this.#subscriptions].map((s) => s.stop()));
    this.#closed = true;
    this.#waiters.close();
    for (const topic of this.#topics.values()) {
      for (const writer of topic.writers) {
        await writer.drain();
        writer.close();
      }
    }
    if (!this.settings.readOnly && this.#failure === undefined && this.#sinceSnapshot > 0) this.#writeSnapshot();
    this.settings.lock?.release();
  }

  /** Writes the index snapshot soon, off the commit path (it is a prefix of the log whenever taken). */
  #snapshotSoon(): void {
    if (this.#snapshotScheduled) return;
    this.#snapshotScheduled = true;
    setImmediate(() => {
      this.#snapshotScheduled = false;
      if (!this.#closed && this.#failure === undefined) this.#writeSnapshot();
    });
  }

  #writeSnapshot(): void {
    this.#sinceSnapshot = 0;
    try {
      writeSnapshot(this.dir, [...this.#topics.values()], this.settings.durable);
    } catch {
      // The snapshot is only a shortcut for the next open; without it that open scans the files.
    }
  }

  /** Read-only logs: picks up topics and events the writing process added since the last look. */
  #refresh(): void {
    if (this.#closed) return;
    for (const spec of readTopicSpecs(this.dir)) {
      const topic = this.#topics.get(spec.name);
      if (!topic) {
        this.#loadTopic(spec);
        continue;
      }
      for (const index of topic.partitions) {
        if (catchUpPartition(index, topic.keys, "read") > 0) this.#waiters.wake(spec.name, index.partition);
      }
    }
  }

  #source(): SubscriptionSource {
    return {
      partitionCount: async (topic) => {
        if (this.settings.readOnly) this.#refresh();
        return this.#topic(topic).spec.partitions;
      },
      endOffset: async (topic, partition) => this.#partition(topic, partition).visibleEnd,
      readPartition: (topic, partition, fromOffset, options) => this.readPartition(topic, partition, fromOffset, options),
      waitForAppend: (topic, partition, fromOffset, signal) => {
        const index = this.#partition(topic, partition);
        return this.#waiters.wait(topic, partition, () => this.#closed || index.visibleEnd > fromOffset, signal);
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

  #partition(topicName: string, partition: number): PartitionIndex {
    return partitionAt(topicName, this.#topic(topicName).partitions, partition);
  }
}

function checkOptions(options: FileLogOptions): void {
  const issues: { path: string; message: string }[] = [];
  if (options === null || typeof options !== "object") throw new ValidationError("file log options", [{ path: "$", message: "must be an object with a dir" }]);
  if (typeof options.dir !== "string" || options.dir.length === 0) issues.push({ path: "$.dir", message: "must be a non-empty directory path" });
  if (options.durability !== undefined && options.durability !== "fsync" && options.durability !== "none") {
    issues.push({ path: "$.durability", message: `must be "fsync" or "none", got ${JSON.stringify(options.durability)}` });
  }
  if (options.segmentBytes !== undefined && !(Number.isInteger(options.segmentBytes) && options.segmentBytes >= 1024)) {
    issues.push({ path: "$.segmentBytes", message: "must be an integer >= 1024" });
  }
  if (options.pollIntervalMs !== undefined && !(Number.isFinite(options.pollIntervalMs) && options.pollIntervalMs > 0)) {
    issues.push({ path: "$.pollIntervalMs", message: "must be a positive number" });
  }
  if (issues.length > 0) throw new ValidationError("file log options", issues);
}

/** Creates meta.json on first open; refuses a directory holding another format or version. */
function checkMeta(dir: string, readOnly: boolean, durable: boolean): void {
  const path = metaPath(dir);
  if (!existsSync(path)) {
    if (readOnly) throw new BackendError(`No eventc file log at "${dir}" (no meta.json).`);
    mkdirSync(topicsDir(dir), { recursive: true });
    writeFileAtomicSync(path, `${JSON.stringify({ format: FORMAT_NAME, version: FORMAT_VERSION }, null, 2)}\n`, durable);
    return;
  }
  let meta: { format?: unknown; version?: unknown };
  try {
    meta = JSON.parse(readFileSync(path, "utf8")) as typeof meta;
  } catch (error) {
    throw new LogCorruptedError(path, 0, `meta.json is not valid JSON (${(error as Error).message})`);
  }
  if (meta.format !== FORMAT_NAME) throw new BackendError(`"${dir}" is not an eventc file log (meta.json format is ${JSON.stringify(meta.format)}).`);
  if (meta.version !== FORMAT_VERSION) {
    throw new BackendError(`The file log at "${dir}" has format version ${JSON.stringify(meta.version)}; this eventc reads version ${FORMAT_VERSION}.`);
  }
}

function checkStart(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new ValidationError(name, [{ path: "$", message: `must be an integer >= ${min}, got ${String(value)}` }]);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
