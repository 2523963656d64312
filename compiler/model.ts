/**
 * The checked model: what the specs mean, after imports are resolved, names are bound and
 * every check has passed. Generators (`compiler/generate/`) and the lock file
 * (`compiler/evolution/`) read only this, never the AST.
 *
 * Conventions:
 * - Every list is sorted deterministically: namespaces by name; declarations in source
 *   order of their file, files in path order (so output is stable for a given input).
 * - Names of declarations are bare (`Money`); `qualifiedName` is `namespace.Name`
 *   (`shop.Money`) and is what references use.
 * - Values (defaults) are stored in their JSON representation: decimal, timestamp, date,
 *   uuid, bytes and long are strings; int and float are numbers; lists are arrays; maps are objects.
 */
import type { PrimitiveName, Span } from "../grammar/ast.js";

export interface Model {
  readonly namespaces: readonly NamespaceModel[];
}

export interface NamespaceModel {
  /** `shop`, or a dotted name such as `acme.billing`. */
  readonly name: string;
  /** Source files that declare this namespace, sorted. */
  readonly files: readonly string[];
  /** Joined `///` docs found before `namespace` in its files. */
  readonly doc?: string;
  readonly enums: readonly EnumModel[];
  readonly records: readonly RecordModel[];
  readonly topics: readonly TopicModel[];
  readonly aggregates: readonly AggregateModel[];
  readonly projections: readonly ProjectionModel[];
  /** Other namespaces whose declarations this one references (for imports between generated modules), sorted. */
  readonly dependsOn: readonly string[];
}

export interface EnumModel {
  readonly name: string;
  readonly qualifiedName: string;
  readonly doc?: string;
  readonly members: readonly { readonly name: string; readonly doc?: string }[];
  readonly span: Span;
}

/** A `type` declaration. */
export interface RecordModel {
  readonly name: string;
  readonly qualifiedName: string;
  readonly doc?: string;
  readonly fields: readonly FieldModel[];
  readonly span: Span;
}

export interface TopicModel {
  readonly name: string;
  /** The topic's name in the log: `namespace.name` (e.g. `shop.catalog`). */
  readonly qualifiedName: string;
  readonly partitions: number;
  /** True for the topic an aggregate without `in` gets (named after the aggregate, 1 partition). */
  readonly implicit: boolean;
  readonly doc?: string;
  readonly span: Span;
}

export type KeyType = "string" | "uuid" | "int" | "long";

export interface AggregateModel {
  readonly name: string;
  readonly qualifiedName: string;
  readonly doc?: string;
  /** `qualifiedName` of its TopicModel (may be in another namespace). */
  readonly topic: string;
  readonly key: {
    readonly name: string;
    readonly type: KeyType;
    readonly doc?: string;
    readonly span: Span;
  };
  /** In source order. */
  readonly events: readonly EventModel[];
  readonly span: Span;
}

/**
 * One event name with all its declared versions. The lifecycle belongs to the event
 * (it is declared on the current version only).
 */
export interface EventModel {
  readonly name: string;
  /** Also the envelope's `type`: `shop.ItemListed`. */
  readonly qualifiedName: string;
  /** `qualifiedName` of the owning aggregate. */
  readonly aggregate: string;
  /** Docs of the current version. */
  readonly doc?: string;
  /** Ascending by version; the last one is the current version. */
  readonly versions: readonly EventVersionModel[];
  readonly currentVersion: number;
  readonly lifecycle: LifecycleModel;
  /** Span of the current version's declaration. */
  readonly span: Span;
}

/**
 * The lifecycle rule of one event. The lifecycle *state* of a key is the type of its last
 * event that has `creates` or `after`; events with neither are allowed in any state
 * between creation and end and leave the state unchanged.
 */
export interface LifecycleModel {
  /** The first event of every key. */
  readonly creates: boolean;
  /** Allowed only when the key's state is one of these (qualified event names); `null` when there is no `after`. */
  readonly after: readonly string[] | null;
  /** No event may follow this one. */
  readonly ends: boolean;
}

export interface EventVersionModel {
  readonly version: number;
  readonly doc?: string;
  /** Payload fields, without the key field (which every event carries, see AggregateModel.key). */
  readonly fields: readonly FieldModel[];
  readonly span: Span;
}

export interface ProjectionModel {
  readonly name: string;
  readonly qualifiedName: string;
  readonly doc?: string;
  /** `qualifiedName` of the aggregate after `per`: one state per key of it. Absent: one state in all. */
  readonly per?: string;
  /** Qualified names of every event it handles, aggregates in `on` expanded to their events, in `on` order without repeats. */
  readonly events: readonly string[];
  readonly state: readonly FieldModel[];
  readonly span: Span;
}

export interface FieldModel {
  readonly name: string;
  readonly doc?: string;
  readonly optional: boolean;
  readonly type: TypeModel;
  /** JSON representation of the default (see module doc); absent when there is none. */
  readonly default?: JsonValue;
  readonly constraints: Constraints;
  /** `@deprecated("why")`: the reason (empty string when none was given). */
  readonly deprecated?: string;
  readonly span: Span;
}

export interface Constraints {
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** ECMAScript regular expression source, without slashes. */
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export type TypeModel =
  | { readonly kind: "primitive"; readonly name: PrimitiveName }
  | { readonly kind: "enum"; readonly ref: string }
  | { readonly kind: "record"; readonly ref: string }
  | { readonly kind: "list"; readonly element: TypeModel }
  | { readonly kind: "map"; readonly value: TypeModel };

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };
