import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { DeclSymbol } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

/** Every declared topic is used by some aggregate (a warning: an unused topic is harmless but likely a mistake). */
export const usedTopics: Check = (context) => {
  const used = new Set<DeclSymbol>();
  for (const site of context.program.references) {
    if (site.position === "topic" && site.resolution.status === "found") used.add(site.resolution.symbol);
  }
  for (const scope of context.program.table.namespaces.values())
    for (const symbol of scope.symbols.values())
      if (symbol.kind === "topic" && !used.has(symbol)) context.report(createDiagnostic(Diagnostics.UnusedTopic, symbol.nameSpan, { topic: symbol.name }));
};
