/**
 * The JSON body of an event record. Fields are written in a fixed order, `id`, `type`, `key` first,
 * so that recovery can index a record (key, id, type) without parsing the whole payload: on a large
 * log, JSON.parse of every body would dominate the open time.
 */
import type { StoredEvent } from "../envelope.js";

/** The envelope as JSON text, in the order documented in docs/runtime.md. `dataJson` is already-serialized JSON. */
export function envelopeJson(e: Omit<StoredEvent, "data">, dataJson: string): string {
  return (
    `{"id":${JSON.stringify(e.id)},"type":${JSON.stringify(e.type)},"key":${JSON.stringify(e.key)}` +
    `,"schemaVersion":${e.schemaVersion},"topic":${JSON.stringify(e.topic)},"partition":${e.partition},"offset":${e.offset}` +
    `,"version":${e.version},"time":${JSON.stringify(e.time)}` +
    (e.correlationId !== undefined ? `,"correlationId":${JSON.stringify(e.correlationId)}` : "") +
    (e.causationId !== undefined ? `,"causationId":${JSON.stringify(e.causationId)}` : "") +
    `,"data":${dataJson}}`
  );
}

export interface LeadingFields {
  readonly id: string;
  readonly type: string;
  readonly key: string;
}

const PREFIXES = [Buffer.from('{"id":', "latin1"), Buffer.from(',"type":', "latin1"), Buffer.from(',"key":', "latin1")] as const;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Reads `id`, `type` and `key` from the start of a body in buf[start, end) without parsing the rest.
 * Falls back to JSON.parse of the body when it does not start the way this log writes it.
 */
export function readLeadingFields(buf: Buffer, start: number, end: number): LeadingFields {
  const values: string[] = [];
  let at = start;
  for (const prefix of PREFIXES) {
    if (end - at < prefix.length + 2 || buf.compare(prefix, 0, prefix.length, at, at + prefix.length) !== 0 || buf[at + prefix.length] !== QUOTE) {
      return parseWhole(buf, start, end);
    }
    const open = at + prefix.length;
    let close = open + 1;
    let escaped = false;
    while (close < end && buf[close] !== QUOTE) {
      if (buf[close] === BACKSLASH) {
        escaped = true;
        close++;
      }
      close++;
    }
    if (close >= end) return parseWhole(buf, start, end);
    values.push(escaped ? (JSON.parse(buf.toString("utf8", open, close + 1)) as string) : buf.toString("utf8", open + 1, close));
    at = close + 1;
  }
  return { id: values[0]!, type: values[1]!, key: values[2]! };
}

function parseWhole(buf: Buffer, start: number, end: number): LeadingFields {
  const e = JSON.parse(buf.toString("utf8", start, end)) as { id: unknown; type: unknown; key: unknown };
  if (typeof e.id !== "string" || typeof e.type !== "string" || typeof e.key !== "string") throw new Error("event body lacks id, type or key");
  return { id: e.id, type: e.type, key: e.key };
}

/** Parses a body into a deeply frozen StoredEvent. JSON.parse output is a tree, so a plain recursive freeze suffices. */
export function decodeEvent(buf: Buffer, start: number, end: number): StoredEvent {
  return freezeTree(JSON.parse(buf.toString("utf8", start, end))) as StoredEvent;
}

export function freezeTree<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    if (Array.isArray(value)) {
      for (const item of value) freezeTree(item);
    } else {
      for (const key in value) freezeTree((value as Record<string, unknown>)[key]);
    }
    Object.freeze(value);
  }
  return value;
}

/** A 32-bit FNV-1a fingerprint of an event id: the idempotency index keeps these, not the ids. */
export function idFingerprint(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
