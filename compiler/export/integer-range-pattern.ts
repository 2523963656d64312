/**
 * Regular expressions for "this decimal integer text is within [lo, hi]". A `long` travels as a
 * string of digits (the runtime reads it with BigInt), so JSON Schema's `minimum`/`maximum`
 * cannot bound it; a pattern per bound can. `allOf` of the two patterns is the range.
 *
 * The texts matched are exactly the runtime's `^-?\d+$` (leading zeros and `-0` allowed).
 */

/** Pattern of digit strings `v` with `v <= hi` (any sign). */
export function atMostPattern(hi: bigint): string {
  if (hi >= 0n) return `^(?:-\\d+|0*${notAbove(hi.toString())})$`;
  return `^-0*${notBelow((-hi).toString())}$`;
}

/** Pattern of digit strings `v` with `v >= lo` (any sign). */
export function atLeastPattern(lo: bigint): string {
  if (lo <= 0n) return `^(?:\\d+|-0*${notAbove((-lo).toString())})$`;
  return `^0*${notBelow(lo.toString())}$`;
}

// Canonical digit strings ("0" or no leading zero) with value <= n.
function notAbove(n: string): string {
  const options: string[] = ["0"];
  if (n.length > 1) options.push(`[1-9]\\d{0,${n.length - 2}}`);
  for (let i = 0; i < n.length; i++) {
    const digit = Number(n[i]);
    const low = i === 0 ? 1 : 0;
    if (digit - 1 >= low) options.push(`${n.slice(0, i)}${range(low, digit - 1)}${rest(n.length - i - 1)}`);
  }
  if (n !== "0") options.push(n);
  return `(?:${options.join("|")})`;
}

// Canonical digit strings with value >= n (n > 0).
function notBelow(n: string): string {
  const options: string[] = [`[1-9]\\d{${n.length},}`, n];
  for (let i = 0; i < n.length; i++) {
    const digit = Number(n[i]);
    if (digit + 1 <= 9) options.push(`${n.slice(0, i)}${range(digit + 1, 9)}${rest(n.length - i - 1)}`);
  }
  return `(?:${options.join("|")})`;
}

function range(from: number, to: number): string {
  return from === to ? String(from) : `[${from}-${to}]`;
}

function rest(count: number): string {
  return count === 0 ? "" : count === 1 ? "\\d" : `\\d{${count}}`;
}
