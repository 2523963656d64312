import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { Check } from "../context.js";
import { fieldOwners } from "../field-owners.js";

/** A field is not both optional and defaulted (the default makes `?` meaningless). */
export const optionalWithDefault: Check = (context) => {
  for (const owner of fieldOwners(context))
    for (const field of owner.fields)
      if (field.optional && field.default !== undefined && field.name)
        context.report(createDiagnostic(Diagnostics.OptionalWithDefault, field.name.span, { field: field.name.name }));
};
