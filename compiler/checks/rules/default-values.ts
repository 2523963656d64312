import type { Check } from "../context.js";
import { fieldDefault } from "../default-value.js";
import { fieldOwners } from "../field-owners.js";

/** A default has the field's type: numbers in range, enum members, `[]` for lists, `{}` for maps, strings in the right format; records have none. */
export const defaultValues: Check = (context) => {
  for (const owner of fieldOwners(context)) {
    for (const field of owner.fields) {
      // Undefined when there is no default or the type did not resolve (reported where it is written).
      const result = fieldDefault(context, field);
      if (result !== undefined && "problem" in result) context.report(result.problem);
    }
  }
};
