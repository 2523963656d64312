/**
 * fast-check arbitraries for syntactically valid specs written messily: random declarations,
 * fields, docs, literals and annotations, laid out with random whitespace, blank lines,
 * optional commas and `//` comments between any two tokens (and now and then a stray `///`
 * line, which may document nothing: a warning, not an error).
 *
 * A spec is built as a list of pieces (tokens and `///` lines); the layout is drawn from a
 * seeded generator so that the structure still shrinks.
 */
import fc from "fast-check";

/** A token, or a `///` line (which must sit on a line of its own). */
interface Piece {
  readonly text: string;
  readonly doc?: true;
}

type Pieces = readonly Piece[];

const t = (...texts: string[]): Piece[] => texts.map((text) => ({ text }));

/** Names of declarations and references: identifiers, never keywords. */
const declName = fc.constantFrom("Alpha", "Beta", "Order", "Item", "Money", "x1", "_y", "Currency", "OrderPlaced");
/** Names of fields, members, keys: any word, keywords included. */
const word = fc.constantFrom("id", "name", "type", "state", "key", "on", "in", "event", "list", "map", "creates", "after", "ends", "v2", "namespace", "partitions", "x_1", "true");
const qualifiedName = fc.array(declName, { minLength: 1, maxLength: 3 }).map((parts) => parts.flatMap((p, i) => (i === 0 ? t(p) : t(".", p))));

const docLines = fc.array(fc.constantFrom("/// A doc.", "///", "///  indented", "/// with // inside", "///tight", "/// trailing   ", "/// */ ${x} `tick`"), { minLength: 1, maxLength: 3 });
const maybeDoc = fc.option(docLines, { nil: undefined }).map((lines): Piece[] => (lines ?? []).map((text) => ({ text, doc: true })));

const primitive = fc.constantFrom("string", "int", "long", "float", "decimal", "bool", "uuid", "timestamp", "date", "bytes");

const typeRef: fc.Arbitrary<Piece[]> = fc.letrec<{ ref: Piece[] }>((tie) => ({
  ref: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    primitive.map((p) => t(p)),
    qualifiedName,
    tie("ref").map((element) => [...t("list", "<"), ...element, ...t(">")]),
    tie("ref").map((value) => [...t("map", "<", "string", ","), ...value, ...t(">")]),
  ),
})).ref;

const literal: fc.Arbitrary<Piece[]> = fc.letrec<{ lit: Piece[] }>((tie) => ({
  lit: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("0", "-3", "1024", "9007199254740993").map((n) => t(n)),
    fc.constantFrom("1.5", "-0.25", "2e3", "-1.5E-3").map((n) => t(n)),
    fc.constantFrom('""', '"x // not a comment"', '"q \\" q"', '"{ } [ ] ,"', '"tab\\there"').map((s) => t(s)),
    word.map((w) => t(w)),
    fc.array(tie("lit"), { maxLength: 3 }).map((items) => [...t("["), ...items.flatMap((item, i) => (i === 0 ? item : [...t(","), ...item])), ...t("]")]),
    fc.constant(t("{", "}")),
  ),
})).lit;

const annotation: fc.Arbitrary<Piece[]> = fc.oneof(
  fc.constantFrom("@deprecated", "@min", "@x").map((a) => t(a)),
  fc.tuple(fc.constantFrom("@min", "@maxLength", "@pattern", "@deprecated"), fc.array(literal, { maxLength: 3 })).map(([name, args]) => [
    ...t(name, "("),
    ...args.flatMap((arg, i) => (i === 0 ? arg : [...t(","), ...arg])),
    ...t(")"),
  ]),
);

const field: fc.Arbitrary<Piece[]> = fc
  .record({
    doc: maybeDoc,
    name: word,
    optional: fc.boolean(),
    type: typeRef,
    default: fc.option(literal, { nil: undefined }),
    annotations: fc.array(annotation, { maxLength: 3 }),
  })
  .map((f) => [
    ...f.doc,
    ...t(f.name),
    ...(f.optional ? t("?") : []),
    ...t(":"),
    ...f.type,
    ...(f.default ? [...t("="), ...f.default] : []),
    ...f.annotations.flat(),
  ]);

/** Items separated by optional commas (and maybe a trailing comma), as fields and enum members are. */
function separated(items: fc.Arbitrary<Piece[]>, maxLength: number): fc.Arbitrary<Piece[]> {
  return fc.array(fc.tuple(items, fc.boolean()), { maxLength }).map((list) => list.flatMap(([item, comma]) => (comma ? [...item, ...t(",")] : item)));
}

const block = (inner: fc.Arbitrary<Piece[]>) => inner.map((content) => [...t("{"), ...content, ...t("}")]);
const fieldBlock = block(separated(field, 4));
const commaList = fc.array(qualifiedName, { minLength: 1, maxLength: 3 }).map((names) => names.flatMap((n, i) => (i === 0 ? n : [...t(","), ...n])));

const enumDecl = fc
  .tuple(maybeDoc, declName, separated(fc.tuple(maybeDoc, word).map(([doc, name]) => [...doc, ...t(name)]), 6))
  .map(([doc, name, members]) => [...doc, ...t("enum", name, "{"), ...members, ...t("}")]);
