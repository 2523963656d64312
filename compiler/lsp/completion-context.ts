/**
 * What may be typed at the cursor, read from the text before it. The parser is no help here:
 * mid-edit the text is usually broken exactly where the cursor is. A light scan (comments and
 * strings skipped, braces tracked) is enough to tell the few places where names are expected.
 */

export type CompletionContext =
  | { readonly kind: "type" }
  | { readonly kind: "after" }
  | { readonly kind: "on" }
  | { readonly kind: "per" }
  | { readonly kind: "topic" }
  | { readonly kind: "annotation" }
  | { readonly kind: "keywords"; readonly words: readonly string[] }
  | { readonly kind: "none" };

/** The block a statement is in: the keyword that opened each `{` (top level outside any). */
type Block = "top" | "aggregate" | "projection" | "topic" | "enum" | "type" | "event" | "state" | "other";

const BLOCK_KEYWORDS: readonly string[] = ["aggregate", "projection", "topic", "enum", "type", "event", "state"];
const TOKEN = /\/\/[^\n\r]*|"(?:[^"\\\n\r]|\\.)*"?|@[A-Za-z_]\w*|[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*|-?[0-9][\w.]*|\S/g;

export function completionContext(before: string): CompletionContext {
  const partial = /@?[A-Za-z_0-9.]*$/.exec(before)?.[0] ?? "";
  if (partial.startsWith("@")) return { kind: "annotation" };
  const text = before.slice(0, before.length - partial.length);

  const tokens: string[] = [];
  const blocks: Block[] = ["top"];
  let statementStart = 0; // index in tokens where the current statement began
  let hasNamespace = false;
  let openString = false;
  let inComment = false;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const reachesCursor = match.index + token.length === text.length;
    openString = token.startsWith('"') && (token.length === 1 || !token.endsWith('"') || token.endsWith('\\"')) && reachesCursor;
    inComment = token.startsWith("//") && reachesCursor;
    if (token.startsWith("//")) continue;
    if (token === "{") {
      const opener = tokens.slice(statementStart).find((t) => BLOCK_KEYWORDS.includes(t));
      blocks.push((opener as Block | undefined) ?? "other");
      tokens.push(token);
      statementStart = tokens.length;
      continue;
    }
    if (token === "}") {
      if (blocks.length > 1) blocks.pop();
      tokens.push(token);
      statementStart = tokens.length;
      continue;
    }
    if (token === "namespace" && blocks.length === 1) hasNamespace = true;
    tokens.push(token);
  }
  if (openString || inComment) return { kind: "none" };

  const last = tokens[tokens.length - 1];
  if (last === ":" || last === "<") return { kind: "type" };
  if (last === "," && insideAngles(tokens)) return { kind: "type" };
  const list = listKeyword(tokens);
  if (list === "after" || list === "on" || list === "per") return { kind: list };
  if (list === "in") return { kind: "topic" };

  const block = blocks[blocks.length - 1] ?? "top";
  const n = tokens.length;
  if (block === "aggregate" && (tokens[n - 2] === "event" || (tokens[n - 3] === "event" && /^v[0-9]+$/.test(last ?? ""))))
    return { kind: "keywords", words: ["creates", "after", "ends"] };
  if (block === "top" && tokens[n - 2] === "aggregate") return { kind: "keywords", words: ["in"] };
  if (block === "top" && tokens[n - 2] === "projection") return { kind: "keywords", words: ["per"] };

  const lineBefore = text.slice(text.lastIndexOf("\n") + 1);
  const atStatementStart = lineBefore.trim() === "" || last === "{" || last === "}";
  if (!atStatementStart) return { kind: "none" };
  switch (block) {
    case "top":
      return { kind: "keywords", words: [...(hasNamespace ? [] : ["namespace"]), "import", "enum", "type", "topic", "aggregate", "projection"] };
    case "aggregate":
      return { kind: "keywords", words: ["key", "event"] };
    case "projection":
      return { kind: "keywords", words: ["on", "state"] };
    case "topic":
      return { kind: "keywords", words: ["partitions"] };
    default:
      return { kind: "none" };
  }
}

/** True when the tokens end inside `map<` / `list<` (a `,` there separates type arguments). */
function insideAngles(tokens: readonly string[]): boolean {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t === ">") depth++;
    else if (t === "<") {
      if (depth === 0) return true;
      depth--;
    } else if (t === "{" || t === "}" || t === ":") return false;
  }
  return false;
}

/** The keyword whose name list the tokens end in: `after A, B,` → after; `per` → per. */
function listKeyword(tokens: readonly string[]): string | undefined {
  let i = tokens.length - 1;
  const isListKeyword = (t: string | undefined) => t === "after" || t === "on" || t === "per" || t === "in";
  if (isListKeyword(tokens[i])) return tokens[i];
  // `after A, B, |`: walk back over `name ,` pairs (only after and on take lists).
  while (tokens[i] === "," && /^[A-Za-z_]/.test(tokens[i - 1] ?? "")) {
    i -= 2;
    if (tokens[i] === "after" || tokens[i] === "on") return tokens[i];
  }
  return undefined;
}
