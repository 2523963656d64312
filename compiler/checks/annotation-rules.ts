/** The known annotations: which field types each applies to and what arguments it takes. */
import type { Literal } from "../../grammar/ast.js";
import type { Constraints } from "../model.js";
import { isNumeric, type FieldType } from "./field-types.js";

export type AnnotationName = "min" | "max" | "minLength" | "maxLength" | "pattern" | "minItems" | "maxItems" | "deprecated";

export interface AnnotationRule {
  /** In messages: `"@min" applies only to numbers ...`. */
  readonly applies: string;
  readonly appliesTo: (type: FieldType) => boolean;
  /** In messages: `"@min" takes one number, e.g. @min(1)`. */
  readonly takes: string;
  /** The argument's value, or undefined when the arguments are wrong. */
  readonly argument: (args: readonly Literal[]) => number | string | null | undefined;
  /** The constraint it sets, if any. */
  readonly constraint?: keyof Constraints;
}

const number = (args: readonly Literal[]) => {
  const [arg] = args;
  return args.length === 1 && (arg?.kind === "Integer" || arg?.kind === "Float") && Number.isFinite(arg.value) ? arg.value : undefined;
};
const count = (args: readonly Literal[]) => {
  const [arg] = args;
  return args.length === 1 && arg?.kind === "Integer" && Number.isSafeInteger(arg.value) && arg.value >= 0 ? arg.value : undefined;
};
const isString = (type: FieldType) => type.kind === "primitive" && type.name === "string";
const isList = (type: FieldType) => type.kind === "list";

export const ANNOTATIONS: Readonly<Record<AnnotationName, AnnotationRule>> = {
  min: { applies: "numbers (int, long, float, decimal)", appliesTo: isNumeric, takes: "one number, e.g. @min(1)", argument: number, constraint: "min" },
  max: { applies: "numbers (int, long, float, decimal)", appliesTo: isNumeric, takes: "one number, e.g. @max(100)", argument: number, constraint: "max" },
  minLength: { applies: "strings", appliesTo: isString, takes: "one whole number of 0 or more, e.g. @minLength(1)", argument: count, constraint: "minLength" },
  maxLength: { applies: "strings", appliesTo: isString, takes: "one whole number of 0 or more, e.g. @maxLength(64)", argument: count, constraint: "maxLength" },
  pattern: {
    applies: "strings",
    appliesTo: isString,
    takes: 'one string holding a regular expression, e.g. @pattern("^[A-Z]{3}$")',
    argument: (args) => (args.length === 1 && args[0]?.kind === "String" ? args[0].value : undefined),
    constraint: "pattern",
  },
  minItems: { applies: "lists", appliesTo: isList, takes: "one whole number of 0 or more, e.g. @minItems(1)", argument: count, constraint: "minItems" },
  maxItems: { applies: "lists", appliesTo: isList, takes: "one whole number of 0 or more, e.g. @maxItems(10)", argument: count, constraint: "maxItems" },
  deprecated: {
    applies: "any field",
    appliesTo: () => true,
    takes: 'no argument or one string saying why, e.g. @deprecated("use total instead")',
    argument: (args) => (args.length === 0 ? null : args.length === 1 && args[0]?.kind === "String" ? args[0].value : undefined),
  },
};

export function isAnnotationName(name: string): name is AnnotationName {
  return Object.prototype.hasOwnProperty.call(ANNOTATIONS, name);
}

/** Pairs of bounds that must not cross. */
export const BOUND_PAIRS: readonly (readonly [AnnotationName, AnnotationName])[] = [
  ["min", "max"],
  ["minLength", "maxLength"],
  ["minItems", "maxItems"],
];
