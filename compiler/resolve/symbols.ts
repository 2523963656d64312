/**
 * The declarations of every namespace, gathered from all files that declare it. Types, enums,
 * topics, aggregates, events and projections share one set of names per namespace; several
 * declarations of one event in one aggregate are its versions. The first declaration (files in
 * path order, then source order) owns a name; later ones are kept as duplicates for the checks.
 */
import type {
  AggregateDecl,
  EnumDecl,
  EventDecl,
  Identifier,
  ProjectionDecl,
  Span,
  TopicDecl,
  TypeDecl,
} from "../../grammar/ast.js";
import type { SourceFile } from "./source-file.js";

export type DeclarationKind = "enum" | "type" | "topic" | "aggregate" | "event" | "projection";

interface SymbolBase {
  readonly name: string;
  readonly namespace: string;
  /** `namespace.name` */
  readonly qualifiedName: string;
  readonly file: string;
  /** Span of the (first) declaration's name. */
  readonly nameSpan: Span;
}

export interface EnumSymbol extends SymbolBase {
  readonly kind: "enum";
  readonly decl: EnumDecl;
}
export interface RecordSymbol extends SymbolBase {
  readonly kind: "type";
  readonly decl: TypeDecl;
}
export interface TopicSymbol extends SymbolBase {
  readonly kind: "topic";
  readonly decl: TopicDecl;
}
export interface AggregateSymbol extends SymbolBase {
  readonly kind: "aggregate";
  readonly decl: AggregateDecl;
  /** Its events, in order of their first declaration. */
  readonly events: EventSymbol[];
}
export interface EventSymbol extends SymbolBase {
  readonly kind: "event";
  /** Every declaration (version) of the event, in source order. */
  readonly decls: EventDecl[];
  readonly aggregate: AggregateSymbol;
}
export interface ProjectionSymbol extends SymbolBase {
  readonly kind: "projection";
  readonly decl: ProjectionDecl;
}

export type DeclSymbol = EnumSymbol | RecordSymbol | TopicSymbol | AggregateSymbol | EventSymbol | ProjectionSymbol;

/** A declaration whose name was already taken in its namespace. */
export interface DuplicateDeclaration {
  readonly kind: DeclarationKind;
  readonly name: Identifier;
  readonly namespace: string;
  readonly first: DeclSymbol;
  /** For events: set when both are events of different aggregates and one of them carries a version. */
  readonly eventInOtherAggregate?: { readonly decl: EventDecl; readonly aggregate: AggregateDecl };
}

export interface NamespaceScope {
  readonly name: string;
  /** Files declaring this namespace, sorted by path. */
  readonly files: SourceFile[];
  readonly symbols: Map<string, DeclSymbol>;
}

export interface SymbolTable {
  /** By namespace name. */
  readonly namespaces: Map<string, NamespaceScope>;
  readonly duplicates: DuplicateDeclaration[];
  /** The symbol of every event declaration that was accepted (not a duplicate). */
  readonly eventOf: Map<EventDecl, EventSymbol>;
  /** The symbol of every aggregate declaration that was accepted. */
  readonly aggregateOf: Map<AggregateDecl, AggregateSymbol>;
}

/** True for identifiers the parser could build; recovered nodes may lack a name. */
export function hasName(id: Identifier | undefined): id is Identifier {
  return id !== undefined && typeof id.name === "string" && id.name.length > 0;
}

export function buildSymbolTable(files: readonly SourceFile[]): SymbolTable {
  const namespaces = new Map<string, NamespaceScope>();
  const duplicates: DuplicateDeclaration[] = [];
  const eventOf = new Map<EventDecl, EventSymbol>();
  const aggregateOf = new Map<AggregateDecl, AggregateSymbol>();

  for (const file of files) {
    const namespace = file.ast.namespace?.text;
    if (namespace === undefined || namespace.length === 0) continue;
    let scope = namespaces.get(namespace);
    if (scope === undefined) {
      scope = { name: namespace, files: [], symbols: new Map() };
      namespaces.set(namespace, scope);
    }
    scope.files.push(file);
    const symbols = scope.symbols;
    const base = (id: Identifier) => ({
      name: id.name,
      namespace,
      qualifiedName: `${namespace}.${id.name}`,
      file: file.path,
      nameSpan: id.span,
    });
    const claim = (kind: DeclarationKind, id: Identifier, make: () => DeclSymbol): DeclSymbol | undefined => {
      const first = symbols.get(id.name);
      if (first !== undefined) {
        duplicates.push({ kind, name: id, namespace, first });
        return undefined;
      }
      const symbol = make();
      symbols.set(id.name, symbol);
      return symbol;
    };

    for (const decl of file.ast.declarations) {
      if (!hasName(decl.name)) continue;
      switch (decl.kind) {
        case "Enum":
          claim("enum", decl.name, () => ({ kind: "enum", decl, ...base(decl.name) }));
          break;
        case "Type":
          claim("type", decl.name, () => ({ kind: "type", decl, ...base(decl.name) }));
          break;
        case "Topic":
          claim("topic", decl.name, () => ({ kind: "topic", decl, ...base(decl.name) }));
          break;
        case "Projection":
          claim("projection", decl.name, () => ({ kind: "projection", decl, ...base(decl.name) }));
          break;
        case "Aggregate": {
          const aggregate = claim("aggregate", decl.name, () => ({ kind: "aggregate", decl, events: [], ...base(decl.name) })) as
            | AggregateSymbol
            | undefined;
          if (aggregate) aggregateOf.set(decl, aggregate);
          for (const event of decl.events ?? []) {
            if (!hasName(event.name)) continue;
            const first = symbols.get(event.name.name);
            if (first === undefined) {
              if (!aggregate) continue; // events of a duplicate aggregate are checked, but own no names
              const symbol: EventSymbol = { kind: "event", decls: [event], aggregate, ...base(event.name) };
              symbols.set(event.name.name, symbol);
              aggregate.events.push(symbol);
              eventOf.set(event, symbol);
            } else if (first.kind === "event" && aggregate !== undefined && first.aggregate === aggregate) {
              first.decls.push(event);
              eventOf.set(event, first);
            } else if (first.kind === "event" && aggregate !== undefined && (event.version !== undefined || first.decls.some((d) => d.version !== undefined))) {
              duplicates.push({ kind: "event", name: event.name, namespace, first, eventInOtherAggregate: { decl: event, aggregate: decl } });
            } else {
              duplicates.push({ kind: "event", name: event.name, namespace, first });
            }
          }
          break;
        }
      }
    }
  }
  return { namespaces, duplicates, eventOf, aggregateOf };
}
