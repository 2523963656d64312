/**
 * What the parser expected and what it found, in the user's words.
 *
 * chevrotain describes errors with token class names ("Expecting token of type --> RCurly").
 * Its message hook only sees the current rule, so the hook below just passes the expected
 * token's name through the exception's message; `describeExpected` later turns it into a
 * phrase using the whole rule stack saved on the exception and the tokens before the error.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { keywordText } from "./tokens.js";

export const userWordsErrorProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => expected.name,
  buildNotAllInputParsedMessage: () => "EOF",
  buildNoViableAltMessage: () => "",
  buildEarlyExitMessage: () => "",
};

export const DECLARATION_WORDS = "a declaration (enum, type, topic, aggregate or projection)";
const TYPE_WORDS = "a type such as string, int or a declared type name";
const VALUE_WORDS = "a value (a string, a number, true, false, an enum member, [] or {})";

/** The facts about one parser error that the phrase depends on. */
export interface ErrorContext {
  /** chevrotain's exception name (MismatchedTokenException, NoViableAltException, ...). */
  readonly exception: string;
  /** For mismatched tokens: the expected token type's name. */
  readonly expectedToken: string;
  /** Rule names, outermost first. */
  readonly ruleStack: readonly string[];
  /** The token before the offending one, if any. */
  readonly previous: IToken | undefined;
  /** The token before `previous`, if any. */
  readonly beforePrevious: IToken | undefined;
  /** The offending token; undefined at the end of the file. */
  readonly found: IToken | undefined;
}

function previousIs(context: ErrorContext, word: string): boolean {
  return context.previous !== undefined && context.previous.image === word && !isString(context.previous);
}

function isString(token: IToken): boolean {
  return token.image.startsWith('"');
}

/** Words for a token type when no rule-specific phrase applies. */
const tokenWords: Readonly<Record<string, string>> = {
  Identifier: "a name",
  Name: "a name",
  Word: "a name",
  Version: "a version such as v2",
  StringLiteral: "a string in double quotes",
  IntegerLiteral: "an integer",
  FloatLiteral: "a number",
  LCurly: "'{'",
  RCurly: "'}'",
  LParen: "'('",
  RParen: "')'",
  LAngle: "'<'",
  RAngle: "'>'",
  LSquare: "'['",
  RSquare: "']'",
  Comma: "','",
  Colon: "':'",
  Question: "'?'",
  Equals: "'='",
  At: "'@'",
  Dot: "'.'",
  EOF: "the end of the file",
};

function declarationName(rule: string): string {
  return rule.replace(/Decl$/, "");
}

/** What was expected, as a phrase that fits "expected <phrase>". */
export function describeExpected(context: ErrorContext): string {
  const stack = context.ruleStack;
  const innermost = stack[stack.length - 1] ?? "file";
  // `{ fields }` is its own rule; its opening brace is described by the declaration around it.
  const inBlock = innermost === "fieldBlock";
  const rule = inBlock ? (stack[stack.length - 2] ?? "file") : innermost;
  const parent = stack[stack.length - (inBlock ? 3 : 2)] ?? "";
  const expected = context.expectedToken;

  if (context.exception === "NotAllInputParsedException") return topLevelWords(context);
  if (context.exception === "NoViableAltException") {
    if (rule === "declaration") return topLevelWords(context);
    if (rule === "typeRef") return TYPE_WORDS;
    if (rule === "literal") return VALUE_WORDS;
    if (rule === "aggregateDecl") return "'key', 'event' or '}'";
    return "something else here";
  }
  if (context.exception === "EarlyExitException") {
    if (rule === "afterClause") return "an event name after 'after'";
    if (rule === "onClause") return "an event or aggregate name after 'on'";
    return "at least one item here";
  }

  switch (`${rule}/${expected}`) {
    case "file/EOF":
      return topLevelWords(context);
    case "namespaceDecl/Keyword_namespace":
      return "the namespace declaration (namespace name) at the start of the file";
    case "importDecl/StringLiteral":
      return 'the path of the imported file in double quotes, such as "./common.events"';
    case "qualifiedName/Name":
      return qualifiedNameWords(context, parent);
    case "enumDecl/Name":
    case "typeDecl/Name":
    case "topicDecl/Name":
    case "aggregateDecl/Name":
    case "eventDecl/Name":
    case "projectionDecl/Name":
      return `a name for the ${declarationName(rule)}`;
    case "enumDecl/LCurly":
    case "typeDecl/LCurly":
    case "topicDecl/LCurly":
      return `'{' after the ${declarationName(rule)} name`;
    case "aggregateDecl/LCurly":
      return afterDeclarationName(context, "aggregate") ? "'in' or '{' after the aggregate name" : "'{' after the topic name";
    case "projectionDecl/LCurly":
      return afterDeclarationName(context, "projection")
        ? "'per' or '{' after the projection name"
        : "'{' after the aggregate name";
    case "eventDecl/LCurly":
      return eventBodyWords(context);
    case "stateBlock/LCurly":
      return "'{' after 'state'";
    case "enumDecl/RCurly":
      return "an enum member name or '}'";
    case "typeDecl/RCurly":
    case "eventDecl/RCurly":
    case "stateBlock/RCurly":
      if (context.found?.image === "@") return "an annotation name right after '@' (such as @min), a field name or '}'";
      if (context.found?.image === "?") return "a field name or '}' (an optional field is written name?: type)";
      return "a field name or '}'";
    case "topicDecl/RCurly":
      return previousIs(context, "{") ? "'partitions' or '}'" : "'}' after the partition count";
    case "topicDecl/IntegerLiteral":
      return "the number of partitions (an integer such as 4)";
    case "aggregateDecl/RCurly":
      return "'key', 'event' or '}'";
    case "projectionDecl/RCurly":
      return projectionBodyWords(context);
    case "keyDecl/Word":
      return "the key's name after 'key', as in key sku: string";
    case "keyDecl/Colon":
      return "':' and the key's type after the key name";
    case "field/Colon":
      return previousIs(context, "?") ? "':' and the field's type" : "':' or '?' after the field name";
    case "listType/LAngle":
      return "'<' after 'list', as in list<string>";
    case "listType/RAngle":
      return "'>' to close 'list<'";
    case "mapType/LAngle":
      return "'<' after 'map', as in map<string, int>";
    case "mapType/Comma":
      return "',' and the value type, as in map<string, int>";
    case "mapType/RAngle":
      return "'>' to close 'map<'";
    case "mapLiteral/RCurly":
      return "'}' (only the empty map {} can be written as a value)";
    case "listLiteral/RSquare":
      return previousIs(context, "[") ? "a value or ']'" : "',' or ']'";
    case "annotation/RParen":
      return previousIs(context, "(") ? "a value or ')'" : "',' or ')'";
    default: {
      const keyword = expected.startsWith("Keyword_") ? expected.slice("Keyword_".length) : undefined;
      return tokenWords[expected] ?? (keyword !== undefined ? `'${keyword}'` : "something else here");
    }
  }
}

