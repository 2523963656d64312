import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import { hasName } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

/** A projection handles at least one event. */
export const nonEmptyOn: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Projection" || !hasName(decl.name) || (decl.on ?? []).length > 0 || context.hasSyntaxProblemIn(decl.span)) continue;
      context.report(createDiagnostic(Diagnostics.EmptyOn, decl.name.span, { projection: decl.name.name }));
    }
  }
};
