/** The accepted aggregates of the program, for the lifecycle checks. */
import type { AggregateSymbol } from "../resolve/symbols.js";
import type { CheckContext } from "./context.js";

export function allAggregates(context: CheckContext): AggregateSymbol[] {
  const list: AggregateSymbol[] = [];
  for (const scope of context.program.table.namespaces.values())
    for (const symbol of scope.symbols.values()) if (symbol.kind === "aggregate") list.push(symbol);
  return list;
}
