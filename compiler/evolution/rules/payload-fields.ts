/**
 * Fields of a locked payload (an event version, or a record it uses) against the current ones.
 * A stored event must still decode, and mean the same: no field may disappear, change type,
 * lose or change its default, become required without a default, or get a tighter constraint;
 * a new field must be optional or have a default (no stored event has it).
 */
import { evolutionDiagnostics as D, EvolutionPhrases as P } from "../../diagnostics/catalogue/evolution.js";
import { formatMessage } from "../../diagnostics/diagnostic.js";
import type { JsonValue } from "../../model.js";
import { canonicalJson } from "../canonical-json.js";
import type { CanonicalField, CanonicalFields } from "../canonical.js";
import type { Comparison, PayloadOwner } from "../comparison.js";
import { shapesMatch } from "../type-pairs.js";
import { constraintChanges } from "./constraint-changes.js";

export function comparePayloadFields(comparison: Comparison, old: CanonicalFields, current: CanonicalFields, owner: PayloadOwner): void {
  const removed = Object.keys(old).filter((name) => !Object.hasOwn(current, name));
  const added = Object.keys(current).filter((name) => !Object.hasOwn(old, name));
  const renamedTo = new Set<string>();

  for (const name of removed) {
    const before = old[name] as CanonicalField;
    // A field that vanished while one of the same type appeared was most likely renamed: say so.
    const successor = added.find((candidate) => !renamedTo.has(candidate) && current[candidate]?.type === before.type);
    if (successor !== undefined) {
      renamedTo.add(successor);
      comparison.report(
        D.FieldRenamed,
        owner.fieldSpan(successor),
        { old: name, new: successor, owner: owner.label, consequence: owner.consequence },
        formatMessage(P.renameInNewVersion, { old: name, new: successor, owner: owner.label }),
      );
    } else {
      comparison.report(
        D.FieldRemoved,
        owner.span,
        { field: name, owner: owner.label, consequence: owner.consequence },
        formatMessage(P.restoreField, { declaration: declaration(name, before), owner: owner.label }),
      );
    }
  }

  for (const name of added) {
    if (renamedTo.has(name)) continue;
    const field = current[name] as CanonicalField;
    if (!field.optional && field.default === undefined) {
      comparison.report(
        D.RequiredFieldAdded,
        owner.fieldSpan(name),
        { field: name, owner: owner.label, consequence: owner.consequence },
        formatMessage(P.makeAddedOptional, { field: name, type: field.type }),
      );
    } else {
      const how = field.optional ? "optional" : `defaulted (= ${value(field.default)})`;
      comparison.note(P.compatibleFieldAdded, { how, field: name, owner: owner.label });
    }
  }

  for (const [name, before] of Object.entries(old)) {
    const after = Object.hasOwn(current, name) ? current[name] : undefined;
    if (after) compareField(comparison, name, before, after, owner);
  }
}

function compareField(comparison: Comparison, name: string, before: CanonicalField, after: CanonicalField, owner: PayloadOwner): void {
  const span = owner.fieldSpan(name);
  const args = { field: name, owner: owner.label, consequence: owner.consequence };
  if (!shapesMatch(before.type, after.type, comparison.old, comparison.current)) {
    comparison.report(
      D.FieldTypeChanged,
      span,
      { ...args, old: before.type, new: after.type },
      formatMessage(P.typeInNewVersion, { field: name, old: before.type, owner: owner.label }),
    );
    return;
  }

  const becameRequired = before.optional && !after.optional;
  if (becameRequired && after.default === undefined) {
    comparison.report(D.FieldBecameRequired, span, args, formatMessage(P.keepOptional, { field: name, type: after.type }));
  } else if (becameRequired) {
    comparison.note(P.compatibleRequiredWithDefault, { field: name, owner: owner.label, value: value(after.default) });
  } else if (!before.optional && after.optional) {
    comparison.note(P.compatibleFieldOptional, { field: name, owner: owner.label });
  }

  if (before.default !== undefined && (after.default === undefined || canonicalJson(before.default) !== canonicalJson(after.default))) {
    comparison.report(
      D.DefaultChanged,
      span,
      { ...args, old: value(before.default), new: after.default === undefined ? "none" : value(after.default) },
      formatMessage(P.keepDefault, { old: value(before.default), owner: owner.label }),
    );
  } else if (before.default === undefined && after.default !== undefined && !becameRequired) {
    comparison.note(P.compatibleDefaultAdded, { field: name, owner: owner.label, value: value(after.default) });
  }

  const changes = constraintChanges(before.constraints, after.constraints);
  for (const change of changes.tightened) {
    comparison.report(D.ConstraintTightened, span, { ...args, change }, formatMessage(P.keepConstraint, { locked: changes.locked, owner: owner.label }));
  }
  for (const change of changes.loosened) comparison.note(P.compatibleConstraintLoosened, { field: name, owner: owner.label, change });
}

function declaration(name: string, field: CanonicalField): string {
  return `${name}${field.optional ? "?" : ""}: ${field.type}${field.default !== undefined ? ` = ${value(field.default)}` : ""}`;
}

function value(json: JsonValue | undefined): string {
  return json === undefined ? "none" : canonicalJson(json);
}
