/** Records (`type` declarations): an interface, and an input interface when defaults make fields optional. */
import type { RecordModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { dataFields, inputFields } from "./interface-fields.js";
import { names } from "./names.js";
import { template } from "./templates.js";
import { tsdoc } from "./tsdoc.js";

// export interface Money { readonly amount: string; ... }
// export interface MoneyInput { readonly amount: string; readonly currency?: Currency }   (only when it differs)
const recordTemplate = template<{ doc: string; name: string; fields: string; input: { name: string; fields: string } | false }>(
  `{{doc}}export interface {{name}} {
{{fields}}
}
{{#if input}}
/** {@link {{name~}} } as accepted by validators and publishers: fields with defaults may be left out. */
export interface {{input.name}} {
{{input.fields}}
}
{{/if}}
`,
);

export function emitRecord(ctx: EmitContext, record: RecordModel): string {
  return recordTemplate({
    doc: tsdoc(record),
    name: record.name,
    fields: dataFields(ctx, record.fields),
    input: ctx.index.recordNeedsInput(record.qualifiedName)
      ? { name: names.recordInput(record.name), fields: inputFields(ctx, record.fields) }
      : false,
  });
}
