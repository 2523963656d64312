/** The `.events` grammar: `parse(text, file)` and the syntax tree it returns. */
export { parse, MAX_NESTING, type ParseResult } from "./parse.js";
export type * from "./ast.js";
export { PRIMITIVE_TYPES, isPrimitiveName } from "./ast.js";
export type { SyntaxProblem } from "./syntax-problem.js";
