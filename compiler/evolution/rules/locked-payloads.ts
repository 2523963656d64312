/**
 * The payload of every locked event version that still exists, and every enum and record those
 * payloads reach (compared once per old/current pair, reported at the current type's
 * declaration, naming the locked events that use it).
 */
import { EvolutionPhrases as P } from "../../diagnostics/catalogue/evolution.js";
import { eventOwner, lookupType, typeOwner, type Comparison } from "../comparison.js";
import { collectTypePairs } from "../type-pairs.js";
import { compareEnumMembers } from "./enum-members.js";
import { comparePayloadFields } from "./payload-fields.js";

export function checkLockedPayloads(comparison: Comparison): void {
  const { old, current } = comparison;
  for (const [event, versions] of Object.entries(old.events)) {
    for (const [version, locked] of Object.entries(versions)) {
      const now = current.events[event]?.[version];
      if (!now) continue;
      comparePayloadFields(comparison, locked.schema.fields, now.schema.fields, eventOwner(comparison, event, version));
    }
  }
  for (const pair of collectTypePairs(comparison)) {
    const before = lookupType(old, pair.old);
    const after = lookupType(current, pair.current);
    if (!before || !after) continue;
    const owner = typeOwner(comparison, pair.current, after.kind, pair.users);
    if (before.kind === "record" && after.kind === "record") comparePayloadFields(comparison, before.fields, after.fields, owner);
    else if (before.kind === "enum" && after.kind === "enum") compareEnumMembers(comparison, pair.current, before.members, after.members, owner);
    if (pair.old !== pair.current) comparison.note(P.compatibleTypeRenamed, { old: pair.old, new: pair.current });
  }
}
