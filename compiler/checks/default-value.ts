/**
 * A field's default value checked against its type and turned into its JSON form
 * (see compiler/model.ts): the checks report the problem, the model builder keeps the value.
 */
import type { FieldDecl, Literal } from "../../grammar/ast.js";
import { isBase64, isDate, isDecimal, isTimestamp, isUuid } from "../../runtime/validation/formats.js";
import { Diagnostics, Phrases } from "../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { JsonValue } from "../model.js";
import type { CheckContext } from "./context.js";
import { validAnnotations } from "./field-constraints.js";
import type { FieldType } from "./field-types.js";

export type DefaultResult = { readonly value: JsonValue } | { readonly problem: Diagnostic };

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

const FORMATS = {
  decimal: { test: isDecimal, format: 'a decimal number such as "19.90" (no exponent, no leading zeros)' },
  uuid: { test: isUuid, format: 'a UUID such as "123e4567-e89b-12d3-a456-426614174000"' },
  timestamp: { test: isTimestamp, format: 'an RFC 3339 timestamp with offset such as "2024-01-31T12:00:00Z"' },
  date: { test: isDate, format: 'a date such as "2024-01-31"' },
  bytes: { test: isBase64, format: "base64 text" },
} as const;

export function describeExpected(type: FieldType): string {
  switch (type.kind) {
    case "enum":
      return `a member of enum "${type.symbol.name}"`;
    case "record":
      return "no default";
    case "list":
      return "a list such as []";
    case "map":
      return "{} (an empty map)";
    case "primitive":
      switch (type.name) {
        case "string":
          return "a string";
        case "int":
        case "long":
          return "a whole number";
        case "float":
          return "a number";
        case "bool":
          return "true or false";
        default:
          return `a string holding ${FORMATS[type.name].format}`;
      }
  }
}

export function describeLiteral(literal: Literal): string {
  switch (literal.kind) {
    case "String":
      return `the string ${JSON.stringify(literal.value)}`;
    case "Integer":
    case "Float":
      return `the number ${literal.text}`;
    case "Bool":
      return String(literal.value);
    case "Identifier":
      return `the name "${literal.name}"`;
    case "List":
      return "a list";
    case "Map":
      return "{}";
  }
}

/** The checked default of a field; undefined when it has none or its type did not resolve. */
export function fieldDefault(context: CheckContext, field: FieldDecl): DefaultResult | undefined {
  const literal = field.default;
  if (literal === undefined) return undefined;
  return context.memo("fieldDefault", field, () => {
    const { type } = validAnnotations(context, field);
    return type === undefined ? undefined : convertDefault(literal, type, field.name?.name ?? "?");
  });
}

export function convertDefault(literal: Literal, type: FieldType, field: string): DefaultResult {
  const mismatch = (extra: { readonly hint?: string } = {}): DefaultResult => ({
    problem: createDiagnostic(Diagnostics.DefaultTypeMismatch, literal.span, { field, expected: describeExpected(type), found: describeLiteral(literal) }, extra),
  });
  switch (type.kind) {
    case "record":
      return { problem: createDiagnostic(Diagnostics.RecordDefault, literal.span, { field, type: type.symbol.name }, { hint: formatMessage(Phrases.makeOptional, { field, type: type.symbol.name }) }) };
    case "enum": {
      if (literal.kind !== "Identifier") return mismatch();
      const members = (type.symbol.decl.members ?? []).map((m) => m.name?.name).filter((n): n is string => Boolean(n));
      if (!members.includes(literal.name))
        return { problem: createDiagnostic(Diagnostics.UnknownEnumMember, literal.span, { value: literal.name, enum: type.symbol.name, didYouMean: didYouMean(literal.name, members) }) };
      return { value: literal.name };
    }
    case "list": {
      if (literal.kind !== "List") return mismatch();
      const values: JsonValue[] = [];
      for (const item of literal.items ?? []) {
        const converted = convertDefault(item, type.element, field);
        if ("problem" in converted) return converted;
        values.push(converted.value);
      }
      return { value: values };
    }
    case "map":
      return literal.kind === "Map" ? { value: {} } : mismatch();
    case "primitive":
      switch (type.name) {
        case "string":
          return literal.kind === "String" ? { value: literal.value } : mismatch();
        case "bool":
          return literal.kind === "Bool" ? { value: literal.value } : mismatch();
        case "float":
          return (literal.kind === "Integer" || literal.kind === "Float") && Number.isFinite(literal.value) ? { value: literal.value } : mismatch();
        case "int": {
          if (literal.kind !== "Integer") return mismatch();
          const value = parseBigInt(literal.text);
          if (value === undefined) return mismatch();
          if (value < BigInt(INT_MIN) || value > BigInt(INT_MAX))
            return { problem: createDiagnostic(Diagnostics.DefaultOutOfRange, literal.span, { value: literal.text, type: "int", min: INT_MIN, max: INT_MAX }) };
          return { value: Number(value) };
        }
        case "long": {
          if (literal.kind !== "Integer") return mismatch();
          const value = parseBigInt(literal.text);
          if (value === undefined) return mismatch();
          if (value < LONG_MIN || value > LONG_MAX)
            return { problem: createDiagnostic(Diagnostics.DefaultOutOfRange, literal.span, { value: literal.text, type: "long", min: String(LONG_MIN), max: String(LONG_MAX) }) };
          return { value: value.toString() };
        }
        case "decimal":
          if ((literal.kind === "Integer" || literal.kind === "Float") && isDecimal(literal.text)) return { value: literal.text };
          if (literal.kind === "Integer" || literal.kind === "Float")
            return mismatch({ hint: formatMessage(Phrases.quoteDecimal, { suggestion: String(literal.value) }) });
          return checkFormat(literal, "decimal", mismatch);
        case "uuid":
        case "timestamp":
        case "date":
        case "bytes":
          return checkFormat(literal, type.name, mismatch);
      }
  }
}

function checkFormat(literal: Literal, type: keyof typeof FORMATS, mismatch: () => DefaultResult): DefaultResult {
  if (literal.kind !== "String") return mismatch();
  const { test, format } = FORMATS[type];
  if (!test(literal.value)) return { problem: createDiagnostic(Diagnostics.DefaultInvalidFormat, literal.span, { value: literal.value, type, format }) };
  return { value: literal.value };
}

/** The integer a literal's text spells, or undefined when it spells none. */
export function parseBigInt(text: string): bigint | undefined {
  return /^[+-]?\d+$/.test(text) ? BigInt(text) : undefined;
}
