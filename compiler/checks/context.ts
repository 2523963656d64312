/**
 * What every check gets: the resolved program and a way to report. Checks are small
 * functions (`rules/*.ts`), each enforcing one rule of the language, like graphql-js's
 * validation rules; they never throw on odd input (recovered syntax trees may lack parts).
 */
import type { QualifiedName, Span } from "../../grammar/ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Program } from "../resolve/program.js";
import type { SourceFile } from "../resolve/source-file.js";
import type { DeclSymbol } from "../resolve/symbols.js";

export interface CheckContext {
  readonly program: Program;
  report(diagnostic: Diagnostic): void;
  /** The declaration a reference names, when it resolved to a declaration of an accepted kind. */
  resolved(ref: QualifiedName | undefined): DeclSymbol | undefined;
  /** True when a syntax problem lies inside `span`: checks about missing parts stay quiet there, since the parser lost them. */
  hasSyntaxProblemIn(span: Span): boolean;
  /** Files that declare a namespace (files whose namespace did not parse get syntax diagnostics only). */
  readonly checkedFiles: readonly SourceFile[];
  /**
   * Computes a value about an AST node once per program (several checks ask for the same
   * field types and annotations; on large specs recomputing them dominated the run time).
   */
  memo<K extends object, V>(table: string, node: K, compute: () => V): V;
}

export type Check = (context: CheckContext) => void;

export function createCheckContext(program: Program, report: (d: Diagnostic) => void): CheckContext {
  const problemsByFile = new Map<string, { start: number; end: number }[]>();
  for (const file of program.files) {
    problemsByFile.set(
      file.path,
      file.syntaxProblems.map((p) => ({ start: p.span.start.offset, end: p.span.end.offset })),
    );
  }
  // Plain maps, not WeakMaps: they live as long as the context, and WeakMaps were much slower here.
  const memos = new Map<string, Map<object, unknown>>();
  return {
    program,
    report,
    resolved(ref) {
      if (ref === undefined) return undefined;
      const site = program.referenceAt.get(ref);
      return site?.resolution.status === "found" ? site.resolution.symbol : undefined;
    },
    hasSyntaxProblemIn(span) {
      const problems = problemsByFile.get(span.file) ?? [];
      return problems.some((p) => p.start >= span.start.offset && p.start <= span.end.offset);
    },
    checkedFiles: program.files.filter((f) => Boolean(f.ast.namespace?.text)),
    memo<K extends object, V>(table: string, node: K, compute: () => V): V {
      let values = memos.get(table) as Map<K, V> | undefined;
      if (values === undefined) {
        values = new Map<K, V>();
        memos.set(table, values);
      }
      const known = values.get(node);
      if (known !== undefined || values.has(node)) return known as V;
      const value = compute();
      values.set(node, value);
      return value;
    },
  };
}
