/**
 * The value of a string literal as written in a spec.
 *
 * Recognised escapes: `\"`, `\\`, `\n`, `\r`, `\t`, `\uXXXX` and `\u{X...}`. Any other
 * backslash is kept as written, so regular expressions read naturally:
 * `@pattern("^\d+$")` is the pattern `^\d+$`.
 */
export function decodeStringLiteral(image: string): string {
  // An unterminated string (reported separately) has no closing quote.
  const closed = image.length >= 2 && image.endsWith('"') && !endsWithEscapedQuote(image);
  const body = image.slice(1, closed ? -1 : undefined);
  if (!body.includes("\\")) return body;
  return body.replace(/\\(u\{[0-9A-Fa-f]{1,6}\}|u[0-9A-Fa-f]{4}|[^])/g, (whole, escape: string) => {
    switch (escape) {
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      default: {
        if (escape.startsWith("u{")) {
          const code = Number.parseInt(escape.slice(2, -1), 16);
          return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        if (escape.startsWith("u") && escape.length === 5) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
        return whole;
      }
    }
  });
}

/** True when the final quote of `image` is escaped (`"abc\"`), i.e. the string is not closed. */
function endsWithEscapedQuote(image: string): boolean {
  let backslashes = 0;
  for (let index = image.length - 2; index >= 1 && image[index] === "\\"; index--) backslashes++;
  return backslashes % 2 === 1;
}
