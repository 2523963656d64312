/**
 * Reading a stored event as the current version of its type: decode the stored payload with the
 * decoder of the version it was written with, then upcast step by step (v1 → v2 → v3), decoding each
 * step's result with the next version's decoder so that version's defaults and checks apply.
 * The stored event is never changed; the result is a new, deeply frozen envelope.
 */
import type { Envelope, StoredEvent } from "../envelope.js";
import { UpcastError } from "../errors.js";
import { deepFreeze } from "../freeze.js";
import { formatIssues, type ValidationIssue } from "../validation/result.js";
import type { EventDescriptor, UpcastContext, UpcasterTable } from "./descriptor.js";

/** Upcasts and decodes `stored` (of the type `event` describes) to the current version. */
export function toEnvelope(stored: StoredEvent, event: EventDescriptor, upcasters: UpcasterTable | undefined): Envelope {
  const current = event.currentVersion;
  const storedVersion = stored.schemaVersion;
  const fail = (from: number, to: number, reason: string, cause?: unknown): never => {
    throw new UpcastError(stored.id, stored.type, stored.offset, from, to, reason, cause);
  };

  const first = event.versions.find((v) => v.version === storedVersion);
  if (!first || storedVersion > current) {
    fail(
      storedVersion,
      current,
      `stored schemaVersion ${storedVersion} is not declared for "${event.name}" (declared: ${event.versions.map((v) => `v${v.version}`).join(", ")})`,
    );
  }
  let issues: ValidationIssue[] = [];
  let value = first!.decode(stored.data, "$", issues);
  if (issues.length > 0 || value === undefined) {
    fail(storedVersion, current, `the stored payload is not a valid v${storedVersion} "${event.name}":\n${describe(issues)}`);
  }

  for (let from = storedVersion; from < current; from++) {
    const to = from + 1;
    const upcast = upcasters?.[event.name]?.[from];
    if (typeof upcast !== "function") fail(from, to, `no upcaster for "${event.name}" v${from} → v${to} was given to the facade`);
    const next = event.versions.find((v) => v.version === to);
    if (!next) fail(from, to, `"${event.name}" declares no v${to} to upcast into`);
    const context: UpcastContext = Object.freeze({ id: stored.id, key: stored.key, time: stored.time, fromVersion: from });
    let raw: unknown;
    try {
      raw = (upcast as (data: unknown, context: UpcastContext) => unknown)(value, context);
    } catch (error) {
      fail(from, to, `the upcaster threw: ${error instanceof Error ? error.message : String(error)}`, error);
    }
    if (raw !== null && typeof raw === "object" && typeof (raw as { then?: unknown }).then === "function") {
      fail(from, to, "the upcaster returned a Promise; upcasters must be synchronous");
    }
    issues = [];
    value = next!.decode(raw, "$", issues);
    if (issues.length > 0 || value === undefined) {
      fail(from, to, `the upcaster returned invalid v${to} data:\n${describe(issues)}`);
    }
  }

  return deepFreeze({
    id: stored.id,
    type: stored.type,
    schemaVersion: current,
    storedSchemaVersion: storedVersion,
    topic: stored.topic,
    partition: stored.partition,
    offset: stored.offset,
    key: stored.key,
    version: stored.version,
    time: stored.time,
    ...(stored.correlationId !== undefined ? { correlationId: stored.correlationId } : {}),
    ...(stored.causationId !== undefined ? { causationId: stored.causationId } : {}),
    data: value,
  });
}

function describe(issues: readonly ValidationIssue[]): string {
  return issues.length > 0 ? formatIssues(issues) : "$: is invalid";
}
