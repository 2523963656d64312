/** Every list of fields in the program, with words that name its owner in messages. */
import type { AggregateDecl, EventDecl, FieldDecl } from "../../grammar/ast.js";
import type { SourceFile } from "../resolve/source-file.js";
import type { CheckContext } from "./context.js";

export interface FieldOwner {
  /** `type "Money"`, `event "OrderPlaced"`, `event "ItemRepriced" v2`, `the state of projection "PriceList"`. */
  readonly description: string;
  readonly fields: readonly FieldDecl[];
  readonly file: SourceFile;
  readonly event?: { readonly decl: EventDecl; readonly aggregate: AggregateDecl };
}

export function fieldOwners(context: CheckContext): FieldOwner[] {
  return context.memo("fieldOwners", context.program, () => collect(context));
}

function collect(context: CheckContext): FieldOwner[] {
  const owners: FieldOwner[] = [];
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if (decl.kind === "Type") owners.push({ description: `type "${decl.name?.name}"`, fields: decl.fields ?? [], file });
      else if (decl.kind === "Projection")
        owners.push({ description: `the state of projection "${decl.name?.name}"`, fields: decl.state ?? [], file });
      else if (decl.kind === "Aggregate") {
        for (const event of decl.events ?? []) {
          const version = event.version ? ` v${event.version.text}` : "";
          owners.push({
            description: `event "${event.name?.name}"${version}`,
            fields: event.fields ?? [],
            file,
            event: { decl: event, aggregate: decl },
          });
        }
      }
    }
  }
  return owners;
}
