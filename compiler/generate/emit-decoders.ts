/**
 * Decoders: one generated function per record, enum and event version. Each checks a JSON value
 * field by field (types, formats, required fields, unknown fields, annotations), applies
 * defaults, and returns a frozen value; problems go to `issues` with their JSON paths.
 */
import type { Constraints, EnumModel, FieldModel, TypeModel } from "../model.js";
import type { EmitContext } from "./context.js";
import { jsonLiteral, objectKey, stringLiteral } from "./literals.js";
import { names } from "./names.js";
import { template } from "./templates.js";

interface DecoderView {
  doc: string;
  name: string;
  type: string;
  fieldSet: string;
  fieldNames: string;
  typeName: string;
  /** One `const x$ = ...;` statement per field, plus its annotation checks. */
  statements: string;
  guard: string;
  /** One `x: x$,` property per field. */
  properties: string;
}

// export function decodeMoney(value: unknown, path: string, issues: $rt.ValidationIssue[]): Money | undefined {
//   ...one `const amount$ = $rt.requiredField(obj, "amount", path, issues, $rt.decodeDecimal);` per field...
//   return $rt.frozen<Money>({ amount: amount$, currency: currency$ });
// }
const decoderTemplate = template<DecoderView>(
  `const {{fieldSet}} = new Set<string>({{fieldNames}});

/** {{doc}} */
export function {{name}}(value: unknown, path: string, issues: $rt.ValidationIssue[]): {{type}} | undefined {
  const obj = $rt.decodeObject(value, path, issues);
  if (obj === undefined) return undefined;
  const start = issues.length;
{{statements}}  $rt.rejectUnknownFields(obj, {{fieldSet}}, {{typeName}}, path, issues);
  if ({{guard}}) return undefined;
  return $rt.frozen<{{type}}>({
{{properties}}  });
}
`,
);

// export function decodeCurrency(value: unknown, path: string, issues: $rt.ValidationIssue[]): Currency | undefined { ... }
const enumDecoderTemplate = template<{ name: string; type: string; values: string }>(
  `/** Decodes a {@link {{type~}} }: one of its members. */
export function {{name}}(value: unknown, path: string, issues: $rt.ValidationIssue[]): {{type}} | undefined {
  return $rt.decodeMember(value, path, issues, {{values}});
}
`,
);

export function emitEnumDecoder(e: EnumModel): string {
  return enumDecoderTemplate({ name: names.decoder(e.name), type: e.name, values: names.enumValues(e.name) });
}

/**
 * A decoder of an object type. `stem` names the function and its field set (`decodeMoney`,
 * `$fields$Money`), `typeName` is what unknown-field messages call it.
 */
export function emitObjectDecoder(
  ctx: EmitContext,
  args: { stem: string; type: string; typeName: string; doc: string; fields: readonly FieldModel[] },
): string {
  // Per-field statements are the most repeated output; they are joined in plain code (see interface-fields.ts).
  let statements = "";
  let properties = "";
  for (const f of args.fields) {
    const field = fieldCode(ctx, f);
    statements += field.statements;
    properties += field.property;
  }
  const mustBeDefined = args.fields.filter((f) => !f.optional).map((f) => ` || ${f.name}$ === undefined`);
  return decoderTemplate({
    doc: args.doc,
    name: names.decoder(args.stem),
    type: args.type,
    fieldSet: names.fieldSet(args.stem),
    fieldNames: args.fields.length > 0 ? `[${args.fields.map((f) => stringLiteral(f.name)).join(", ")}]` : "[] as string[]",
    typeName: stringLiteral(args.typeName),
    statements,
    properties,
    guard: `issues.length !== start${mustBeDefined.join("")}`,
  });
}

