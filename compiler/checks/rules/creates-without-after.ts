import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import { allAggregates } from "../aggregates.js";
import type { Check } from "../context.js";
import { currentDeclaration } from "../event-versions.js";

/** A `creates` event has no `after` clause (nothing comes before the first event). */
export const createsWithoutAfter: Check = (context) => {
  for (const aggregate of allAggregates(context)) {
    for (const event of aggregate.events) {
      const decl = currentDeclaration(event);
      if (decl.creates === undefined || decl.after.length === 0) continue;
      context.report(createDiagnostic(Diagnostics.CreatesWithAfter, decl.afterKeyword ?? decl.after[0]!.span, { event: event.name }));
    }
  }
};
