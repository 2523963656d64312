/**
 * `events.lock.json`: the canonical schema of every event version (and of the types they use)
 * that may already be in a log, with fingerprints. Users commit it next to their specs; later
 * specs are checked against it (compare.ts).
 *
 * Written deterministically (sorted keys, 2-space indentation, trailing newline) so that a
 * change to a spec shows as a small, readable diff of the lock file.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Span } from "../../grammar/ast.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { evolutionDiagnostics as D, EvolutionPhrases as P } from "../diagnostics/catalogue/evolution.js";
import { formatMessage } from "../diagnostics/diagnostic.js";
import type { JsonValue, Model } from "../model.js";
import { prettyCanonicalJson } from "./canonical-json.js";
import {
  canonicalSpec,
  parseTypeString,
  CONSTRAINT_NAMES,
  type CanonicalEventVersion,
  type CanonicalField,
  type CanonicalSpec,
  type TypeSchema,
} from "./canonical.js";
import { Fingerprints } from "./fingerprint.js";

export const LOCK_FORMAT_VERSION = 1;
export const DEFAULT_LOCK_FILE = "events.lock.json";

export interface LockedEventVersion extends CanonicalEventVersion {
  readonly fingerprint: string;
}

export interface LockedType {
  readonly fingerprint: string;
  readonly schema: TypeSchema;
}

export interface LockFile {
  readonly formatVersion: typeof LOCK_FORMAT_VERSION;
  readonly topics: Readonly<Record<string, { readonly partitions: number }>>;
  /** By qualified event name, then by version number. */
  readonly events: Readonly<Record<string, Readonly<Record<string, LockedEventVersion>>>>;
  readonly types: Readonly<Record<string, LockedType>>;
}

export function buildLock(model: Model): LockFile {
  return lockFromCanonical(canonicalSpec(model));
}

export function lockFromCanonical(spec: CanonicalSpec): LockFile {
  const fingerprints = new Fingerprints(spec);
  const events: Record<string, Record<string, LockedEventVersion>> = {};
  for (const [name, versions] of Object.entries(spec.events)) {
    const locked: Record<string, LockedEventVersion> = {};
    for (const [version, schema] of Object.entries(versions)) {
      locked[version] = { ...schema, fingerprint: fingerprints.eventVersion(name, version) };
    }
    events[name] = locked;
  }
  const types: Record<string, LockedType> = {};
  for (const [name, schema] of Object.entries(spec.types)) types[name] = { fingerprint: fingerprints.type(name), schema };
  return { formatVersion: LOCK_FORMAT_VERSION, topics: spec.topics, events, types };
}

export function canonicalFromLock(lock: LockFile): CanonicalSpec {
  const events: Record<string, Record<string, CanonicalEventVersion>> = {};
  for (const [name, versions] of Object.entries(lock.events)) {
    const canonical: Record<string, CanonicalEventVersion> = {};
    for (const [version, { aggregate, topic, key, schema }] of Object.entries(versions)) canonical[version] = { aggregate, topic, key, schema };
    events[name] = canonical;
  }
  const types: Record<string, TypeSchema> = {};
  for (const [name, { schema }] of Object.entries(lock.types)) types[name] = schema;
  return { topics: lock.topics, events, types };
}

export function serializeLock(lock: LockFile): string {
  return `${prettyCanonicalJson(lock as unknown as JsonValue)}\n`;
}

export interface LockReadResult {
  readonly lock?: LockFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and validates a lock file; a missing or damaged file is a diagnostic, never an exception. */
export function readLockFile(path: string): LockReadResult {
  if (!existsSync(path)) return { diagnostics: [createDiagnostic(D.LockFileMissing, undefined, { path })] };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { diagnostics: [invalid(path, "", 0, (error as Error).message)] };
  }
  return parseLock(text, path);
}

export function parseLock(text: string, path: string): LockReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    return { diagnostics: [invalid(path, text, position ? Number(position[1]) : 0, `not JSON (${message})`)] };
  }
  try {
    const lock = validateLock(json);
    return { lock, diagnostics: fingerprintMismatches(lock, path, text) };
  } catch (error) {
    if (!(error instanceof LockShapeError)) throw error;
    return { diagnostics: [invalid(path, text, error.offsetIn(text), error.message)] };
  }
}

function invalid(path: string, text: string, offset: number, problem: string): Diagnostic {
  return createDiagnostic(D.LockFileInvalid, spanAt(path, text, offset), { path, problem });
}

/** Hand edits show as a schema that no longer matches its fingerprint: warn, then trust the schema. */
function fingerprintMismatches(lock: LockFile, path: string, text: string): Diagnostic[] {
  const recomputed = lockFromCanonical(canonicalFromLock(lock));
  const diagnostics: Diagnostic[] = [];
  for (const [name, versions] of Object.entries(lock.events)) {
    for (const [version, entry] of Object.entries(versions)) {
      if (recomputed.events[name]?.[version]?.fingerprint !== entry.fingerprint) {
        const entryName = formatMessage(P.eventOwner, { event: name, version });
        diagnostics.push(createDiagnostic(D.LockFingerprintMismatch, spanOfKey(path, text, name), { entry: entryName, path }));
      }
    }
  }
  for (const [name, entry] of Object.entries(lock.types)) {
    if (recomputed.types[name]?.fingerprint !== entry.fingerprint) {
      diagnostics.push(createDiagnostic(D.LockFingerprintMismatch, spanOfKey(path, text, name), { entry: `type "${name}"`, path }));
    }
  }
  return diagnostics;
}

function spanOfKey(path: string, text: string, key: string): Span {
  const offset = text.indexOf(JSON.stringify(key));
  return spanAt(path, text, Math.max(offset, 0));
}

