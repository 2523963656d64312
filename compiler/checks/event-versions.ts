/** Versions of an event: a declaration without `vN` is v1; the highest version is the current one. */
import type { EventDecl } from "../../grammar/ast.js";
import type { EventSymbol } from "../resolve/symbols.js";

export function versionOf(decl: EventDecl): number {
  return decl.version?.value ?? 1;
}

/** The declaration that is published and carries the lifecycle: the highest version (the last one on ties). */
export function currentDeclaration(event: EventSymbol): EventDecl {
  let current = event.decls[0]!;
  for (const decl of event.decls) if (versionOf(decl) >= versionOf(current)) current = decl;
  return current;
}
