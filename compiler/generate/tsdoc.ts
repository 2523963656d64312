/**
 * `///` docs and `@deprecated` as TSDoc comments. Nothing in a doc can end the comment early
 * (`*\/`) or break the source (line separators), and `{@link}`-like text stays text.
 */

export interface Documented {
  readonly doc?: string | undefined;
  readonly deprecated?: string | undefined;
}

/** The comment (ending in a newline) for a declaration at `indent`, or "" when there is nothing to say. */
export function tsdoc(item: Documented, indent = "", extra: readonly string[] = NONE): string {
  if ((item.doc === undefined || item.doc === "") && item.deprecated === undefined && extra.length === 0) return "";
  const lines: string[] = [];
  if (item.doc !== undefined && item.doc !== "") lines.push(...sanitize(item.doc).split("\n"));
  for (const line of extra) lines.push(sanitize(line));
  if (item.deprecated !== undefined) {
    lines.push(item.deprecated === "" ? "@deprecated" : `@deprecated ${sanitize(item.deprecated).replace(/\n/g, " ")}`);
  }
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => (l === "" ? `${indent} *\n` : `${indent} * ${l}\n`)).join("")}${indent} */\n`;
}

const NONE: readonly string[] = [];

// Anything sanitize would change; most docs have none of it, and skip the five replacements.
const UNSAFE = /\*\/|[ \t]$|[ \t]\n|[\r\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function sanitize(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/[ \t]+$/gm, "")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