const typeDecl = fc.tuple(maybeDoc, declName, fieldBlock).map(([doc, name, fields]) => [...doc, ...t("type", name), ...fields]);
const topicDecl = fc
  .tuple(maybeDoc, declName, fc.option(fc.constantFrom("1", "4", "1024"), { nil: undefined }))
  .map(([doc, name, partitions]) => [...doc, ...t("topic", name, "{"), ...(partitions ? t("partitions", partitions) : []), ...t("}")]);
const keyDecl = fc.tuple(maybeDoc, word, typeRef).map(([doc, name, type]) => [...doc, ...t("key", name, ":"), ...type]);
const eventDecl = fc
  .record({
    doc: maybeDoc,
    name: declName,
    version: fc.option(fc.constantFrom("v1", "v2", "v10"), { nil: undefined }),
    creates: fc.boolean(),
    after: fc.option(commaList, { nil: undefined }),
    ends: fc.boolean(),
    fields: fieldBlock,
  })
  .map((e) => [
    ...e.doc,
    ...t("event", e.name),
    ...(e.version ? t(e.version) : []),
    ...(e.creates ? t("creates") : []),
    ...(e.after ? [...t("after"), ...e.after] : []),
    ...(e.ends ? t("ends") : []),
    ...e.fields,
  ]);
const aggregateDecl = fc
  .tuple(maybeDoc, declName, fc.option(qualifiedName, { nil: undefined }), fc.array(fc.oneof(keyDecl, eventDecl), { maxLength: 4 }))
  .map(([doc, name, topic, members]) => [...doc, ...t("aggregate", name), ...(topic ? [...t("in"), ...topic] : []), ...t("{"), ...members.flat(), ...t("}")]);
const projectionDecl = fc
  .tuple(maybeDoc, declName, fc.option(qualifiedName, { nil: undefined }), fc.option(commaList, { nil: undefined }), fc.option(fieldBlock, { nil: undefined }))
  .map(([doc, name, per, on, state]) => [
    ...doc,
    ...t("projection", name),
    ...(per ? [...t("per"), ...per] : []),
    ...t("{"),
    ...(on ? [...t("on"), ...on] : []),
    ...(state ? [...t("state"), ...state] : []),
    ...t("}"),
  ]);

/** The pieces of one valid file. */
const specPieces: fc.Arbitrary<Pieces> = fc
  .tuple(
    maybeDoc,
    qualifiedName,
    fc.array(fc.constantFrom('"./common.events"', '"../x y.events"', '"a\\\\b.events"'), { maxLength: 2 }),
    fc.array(fc.oneof(enumDecl, typeDecl, topicDecl, aggregateDecl, projectionDecl), { maxLength: 5 }),
  )
  .map(([doc, namespace, imports, declarations]) => [...doc, ...t("namespace"), ...namespace, ...imports.flatMap((path) => t("import", path)), ...declarations.flat()]);

const COMMENTS = ["// c", "//tight", "//// four slashes", '// "quoted" { braces } , commas', "// trailing spaces   ", "// ${x} */ `tick`", "//"];
/** Between two tokens: whitespace of every kind, sometimes with comments. */
const GAPS = ["", " ", "  ", "\t", "\n", "\n\n", "\n\n\n", " \n  ", "\r\n", "\r\n\r\n", "\n    "];
const PUNCTUATION = new Set(["{", "}", "(", ")", "<", ">", "[", "]", ",", ":", "?", ".", "="]);

/** Renders pieces with a layout drawn from `seed`. */
export function renderMessy(pieces: Pieces, seed: number): string {
  let state = seed >>> 0;
  const next = (n: number): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return (((x ^ (x >>> 14)) >>> 0) % n) >>> 0;
  };
  const comment = () => COMMENTS[next(COMMENTS.length)]!;
  const gap = (before: Piece | undefined, after: Piece | undefined): string => {
    let text = GAPS[next(GAPS.length)]!;
    const roll = next(10);
    if (roll === 0) text += ` ${comment()}\n`;
    else if (roll === 1) text += `\n${comment()}\n${next(2) === 0 ? "\n" : ""}`;
    // A doc line anywhere: it documents the next field or declaration, or nothing (a warning).
    else if (roll === 2 && next(8) === 0) text += "\n/// stray\n";
    const glued = text === "";
    const wordy = (p: Piece | undefined) => p !== undefined && !PUNCTUATION.has(p.text);
    if (glued && wordy(before) && wordy(after)) text = " ";
    if ((before?.doc || after?.doc) && !/[\n\r]/.test(text)) text += "\n";
    return text;
  };
  let out = next(3) === 0 ? `${comment()}\n` : "";
  pieces.forEach((piece, i) => {
    out += i === 0 ? "" : gap(pieces[i - 1], piece);
    out += piece.text;
  });
  return out + gap(pieces[pieces.length - 1], undefined);
}

/** A valid spec, messily written. */
export const messySpec: fc.Arbitrary<string> = fc.tuple(specPieces, fc.integer()).map(([pieces, seed]) => renderMessy(pieces, seed));
