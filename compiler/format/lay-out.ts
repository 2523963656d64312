/**
 * The canonical layout: walks the source items in order and decides only what goes between
 * them (nothing, a space, a line break, a blank line) and how far each line is indented. Tokens
 * and comments are written as they are (comments without trailing spaces and tabs), separator
 * commas are dropped, list commas stay glued to the item before them, and one-line enums get
 * `, ` between members. See docs/formatting.md for the style.
 */
import type { LayoutPlan } from "./layout-plan.js";
import { lineBreaksBetween, type SourceItem } from "./source-items.js";

const INDENT = "  ";
/** Spaces and tabs only: other invisible characters at the end of a comment are its text. */
const TRAILING_SPACE = /[ \t\f\v]+$/;
/** Tokens written right after what precedes them: `name?: T`, `list<T>`, `@min(1)`, `a.b`, `[a, b]`. */
const NO_SPACE_BEFORE = new Set([",", ":", "?", "<", ">", "(", ")", "]", "."]);
const NO_SPACE_AFTER = new Set(["<", "(", "[", ".", "?"]);

export function layOut(text: string, items: readonly SourceItem[], plan: LayoutPlan): string {
  const lines: string[] = [];
  let line: string | undefined;
  let depth = 0;
  /** End offset of the last item written, for counting the user's blank lines. */
  let previousEnd = 0;
  let previousKind: SourceItem["kind"] | undefined;
  let previousToken = "";
  /** The last token written opened a block: what follows starts a line at the new depth. */
  let openedBlock = false;
  /** No line has started since a block opened: no blank line allowed yet. */
  let firstLineInBlock = false;
  /** A `//` comment ran to the end of the line: the next item needs a new line. */
  let afterComment = false;
  /** A top-level part ended: the next line is preceded by exactly one blank line. */
  let blankPending = false;

  const emptyCloses = new Set<number>();
  const oneLineCloses = new Set<number>();
  const oneLineMembers = new Map<number, boolean>();
  for (const oneLine of plan.oneLineEnums.values()) {
    oneLineCloses.add(oneLine.close);
    oneLine.members.forEach((offset, index) => oneLineMembers.set(offset, index === 0));
  }

  const startLine = (indent: number, content: string, start: number, blankAllowed: boolean): void => {
    if (line !== undefined) {
      lines.push(line);
      const blank = blankPending || (blankAllowed && !firstLineInBlock && previousKind !== "doc" && lineBreaksBetween(text, previousEnd, start) > 1);
      if (blank) lines.push("");
    }
    blankPending = false;
    firstLineInBlock = false;
    line = INDENT.repeat(indent) + content;
  };

  /** Where the last token written ends (line index, column) and its source end: commas are glued there. */
  let tokenEnd = { line: 0, column: 0 };
  let codeEnd = 0;

  items.forEach((item, index) => {
    if (item.kind !== "token") {
      const content = item.text.replace(TRAILING_SPACE, "");
      // Trailing when code other than commas precedes it on its line (a comma goes next to its token anyway).
      const trailing = item.kind === "comment" && line !== undefined && lineBreaksBetween(text, codeEnd, item.start) === 0;
      if (trailing) line += ` ${content}`;
      else startLine(depth, content, item.start, true);
      afterComment = true;
      previousKind = item.kind;
      previousEnd = item.end;
      return;
    }
    if (plan.droppedCommas.has(item.start)) return;

    const token = item.text;
    if (token === "," && line !== undefined && items[index - 1]?.kind !== "doc") {
      // A list comma (`after A, B`) stays right after the item before it, even across a comment.
      if (tokenEnd.line === lines.length) line = `${line.slice(0, tokenEnd.column)},${line.slice(tokenEnd.column)}`;
      else lines[tokenEnd.line] = `${lines[tokenEnd.line]!.slice(0, tokenEnd.column)},${lines[tokenEnd.line]!.slice(tokenEnd.column)}`;
      tokenEnd = { line: tokenEnd.line, column: tokenEnd.column + 1 };
      previousToken = token;
      previousEnd = Math.max(previousEnd, item.end);
      return;
    }
    const isBrace = (token === "{" || token === "}") && !plan.literalBraces.has(item.start);
    if (isBrace && token === "}" && emptyCloses.has(item.start)) {
      line += "}";
    } else if (isBrace && token === "}" && oneLineCloses.has(item.start)) {
      line += " }";
    } else if (isBrace && token === "}") {
      depth--;
      startLine(depth, token, item.start, false);
    } else if (plan.anchors.has(item.start) || openedBlock) {
      startLine(depth, token, item.start, true);
    } else if (afterComment) {
      // A comment inside a construct: the construct goes on, one level deeper.
      startLine(depth + 1, token, item.start, false);
    } else if (oneLineMembers.has(item.start)) {
      line += oneLineMembers.get(item.start) ? ` ${token}` : `, ${token}`;
    } else {
      line += separator(previousToken, token) + token;
    }

    openedBlock = false;
    if (isBrace && token === "{" && !plan.oneLineEnums.has(item.start)) {
      const next = items[index + 1];
      if (next?.kind === "token" && next.text === "}") {
        emptyCloses.add(next.start);
      } else {
        depth++;
        openedBlock = true;
        firstLineInBlock = true;
      }
    }
    if (plan.boundaries.has(item.end)) blankPending = true;
    afterComment = false;
    previousKind = "token";
    previousToken = token;
    previousEnd = item.end;
    codeEnd = item.end;
    tokenEnd = { line: lines.length, column: line!.length };
  });

  if (line !== undefined) lines.push(line);
  return `${lines.join("\n")}\n`;
}

function separator(previous: string, next: string): string {
  if (previous === "" || NO_SPACE_BEFORE.has(next) || NO_SPACE_AFTER.has(previous)) return "";
  if (previous === "{" && next === "}") return ""; // a map literal: `= {}`
  return " ";
}
