import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import { hasName } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

/** An enum has at least one member. */
export const nonEmptyEnums: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Enum" || !hasName(decl.name) || (decl.members ?? []).length > 0 || context.hasSyntaxProblemIn(decl.span)) continue;
      context.report(createDiagnostic(Diagnostics.EmptyEnum, decl.name.span, { name: decl.name.name }));
    }
  }
};
