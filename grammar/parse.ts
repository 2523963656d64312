/**
 * `parse(text, file)`: one `.events` file to its AST and the syntax problems found on the way.
 *
 * Never throws: lexing errors, parse errors (recovered by chevrotain) and dangling doc
 * comments all become `SyntaxProblem`s, and the AST holds whatever could be recognised.
 */
import type { IRecognitionException, IToken } from "chevrotain";
import { EOF } from "./chevrotain.js";
import type { Position, Span, SpecFile } from "./ast.js";
import { AstBuilder } from "./cst-to-ast.js";
import { DocAttachments } from "./doc-comments.js";
import { describeExpected, describeFound } from "./expected-words.js";
import { eventsParser } from "./parser.js";
import type { SyntaxProblem } from "./syntax-problem.js";
import { eventsLexer, LAngle, LParen, LSquare, RAngle, RParen, RSquare, UnterminatedString } from "./tokens.js";

export interface ParseResult {
  readonly ast: SpecFile;
  /** In source order. */
  readonly problems: SyntaxProblem[];
}

/**
 * Deeper nesting of `list<...>`, `[...]` or `(...)` than this is reported and cut off, so
 * that adversarial input cannot exhaust the parser's stack. Real specs nest two or three deep.
 */
export const MAX_NESTING = 64;

export function parse(text: string, file: string): ParseResult {
  try {
    return parseOrThrow(text, file);
  } catch (error) {
    // A bug in the grammar must not crash the compiler: report it where the file starts.
    const start: Position = { offset: 0, line: 1, column: 1 };
    const span: Span = { file, start, end: start };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ast: { kind: "File", path: file, imports: [], declarations: [], span },
      problems: [{ kind: "UnexpectedToken", expected: "a file the parser can read", found: `an internal parser error (${reason})`, span }],
    };
  }
}

function parseOrThrow(text: string, file: string): ParseResult {
  const problems: SyntaxProblem[] = [];
  const lexed = eventsLexer.tokenize(text);
  const ends = new LineEnds(text);

  for (const error of lexed.errors) {
    const start = ends.position(error.offset);
    problems.push({
      kind: "InvalidCharacter",
      text: text.slice(error.offset, error.offset + error.length),
      span: { file, start, end: ends.position(error.offset + error.length) },
    });
  }

  let tokens = lexed.tokens;
  for (const token of tokens) {
    if (token.tokenType === UnterminatedString) problems.push({ kind: "UnterminatedString", span: tokenSpan(file, token) });
  }
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep !== undefined) {
    const token = tokens[tooDeep]!;
    problems.push({
      kind: "UnexpectedToken",
      expected: `at most ${MAX_NESTING} levels of nested types or values`,
      found: `${describeFound(token)} nested deeper (the rest of the file is ignored)`,
      span: tokenSpan(file, token),
    });
    tokens = tokens.slice(0, tooDeep);
  }

  eventsParser.input = tokens;
  const cst = eventsParser.file();
  const skipped = new Set<number>();
  for (const error of eventsParser.errors) {
    problems.push(parseProblem(error, tokens, file, ends));
    skipped.add(error.token.startOffset);
    for (const token of error.resyncedTokens) skipped.add(token.startOffset);
  }

  const docs = new DocAttachments(file, lexed.groups["docs"] ?? [], tokens);
  const builder = new AstBuilder(file, docs);
  const body = builder.visit(cst, undefined) as Omit<SpecFile, "span" | "path">;
  problems.push(...builder.problems);
  for (const doc of docs.dangling(skipped)) problems.push({ kind: "DanglingDocComment", span: doc.span });

  const span: Span = { file, start: { offset: 0, line: 1, column: 1 }, end: ends.position(text.length) };
  return { ast: { ...body, path: file, span }, problems: dedupe(problems) };
}

function tokenSpan(file: string, token: IToken): Span {
  return {
    file,
    start: { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 },
    end: {
      offset: (token.endOffset ?? token.startOffset) + 1,
      line: token.endLine ?? token.startLine ?? 1,
      column: (token.endColumn ?? token.startColumn ?? 0) + 1,
    },
  };
}

function parseProblem(error: IRecognitionException, tokens: readonly IToken[], file: string, ends: LineEnds): SyntaxProblem {
  const found = error.token;
  const index = found.tokenType === EOF ? tokens.length : indexOfToken(tokens, found.startOffset);
  const previous = index > 0 ? tokens[index - 1] : undefined;
  const expected = describeExpected({
    exception: error.name,
    expectedToken: error.message,
    ruleStack: error.context.ruleStack,
    previous,
    beforePrevious: index > 1 ? tokens[index - 2] : undefined,
    found: found.tokenType === EOF ? undefined : found,
  });
  if (found.tokenType === EOF) {
    const end = ends.position(ends.length);
    return { kind: "UnexpectedEnd", expected, span: { file, start: end, end } };
  }
  return { kind: "UnexpectedToken", expected, found: describeFound(found), span: tokenSpan(file, found) };
}

function indexOfToken(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = tokens[middle]!.startOffset;
    if (at === offset) return middle;
    if (at < offset) low = middle + 1;
    else high = middle - 1;
  }
  return low;
}

/** Index of the first opening bracket nested deeper than MAX_NESTING, if any. */
function firstTooDeep(tokens: readonly IToken[]): number | undefined {
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const type = tokens[index]!.tokenType;
    if (type === LAngle || type === LSquare || type === LParen) {
      depth++;
      if (depth > MAX_NESTING) return index;
    } else if ((type === RAngle || type === RSquare || type === RParen) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** Two recovery paths can report the same token twice; keep the first report per position and kind. */
function dedupe(problems: SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<string>();
  const result: SyntaxProblem[] = [];
  for (const problem of problems) {
    const key = `${problem.kind}:${problem.span.start.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(problem);
  }
  return result.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

/** Offsets to line/column for positions not covered by a token (lexer errors, end of file). */
class LineEnds {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  get length(): number {
    return this.text.length;
  }

  position(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { offset, line: low + 1, column: offset - starts[low]! + 1 };
  }
}

/** Line breaks are `\n`, `\r\n` and `\r`, as in the lexer. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}
