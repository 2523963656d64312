/**
 * Fingerprints: `sha256:<hex>` of the canonical JSON of a schema together with every type it
 * uses, so that a change anywhere in what a stored event means changes its fingerprint.
 * UTF-8 bytes of canonical JSON are the same on every platform, and so is the hash.
 */
import { createHash } from "node:crypto";
import type { JsonValue } from "../model.js";
import { canonicalJson } from "./canonical-json.js";
import { typesUsedBy, type CanonicalSpec, type TypeSchema } from "./canonical.js";

export function fingerprintOf(value: JsonValue): string {
  return `sha256:${createHash("sha256").update(canonicalJson(value), "utf8").digest("hex")}`;
}

/** Covers the event's identity, aggregate, key, topic (with its partitions), payload and used types. */
export function eventVersionFingerprint(spec: CanonicalSpec, event: string, version: string): string {
  const locked = spec.events[event]?.[version];
  if (!locked) throw new Error(`no event version ${event} v${version} in the canonical spec`);
  const lookup = (name: string): TypeSchema | undefined => (Object.hasOwn(spec.types, name) ? spec.types[name] : undefined);
  const input = {
    event,
    version: Number(version),
    aggregate: locked.aggregate,
    key: locked.key,
    topic: { name: locked.topic, partitions: spec.topics[locked.topic]?.partitions ?? null },
    schema: locked.schema,
    types: usedTypes(typesUsedBy(locked.schema.fields, lookup), lookup),
  };
  return fingerprintOf(input as unknown as JsonValue);
}

/** Covers the type's name, its schema and the types it uses. */
export function typeFingerprint(spec: CanonicalSpec, name: string): string {
  const schema = Object.hasOwn(spec.types, name) ? spec.types[name] : undefined;
  if (!schema) throw new Error(`no type ${name} in the canonical spec`);
  const lookup = (n: string): TypeSchema | undefined => (Object.hasOwn(spec.types, n) ? spec.types[n] : undefined);
  const used = schema.kind === "record" ? typesUsedBy(schema.fields, lookup).filter((n) => n !== name) : [];
  return fingerprintOf({ type: name, schema, types: usedTypes(used, lookup) } as unknown as JsonValue);
}

function usedTypes(names: readonly string[], lookup: (name: string) => TypeSchema | undefined): Record<string, TypeSchema> {
  const result: Record<string, TypeSchema> = {};
  for (const name of names) {
    const schema = lookup(name);
    if (schema) result[name] = schema;
  }
  return result;
}
