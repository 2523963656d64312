/**
 * Members of an enum used by locked events: stored events may hold any of them, so none may be
 * removed (or renamed, which removes one); new members are fine, since no stored event has them.
 */
import { evolutionDiagnostics as D, EvolutionPhrases as P } from "../../diagnostics/catalogue/evolution.js";
import { formatMessage } from "../../diagnostics/diagnostic.js";
import { bareName, type Comparison, type PayloadOwner } from "../comparison.js";

export function compareEnumMembers(
  comparison: Comparison,
  enumName: string,
  old: readonly string[],
  current: readonly string[],
  owner: PayloadOwner,
): void {
  const name = bareName(enumName);
  const removed = old.filter((m) => !current.includes(m));
  const added = current.filter((m) => !old.includes(m));
  // Pair removed with added members in order: one of each at the same time is most likely a rename.
  removed.forEach((member, index) => {
    const successor = added[index];
    if (successor !== undefined) {
      comparison.report(
        D.EnumMemberRenamed,
        owner.span,
        { old: member, new: successor, enum: name, consequence: owner.consequence },
        formatMessage(P.keepEnumMemberAddNew, { old: member, new: successor }),
      );
    } else {
      comparison.report(D.EnumMemberRemoved, owner.span, { member, enum: name, consequence: owner.consequence }, formatMessage(P.keepEnumMember, { member, enum: name }));
    }
  });
  for (const member of added.slice(removed.length)) comparison.note(P.compatibleEnumMemberAdded, { member, enum: name });
}
