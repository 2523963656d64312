import { PRIMITIVE_TYPES } from "../../../grammar/ast.js";
import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import { hasName } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

const BUILT_IN = new Set<string>([...PRIMITIVE_TYPES, "list", "map"]);

/** No declaration is named like a built-in type (`string`, `int`, ..., `list`, `map`). */
export const reservedTypeNames: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (hasName(decl.name) && BUILT_IN.has(decl.name.name)) context.report(createDiagnostic(Diagnostics.ReservedTypeName, decl.name.span, { name: decl.name.name }));
      if (decl.kind !== "Aggregate") continue;
      for (const event of decl.events ?? [])
        if (hasName(event.name) && BUILT_IN.has(event.name.name)) context.report(createDiagnostic(Diagnostics.ReservedTypeName, event.name.span, { name: event.name.name }));
    }
  }
};
