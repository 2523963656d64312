import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import { BOUND_PAIRS } from "../annotation-rules.js";
import type { Check } from "../context.js";
import { fieldOwners } from "../field-owners.js";
import { validAnnotations } from "../field-constraints.js";

/** A lower bound (`@min`, `@minLength`, `@minItems`) is not above its upper bound. */
export const constraintRanges: Check = (context) => {
  for (const owner of fieldOwners(context)) {
    for (const field of owner.fields) {
      const { annotations } = validAnnotations(context, field);
      for (const [low, high] of BOUND_PAIRS) {
        const lower = annotations.find((a) => a.name === low);
        const upper = annotations.find((a) => a.name === high);
        if (!lower || !upper || typeof lower.value !== "number" || typeof upper.value !== "number" || lower.value <= upper.value) continue;
        const later = lower.annotation.span.start.offset > upper.annotation.span.start.offset ? lower : upper;
        context.report(
          createDiagnostic(Diagnostics.ConstraintRangeEmpty, later.annotation.span, { low, lowValue: lower.value, high, highValue: upper.value }),
        );
      }
    }
  }
};
