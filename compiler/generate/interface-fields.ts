/**
 * The body of a generated interface: one readonly property per field, each with its TSDoc.
 * Shared by records, event data and projection state.
 */
import type { FieldModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { propertyName } from "./literals.js";
import { registerPartial } from "./templates.js";
import { tsdoc } from "./tsdoc.js";

export interface FieldView {
  readonly doc: string;
  readonly key: string;
  readonly optional: boolean;
  readonly type: string;
}

// {{> fields}} →   readonly price: Money;   (one line per field, docs above)
registerPartial(
  "fields",
  `{{#each fields}}
{{doc}}  readonly {{key}}{{#if optional}}?{{/if}}: {{type}};
{{/each}}`,
);

/** Fields as stored and handed to user code: every field present except `name?:` ones. */
export function dataFields(ctx: EmitContext, fields: readonly FieldModel[]): FieldView[] {
  return fields.map((f) => ({
    doc: tsdoc(f, "  "),
    key: propertyName(f.name),
    optional: f.optional,
    type: ctx.types.type(f.type),
  }));
}

/** Fields as accepted on input: fields with defaults may be left out, nested records take their input types. */
export function inputFields(ctx: EmitContext, fields: readonly FieldModel[]): FieldView[] {
  return fields.map((f) => ({
    doc: tsdoc(f, "  ", f.default !== undefined ? [`Default: \`${defaultText(f.default)}\`.`] : []),
    key: propertyName(f.name),
    optional: f.optional || f.default !== undefined,
    type: ctx.types.inputType(f.type),
  }));
}

/** Whether a list of fields needs a separate input interface. */
export function fieldsNeedInput(ctx: EmitContext, fields: readonly FieldModel[]): boolean {
  return fields.some((f) => f.default !== undefined || ctx.types.needsInput(f.type));
}

function defaultText(value: unknown): string {
  return JSON.stringify(value).replace(/`/g, "\\u0060").replace(/\*\//g, "*\\/");
}
