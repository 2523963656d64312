/**
 * Spec types as JSON Schema, matching what the generated decoders accept (compiler/generate/
 * emit-decoders.ts and runtime/validation/): the same formats, the same 32- and 64-bit integer
 * ranges, annotations as keywords, unknown fields rejected. Shared by the JSON Schema and the
 * AsyncAPI exporters; they differ only in where named types live (`ref`).
 *
 * Known differences from the decoders (docs/exports.md): JSON Schema counts string lengths in
 * code points where the decoders count UTF-16 units (use ajv's `unicode: false` to match), and
 * `format: date-time` validators accept a leap second (`:60`) only at 23:59 UTC.
 */
import type { PrimitiveName } from "../../grammar/ast.js";
import type { Constraints, EnumModel, FieldModel, RecordModel, TypeModel } from "../model.js";
import { atLeastPattern, atMostPattern } from "./integer-range-pattern.js";

export type JsonSchema = { [keyword: string]: unknown };

/** How a named type (record or enum, by qualified name) is referenced. */
export type RefOf = (qualifiedName: string) => string;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

// The runtime's formats (runtime/validation/formats.ts) as patterns; `format` adds the calendar checks.
export const PATTERNS = {
  uuid: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  timestamp: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])[Tt](?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$",
  date: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$",
  decimal: "^-?(?:0|[1-9]\\d*)(?:\\.\\d+)?$",
  bytes: "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
} as const;

export function primitiveSchema(name: PrimitiveName): JsonSchema {
  switch (name) {
    case "string":
      return { type: "string" };
    case "bool":
      return { type: "boolean" };
    case "int":
      return { type: "integer", minimum: INT_MIN, maximum: INT_MAX };
    case "float":
      return { type: "number" };
    case "long":
      return longSchema(LONG_MIN, LONG_MAX);
    case "uuid":
      return { type: "string", format: "uuid", pattern: PATTERNS.uuid };
    case "timestamp":
      return { type: "string", format: "date-time", pattern: PATTERNS.timestamp };
    case "date":
      return { type: "string", format: "date", pattern: PATTERNS.date };
    case "decimal":
      return { type: "string", pattern: PATTERNS.decimal, description: 'A decimal number written out in full, e.g. "19.90".' };
    case "bytes":
      return { type: "string", contentEncoding: "base64", pattern: PATTERNS.bytes };
  }
}

/** `long`: a string of digits within the range, or a safe integer within it. */
function longSchema(lo: bigint, hi: bigint): JsonSchema {
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const text: JsonSchema = { type: "string", pattern: "^-?\\d+$" };
  // The digits must also be in range: one pattern per bound (regular expressions cannot intersect).
  text["allOf"] = [{ pattern: atLeastPattern(lo) }, { pattern: atMostPattern(hi) }];
  const integer: JsonSchema = {
    type: "integer",
    minimum: Number(lo > -safe ? lo : -safe),
    maximum: Number(hi < safe ? hi : safe),
  };
  return { description: "A 64-bit integer: a string of decimal digits, or a safe integer.", anyOf: [text, integer] };
}

export function typeSchema(type: TypeModel, ref: RefOf): JsonSchema {
  switch (type.kind) {
    case "primitive":
      return primitiveSchema(type.name);
    case "enum":
    case "record":
      return { $ref: ref(type.ref) };
    case "list":
      return { type: "array", items: typeSchema(type.element, ref) };
    case "map":
      return { type: "object", additionalProperties: typeSchema(type.value, ref) };
  }
}

/** A field's schema: its type with its annotations, docs, default and deprecation. */
export function fieldSchema(field: FieldModel, ref: RefOf): JsonSchema {
  const schema = constrained(field.type, field.constraints, ref);
  const notes: string[] = [];
  if (field.doc !== undefined) notes.push(field.doc);
  if (field.deprecated !== undefined) notes.push(field.deprecated === "" ? "Deprecated." : `Deprecated: ${field.deprecated}`);
  const described = notes.length > 0 ? withDescription(schema, notes.join("\n\n")) : schema;
  if (field.default !== undefined) described["default"] = field.default;
  if (field.deprecated !== undefined) described["deprecated"] = true;
  // A $ref next to other keywords is fine in 2020-12, but draft-07 tools (AsyncAPI's schema
  // format is based on it) ignore $ref siblings: wrap the reference so docs and defaults survive.
  if ("$ref" in described && Object.keys(described).length > 1) {
    const { $ref, ...rest } = described;
    return { allOf: [{ $ref }], ...rest };
  }
  return described;
}

function withDescription(schema: JsonSchema, description: string): JsonSchema {
  const existing = schema["description"];
  return { ...schema, description: typeof existing === "string" ? `${description}\n\n${existing}` : description };
}

// The annotation checks of emit-decoders.ts `constraintChecks`, keyword for keyword.
function constrained(type: TypeModel, c: Constraints, ref: RefOf): JsonSchema {
  if (type.kind === "list") {
    const schema = typeSchema(type, ref);
    if (c.minItems !== undefined) schema["minItems"] = c.minItems;
    if (c.maxItems !== undefined) schema["maxItems"] = c.maxItems;
    return schema;
  }
  if (type.kind !== "primitive") return typeSchema(type, ref);
  switch (type.name) {
    case "bool":
      return primitiveSchema("bool");
    case "long": {
      // Decoders compare a long with an integer bound exactly and with a fractional one via Number():
      // for integers both are the same as comparing with the bound rounded inwards.
      const lo = c.min === undefined ? LONG_MIN : max(LONG_MIN, BigInt(Math.ceil(c.min)));
      const hi = c.max === undefined ? LONG_MAX : min(LONG_MAX, BigInt(Math.floor(c.max)));
      return longSchema(lo, hi);
    }
    case "int":
    case "float": {
      const schema = primitiveSchema(type.name);
      if (c.min !== undefined) schema["minimum"] = type.name === "int" ? Math.max(INT_MIN, c.min) : c.min;
      if (c.max !== undefined) schema["maximum"] = type.name === "int" ? Math.min(INT_MAX, c.max) : c.max;
      return schema;
    }
    default: {
      const schema = primitiveSchema(type.name);
      if (c.minLength !== undefined) schema["minLength"] = c.minLength;
      if (c.maxLength !== undefined) schema["maxLength"] = c.maxLength;
      if (c.pattern !== undefined) {
        // A format pattern and an annotation pattern must both hold.
        if (typeof schema["pattern"] === "string") schema["allOf"] = [{ pattern: c.pattern }];
        else schema["pattern"] = c.pattern;
      }
      return schema;
    }
  }
}

/** An object of fields: required unless optional or defaulted, nothing else allowed (decoders reject unknown fields). */
export function objectSchema(fields: readonly FieldModel[], ref: RefOf): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const f of fields) {
    properties[f.name] = fieldSchema(f, ref);
    if (!f.optional && f.default === undefined) required.push(f.name);
  }
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

export function recordSchema(record: RecordModel, ref: RefOf): JsonSchema {
  return { title: record.qualifiedName, ...(record.doc !== undefined ? { description: record.doc } : {}), ...objectSchema(record.fields, ref) };
}

export function enumSchema(e: EnumModel): JsonSchema {
  const described = e.members.filter((m) => m.doc !== undefined).map((m) => `- ${m.name}: ${m.doc ?? ""}`);
  const doc = [e.doc, described.length > 0 ? described.join("\n") : undefined].filter((d) => d !== undefined).join("\n\n");
  return { title: e.qualifiedName, ...(doc !== "" ? { description: doc } : {}), type: "string", enum: e.members.map((m) => m.name) };
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
