import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { JsonValue } from "../../model.js";
import type { Check } from "../context.js";
import { fieldDefault } from "../default-value.js";
import { fieldOwners } from "../field-owners.js";
import { validAnnotations, type ValidAnnotation } from "../field-constraints.js";
import { regExpError } from "./valid-patterns.js";

/** A field's default passes the field's own annotations. */
export const defaultsSatisfyConstraints: Check = (context) => {
  for (const owner of fieldOwners(context)) {
    for (const field of owner.fields) {
      if (field.default === undefined) continue;
      const converted = fieldDefault(context, field);
      if (converted === undefined || "problem" in converted) continue; // reported by default-values
      const { annotations } = validAnnotations(context, field);
      for (const annotation of annotations) {
        if (satisfies(converted.value, annotation)) continue;
        context.report(
          createDiagnostic(Diagnostics.DefaultViolatesConstraint, field.default.span, {
            value: JSON.stringify(converted.value),
            field: field.name?.name ?? "?",
            name: annotation.name,
            limit: typeof annotation.value === "string" ? JSON.stringify(annotation.value) : String(annotation.value),
          }),
        );
      }
    }
  }
};

function satisfies(value: JsonValue, { name, value: limit }: ValidAnnotation): boolean {
  const length = (v: JsonValue) => (typeof v === "string" ? [...v].length : Array.isArray(v) ? v.length : undefined);
  switch (name) {
    case "min":
    case "max": {
      const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
      if (Number.isNaN(n) || typeof limit !== "number") return true;
      return name === "min" ? n >= limit : n <= limit;
    }
    case "minLength":
    case "minItems": {
      const l = length(value);
      return l === undefined || typeof limit !== "number" || l >= limit;
    }
    case "maxLength":
    case "maxItems": {
      const l = length(value);
      return l === undefined || typeof limit !== "number" || l <= limit;
    }
    case "pattern":
      return typeof value !== "string" || typeof limit !== "string" || regExpError(limit) !== undefined || new RegExp(limit, "u").test(value);
    case "deprecated":
      return true;
  }
}
