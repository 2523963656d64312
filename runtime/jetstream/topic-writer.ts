/**
 * Appends to one topic's stream: per-key optimistic concurrency, lifecycle and dense per-partition
 * offsets, each enforced by the server, with publishes pipelined.
 *
 * Every message is published with two server-checked expectations:
 * - `Nats-Expected-Last-Sequence` = the stream's last sequence this writer knows. The stream is the
 *   whole topic, so if it holds, nothing was appended to ANY partition or key since the state this
 *   writer computed the batch from: the offsets (partition's next offset) and the key's version and
 *   lifecycle state written into the message are exact. This check is also the one 2.9.x enforces
 *   correctly in clusters (it counts in-flight proposals), unlike the per-subject one (#4320).
 * - `Nats-Expected-Last-Subject-Sequence` = the key's last message, the per-key check the contract
 *   names (redundant with the first on a correct server; kept as a second line of defence).
 *
 * One process pipelines: it chains each publish on the sequence the previous one will get, without
 * waiting for acks, and on that message's identity (`Nats-Expected-Last-Msg-Id` = its Msg-Id), so a
 * chained publish can never pass on top of another writer's message that happened to take the
 * sequence its failed predecessor expected. When anything breaks the chain (another process appended, a timeout, a lost
 * connection) every in-flight publish is allowed to settle, caches are dropped, the stream's state
 * is read again, and the failed appends are retried in their original order. A retried append
 * first checks whether its earlier attempt was in fact stored (outcome unknown after a timeout), so
 * retries never duplicate; `Nats-Msg-Id` (the first event id) makes the server drop a repeat within
 * the duplicate window as well.
 */
import type { JetStreamClient, JetStreamManager, PubAck } from "@nats-io/jetstream";
import { JetStreamApiError } from "@nats-io/jetstream";
import { headers as natsHeaders } from "@nats-io/transport-node";
import type { StoredEvent } from "../envelope.js";
import { BackendError, ConcurrencyError, EventcError, LifecycleError, UnknownTopicError } from "../errors.js";
import { applyLifecycle } from "../lifecycle.js";
import type { AppendOptions, KeyState } from "../log.js";
import { keySubject, partitionFilter, type Namespace } from "./names.js";
import { checksum, encodeRecord, keyStateAfter, parseRecordBody, recordEvents, SUM_HEADER, type DecodedRecord, type RecordEvent } from "./record.js";
import type { RecordSource } from "./record-source.js";

/** An event ready to be written: id and time assigned, payload serialized. */
export interface PreparedEvent {
  readonly meta: Omit<RecordEvent, "d">;
  readonly dataJson: string;
}

export interface WriterSettings {
  readonly ns: Namespace;
  readonly topic: string;
  readonly stream: string;
  readonly publishTimeoutMs: number;
  readonly appendDeadlineMs: number;
  readonly keyCacheSize: number;
}

interface KeyEntry extends KeyState {
  /** Stream sequence of the key's last message (0: none). */
  readonly seq: number;
  /** Ids in the key's last message (a fast repeat check). */
  readonly ids: readonly string[];
}

interface Job {
  readonly order: number;
  readonly key: string;
  readonly partition: number;
  readonly events: readonly PreparedEvent[];
  readonly options: AppendOptions;
  readonly deadline: number;
  /** Ids the caller gave (not generated here): only these can be repeats. */
  readonly givenIds: boolean;
  attempts: number;
  /** The key's last sequence the previous attempt expected: that attempt may have been stored right after it. */
  uncertainAfter?: number;
  /** The server called the previous attempt a duplicate of the message at this sequence. */
  duplicateOf?: number;
  resolve(events: readonly StoredEvent[]): void;
  reject(error: unknown): void;
}

type Step = { kind: "publish"; expectedSeq: number; expectedMsgId: string | undefined; entry: KeyEntry; body: string; next: KeyEntry; firstOffset: number } | { kind: "done"; events: readonly StoredEvent[] } | { kind: "restart" };

