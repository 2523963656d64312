import type { QualifiedName } from "../../../grammar/ast.js";
import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import type { DeclSymbol } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

/** A projection's `on` list names each event once, and not again after listing its aggregate (warnings). */
export const uniqueOnEntries: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Projection") continue;
      const projection = decl.name?.name ?? "?";
      const entries = (decl.on ?? []).map((ref) => ({ ref, symbol: context.resolved(ref) }));
      const listed = new Set(entries.map((e) => e.symbol).filter((s): s is DeclSymbol => s !== undefined));
      const seen = new Map<DeclSymbol, QualifiedName>();
      for (const { ref, symbol } of entries) {
        if (symbol === undefined) continue;
        const first = seen.get(symbol);
        if (first !== undefined) {
          context.report(
            createDiagnostic(
              Diagnostics.RepeatedOnEntry,
              ref.span,
              { name: ref.text, projection },
              { hint: Phrases.removeDuplicate, related: [{ message: formatMessage(Phrases.firstOnEntryHere, { name: first.text }), span: first.span }] },
            ),
          );
          continue;
        }
        seen.set(symbol, ref);
        if (symbol.kind === "event" && listed.has(symbol.aggregate))
          context.report(createDiagnostic(Diagnostics.OnEntryCoveredByAggregate, ref.span, { name: ref.text, aggregate: symbol.aggregate.name }));
      }
    }
  }
};
