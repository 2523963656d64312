import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic } from "../../diagnostics/diagnostic.js";
import type { Check } from "../context.js";

export const MAX_PARTITIONS = 1024;

/** A topic's `partitions` is a whole number from 1 to 1024. */
export const partitionCounts: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind !== "Topic" || decl.partitions === undefined) continue;
      const { value, text, span } = decl.partitions;
      if (Number.isInteger(value) && value >= 1 && value <= MAX_PARTITIONS) continue;
      context.report(createDiagnostic(Diagnostics.PartitionsOutOfRange, span, { topic: decl.name?.name ?? "?", value: text }));
    }
  }
};
