/**
 * Typed errors of the runtime. Every one has a stable `code` and a message that names the
 * topic, key, event or offset involved. Use the `isEventcError`/`instanceof` checks, never message text.
 */
import type { ValidationIssue } from "./validation/result.js";
import { formatIssues } from "./validation/result.js";

export type RuntimeErrorCode =
  | "CONCURRENCY"
  | "LIFECYCLE"
  | "VALIDATION"
  | "LOG_CORRUPTED"
  | "LOG_LOCKED"
  | "LOG_CLOSED"
  | "UNKNOWN_TOPIC"
  | "TOPIC_MISMATCH"
  | "SUBSCRIPTION"
  | "UPCAST"
  | "DUPLICATE_VERSION"
  | "BACKEND";

export abstract class EventcError extends Error {
  abstract readonly code: RuntimeErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export function isEventcError(value: unknown): value is EventcError {
  return value instanceof EventcError;
}

/** The key's version was not the one the append expected. Nothing was written. */
export class ConcurrencyError extends EventcError {
  readonly code = "CONCURRENCY" as const;
  constructor(
    readonly topic: string,
    readonly key: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `Concurrency conflict on key "${key}" in topic "${topic}": expected version ${expectedVersion}, but the key is at version ${currentVersion}. Nothing was written; reload the key and retry.`,
    );
  }
}

/** An event is not allowed in the key's lifecycle state. Nothing was written. */
export class LifecycleError extends EventcError {
  readonly code = "LIFECYCLE" as const;
  constructor(
    readonly topic: string,
    readonly key: string,
    readonly eventType: string,
    /** The key's state: its last lifecycle event type, "new" (no events), or "ended by <type>". */
    readonly currentState: string,
    /** What would have been allowed, in words. */
    readonly allowed: string,
  ) {
    super(
      `Lifecycle violation on key "${key}" in topic "${topic}": "${eventType}" is not allowed when the key is ${currentState}; ${allowed}. Nothing was written.`,
    );
  }
}

/** A payload or a batch does not match its schema or the contract. Nothing was written. */
export class ValidationError extends EventcError {
  readonly code = "VALIDATION" as const;
  constructor(
    /** What was being validated: `shop.ItemListed v1`, `append batch`, ... */
    readonly subject: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`Invalid ${subject}:\n${formatIssues(issues)}`);
  }
}

/** Stored bytes do not match their checksum or hash chain. The log refuses to guess. */
export class LogCorruptedError extends EventcError {
  readonly code = "LOG_CORRUPTED" as const;
  constructor(
    readonly file: string,
    readonly position: number,
    readonly reason: string,
    readonly topic?: string,
    readonly partition?: number,
    readonly offset?: number,
  ) {
    super(
      `Log corrupted in ${file} at byte ${position}${offset !== undefined ? ` (topic "${topic}", partition ${partition}, offset ${offset})` : ""}: ${reason}. Run "eventc log verify" to inspect; the log was not modified.`,
    );
  }
}

/** Another live process holds the log's write lock. */
export class LogLockedError extends EventcError {
  readonly code = "LOG_LOCKED" as const;
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(`Log at "${dir}" is locked for writing by process ${ownerPid}. Only one writer may open a log; open it with { readOnly: true } to read.`);
  }
}

export class LogClosedError extends EventcError {
  readonly code = "LOG_CLOSED" as const;
  constructor(readonly description: string) {
    super(`The ${description} is closed.`);
  }
}

export class UnknownTopicError extends EventcError {
  readonly code = "UNKNOWN_TOPIC" as const;
  constructor(readonly topic: string) {
    super(`Unknown topic "${topic}": create it with ensureTopic() (generated facades do this for you).`);
  }
}

/** A topic exists with another partition count than the spec declares. */
export class TopicMismatchError extends EventcError {
  readonly code = "TOPIC_MISMATCH" as const;
  constructor(
    readonly topic: string,
    readonly storedPartitions: number,
    readonly requestedPartitions: number,
  ) {
    super(
      `Topic "${topic}" exists with ${storedPartitions} partition(s), but ${requestedPartitions} were requested. Changing the partition count would move keys to other partitions and break per-key order; create a new topic instead.`,
    );
  }
}

/** A subscription gave up on an event after its handler failed maxAttempts times. */
export class SubscriptionError extends EventcError {
  readonly code = "SUBSCRIPTION" as const;
  constructor(
    readonly group: string,
    readonly event: { readonly id: string; readonly type: string; readonly topic: string; readonly partition: number; readonly offset: number; readonly key: string },
    readonly attempts: number,
    cause: unknown,
  ) {
    super(
      `Subscription "${group}" stopped: the handler failed ${attempts} time(s) on event ${event.id} ("${event.type}", key "${event.key}", topic "${event.topic}", partition ${event.partition}, offset ${event.offset}): ${cause instanceof Error ? cause.message : String(cause)}. The checkpoint stays before this event.`,
      { cause },
    );
  }
}

/** A stored event could not be upcast to the current version. */
export class UpcastError extends EventcError {
  readonly code = "UPCAST" as const;
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly offset: number,
    readonly fromVersion: number,
    readonly toVersion: number,
    reason: string,
    cause?: unknown,
  ) {
    super(`Cannot upcast event ${eventId} ("${eventType}" at offset ${offset}) from v${fromVersion} to v${toVersion}: ${reason}`, { cause });
  }
}

/** Two stored events claim the same key and version (a backend lost per-key order). */
export class DuplicateVersionError extends EventcError {
  readonly code = "DUPLICATE_VERSION" as const;
  constructor(
    readonly topic: string,
    readonly key: string,
    readonly version: number,
    readonly ids: readonly string[],
  ) {
    super(`Two events claim version ${version} of key "${key}" in topic "${topic}" (${ids.join(", ")}): the backend broke per-key order. Refusing to deliver both.`);
  }
}

/** A backend failure that is not one of the above (network, server). */
export class BackendError extends EventcError {
  readonly code = "BACKEND" as const;
}
