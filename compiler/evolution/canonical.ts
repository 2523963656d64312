/**
 * The canonical schema of a spec: what a stored event means, and nothing else.
 *
 * Derived from the checked Model only. It keeps field names, resolved (qualified) types,
 * optionality, defaults and constraints of every event version and of every enum and record
 * those versions use (transitively); each event version's aggregate, key and topic; and every
 * topic's partition count. It leaves out what does not change how a stored event reads:
 * formatting, comments, `///` docs, `@deprecated` (a note to writers, not a change of meaning),
 * lifecycle clauses (they govern publishing, not reading), projections, and declaration order —
 * fields are a set keyed by name, enum members a set of names, so both are sorted.
 */
import type { Constraints, FieldModel, JsonValue, Model, TypeModel } from "../model.js";

/** A field as locked. `type` is written like the language writes it, with qualified names: `list<common.Money>`. */
export interface CanonicalField {
  readonly type: string;
  readonly optional: boolean;
  readonly default?: JsonValue;
  readonly constraints?: Constraints;
}

export type CanonicalFields = Readonly<Record<string, CanonicalField>>;

/** The payload of one event version (the key field excluded: it lives in `key`). */
export interface PayloadSchema {
  readonly fields: CanonicalFields;
}

export type TypeSchema =
  | { readonly kind: "record"; readonly fields: CanonicalFields }
  | { readonly kind: "enum"; readonly members: readonly string[] };

export interface CanonicalKey {
  readonly name: string;
  readonly type: string;
}

export interface CanonicalEventVersion {
  /** Qualified aggregate name: `shop.Item`. */
  readonly aggregate: string;
  /** Qualified topic name: `shop.catalog`. */
  readonly topic: string;
  readonly key: CanonicalKey;
  readonly schema: PayloadSchema;
}

export interface CanonicalSpec {
  /** Every topic, by qualified name. */
  readonly topics: Readonly<Record<string, { readonly partitions: number }>>;
  /** Event versions by qualified event name, then by version number (as a string). */
  readonly events: Readonly<Record<string, Readonly<Record<string, CanonicalEventVersion>>>>;
  /** Enums and records used by some event version, directly or through other types, by qualified name. */
  readonly types: Readonly<Record<string, TypeSchema>>;
}

/** A parsed canonical type string. Named types are qualified (they always contain a dot). */
export type TypeShape =
  | { readonly kind: "primitive"; readonly name: string }
  | { readonly kind: "named"; readonly ref: string }
  | { readonly kind: "list"; readonly element: TypeShape }
  | { readonly kind: "map"; readonly value: TypeShape };

export function canonicalSpec(model: Model): CanonicalSpec {
  const declaredTypes = new Map<string, TypeSchema>();
  const topics: Record<string, { partitions: number }> = {};
  const events: Record<string, Record<string, CanonicalEventVersion>> = {};
  for (const namespace of model.namespaces) {
    for (const e of namespace.enums) {
      declaredTypes.set(e.qualifiedName, { kind: "enum", members: e.members.map((m) => m.name).sort() });
    }
    for (const record of namespace.records) {
      declaredTypes.set(record.qualifiedName, { kind: "record", fields: canonicalFields(record.fields) });
    }
    for (const topic of namespace.topics) topics[topic.qualifiedName] = { partitions: topic.partitions };
  }
  const direct = new Set<string>();
  for (const namespace of model.namespaces) {
    for (const aggregate of namespace.aggregates) {
      const key = { name: aggregate.key.name, type: aggregate.key.type };
      for (const event of aggregate.events) {
        const versions: Record<string, CanonicalEventVersion> = {};
        for (const version of event.versions) {
          const schema = { fields: canonicalFields(version.fields) };
          versions[String(version.version)] = { aggregate: aggregate.qualifiedName, topic: aggregate.topic, key, schema };
          for (const field of Object.values(schema.fields)) for (const name of namedTypesIn(field.type)) direct.add(name);
        }
        events[event.qualifiedName] = versions;
      }
    }
  }
  // Everything reachable from what events name directly, computed once for the whole spec.
  const used = new Set<string>();
  const pending = [...direct];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const schema = declaredTypes.get(name);
    if (used.has(name) || !schema) continue;
    used.add(name);
    if (schema.kind === "record") for (const field of Object.values(schema.fields)) pending.push(...namedTypesIn(field.type));
  }
  const types: Record<string, TypeSchema> = {};
  for (const name of [...used].sort()) types[name] = declaredTypes.get(name) as TypeSchema;
  // Sorted like the lock file, so that every comparison walks things in the same order.
  return { topics: sortedByKey(topics), events: sortedByKey(events), types };
}

function sortedByKey<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function canonicalFields(fields: readonly FieldModel[]): CanonicalFields {
  const result: Record<string, CanonicalField> = {};
  for (const field of [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const constraints = definedConstraints(field.constraints);
    result[field.name] = {
      type: typeString(field.type),
      optional: field.optional,
      ...(field.default !== undefined ? { default: field.default } : {}),
      ...(constraints ? { constraints } : {}),
    };
  }
  return result;
}

export function typeString(type: TypeModel): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "enum":
    case "record":
      return type.ref;
    case "list":
      return `list<${typeString(type.element)}>`;
    case "map":
      return `map<string, ${typeString(type.value)}>`;
  }
}

/** Parses what `typeString` writes. Returns undefined for text it could not have written (a damaged lock file). */
export function parseTypeString(text: string): TypeShape | undefined {
  const list = /^list<(.*)>$/.exec(text);
  if (list) {
    const element = parseTypeString(list[1] ?? "");
    return element && { kind: "list", element };
  }
  const map = /^map<string, (.*)>$/.exec(text);
  if (map) {
    const value = parseTypeString(map[1] ?? "");
    return value && { kind: "map", value };
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) return { kind: "primitive", name: text };
  if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(text)) return { kind: "named", ref: text };
  return undefined;
}

/** Qualified names of the enums and records a type string mentions directly. */
export function namedTypesIn(text: string): string[] {
  const shape = parseTypeString(text);
  const names: string[] = [];
  const visit = (s: TypeShape | undefined): void => {
    if (!s) return;
    if (s.kind === "named") names.push(s.ref);
    else if (s.kind === "list") visit(s.element);
    else if (s.kind === "map") visit(s.value);
  };
  visit(shape);
  return names;
}

function definedConstraints(constraints: Constraints): Constraints | undefined {
  const result: Record<string, number | string> = {};
  for (const name of CONSTRAINT_NAMES) {
    const value = constraints[name];
    if (value !== undefined) result[name] = value;
  }
  return Object.keys(result).length > 0 ? (result as Constraints) : undefined;
}

export const CONSTRAINT_NAMES = ["min", "max", "minLength", "maxLength", "pattern", "minItems", "maxItems"] as const;
