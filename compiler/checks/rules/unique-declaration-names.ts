import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import type { Check } from "../context.js";
import { kindWords } from "../reference-diagnostic.js";

/** Names are unique per namespace across types, enums, topics, aggregates, events and projections (event versions excepted). */
export const uniqueDeclarationNames: Check = (context) => {
  for (const duplicate of context.program.table.duplicates) {
    const { first, name } = duplicate;
    const related = [{ message: formatMessage(Phrases.firstDeclaredHere, { name: name.name }), span: first.nameSpan }];
    if (duplicate.eventInOtherAggregate && first.kind === "event") {
      const version = duplicate.eventInOtherAggregate.decl.version?.text ?? "1";
      context.report(
        createDiagnostic(
          Diagnostics.VersionsInDifferentAggregates,
          name.span,
          { event: name.name, version, aggregate: duplicate.eventInOtherAggregate.aggregate.name?.name ?? "?", other: first.aggregate.name },
          { related },
        ),
      );
      continue;
    }
    context.report(
      createDiagnostic(Diagnostics.DuplicateDeclaration, name.span, { name: name.name, firstKind: kindWords(first.kind).replace(/^an? /, "the "), namespace: duplicate.namespace }, { related }),
    );
  }
};
