/** Line starts of a source text, to find the line a span starts on from its offset. */

export interface SourceLines {
  /** 1-based line number containing the UTF-16 offset. */
  lineOf(offset: number): number;
  /** Text of a 1-based line, without its line terminator; undefined past the end. */
  line(line: number): string | undefined;
  /** Offset where a 1-based line starts. */
  startOf(line: number): number;
}

// The grammar's lexer ends lines at \n, \r\n or a lone \r; these must agree.
const LINE_BREAK = /\r\n|\r|\n/g;

export function sourceLines(text: string): SourceLines {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  const endOf = (line: number): number => {
    const next = starts[line];
    if (next === undefined) return text.length;
    // Back up over the terminator that ends this line.
    return text[next - 2] === "\r" && text[next - 1] === "\n" ? next - 2 : next - 1;
  };
  return {
    lineOf(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return low + 1;
    },
    line(line) {
      const start = starts[line - 1];
      return start === undefined ? undefined : text.slice(start, endOf(line));
    },
    startOf(line) {
      return starts[line - 1] ?? text.length;
    },
  };
}
