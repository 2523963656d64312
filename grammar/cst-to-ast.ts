/**
 * Builds the readonly AST (`ast.ts`) from chevrotain's CST.
 *
 * The CST may be partial: after a syntax error chevrotain's recovery leaves out tokens or
 * inserts placeholder tokens (`isInsertedInRecovery`, no position). A node whose name or
 * type is missing is skipped (its syntax error is already reported); nothing here throws.
 */
import type { CstElement, CstNode, CstNodeLocation, IToken } from "chevrotain";
import type {
  AggregateDecl,
  Annotation,
  Declaration,
  DocComment,
  EnumDecl,
  EnumMember,
  EventDecl,
  FieldDecl,
  Identifier,
  ImportDecl,
  IntegerLiteral,
  Literal,
  Position,
  ProjectionDecl,
  QualifiedName,
  Span,
  SpecFile,
  TopicDecl,
  TypeDecl,
  TypeRef,
  KeyDecl,
} from "./ast.js";
import { PRIMITIVE_TYPES, type PrimitiveName } from "./ast.js";
import type { DocAttachments } from "./doc-comments.js";
import { eventsParser } from "./parser.js";
import type { SyntaxProblem } from "./syntax-problem.js";
import { decodeStringLiteral } from "./string-literal.js";

type Children = Record<string, CstElement[] | undefined>;
const primitiveNames: ReadonlySet<string> = new Set(PRIMITIVE_TYPES);
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Location = CstNodeLocation | undefined;

const BaseVisitor = eventsParser.getBaseCstVisitorConstructor<Location, unknown>();

/** A real token (not one inserted by recovery) at `index` of `children[name]`. */
function token(children: Children, name: string, index = 0): IToken | undefined {
  const element = children[name]?.[index] as IToken | undefined;
  if (element === undefined || element.isInsertedInRecovery === true || Number.isNaN(element.startOffset)) {
    return undefined;
  }
  return element;
}

function tokens(children: Children, name: string): IToken[] {
  const elements = children[name];
  if (elements === undefined) return [];
  const result: IToken[] = [];
  for (const element of elements as IToken[]) {
    if (element.isInsertedInRecovery !== true && !Number.isNaN(element.startOffset)) result.push(element);
  }
  return result;
}

function child(children: Children, name: string, index = 0): CstNode | undefined {
  return children[name]?.[index] as CstNode | undefined;
}

function nodes(children: Children, name: string): CstNode[] {
  return (children[name] as CstNode[] | undefined) ?? [];
}

function startOf(token: IToken): Position {
  return { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 };
}

function endOf(token: IToken): Position {
  const endOffset = token.endOffset ?? token.startOffset + token.image.length - 1;
  return {
    offset: endOffset + 1,
    line: token.endLine ?? token.startLine ?? 1,
    column: (token.endColumn ?? token.startColumn ?? 0) + 1,
  };
}

export class AstBuilder extends BaseVisitor {
  readonly problems: SyntaxProblem[] = [];

  constructor(
    private readonly path: string,
    private readonly docs: DocAttachments,
  ) {
    super();
  }

  private span(start: Position, end: Position): Span {
    return { file: this.path, start, end };
  }

  private tokenSpan(token: IToken): Span {
    return this.span(startOf(token), endOf(token));
  }

  /** The span of a CST node, or of `fallback` when recovery left the node without real tokens. */
  private nodeSpan(location: Location, fallback: Span): Span {
    if (
      location === undefined ||
      Number.isNaN(location.startOffset) ||
      location.endOffset === undefined ||
      Number.isNaN(location.endOffset)
    ) {
      return fallback;
    }
    return this.span(
      { offset: location.startOffset, line: location.startLine ?? 1, column: location.startColumn ?? 1 },
      { offset: location.endOffset + 1, line: location.endLine ?? 1, column: (location.endColumn ?? 0) + 1 },
    );
  }

  private identifier(token: IToken | undefined): Identifier | undefined {
    return token === undefined ? undefined : { name: token.image, span: this.tokenSpan(token) };
  }

  /** Visits one child node (direct dispatch: the base class's `visit` is slower on large files). */
  private sub<T>(node: CstNode | undefined): T | undefined {
    if (node === undefined) return undefined;
    const method = (this as unknown as Record<string, (children: Children, location: Location) => T | undefined>)[node.name];
    return method === undefined ? undefined : method.call(this, node.children as Children, node.location);
  }

