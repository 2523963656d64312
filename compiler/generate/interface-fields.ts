/**
 * The body of a generated interface: one readonly property per field, each with its TSDoc.
 * Shared by records, event data and projection state.
 */
import type { FieldModel } from "../model.js";
import { jsonLiteral, propertyName } from "./literals.js";
import type { EmitContext } from "./context.js";
import { tsdoc } from "./tsdoc.js";

export interface FieldView {
  readonly doc: string;
  readonly key: string;
  readonly optional: boolean;
  readonly type: string;
}

// Field lines are the innermost, most repeated output (tens of thousands per large spec), so they
// are joined here in plain code; the templates around them place the finished block.
//   readonly price: Money;   (one line per field, its TSDoc above)
export function renderFields(fields: readonly FieldView[]): string {
  let out = "";
  for (const f of fields) out += `${out === "" ? "" : "\n"}${f.doc}  readonly ${f.key}${f.optional ? "?" : ""}: ${f.type};`;
  return out;
}

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

// The default as the literal a user would write; backticks escaped so the code span stays closed.
function defaultText(value: unknown): string {
  return jsonLiteral(value).replace(/`/g, "\\u0060");
}
