/** Turns the grammar's syntax problems into catalogued diagnostics (the grammar owns no message text). */
import type { SyntaxProblem } from "../../grammar/syntax-problem.js";
import { Diagnostics } from "./catalogue/index.js";
import { createDiagnostic, type Diagnostic } from "./diagnostic.js";

export function syntaxProblemToDiagnostic(problem: SyntaxProblem): Diagnostic {
  switch (problem.kind) {
    case "InvalidCharacter":
      return createDiagnostic(Diagnostics.InvalidCharacter, problem.span, { text: printable(problem.text) });
    case "UnterminatedString":
      return createDiagnostic(Diagnostics.UnterminatedString, problem.span);
    case "UnexpectedToken":
      return createDiagnostic(Diagnostics.UnexpectedToken, problem.span, { expected: problem.expected, found: problem.found });
    case "UnexpectedEnd":
      return createDiagnostic(Diagnostics.UnexpectedEnd, problem.span, { expected: problem.expected });
    case "DanglingDocComment":
      return createDiagnostic(Diagnostics.DanglingDocComment, problem.span);
    case "InvalidNumber":
      return createDiagnostic(Diagnostics.InvalidNumber, problem.span, { text: problem.text });
  }
}

/** Control and invisible characters shown as `U+XXXX` so the message stays readable on one line. */
function printable(text: string): string {
  return [...text]
    .map((c) => (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFFFD]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : c))
    .join("");
}
