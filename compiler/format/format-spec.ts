/**
 * `formatSpec(text, file)`: the canonical layout of one `.events` file (docs/formatting.md).
 *
 * Pure and total: it never throws and never touches the file system. A file with syntax errors
 * is not formatted (its syntax diagnostics come back instead), because a layout of a half-read
 * file could move or lose text. Syntax warnings (a doc comment that documents nothing) do not
 * stop formatting: such a doc stays where it is. The result is re-parsed and compared with the input's syntax
 * tree; if they differ (a formatter bug), the text is refused with an internal error rather
 * than handed out.
 */
import { parse } from "../../grammar/parse.js";
import { Diagnostics } from "../diagnostics/catalogue/index.js";
import { createDiagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { syntaxProblemToDiagnostic } from "../diagnostics/syntax-diagnostics.js";
import { layOut } from "./lay-out.js";
import { planLayout } from "./layout-plan.js";
import { sameMeaning } from "./same-meaning.js";
import { sourceItems } from "./source-items.js";

export type FormatResult = { readonly text: string } | { readonly diagnostics: readonly Diagnostic[] };

export function formatSpec(text: string, file: string): FormatResult {
  const parsed = parse(text, file);
  const problems = parsed.problems.map(syntaxProblemToDiagnostic);
  if (hasErrors(problems)) return { diagnostics: problems };
  let formatted: string;
  try {
    const items = sourceItems(text);
    formatted = layOut(text, items, planLayout(parsed.ast, items));
  } catch (error) {
    return internalError(file, error instanceof Error ? error.message : String(error));
  }
  const reparsed = parse(formatted, file);
  const reproblems = reparsed.problems.map(syntaxProblemToDiagnostic);
  if (hasErrors(reproblems) || reproblems.length !== problems.length || !sameMeaning(parsed.ast, reparsed.ast)) {
    return internalError(file, "the formatted text would not mean the same as the original, so the file was left as it is");
  }
  return { text: formatted };
}

function internalError(file: string, reason: string): FormatResult {
  const start = { offset: 0, line: 1, column: 1 };
  return {
    diagnostics: [createDiagnostic(Diagnostics.InternalError, { file, start, end: start }, { phase: "formatting", reason })],
  };
}
