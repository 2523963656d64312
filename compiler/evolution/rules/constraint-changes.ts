/**
 * Which constraint changes could reject a stored value that was valid when it was written
 * (tightened: a lower bound raised or added, an upper bound lowered or added, a pattern added
 * or changed) and which only accept more (loosened: the reverse, or a constraint removed).
 */
import type { Constraints } from "../../model.js";

export interface ConstraintChanges {
  /** Human-readable, e.g. `@min(1) → @min(2)`, `@maxLength(64) added`. */
  readonly tightened: readonly string[];
  readonly loosened: readonly string[];
  /** The locked constraints as written, e.g. `@min(1) @maxLength(64)`, or `none`. */
  readonly locked: string;
}

const LOWER_BOUNDS = ["min", "minLength", "minItems"] as const;
const UPPER_BOUNDS = ["max", "maxLength", "maxItems"] as const;

export function constraintChanges(old: Constraints = {}, current: Constraints = {}): ConstraintChanges {
  const tightened: string[] = [];
  const loosened: string[] = [];
  const bounds = [
    ...LOWER_BOUNDS.map((name) => ({ name, tighter: (a: number, b: number) => b > a })),
    ...UPPER_BOUNDS.map((name) => ({ name, tighter: (a: number, b: number) => b < a })),
  ];
  for (const { name, tighter } of bounds) {
    const a = old[name];
    const b = current[name];
    if (a === b) continue;
    if (a === undefined && b !== undefined) tightened.push(`${written(name, b)} added`);
    else if (a !== undefined && b === undefined) loosened.push(`${written(name, a)} removed`);
    else if (a !== undefined && b !== undefined) (tighter(a, b) ? tightened : loosened).push(`${written(name, a)} → ${written(name, b)}`);
  }
  if (old.pattern !== current.pattern) {
    if (current.pattern === undefined) loosened.push(`${written("pattern", old.pattern)} removed`);
    else if (old.pattern === undefined) tightened.push(`${written("pattern", current.pattern)} added`);
    // Whether one regular expression accepts a superset of another is undecidable in general: any change may reject stored values.
    else tightened.push(`${written("pattern", old.pattern)} → ${written("pattern", current.pattern)}`);
  }
  const lockedParts = Object.entries(old)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => written(k, v as number | string));
  return { tightened, loosened, locked: lockedParts.length > 0 ? lockedParts.join(" ") : "no constraint" };
}

function written(name: string, value: number | string | undefined): string {
  return `@${name}(${typeof value === "string" ? JSON.stringify(value) : String(value)})`;
}
