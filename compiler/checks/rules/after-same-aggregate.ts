import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import { allAggregates } from "../aggregates.js";
import type { Check } from "../context.js";
import { currentDeclaration } from "../event-versions.js";

/** `after` names events of the same aggregate only. */
export const afterSameAggregate: Check = (context) => {
  for (const aggregate of allAggregates(context)) {
    for (const event of aggregate.events) {
      for (const ref of currentDeclaration(event).after) {
        const target = context.resolved(ref);
        if (target?.kind !== "event" || target.aggregate === aggregate) continue;
        context.report(
          createDiagnostic(Diagnostics.AfterOtherAggregate, ref.span, { event: ref.text, other: target.aggregate.name, aggregate: aggregate.name }),
        );
      }
    }
  }
};
