/**
 * Independent yardsticks for the formatter's promises (written without its code, so a bug in
 * the formatter cannot hide itself): the meaning of a spec as its syntax tree without
 * positions, the comments of a text found by a plain character scanner, and the order of
 * everything that is not whitespace or a comma.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../../grammar/index.js";
import { eventsLexer } from "../../grammar/tokens.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The syntax tree as JSON without spans and paths; `creates`/`ends`/... spans become `true` (their presence is meaning). */
export function meaningOf(text: string): unknown {
  const { ast } = parse(text, "spec.events");
  const problems = parse(text, "spec.events").problems.filter((p) => p.kind !== "DanglingDocComment");
  if (problems.length > 0) throw new Error(`expected a valid spec, got ${problems.map((p) => p.kind).join(", ")}:\n${text}`);
  return JSON.parse(
    JSON.stringify(ast, function (key, value: unknown) {
      if (key === "path") return undefined;
      if (typeof value === "object" && value !== null && "file" in value && "start" in value) {
        return key === "span" || key === "pathSpan" ? undefined : true;
      }
      // The formatter drops trailing whitespace, also at the end of `///` lines.
      if (key === "doc" && typeof value === "object" && value !== null) {
        return { text: (value as { text: string }).text.replace(/[ \t\f\v]+$/gm, "") };
      }
      return value;
    }),
  );
}

export interface FoundComment {
  /** Without trailing whitespace. */
  readonly text: string;
  /** Code other than commas precedes it on its line. */
  readonly trailing: boolean;
  /** Offset in the text. */
  readonly at: number;
}

/** Every `//` and `///` comment, found by scanning characters (string literals skipped). */
export function commentsOf(text: string): FoundComment[] {
  const found: FoundComment[] = [];
  let codeOnLine = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n" || c === "\r") {
      codeOnLine = false;
    } else if (c === '"') {
      codeOnLine = true;
      for (i++; i < text.length && text[i] !== '"' && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      let end = i;
      while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
      found.push({ text: text.slice(i, end).replace(/[ \t\f\v]+$/, ""), trailing: codeOnLine, at: i });
      i = end - 1;
    } else if (!/\s/.test(c) && c !== ",") {
      codeOnLine = true;
    }
  }
  return found;
}

/** Tokens other than commas, and comments, in text order: what the formatter may not reorder. */
export function orderOf(text: string): string[] {
  const tokens = eventsLexer.tokenize(text).tokens.filter((t) => t.image !== ",").map((t) => ({ at: t.startOffset, text: t.image }));
  return [...tokens, ...commentsOf(text)].sort((a, b) => a.at - b.at).map((x) => x.text);
}

/** Every `.events` file of the examples and the test specs, relative to the repository. */
export function specFilesOfRepository(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(path);
      else if (entry.isFile() && entry.name.endsWith(".events")) found.push(path);
    }
  };
  for (const dir of ["examples", "test/golden/specs", "test/grammar/fixtures"]) walk(dir);
  return found.sort();
}
