/**
 * How many terminal columns text takes, so that underlines line up under wide (CJK, emoji)
 * and zero-width (combining) characters. An approximation of Unicode's East Asian Width,
 * good enough for code frames; tabs are expanded before measuring.
 */

const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200B-\u200D\u2060\uFEFF\uFE00-\uFE0F]/u;

const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

export function codePointWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  const code = char.codePointAt(0) ?? 0;
  for (const [low, high] of WIDE_RANGES) if (code >= low && code <= high) return 2;
  return 1;
}

export const TAB_WIDTH = 4;

/**
 * Makes one source line printable: tabs become spaces up to the next tab stop, control
 * characters become U+FFFD. `columnOf(i)` maps a UTF-16 index of the original line to its
 * display column (0-based) in the result.
 */
export function printableLine(line: string): { readonly text: string; columnOf(index: number): number } {
  let text = "";
  let column = 0;
  // columns[i] = display column where UTF-16 index i of the original starts.
  const columns: number[] = [];
  for (let i = 0; i < line.length; ) {
    const char = String.fromCodePoint(line.codePointAt(i)!);
    for (let k = 0; k < char.length; k++) columns.push(column);
    if (char === "\t") {
      const spaces = TAB_WIDTH - (column % TAB_WIDTH);
      text += " ".repeat(spaces);
      column += spaces;
    } else if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(char)) {
      text += "\uFFFD";
      column += 1;
    } else {
      text += char;
      column += codePointWidth(char);
    }
    i += char.length;
  }
  columns.push(column);
  return {
    text,
    columnOf: (index) => columns[Math.max(0, Math.min(index, columns.length - 1))]!,
  };
}
