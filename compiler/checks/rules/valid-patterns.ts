import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { Check } from "../context.js";
import { fieldOwners } from "../field-owners.js";
import { validAnnotations } from "../field-constraints.js";

/** `@pattern` holds an ECMAScript regular expression that compiles with the `u` flag (as generated validators use it). */
export const validPatterns: Check = (context) => {
  for (const owner of fieldOwners(context)) {
    for (const field of owner.fields) {
      const pattern = validAnnotations(context, field).annotations.find((a) => a.name === "pattern");
      if (!pattern || typeof pattern.value !== "string") continue;
      const reason = regExpError(pattern.value);
      if (reason !== undefined) {
        const argument = pattern.annotation.args[0];
        context.report(createDiagnostic(Diagnostics.InvalidPattern, argument?.span ?? pattern.annotation.span, { pattern: pattern.value, reason }));
      }
    }
  }
};

export function regExpError(source: string): string | undefined {
  try {
    new RegExp(source, "u");
    return undefined;
  } catch (error) {
    // "Invalid regular expression: /(/u: Unterminated group" → "unterminated group"
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.slice(message.lastIndexOf(": ") + 2);
    return reason.charAt(0).toLowerCase() + reason.slice(1);
  }
}
