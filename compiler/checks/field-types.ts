/** Field types with their names bound: what a `TypeRef` means once references are resolved. */
import type { PrimitiveName, TypeRef } from "../../grammar/ast.js";
import type { EnumSymbol, RecordSymbol } from "../resolve/symbols.js";
import type { CheckContext } from "./context.js";

export type FieldType =
  | { readonly kind: "primitive"; readonly name: PrimitiveName }
  | { readonly kind: "enum"; readonly symbol: EnumSymbol }
  | { readonly kind: "record"; readonly symbol: RecordSymbol }
  | { readonly kind: "list"; readonly element: FieldType }
  | { readonly kind: "map"; readonly value: FieldType };

/** The bound type, or undefined when any part of it is missing or did not resolve (already reported elsewhere). */
export function bindFieldType(context: CheckContext, type: TypeRef | undefined): FieldType | undefined {
  if (type === undefined) return undefined;
  switch (type.kind) {
    case "Primitive":
      return { kind: "primitive", name: type.name };
    case "Named": {
      const symbol = context.resolved(type.name);
      if (symbol?.kind === "enum") return { kind: "enum", symbol };
      if (symbol?.kind === "type") return { kind: "record", symbol };
      return undefined;
    }
    case "List": {
      const element = bindFieldType(context, type.element);
      return element && { kind: "list", element };
    }
    case "Map": {
      const value = bindFieldType(context, type.value);
      return value && { kind: "map", value };
    }
  }
}

/** The type as a user would write it: `list<Money>`, `map<string, int>`. */
export function typeText(type: TypeRef | undefined): string {
  if (type === undefined) return "?";
  switch (type.kind) {
    case "Primitive":
      return type.name;
    case "Named":
      return type.name.text;
    case "List":
      return `list<${typeText(type.element)}>`;
    case "Map":
      return `map<${typeText(type.key)}, ${typeText(type.value)}>`;
  }
}

export function isNumeric(type: FieldType): boolean {
  return type.kind === "primitive" && (type.name === "int" || type.name === "long" || type.name === "float" || type.name === "decimal");
}