//   const sku$ = $rt.requiredField<string>(obj, "sku", path, issues, $rt.decodeString);
//   if (sku$ !== undefined && sku$.length > 64) issues.push({ ... });
function fieldCode(ctx: EmitContext, f: FieldModel): { statements: string; property: string } {
  const local = `${f.name}$`;
  const name = stringLiteral(f.name);
  const path = `path + ${stringLiteral(`.${f.name}`)}`;
  const decoder = ctx.types.decoder(f.type);
  // Explicit type arguments: inferring these generic calls dominated tsc's time on generated modules.
  const type = ctx.types.type(f.type);
  const decode =
    f.default !== undefined
      ? `$rt.defaultedField<${type}>(obj, ${name}, ${jsonLiteral(f.default)}, path, issues, ${decoder})`
      : `$rt.${f.optional ? "optionalField" : "requiredField"}<${type}>(obj, ${name}, path, issues, ${decoder})`;
  const key = objectKey(f.name);
  let statements = `  const ${local} = ${decode};\n`;
  for (const check of constraintChecks(ctx, local, path, f.type, f.constraints)) statements += `  ${check}\n`;
  const property = f.optional ? `...(${local} === undefined ? undefined : { ${key}: ${local} })` : `${key}: ${local}`;
  return { statements, property: `    ${property},\n` };
}

// if (quantity$ !== undefined && quantity$ < 1) issues.push({ path: path + ".quantity", message: "must be >= 1" });
function constraintChecks(ctx: EmitContext, local: string, path: string, type: TypeModel, c: Constraints): string[] {
  const checks: string[] = [];
  const check = (failed: string, message: string) =>
    checks.push(`if (${local} !== undefined && ${failed}) issues.push({ path: ${path}, message: ${stringLiteral(message)} });`);
  if (type.kind === "primitive") {
    const numeric = type.name === "int" || type.name === "float" || type.name === "long";
    if (numeric) {
      const bound = (n: number) => (type.name === "long" && Number.isInteger(n) ? `${BigInt(n).toString()}n` : numberLiteral(n));
      const value = type.name === "long" && !(isIntegerBound(c.min) && isIntegerBound(c.max)) ? `Number(${local})` : local;
      if (c.min !== undefined) check(`${value} < ${bound(c.min)}`, `must be >= ${c.min}`);
      if (c.max !== undefined) check(`${value} > ${bound(c.max)}`, `must be <= ${c.max}`);
    } else if (type.name !== "bool") {
      if (c.minLength !== undefined) check(`${local}.length < ${c.minLength}`, `must be at least ${c.minLength} ${plural(c.minLength, "character")} long`);
      if (c.maxLength !== undefined) check(`${local}.length > ${c.maxLength}`, `must be at most ${c.maxLength} ${plural(c.maxLength, "character")} long`);
      if (c.pattern !== undefined) {
        let index = ctx.patterns.indexOf(c.pattern);
        if (index < 0) index = ctx.patterns.push(c.pattern) - 1;
        check(`!${names.pattern(index)}.test(${local})`, `must match /${c.pattern}/`);
      }
    }
  } else if (type.kind === "list") {
    if (c.minItems !== undefined) check(`${local}.length < ${c.minItems}`, `must have at least ${c.minItems} ${plural(c.minItems, "item")}`);
    if (c.maxItems !== undefined) check(`${local}.length > ${c.maxItems}`, `must have at most ${c.maxItems} ${plural(c.maxItems, "item")}`);
  }
  return checks;
}

/** The module-level regular expressions decoders test `@pattern`s with. */
export function emitPatterns(patterns: readonly string[]): string {
  // The "u" flag: the checker validates patterns with it (compiler/checks/rules/valid-patterns.ts).
  return patterns.map((p, i) => `const ${names.pattern(i)} = new RegExp(${stringLiteral(p)}, "u");\n`).join("");
}

function isIntegerBound(n: number | undefined): boolean {
  return n === undefined || Number.isInteger(n);
}

function numberLiteral(n: number): string {
  return n < 0 ? `(${n})` : String(n);
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
