/**
 * The descriptor a generated module hands to `createFacade`: everything the runtime must know
 * about one namespace, as plain data plus the generated decoders and the user's upcasters.
 * Generated code builds it once at module load; it is never built by hand.
 */
import type { Decoder } from "../validation/result.js";
import type { LifecycleRule, TopicSpec } from "../log.js";

export interface EventVersionDescriptor {
  readonly version: number;
  /** Decodes a stored (JSON) payload of this version, applying its defaults. */
  readonly decode: Decoder<unknown>;
}

export interface EventDescriptor {
  /** Bare name, the key of `publish.X` and of handler maps: `ItemListed`. */
  readonly name: string;
  /** Envelope type: `shop.ItemListed`. */
  readonly type: string;
  /** Bare name of the owning aggregate. */
  readonly aggregate: string;
  readonly currentVersion: number;
  /** Every declared version, ascending; the last is current. */
  readonly versions: readonly EventVersionDescriptor[];
  readonly lifecycle: LifecycleRule;
}

export interface AggregateDescriptor {
  readonly name: string;
  /** Topic name in the log (`shop.catalog`). */
  readonly topic: string;
  /** Name of the key field every event's data carries. */
  readonly keyField: string;
  readonly keyType: "string" | "uuid" | "int" | "long";
  /** Bare names of its events, in spec order. */
  readonly events: readonly string[];
}

export interface ProjectionDescriptor {
  readonly name: string;
  /** Bare aggregate name for per-key projections. */
  readonly per?: string;
  /** Bare event names it handles. */
  readonly events: readonly string[];
}

export interface NamespaceDescriptor {
  /** `shop` */
  readonly namespace: string;
  readonly topics: readonly TopicSpec[];
  readonly aggregates: Readonly<Record<string, AggregateDescriptor>>;
  /** Events by bare name. */
  readonly events: Readonly<Record<string, EventDescriptor>>;
  readonly projections: Readonly<Record<string, ProjectionDescriptor>>;
}

/**
 * Upcasters by event name, then by the version they upcast FROM: `{ ItemRepriced: { 1: (v1) => v2 } }`.
 * Each takes the decoded payload of version n and returns the payload of version n + 1 (which is then
 * decoded by that version's decoder, so defaults of the new version apply).
 */
export type UpcasterTable = Readonly<Record<string, Readonly<Record<number, (data: never, event: UpcastContext) => unknown>>>>;

/** What an upcaster gets besides the payload: the stored envelope's identity, for messages and decisions. */
export interface UpcastContext {
  readonly id: string;
  readonly key: string;
  readonly time: string;
  readonly fromVersion: number;
}
