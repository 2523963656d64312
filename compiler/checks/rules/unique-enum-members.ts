import type { EnumMember } from "../../../grammar/ast.js";
import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { hasName } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

/** Every member of an enum is listed once. */
export const uniqueEnumMembers: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Enum") continue;
      const seen = new Map<string, EnumMember>();
      for (const member of decl.members ?? []) {
        if (!hasName(member.name)) continue;
        const first = seen.get(member.name.name);
        if (first === undefined) seen.set(member.name.name, member);
        else
          context.report(
            createDiagnostic(
              Diagnostics.DuplicateEnumMember,
              member.name.span,
              { name: member.name.name, enum: decl.name?.name ?? "?" },
              { related: [{ message: formatMessage(Phrases.firstMemberHere, { name: member.name.name }), span: first.name.span }] },
            ),
          );
      }
    }
  }
};
