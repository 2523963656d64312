import type { Span } from "./ast.js";

/**
 * A syntax problem found by the lexer or parser.
 *
 * The grammar does not own diagnostic codes or message text (those live in the compiler's
 * catalogue, `compiler/diagnostics/`); it reports *what* went wrong with the facts a message
 * needs, already in the user's words (e.g. expected = "a field name or '}'"), and the compiler
 * turns each kind into a catalogued diagnostic.
 */
export type SyntaxProblem =
  /** The lexer met characters that start no token. */
  | { readonly kind: "InvalidCharacter"; readonly text: string; readonly span: Span }
  /** A string literal without its closing quote on the same line. */
  | { readonly kind: "UnterminatedString"; readonly span: Span }
  /** The parser expected one thing and found another; both in user words ("a field name or '}'", "'='"). */
  | { readonly kind: "UnexpectedToken"; readonly expected: string; readonly found: string; readonly span: Span }
  /** Input ended where more was required. */
  | { readonly kind: "UnexpectedEnd"; readonly expected: string; readonly span: Span }
  /** A `///` doc comment that is not followed by anything it can document. */
  | { readonly kind: "DanglingDocComment"; readonly span: Span }
  /** An integer literal that does not fit (e.g. `partitions 99999999999999999999`). */
  | { readonly kind: "InvalidNumber"; readonly text: string; readonly span: Span };
