/**
 * Spec types as TypeScript type expressions (see the type mapping in docs/generated-code.md),
 * and the decoder expression for each.
 */
import type { PrimitiveName } from "../../grammar/ast.js";
import type { TypeModel } from "../model.js";
import type { ModelIndex } from "./model-index.js";
import { typeNeedsInput } from "./model-index.js";
import { bareName, names, namespaceAlias, namespaceOf } from "./names.js";

const PRIMITIVE_TYPES: Readonly<Record<PrimitiveName, string>> = {
  string: "string",
  uuid: "string",
  decimal: "string",
  timestamp: "string",
  date: "string",
  bytes: "string",
  int: "number",
  float: "number",
  long: "bigint",
  bool: "boolean",
};

const PRIMITIVE_DECODERS: Readonly<Record<PrimitiveName, string>> = {
  string: "decodeString",
  uuid: "decodeUuid",
  decimal: "decodeDecimal",
  timestamp: "decodeTimestamp",
  date: "decodeDate",
  bytes: "decodeBytes",
  int: "decodeInt",
  float: "decodeFloat",
  long: "decodeLong",
  bool: "decodeBool",
};

export function primitiveType(name: PrimitiveName): string {
  return PRIMITIVE_TYPES[name];
}

/** Writes type expressions and decoder references as seen from inside namespace `here`. */
export class TypeWriter {
  /** Other namespaces referenced so far (their modules must be imported). */
  readonly referencedNamespaces = new Set<string>();

  constructor(
    private readonly here: string,
    private readonly index: ModelIndex,
  ) {}

  /** A declaration's name, qualified with its module's alias when it lives in another namespace. */
  ref(qualifiedName: string, derive: (bare: string) => string = (n) => n): string {
    const ns = namespaceOf(qualifiedName);
    const local = derive(bareName(qualifiedName));
    if (ns === this.here) return local;
    this.referencedNamespaces.add(ns);
    return `${namespaceAlias(ns)}.${local}`;
  }

  /** The decoded (stored) TypeScript type. */
  type(type: TypeModel): string {
    switch (type.kind) {
      case "primitive":
        return PRIMITIVE_TYPES[type.name];
      case "enum":
      case "record":
        return this.ref(type.ref);
      case "list":
        return `readonly ${this.wrapForArray(this.type(type.element))}[]`;
      case "map":
        return `{ readonly [key: string]: ${this.type(type.value)} }`;
    }
  }

  /** The type accepted on input: records with defaults replaced by their input types. */
  inputType(type: TypeModel): string {
    switch (type.kind) {
      case "record":
        return this.index.recordNeedsInput(type.ref) ? this.ref(type.ref, names.recordInput) : this.ref(type.ref);
      case "list":
        return `readonly ${this.wrapForArray(this.inputType(type.element))}[]`;
      case "map":
        return `{ readonly [key: string]: ${this.inputType(type.value)} }`;
      default:
        return this.type(type);
    }
  }

  needsInput(type: TypeModel): boolean {
    return typeNeedsInput(type, this.index.recordNeedsInput);
  }

  /** An expression of type `Decoder<T>` for the type. Generic helpers get explicit type arguments: tsc checks them much faster than it infers them. */
  decoder(type: TypeModel): string {
    switch (type.kind) {
      case "primitive":
        return `${names.runtime}.${PRIMITIVE_DECODERS[type.name]}`;
      case "enum":
      case "record":
        return this.ref(type.ref, names.decoder);
      case "list":
        return `${names.runtime}.listOf<${this.type(type.element)}>(${this.decoder(type.element)})`;
      case "map":
        return `${names.runtime}.mapOf<${this.type(type.value)}>(${this.decoder(type.value)})`;
    }
  }

  private wrapForArray(element: string): string {
    return element.startsWith("readonly ") || element.includes(" | ") ? `(${element})` : element;
  }
}
