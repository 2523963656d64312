/**
 * Whether two syntax trees say the same thing: equal in every field except where things are
 * written (spans, the file path). Doc comments are compared without trailing whitespace on
 * their lines, which the formatter removes. The formatter checks its own output with this
 * before handing it out, like black's "equivalent AST" check: a layout bug must never change
 * a user's spec.
 */
import type { SpecFile } from "../../grammar/ast.js";

export function sameMeaning(a: SpecFile, b: SpecFile): boolean {
  return same(a, b, "");
}

const IGNORED_KEYS = new Set(["path", "file"]);

function same(a: unknown, b: unknown, key: string): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return key === "text" && typeof a === "string" && typeof b === "string" && trimLines(a) === trimLines(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!same(a[index], b[index], "")) return false;
    return true;
  }
  if (isSpan(a) && isSpan(b)) return true;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord);
  if (aKeys.length !== Object.keys(bRecord).length) return false;
  for (const k of aKeys) {
    if (IGNORED_KEYS.has(k)) continue;
    if (!(k in bRecord) || !same(aRecord[k], bRecord[k], k)) return false;
  }
  return true;
}

function isSpan(value: object): boolean {
  return "start" in value && "end" in value && "file" in value;
}

function trimLines(text: string): string {
  return text.replace(/[ \t\f\v]+$/gm, "");
}
