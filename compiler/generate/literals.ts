/**
 * Safe TypeScript literals for values that come from specs: string literals, JSON default
 * values, property keys. Whatever a spec contains, the literal means exactly that value.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Printable ASCII without quote or backslash: written as is (the common case, kept fast).
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

// Words that are reserved or special somewhere in a property position or an object literal.
const QUOTED_NAMES = new Set([
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum"],
  ...["export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null"],
  ...["return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield"],
  ...["let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "async"],
  ...["constructor", "__proto__", "prototype"],
]);

/** A string literal in double quotes; line terminators (also U+2028/U+2029) and non-ASCII are escaped. */
export function stringLiteral(value: string): string {
  if (PLAIN.test(value)) return `"${value}"`;
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A property name for interfaces and type literals: bare when it is a plain, unreserved identifier. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) && !QUOTED_NAMES.has(name) ? name : stringLiteral(name);
}

/**
 * A key in an object literal. `__proto__` becomes a computed key: written plainly (even quoted)
 * it would set the object's prototype instead of adding a property.
 */
export function objectKey(name: string): string {
  return name === "__proto__" ? `[${stringLiteral(name)}]` : propertyName(name);
}

/** A JSON value as a TypeScript expression that creates a fresh copy of it. */
export function jsonLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${objectKey(k)}: ${jsonLiteral(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  return String(value); // boolean, null
}
