import type { TypeRef } from "../../../grammar/ast.js";
import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { Check, CheckContext } from "../context.js";
import { fieldOwners } from "../field-owners.js";
import { typeText } from "../field-types.js";

/** Map keys are `string` (maps are JSON objects). */
export const stringMapKeys: Check = (context) => {
  for (const owner of fieldOwners(context)) for (const field of owner.fields) visit(context, field.type);
};

function visit(context: CheckContext, type: TypeRef | undefined): void {
  if (type === undefined) return;
  if (type.kind === "List") visit(context, type.element);
  if (type.kind !== "Map") return;
  if (type.key !== undefined && !(type.key.kind === "Primitive" && type.key.name === "string"))
    context.report(createDiagnostic(Diagnostics.MapKeyNotString, type.key.span, { type: typeText(type.key) }, { hint: Phrases.mapKeyString }));
  visit(context, type.value);
}