function topLevelWords(context: ErrorContext): string {
  const found = context.found === undefined ? undefined : keywordText(context.found.tokenType);
  if (found === "import") return `${DECLARATION_WORDS}; imports go before the first declaration`;
  if (found === "namespace") return `${DECLARATION_WORDS}; a file has one namespace declaration, at its start`;
  if (found === "event" || found === "key") return `${DECLARATION_WORDS}; '${found}' belongs inside an aggregate`;
  if (found === "on" || found === "state") return `${DECLARATION_WORDS}; '${found}' belongs inside a projection`;
  if (found === "partitions") return `${DECLARATION_WORDS}; 'partitions' belongs inside a topic`;
  return DECLARATION_WORDS;
}

function afterDeclarationName(context: ErrorContext, declarationKeyword: string): boolean {
  return context.beforePrevious?.image === declarationKeyword;
}

function eventBodyWords(context: ErrorContext): string {
  const previous = context.previous;
  if (afterDeclarationName(context, "event")) return "'{' after the event name";
  if (previous === undefined) return "'{'";
  if (/^v[0-9]+$/.test(previous.image) && context.beforePrevious !== undefined) return "'creates', 'after', 'ends' or '{' after the version";
  if (previous.image === "creates") return "'after', 'ends' or '{' after 'creates'";
  if (previous.image === "ends") return "'{' after 'ends'";
  return "',' or '{' after the events named in 'after'";
}

function projectionBodyWords(context: ErrorContext): string {
  if (previousIs(context, "{")) return "'on', 'state' or '}'";
  if (previousIs(context, "}")) {
    return context.found?.image === "on" ? "'}' to close the projection ('on' comes before 'state')" : "'}' to close the projection";
  }
  return "',', 'state' or '}'";
}

function qualifiedNameWords(context: ErrorContext, parent: string): string {
  if (previousIs(context, ".")) return "a name after '.'";
  switch (parent) {
    case "namespaceDecl":
      return "a namespace name, such as shop or acme.billing";
    case "aggregateDecl":
      return "a topic name after 'in'";
    case "projectionDecl":
      return "an aggregate name after 'per'";
    case "afterClause":
      return previousIs(context, ",") ? "an event name after ','" : "an event name after 'after'";
    case "onClause":
      return previousIs(context, ",") ? "an event or aggregate name after ','" : "an event or aggregate name after 'on'";
    case "typeRef":
      return TYPE_WORDS;
    default:
      return "a name";
  }
}

/** The offending token, as a phrase that fits "but found <phrase>". */
export function describeFound(token: IToken): string {
  const type: TokenType = token.tokenType;
  const keyword = keywordText(type);
  if (keyword !== undefined) return `the keyword '${keyword}'`;
  switch (type.name) {
    case "Identifier":
      return `the name '${token.image}'`;
    case "Version":
      return `the version '${token.image}'`;
    case "IntegerLiteral":
    case "FloatLiteral":
      return `the number ${token.image}`;
    case "StringLiteral":
    case "UnterminatedString":
      return `the string ${shorten(token.image)}`;
    default:
      return `'${token.image}'`;
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
