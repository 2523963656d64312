import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { RecordSymbol } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

interface Edge {
  readonly field: string;
  readonly target: RecordSymbol;
}

/** No record requires a value of itself through required record fields (such a value would be infinite). */
export const nonRecursiveRecords: Check = (context) => {
  const records: RecordSymbol[] = [];
  for (const scope of context.program.table.namespaces.values()) for (const s of scope.symbols.values()) if (s.kind === "type") records.push(s);
  const edges = new Map<RecordSymbol, Edge[]>();
  for (const record of records) {
    const list: Edge[] = [];
    for (const field of record.decl.fields ?? []) {
      if (field.optional || field.type?.kind !== "Named" || !field.name) continue;
      const target = context.resolved(field.type.name);
      if (target?.kind === "type") list.push({ field: field.name.name, target });
    }
    edges.set(record, list);
  }

  // Iterative depth-first search; a back edge closes a cycle, reported once at the record where it was entered.
  const state = new Map<RecordSymbol, "active" | "done">();
  for (const root of records) {
    if (state.has(root)) continue;
    const stack: { record: RecordSymbol; next: number; via?: string }[] = [{ record: root, next: 0 }];
    state.set(root, "active");
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = edges.get(frame.record)?.[frame.next++];
      if (edge === undefined) {
        state.set(frame.record, "done");
        stack.pop();
        continue;
      }
      const seen = state.get(edge.target);
      if (seen === undefined) {
        state.set(edge.target, "active");
        stack.push({ record: edge.target, next: 0, via: edge.field });
      } else if (seen === "active") {
        const start = stack.findIndex((f) => f.record === edge.target);
        const cycle = stack.slice(start);
        const path = cycle.map((f, i) => `${f.record.name}.${i + 1 < cycle.length ? cycle[i + 1]!.via : edge.field}`).join(" → ") + ` → ${edge.target.name}`;
        context.report(createDiagnostic(Diagnostics.RecursiveRecord, edge.target.nameSpan, { name: edge.target.name, path }));
      }
    }
  }
};
