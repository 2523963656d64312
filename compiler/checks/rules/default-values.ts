import type { Check } from "../context.js";
import { convertDefault } from "../default-value.js";
import { fieldOwners } from "../field-owners.js";
import { bindFieldType } from "../field-types.js";

/** A default has the field's type: numbers in range, enum members, `[]` for lists, `{}` for maps, strings in the right format; records have none. */
export const defaultValues: Check = (context) => {
  for (const owner of fieldOwners(context)) {
    for (const field of owner.fields) {
      if (field.default === undefined) continue;
      const type = bindFieldType(context, field.type);
      if (type === undefined) continue; // the type is reported where it is written
      const result = convertDefault(field.default, type, field.name?.name ?? "?");
      if ("problem" in result) context.report(result.problem);
    }
  }
};
