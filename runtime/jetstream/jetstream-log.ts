/**
 * The log contract on NATS JetStream (see docs/runtime.md, "JetStream backend", for the mapping).
 *
 * - one stream per topic (file storage, deny delete/purge, no limits, discard new, duplicate window);
 * - subject per event `<root>.<topic>.<partition>.<key>` (names.ts encodes topic and key reversibly);
 * - one message per append batch (record.ts), so a batch is all or none;
 * - appends chained on the stream's last sequence (topic-writer.ts): dense offsets, per-key
 *   concurrency and lifecycle, all checked by the server;
 * - consumer groups: the shared engine over partition reads, with offsets checkpointed in a
 *   JetStream checkpoint stream and live tailing through core NATS subscriptions.
 */
import { connect, type ConnectionOptions, type NatsConnection } from "@nats-io/transport-node";
import { jetstream, jetstreamManager, DiscardPolicy, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager } from "@nats-io/jetstream";
import type { NewEvent, StoredEvent } from "../envelope.js";
import { checkBatch, checkTopicSpec, normalizeTime } from "../append-batch.js";
import { BackendError, DuplicateVersionError, EventcError, LogClosedError, TopicMismatchError, UnknownTopicError, ValidationError } from "../errors.js";
import { isEventId, eventIdTime, newEventId } from "../ids.js";
import { encodeJson } from "../json-codec.js";
import type { AppendOptions, GroupPosition, KeyState, Log, ReadOptions, ReplayFrom, SubscribeOptions, Subscription, TopicSpec, TopicStats, VerifyResult } from "../log.js";
import { partitionFor } from "../partitioner.js";
import { limited, replayTopics } from "../replay-merge.js";
import { startConsumerGroup, type SubscriptionSource } from "../subscription/consumer-group.js";
import type { ValidationIssue } from "../validation/result.js";
import { genesisSubject, keySubject, partitionFilter, streamName, topicSubjects, type Namespace } from "./names.js";
import { keyStateAfter, recordEvents, type DecodedRecord } from "./record.js";
import { RecordSource } from "./record-source.js";
import { isApiError, TopicWriter, type PreparedEvent } from "./topic-writer.js";
import { CheckpointStream } from "./checkpoint-stream.js";
import { checkServerVersion } from "./server-version.js";
import { verifyTopic } from "./verify-topic.js";

export interface JetStreamLogOptions {
  readonly nats: {
    /** Server URLs (`nats://127.0.0.1:4222`); several for a cluster. */
    readonly servers: string | readonly string[];
    /** Any other option of the NATS client's `connect` (user, token, tls, ...). */
    readonly connection?: Partial<ConnectionOptions>;
    /** First subject token of every event. Default "eventc". */
    readonly subjectRoot?: string;
    /** Prefix of every stream name. Default "EVENTC". */
    readonly streamPrefix?: string;
    /** Replicas of each topic stream (1, 3 or 5 in a cluster). Default 1. */
    readonly replicas?: number;
    /** The server's duplicate window for `Nats-Msg-Id` (idempotent retries), in ms. Default 120000. */
    readonly duplicateWindowMs?: number;
    /** Wait for one publish acknowledgement, in ms. Default 5000. */
    readonly publishTimeoutMs?: number;
    /** Give up on an append (retrying through reconnects and leader elections) after this long, in ms. Default 30000. */
    readonly appendDeadlineMs?: number;
    /** Key states cached per topic by the writer. Default 100000. */
    readonly keyCacheSize?: number;
    /** Where warnings go (server version below the safe minimum, ...). Default console.warn. */
    readonly onWarning?: (message: string) => void;
  };
  /** Text for messages. Default "JetStream log at <servers>". */
  readonly description?: string;
}

interface OpenTopic {
  readonly spec: TopicSpec;
  readonly stream: string;
  readonly source: RecordSource;
  readonly writer: TopicWriter;
}

interface TopicDescription {
  readonly eventc: 1;
  readonly topic: string;
  readonly partitions: number;
}

const TOPIC_DESCRIPTION_PREFIX = "eventc topic ";

