/**
 * The envelope as a CloudEvents 1.0 event (structured JSON mode), one-to-one:
 *
 * | envelope        | CloudEvents                                                  |
 * | --------------- | ------------------------------------------------------------ |
 * | id              | id                                                           |
 * | topic           | source `eventc:/<topic>` (or a configured source) + `topic`  |
 * | type            | type                                                         |
 * | time            | time                                                         |
 * | key             | subject, and `partitionkey` (Partitioning extension)         |
 * | offset          | `sequence` (Sequence extension: a string; zero-padded to 16 digits so it sorts lexicographically) |
 * | partition       | `partition` (Integer)                                        |
 * | version         | `keyversion` (Integer)                                       |
 * | schemaVersion   | `schemaversion` (Integer)                                    |
 * | correlationId   | `correlationid`                                              |
 * | causationId     | `causationid`                                                |
 * | data            | data, with datacontenttype `application/json`                |
 *
 * Extension names follow the spec: lower-case letters and digits, at most 20 characters.
 */
import type { StoredEvent } from "./envelope.js";
import { ValidationError } from "./errors.js";
import { deepFreeze } from "./freeze.js";
import { normalizeTime } from "./append-batch.js";
import type { ValidationIssue } from "./validation/result.js";

/** A CloudEvents 1.0 event in JSON form, as produced by `toCloudEvent`. */
export interface EventcCloudEvent {
  readonly specversion: "1.0";
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject: string;
  readonly datacontenttype: "application/json";
  readonly data: unknown;
  readonly partitionkey: string;
  readonly sequence: string;
  readonly topic: string;
  readonly partition: number;
  readonly keyversion: number;
  readonly schemaversion: number;
  readonly correlationid?: string;
  readonly causationid?: string;
}

export interface CloudEventOptions {
  /** The `source` attribute. Default: `eventc:/<topic>`. */
  readonly source?: string | ((event: StoredEvent) => string);
}

const SEQUENCE_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits

export function toCloudEvent(event: StoredEvent, options: CloudEventOptions = {}): EventcCloudEvent {
  const source = typeof options.source === "function" ? options.source(event) : (options.source ?? `eventc:/${event.topic}`);
  return deepFreeze({
    specversion: "1.0",
    id: event.id,
    source,
    type: event.type,
    time: event.time,
    subject: event.key,
    datacontenttype: "application/json",
    data: event.data,
    partitionkey: event.key,
    sequence: String(event.offset).padStart(SEQUENCE_DIGITS, "0"),
    topic: event.topic,
    partition: event.partition,
    keyversion: event.version,
    schemaversion: event.schemaVersion,
    ...(event.correlationId !== undefined ? { correlationid: event.correlationId } : {}),
    ...(event.causationId !== undefined ? { causationid: event.causationId } : {}),
  });
}

/**
 * Reads a CloudEvent written by `toCloudEvent` (a plain object or an SDK `CloudEvent`) back into the
 * envelope. Integer attributes may arrive as strings (binary HTTP mode carries them in headers).
 * Missing or malformed attributes are a ValidationError naming each one.
 */
export function fromCloudEvent(cloudEvent: Readonly<Record<string, unknown>>): StoredEvent {
  const issues: ValidationIssue[] = [];
  const ce = cloudEvent ?? {};
  const text = (name: string): string => {
    const value = ce[name];
    if (typeof value === "string" && value.length > 0) return value;
    issues.push({ path: `$.${name}`, message: "must be a non-empty string" });
    return "";
  };
  const integer = (name: string, min: number): number => {
    const raw = ce[name];
    const value = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= min) return value;
    issues.push({ path: `$.${name}`, message: `must be an integer >= ${min}` });
    return min;
  };
  if (ce.specversion !== "1.0") issues.push({ path: "$.specversion", message: 'must be "1.0"' });
  const contentType = ce.datacontenttype;
  if (contentType !== undefined && !(typeof contentType === "string" && /^application\/(.+\+)?json\b/.test(contentType))) {
    issues.push({ path: "$.datacontenttype", message: "must be application/json" });
  }
  const id = text("id");
  const type = text("type");
  const key = text("subject");
  if (typeof ce.partitionkey === "string" && ce.partitionkey !== key) issues.push({ path: "$.partitionkey", message: "must equal subject (the key)" });
  const topic = text("topic");
  const timeText = text("time");
  const time = timeText === "" ? "" : normalizeTime(timeText);
  if (time === undefined) issues.push({ path: "$.time", message: "must be an RFC 3339 date-time" });
  const offset = integer("sequence", 0);
  const partition = integer("partition", 0);
  const version = integer("keyversion", 1);
  const schemaVersion = integer("schemaversion", 1);
  if (!("data" in ce) || ce.data === undefined) issues.push({ path: "$.data", message: "is required" });
  for (const name of ["correlationid", "causationid"]) {
    if (ce[name] !== undefined && typeof ce[name] !== "string") issues.push({ path: `$.${name}`, message: "must be a string" });
  }
  if (issues.length > 0) throw new ValidationError("CloudEvent", issues);
  return deepFreeze({
    id,
    type,
    schemaVersion,
    topic,
    partition,
    offset,
    key,
    version,
    time: time!,
    ...(typeof ce.correlationid === "string" ? { correlationId: ce.correlationid } : {}),
    ...(typeof ce.causationid === "string" ? { causationId: ce.causationid } : {}),
    data: structuredClone(ce.data),
  });
}
