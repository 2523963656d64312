import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { allAggregates } from "../aggregates.js";
import type { Check } from "../context.js";
import { currentDeclaration } from "../event-versions.js";

/** An `ends` event is never named in `after` (nothing follows the end of a key). */
export const afterNotEnds: Check = (context) => {
  for (const aggregate of allAggregates(context)) {
    for (const event of aggregate.events) {
      for (const ref of currentDeclaration(event).after) {
        const target = context.resolved(ref);
        if (target?.kind !== "event" || target.aggregate !== aggregate) continue;
        const ends = currentDeclaration(target).ends;
        if (ends === undefined) continue;
        context.report(
          createDiagnostic(Diagnostics.AfterEndsEvent, ref.span, { event: ref.text }, { related: [{ message: formatMessage(Phrases.endsHere, { name: target.name }), span: ends }] }),
        );
      }
    }
  }
};