  private subs<T>(list: readonly CstNode[]): T[] {
    const result: T[] = [];
    for (const node of list) {
      const value = this.sub<T>(node);
      if (value !== undefined) result.push(value);
    }
    return result;
  }

  /** The doc comment written just before `first`, if any (marks it as used). */
  private docAt(first: IToken | undefined): DocComment | undefined {
    return first === undefined ? undefined : this.docs.take(first.startOffset);
  }

  /** `{ doc }` to spread into a declaration, or nothing. */
  private docBefore(first: IToken | undefined): { doc?: DocComment } {
    const doc = this.docAt(first);
    return doc === undefined ? {} : { doc };
  }

  /** Versions and partition counts must be exact integers; the digits are kept either way. */
  private checkedInteger(token: IToken, text: string): IntegerLiteral {
    const value = Number(text);
    const span = this.tokenSpan(token);
    if (!Number.isSafeInteger(value)) {
      this.problems.push({ kind: "InvalidNumber", text: token.image, span });
    }
    return { kind: "Integer", text, value, span };
  }

  // ---- file -------------------------------------------------------------------------

  /** `file` is visited with the span of the whole text as its location fallback (see `build`). */
  file(children: Children): Omit<SpecFile, "span" | "path"> {
    const namespaceNode = child(children, "namespaceDecl");
    const namespaceKeyword = namespaceNode && token(namespaceNode.children, "Keyword_namespace");
    const docPart = this.docBefore(namespaceKeyword);
    const namespace = this.sub<QualifiedName>(namespaceNode);
    return {
      kind: "File",
      ...docPart,
      ...(namespace !== undefined ? { namespace } : {}),
      imports: this.subs<ImportDecl>(nodes(children, "importDecl")),
      declarations: this.subs<Declaration>(nodes(children, "declaration")),
    };
  }

  namespaceDecl(children: Children): QualifiedName | undefined {
    return this.sub<QualifiedName>(child(children, "qualifiedName"));
  }

  importDecl(children: Children, location: Location): ImportDecl | undefined {
    const keyword = token(children, "Keyword_import");
    const path = token(children, "StringLiteral");
    if (keyword === undefined || path === undefined) return undefined;
    const pathSpan = this.tokenSpan(path);
    return {
      kind: "Import",
      path: decodeStringLiteral(path.image),
      pathSpan,
      span: this.nodeSpan(location, pathSpan),
    };
  }

  declaration(children: Children): Declaration | undefined {
    for (const name of ["enumDecl", "typeDecl", "topicDecl", "aggregateDecl", "projectionDecl"]) {
      const node = child(children, name);
      if (node !== undefined) return this.sub<Declaration>(node);
    }
    return undefined;
  }

  // ---- declarations -----------------------------------------------------------------

  enumDecl(children: Children, location: Location): EnumDecl | undefined {
    const docPart = this.docBefore(token(children, "Keyword_enum"));
    const name = this.identifier(token(children, "Name"));
    if (name === undefined) return undefined;
    return {
      kind: "Enum",
      ...docPart,
      name,
      members: this.subs<EnumMember>(nodes(children, "enumMember")),
      span: this.nodeSpan(location, name.span),
    };
  }

  enumMember(children: Children, location: Location): EnumMember | undefined {
    const word = token(children, "Word");
    const docPart = this.docBefore(word);
    const name = this.identifier(word);
    if (name === undefined) return undefined;
    return { ...docPart, name, span: this.nodeSpan(location, name.span) };
  }

  typeDecl(children: Children, location: Location): TypeDecl | undefined {
    const docPart = this.docBefore(token(children, "Keyword_type"));
    const name = this.identifier(token(children, "Name"));
    const fields = this.sub<FieldDecl[]>(child(children, "fieldBlock")) ?? [];
    if (name === undefined) return undefined;
    return { kind: "Type", ...docPart, name, fields, span: this.nodeSpan(location, name.span) };
  }

  topicDecl(children: Children, location: Location): TopicDecl | undefined {
    const docPart = this.docBefore(token(children, "Keyword_topic"));
    const name = this.identifier(token(children, "Name"));
    if (name === undefined) return undefined;
    const count = token(children, "IntegerLiteral");
    const partitions = count === undefined ? undefined : this.checkedInteger(count, count.image);
    return {
      kind: "Topic",
      ...docPart,
      name,
      ...(partitions !== undefined ? { partitions } : {}),
      span: this.nodeSpan(location, name.span),
    };
  }

