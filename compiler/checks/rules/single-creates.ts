import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { allAggregates } from "../aggregates.js";
import type { Check } from "../context.js";
import { currentDeclaration } from "../event-versions.js";

/** Every aggregate has exactly one `creates` event (counted on current versions). */
export const singleCreates: Check = (context) => {
  for (const aggregate of allAggregates(context)) {
    const creators = aggregate.events.map(currentDeclaration).filter((d) => d.creates !== undefined);
    if (creators.length === 0) {
      // A `creates` on an old version, or on a declaration rejected for its name, is reported there, not as missing.
      if (context.hasSyntaxProblemIn(aggregate.decl.span) || (aggregate.decl.events ?? []).some((e) => e.creates !== undefined)) continue;
      // Suggest the first event that has no lifecycle clause, or a placeholder name.
      const candidate = aggregate.events.map(currentDeclaration).find((d) => d.after.length === 0 && !d.ends)?.name.name ?? `${aggregate.name}Created`;
      context.report(
        createDiagnostic(
          Diagnostics.MissingCreates,
          aggregate.nameSpan,
          { aggregate: aggregate.name },
          { hint: formatMessage(Phrases.addCreates, { aggregate: aggregate.name, event: candidate }) },
        ),
      );
      continue;
    }
    const [first, ...others] = creators;
    for (const other of others)
      context.report(
        createDiagnostic(
          Diagnostics.SeveralCreates,
          other.creates!,
          { aggregate: aggregate.name, first: first!.name.name },
          { related: [{ message: formatMessage(Phrases.firstCreatesHere, { name: first!.name.name }), span: first!.creates! }] },
        ),
      );
  }
};