export class TopicWriter {
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;
  readonly #source: RecordSource;
  readonly #settings: WriterSettings;
  readonly #queue: Job[] = [];
  #pumping = false;
  #generation = 0;
  #order = 0;
  #tail: Promise<number> | undefined;
  /** The tail once known (the chain's last sequence), for planning without awaiting. */
  #tailValue: number | undefined;
  /** Msg-Id of the chain's tail when it is a message this writer sent (undefined right after a fresh read). */
  #tailMsgId: string | undefined;
  readonly #partitionNext = new Map<number, Promise<number> | number>();
  readonly #keys = new Map<string, Promise<KeyEntry> | KeyEntry>();
  #inflight = 0;
  #broken = false;
  readonly #failed: Job[] = [];
  #drainWaiters: (() => void)[] = [];
  #consecutiveBreaks = 0;
  /** Highest sequence acknowledged in this generation (pipelined acks arrive in order). */
  #ackedThrough = 0;

  constructor(js: JetStreamClient, jsm: JetStreamManager, source: RecordSource, settings: WriterSettings) {
    this.#js = js;
    this.#jsm = jsm;
    this.#source = source;
    this.#settings = settings;
  }

  /** Queues an append of one key's prepared events; resolves to the stored events. */
  append(key: string, partition: number, events: readonly PreparedEvent[], options: AppendOptions, givenIds: boolean): Promise<readonly StoredEvent[]> {
    return new Promise((resolve, reject) => {
      // Start loading what the batch needs now, so loads of many keys overlap instead of queueing.
      if (!assertsNew(events, options)) this.#keyEntry(key, partition).catch(() => undefined);
      this.#nextOffset(partition).catch(() => undefined);
      this.#queue.push({
        order: this.#order++,
        key,
        partition,
        events,
        options,
        givenIds,
        deadline: Date.now() + this.#settings.appendDeadlineMs,
        attempts: 0,
        resolve,
        reject,
      });
      void this.#pump();
    });
  }

  /** Waits for in-flight publishes; rejects queued appends with `error`. */
  async shutdown(error: Error): Promise<void> {
    for (const job of this.#queue.splice(0)) job.reject(error);
    await this.#drained();
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#queue.length > 0 && !this.#broken) {
        const job = this.#queue[0]!;
        let step: Step;
        try {
          // Everything cached: plan without awaiting, so a burst of appends is published in one
          // tick (one socket write) instead of one write per append.
          step = this.#planNow(job) ?? (await this.#plan(job));
        } catch (error) {
          if (this.#queue[0] !== job) continue; // a recovery put earlier appends in front
          if (error instanceof EventcError) {
            this.#queue.shift();
            job.reject(error);
            continue;
          }
          // Transport trouble while reading state: retry until the deadline.
          if (Date.now() > job.deadline) {
            this.#queue.shift();
            job.reject(new BackendError(`Append to topic "${this.#settings.topic}" (key "${job.key}") failed: ${messageOf(error)}`, { cause: error }));
            continue;
          }
          this.#forget();
          await delay(Math.min(1_000, 50 * 2 ** Math.min(job.attempts++, 5)));
          continue;
        }
        if (this.#queue[0] !== job || this.#broken) continue;
        if (step.kind === "restart") continue;
        this.#queue.shift();
        if (step.kind === "done") {
          job.resolve(step.events);
          continue;
        }
        this.#send(job, step);
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** The plan when every state it needs is cached and nothing is unusual; undefined otherwise (then #plan decides). */
  #planNow(job: Job): Step | undefined {
    if (job.duplicateOf !== undefined || job.uncertainAfter !== undefined || this.#tailValue === undefined) return undefined;
    const firstOffset = this.#partitionNext.get(job.partition);
    if (typeof firstOffset !== "number") return undefined;
    const cached = this.#keys.get(job.key);
    let entry: KeyEntry;
    if (cached === undefined) {
      if (job.attempts !== 0 || !assertsNew(job.events, job.options)) return undefined;
      entry = entryOf(job.key, undefined);
    } else if (cached instanceof Promise) {
      return undefined;
    } else {
      entry = cached;
      this.#remember(job.key, cached);
    }
    if (job.givenIds && entry.ids.includes(job.events[0]!.meta.i)) return undefined;
    let next: KeyState;
    try {
      next = this.#check(job, entry);
    } catch {
      return undefined; // errors are judged from the server's state, in #plan
    }
    return this.#publishStep(job, this.#tailValue, entry, firstOffset, next);
  }

  #publishStep(job: Job, expectedSeq: number, entry: KeyEntry, firstOffset: number, next: KeyState): Step {
    const body = encodeRecord(
      { o: firstOffset, v: entry.version + 1, s: next.state, ...(next.ended ? { x: true as const } : {}) },
      job.events.map((e) => e.meta),
      job.events.map((e) => e.dataJson),
    );
    return { kind: "publish", expectedSeq, expectedMsgId: this.#tailMsgId, entry, body, firstOffset, next: { ...next, seq: expectedSeq + 1, ids: job.events.map((e) => e.meta.i) } };
  }

  /** Decides what to publish for `job` from the chain's state (or finds it already stored). */
  async #plan(job: Job): Promise<Step> {
    const generation = this.#generation;
    const { key, partition } = job;
    if (job.duplicateOf !== undefined) {
      const original = await this.#source.recordAt(job.duplicateOf);
      if (generation !== this.#generation) return { kind: "restart" };
      const byId = new Map((original ? recordEvents(this.#settings.topic, original) : []).map((e) => [e.id, e]));
      const found = job.events.map((e) => byId.get(e.meta.i));
      if (found.every((e) => e !== undefined)) return { kind: "done", events: found as StoredEvent[] };
      throw new BackendError(
        `Append to topic "${this.#settings.topic}" (key "${job.key}"): event id "${job.events[0]!.meta.i}" was already stored (sequence ${job.duplicateOf}) in a batch with other events; retry exactly the original batch.`,
      );
    }
    if (job.uncertainAfter !== undefined) {
      // The previous attempt's outcome is unknown: if it was stored, it is the key's next message.
      const stored = await this.#source.nextRecord(keySubject(this.#settings.ns, this.#settings.topic, partition, key), job.uncertainAfter + 1);
      if (generation !== this.#generation) return { kind: "restart" };
      if (stored && stored.body.e[0]?.i === job.events[0]!.meta.i) return { kind: "done", events: recordEvents(this.#settings.topic, stored) };
      delete job.uncertainAfter;
    }
    const expectedSeq = await this.#lastSeq();
    // A batch that can only be valid on a new key (expectedVersion 0, or a creating event first) is
    // planned as one, without reading the key: the publish expects the key's subject to be empty, so
    // if the key does exist the server rejects it and the retry reads the key and reports the error.
    const entry = !this.#keys.has(key) && job.attempts === 0 && assertsNew(job.events, job.options) ? entryOf(key, undefined) : await this.#keyEntry(key, partition);
    const firstOffset = await this.#nextOffset(partition);
    if (generation !== this.#generation || this.#broken) return { kind: "restart" };

    // A retry of the key's last append (e.g. after a lost ack) returns the stored events.
    if (job.givenIds && entry.ids.includes(job.events[0]!.meta.i)) {
      const repeat = await this.#repeatOf(job, entry);
      if (repeat) return { kind: "done", events: repeat };
      if (generation !== this.#generation) return { kind: "restart" };
    }

    let next: KeyState;
    try {
      next = this.#check(job, entry);
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof LifecycleError)) throw error;
      // Judge only from the server's current state, never from a possibly stale cache.
      await this.#drained();
      if (generation !== this.#generation) return { kind: "restart" };
      const fresh = await this.#source.lastKeyRecord(this.#settings.topic, partition, key);
      if ((fresh?.seq ?? 0) !== entry.seq) {
        job.attempts++; // judged from a stale or guessed state: next time, read the key
        this.#forget();
        return { kind: "restart" };
      }
      if (job.givenIds) {
        const repeats = await this.#source.findIds(this.#settings.topic, partition, key, job.events.map((e) => e.meta.i));
        if (repeats.length === job.events.length) return { kind: "done", events: repeats };
      }
      throw error;
    }
    return this.#publishStep(job, expectedSeq, entry, firstOffset, next);
  }

  #check(job: Job, entry: KeyEntry): KeyState {
    const expected = job.options.expectedVersion;
    if (expected !== undefined && expected !== entry.version) throw new ConcurrencyError(this.#settings.topic, job.key, expected, entry.version);
    return applyLifecycle(
      this.#settings.topic,
      { key: entry.key, version: entry.version, state: entry.state, ended: entry.ended },
      job.events.map((e) => e.meta.t),
      job.options.lifecycle,
    );
  }

  async #repeatOf(job: Job, entry: KeyEntry): Promise<readonly StoredEvent[] | undefined> {
    const record = await this.#source.recordAt(entry.seq);
    if (!record) return undefined;
    const events = recordEvents(this.#settings.topic, record);
    const byId = new Map(events.map((e) => [e.id, e]));
    const found = job.events.map((e) => byId.get(e.meta.i));
    return found.every((e) => e !== undefined) ? (found as StoredEvent[]) : undefined;
  }

  #send(job: Job, step: Extract<Step, { kind: "publish" }>): void {
    const { ns, topic, publishTimeoutMs } = this.#settings;
    const seq = step.expectedSeq + 1;
    this.#tail = Promise.resolve(seq);
    this.#tailValue = seq;
    this.#tailMsgId = job.events[0]!.meta.i;
    this.#partitionNext.set(job.partition, step.firstOffset + job.events.length);
    this.#remember(job.key, step.next);
    this.#inflight++;
    const subject = keySubject(ns, topic, job.partition, job.key);
    const hdrs = natsHeaders();
    hdrs.set(SUM_HEADER, checksum(step.body));
    const published = this.#js.publish(subject, step.body, {
      msgID: job.events[0]!.meta.i,
      timeout: publishTimeoutMs,
      headers: hdrs,
      expect: {
        lastSequence: step.expectedSeq,
        lastSubjectSequence: step.entry.seq,
        // Pins a pipelined publish to its predecessor's identity, not just its number: without it, if
        // the predecessor failed and another writer's message took its sequence, this one would pass.
        ...(step.expectedMsgId !== undefined ? { lastMsgID: step.expectedMsgId } : {}),
      },
    });
    published
      .then(
        (ack: PubAck) => {
          if (!ack.duplicate && ack.seq === seq) {
            this.#consecutiveBreaks = 0;
            if (seq > this.#ackedThrough) this.#ackedThrough = seq;
            const record: DecodedRecord = { seq, partition: job.partition, key: job.key, body: parseRecordBody(step.body) };
            job.resolve(recordEvents(topic, record));
            return;
          }
          // A repeat of an earlier message (the server's duplicate window): nothing new was stored,
          // so the chain is off by one. Retry: the plan finds the stored events by the key's ids.
          job.duplicateOf = ack.seq;
          this.#breakChain(job, step.entry.seq);
        },
        () => {
          // Wrong last sequence (another writer), timeout, lost connection, leader election: the
          // outcome may be unknown. Retry from fresh state; the plan checks whether it was stored.
          this.#breakChain(job, step.entry.seq);
        },
      )
      .finally(() => {
        this.#inflight--;
        if (this.#inflight === 0) {
          const waiters = this.#drainWaiters;
          this.#drainWaiters = [];
          for (const wake of waiters) wake();
          if (this.#broken) void this.#recover();
        }
      });
  }

  #breakChain(job: Job, expectedKeySeq: number): void {
    this.#broken = true;
    job.uncertainAfter = expectedKeySeq;
    this.#failed.push(job);
  }

  /** After every in-flight publish settled: drop caches, put failed appends back first, in order. */
  async #recover(): Promise<void> {
    this.#forget();
    const failed = this.#failed.splice(0).sort((a, b) => a.order - b.order);
    const retry: Job[] = [];
    for (const job of failed) {
      job.attempts++;
      if (Date.now() > job.deadline) {
        job.reject(new BackendError(`Append to topic "${this.#settings.topic}" (key "${job.key}") did not succeed within ${this.#settings.appendDeadlineMs} ms (${job.attempts} attempts).`));
      } else {
        retry.push(job);
      }
    }
    this.#queue.unshift(...retry);
    // Back off a little when the chain keeps breaking (another process writing the same topic).
    this.#consecutiveBreaks++;
    if (this.#consecutiveBreaks > 1) await delay(Math.min(500, Math.random() * 10 * this.#consecutiveBreaks));
    this.#broken = false;
    void this.#pump();
  }

  /** Drops every cached state (a new generation): the next plan reads the server again. */
  #forget(): void {
    this.#generation++;
    this.#tail = undefined;
    this.#tailValue = undefined;
    this.#tailMsgId = undefined;
    this.#partitionNext.clear();
    this.#keys.clear();
  }

  #drained(): Promise<void> {
    if (this.#inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#drainWaiters.push(resolve));
  }

  #lastSeq(): Promise<number> {
    if (this.#tail === undefined) {
      const loading: Promise<number> = this.#jsm.streams.info(this.#settings.stream).then(
        (info) => {
          if (this.#tail === loading) this.#tailValue = info.state.last_seq;
          return info.state.last_seq;
        },
        (error: unknown) => {
          if (this.#tail === loading) this.#tail = undefined;
          throw isApiError(error, 10059) ? new UnknownTopicError(this.#settings.topic) : error;
        },
      );
      this.#tail = loading;
    }
    return this.#tail;
  }

  async #nextOffset(partition: number): Promise<number> {
    let cached = this.#partitionNext.get(partition);
    if (cached === undefined) {
      // Read only after the tail: a value older than the tail could miss another writer's append
      // that the tail already covers (a newer one only makes the publish's expectation fail).
      const filter = partitionFilter(this.#settings.ns, this.#settings.topic, partition);
      const loading = this.#lastSeq()
        .then(() => this.#source.lastRecord(filter))
        .then((r) => {
          const next = r ? r.body.o + r.body.e.length : 0;
          if (this.#partitionNext.get(partition) === loading) this.#partitionNext.set(partition, next);
          return next;
        });
      loading.catch(() => {
        if (this.#partitionNext.get(partition) === loading) this.#partitionNext.delete(partition);
      });
      this.#partitionNext.set(partition, loading);
      cached = loading;
    }
    return cached;
  }

  async #keyEntry(key: string, partition: number): Promise<KeyEntry> {
    let cached = this.#keys.get(key);
    if (cached === undefined) {
      const loading = this.#lastSeq()
        .then(() => this.#source.lastKeyRecord(this.#settings.topic, partition, key))
        .then((r) => {
          const entry = entryOf(key, r);
          if (this.#keys.get(key) === loading) this.#keys.set(key, entry);
          return entry;
        });
      loading.catch(() => {
        if (this.#keys.get(key) === loading) this.#keys.delete(key);
      });
      cached = loading;
      this.#remember(key, loading);
    }
    return cached;
  }

  #remember(key: string, entry: Promise<KeyEntry> | KeyEntry): void {
    this.#keys.delete(key); // re-insert: Map order is the LRU order
    this.#keys.set(key, entry);
    // Evict the least recently used, but never a key whose last message is still in flight: reloading
    // it from the server would miss that message.
    for (const [oldest, value] of this.#keys) {
      if (this.#keys.size <= this.#settings.keyCacheSize) break;
      if (!(value instanceof Promise) && value.seq > this.#ackedThrough) break;
      this.#keys.delete(oldest);
    }
  }
}

function assertsNew(events: readonly PreparedEvent[], options: AppendOptions): boolean {
  if (options.expectedVersion === 0) return true;
  const first = events[0];
  return first !== undefined && options.lifecycle?.[first.meta.t]?.creates === true;
}

function entryOf(key: string, record: DecodedRecord | undefined): KeyEntry {
  if (!record) return { key, version: 0, state: null, ended: false, seq: 0, ids: [] };
  return { ...keyStateAfter(key, record.body), seq: record.seq, ids: record.body.e.map((e) => e.i) };
}

export function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
