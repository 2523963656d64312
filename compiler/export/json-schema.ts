/**
 * `eventc export jsonschema`: one JSON Schema (draft 2020-12) per event version, describing the
 * event's data (the aggregate key field first, then the payload) exactly as the generated
 * validators accept it. Records and enums it uses are `$defs`, keyed by qualified name.
 */
import { eventDataFields } from "../generate/event-fields.js";
import type { AggregateModel, EventModel, EventVersionModel, Model } from "../model.js";
import { enumSchema, objectSchema, recordSchema, type JsonSchema } from "./field-schema.js";
import { NamedTypes } from "./named-types.js";

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

export interface ExportedFile {
  /** Relative file name, e.g. `shop.ItemListed.v1.schema.json`. */
  readonly path: string;
  readonly content: string;
}

export interface EventSchema {
  readonly event: EventModel;
  readonly version: EventVersionModel;
  readonly schema: JsonSchema;
}

/** The schema of every event version, in model order. */
export function eventSchemas(model: Model): EventSchema[] {
  const types = new NamedTypes(model);
  const out: EventSchema[] = [];
  for (const ns of model.namespaces)
    for (const aggregate of ns.aggregates)
      for (const event of aggregate.events)
        for (const version of event.versions) out.push({ event, version, schema: versionSchema(types, aggregate, event, version) });
  return out;
}

/** The schemas as files, one per event version, sorted by name. Deterministic. */
export function exportJsonSchemas(model: Model): ExportedFile[] {
  return eventSchemas(model)
    .map(({ event, version, schema }) => ({ path: schemaFileName(event.qualifiedName, version.version), content: `${JSON.stringify(schema, null, 2)}\n` }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function schemaFileName(qualifiedEvent: string, version: number): string {
  return `${qualifiedEvent}.v${version}.schema.json`;
}

function versionSchema(types: NamedTypes, aggregate: AggregateModel, event: EventModel, version: EventVersionModel): JsonSchema {
  const ref = (name: string): string => `#/$defs/${name}`;
  const fields = eventDataFields(aggregate, version.fields);
  const current = version.version === event.currentVersion;
  const notes = [
    version.doc,
    `Data of event ${event.qualifiedName} v${version.version} (aggregate ${aggregate.qualifiedName}, key \`${aggregate.key.name}\`).`,
    current ? undefined : `Superseded: the current version is v${event.currentVersion}; this one is only read back and upcast.`,
  ].filter((n): n is string => n !== undefined);
  const defs: JsonSchema = {};
  for (const name of types.usedBy(fields)) {
    const named = types.get(name);
    if (named?.kind === "record") defs[name] = recordSchema(named.record, ref);
    else if (named?.kind === "enum") defs[name] = enumSchema(named.enum);
  }
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: `${event.qualifiedName} v${version.version}`,
    description: notes.join("\n\n"),
    ...objectSchema(fields, ref),
    ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
  };
}
