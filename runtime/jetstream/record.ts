/**
 * One JetStream message = one append batch of one key (usually a single event), so a batch is
 * stored all or none by construction: NATS 2.9 has no multi-message atomic publish.
 *
 * Body (JSON, compact field names because every message carries them):
 *   { "o": first offset, "v": first version, "s": lifecycle state after the batch (or null),
 *     "x": true once ended (omitted otherwise),
 *     "e": [ { "i": id, "t": type, "sv": schemaVersion, "tm": time, "c"?: correlationId, "z"?: causationId, "d": data } ] }
 * Header `Eventc-Sum`: the first 32 hex digits of the SHA-256 of the body, checked by readers and verify().
 * Topic, partition and key come from the subject (see names.ts).
 */
import { createHash } from "node:crypto";
import type { StoredEvent } from "../envelope.js";
import { deepFreeze } from "../freeze.js";
import type { KeyState } from "../log.js";

export const SUM_HEADER = "Eventc-Sum";

export interface RecordEvent {
  readonly i: string;
  readonly t: string;
  readonly sv: number;
  readonly tm: string;
  readonly c?: string;
  readonly z?: string;
  readonly d: unknown;
}

export interface RecordBody {
  readonly o: number;
  readonly v: number;
  readonly s: string | null;
  readonly x?: true;
  readonly e: readonly RecordEvent[];
}

/** A decoded message: where it is and what it holds. */
export interface DecodedRecord {
  readonly seq: number;
  readonly partition: number;
  readonly key: string;
  readonly body: RecordBody;
}

export function checksum(body: Uint8Array | string): string {
  return createHash("sha256").update(body).digest("hex").slice(0, 32);
}

/**
 * Serializes a batch. `dataJson` are the payloads already encoded (json-codec), spliced in as text
 * so they are not serialized twice.
 */
export function encodeRecord(head: Omit<RecordBody, "e">, events: readonly Omit<RecordEvent, "d">[], dataJson: readonly string[]): string {
  let out = `{"o":${head.o},"v":${head.v},"s":${JSON.stringify(head.s)}${head.x ? ',"x":true' : ""},"e":[`;
  events.forEach((e, n) => {
    if (n > 0) out += ",";
    out += `{"i":${JSON.stringify(e.i)},"t":${JSON.stringify(e.t)},"sv":${e.sv},"tm":${JSON.stringify(e.tm)}`;
    if (e.c !== undefined) out += `,"c":${JSON.stringify(e.c)}`;
    if (e.z !== undefined) out += `,"z":${JSON.stringify(e.z)}`;
    out += `,"d":${dataJson[n]}}`;
  });
  return `${out}]}`;
}

/** Throws a plain Error describing what is wrong; callers wrap it with the position. */
export function parseRecordBody(text: string): RecordBody {
  const body = JSON.parse(text) as RecordBody;
  if (
    body === null ||
    typeof body !== "object" ||
    !Number.isInteger(body.o) ||
    !Number.isInteger(body.v) ||
    !(body.s === null || typeof body.s === "string") ||
    !Array.isArray(body.e) ||
    body.e.length === 0
  ) {
    throw new Error("not an eventc record (missing offset, version, state or events)");
  }
  for (const e of body.e) {
    if (e === null || typeof e !== "object" || typeof e.i !== "string" || typeof e.t !== "string" || !Number.isInteger(e.sv) || typeof e.tm !== "string") {
      throw new Error("not an eventc record (an event lacks id, type, schemaVersion or time)");
    }
  }
  return body;
}

/** The key's state after this record. */
export function keyStateAfter(key: string, body: RecordBody): KeyState {
  return { key, version: body.v + body.e.length - 1, state: body.s, ended: body.x === true };
}

/** The record's events as frozen StoredEvents. */
export function recordEvents(topic: string, record: DecodedRecord): StoredEvent[] {
  const { body } = record;
  return body.e.map((e, n) => {
    const event: { -readonly [K in keyof StoredEvent]: StoredEvent[K] } = {
      id: e.i,
      type: e.t,
      schemaVersion: e.sv,
      topic,
      partition: record.partition,
      offset: body.o + n,
      key: record.key,
      version: body.v + n,
      time: e.tm,
      data: e.d,
    };
    if (e.c !== undefined) event.correlationId = e.c;
    if (e.z !== undefined) event.causationId = e.z;
    return deepFreeze(event) as StoredEvent;
  });
}