  aggregateDecl(children: Children, location: Location): AggregateDecl | undefined {
    const docPart = this.docBefore(token(children, "Keyword_aggregate"));
    const name = this.identifier(token(children, "Name"));
    const topic = this.sub<QualifiedName>(child(children, "qualifiedName"));
    const keys = this.subs<KeyDecl>(nodes(children, "keyDecl"));
    const events = this.subs<EventDecl>(nodes(children, "eventDecl"));
    if (name === undefined) return undefined;
    return {
      kind: "Aggregate",
      ...docPart,
      name,
      ...(topic !== undefined ? { topic } : {}),
      keys,
      events,
      span: this.nodeSpan(location, name.span),
    };
  }

  keyDecl(children: Children, location: Location): KeyDecl | undefined {
    const keyword = token(children, "Keyword_key");
    const docPart = this.docBefore(keyword);
    const name = this.identifier(token(children, "Word"));
    const type = this.sub<TypeRef>(child(children, "typeRef"));
    if (name === undefined || type === undefined) return undefined;
    return { kind: "Key", ...docPart, name, type, span: this.nodeSpan(location, name.span) };
  }

  eventDecl(children: Children, location: Location): EventDecl | undefined {
    const docPart = this.docBefore(token(children, "Keyword_event"));
    const name = this.identifier(token(children, "Name"));
    const versionToken = token(children, "Version");
    const version = versionToken === undefined ? undefined : this.checkedInteger(versionToken, versionToken.image.slice(1));
    const creates = token(children, "Keyword_creates");
    const afterNode = child(children, "afterClause");
    const afterKeyword = afterNode === undefined ? undefined : token(afterNode.children, "Keyword_after");
    const after = afterNode === undefined ? [] : this.subs<QualifiedName>(nodes(afterNode.children, "qualifiedName"));
    const ends = token(children, "Keyword_ends");
    const fields = this.sub<FieldDecl[]>(child(children, "fieldBlock")) ?? [];
    if (name === undefined) return undefined;
    return {
      kind: "Event",
      ...docPart,
      name,
      ...(version !== undefined ? { version } : {}),
      ...(creates !== undefined ? { creates: this.tokenSpan(creates) } : {}),
      after,
      ...(afterKeyword !== undefined ? { afterKeyword: this.tokenSpan(afterKeyword) } : {}),
      ...(ends !== undefined ? { ends: this.tokenSpan(ends) } : {}),
      fields,
      span: this.nodeSpan(location, name.span),
    };
  }

  /** Visited through `eventDecl`; present because every rule needs a visitor method. */
  afterClause(children: Children): QualifiedName[] {
    return this.subs<QualifiedName>(nodes(children, "qualifiedName"));
  }

  projectionDecl(children: Children, location: Location): ProjectionDecl | undefined {
    const docPart = this.docBefore(token(children, "Keyword_projection"));
    const name = this.identifier(token(children, "Name"));
    const per = this.sub<QualifiedName>(child(children, "qualifiedName"));
    const on = this.sub<QualifiedName[]>(child(children, "onClause")) ?? [];
    const stateNode = child(children, "stateBlock");
    const stateKeyword = stateNode === undefined ? undefined : token(stateNode.children, "Keyword_state");
    const state = this.sub<FieldDecl[]>(stateNode) ?? [];
    if (name === undefined) return undefined;
    return {
      kind: "Projection",
      ...docPart,
      name,
      ...(per !== undefined ? { per } : {}),
      on,
      state,
      ...(stateKeyword !== undefined ? { stateKeyword: this.tokenSpan(stateKeyword) } : {}),
      span: this.nodeSpan(location, name.span),
    };
  }

  onClause(children: Children): QualifiedName[] {
    return this.subs<QualifiedName>(nodes(children, "qualifiedName"));
  }

  stateBlock(children: Children): FieldDecl[] {
    return this.sub<FieldDecl[]>(child(children, "fieldBlock")) ?? [];
  }

  // ---- fields and types -------------------------------------------------------------

  fieldBlock(children: Children): FieldDecl[] {
    return this.subs<FieldDecl>(nodes(children, "field"));
  }

  field(children: Children, location: Location): FieldDecl | undefined {
    const word = token(children, "Word");
    const doc = this.docAt(word);
    const name = this.identifier(word);
    const type = this.sub<TypeRef>(child(children, "typeRef"));
    const defaultValue = this.sub<Literal>(child(children, "literal"));
    const annotationNodes = children["annotation"] as CstNode[] | undefined;
    const annotations = annotationNodes === undefined ? [] : this.subs<Annotation>(annotationNodes);
    if (name === undefined || type === undefined) return undefined;
    const field: Mutable<FieldDecl> = {
      kind: "Field",
      name,
      optional: children["Question"] !== undefined,
      type,
      annotations,
      span: this.nodeSpan(location, name.span),
    };
    if (doc !== undefined) field.doc = doc;
    if (defaultValue !== undefined) field.default = defaultValue;
    return field;
  }

