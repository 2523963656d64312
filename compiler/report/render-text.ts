/**
 * The human format of diagnostics:
 *
 *     shop.events:12:10: error EV2002: Unknown type "Mony". Did you mean "Money"?
 *        |
 *     12 |   price: Mony
 *        |          ^~~~
 *        = help: ...
 *     common.events:3:6: note: "Money" is declared here.
 *        |
 *      3 | type Money {
 *        |      ^~~~~
 */
import type { Span } from "../../grammar/ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { codeFrame } from "./code-frame.js";
import { sourceLines, type SourceLines } from "./source-lines.js";
import { colourStyle, plainStyle, type Style } from "./style.js";

export interface RenderOptions {
  /** Source text by path (the paths used in spans); frames are left out for unknown files. */
  readonly sources?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** ANSI colours; off unless asked for. */
  readonly color?: boolean;
  /** How a span's path is printed (e.g. relative to the current folder). Default: as is. */
  readonly displayPath?: (path: string) => string;
}

export function renderText(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const renderer = new TextRenderer(options);
  return diagnostics.map((d) => renderer.render(d)).join("\n") + (diagnostics.length > 0 ? "\n" : "");
}

/** A one-line summary such as "2 errors, 1 warning". */
export function renderSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

class TextRenderer {
  private readonly style: Style;
  private readonly lines = new Map<string, SourceLines | undefined>();

  constructor(private readonly options: RenderOptions) {
    this.style = options.color === true ? colourStyle : plainStyle;
  }

  render(d: Diagnostic): string {
    const { style } = this;
    const spans = [d.span, ...(d.related ?? []).map((r) => r.span)].filter((s): s is Span => s !== undefined);
    const gutterWidth = Math.max(2, ...spans.map((s) => String(this.linesOf(s.file)?.lineOf(s.start.offset) ?? s.start.line).length));
    const out: string[] = [];
    const head = `${style.severity(d.severity, d.severity)} ${style.severity(d.severity, d.code)}: ${style.message(d.message)}`;
    out.push(d.span ? `${this.location(d.span)}: ${head}` : head);
    if (d.span) out.push(...this.frame(d.span, gutterWidth, d.severity));
    if (d.hint !== undefined) out.push(`${" ".repeat(gutterWidth)} ${style.gutter("=")} ${style.help("help")}: ${d.hint}`);
    for (const related of d.related ?? []) {
      out.push(`${this.location(related.span)}: ${style.severity("note", "note")}: ${related.message}`);
      out.push(...this.frame(related.span, gutterWidth, "note"));
    }
    return out.join("\n");
  }

  private location(span: Span): string {
    const path = this.options.displayPath ? this.options.displayPath(span.file) : span.file;
    return `${path}:${span.start.line}:${span.start.column}`;
  }

  private frame(span: Span, gutterWidth: number, tone: "error" | "warning" | "note"): string[] {
    const lines = this.linesOf(span.file);
    return lines ? codeFrame(span, lines, this.style, gutterWidth, tone) : [];
  }

  private linesOf(file: string): SourceLines | undefined {
    if (!this.lines.has(file)) {
      const sources = this.options.sources;
      const text = sources === undefined ? undefined : sources instanceof Map ? sources.get(file) : (sources as Record<string, string>)[file];
      this.lines.set(file, text === undefined ? undefined : sourceLines(text));
    }
    return this.lines.get(file);
  }
}