export async function openJetStreamLog(options: JetStreamLogOptions): Promise<Log> {
  const settings = checkOptions(options);
  let nc: NatsConnection;
  try {
    nc = await connect({
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      // The client otherwise builds two Error objects (for stack traces) per request: ~15% of an
      // append's CPU. Our errors name topic, key and offset instead.
      noAsyncTraces: true,
      ...settings.connection,
      servers: typeof settings.servers === "string" ? settings.servers : [...settings.servers],
    });
  } catch (error) {
    throw new BackendError(`Cannot connect to NATS at ${String(settings.servers)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const info = nc.info;
  const warning = checkServerVersion(info?.version ?? "0.0.0", Boolean(info?.cluster), settings.replicas);
  if (warning) settings.onWarning(warning);
  if (info && info.jetstream === false) {
    await nc.close();
    throw new BackendError(`NATS server ${info.server_name} at ${String(settings.servers)} has JetStream disabled; start it with -js.`);
  }
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  return new JetStreamLog(nc, js, jsm, settings, options.description ?? `JetStream log at ${String(settings.servers)}`);
}

type Settings = ReturnType<typeof checkOptions>;

function checkOptions(options: JetStreamLogOptions) {
  const issues: ValidationIssue[] = [];
  const nats = options?.nats;
  if (nats === null || typeof nats !== "object") throw new ValidationError("JetStream log options", [{ path: "$.nats", message: "must be an object with servers" }]);
  const positive = (name: keyof typeof nats, fallback: number): number => {
    const value = nats[name];
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) issues.push({ path: `$.nats.${name}`, message: "must be a positive integer" });
    return value as number;
  };
  const token = (name: "subjectRoot" | "streamPrefix", fallback: string): string => {
    const value = nats[name] ?? fallback;
    if (typeof value !== "string" || !/^[A-Za-z0-9_-]+$/.test(value)) issues.push({ path: `$.nats.${name}`, message: "must be letters, digits, '-' or '_'" });
    return value;
  };
  const servers = nats.servers;
  if (!(typeof servers === "string" ? servers.length > 0 : Array.isArray(servers) && servers.length > 0)) {
    issues.push({ path: "$.nats.servers", message: "must be a server URL or a non-empty list of them" });
  }
  const settings = {
    servers,
    connection: nats.connection ?? {},
    ns: { subjectRoot: token("subjectRoot", "eventc"), streamPrefix: token("streamPrefix", "EVENTC") } as Namespace,
    replicas: positive("replicas", 1),
    duplicateWindowMs: positive("duplicateWindowMs", 120_000),
    publishTimeoutMs: positive("publishTimeoutMs", 5_000),
    appendDeadlineMs: positive("appendDeadlineMs", 30_000),
    keyCacheSize: positive("keyCacheSize", 100_000),
    onWarning: nats.onWarning ?? ((message: string) => console.warn(message)),
  };
  if (issues.length > 0) throw new ValidationError("JetStream log options", issues);
  return settings;
}

class JetStreamLog implements Log {
  readonly description: string;
  readonly #nc: NatsConnection;
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;
  readonly #settings: Settings;
  readonly #topics = new Map<string, Promise<OpenTopic>>();
  readonly #subscriptions = new Set<Subscription>();
  readonly #checkpoints: CheckpointStream;
  #closed = false;

  constructor(nc: NatsConnection, js: JetStreamClient, jsm: JetStreamManager, settings: Settings, description: string) {
    this.#nc = nc;
    this.#js = js;
    this.#jsm = jsm;
    this.#settings = settings;
    this.description = description;
    this.#checkpoints = new CheckpointStream(js, jsm, settings.ns, settings.replicas);
  }

  /** The connected server's version (for reports). */
  get serverVersion(): string {
    return this.#nc.info?.version ?? "unknown";
  }

  async ensureTopic(topic: TopicSpec): Promise<void> {
    this.#open();
    checkTopicSpec(topic);
    const { ns, replicas, duplicateWindowMs } = this.#settings;
    const stream = streamName(ns, topic.name);
    const description: TopicDescription = { eventc: 1, topic: topic.name, partitions: topic.partitions };
    try {
      await this.#jsm.streams.add({
        name: stream,
        description: TOPIC_DESCRIPTION_PREFIX + JSON.stringify(description),
        subjects: [topicSubjects(ns, topic.name)],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.New,
        max_msgs: -1,
        max_bytes: -1,
        max_age: 0,
        max_msgs_per_subject: -1,
        num_replicas: replicas,
        duplicate_window: duplicateWindowMs * 1_000_000,
        deny_delete: true,
        deny_purge: true,
        allow_rollup_hdrs: false,
        allow_direct: false,
      });
    } catch (error) {
      // 10058: a stream of that name exists with another configuration: compare partitions.
      if (!isApiError(error, 10058)) throw this.#backend(`create the stream of topic "${topic.name}"`, error);
    }
    const stored = await this.#describe(stream);
    if (!stored || stored.topic !== topic.name) {
      throw new BackendError(`Stream "${stream}" exists but does not hold eventc topic "${topic.name}"; refusing to write into it.`);
    }
    if (stored.partitions !== topic.partitions) throw new TopicMismatchError(topic.name, stored.partitions, topic.partitions);
    // The topic descriptor takes sequence 1, so every event publish can expect a last sequence >= 1.
    await this.#js
      .publish(genesisSubject(ns, topic.name), JSON.stringify(description), { msgID: `${stream}-genesis`, expect: { lastSequence: 0 } })
      .catch((error: unknown) => {
        if (!isApiError(error, 10071)) throw this.#backend(`write the descriptor of topic "${topic.name}"`, error);
      });
  }

  async append(topicName: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<readonly StoredEvent[]> {
    this.#open();
    const key = checkBatch(topicName, events, options);
    const topic = await this.#topic(topicName);
    if (key === undefined) return Object.freeze([]);
    const now = new Date().toISOString();
    const prepared: PreparedEvent[] = events.map((e, i) => ({
      meta: {
        i: e.id ?? newEventId(),
        t: e.type,
        sv: e.schemaVersion,
        tm: e.time === undefined ? now : normalizeTime(e.time)!,
        ...(e.correlationId !== undefined ? { c: e.correlationId } : {}),
        ...(e.causationId !== undefined ? { z: e.causationId } : {}),
      },
      dataJson: encodeJson(e.data, `data of event $[${i}] ("${e.type}") for topic "${topicName}"`),
    }));
    const partition = partitionFor(key, topic.spec.partitions);
    const givenIds = events.some((e) => e.id !== undefined);
    // Ids the server's duplicate window cannot vouch for (not fresh UUIDv7s, or not first in a
    // batch) are looked up in the key's stream before writing: a repeat returns what is stored.
    if (givenIds && !this.#serverDedupes(events)) {
      const stored = await topic.source.findIds(topicName, partition, key, prepared.map((p) => p.meta.i));
      if (stored.length > 0) {
        const byId = new Map(stored.map((e) => [e.id, e]));
        const fresh = prepared.filter((p) => !byId.has(p.meta.i));
        if (fresh.length === 0) return Object.freeze(prepared.map((p) => byId.get(p.meta.i)!));
        const appended = await topic.writer.append(key, partition, fresh, options, true);
        const byNewId = new Map(appended.map((e) => [e.id, e]));
        return Object.freeze(prepared.map((p) => byId.get(p.meta.i) ?? byNewId.get(p.meta.i)!));
      }
    }
    return Object.freeze(await topic.writer.append(key, partition, prepared, options, givenIds));
  }

  /** True when every given id is a fresh UUIDv7 in a one-event batch: `Nats-Msg-Id` catches its repeats. */
  #serverDedupes(events: readonly NewEvent[]): boolean {
    if (events.length !== 1) return false;
    const id = events[0]!.id;
    if (id === undefined) return true;
    // Margin for clock skew between this process and the server's window.
    return isEventId(id) && Date.now() - eventIdTime(id) < this.#settings.duplicateWindowMs - 30_000;
  }

  async keyState(topicName: string, key: string): Promise<KeyState> {
    this.#open();
    const topic = await this.#topic(topicName);
    const record = await topic.source.lastKeyRecord(topicName, partitionFor(key, topic.spec.partitions), key);
    return Object.freeze(record ? keyStateAfter(key, record.body) : { key, version: 0, state: null, ended: false });
  }

  readPartition(topicName: string, partition: number, fromOffset = 0, options: ReadOptions = {}): AsyncIterable<StoredEvent> {
    this.#open();
    // The end is fixed now, at the call, not at the first next().
    const ready = this.#topic(topicName).then(async (topic) => {
      if (!Number.isInteger(partition) || partition < 0 || partition >= topic.spec.partitions) {
        throw new ValidationError(`read of topic "${topicName}"`, [{ path: "partition", message: `must be an integer from 0 to ${topic.spec.partitions - 1}` }]);
      }
      return { topic, end: await topic.source.lastRecord(partitionFilter(this.#settings.ns, topicName, partition)) };
    });
    ready.catch(() => undefined);
    const self = this;
    return limited(
      (async function* () {
        const { topic, end } = await ready;
        yield* self.#partitionEvents(topic, partition, fromOffset, end, new KeyVersions(topicName), options.signal);
      })(),
      options,
    );
  }

  async *#partitionEvents(topic: OpenTopic, partition: number, fromOffset: number, end: DecodedRecord | undefined, versions: KeyVersions, signal?: AbortSignal): AsyncGenerator<StoredEvent> {
    if (!end || end.body.o + end.body.e.length <= fromOffset) return;
    const filter = partitionFilter(this.#settings.ns, topic.spec.name, partition);
    const startSeq = fromOffset === 0 ? 1 : await this.#seqHolding(topic, filter, fromOffset, end.seq);
    let next: number | undefined;
    for await (const record of topic.source.records(filter, startSeq, end.seq, signal)) {
      if (next !== undefined && record.body.o !== next) {
        throw new BackendError(
          `Partition ${partition} of topic "${topic.spec.name}" is not dense: stream sequence ${record.seq} holds offset ${record.body.o}, expected ${next}. The server broke the append chain; refusing to skip or repeat.`,
        );
      }
      next = record.body.o + record.body.e.length;
      for (const event of recordEvents(topic.spec.name, record)) {
        versions.check(event);
        if (event.offset >= fromOffset) yield event;
      }
    }
  }

  /**
   * Binary search over stream sequences for where to start reading `offset`: the smallest s such that
   * the partition's first message at or after s ends at or beyond `offset` (monotone in s).
   */
  async #seqHolding(topic: OpenTopic, filter: string, offset: number, endSeq: number): Promise<number> {
    let lo = 1;
    let hi = endSeq;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const record = await topic.source.nextRecord(filter, mid);
      if (record && record.body.o + record.body.e.length - 1 >= offset) hi = mid;
      else lo = record ? Math.min(record.seq + 1, hi) : hi;
    }
    return lo;
  }

  readKey(topicName: string, key: string, fromVersion = 1, options: ReadOptions = {}): AsyncIterable<StoredEvent> {
    this.#open();
    const ready = this.#topic(topicName).then(async (topic) => {
      const partition = partitionFor(key, topic.spec.partitions);
      return { topic, partition, end: await topic.source.lastKeyRecord(topicName, partition, key) };
    });
    ready.catch(() => undefined);
    const ns = this.#settings.ns;
    return limited(
      (async function* () {
        const { topic, partition, end } = await ready;
        if (!end) return;
        const versions = new KeyVersions(topicName);
        for await (const record of topic.source.records(keySubject(ns, topicName, partition, key), 1, end.seq, options.signal)) {
          for (const event of recordEvents(topicName, record)) {
            versions.check(event);
            if (event.version >= fromVersion) yield event;
          }
        }
      })(),
      options,
    );
  }

  replay(topics: readonly string[], from?: ReplayFrom, options?: ReadOptions): AsyncIterable<StoredEvent> {
    this.#open();
    return replayTopics(
      {
        partitionCount: async (topic) => (await this.#topic(topic)).spec.partitions,
        readPartition: (topic, partition, fromOffset) => this.readPartition(topic, partition, fromOffset),
      },
      topics,
      from,
      options,
    );
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.#open();
    const versions = new Map<string, KeyVersions>();
    const source: SubscriptionSource = {
      partitionCount: async (topic) => (await this.#topic(topic)).spec.partitions,
      endOffset: async (topic, partition) => {
        const t = await this.#topic(topic);
        const last = await t.source.lastRecord(partitionFilter(this.#settings.ns, topic, partition));
        return last ? last.body.o + last.body.e.length : 0;
      },
      readPartition: (topic, partition, fromOffset, readOptions) => {
        // One version tracker per subscription and topic: a duplicate key version is caught across reads.
        let tracker = versions.get(topic);
        if (!tracker) versions.set(topic, (tracker = new KeyVersions(topic)));
        const t = tracker;
        const ready = this.#topic(topic).then(async (open) => ({ open, end: await open.source.lastRecord(partitionFilter(this.#settings.ns, topic, partition)) }));
        ready.catch(() => undefined);
        const self = this;
        return limited(
          (async function* () {
            try {
              const { open, end } = await ready;
              yield* self.#partitionEvents(open, partition, fromOffset, end, t, readOptions?.signal);
            } catch (error) {
              // Lost connection, leader election: end this read early; the engine waits and reads
              // again from its position. Errors of the log itself (corruption, gaps) stop it.
              if (error instanceof EventcError) throw error;
            }
          })(),
          readOptions,
        );
      },
      waitForAppend: (topic, partition, fromOffset, signal) => this.#waitForAppend(topic, partition, fromOffset, signal),
    };
    const subscription = await startConsumerGroup(source, this.#checkpoints, options);
    this.#subscriptions.add(subscription);
    subscription.closed.then(
      () => this.#subscriptions.delete(subscription),
      () => this.#subscriptions.delete(subscription),
    );
    return subscription;
  }

  /** Resolves when the partition holds an event at `fromOffset` or later: a core NATS subscription sees every publish. */
  async #waitForAppend(topic: string, partition: number, fromOffset: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const sub = this.#nc.subscribe(partitionFilter(this.#settings.ns, topic, partition), { max: 1 });
    try {
      // Subscribed first, then checked: an append between the two is seen by one or the other.
      await this.#nc.flush();
      const open = await this.#topic(topic);
      const last = await open.source.lastRecord(partitionFilter(this.#settings.ns, topic, partition));
      if (last && last.body.o + last.body.e.length > fromOffset) return;
      if (signal.aborted) return;
      await new Promise<void>((resolve) => {
        const done = (): void => resolve();
        signal.addEventListener("abort", done, { once: true });
        // Periodic re-check too, in case a notification was lost in a reconnect.
        const timer = setTimeout(done, 2_000);
        void (async () => {
          for await (const _ of sub) break;
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          resolve();
        })();
      });
    } catch {
      // A failed check (server unreachable, leader election): wait a little, then the worker reads
      // again (a spurious wake-up is allowed).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
    } finally {
      sub.unsubscribe();
    }
  }

  async groupPosition(group: string): Promise<GroupPosition> {
    this.#open();
    return this.#checkpoints.load(group);
  }

  async topics(): Promise<readonly TopicSpec[]> {
    this.#open();
    const out: TopicSpec[] = [];
    const prefix = `${this.#settings.ns.streamPrefix}_`;
    for await (const info of this.#jsm.streams.list()) {
      if (!info.config.name.startsWith(prefix)) continue;
      const described = parseDescription(info.config.description);
      if (described && streamName(this.#settings.ns, described.topic) === info.config.name) out.push(Object.freeze({ name: described.topic, partitions: described.partitions }));
    }
    return Object.freeze(out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  }

  async stats(): Promise<readonly TopicStats[]> {
    this.#open();
    const out: TopicStats[] = [];
    for (const spec of await this.topics()) {
      const topic = await this.#topic(spec.name);
      const info = await this.#jsm.streams.info(topic.stream);
      const counts: number[] = [];
      for (let p = 0; p < spec.partitions; p++) {
        const last = await topic.source.lastRecord(partitionFilter(this.#settings.ns, spec.name, p));
        counts.push(last ? last.body.o + last.body.e.length : 0);
      }
      const events = counts.reduce((a, b) => a + b, 0);
      // JetStream reports bytes per stream only: spread them over partitions by event count (see docs).
      const bytes = info.state.bytes;
      const shares = counts.map((c) => (events === 0 ? 0 : Math.floor((bytes * c) / events)));
      const rest = bytes - shares.reduce((a, b) => a + b, 0);
      const largest = counts.indexOf(Math.max(...counts));
      if (largest >= 0) shares[largest] = shares[largest]! + rest;
      out.push(
        Object.freeze({
          name: spec.name,
          partitions: Object.freeze(counts.map((events, partition) => Object.freeze({ partition, events, bytes: shares[partition]! }))),
          events,
          // Subjects are keys, plus the topic descriptor's own subject.
          keys: Math.max(0, (info.state.num_subjects ?? 1) - 1),
          bytes,
        }),
      );
    }
    return Object.freeze(out);
  }

  async verify(options: { readonly onProgress?: (checked: number, total: number) => void } = {}): Promise<VerifyResult> {
    this.#open();
    let checked = 0;
    const topics = await this.topics();
    const states = await Promise.all(topics.map(async (t) => (await this.#jsm.streams.info(streamName(this.#settings.ns, t.name))).state));
    const total = states.reduce((n, s) => n + s.messages, 0);
    for (const [i, spec] of topics.entries()) {
      const topic = await this.#topic(spec.name);
      const state = states[i]!;
      if (state.first_seq > 1 || (state.num_deleted ?? 0) > 0) {
        return Object.freeze({
          ok: false,
          eventsChecked: checked,
          firstBad: { topic: spec.name, partition: 0, offset: 0, file: `stream ${topic.stream}`, position: state.first_seq, reason: `messages were removed from the stream (first sequence ${state.first_seq}, ${state.num_deleted ?? 0} deleted)` },
        });
      }
      const result = await verifyTopic(topic.source, spec, topicSubjects(this.#settings.ns, spec.name), state.last_seq, (n) => options.onProgress?.(checked + n, total));
      checked += result.eventsChecked;
      if (!result.ok) return Object.freeze({ ...result, eventsChecked: checked });
    }
    return Object.freeze({ ok: true, eventsChecked: checked });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((s) => s.stop()));
    const closedError = new LogClosedError(this.description);
    for (const topic of this.#topics.values()) {
      const open = await topic.catch(() => undefined);
      if (open) await open.writer.shutdown(closedError);
    }
    await this.#nc.drain().catch(() => this.#nc.close());
  }

  #open(): void {
    if (this.#closed) throw new LogClosedError(this.description);
  }

  #topic(name: string): Promise<OpenTopic> {
    let open = this.#topics.get(name);
    if (!open) {
      open = this.#openTopic(name);
      this.#topics.set(name, open);
      open.catch(() => this.#topics.delete(name));
    }
    return open;
  }

  async #openTopic(name: string): Promise<OpenTopic> {
    if (typeof name !== "string" || name.length === 0) throw new UnknownTopicError(String(name));
    const stream = streamName(this.#settings.ns, name);
    const described = await this.#describe(stream);
    if (!described || described.topic !== name) throw new UnknownTopicError(name);
    const source = new RecordSource(this.#js, this.#jsm, this.#settings.ns, stream, name);
    const writer = new TopicWriter(this.#js, this.#jsm, source, {
      ns: this.#settings.ns,
      topic: name,
      stream,
      publishTimeoutMs: this.#settings.publishTimeoutMs,
      appendDeadlineMs: this.#settings.appendDeadlineMs,
      keyCacheSize: this.#settings.keyCacheSize,
    });
    return { spec: Object.freeze({ name, partitions: described.partitions }), stream, source, writer };
  }

  async #describe(stream: string): Promise<TopicDescription | undefined> {
    try {
      const info = await this.#jsm.streams.info(stream);
      return parseDescription(info.config.description);
    } catch (error) {
      if (isApiError(error, 10059)) return undefined;
      throw this.#backend(`read stream "${stream}"`, error);
    }
  }

  #backend(what: string, error: unknown): BackendError {
    return new BackendError(`Cannot ${what} on ${this.description}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function parseDescription(description: string | undefined): TopicDescription | undefined {
  if (!description?.startsWith(TOPIC_DESCRIPTION_PREFIX)) return undefined;
  try {
    const parsed = JSON.parse(description.slice(TOPIC_DESCRIPTION_PREFIX.length)) as TopicDescription;
    return parsed.eventc === 1 && typeof parsed.topic === "string" && Number.isInteger(parsed.partitions) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Catches two events claiming one key version (possible only if the server let two concurrent
 * writers pass the same expectation, nats-server #4320). Remembers the last version per key for a
 * bounded number of keys.
 */
export class KeyVersions {
  readonly #topic: string;
  readonly #last = new Map<string, { version: number; id: string }>();
  constructor(topic: string, readonly capacity = 100_000) {
    this.#topic = topic;
  }

  check(event: StoredEvent): void {
    const last = this.#last.get(event.key);
    if (last && event.version <= last.version && event.id !== last.id) {
      throw new DuplicateVersionError(this.#topic, event.key, event.version, [last.id, event.id]);
    }
    if (last && event.version !== last.version + 1 && event.id !== last.id) {
      throw new BackendError(`Key "${event.key}" of topic "${this.#topic}" jumps from version ${last.version} to ${event.version} (event ${event.id}): a version is missing.`);
    }
    this.#last.delete(event.key);
    this.#last.set(event.key, { version: event.version, id: event.id });
    if (this.#last.size > this.capacity) {
      const oldest = this.#last.keys().next().value;
      if (oldest !== undefined) this.#last.delete(oldest);
    }
  }
}