  typeRef(children: Children): TypeRef | undefined {
    const list = child(children, "listType");
    if (list !== undefined) return this.sub<TypeRef>(list);
    const map = child(children, "mapType");
    if (map !== undefined) return this.sub<TypeRef>(map);
    const name = this.sub<QualifiedName>(child(children, "qualifiedName"));
    if (name === undefined) return undefined;
    const only = name.parts.length === 1 ? name.parts[0] : undefined;
    if (only !== undefined && primitiveNames.has(only)) return { kind: "Primitive", name: only as PrimitiveName, span: name.span };
    return { kind: "Named", name, span: name.span };
  }

  listType(children: Children, location: Location): TypeRef | undefined {
    const element = this.sub<TypeRef>(child(children, "typeRef"));
    if (element === undefined) return undefined;
    return { kind: "List", element, span: this.nodeSpan(location, element.span) };
  }

  mapType(children: Children, location: Location): TypeRef | undefined {
    const key = this.sub<TypeRef>(child(children, "typeRef"));
    const value = this.sub<TypeRef>(child(children, "typeRef", 1));
    if (key === undefined || value === undefined) return undefined;
    return { kind: "Map", key, value, span: this.nodeSpan(location, key.span) };
  }

  qualifiedName(children: Children): QualifiedName | undefined {
    const elements = children["Name"] as IToken[] | undefined;
    // Most names have one part: no intermediate arrays for them.
    if (elements !== undefined && elements.length === 1) {
      const only = token(children, "Name");
      return only === undefined ? undefined : { parts: [only.image], text: only.image, span: this.tokenSpan(only) };
    }
    const parts = tokens(children, "Name");
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (first === undefined || last === undefined) return undefined;
    const names = parts.map((part) => part.image);
    return { parts: names, text: names.join("."), span: this.span(startOf(first), endOf(last)) };
  }

  // ---- values and annotations -------------------------------------------------------

  literal(children: Children): Literal | undefined {
    const list = child(children, "listLiteral");
    if (list !== undefined) return this.sub<Literal>(list);
    const map = child(children, "mapLiteral");
    if (map !== undefined) return this.sub<Literal>(map);
    const string = token(children, "StringLiteral");
    if (string !== undefined) {
      return { kind: "String", value: decodeStringLiteral(string.image), span: this.tokenSpan(string) };
    }
    const integer = token(children, "IntegerLiteral");
    if (integer !== undefined) {
      return { kind: "Integer", text: integer.image, value: Number(integer.image), span: this.tokenSpan(integer) };
    }
    const float = token(children, "FloatLiteral");
    if (float !== undefined) {
      return { kind: "Float", text: float.image, value: Number(float.image), span: this.tokenSpan(float) };
    }
    const word = token(children, "Word");
    if (word === undefined) return undefined;
    const span = this.tokenSpan(word);
    if (word.image === "true" || word.image === "false") return { kind: "Bool", value: word.image === "true", span };
    return { kind: "Identifier", name: word.image, span };
  }

  listLiteral(children: Children, location: Location): Literal | undefined {
    const open = token(children, "LSquare");
    if (open === undefined) return undefined;
    return {
      kind: "List",
      items: this.subs<Literal>(nodes(children, "literal")),
      span: this.nodeSpan(location, this.tokenSpan(open)),
    };
  }

  mapLiteral(children: Children, location: Location): Literal | undefined {
    const open = token(children, "LCurly");
    if (open === undefined) return undefined;
    return { kind: "Map", span: this.nodeSpan(location, this.tokenSpan(open)) };
  }

  annotation(children: Children, location: Location): Annotation | undefined {
    const at = token(children, "Annotation");
    if (at === undefined) return undefined;
    // The name is the token without its `@`.
    const start = startOf(at);
    const name: Identifier = {
      name: at.image.slice(1),
      span: this.span({ offset: start.offset + 1, line: start.line, column: start.column + 1 }, endOf(at)),
    };
    return {
      kind: "Annotation",
      name,
      args: this.subs<Literal>(nodes(children, "literal")),
      span: this.nodeSpan(location, name.span),
    };
  }
}
