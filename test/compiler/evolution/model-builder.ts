/**
 * Builds checked Models by hand, for tests of the canonical form and of the comparison that do
 * not depend on the parser and checker. Every declaration gets its own line in a fictional file,
 * so that tests can assert which declaration a diagnostic points at.
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
  Model,
  NamespaceModel,
  RecordModel,
  TopicModel,
  TypeModel,
} from "../../../compiler/model.js";

let line = 0;

export function resetLines(): void {
  line = 0;
}

export function span(file = "spec.events"): Span {
  line += 1;
  return { file, start: { offset: line * 100, line, column: 3 }, end: { offset: line * 100 + 10, line, column: 13 } };
}

export const t = {
  string: { kind: "primitive", name: "string" } as TypeModel,
  int: { kind: "primitive", name: "int" } as TypeModel,
  long: { kind: "primitive", name: "long" } as TypeModel,
  decimal: { kind: "primitive", name: "decimal" } as TypeModel,
  uuid: { kind: "primitive", name: "uuid" } as TypeModel,
  record: (ref: string): TypeModel => ({ kind: "record", ref }),
  enum: (ref: string): TypeModel => ({ kind: "enum", ref }),
  list: (element: TypeModel): TypeModel => ({ kind: "list", element }),
  map: (value: TypeModel): TypeModel => ({ kind: "map", value }),
};

export interface FieldOptions {
  readonly optional?: boolean;
  readonly default?: JsonValue;
  readonly constraints?: Constraints;
  readonly doc?: string;
  readonly deprecated?: string;
}

export function field(name: string, type: TypeModel, options: FieldOptions = {}): FieldModel {
  return {
    name,
    type,
    optional: options.optional ?? false,
    constraints: options.constraints ?? {},
    ...(options.default !== undefined ? { default: options.default } : {}),
    ...(options.doc !== undefined ? { doc: options.doc } : {}),
    ...(options.deprecated !== undefined ? { deprecated: options.deprecated } : {}),
    span: span(),
  };
}

export function enumOf(namespace: string, name: string, members: readonly string[]): EnumModel {
  return { name, qualifiedName: `${namespace}.${name}`, members: members.map((m) => ({ name: m })), span: span() };
}

export function record(namespace: string, name: string, fields: readonly FieldModel[]): RecordModel {
  return { name, qualifiedName: `${namespace}.${name}`, fields, span: span() };
}

export function topic(namespace: string, name: string, partitions: number): TopicModel {
  return { name, qualifiedName: `${namespace}.${name}`, partitions, implicit: false, span: span() };
}

export interface EventSpec {
  readonly name: string;
  /** Fields per version, v1 first. */
  readonly versions: readonly (readonly FieldModel[])[];
  /** Version numbers when not 1..n. */
  readonly numbers?: readonly number[];
  readonly creates?: boolean;
  /** Qualified event names of the `after` clause. */
  readonly after?: readonly string[];
}

export function aggregate(
  namespace: string,
  name: string,
  topicName: string,
  key: { name: string; type: KeyType },
  events: readonly EventSpec[],
): AggregateModel {
  const qualifiedName = `${namespace}.${name}`;
  const aggregateSpan = span();
  const keySpan = span();
  const eventModels: EventModel[] = events.map((e) => {
    const versions = e.versions.map((fields, index) => ({ version: e.numbers?.[index] ?? index + 1, fields, span: span() }));
    const current = versions[versions.length - 1];
    return {
      name: e.name,
      qualifiedName: `${namespace}.${e.name}`,
      aggregate: qualifiedName,
      versions,
      currentVersion: current?.version ?? 1,
      lifecycle: { creates: e.creates ?? false, after: e.after ?? null, ends: false },
      span: current?.span ?? span(),
    };
  });
  return { name, qualifiedName, topic: topicName, key: { ...key, span: keySpan }, events: eventModels, span: aggregateSpan };
}

// Namespaces are built exactly as in the generator tests.
export { namespace } from "../generate/model-builder.js";

export function model(...namespaces: NamespaceModel[]): Model {
  return { namespaces: [...namespaces].sort((a, b) => (a.name < b.name ? -1 : 1)) };
}
