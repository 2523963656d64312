/**
 * The abstract syntax tree of one `.events` file.
 *
 * Plain, readonly data built by the CST visitor (`cst-to-ast.ts`). Every node carries a
 * `span` so that diagnostics can point at the exact source text. The AST is syntax only:
 * names are not resolved and nothing is checked here (that is `compiler/resolve` and
 * `compiler/checks`). Nodes built from input that failed to parse may have missing parts
 * (`undefined` names, empty lists); checks must tolerate that.
 */

/** A position in a source file. `line` and `column` are 1-based, `offset` is 0-based (UTF-16 units). */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open source range [start, end) in one file. */
export interface Span {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

/** An identifier as written, with where it was written. */
export interface Identifier {
  readonly name: string;
  readonly span: Span;
}

/** A possibly qualified name: `Money`, `common.Money`, `shop.orders.OrderPlaced`. */
export interface QualifiedName {
  readonly parts: readonly string[];
  /** The parts joined with `.`. */
  readonly text: string;
  readonly span: Span;
}

/** The text of one or more consecutive `///` lines, prefix and one following space removed, joined with `\n`. */
export interface DocComment {
  readonly text: string;
  readonly span: Span;
}

export interface SpecFile {
  readonly kind: "File";
  /** Absolute or caller-chosen path, the same string used in every span of this file. */
  readonly path: string;
  /** `///` lines before `namespace`: the namespace's documentation. */
  readonly doc?: DocComment;
  /** Undefined only when the file failed to parse before the namespace name. */
  readonly namespace?: QualifiedName;
  readonly imports: readonly ImportDecl[];
  readonly declarations: readonly Declaration[];
  readonly span: Span;
}

export interface ImportDecl {
  readonly kind: "Import";
  /** The string literal's value, quotes removed and escapes applied. */
  readonly path: string;
  /** Span of the string literal. */
  readonly pathSpan: Span;
  readonly span: Span;
}

export type Declaration = EnumDecl | TypeDecl | TopicDecl | AggregateDecl | ProjectionDecl;

export interface EnumDecl {
  readonly kind: "Enum";
  readonly doc?: DocComment;
  readonly name: Identifier;
  readonly members: readonly EnumMember[];
  readonly span: Span;
}

export interface EnumMember {
  readonly doc?: DocComment;
  readonly name: Identifier;
  readonly span: Span;
}

/** `type Name { fields }`: a record (value type). */
export interface TypeDecl {
  readonly kind: "Type";
  readonly doc?: DocComment;
  readonly name: Identifier;
  readonly fields: readonly FieldDecl[];
  readonly span: Span;
}

export interface TopicDecl {
  readonly kind: "Topic";
  readonly doc?: DocComment;
  readonly name: Identifier;
  /** `partitions N`; absent means the default (1). */
  readonly partitions?: IntegerLiteral;
  readonly span: Span;
}

/**
 * `aggregate Name in topic { key ...; events }`.
 * The parser accepts any number of `key` lines in any position among the events, so the
 * checker can report a missing or repeated key in the user's words.
 */
export interface AggregateDecl {
  readonly kind: "Aggregate";
  readonly doc?: DocComment;
  readonly name: Identifier;
  /** The topic after `in`; absent means the aggregate gets its own topic of 1 partition. */
  readonly topic?: QualifiedName;
  readonly keys: readonly KeyDecl[];
  readonly events: readonly EventDecl[];
  readonly span: Span;
}

export interface KeyDecl {
  readonly kind: "Key";
  readonly doc?: DocComment;
  readonly name: Identifier;
  readonly type: TypeRef;
  readonly span: Span;
}

/** `event Name vN creates|after A, B ends { fields }` */
export interface EventDecl {
  readonly kind: "Event";
  readonly doc?: DocComment;
  readonly name: Identifier;
  /** `vN`; absent means the declaration did not say (a lone declaration is v1). */
  readonly version?: IntegerLiteral;
  /** Span of the `creates` keyword when present. */
  readonly creates?: Span;
  /** Names after `after`; empty when there is no `after` clause. */
  readonly after: readonly QualifiedName[];
  /** Span of the `after` keyword when present. */
  readonly afterKeyword?: Span;
  /** Span of the `ends` keyword when present. */
  readonly ends?: Span;
  readonly fields: readonly FieldDecl[];
  readonly span: Span;
}

/** `projection Name per Aggregate { on A, B  state { fields } }` */
export interface ProjectionDecl {
  readonly kind: "Projection";
  readonly doc?: DocComment;
  readonly name: Identifier;
  readonly per?: QualifiedName;
  /** Events or aggregates after `on`. */
  readonly on: readonly QualifiedName[];
  readonly state: readonly FieldDecl[];
  /** Span of the `state` keyword, when present (for "missing state" diagnostics the span of the projection is used). */
  readonly stateKeyword?: Span;
  readonly span: Span;
}

/** `doc? name?: type = default @annotation(...)*` */
export interface FieldDecl {
  readonly kind: "Field";
  readonly doc?: DocComment;
  readonly name: Identifier;
  readonly optional: boolean;
  readonly type: TypeRef;
  readonly default?: Literal;
  readonly annotations: readonly Annotation[];
  readonly span: Span;
}

/** The ten built-in scalar types. */
export const PRIMITIVE_TYPES = [
  "string",
  "int",
  "long",
  "float",
  "decimal",
  "bool",
  "uuid",
  "timestamp",
  "date",
  "bytes",
] as const;
export type PrimitiveName = (typeof PRIMITIVE_TYPES)[number];

export function isPrimitiveName(name: string): name is PrimitiveName {
  return (PRIMITIVE_TYPES as readonly string[]).includes(name);
}

export type TypeRef = PrimitiveTypeRef | NamedTypeRef | ListTypeRef | MapTypeRef;

export interface PrimitiveTypeRef {
  readonly kind: "Primitive";
  readonly name: PrimitiveName;
  readonly span: Span;
}

/** A reference to an enum or record by (possibly qualified) name; resolved by the compiler. */
export interface NamedTypeRef {
  readonly kind: "Named";
  readonly name: QualifiedName;
  readonly span: Span;
}

export interface ListTypeRef {
  readonly kind: "List";
  readonly element: TypeRef;
  readonly span: Span;
}

/** `map<K, V>`. The parser accepts any key type; the checker requires `string`. */
export interface MapTypeRef {
  readonly kind: "Map";
  readonly key: TypeRef;
  readonly value: TypeRef;
  readonly span: Span;
}

export type Literal =
  | StringLiteral
  | IntegerLiteral
  | FloatLiteral
  | BoolLiteral
  | IdentifierLiteral
  | ListLiteral
  | MapLiteral;

export interface StringLiteral {
  readonly kind: "String";
  readonly value: string;
  readonly span: Span;
}

/** An integer as written (`-12`, `1024`). `text` keeps digits exactly so `long` defaults lose nothing. */
export interface IntegerLiteral {
  readonly kind: "Integer";
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

export interface FloatLiteral {
  readonly kind: "Float";
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: "Bool";
  readonly value: boolean;
  readonly span: Span;
}

/** A bare name used as a value, e.g. the enum member in `currency: Currency = EUR`. */
export interface IdentifierLiteral {
  readonly kind: "Identifier";
  readonly name: string;
  readonly span: Span;
}

/** `[a, b]` (the default of a list is usually `[]`). */
export interface ListLiteral {
  readonly kind: "List";
  readonly items: readonly Literal[];
  readonly span: Span;
}

/** `{}`: the only map literal. */
export interface MapLiteral {
  readonly kind: "Map";
  readonly span: Span;
}

/** `@name` or `@name(arg, ...)` */
export interface Annotation {
  readonly kind: "Annotation";
  readonly name: Identifier;
  readonly args: readonly Literal[];
  readonly span: Span;
}
