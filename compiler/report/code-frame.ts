/**
 * A code frame: the source line of a span with a `^~~~` underline of the span, like tsc
 * and rustc. Spans over several lines are underlined to the end of their first line.
 *
 *     |
 *  12 |   price: Mony
 *     |          ^~~~
 */
import type { Span } from "../../grammar/ast.js";
import { printableLine } from "./display-width.js";
import type { SourceLines } from "./source-lines.js";
import type { Style } from "./style.js";

export function codeFrame(span: Span, lines: SourceLines, style: Style, gutterWidth: number, tone: "error" | "warning" | "note"): string[] {
  const lineNumber = lines.lineOf(span.start.offset);
  const raw = lines.line(lineNumber);
  if (raw === undefined) return [];
  const lineStart = lines.startOf(lineNumber);
  const startIndex = Math.max(0, Math.min(span.start.offset - lineStart, raw.length));
  const endIndex = Math.max(startIndex, Math.min(span.end.offset - lineStart, raw.length));
  const printable = printableLine(raw);
  const from = printable.columnOf(startIndex);
  const width = Math.max(1, printable.columnOf(endIndex) - from);
  const gutter = " ".repeat(gutterWidth);
  const bar = style.gutter("|");
  return [
    `${gutter} ${bar}`,
    `${style.gutter(String(lineNumber).padStart(gutterWidth))} ${bar} ${printable.text}`.trimEnd(),
    `${gutter} ${bar} ${" ".repeat(from)}${style.underline(tone, "^" + "~".repeat(width - 1))}`,
  ];
}
