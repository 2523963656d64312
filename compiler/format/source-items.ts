/**
 * The text of a spec as one ordered list of items: the parser's tokens, `///` doc lines and
 * `//` comments. The formatter re-lays out this list and changes nothing but the whitespace
 * between items (and separator commas), so every comment survives by construction.
 */
import type { IToken } from "chevrotain";
import { eventsLexer } from "../../grammar/tokens.js";

export type SourceItem =
  | { readonly kind: "token"; readonly token: IToken; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: "doc" | "comment"; readonly text: string; readonly start: number; readonly end: number };

export type TokenItem = Extract<SourceItem, { kind: "token" }>;

/**
 * Lexes `text` with the grammar's own lexer. Plain comments are skipped by that lexer, so they
 * are recovered from the gaps between tokens and doc lines: for a text that lexes without
 * errors, a gap holds only whitespace and `//` comments, each running to the end of its line.
 */
export function sourceItems(text: string): SourceItem[] {
  const lexed = eventsLexer.tokenize(text);
  const docs = lexed.groups["docs"] ?? [];
  const known: SourceItem[] = [];
  let d = 0;
  for (const token of lexed.tokens) {
    while (d < docs.length && docs[d]!.startOffset < token.startOffset) known.push(docItem(docs[d++]!));
    known.push({ kind: "token", token, text: token.image, start: token.startOffset, end: token.startOffset + token.image.length });
  }
  while (d < docs.length) known.push(docItem(docs[d++]!));

  const items: SourceItem[] = [];
  let gapStart = 0;
  for (const item of known) {
    pushComments(text, gapStart, item.start, items);
    items.push(item);
    gapStart = item.end;
  }
  pushComments(text, gapStart, text.length, items);
  return items;
}

function docItem(token: IToken): SourceItem {
  return { kind: "doc", text: token.image, start: token.startOffset, end: token.startOffset + token.image.length };
}

const COMMENT = /\/\/[^\n\r]*/g;

function pushComments(text: string, from: number, to: number, into: SourceItem[]): void {
  if (to - from < 2) return;
  const gap = text.slice(from, to);
  if (!gap.includes("//")) return;
  for (const match of gap.matchAll(COMMENT)) {
    const start = from + match.index;
    into.push({ kind: "comment", text: match[0], start, end: start + match[0].length });
  }
}

/** How many line breaks (`\n`, `\r\n` or `\r`) the text holds between two offsets. */
export function lineBreaksBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(index + 1) === 10) index++;
    }
  }
  return count;
}
