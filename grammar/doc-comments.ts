/**
 * Attaching `///` doc comments to what they document.
 *
 * The lexer keeps doc comments out of the parser's way (a token group), so a doc comment
 * can never cause a syntax error. Every run of doc comments belongs to the first real token
 * after it; the CST visitor asks for the doc at the first token of each declaration, key,
 * event, field and enum member. A run nobody asks for is reported as dangling.
 */
import type { IToken } from "chevrotain";
import type { DocComment } from "./ast.js";

interface DocRun {
  readonly lines: IToken[];
  used: boolean;
}

/** `/// text` → `text`: the three slashes and one following space are removed. */
function docLineText(image: string): string {
  const rest = image.slice(3);
  return rest.startsWith(" ") ? rest.slice(1) : rest;
}

export class DocAttachments {
  /** Doc runs by the start offset of the token they precede (-1: end of file). */
  private readonly runs = new Map<number, DocRun>();

  constructor(
    private readonly file: string,
    docTokens: readonly IToken[],
    significant: readonly IToken[],
  ) {
    let next = 0;
    for (const doc of docTokens) {
      while (next < significant.length && significant[next]!.startOffset < doc.startOffset) next++;
      const target = next < significant.length ? significant[next]!.startOffset : -1;
      const run = this.runs.get(target);
      if (run === undefined) this.runs.set(target, { lines: [doc], used: false });
      else run.lines.push(doc);
    }
  }

  /** The doc comment written right before the token starting at `offset`, marked as used. */
  take(offset: number): DocComment | undefined {
    if (this.runs.size === 0) return undefined;
    const run = this.runs.get(offset);
    if (run === undefined || offset < 0) return undefined;
    run.used = true;
    return this.toDoc(run);
  }

  /**
   * Doc comments that document nothing, in file order. Docs before a token that error
   * recovery skipped (`skipped` offsets) are left out: their syntax error says enough.
   */
  dangling(skipped: ReadonlySet<number>): DocComment[] {
    const result: DocComment[] = [];
    for (const [target, run] of this.runs) if (!run.used && !skipped.has(target)) result.push(this.toDoc(run));
    return result.sort((a, b) => a.span.start.offset - b.span.start.offset);
  }

  private toDoc(run: DocRun): DocComment {
    const first = run.lines[0]!;
    const last = run.lines[run.lines.length - 1]!;
    return {
      text: run.lines.map((line) => docLineText(line.image)).join("\n"),
      span: {
        file: this.file,
        start: { offset: first.startOffset, line: first.startLine ?? 1, column: first.startColumn ?? 1 },
        end: {
          offset: (last.endOffset ?? last.startOffset) + 1,
          line: last.endLine ?? 1,
          column: (last.endColumn ?? 0) + 1,
        },
      },
    };
  }
}
