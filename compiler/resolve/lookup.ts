/**
 * Name lookup from one file. Visible are: the file's own namespace (all of its files) and the
 * namespaces of the files it imports. A bare name is looked up in the own namespace first
 * (own declarations win, like local declarations in most languages), then in the imported
 * namespaces, where it must be unique. A qualified name `ns.Name` names its namespace.
 */
import type { QualifiedName } from "../../grammar/ast.js";
import { PRIMITIVE_TYPES } from "../../grammar/ast.js";
import type { DeclSymbol, DeclarationKind, NamespaceScope, SymbolTable } from "./symbols.js";
import type { SourceFile } from "./source-file.js";

export type Resolution =
  | { readonly status: "found"; readonly symbol: DeclSymbol }
  /** Found, but not of a kind this position accepts. */
  | { readonly status: "wrong-kind"; readonly symbol: DeclSymbol }
  | { readonly status: "unknown"; readonly suggestionCandidates: readonly string[] }
  | { readonly status: "ambiguous"; readonly candidates: readonly DeclSymbol[] }
  | { readonly status: "unknown-namespace"; readonly namespace: string; readonly namespaces: readonly string[] }
  /** The name exists in a namespace this file does not import. */
  | { readonly status: "not-imported"; readonly namespace: string; readonly symbol?: DeclSymbol };

export class Scope {
  private readonly visibleCache = new Map<string, readonly NamespaceScope[]>();

  constructor(
    private readonly table: SymbolTable,
    private readonly files: ReadonlyMap<string, SourceFile>,
  ) {}

  /** The namespaces visible in a file: its own first, then imported ones in import order. */
  visibleNamespaces(file: SourceFile): readonly NamespaceScope[] {
    let visible = this.visibleCache.get(file.path);
    if (visible === undefined) {
      const names = new Set<string>();
      const own = file.ast.namespace?.text;
      if (own) names.add(own);
      for (const path of file.imports) {
        const ns = this.files.get(path)?.ast.namespace?.text;
        if (ns) names.add(ns);
      }
      visible = [...names].map((n) => this.table.namespaces.get(n)).filter((s): s is NamespaceScope => s !== undefined);
      this.visibleCache.set(file.path, visible);
    }
    return visible;
  }

  resolve(file: SourceFile, ref: QualifiedName, kinds: readonly DeclarationKind[]): Resolution {
    const parts = ref.parts;
    const name = parts[parts.length - 1] ?? "";
    const visible = this.visibleNamespaces(file);
    const accept = (symbol: DeclSymbol): Resolution =>
      kinds.includes(symbol.kind) ? { status: "found", symbol } : { status: "wrong-kind", symbol };

    if (parts.length <= 1) {
      const local = visible[0]?.symbols.get(name);
      if (local) return accept(local);
      let found: DeclSymbol[] | undefined;
      for (let i = 1; i < visible.length; i++) {
        const symbol = visible[i]!.symbols.get(name);
        if (symbol) (found ??= []).push(symbol);
      }
      if (found?.length === 1) return accept(found[0]!);
      if (found !== undefined) {
        const fitting = found.filter((s) => kinds.includes(s.kind));
        if (fitting.length === 1) return { status: "found", symbol: fitting[0]! };
        return { status: "ambiguous", candidates: fitting.length > 1 ? fitting : found };
      }
      for (const [nsName, ns] of this.table.namespaces) {
        const elsewhere = ns.symbols.get(name);
        if (elsewhere && kinds.includes(elsewhere.kind)) return { status: "not-imported", namespace: nsName, symbol: elsewhere };
      }
      return { status: "unknown", suggestionCandidates: this.candidates(visible, kinds) };
    }

    const namespace = parts.slice(0, -1).join(".");
    const scope = visible.find((ns) => ns.name === namespace);
    if (scope === undefined) {
      const exists = this.table.namespaces.get(namespace);
      if (exists) return { status: "not-imported", namespace, ...(exists.symbols.has(name) ? { symbol: exists.symbols.get(name)! } : {}) };
      return { status: "unknown-namespace", namespace, namespaces: [...this.table.namespaces.keys()] };
    }
    const symbol = scope.symbols.get(name);
    if (symbol) return accept(symbol);
    return { status: "unknown", suggestionCandidates: this.candidates([scope], kinds) };
  }

  private candidates(namespaces: readonly NamespaceScope[], kinds: readonly DeclarationKind[]): string[] {
    const names: string[] = [];
    for (const ns of namespaces) for (const [name, symbol] of ns.symbols) if (kinds.includes(symbol.kind)) names.push(name);
    if (kinds.includes("type")) names.push(...PRIMITIVE_TYPES);
    return names;
  }
}
