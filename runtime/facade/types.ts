/**
 * The public shapes of a generated facade. Generated modules declare a typed interface per
 * namespace in these terms (`Shop`, `ShopHandlers`, ...); `createFacade` implements them
 * generically from the namespace's descriptor.
 */
import type { Envelope } from "../envelope.js";
import type { GroupPosition, Log, ReplayFrom, Subscription } from "../log.js";
import type { ValidationResult } from "../validation/result.js";

export interface PublishOptions {
  /** The key's current version must be this (0: the key must be new); else ConcurrencyError, nothing written. */
  readonly expectedVersion?: number;
  /** Event id; by default a new UUIDv7. Reusing an id makes the publish idempotent. */
  readonly id?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface FacadeSubscribeOptions {
  /** Where a group without a checkpoint starts. Default "beginning". */
  readonly start?: "beginning" | "end";
  /** Attempts per event before the subscription stops with SubscriptionError. Default 5. */
  readonly maxAttempts?: number;
  /** Delay in ms before retry n (1-based). */
  readonly backoff?: (attempt: number) => number;
}

export interface FacadeReplayOptions {
  readonly from?: ReplayFrom;
  readonly signal?: AbortSignal;
}

/** A handler of one event type in a subscription or replay. */
export type EventHandler<E> = (event: E) => Promise<void> | void;

/** Rebuilds one state over the whole log (`projection P { ... }`). */
export interface GlobalProjection<S, H> {
  /** Folds every event the projection is `on`, from the beginning (or `options.from`), into one state. */
  replay(handlers: H, options?: FacadeReplayOptions): Promise<S>;
}

/** Rebuilds one state per key of an aggregate (`projection P per A { ... }`). */
export interface KeyedProjection<S, H> {
  /** Folds every event into a state per key. */
  replay(handlers: H, options?: FacadeReplayOptions): Promise<ReadonlyMap<string, S>>;
  /** Folds one key's stream; undefined when the key has no events the projection handles. */
  load(key: string, handlers: H): Promise<S | undefined>;
}

/** The untyped facade `createFacade` returns; generated modules cast it to their typed interface. */
export interface Facade {
  readonly log: Log;
  readonly publish: Readonly<Record<string, (data: unknown, options?: PublishOptions) => Promise<Envelope>>>;
  subscribe(
    group: string,
    handlers: Readonly<Record<string, EventHandler<Envelope> | undefined>>,
    options?: FacadeSubscribeOptions,
  ): Promise<Subscription>;
  replay(handlers: Readonly<Record<string, EventHandler<Envelope> | undefined>>, options?: FacadeReplayOptions): Promise<void>;
  readonly streams: Readonly<Record<string, (key: string | number | bigint) => Promise<readonly Envelope[]>>>;
  readonly projections: Readonly<Record<string, GlobalProjection<unknown, never> | KeyedProjection<unknown, never>>>;
  readonly validate: Readonly<Record<string, (value: unknown) => ValidationResult<unknown>>>;
  groupPosition(group: string): Promise<GroupPosition>;
}
