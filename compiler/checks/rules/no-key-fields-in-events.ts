import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { hasName } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

/** No event declares a field named like its aggregate's key (every event already carries the key). */
export const noKeyFieldsInEvents: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Aggregate") continue;
      const key = (decl.keys ?? []).find((k) => hasName(k.name));
      if (key === undefined) continue;
      const aggregate = decl.name?.name ?? "?";
      for (const event of decl.events ?? []) {
        for (const field of event.fields ?? []) {
          if (field.name?.name !== key.name.name) continue;
          context.report(
            createDiagnostic(
              Diagnostics.FieldNamedLikeKey,
              field.name.span,
              { event: event.name?.name ?? "?", field: field.name.name, aggregate },
              {
                hint: formatMessage(Phrases.removeKeyField, { aggregate, key: key.name.name }),
                related: [{ message: formatMessage(Phrases.keyDeclaredHere, { name: key.name.name, aggregate }), span: key.name.span }],
              },
            ),
          );
        }
      }
    }
  }
};
