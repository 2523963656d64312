/**
 * EV1xxx: syntax. One entry per kind of `SyntaxProblem` the grammar reports
 * (see grammar/syntax-problem.ts); `compiler/diagnostics/syntax-diagnostics.ts` maps them.
 */
import type { DiagnosticMessage } from "../diagnostic.js";

export const syntaxDiagnostics = {
  InvalidCharacter: {
    code: "EV1001",
    severity: "error",
    message: 'Unexpected character "{text}": it cannot start a name, number, string or symbol of the language.',
    explanation:
      "The file contains a character the language does not use (for example `#` or `$`). Remove it, or put text inside a string or a `//` comment.",
  },
  UnterminatedString: {
    code: "EV1002",
    severity: "error",
    message: "This string has no closing double quote on the same line.",
    explanation: 'A string literal (for example in `import "./common.events"`) must end with `"` on the line where it starts.',
  },
  UnexpectedToken: {
    code: "EV1003",
    severity: "error",
    message: "Expected {expected}, but found {found}.",
    explanation:
      "The parser found something that cannot appear at this point. The message says what may appear here; the parser skips ahead and keeps checking the rest of the file.",
  },
  UnexpectedEnd: {
    code: "EV1004",
    severity: "error",
    message: "Expected {expected}, but the file ended.",
    explanation: "The file ends in the middle of a declaration, usually because of a missing `}`.",
  },
  DanglingDocComment: {
    code: "EV1005",
    severity: "warning",
    message: 'This "///" doc comment is not followed by anything it can document, so it is ignored.',
    explanation:
      "`///` comments document the declaration, field or enum member that follows them. Use `//` for a plain comment, or move the doc comment above what it describes.",
  },
  InvalidNumber: {
    code: "EV1006",
    severity: "error",
    message: 'The number "{text}" is too large to be used here.',
    explanation: "An integer in the spec (a version, a partition count, an annotation argument) does not fit the range the language allows.",
  },
} as const satisfies Record<string, DiagnosticMessage>;
