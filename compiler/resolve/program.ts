/**
 * Resolution: loaded files → symbol table → every name reference bound to its declaration
 * (or to the reason it could not be). Reports nothing itself; the checks turn unresolved
 * references into diagnostics, so each problem is reported once, where it is written.
 */
import type { FieldDecl, QualifiedName, TypeRef } from "../../grammar/ast.js";
import { Scope, type Resolution } from "./lookup.js";
import type { SourceFile } from "./source-file.js";
import { buildSymbolTable, type DeclarationKind, type SymbolTable } from "./symbols.js";

/** Where a reference is written, which decides the kinds it may name. */
export type ReferencePosition = "type" | "topic" | "after" | "per" | "on";

export const KINDS_AT: Readonly<Record<ReferencePosition, readonly DeclarationKind[]>> = {
  type: ["type", "enum"],
  topic: ["topic"],
  after: ["event"],
  per: ["aggregate"],
  on: ["event", "aggregate"],
};

export interface ReferenceSite {
  readonly file: SourceFile;
  readonly ref: QualifiedName;
  readonly position: ReferencePosition;
  readonly resolution: Resolution;
}

export interface Program {
  /** Sorted by path. */
  readonly files: readonly SourceFile[];
  readonly fileByPath: ReadonlyMap<string, SourceFile>;
  readonly table: SymbolTable;
  readonly scope: Scope;
  /** Every reference in source order of files in path order. */
  readonly references: readonly ReferenceSite[];
  readonly referenceAt: ReadonlyMap<QualifiedName, ReferenceSite>;
}

export function resolveProgram(files: readonly SourceFile[]): Program {
  const fileByPath = new Map(files.map((f) => [f.path, f]));
  const table = buildSymbolTable(files);
  const scope = new Scope(table, fileByPath);
  const references: ReferenceSite[] = [];
  const referenceAt = new Map<QualifiedName, ReferenceSite>();

  for (const file of files) {
    if (!file.ast.namespace?.text) continue; // a file without namespace gets its syntax errors only
    const add = (ref: QualifiedName | undefined, position: ReferencePosition) => {
      if (ref === undefined || ref.parts.length === 0 || ref.parts.some((p) => !p)) return;
      const site: ReferenceSite = { file, ref, position, resolution: scope.resolve(file, ref, KINDS_AT[position]) };
      references.push(site);
      referenceAt.set(ref, site);
    };
    const addType = (type: TypeRef | undefined) => {
      if (type === undefined) return;
      switch (type.kind) {
        case "Named":
          add(type.name, "type");
          break;
        case "List":
          addType(type.element);
          break;
        case "Map":
          // The key must be `string` (a check says so); a named key is not looked up, to report it once.
          addType(type.value);
          break;
        case "Primitive":
          break;
      }
    };
    const addFields = (fields: readonly FieldDecl[] | undefined) => {
      for (const field of fields ?? []) addType(field.type);
    };
    for (const decl of file.ast.declarations) {
      switch (decl.kind) {
        case "Type":
          addFields(decl.fields);
          break;
        case "Aggregate":
          add(decl.topic, "topic");
          for (const event of decl.events ?? []) {
            for (const after of event.after ?? []) add(after, "after");
            addFields(event.fields);
          }
          break;
        case "Projection":
          add(decl.per, "per");
          for (const on of decl.on ?? []) add(on, "on");
          addFields(decl.state);
          break;
        case "Enum":
        case "Topic":
          break;
      }
    }
  }
  return { files, fileByPath, table, scope, references, referenceAt };
}
