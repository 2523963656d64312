import type { Span } from "../../../grammar/ast.js";
import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import { allAggregates } from "../aggregates.js";
import type { Check } from "../context.js";
import { currentDeclaration, versionOf } from "../event-versions.js";

/** `creates`, `after` and `ends` are written on the current (highest) version of an event only. */
export const lifecycleOnCurrentVersion: Check = (context) => {
  for (const aggregate of allAggregates(context)) {
    for (const event of aggregate.events) {
      if (event.decls.length < 2 || event.decls.some((d) => d.version === undefined)) continue; // missing versions are reported first
      const current = currentDeclaration(event);
      for (const decl of event.decls) {
        if (decl === current || versionOf(decl) === versionOf(current)) continue;
        const clauses: [string, Span | undefined][] = [
          ["creates", decl.creates],
          ["after", decl.afterKeyword ?? decl.after[0]?.span],
          ["ends", decl.ends],
        ];
        for (const [clause, span] of clauses) {
          if (span === undefined) continue;
          context.report(
            createDiagnostic(Diagnostics.LifecycleOnOldVersion, span, { clause, event: event.name, current: versionOf(current), version: versionOf(decl) }),
          );
        }
      }
    }
  }
};
