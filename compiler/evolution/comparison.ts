/**
 * What every evolution rule works with: the old (locked) and current canonical specs, where to
 * point diagnostics in the current specs, and the two outputs — diagnostics for changes that
 * break stored events, notes for changes that are compatible (printed by `--verbose`).
 */
import type { Span } from "../../grammar/ast.js";
import { createDiagnostic, formatMessage, type Diagnostic, type DiagnosticMessage, type MessageArgs } from "../diagnostics/diagnostic.js";
import { EvolutionPhrases as P } from "../diagnostics/catalogue/evolution.js";
import type { CanonicalSpec, TypeSchema } from "./canonical.js";
import type { PositionIndex } from "./positions.js";

export interface Comparison {
  readonly old: CanonicalSpec;
  readonly current: CanonicalSpec;
  readonly positions: PositionIndex;
  report(entry: DiagnosticMessage, span: Span | undefined, args: MessageArgs, hint?: string): void;
  note(phrase: string, args: MessageArgs): void;
}

export function createComparison(old: CanonicalSpec, current: CanonicalSpec, positions: PositionIndex) {
  const diagnostics: Diagnostic[] = [];
  const compatible: string[] = [];
  const comparison: Comparison = {
    old,
    current,
    positions,
    report(entry, span, args, hint) {
      diagnostics.push(createDiagnostic(entry, span, args, hint !== undefined ? { hint } : {}));
    },
    note(phrase, args) {
      compatible.push(formatMessage(phrase, args));
    },
  };
  return { comparison, diagnostics, compatible };
}

/** `shop.ItemRepriced` → `ItemRepriced`: messages name things as the user wrote them. */
export function bareName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.lastIndexOf(".") + 1);
}

/** The next free version number of an event, counting both the locked and the current versions. */
export function nextVersion(comparison: Comparison, event: string): number {
  const versions = [
    ...Object.keys(comparison.old.events[event] ?? {}),
    ...Object.keys(comparison.current.events[event] ?? {}),
  ].map(Number);
  return Math.max(0, ...versions) + 1;
}

export function eventLabel(event: string, version: string | number): string {
  return formatMessage(P.eventOwner, { event: bareName(event), version });
}

/** `"ItemListed" v1, "OrderPaid" v1`, sorted. */
export function userList(users: Iterable<string>): string {
  return [...new Set(users)].sort().join(", ");
}

export function lookupType(spec: CanonicalSpec, name: string): TypeSchema | undefined {
  return Object.hasOwn(spec.types, name) ? spec.types[name] : undefined;
}

/**
 * The thing whose payload is compared (an event version or a record), with how to name it,
 * what stored events the change would break, and where its fields are in the current specs.
 */
export interface PayloadOwner {
  /** `"ItemRepriced" v1` or `type "Money"`. */
  readonly label: string;
  /** Fills `{consequence}`: which stored events are affected and what to do instead. */
  readonly consequence: string;
  /** The owner's declaration (for removed fields). */
  readonly span: Span | undefined;
  fieldSpan(field: string): Span | undefined;
}

export function eventOwner(comparison: Comparison, event: string, version: string): PayloadOwner {
  const n = Number(version);
  return {
    label: eventLabel(event, version),
    consequence: formatMessage(P.eventConsequence, { event: bareName(event), version, next: nextVersion(comparison, event) }),
    span: comparison.positions.eventVersion(event, n),
    fieldSpan: (field) => comparison.positions.eventField(event, n, field),
  };
}

export function typeOwner(comparison: Comparison, type: string, kind: TypeSchema["kind"], users: Iterable<string>): PayloadOwner {
  const label = formatMessage(kind === "record" ? P.recordOwner : P.enumOwner, { type: bareName(type) });
  return {
    label,
    consequence: formatMessage(P.typeConsequence, { type: label, users: userList(users) }),
    span: comparison.positions.type(type),
    fieldSpan: (field) => comparison.positions.recordField(type, field),
  };
}
