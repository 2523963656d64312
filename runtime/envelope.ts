/**
 * The envelope: what the log stores around every event's payload.
 * Maps one-to-one onto a CloudEvents 1.0 JSON event (see cloudevents.ts).
 */

/** An event as stored in (and read back from) the log. Handed out deeply frozen. */
export interface StoredEvent {
  /** Unique and time-sortable (UUIDv7). */
  readonly id: string;
  /** Qualified event type, without version: `shop.ItemListed`. */
  readonly type: string;
  /** Version of the event's schema the payload was written with (1 for a spec's first version). */
  readonly schemaVersion: number;
  /** Topic in the log: `shop.catalog`. */
  readonly topic: string;
  readonly partition: number;
  /** Position within its partition: dense, from 0. */
  readonly offset: number;
  /** The aggregate key, as a string. */
  readonly key: string;
  /** Position within its key's stream: dense, from 1. */
  readonly version: number;
  /** ISO-8601 UTC with milliseconds, `2026-11-26T07:18:54.123Z`. */
  readonly time: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** The payload in its JSON form (bigint values are stored as decimal strings). */
  readonly data: unknown;
}

/** What a caller hands to `Log.append`. The log assigns topic, partition, offset, version and (when absent) id and time. */
export interface NewEvent {
  /** Give one to make retries idempotent; generated publishers always do. */
  readonly id?: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly key: string;
  readonly time?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly data: unknown;
}

/**
 * An event as user code sees it through a generated facade: the stored envelope, with `data`
 * upcast to and decoded as the current version of its type.
 */
export interface Envelope<TType extends string = string, TData = unknown>
  extends Omit<StoredEvent, "type" | "data" | "schemaVersion"> {
  readonly type: TType;
  /** Always the current version of the type. */
  readonly schemaVersion: number;
  /** The version the stored payload was written with (less than schemaVersion when it was upcast). */
  readonly storedSchemaVersion: number;
  readonly data: TData;
}
