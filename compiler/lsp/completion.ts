/**
 * Completion items for a context: primitives and visible types, visible events, aggregates
 * or topics, annotations, or the keywords a statement may start with. Names from the own
 * namespace are offered bare; names from imported namespaces bare when that is unambiguous,
 * qualified otherwise, exactly as the resolve phase would accept them.
 */
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver";
import { PRIMITIVE_TYPES } from "../../grammar/ast.js";
import { ANNOTATIONS } from "../checks/annotation-rules.js";
import type { Program } from "../resolve/program.js";
import type { DeclSymbol, DeclarationKind } from "../resolve/symbols.js";
import type { CompletionContext } from "./completion-context.js";
import { documentation, signature } from "./hover.js";

const KIND: Readonly<Record<DeclarationKind, CompletionItemKind>> = {
  enum: CompletionItemKind.Enum,
  type: CompletionItemKind.Struct,
  topic: CompletionItemKind.Module,
  aggregate: CompletionItemKind.Class,
  event: CompletionItemKind.Event,
  projection: CompletionItemKind.Interface,
};

const WANTED: Readonly<Record<"type" | "after" | "on" | "per" | "topic", readonly DeclarationKind[]>> = {
  type: ["type", "enum"],
  after: ["event"],
  on: ["event", "aggregate"],
  per: ["aggregate"],
  topic: ["topic"],
};

export function completionItems(context: CompletionContext, program: Program | undefined, path: string): CompletionItem[] {
  switch (context.kind) {
    case "none":
      return [];
    case "keywords":
      return context.words.map((word) => ({ label: word, kind: CompletionItemKind.Keyword }));
    case "annotation":
      return Object.entries(ANNOTATIONS).map(([name, rule]) => ({
        label: `@${name}`,
        kind: CompletionItemKind.Property,
        detail: `applies to ${rule.applies}`,
        documentation: `Takes ${rule.takes}.`,
      }));
    default: {
      const items = program ? visibleNames(program, path, WANTED[context.kind]) : [];
      if (context.kind === "type") {
        for (const name of PRIMITIVE_TYPES) items.push({ label: name, kind: CompletionItemKind.TypeParameter, detail: "built-in type" });
        items.push({ label: "list", kind: CompletionItemKind.Keyword, detail: "list<T>" }, { label: "map", kind: CompletionItemKind.Keyword, detail: "map<string, T>" });
      }
      return items;
    }
  }
}

function visibleNames(program: Program, path: string, kinds: readonly DeclarationKind[]): CompletionItem[] {
  const file = program.fileByPath.get(path);
  if (file === undefined) return [];
  const visible = program.scope.visibleNamespaces(file);
  const own = file.ast.namespace?.text;
  const importedCount = new Map<string, number>();
  for (const ns of visible) if (ns.name !== own) for (const name of ns.symbols.keys()) importedCount.set(name, (importedCount.get(name) ?? 0) + 1);
  const ownSymbols = visible.find((ns) => ns.name === own)?.symbols;

  const items: CompletionItem[] = [];
  for (const ns of visible)
    for (const [name, symbol] of ns.symbols) {
      if (!kinds.includes(symbol.kind)) continue;
      const bare = ns.name === own || (importedCount.get(name) === 1 && !ownSymbols?.has(name));
      items.push(item(bare ? name : symbol.qualifiedName, symbol));
    }
  return items;
}

function item(label: string, symbol: DeclSymbol): CompletionItem {
  const doc = documentation(symbol);
  return { label, kind: KIND[symbol.kind], detail: signature(symbol), ...(doc ? { documentation: { kind: "markdown", value: doc } } : {}) };
}
