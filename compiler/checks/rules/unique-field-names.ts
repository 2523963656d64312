import type { FieldDecl } from "../../../grammar/ast.js";
import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { hasName } from "../../resolve/symbols.js";
import type { Check } from "../context.js";
import { fieldOwners } from "../field-owners.js";

/** Field names are unique within a type, an event version and a projection's state. */
export const uniqueFieldNames: Check = (context) => {
  for (const owner of fieldOwners(context)) {
    const seen = new Map<string, FieldDecl>();
    for (const field of owner.fields) {
      if (!hasName(field.name)) continue;
      const first = seen.get(field.name.name);
      if (first === undefined) {
        seen.set(field.name.name, field);
        continue;
      }
      context.report(
        createDiagnostic(
          Diagnostics.DuplicateField,
          field.name.span,
          { name: field.name.name, owner: owner.description },
          { related: [{ message: formatMessage(Phrases.firstFieldHere, { name: field.name.name }), span: first.name.span }] },
        ),
      );
    }
  }
};
