/**
 * Fingerprints: `sha256:<hex>` of the canonical JSON of a schema together with the fingerprints
 * of the types it uses (each of which covers the types *it* uses), so that a change anywhere in
 * what a stored event means changes its fingerprint. UTF-8 bytes of canonical JSON are the same
 * on every platform, and so is the hash.
 */
import { createHash } from "node:crypto";
import type { JsonValue } from "../model.js";
import { canonicalJson } from "./canonical-json.js";
import { namedTypesIn, type CanonicalFields, type CanonicalSpec } from "./canonical.js";

export function fingerprintOf(value: JsonValue): string {
  return `sha256:${createHash("sha256").update(canonicalJson(value), "utf8").digest("hex")}`;
}

/** Computes the fingerprints of one canonical spec, each type's once. */
export class Fingerprints {
  private readonly types = new Map<string, string>();
  private readonly inProgress = new Set<string>();

  constructor(private readonly spec: CanonicalSpec) {}

  /** Covers the event's identity, aggregate, key, topic (with its partitions), payload and used types. */
  eventVersion(event: string, version: string): string {
    const locked = this.spec.events[event]?.[version];
    if (!locked) throw new Error(`no event version ${event} v${version} in the canonical spec`);
    const input = {
      event,
      version: Number(version),
      aggregate: locked.aggregate,
      key: locked.key,
      topic: { name: locked.topic, partitions: this.spec.topics[locked.topic]?.partitions ?? null },
      schema: locked.schema,
      types: this.usedBy(locked.schema.fields),
    };
    return fingerprintOf(input as unknown as JsonValue);
  }

  /** Covers the type's name, its schema and the types it uses. */
  type(name: string): string {
    const known = this.types.get(name);
    if (known !== undefined) return known;
    const schema = Object.hasOwn(this.spec.types, name) ? this.spec.types[name] : undefined;
    if (!schema) throw new Error(`no type ${name} in the canonical spec`);
    // The checker forbids recursive records; should one slip through, it is covered by name.
    this.inProgress.add(name);
    const types = schema.kind === "record" ? this.usedBy(schema.fields) : {};
    this.inProgress.delete(name);
    const fingerprint = fingerprintOf({ type: name, schema, types } as unknown as JsonValue);
    this.types.set(name, fingerprint);
    return fingerprint;
  }

  /** Fingerprints of the enums and records these fields name directly, by name. */
  private usedBy(fields: CanonicalFields): Record<string, string> {
    const result: Record<string, string> = {};
    for (const field of Object.values(fields)) {
      for (const name of namedTypesIn(field.type)) {
        if (Object.hasOwn(this.spec.types, name) && !this.inProgress.has(name)) result[name] = this.type(name);
      }
    }
    return result;
  }
}
