/**
 * The body of a generated interface: one readonly property per field, each with its TSDoc.
 * Shared by records, event data and projection state.
 */
import type { FieldModel } from "../model.js";
import { jsonLiteral, propertyName } from "./literals.js";
import type { EmitContext } from "./context.js";
import { tsdoc } from "./tsdoc.js";

// Field lines are the innermost, most repeated output (tens of thousands per large spec), so they
// are written here in plain code, straight to one string; the templates around them place the block.
//   readonly price: Money;   (one line per field, its TSDoc above)

/** Fields as stored and handed to user code: every field present except `name?:` ones. */
export function dataFields(ctx: EmitContext, fields: readonly FieldModel[]): string {
  const lines = new Array<string>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as FieldModel;
    lines[i] = `${tsdoc(f, "  ")}  readonly ${propertyName(f.name)}${f.optional ? "?" : ""}: ${ctx.types.type(f.type)};`;
  }
  return lines.join("\n");
}

/** Fields as accepted on input: fields with defaults may be left out, nested records take their input types. */
export function inputFields(ctx: EmitContext, fields: readonly FieldModel[]): string {
  const lines = new Array<string>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as FieldModel;
    const hasDefault = f.default !== undefined;
    const doc = tsdoc(f, "  ", hasDefault ? [`Default: \`${defaultText(f.default)}\`.`] : undefined);
    lines[i] = `${doc}  readonly ${propertyName(f.name)}${f.optional || hasDefault ? "?" : ""}: ${ctx.types.inputType(f.type)};`;
  }
  return lines.join("\n");
}

/** Whether a list of fields needs a separate input interface. */
export function fieldsNeedInput(ctx: EmitContext, fields: readonly FieldModel[]): boolean {
  return fields.some((f) => f.default !== undefined || ctx.types.needsInput(f.type));
}

// The default as the literal a user would write; backticks escaped so the code span stays closed.
function defaultText(value: unknown): string {
  return jsonLiteral(value).replace(/`/g, "\\u0060");
}