export function spanAt(path: string, text: string, offset: number): Span {
  const clamped = Math.min(Math.max(offset, 0), text.length);
  const before = text.slice(0, clamped);
  const line = before.split("\n").length;
  const column = clamped - (before.lastIndexOf("\n") + 1) + 1;
  const start = { offset: clamped, line, column };
  const end = { offset: Math.min(clamped + 1, text.length), line, column: column + (clamped < text.length ? 1 : 0) };
  return { file: path, start, end };
}

// ---- Shape validation: a damaged lock file must give a clear message, not a crash later. ----

class LockShapeError extends Error {
  constructor(
    readonly jsonPath: readonly string[],
    expected: string,
  ) {
    super(`${renderPath(jsonPath)} must be ${expected}`);
  }

  /** The position of the innermost key of the path in the text (good enough to land near the problem). */
  offsetIn(text: string): number {
    let offset = 0;
    for (const part of this.jsonPath) {
      const found = text.indexOf(JSON.stringify(part), offset);
      if (found >= 0) offset = found;
    }
    return offset;
  }
}

function renderPath(path: readonly string[]): string {
  return `$${path.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join("")}`;
}

type Json = Record<string, unknown>;

function object(value: unknown, path: readonly string[]): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new LockShapeError(path, "an object");
  return value as Json;
}

function string(value: unknown, path: readonly string[]): string {
  if (typeof value !== "string") throw new LockShapeError(path, "a string");
  return value;
}

function typeText(value: unknown, path: readonly string[]): string {
  const text = string(value, path);
  if (!parseTypeString(text)) throw new LockShapeError(path, 'a type such as "string", "common.Money" or "list<int>"');
  return text;
}

function validateLock(json: unknown): LockFile {
  const root = object(json, []);
  if (root.formatVersion !== LOCK_FORMAT_VERSION) {
    throw new LockShapeError(["formatVersion"], `${LOCK_FORMAT_VERSION} (this eventc reads lock format ${LOCK_FORMAT_VERSION})`);
  }
  const topics: Record<string, { partitions: number }> = {};
  for (const [name, value] of Object.entries(object(root.topics, ["topics"]))) {
    const partitions = object(value, ["topics", name]).partitions;
    if (!Number.isInteger(partitions) || (partitions as number) < 1) {
      throw new LockShapeError(["topics", name, "partitions"], "a positive integer");
    }
    topics[name] = { partitions: partitions as number };
  }
  const events: Record<string, Record<string, LockedEventVersion>> = {};
  for (const [name, value] of Object.entries(object(root.events, ["events"]))) {
    const versions: Record<string, LockedEventVersion> = {};
    for (const [version, entry] of Object.entries(object(value, ["events", name]))) {
      const path = ["events", name, version];
      if (!/^[1-9][0-9]*$/.test(version)) throw new LockShapeError(path, "keyed by a version number");
      const e = object(entry, path);
      const key = object(e.key, [...path, "key"]);
      versions[version] = {
        aggregate: string(e.aggregate, [...path, "aggregate"]),
        topic: string(e.topic, [...path, "topic"]),
        key: { name: string(key.name, [...path, "key", "name"]), type: string(key.type, [...path, "key", "type"]) },
        fingerprint: string(e.fingerprint, [...path, "fingerprint"]),
        schema: { fields: fields(object(e.schema, [...path, "schema"]).fields, [...path, "schema", "fields"]) },
      };
    }
    events[name] = versions;
  }
  const types: Record<string, LockedType> = {};
  for (const [name, value] of Object.entries(object(root.types, ["types"]))) {
    const path = ["types", name];
    const entry = object(value, path);
    const schema = object(entry.schema, [...path, "schema"]);
    let typeSchema: TypeSchema;
    if (schema.kind === "record") typeSchema = { kind: "record", fields: fields(schema.fields, [...path, "schema", "fields"]) };
    else if (schema.kind === "enum") {
      const members = schema.members;
      if (!Array.isArray(members) || !members.every((m) => typeof m === "string")) {
        throw new LockShapeError([...path, "schema", "members"], "a list of member names");
      }
      typeSchema = { kind: "enum", members: members as string[] };
    } else throw new LockShapeError([...path, "schema", "kind"], '"record" or "enum"');
    types[name] = { fingerprint: string(entry.fingerprint, [...path, "fingerprint"]), schema: typeSchema };
  }
  return { formatVersion: LOCK_FORMAT_VERSION, topics, events, types };
}

function fields(value: unknown, path: readonly string[]): Record<string, CanonicalField> {
  const result: Record<string, CanonicalField> = {};
  for (const [name, entry] of Object.entries(object(value, path))) {
    const f = object(entry, [...path, name]);
    if (typeof f.optional !== "boolean") throw new LockShapeError([...path, name, "optional"], "true or false");
    let constraints: Record<string, number | string> | undefined;
    if (f.constraints !== undefined) {
      constraints = {};
      for (const [c, v] of Object.entries(object(f.constraints, [...path, name, "constraints"]))) {
        const known = (CONSTRAINT_NAMES as readonly string[]).includes(c);
        const ok = c === "pattern" ? typeof v === "string" : typeof v === "number";
        if (!known || !ok) throw new LockShapeError([...path, name, "constraints", c], `one of ${CONSTRAINT_NAMES.join(", ")} with a ${c === "pattern" ? "string" : "number"}`);
        constraints[c] = v as number | string;
      }
    }
    result[name] = {
      type: typeText(f.type, [...path, name, "type"]),
      optional: f.optional,
      ...(f.default !== undefined ? { default: f.default as JsonValue } : {}),
      ...(constraints ? { constraints } : {}),
    };
  }
  return result;
}
