/**
 * The tokens of the `.events` language and the lexer built from them.
 *
 * Keywords are contextual: each keyword token is also in the `Word` category, and every
 * place where a field, enum member, key, state field or annotation is *named* consumes a
 * `Word`, so `type: string` or `key key: uuid` parse. Declaration names and references
 * (types, events, topics, aggregates, namespaces) stay plain identifiers.
 *
 * `///` doc comments are kept in their own token group (the parser never sees them) and
 * attached to the following declaration, field or enum member by `cst-to-ast.ts`.
 */
import type { TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";

/** Any token that may name a field, enum member, key, state field or annotation. */
export const Word = createToken({ name: "Word", pattern: Lexer.NA });

/** Any token that may name a declaration or be part of a (qualified) reference: identifiers and `v2`. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA });

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Word, Name],
});

/** `v2`: an event version, also usable as a field name. `v2field` and `value` stay identifiers. */
export const Version = createToken({
  name: "Version",
  pattern: /v[0-9]+/,
  longer_alt: Identifier,
  categories: [Word, Name],
});

function keyword(word: string): TokenType {
  return createToken({
    name: `Keyword_${word}`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [Word],
  });
}

export const Namespace = keyword("namespace");
export const Import = keyword("import");
export const Enum = keyword("enum");
export const Type = keyword("type");
export const Topic = keyword("topic");
export const Partitions = keyword("partitions");
export const Aggregate = keyword("aggregate");
export const In = keyword("in");
export const Key = keyword("key");
export const Event = keyword("event");
export const Creates = keyword("creates");
export const After = keyword("after");
export const Ends = keyword("ends");
export const Projection = keyword("projection");
export const Per = keyword("per");
export const On = keyword("on");
export const State = keyword("state");
export const ListKeyword = keyword("list");
export const MapKeyword = keyword("map");

/** Every keyword token; the user-facing word is `keywordText(token)`. */
export const keywords: readonly TokenType[] = [
  Namespace,
  Import,
  Enum,
  Type,
  Topic,
  Partitions,
  Aggregate,
  In,
  Key,
  Event,
  Creates,
  After,
  Ends,
  Projection,
  Per,
  On,
  State,
  ListKeyword,
  MapKeyword,
];

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
});
/** A string that reaches the end of its line without a closing quote; parsed as a string, reported once. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?/,
  categories: [StringLiteral],
});
export const FloatLiteral = createToken({
  name: "FloatLiteral",
  pattern: /-?[0-9]+(?:\.[0-9]+(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)/,
});
export const IntegerLiteral = createToken({ name: "IntegerLiteral", pattern: /-?[0-9]+/ });

export const LCurly = createToken({ name: "LCurly", pattern: /{/ });
export const RCurly = createToken({ name: "RCurly", pattern: /}/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LAngle = createToken({ name: "LAngle", pattern: /</ });
export const RAngle = createToken({ name: "RAngle", pattern: />/ });
export const LSquare = createToken({ name: "LSquare", pattern: /\[/ });
export const RSquare = createToken({ name: "RSquare", pattern: /]/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Question = createToken({ name: "Question", pattern: /\?/ });
export const Equals = createToken({ name: "Equals", pattern: /=/ });
/** `@min`: an annotation is `@` glued to its name (any word, keywords included). */
export const Annotation = createToken({ name: "Annotation", pattern: /@[A-Za-z_][A-Za-z0-9_]*/ });
/** A lone `@` (not followed by a name): only ever a mistake, reported by the parser. */
export const At = createToken({ name: "At", pattern: /@/ });
export const Dot = createToken({ name: "Dot", pattern: /\./ });

/** `///` but not `////` (four or more slashes make a plain comment). */
export const DocComment = createToken({
  name: "DocComment",
  pattern: /\/\/\/(?!\/)[^\n\r]*/,
  group: "docs",
});
export const Comment = createToken({ name: "Comment", pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });
export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** Order matters: doc comments before comments, floats before integers, keywords and versions before identifiers. */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  DocComment,
  Comment,
  StringLiteral,
  UnterminatedString,
  FloatLiteral,
  IntegerLiteral,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LAngle,
  RAngle,
  LSquare,
  RSquare,
  Comma,
  Colon,
  Question,
  Equals,
  Annotation,
  At,
  Dot,
  ...keywords,
  Version,
  Word,
  Name,
  Identifier,
];

/** Built once: the lexer is stateless between calls. */
export const eventsLexer = new Lexer(allTokens as TokenType[], {
  positionTracking: "full",
  ensureOptimizations: true,
});

const keywordByType = new Map<TokenType, string>(
  keywords.map((type) => [type, type.name.slice("Keyword_".length)]),
);

/** The word a keyword token stands for (`event`), or undefined when the type is not a keyword. */
export function keywordText(type: TokenType): string | undefined {
  return keywordByType.get(type);
}
