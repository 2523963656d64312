/** docs/diagnostics.md, rendered from the catalogue (a test keeps the committed file equal to this). */
import { DIAGNOSTIC_BANDS } from "./catalogue/index.js";

export const DIAGNOSTICS_DOC_PATH = "docs/diagnostics.md";

export function renderDiagnosticsDoc(): string {
  const out: string[] = [
    "# Diagnostics",
    "",
    "<!-- Generated from compiler/diagnostics/catalogue/ by `npm run docs:diagnostics`. Do not edit by hand: a test fails when this file and the catalogue differ. -->",
    "",
    "Every problem eventc reports has a stable code, a severity and a message, printed as",
    "",
    "```",
    'shop.events:12:10: error EV2002: Unknown type "Mony". Did you mean "Money"?',
    "   |",
    "12 |   price: Mony",
    "   |          ^~~~",
    "```",
    "",
    "or, with `--format json`, as objects with `file`, `line`, `column`, `endLine`, `endColumn`, `code`,",
    "`severity`, `message` and, when there is one, `hint`. Errors stop code generation; warnings do not.",
    "Text in `{braces}` below is filled in with the names from your spec.",
    "",
  ];
  for (const band of DIAGNOSTIC_BANDS) {
    const entries = Object.entries(band.entries).sort(([, a], [, b]) => (a.code < b.code ? -1 : 1));
    out.push(`## EV${band.prefix}xxx: ${band.title}`, "");
    if (entries.length === 0) {
      out.push("No codes in this band yet.", "");
      continue;
    }
    for (const [name, entry] of entries) {
      out.push(`### ${entry.code}: ${name} (${entry.severity})`, "", `> ${entry.message}`, "", entry.explanation, "");
    }
  }
  return out.join("\n");
}
