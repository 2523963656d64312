/**
 * What the name at an offset stands for: a reference bound by the resolve phase (a type in a
 * field, an event after `after`/`on`, an aggregate after `per`/`on`, a topic after `in`), a
 * declaration's own name, or an import's path. This is the one question go-to-definition and
 * hover ask; answering it on top of the resolved program keeps the editor's idea of a name
 * identical to the compiler's.
 */
import type { Declaration, FieldDecl, KeyDecl, Span } from "../../grammar/ast.js";
import { resolveImportPath } from "../resolve/load-files.js";
import type { Program } from "../resolve/program.js";
import { hasName, type DeclSymbol } from "../resolve/symbols.js";

export type Target =
  | { readonly kind: "symbol"; readonly symbol: DeclSymbol; readonly span: Span }
  | { readonly kind: "import"; readonly path: string; readonly span: Span }
  /** A field, key or state field's own name: hover shows its type and docs. */
  | { readonly kind: "field"; readonly field: FieldDecl | KeyDecl; readonly span: Span };

/** Inclusive at the end, so a cursor right after the last letter still counts. */
function within(span: Span, offset: number): boolean {
  return span.start.offset <= offset && offset <= span.end.offset;
}

export function targetAt(program: Program, path: string, offset: number): Target | undefined {
  const file = program.fileByPath.get(path);
  if (file === undefined) return undefined;

  for (const decl of file.ast.imports)
    if (within(decl.pathSpan, offset)) return { kind: "import", path: resolveImportPath(path, decl.path), span: decl.pathSpan };

  for (const site of program.references) {
    if (site.file !== file || !within(site.ref.span, offset)) continue;
    const resolution = site.resolution;
    if (resolution.status === "found" || resolution.status === "wrong-kind") return { kind: "symbol", symbol: resolution.symbol, span: site.ref.span };
    if (resolution.status === "not-imported" && resolution.symbol) return { kind: "symbol", symbol: resolution.symbol, span: site.ref.span };
    if (resolution.status === "ambiguous" && resolution.candidates[0]) return { kind: "symbol", symbol: resolution.candidates[0], span: site.ref.span };
    return undefined;
  }

  const field = fieldAt(file.ast.declarations, offset);
  if (field) return { kind: "field", field, span: field.name.span };

  // A declaration's own name: the symbol it declares (for a duplicate, the first declaration).
  const namespace = file.ast.namespace?.text;
  const symbols = namespace ? program.table.namespaces.get(namespace)?.symbols : undefined;
  if (symbols === undefined) return undefined;
  for (const decl of file.ast.declarations) {
    if (hasName(decl.name) && within(decl.name.span, offset)) {
      const symbol = symbols.get(decl.name.name);
      return symbol ? { kind: "symbol", symbol, span: decl.name.span } : undefined;
    }
    if (decl.kind !== "Aggregate" || !within(decl.span, offset)) continue;
    for (const event of decl.events ?? []) {
      if (!hasName(event.name) || !within(event.name.span, offset)) continue;
      const symbol = program.table.eventOf.get(event) ?? symbols.get(event.name.name);
      return symbol ? { kind: "symbol", symbol, span: event.name.span } : undefined;
    }
  }
  return undefined;
}


function fieldAt(declarations: readonly Declaration[], offset: number): FieldDecl | KeyDecl | undefined {
  const named = (fields: readonly (FieldDecl | KeyDecl)[] | undefined) => (fields ?? []).find((f) => hasName(f.name) && within(f.name.span, offset));
  for (const decl of declarations) {
    if (!within(decl.span, offset)) continue;
    switch (decl.kind) {
      case "Type":
        return named(decl.fields);
      case "Projection":
        return named(decl.state);
      case "Aggregate":
        return named(decl.keys) ?? decl.events?.map((e) => named(e.fields)).find((f) => f !== undefined);
      default:
        return undefined;
    }
  }
  return undefined;
}
