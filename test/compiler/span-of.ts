/** Test helper: the span of the n-th occurrence of `needle` in `text` (1-based lines and columns, UTF-16 offsets). */
import type { Position, Span } from "../../grammar/ast.js";

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

export function spanOf(file: string, text: string, needle: string, occurrence = 1): Span {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found ${occurrence} times`);
  }
  return { file, start: positionAt(text, index), end: positionAt(text, index + needle.length) };
}
