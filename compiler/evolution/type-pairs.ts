/**
 * Types are compared by shape, not by name: stored events are JSON, so what matters is that a
 * field that held a `common.Money` object still holds an object of a compatible shape, whatever
 * the record is called now. Each place where a locked payload uses a named type pairs the old
 * type with the type the current spec uses there; every pair is then compared once, and the
 * locked event versions that reach it are the ones its changes would break.
 */
import { parseTypeString, type CanonicalSpec, type TypeShape } from "./canonical.js";
import { eventLabel, lookupType, type Comparison } from "./comparison.js";

export interface TypePair {
  readonly old: string;
  readonly current: string;
  /** Labels of the locked event versions that reach this pair (`"ItemListed" v1`). */
  readonly users: Set<string>;
}

/**
 * True when a value of type `oldType` (in the old spec) is stored where the current spec
 * expects `currentType` and both have the same shape at this level: equal primitives, lists of
 * matching elements, maps of matching values, or named types of the same kind (record/enum),
 * which are handed to `onPair` to be compared field by field.
 */
export function shapesMatch(
  oldType: string,
  currentType: string,
  old: CanonicalSpec,
  current: CanonicalSpec,
  onPair: (old: string, current: string) => void = () => {},
): boolean {
  const a = parseTypeString(oldType);
  const b = parseTypeString(currentType);
  return a !== undefined && b !== undefined && match(a, b, old, current, onPair);
}

function match(a: TypeShape, b: TypeShape, old: CanonicalSpec, current: CanonicalSpec, onPair: (o: string, c: string) => void): boolean {
  if (a.kind === "primitive" && b.kind === "primitive") return a.name === b.name;
  if (a.kind === "list" && b.kind === "list") return match(a.element, b.element, old, current, onPair);
  if (a.kind === "map" && b.kind === "map") return match(a.value, b.value, old, current, onPair);
  if (a.kind === "named" && b.kind === "named") {
    const oldKind = lookupType(old, a.ref)?.kind;
    const currentKind = lookupType(current, b.ref)?.kind;
    // A type missing from a (damaged) lock can only be trusted by name.
    if (oldKind === undefined || currentKind === undefined) return a.ref === b.ref;
    if (oldKind !== currentKind) return false;
    onPair(a.ref, b.ref);
    return true;
  }
  return false;
}

/** Every pair of (old, current) named types reachable from the locked event versions that still exist. */
export function collectTypePairs(comparison: Comparison): TypePair[] {
  const { old, current } = comparison;
  const pairs = new Map<string, TypePair>();
  for (const [event, versions] of Object.entries(old.events)) {
    for (const [version, locked] of Object.entries(versions)) {
      const now = current.events[event]?.[version];
      if (!now) continue;
      const user = eventLabel(event, version);
      const visited = new Set<string>();
      const visit = (oldFields: Readonly<Record<string, { type: string }>>, currentFields: Readonly<Record<string, { type: string }>>) => {
        for (const [name, field] of Object.entries(oldFields)) {
          const counterpart = Object.hasOwn(currentFields, name) ? currentFields[name] : undefined;
          if (!counterpart) continue;
          shapesMatch(field.type, counterpart.type, old, current, (o, c) => {
            const id = `${o}\u0000${c}`;
            let pair = pairs.get(id);
            if (!pair) pairs.set(id, (pair = { old: o, current: c, users: new Set() }));
            pair.users.add(user);
            if (visited.has(id)) return;
            visited.add(id);
            const oldSchema = lookupType(old, o);
            const currentSchema = lookupType(current, c);
            if (oldSchema?.kind === "record" && currentSchema?.kind === "record") visit(oldSchema.fields, currentSchema.fields);
          });
        }
      };
      visit(locked.schema.fields, now.schema.fields);
    }
  }
  const order = (p: TypePair) => `${p.current}\u0000${p.old}`;
  return [...pairs.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
