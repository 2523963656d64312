import type { EventDecl } from "../../../grammar/ast.js";
import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { allAggregates } from "../aggregates.js";
import type { Check } from "../context.js";

/** Versions are 1 or more; with several declarations of one event each carries a distinct `vN`. */
export const eventVersions: Check = (context) => {
  for (const aggregate of allAggregates(context)) {
    for (const event of aggregate.events) {
      const seen = new Map<number, EventDecl>();
      for (const decl of event.decls) {
        const version = decl.version;
        if (version === undefined) {
          if (event.decls.length > 1)
            context.report(
              createDiagnostic(Diagnostics.MissingVersion, decl.name.span, { event: event.name, count: event.decls.length }, { hint: Phrases.addVersions }),
            );
          continue;
        }
        if (!Number.isSafeInteger(version.value) || version.value < 1) {
          context.report(createDiagnostic(Diagnostics.InvalidVersion, version.span, { version: version.text }));
          continue;
        }
        const first = seen.get(version.value);
        if (first === undefined) seen.set(version.value, decl);
        else
          context.report(
            createDiagnostic(
              Diagnostics.DuplicateVersion,
              version.span,
              { event: event.name, version: version.text },
              { related: [{ message: formatMessage(Phrases.firstVersionHere, { version: version.text }), span: first.version?.span ?? first.name.span }] },
            ),
          );
      }
    }
  }
};
