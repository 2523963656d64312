/** EV3xxx: types, fields, defaults and annotations. */
import type { DiagnosticMessage } from "../diagnostic.js";

export const typeDiagnostics = {
  DuplicateField: {
    code: "EV3001",
    severity: "error",
    message: 'The field "{name}" is already declared in {owner}.',
    explanation: "Field names must be unique within one type, event or projection state. Rename or remove one of them.",
  },
  DuplicateEnumMember: {
    code: "EV3002",
    severity: "error",
    message: 'The member "{name}" is already listed in enum "{enum}".',
    explanation: "Every member of an enum must be listed once. Remove the repeated member.",
  },
  MapKeyNotString: {
    code: "EV3003",
    severity: "error",
    message: 'Map keys must be "string", not "{type}".',
    explanation: "Maps are JSON objects, whose keys are strings. Write `map<string, T>`; for other keys, use a list of records.",
  },
  DefaultTypeMismatch: {
    code: "EV3004",
    severity: "error",
    message: 'The default of field "{field}" must be {expected}, but {found} is given.',
    explanation:
      "A default value must have the field's type: a number for int/long/float, a string for string/decimal/uuid/timestamp/date/bytes, true or false for bool, an enum member's name for an enum, `[]` (or a list of values) for a list, `{}` for a map.",
  },
  UnknownEnumMember: {
    code: "EV3005",
    severity: "error",
    message: '"{value}" is not a member of enum "{enum}".{didYouMean}',
    explanation: "The default of an enum field must name one of the enum's members, exactly as declared.",
  },
  DefaultOutOfRange: {
    code: "EV3006",
    severity: "error",
    message: 'The default {value} is out of range for "{type}" ({min} to {max}).',
    explanation: "`int` defaults must fit in 32 bits and `long` defaults in 64 bits (signed).",
  },
  DefaultInvalidFormat: {
    code: "EV3007",
    severity: "error",
    message: 'The default "{value}" is not a valid {type}: expected {format}.',
    explanation:
      'Defaults of `decimal`, `uuid`, `timestamp`, `date` and `bytes` fields are strings in a fixed format: a decimal like "19.90", a UUID, an RFC 3339 timestamp with offset, a `YYYY-MM-DD` date, base64.',
  },
  RecordDefault: {
    code: "EV3008",
    severity: "error",
    message: 'The field "{field}" has type "{type}", a record; record fields cannot have a default.',
    explanation: "Only fields of primitive, enum, list and map types can have defaults. Make the field optional (`name?: Type`) instead.",
  },
  UnknownAnnotation: {
    code: "EV3009",
    severity: "error",
    message: 'Unknown annotation "@{name}".{didYouMean}',
    explanation: "The known annotations are `@min`, `@max`, `@minLength`, `@maxLength`, `@pattern`, `@minItems`, `@maxItems` and `@deprecated`.",
  },
  AnnotationNotApplicable: {
    code: "EV3010",
    severity: "error",
    message: '"@{name}" applies only to {applies}, but "{field}" has type "{type}".',
    explanation:
      "`@min`/`@max` apply to numbers (int, long, float, decimal), `@minLength`/`@maxLength`/`@pattern` to `string`, `@minItems`/`@maxItems` to lists; `@deprecated` applies anywhere.",
  },
  AnnotationArguments: {
    code: "EV3011",
    severity: "error",
    message: '"@{name}" takes {expected}.',
    explanation:
      "An annotation has the wrong number or kind of arguments, e.g. `@maxLength(\"64\")` instead of `@maxLength(64)`, or `@min` without a number.",
  },
  DuplicateAnnotation: {
    code: "EV3012",
    severity: "error",
    message: '"@{name}" is already given on field "{field}".',
    explanation: "Each annotation may appear once per field. Remove the repeated one.",
  },
  ConstraintRangeEmpty: {
    code: "EV3013",
    severity: "error",
    message: '"@{low}({lowValue})" is greater than "@{high}({highValue})", so no value can satisfy both.',
    explanation: "A lower bound is above the upper bound of the same field. Swap or fix the bounds.",
  },
  InvalidPattern: {
    code: "EV3014",
    severity: "error",
    message: 'The pattern "{pattern}" is not a valid regular expression: {reason}.',
    explanation:
      "`@pattern` takes an ECMAScript regular expression (compiled with the `u` flag, without slashes). Fix the expression; escape a backslash in the string as `\\\\`.",
  },
  DefaultViolatesConstraint: {
    code: "EV3015",
    severity: "error",
    message: 'The default {value} of field "{field}" does not satisfy its own "@{name}({limit})".',
    explanation: "A field's default must pass the field's own annotations, or every event relying on the default would be invalid.",
  },
  EmptyEnum: {
    code: "EV3016",
    severity: "error",
    message: 'The enum "{name}" has no members.',
    explanation: "An enum needs at least one member: `enum Currency { EUR, USD }`.",
  },
  RecursiveRecord: {
    code: "EV3017",
    severity: "error",
    message: 'The type "{name}" contains itself through required fields ({path}), so no value of it can ever be written.',
    explanation:
      "A record that requires a value of itself (directly or through other records) is infinite. Break the cycle with an optional field (`next?: Node`), a list or a map.",
  },
  OptionalWithDefault: {
    code: "EV3018",
    severity: "warning",
    message: 'The field "{field}" is optional but has a default; the default always fills it in, so "?" has no effect.',
    explanation: "A field with a default is always present after decoding. Remove the `?` (the field may still be left out when publishing), or remove the default.",
  },
} as const satisfies Record<string, DiagnosticMessage>;
