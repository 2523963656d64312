import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { Check } from "../context.js";

/** With `per A`, every entry of a projection's `on` list is A or an event of A. */
export const projectionPerAggregate: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Projection") continue;
      const per = context.resolved(decl.per);
      if (per?.kind !== "aggregate") continue;
      for (const ref of decl.on ?? []) {
        const target = context.resolved(ref);
        const projection = decl.name?.name ?? "?";
        if (target?.kind === "event" && target.aggregate !== per)
          context.report(createDiagnostic(Diagnostics.EventOfOtherAggregate, ref.span, { projection, aggregate: per.name, name: ref.text, other: target.aggregate.name }));
        else if (target?.kind === "aggregate" && target !== per)
          context.report(createDiagnostic(Diagnostics.OtherAggregateInOn, ref.span, { projection, aggregate: per.name, name: ref.text }));
      }
    }
  }
};
