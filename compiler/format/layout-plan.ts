/**
 * What the syntax tree tells the formatter about the token list: which tokens begin a line,
 * which commas only separate fields or enum members (and are dropped), which braces belong
 * to map literals rather than blocks, where top-level parts end, and which enums fit on one line.
 */
import type { EnumDecl, FieldDecl, Literal, SpecFile } from "../../grammar/ast.js";
import type { SourceItem } from "./source-items.js";

/** An enum written `enum Name { A, B, C }` when it fits in this many columns. */
export const ONE_LINE_ENUM_WIDTH = 80;

export interface OneLineEnum {
  /** Offset of the closing `}`. */
  readonly close: number;
  /** Offsets of the member names, in order. */
  readonly members: readonly number[];
}

export interface LayoutPlan {
  /** Tokens that begin a line at their block's indentation (declarations, fields, members, keys, events...). */
  readonly anchors: ReadonlySet<number>;
  /** Commas that only separate fields or enum members: the layout puts its own separators. */
  readonly droppedCommas: ReadonlySet<number>;
  /** `{` and `}` of map literals (`= {}`), which are values, not blocks. */
  readonly literalBraces: ReadonlySet<number>;
  /** End offsets of the namespace clause, the imports and each declaration: a blank line follows. */
  readonly boundaries: ReadonlySet<number>;
  /** Enums laid out on one line, by the offset of their `{`. */
  readonly oneLineEnums: ReadonlyMap<number, OneLineEnum>;
}

export function planLayout(ast: SpecFile, items: readonly SourceItem[]): LayoutPlan {
  const anchors = new Set<number>();
  const separatedEnds = new Set<number>();
  const literalBraces = new Set<number>();
  const boundaries = new Set<number>();
  const oneLineEnums = new Map<number, OneLineEnum>();

  const firstToken = items.find((item) => item.kind === "token");
  if (firstToken) anchors.add(firstToken.start);
  if (ast.namespace) boundaries.add(ast.namespace.span.end.offset);
  for (const imported of ast.imports) anchors.add(imported.span.start.offset);
  const lastImport = ast.imports[ast.imports.length - 1];
  if (lastImport) boundaries.add(lastImport.span.end.offset);

  const fields = (list: readonly FieldDecl[]) => {
    for (const field of list) {
      anchors.add(field.span.start.offset);
      separatedEnds.add(field.span.end.offset);
      if (field.default) literals(field.default, literalBraces);
      for (const annotation of field.annotations) for (const arg of annotation.args) literals(arg, literalBraces);
    }
  };

  for (const declaration of ast.declarations) {
    anchors.add(declaration.span.start.offset);
    boundaries.add(declaration.span.end.offset);
    switch (declaration.kind) {
      case "Enum": {
        for (const member of declaration.members) separatedEnds.add(member.span.end.offset);
        const oneLine = oneLineEnum(declaration, items);
        if (oneLine) oneLineEnums.set(oneLine.open, oneLine);
        else for (const member of declaration.members) anchors.add(member.span.start.offset);
        break;
      }
      case "Type":
        fields(declaration.fields);
        break;
      case "Topic":
        break;
      case "Aggregate":
        for (const key of declaration.keys) anchors.add(key.span.start.offset);
        for (const event of declaration.events) {
          anchors.add(event.span.start.offset);
          fields(event.fields);
        }
        break;
      case "Projection":
        if (declaration.stateKeyword) anchors.add(declaration.stateKeyword.start.offset);
        fields(declaration.state);
        break;
    }
  }

  // A `///` doc right before a comma documents nothing (a warning); without the comma it would
  // document the next field, so such a comma is kept where it is.
  const droppedCommas = new Set<number>();
  let previous: SourceItem | undefined;
  items.forEach((item, index) => {
    if (item.kind !== "token") return;
    if (item.text === "," && previous !== undefined && separatedEnds.has(previous.end) && items[index - 1]?.kind !== "doc") droppedCommas.add(item.start);
    previous = item;
  });
  return { anchors, droppedCommas, literalBraces, boundaries, oneLineEnums };
}

function literals(literal: Literal, into: Set<number>): void {
  if (literal.kind === "Map") {
    into.add(literal.span.start.offset);
    into.add(literal.span.end.offset - 1);
  } else if (literal.kind === "List") {
    for (const item of literal.items) literals(item, into);
  }
}

/**
 * An enum goes on one line when it has members, nothing between its braces but members and
 * commas (no docs, no comments), and the line fits. Anything else gets one member per line.
 */
function oneLineEnum(declaration: EnumDecl, items: readonly SourceItem[]): (OneLineEnum & { readonly open: number }) | undefined {
  if (declaration.members.length === 0) return undefined;
  const nameIndex = indexAt(items, declaration.name.span.start.offset);
  const closeIndex = indexAt(items, declaration.span.end.offset - 1);
  if (nameIndex === undefined || closeIndex === undefined) return undefined;
  const open = items[nameIndex + 1];
  if (open?.kind !== "token" || open.text !== "{") return undefined;
  for (let index = nameIndex + 2; index < closeIndex; index++) {
    if (items[index]!.kind !== "token") return undefined;
  }
  const line = `enum ${declaration.name.name} { ${declaration.members.map((m) => m.name.name).join(", ")} }`;
  if (line.length > ONE_LINE_ENUM_WIDTH) return undefined;
  return { open: open.start, close: items[closeIndex]!.start, members: declaration.members.map((m) => m.name.span.start.offset) };
}

/** The index of the item starting at `offset` (items are in text order), if any. */
function indexAt(items: readonly SourceItem[], offset: number): number | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = items[middle]!.start;
    if (start === offset) return middle;
    if (start < offset) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
