import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { hasName } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

/** Every aggregate declares exactly one `key`. */
export const singleKey: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Aggregate" || !hasName(decl.name)) continue;
      const keys = (decl.keys ?? []).filter((k) => hasName(k.name));
      const aggregate = decl.name.name;
      if (keys.length === 0) {
        if ((decl.keys ?? []).length > 0 || context.hasSyntaxProblemIn(decl.span)) continue;
        const suggestion = `${aggregate.charAt(0).toLowerCase()}${aggregate.slice(1)}Id`;
        context.report(createDiagnostic(Diagnostics.MissingKey, decl.name.span, { aggregate }, { hint: formatMessage(Phrases.addKey, { suggestion }) }));
        continue;
      }
      const [first, ...extra] = keys;
      for (const key of extra)
        context.report(
          createDiagnostic(
            Diagnostics.DuplicateKey,
            key.name.span,
            { aggregate, first: first!.name.name },
            { related: [{ message: formatMessage(Phrases.firstKeyHere, { name: first!.name.name }), span: first!.name.span }] },
          ),
        );
    }
  }
};
