import { Diagnostics, Phrases } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, formatMessage } from "../../diagnostics/diagnostic.js";
import { hasName } from "../../resolve/symbols.js";
import type { Check } from "../context.js";

/**
 * Words TypeScript rejects as the name of an interface or type alias (checked with tsc 5.9 in
 * module, strict mode): reserved words, strict-mode reserved words, and predefined type names.
 * Only enums and types become bare TypeScript names; everything else gets a suffix or is quoted.
 */
export const TYPESCRIPT_RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum"],
  ...["export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null"],
  ...["return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with"],
  ...["implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "await"],
  ...["any", "unknown", "never", "number", "bigint", "boolean", "string", "symbol", "object", "undefined"],
]);

/** Enum and type names are not TypeScript reserved words, so the generated types compile. */
export const reservedWordNames: Check = (context) => {
  for (const file of context.checkedFiles) {
    for (const decl of file.ast.declarations) {
      if ((decl.kind !== "Enum" && decl.kind !== "Type") || !hasName(decl.name)) continue;
      const name = decl.name.name;
      if (!TYPESCRIPT_RESERVED_TYPE_NAMES.has(name) || name === "string") continue; // `string` is reported as a built-in type
      const suggestion = name.charAt(0).toUpperCase() + name.slice(1);
      context.report(
        createDiagnostic(
          Diagnostics.ReservedWordName,
          decl.name.span,
          { name, kind: decl.kind === "Enum" ? "an enum" : "a type" },
          { hint: formatMessage(Phrases.renameReserved, { suggestion }) },
        ),
      );
    }
  }
};
