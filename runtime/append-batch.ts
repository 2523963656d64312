/**
 * The checks every backend runs on an append batch before touching storage, so that all of them
 * reject the same malformed batches with the same ValidationError.
 */
import type { NewEvent } from "./envelope.js";
import { ValidationError } from "./errors.js";
import type { AppendOptions } from "./log.js";
import type { ValidationIssue } from "./validation/result.js";

/** Throws ValidationError naming every problem of the batch (`$[2].key: ...`). Returns the batch's key (undefined for an empty batch). */
export function checkBatch(topic: string, events: readonly NewEvent[], options?: AppendOptions): string | undefined {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(events)) {
    throw new ValidationError(`append batch for topic "${topic}"`, [{ path: "$", message: "must be an array of events" }]);
  }
  const key = events[0]?.key;
  const ids = new Set<string>();
  events.forEach((event, i) => {
    const at = `$[${i}]`;
    if (event === null || typeof event !== "object") {
      issues.push({ path: at, message: "must be an event object" });
      return;
    }
    if (typeof event.key !== "string" || event.key.length === 0) issues.push({ path: `${at}.key`, message: "must be a non-empty string" });
    else if (event.key !== key) issues.push({ path: `${at}.key`, message: `must equal the batch's key "${String(key)}" (one append holds events of one key), got "${event.key}"` });
    if (typeof event.type !== "string" || event.type.length === 0) issues.push({ path: `${at}.type`, message: "must be a non-empty string" });
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) issues.push({ path: `${at}.schemaVersion`, message: "must be an integer >= 1" });
    if (event.id !== undefined) {
      if (typeof event.id !== "string" || event.id.length === 0) issues.push({ path: `${at}.id`, message: "must be a non-empty string" });
      else if (ids.has(event.id)) issues.push({ path: `${at}.id`, message: `repeats id "${event.id}" of an earlier event in the batch` });
      else ids.add(event.id);
    }
    if (event.time !== undefined && normalizeTime(event.time) === undefined) issues.push({ path: `${at}.time`, message: "must be an ISO-8601 date-time" });
    for (const field of ["correlationId", "causationId"] as const) {
      const value = event[field];
      if (value !== undefined && (typeof value !== "string" || value.length === 0)) issues.push({ path: `${at}.${field}`, message: "must be a non-empty string" });
    }
    if (event.data === undefined) issues.push({ path: `${at}.data`, message: "is required (a JSON value)" });
  });
  const expected = options?.expectedVersion;
  if (expected !== undefined && !(Number.isInteger(expected) && expected >= 0)) {
    issues.push({ path: "options.expectedVersion", message: "must be an integer >= 0" });
  }
  if (issues.length > 0) throw new ValidationError(`append batch for topic "${topic}"`, issues);
  return key;
}

/** `2026-11-26T07:18:54.123Z` for any ISO-8601 date-time string; undefined when it is not one. */
export function normalizeTime(time: string): string | undefined {
  if (typeof time !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(time)) return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Checks a topic spec given to ensureTopic. */
export function checkTopicSpec(topic: { name: string; partitions: number }): void {
  const issues: ValidationIssue[] = [];
  if (typeof topic?.name !== "string" || topic.name.length === 0) issues.push({ path: "$.name", message: "must be a non-empty string" });
  if (!Number.isInteger(topic?.partitions) || topic.partitions < 1 || topic.partitions > 1024) {
    issues.push({ path: "$.partitions", message: "must be an integer from 1 to 1024" });
  }
  if (issues.length > 0) throw new ValidationError(`topic spec${typeof topic?.name === "string" ? ` "${topic.name}"` : ""}`, issues);
}

/** Partition `partition` of a topic, or a ValidationError naming the valid range (shared by the backends' read paths). */
export function partitionAt<T>(topic: string, partitions: readonly T[], partition: number): T {
  const found = Number.isInteger(partition) ? partitions[partition] : undefined;
  if (found === undefined) {
    throw new ValidationError(`partition of topic "${topic}"`, [
      { path: "$", message: `must be an integer from 0 to ${partitions.length - 1}, got ${String(partition)}` },
    ]);
  }
  return found;
}
