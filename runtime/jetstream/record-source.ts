/**
 * Reads of one topic's stream: single messages by sequence or subject (the stream leader's
 * `STREAM.MSG.GET`, always consistent), and ordered ranges through an ordered consumer.
 * Every message is checked against its checksum and decoded into a DecodedRecord.
 */
import type { JetStreamClient, JetStreamManager, StoredMsg } from "@nats-io/jetstream";
import { DeliverPolicy } from "@nats-io/jetstream";
import type { StoredEvent } from "../envelope.js";
import { LogCorruptedError } from "../errors.js";
import { keySubject, parseEventSubject, type Namespace } from "./names.js";
import { checksum, parseRecordBody, recordEvents, SUM_HEADER, type DecodedRecord } from "./record.js";

/** Raw message fields both read paths have. */
export interface RawMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
  readonly sum: string | undefined;
}

const textDecoder = new TextDecoder();

/**
 * Decodes one message; undefined for non-event messages (the topic descriptor).
 * A message whose bytes do not match its checksum, or that is not a record, is a LogCorruptedError.
 */
export function decodeMessage(stream: string, topic: string, message: RawMessage): DecodedRecord | undefined {
  const place = parseEventSubject(message.subject);
  if (!place) return undefined;
  if (message.sum === undefined || checksum(message.data) !== message.sum) {
    throw new LogCorruptedError(`stream ${stream}`, message.seq, `message ${message.seq} (${message.subject}) does not match its checksum`, topic, place.partition);
  }
  try {
    return { seq: message.seq, partition: place.partition, key: place.key, body: parseRecordBody(textDecoder.decode(message.data)) };
  } catch (error) {
    throw new LogCorruptedError(`stream ${stream}`, message.seq, `message ${message.seq} is not a readable record: ${error instanceof Error ? error.message : String(error)}`, topic, place.partition);
  }
}

export class RecordSource {
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;
  readonly #ns: Namespace;
  readonly #stream: string;
  readonly #topic: string;

  constructor(js: JetStreamClient, jsm: JetStreamManager, ns: Namespace, stream: string, topic: string) {
    this.#js = js;
    this.#jsm = jsm;
    this.#ns = ns;
    this.#stream = stream;
    this.#topic = topic;
  }

  get stream(): string {
    return this.#stream;
  }

  /** The message at `seq` (undefined if there is none or it is not an event). */
  async recordAt(seq: number): Promise<DecodedRecord | undefined> {
    return this.#decode(await this.#jsm.streams.getMessage(this.#stream, { seq }));
  }

  /** The last event message matching `filter` (a subject, wildcards allowed). */
  async lastRecord(filter: string): Promise<DecodedRecord | undefined> {
    return this.#decode(await this.#jsm.streams.getMessage(this.#stream, { last_by_subj: filter }));
  }

  lastKeyRecord(topic: string, partition: number, key: string): Promise<DecodedRecord | undefined> {
    return this.lastRecord(keySubject(this.#ns, topic, partition, key));
  }

  /** The first event message matching `filter` at or after `fromSeq`. */
  async nextRecord(filter: string, fromSeq: number): Promise<DecodedRecord | undefined> {
    // 2.9 servers accept `next_by_subj` on STREAM.MSG.GET; the client's type only lists the direct-get form.
    const query = { seq: fromSeq, next_by_subj: filter } as unknown as { seq: number };
    return this.#decode(await this.#jsm.streams.getMessage(this.#stream, query));
  }

  /** The stored events among `ids` of a key (in `ids` order; missing ones left out). Reads the key's whole stream. */
  async findIds(topic: string, partition: number, key: string, ids: readonly string[]): Promise<StoredEvent[]> {
    const wanted = new Set(ids);
    const found = new Map<string, StoredEvent>();
    const last = await this.lastKeyRecord(topic, partition, key);
    if (!last) return [];
    for await (const record of this.records(keySubject(this.#ns, topic, partition, key), 1, last.seq)) {
      for (const event of recordEvents(topic, record)) if (wanted.has(event.id)) found.set(event.id, event);
    }
    return ids.flatMap((id) => {
      const event = found.get(id);
      return event ? [event] : [];
    });
  }

  /**
   * Event messages matching `filter` with sequences from `fromSeq` to `toSeq` inclusive, in order,
   * through an ordered consumer (flow-controlled: memory stays bounded). `toSeq` must be a sequence
   * that matches `filter` (the caller's captured end).
   *
   * If no message arrives for `stallMs` (the server holding the consumer died, a leader moved), the
   * consumer is recreated from the next sequence; after 5 stalls in a row the read fails.
   */
  async *records(filter: string, fromSeq: number, toSeq: number, signal?: AbortSignal, stallMs = 10_000): AsyncGenerator<DecodedRecord> {
    let next = Math.max(1, fromSeq);
    for (let stalls = 0; next <= toSeq; ) {
      const consumer = await this.#js.consumers.get(this.#stream, { filter_subjects: filter, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: next });
      const messages = await consumer.consume({ max_messages: 512 });
      let stalled = false;
      let timer: NodeJS.Timeout | undefined;
      const watch = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          stalled = true;
          void messages.stop();
        }, stallMs);
      };
      const stop = (): void => void messages.stop();
      signal?.addEventListener("abort", stop, { once: true });
      watch();
      try {
        for await (const m of messages) {
          signal?.throwIfAborted();
          watch();
          stalls = 0;
          if (m.seq > toSeq) {
            next = toSeq + 1;
            break;
          }
          next = m.seq + 1;
          const record = decodeMessage(this.#stream, this.#topic, { seq: m.seq, subject: m.subject, data: m.data, sum: m.headers?.get(SUM_HEADER) || undefined });
          if (record) yield record;
          if (m.seq >= toSeq) break;
        }
        signal?.throwIfAborted();
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", stop);
        messages.stop();
        await consumer.delete().catch(() => undefined);
      }
      if (next <= toSeq && !stalled) throw new Error(`reading stream ${this.#stream} (${filter}) ended at sequence ${next - 1} before ${toSeq}`);
      if (stalled) {
        // The consumer may sit on a replica still catching up after a restart: read on through the
        // stream leader, message by message, then try a consumer again.
        if (++stalls >= 5) throw new Error(`reading stream ${this.#stream} (${filter}) stalled at sequence ${next} (${stalls} times ${stallMs} ms without a message)`);
        for (let n = 0; n < 1_000 && next <= toSeq; n++) {
          signal?.throwIfAborted();
          const record = await this.nextRecord(filter, next);
          if (!record || record.seq > toSeq) {
            next = toSeq + 1;
            break;
          }
          next = record.seq + 1;
          stalls = 0;
          yield record;
        }
      }
    }
  }

  #decode(message: StoredMsg | null): DecodedRecord | undefined {
    if (!message) return undefined;
    return decodeMessage(this.#stream, this.#topic, { seq: message.seq, subject: message.subject, data: message.data, sum: message.header?.get(SUM_HEADER) || undefined });
  }
}
