/**
 * Offsets ↔ LSP positions for one text. Spans carry 0-based UTF-16 offsets, which is exactly
 * what LSP counts in, so converting through offsets needs no column arithmetic. The compiler
 * strips a leading byte-order mark before parsing; `bom` shifts its offsets back onto the
 * editor's text.
 */
import type { Position as LspPosition, Range } from "vscode-languageserver";
import type { Span } from "../../grammar/ast.js";

export class LineIndex {
  private readonly lineStarts: number[] = [0];
  private readonly bom: number;

  constructor(private readonly text: string) {
    this.bom = text.startsWith("\uFEFF") ? 1 : 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  /** The editor offset of a compiler offset (clamped to the text). */
  editorOffset(compilerOffset: number): number {
    return Math.max(0, Math.min(this.text.length, compilerOffset + this.bom));
  }

  /** The compiler offset of an editor offset. */
  compilerOffset(editorOffset: number): number {
    return Math.max(0, editorOffset - this.bom);
  }

  positionAt(editorOffset: number): LspPosition {
    const offset = Math.max(0, Math.min(this.text.length, editorOffset));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low]! };
  }

  offsetAt(position: LspPosition): number {
    const start = this.lineStarts[Math.max(0, Math.min(position.line, this.lineStarts.length - 1))]!;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[position.line + 1] ?? this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  /** The LSP range of a span of this text. */
  range(span: Span): Range {
    const start = this.editorOffset(span.start.offset);
    const end = Math.max(start, this.editorOffset(span.end.offset));
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
