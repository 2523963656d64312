/** One loaded and parsed spec file, and how files are read and parsed (both injectable, so tests run in memory). */
import type { SpecFile } from "../../grammar/ast.js";
import type { SyntaxProblem } from "../../grammar/syntax-problem.js";

export interface SourceFile {
  /** Normalised path, the same string as in every span of the file. */
  readonly path: string;
  readonly text: string;
  readonly ast: SpecFile;
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** Paths of the files this file imports that could be loaded (without itself, without repeats). */
  readonly imports: readonly string[];
}

/**
 * Reads a spec file: its text, or `undefined` when there is no such file. Any other failure
 * (permissions, a folder) is thrown and reported as "cannot read".
 */
export type ReadFile = (path: string) => string | undefined;

export type ParseFile = (text: string, file: string) => { readonly ast: SpecFile; readonly problems: readonly SyntaxProblem[] };
