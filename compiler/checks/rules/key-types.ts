import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { Check } from "../context.js";
import { typeText } from "../field-types.js";

const KEY_TYPES = new Set(["string", "uuid", "int", "long"]);

/** A key's type is string, uuid, int or long. */
export const keyTypes: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Aggregate") continue;
      for (const key of decl.keys ?? []) {
        if (key.type === undefined || (key.type.kind === "Primitive" && KEY_TYPES.has(key.type.name))) continue;
        context.report(createDiagnostic(Diagnostics.InvalidKeyType, key.type.span, { key: key.name?.name ?? "?", type: typeText(key.type) }));
      }
    }
  }
};
