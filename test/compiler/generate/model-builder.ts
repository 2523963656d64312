/**
 * Builds checked models by hand for generator tests, with the defaults a checked model would
 * have (spans, empty constraints, lifecycle) so tests state only what matters to them.
 */
import type { Span } from "../../../grammar/ast.js";
import type {
  AggregateModel,
  Constraints,
  EnumModel,
  EventModel,
  FieldModel,
  JsonValue,
  KeyType,
  LifecycleModel,
  Model,
  NamespaceModel,
  ProjectionModel,
  RecordModel,
  TopicModel,
  TypeModel,
} from "../../../compiler/model.js";
import type { PrimitiveName } from "../../../grammar/ast.js";

export const span: Span = { file: "spec.events", start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

export const t = {
  p: (name: PrimitiveName): TypeModel => ({ kind: "primitive", name }),
  enum: (ref: string): TypeModel => ({ kind: "enum", ref }),
  record: (ref: string): TypeModel => ({ kind: "record", ref }),
  list: (element: TypeModel): TypeModel => ({ kind: "list", element }),
  map: (value: TypeModel): TypeModel => ({ kind: "map", value }),
};

export function field(
  name: string,
  type: TypeModel,
  extra: { optional?: boolean; default?: JsonValue; constraints?: Constraints; doc?: string; deprecated?: string } = {},
): FieldModel {
  return {
    name,
    type,
    optional: extra.optional ?? false,
    constraints: extra.constraints ?? {},
    span,
    ...(extra.default !== undefined ? { default: extra.default } : {}),
    ...(extra.doc !== undefined ? { doc: extra.doc } : {}),
    ...(extra.deprecated !== undefined ? { deprecated: extra.deprecated } : {}),
  };
}

export function enumOf(ns: string, name: string, members: readonly string[], doc?: string): EnumModel {
  return { name, qualifiedName: `${ns}.${name}`, members: members.map((m) => ({ name: m })), span, ...(doc ? { doc } : {}) };
}

export function record(ns: string, name: string, fields: readonly FieldModel[], doc?: string): RecordModel {
  return { name, qualifiedName: `${ns}.${name}`, fields, span, ...(doc ? { doc } : {}) };
}

export function topic(ns: string, name: string, partitions = 1, implicit = false): TopicModel {
  return { name, qualifiedName: `${ns}.${name}`, partitions, implicit, span };
}

export interface EventSpec {
  readonly name: string;
  readonly doc?: string;
  /** Fields per version, ascending (one entry: a single-version event). */
  readonly versions: readonly (readonly FieldModel[])[];
  readonly lifecycle?: Partial<LifecycleModel>;
}

export function aggregate(
  ns: string,
  name: string,
  topicName: string,
  key: { name: string; type: KeyType; doc?: string },
  events: readonly EventSpec[],
  doc?: string,
): AggregateModel {
  const qualifiedName = `${ns}.${name}`;
  return {
    name,
    qualifiedName,
    topic: topicName,
    key: { name: key.name, type: key.type, span, ...(key.doc ? { doc: key.doc } : {}) },
    span,
    ...(doc ? { doc } : {}),
    events: events.map(
      (e): EventModel => ({
        name: e.name,
        qualifiedName: `${ns}.${e.name}`,
        aggregate: qualifiedName,
        versions: e.versions.map((fields, i) => ({ version: i + 1, fields, span })),
        currentVersion: e.versions.length,
        lifecycle: { creates: false, after: null, ends: false, ...e.lifecycle },
        span,
        ...(e.doc ? { doc: e.doc } : {}),
      }),
    ),
  };
}

export function projection(
  ns: string,
  name: string,
  events: readonly string[],
  state: readonly FieldModel[],
  per?: string,
  doc?: string,
): ProjectionModel {
  return { name, qualifiedName: `${ns}.${name}`, events, state, span, ...(per ? { per } : {}), ...(doc ? { doc } : {}) };
}

export function namespace(name: string, parts: Partial<Omit<NamespaceModel, "name">>): NamespaceModel {
  return {
    name,
    files: parts.files ?? [`${name}.events`],
    enums: parts.enums ?? [],
    records: parts.records ?? [],
    topics: parts.topics ?? [],
    aggregates: parts.aggregates ?? [],
    projections: parts.projections ?? [],
    dependsOn: parts.dependsOn ?? [],
    ...(parts.doc !== undefined ? { doc: parts.doc } : {}),
  };
}

export function model(...namespaces: NamespaceModel[]): Model {
  return { namespaces };
}
